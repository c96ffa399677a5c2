import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../governance/FormModal';
import { DateField, shanghaiToday } from '../governance/fields';
import { useDecisions } from '../governance/api';
import { usePayment, type PaymentBodyDto } from './api';

/**
 * Records a disbursement (列支) on a posted use_fund decision of the compound: the voucher number, the item, the
 * reviewed cost. The server shares it over the decision's units by area (Art 68) and refuses what the law
 * does not allow (no passed decision, a ledger that cannot cover its share, a voucher booked before).
 */
export function PaymentModal(props: { compoundId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const pay = usePayment(props.compoundId);
  const decisions = useDecisions({ compound: props.compoundId, status: 'published' });
  const options = decisions.rows
    .filter((d) => d.matter === 'use_fund')
    .map((d) => ({ value: d.id, label: d.title }));
  return (
    <FormModal<PaymentBodyDto>
      title={t('fund.pay.title')}
      open={props.open}
      onClose={props.onClose}
      testId="fund-pay"
      okText={t('fund.pay.submit')}
      initialValues={{ paidOn: shanghaiToday() }}
      submit={(v) => pay.mutateAsync(v)}
    >
      <Form.Item
        name="decisionId"
        label={t('fund.decision')}
        extra={t('fund.pay.decisionHint')}
        rules={[{ required: true, message: t('gov.required') }]}
      >
        <Select options={options} loading={decisions.isPending} data-testid="fund-pay-decision" />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('fund.paymentTitle')}
        rules={[{ required: true, message: t('gov.required') }]}
      >
        <Input maxLength={200} data-testid="fund-pay-title" />
      </Form.Item>
      <Form.Item
        name="cost"
        label={t('fund.pay.cost')}
        rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/, message: t('fund.pay.costRule') }]}
      >
        <Input inputMode="decimal" data-testid="fund-pay-cost" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="reference"
        label={t('fund.reference')}
        rules={[{ required: true, message: t('gov.required') }]}
      >
        <Input maxLength={60} data-testid="fund-pay-reference" style={{ width: 240 }} />
      </Form.Item>
      <DateField name="paidOn" label={t('fund.paidOn')} testId="fund-pay-date" />
    </FormModal>
  );
}
