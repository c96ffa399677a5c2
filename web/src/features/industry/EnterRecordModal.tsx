import { Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../governance/FormModal';
import { DateField, shanghaiToday } from '../governance/fields';
import { useCreditRules, useEnterRecord, type CompanyReportDto, type ContractDto } from './api';

type Values = {
  ruleCode: string;
  managerId?: string;
  compoundId?: string;
  facts: string;
  evidence: string;
  source: string;
  occurredOn: string;
};

/**
 * Entering a credit record (信用记录) against the company or one of its project managers, from the rule table
 * (points are data, marked unverified until a source is entered); the district confirms it afterwards.
 */
export function EnterRecordModal({
  company,
  contracts,
  onClose,
}: {
  company: CompanyReportDto;
  contracts: ContractDto[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const rules = useCreditRules(true);
  const enter = useEnterRecord();
  const compounds = [...new Map(contracts.map((c) => [c.compoundId, c.compoundName])).entries()];
  const submit = (v: Values) =>
    enter.mutateAsync({
      ruleCode: v.ruleCode,
      ...(rules.data?.items.find((r) => r.code === v.ruleCode)?.subject === 'manager'
        ? { managerId: v.managerId }
        : { companyId: company.id }),
      compoundId: v.compoundId || undefined,
      facts: v.facts.trim(),
      evidence: v.evidence.trim(),
      source: v.source.trim(),
      occurredOn: v.occurredOn,
    });
  return (
    <FormModal<Values>
      title={t('industry.enterTitle', { company: company.name })}
      open
      width={620}
      onClose={onClose}
      submit={submit}
      okText={t('industry.submit')}
      testId="enter-record"
      initialValues={{ occurredOn: shanghaiToday(), compoundId: compounds[0]?.[0] }}
    >
      <Typography.Paragraph type="secondary">{t('industry.enterHint')}</Typography.Paragraph>
      <Fields company={company} compounds={compounds} rules={rules} />
    </FormModal>
  );
}

function Fields({
  company,
  compounds,
  rules,
}: {
  company: CompanyReportDto;
  compounds: [string, string][];
  rules: ReturnType<typeof useCreditRules>;
}) {
  const { t } = useTranslation();
  const ruleCode = Form.useWatch<string | undefined>('ruleCode', Form.useFormInstance());
  const rule = rules.data?.items.find((r) => r.code === ruleCode);
  const required = [{ required: true, whitespace: true, message: t('gov.required') }];
  return (
    <>
      <Form.Item name="ruleCode" label={t('industry.rule')} rules={required}>
        <Select
          data-testid="enter-rule"
          showSearch
          optionFilterProp="label"
          loading={rules.isPending}
          options={(rules.data?.items ?? []).map((r) => ({
            value: r.code,
            label: t(r.verified ? 'industry.ruleOption' : 'industry.ruleOptionUnverified', {
              name: `${r.subject === 'manager' ? t('industry.managerWhich') + '：' : ''}${r.name}`,
              kind: t(`industry.recordKind.${r.kind}`),
              points: r.points,
            }),
          }))}
        />
      </Form.Item>
      {rule?.subject === 'manager' && (
        <Form.Item name="managerId" label={t('industry.managerWhich')} rules={required}>
          <Select
            data-testid="enter-manager"
            options={company.managers.map((m) => ({ value: m.id, label: m.name }))}
          />
        </Form.Item>
      )}
      <Form.Item name="compoundId" label={t('industry.where')}>
        <Select
          data-testid="enter-compound"
          allowClear
          options={compounds.map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      <DateField name="occurredOn" label={t('industry.occurredOn')} testId="enter-occurred" />
      <Form.Item name="facts" label={t('industry.facts')} rules={required}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="enter-facts" />
      </Form.Item>
      <Form.Item name="evidence" label={t('industry.evidence')} rules={required}>
        <Input.TextArea rows={2} maxLength={4000} data-testid="enter-evidence" />
      </Form.Item>
      <Form.Item name="source" label={t('industry.source')} rules={required}>
        <Input maxLength={200} placeholder={t('industry.sourcePlaceholder')} data-testid="enter-source" />
      </Form.Item>
    </>
  );
}
