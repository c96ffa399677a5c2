import { useEffect } from 'react';
import { Alert, Button, Flex, Form, Input, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DISPUTE_TYPES, type PartySide } from '../../../../domain/mediation';
import { useAuth } from '../../app/auth';
import { useLang } from '../../app/i18n';
import { CompoundSelect } from '../../shared/CompoundSelect';
import { FormModal } from '../governance/FormModal';
import { DateField, shanghaiToday } from '../governance/fields';
import { useCreateDispute, useMediationOptions, type CreateDisputeDto } from './api';
import { typeLabel } from './tags';

/** The case a dispute is turned from (转人民调解): its number, compound and facts fill the form. */
export interface FromCase {
  id: string;
  caseNo: string;
  compound: { id: string; name: string };
  title: string;
  description: string;
  reporterName: string | null;
}

type Values = Omit<CreateDisputeDto, 'parties'> & {
  parties: { side: PartySide; name: string; phone?: string }[];
};

/** Registering a dispute: from the queue (choosing a compound) or from a case (its compound, its facts). */
export function RegisterDisputeModal(props: {
  fromCase?: FromCase;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const create = useCreateDispute();
  const c = props.fromCase;
  const required = [{ required: true, whitespace: true, message: t('gov.required') }];
  return (
    <FormModal<Values>
      title={c ? t('mediation.fromCaseTitle', { caseNo: c.caseNo }) : t('mediation.registerTitle')}
      open
      width={680}
      onClose={props.onClose}
      testId="dispute-register"
      initialValues={{
        type: 'owner_owner',
        receivedOn: shanghaiToday(),
        compoundId: c?.compound.id,
        subject: c?.title.slice(0, 200),
        facts: c?.description,
        parties: [
          { side: 'applicant', name: c?.reporterName ?? '' },
          { side: 'respondent', name: '' },
        ],
      }}
      submit={async (v) => {
        const parties = v.parties
          .filter((p) => p.name?.trim())
          .map((p) => ({ ...p, phone: p.phone?.trim() || undefined }));
        const r = await create.mutateAsync({ ...v, parties, caseId: c?.id });
        props.onCreated(r.id);
      }}
    >
      {c && <Alert type="info" showIcon title={t('mediation.fromCaseHint')} style={{ marginBottom: 12 }} />}
      <Form.Item name="compoundId" label={t('mediation.compound')} rules={required}>
        {c ? (
          <Select disabled options={[{ value: c.compound.id, label: c.compound.name }]} />
        ) : (
          <CompoundSelect testId="dispute-compound" />
        )}
      </Form.Item>
      <CommitteeFields />
      <Form.Item name="type" label={t('mediation.type')} rules={required}>
        <Select
          data-testid="dispute-type"
          options={DISPUTE_TYPES.map((k) => ({ value: k, label: typeLabel(k, lang) }))}
        />
      </Form.Item>
      <Form.Item name="subject" label={t('mediation.subject')} rules={required}>
        <Input maxLength={200} data-testid="dispute-subject" />
      </Form.Item>
      <Form.Item name="facts" label={t('mediation.facts')} rules={required}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="dispute-facts" />
      </Form.Item>
      <PartiesField />
      <DateField name="receivedOn" label={t('mediation.receivedOn')} testId="dispute-received-on" />
    </FormModal>
  );
}

/** The street's committees and mediators, once a compound is chosen; the signed-in mediator by default. */
function CommitteeFields() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const form = Form.useFormInstance<Values>();
  const compoundId = Form.useWatch('compoundId', form);
  const options = useMediationOptions(compoundId);
  useEffect(() => {
    const o = options.data;
    if (!o) return;
    if (!o.committees.some((x) => x.id === form.getFieldValue('committeeOrgId')))
      form.setFieldValue('committeeOrgId', o.committees[0]?.id);
    if (!o.mediators.some((x) => x.id === form.getFieldValue('mediatorUserId')))
      form.setFieldValue('mediatorUserId', o.mediators.find((m) => m.id === me?.id)?.id);
  }, [options.data, form, me?.id]);
  if (!compoundId)
    return (
      <Typography.Paragraph type="secondary" data-testid="dispute-pick-compound">
        {t('mediation.pickCompound')}
      </Typography.Paragraph>
    );
  if (options.isError)
    return <Alert type="error" showIcon title={options.error.message} style={{ marginBottom: 12 }} />;
  const none = options.data && options.data.committees.length === 0;
  return (
    <>
      {none && (
        <Alert type="warning" showIcon title={t('mediation.noCommittee')} style={{ marginBottom: 12 }} />
      )}
      <Space wrap align="start">
        <Form.Item
          name="committeeOrgId"
          label={t('mediation.committee')}
          rules={[{ required: true, message: t('gov.required') }]}
        >
          <Select
            style={{ width: 280 }}
            loading={options.isPending}
            data-testid="dispute-committee"
            options={(options.data?.committees ?? []).map((x) => ({ value: x.id, label: x.name }))}
          />
        </Form.Item>
        <Form.Item name="mediatorUserId" label={t('mediation.mediator')}>
          <Select
            style={{ width: 280 }}
            allowClear
            loading={options.isPending}
            placeholder={t('mediation.noMediator')}
            data-testid="dispute-mediator"
            options={(options.data?.mediators ?? []).map((x) => ({ value: x.id, label: x.name }))}
          />
        </Form.Item>
      </Space>
    </>
  );
}

/** The parties: applicants and respondents by name, a phone each if known (shown masked afterwards). */
function PartiesField() {
  const { t } = useTranslation();
  const sides = [
    { value: 'applicant', label: t('mediation.applicant') },
    { value: 'respondent', label: t('mediation.respondent') },
  ];
  return (
    <Form.Item
      label={t('mediation.parties')}
      required
      extra={t('mediation.partiesRule')}
      style={{ marginBottom: 12 }}
    >
      <Form.List
        name="parties"
        rules={[
          {
            validator: async (_, parties: Values['parties']) => {
              const named = (parties ?? []).filter((p) => p?.name?.trim());
              if (!named.some((p) => p.side === 'applicant') || !named.some((p) => p.side === 'respondent'))
                throw new Error(t('mediation.partiesRule'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Flex vertical gap={0}>
            {fields.map((f, i) => (
              <Space key={f.key} wrap align="start" size={6} data-testid={`dispute-party-${i}`}>
                <Form.Item name={[f.name, 'side']} noStyle>
                  <Select style={{ width: 110 }} options={sides} aria-label={t('mediation.parties')} />
                </Form.Item>
                <Form.Item name={[f.name, 'name']} style={{ marginBottom: 8 }}>
                  <Input
                    maxLength={100}
                    placeholder={t('mediation.partyName')}
                    style={{ width: 200 }}
                    data-testid={`dispute-party-${i}-name`}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'phone']}
                  style={{ marginBottom: 8 }}
                  rules={[{ pattern: /^[0-9+\-() ]{5,20}$/, message: t('mediation.phoneRule') }]}
                >
                  <Input
                    maxLength={20}
                    inputMode="tel"
                    placeholder={t('mediation.partyPhone')}
                    style={{ width: 170 }}
                    data-testid={`dispute-party-${i}-phone`}
                  />
                </Form.Item>
                {fields.length > 2 && (
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('mediation.removeParty')}
                    onClick={() => remove(f.name)}
                  />
                )}
              </Space>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ side: 'respondent', name: '' })}
              style={{ alignSelf: 'flex-start' }}
              data-testid="dispute-party-add"
            >
              {t('mediation.addParty')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
