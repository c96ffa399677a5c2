import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { REFERRAL_ROUTES, type DisputeAction } from '../../../../domain/mediation';
import { useLang } from '../../app/i18n';
import { categoryName } from '../../shared/categories';
import { useCategories } from '../cases/api';
import { FormModal } from '../governance/FormModal';
import { DateField, shanghaiToday } from '../governance/fields';
import { useDisputeStep, useMediationOptions, type DisputeDto } from './api';
import { actionLabel, routeLabel } from './tags';

type Values = Record<string, string | undefined>;

/** One step on a dispute — a session or an outcome — with the dispute's version (409 when it changed). */
export function StepModal({
  d,
  action,
  onClose,
}: {
  d: DisputeDto;
  action: DisputeAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const step = useDisputeStep(d.id);
  const today = shanghaiToday();
  const v = d.version;
  const submit = (x: Values) => {
    const s = (k: string) => (x[k] ?? '').trim();
    switch (action) {
      case 'recordSession':
        return step.mutateAsync({
          kind: 'session',
          version: v,
          heldOn: s('on'),
          place: s('place') || undefined,
          notes: s('notes'),
        });
      case 'assign':
        return step.mutateAsync({ kind: 'action', action, version: v, mediatorUserId: s('mediator') });
      case 'agree':
        return step.mutateAsync({
          kind: 'action',
          action,
          version: v,
          agreedOn: s('on'),
          facts: s('facts'),
          terms: s('terms'),
          performanceMethod: s('method'),
          performanceDeadline: s('deadline'),
        });
      case 'sign':
        return step.mutateAsync({ kind: 'action', action, version: v, signedOn: s('on') });
      case 'fail':
        return step.mutateAsync({
          kind: 'action',
          action,
          version: v,
          on: s('on'),
          route: s('route') as 'arbitration' | 'court',
          body: s('body'),
          note: s('note'),
        });
      case 'withdraw':
        return step.mutateAsync({ kind: 'action', action, version: v, on: s('on'), note: s('note') });
      case 'toCase':
        return step.mutateAsync({
          kind: 'action',
          action,
          version: v,
          categoryCode: s('category'),
          note: s('note'),
        });
      case 'confirm':
        return step.mutateAsync({
          kind: 'action',
          action,
          version: v,
          court: s('court'),
          appliedOn: s('applied'),
          ruledOn: s('on'),
          rulingNo: s('rulingNo'),
        });
    }
  };
  return (
    <FormModal<Values>
      title={t('mediation.stepTitle', { action: actionLabel(action, lang), subject: d.subject })}
      open
      width={620}
      onClose={onClose}
      submit={submit}
      testId="dispute-step"
      initialValues={{
        on: today,
        applied: today,
        facts: d.facts,
        route: 'court',
      }}
    >
      <Fields d={d} action={action} />
    </FormModal>
  );
}

function Fields({ d, action }: { d: DisputeDto; action: DisputeAction }) {
  const { t } = useTranslation();
  const lang = useLang();
  const required = [{ required: true, whitespace: true, message: t('gov.required') }];
  const text = (name: string, label: string, rows = 3, max = 4000, extra?: string) => (
    <Form.Item name={name} label={label} rules={required} extra={extra}>
      <Input.TextArea rows={rows} maxLength={max} data-testid={`step-${name}`} />
    </Form.Item>
  );
  const line = (name: string, label: string, max = 200) => (
    <Form.Item name={name} label={label} rules={required}>
      <Input maxLength={max} data-testid={`step-${name}`} />
    </Form.Item>
  );
  switch (action) {
    case 'recordSession':
      return (
        <>
          <DateField name="on" label={t('mediation.heldOn')} testId="step-on" />
          <Form.Item name="place" label={t('mediation.place')}>
            <Input maxLength={200} data-testid="step-place" />
          </Form.Item>
          {text('notes', t('mediation.notes'), 4, 4000, t('mediation.sessionNotesHint'))}
        </>
      );
    case 'assign':
      return <MediatorField compoundId={d.compoundId} />;
    case 'agree':
      return (
        <>
          <DateField name="on" label={t('mediation.agreedOn')} testId="step-on" />
          {text('facts', t('mediation.agreementFacts'))}
          {text('terms', t('mediation.terms'), 4)}
          {line('method', t('mediation.performanceMethod'), 500)}
          <DateField name="deadline" label={t('mediation.performanceDeadline')} testId="step-deadline" />
        </>
      );
    case 'sign':
      return <DateField name="on" label={t('mediation.signedOn')} testId="step-on" />;
    case 'fail':
      return (
        <>
          <DateField name="on" label={t('mediation.on')} testId="step-on" />
          <Form.Item name="route" label={t('mediation.referralRoute')} rules={required}>
            <Select
              data-testid="step-route"
              options={REFERRAL_ROUTES.map((r) => ({ value: r, label: routeLabel(r, lang) }))}
            />
          </Form.Item>
          {line('body', t('mediation.referralBody'))}
          {text('note', t('mediation.failNote'), 3, 2000)}
        </>
      );
    case 'withdraw':
      return (
        <>
          <DateField name="on" label={t('mediation.on')} testId="step-on" />
          {text('note', t('mediation.withdrawNote'), 2, 2000)}
        </>
      );
    case 'toCase':
      return (
        <>
          <CategoryField />
          {text('note', t('mediation.toCaseNote'), 2, 2000)}
        </>
      );
    case 'confirm':
      return (
        <>
          {line('court', t('mediation.court'))}
          <DateField name="applied" label={t('mediation.appliedOn')} testId="step-applied" />
          <DateField name="on" label={t('mediation.ruledOn')} testId="step-on" />
          {line('rulingNo', t('mediation.rulingNo'), 100)}
        </>
      );
  }
}

function MediatorField({ compoundId }: { compoundId: string }) {
  const { t } = useTranslation();
  const options = useMediationOptions(compoundId);
  return (
    <Form.Item
      name="mediator"
      label={t('mediation.mediator')}
      rules={[{ required: true, message: t('gov.required') }]}
    >
      <Select
        loading={options.isPending}
        data-testid="step-mediator"
        options={(options.data?.mediators ?? []).map((m) => ({ value: m.id, label: m.name }))}
      />
    </Form.Item>
  );
}

function CategoryField() {
  const { t } = useTranslation();
  const lang = useLang();
  const categories = useCategories();
  return (
    <Form.Item
      name="category"
      label={t('mediation.category')}
      rules={[{ required: true, message: t('gov.required') }]}
    >
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        loading={categories.isLoading}
        data-testid="step-category"
        options={(categories.data ?? []).map((c) => ({ value: c.code, label: categoryName(c, lang) }))}
      />
    </Form.Item>
  );
}
