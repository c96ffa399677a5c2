import { useState } from 'react';
import {
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useBuildings } from '../compounds/api';
import { FormModal } from '../governance/FormModal';
import { DateField, shanghaiToday } from '../governance/fields';
import { QueryError } from '../../shared/QueryError';
import { formatDate } from '../../shared/format';
import {
  useApplicationAction,
  useApplications,
  useProposeApplication,
  type ApplicationActionDto,
  type ApplicationBodyDto,
  type ApplicationDto,
} from './api';

const STATUS_COLOR: Record<ApplicationDto['status'], string> = {
  proposed: 'gold',
  consulted: 'blue',
  rejected: 'default',
  paid: 'green',
};
type Action = ApplicationActionDto['action'];

/**
 * Using the fund between the developer's report and the assembly (《上海市住宅物业管理规定》第七十一条第二款、第三款):
 * the company's plans, the residents' committee's consultation of the owners, the named intermediary's review and
 * the district's payment. Shown only while the compound is at that stage or has such applications.
 */
export function ApplicationsCard({ compoundId }: { compoundId: string }) {
  const { t } = useTranslation();
  const list = useApplications(compoundId);
  const [proposing, setProposing] = useState(false);
  const [acting, setActing] = useState<{ a: ApplicationDto; action: Action } | null>(null);
  if (list.isPending) return null;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (list.data.stage !== 'before_assembly' && list.data.items.length === 0) return null;
  return (
    <Card
      size="small"
      title={t('fund.application.title')}
      className="section-card"
      data-testid="fund-applications"
    >
      <Flex vertical gap={8}>
        <Typography.Text type="secondary">{t('fund.application.intro')}</Typography.Text>
        {list.data.mayPropose && (
          <div>
            <Button type="primary" onClick={() => setProposing(true)} data-testid="application-propose-open">
              {t('fund.application.propose')}
            </Button>
          </div>
        )}
        <List
          dataSource={list.data.items}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fund.application.none')} />
            ),
          }}
          renderItem={(a) => (
            <List.Item data-testid={`application-${a.id}`} data-status={a.status}>
              <Item a={a} onAct={(action) => setActing({ a, action })} />
            </List.Item>
          )}
        />
      </Flex>
      {proposing && <ProposeModal compoundId={compoundId} onClose={() => setProposing(false)} />}
      {acting && <ActionModal a={acting.a} action={acting.action} onClose={() => setActing(null)} />}
    </Card>
  );
}

function Item({ a, onAct }: { a: ApplicationDto; onAct: (action: Action) => void }) {
  const { t } = useTranslation();
  const c = a.consultation;
  return (
    <Flex vertical gap={4} style={{ width: '100%' }}>
      <Space wrap size={6}>
        <Typography.Text strong>{a.title}</Typography.Text>
        <Tag color={STATUS_COLOR[a.status]}>{t(`fund.application.status.${a.status}`)}</Tag>
      </Space>
      <Typography.Text>
        {formatDate(a.proposedOn)} · {t('fund.emergency.quotation')} ¥{a.quotation} ·{' '}
        {a.buildings.length ? a.buildings.join('、') : t('fund.emergency.wholeCompound')}
      </Typography.Text>
      <Typography.Text type="secondary">{a.plan}</Typography.Text>
      {c && (
        <Typography.Text type={c.passed ? undefined : 'danger'}>
          {t('fund.application.consultation', { ...c, on: formatDate(c.on) })} ·{' '}
          {t(c.passed ? 'fund.application.passed' : 'fund.application.notPassed')}
        </Typography.Text>
      )}
      {a.review && (
        <Typography.Text>
          {t('fund.emergency.review', {
            cost: a.review.cost,
            reviewer: a.review.reviewer,
            reportNo: a.review.reportNo,
          })}
        </Typography.Text>
      )}
      {a.paidOn && (
        <Typography.Text>{t('fund.emergency.paidOn', { date: formatDate(a.paidOn) })}</Typography.Text>
      )}
      {a.allowedActions.length > 0 && (
        <Space wrap>
          {a.allowedActions.map((x) => (
            <Button
              key={x}
              size="small"
              type={x === 'review_cost' ? 'default' : 'primary'}
              onClick={() => onAct(x)}
              data-testid={`application-${x}`}
            >
              {t(`fund.application.actions.${x}`)}
            </Button>
          ))}
        </Space>
      )}
    </Flex>
  );
}

function ProposeModal({ compoundId, onClose }: { compoundId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const propose = useProposeApplication(compoundId);
  const buildings = useBuildings(compoundId);
  const required = [{ required: true, message: t('gov.required') }];
  return (
    <FormModal<ApplicationBodyDto>
      title={t('fund.application.propose')}
      open
      onClose={onClose}
      testId="application-propose"
      width={640}
      initialValues={{ proposedOn: shanghaiToday() }}
      submit={(v) => propose.mutateAsync(v)}
    >
      <Form.Item name="title" label={t('fund.emergency.itemTitle')} rules={required}>
        <Input maxLength={200} data-testid="application-title" />
      </Form.Item>
      <Form.Item name="plan" label={t('fund.application.plan')} rules={required}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="application-plan" />
      </Form.Item>
      <Form.Item
        name="quotation"
        label={t('fund.emergency.quotation')}
        rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/, message: t('fund.pay.costRule') }]}
      >
        <Input inputMode="decimal" data-testid="application-quotation" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="buildingIds" label={t('fund.emergency.part')} extra={t('fund.application.partHint')}>
        <Select
          mode="multiple"
          allowClear
          loading={buildings.isPending}
          options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
          data-testid="application-buildings"
        />
      </Form.Item>
      <DateField
        name="proposedOn"
        label={t('fund.application.proposedOn')}
        testId="application-proposed-on"
      />
    </FormModal>
  );
}

type ActionValues = {
  on: string;
  participatingArea?: string;
  participatingPersons?: number;
  agreeingArea?: string;
  agreeingPersons?: number;
  note?: string;
  cost?: string;
  reviewer?: string;
  reportNo?: string;
  reference?: string;
};

function ActionModal(props: { a: ApplicationDto; action: Action; onClose: () => void }) {
  const { t } = useTranslation();
  const act = useApplicationAction(props.a.id);
  const { a, action } = props;
  const required = [{ required: true, message: t('gov.required') }];
  const area = [{ required: true, pattern: /^\d+(\.\d{1,2})?$/, message: t('fund.application.areaRule') }];
  const submit = (v: ActionValues) => {
    const base = { version: a.version, on: v.on };
    switch (action) {
      case 'consult':
        return act.mutateAsync({
          ...base,
          action,
          participatingArea: v.participatingArea!,
          participatingPersons: v.participatingPersons!,
          agreeingArea: v.agreeingArea!,
          agreeingPersons: v.agreeingPersons!,
          note: v.note,
        });
      case 'review_cost':
        return act.mutateAsync({
          ...base,
          action,
          cost: v.cost!,
          reviewer: v.reviewer!,
          reportNo: v.reportNo!,
        });
      case 'pay':
        return act.mutateAsync({ ...base, action, reference: v.reference! });
    }
  };
  return (
    <FormModal<ActionValues>
      title={`${t(`fund.application.actions.${action}`)} · ${a.title}`}
      open
      onClose={props.onClose}
      submit={submit}
      testId="application-action"
      initialValues={{ on: shanghaiToday(), cost: a.quotation }}
    >
      <DateField name="on" label={t('fund.emergency.on')} testId="application-on" />
      {action === 'consult' && (
        <>
          <Typography.Paragraph type="secondary">{t('fund.application.consultHint')}</Typography.Paragraph>
          <Space wrap align="start">
            <Form.Item
              name="participatingPersons"
              label={t('fund.application.participatingPersons')}
              rules={required}
            >
              <InputNumber min={0} precision={0} data-testid="application-participating-persons" />
            </Form.Item>
            <Form.Item name="participatingArea" label={t('fund.application.participatingArea')} rules={area}>
              <Input
                inputMode="decimal"
                style={{ width: 160 }}
                data-testid="application-participating-area"
              />
            </Form.Item>
          </Space>
          <Space wrap align="start">
            <Form.Item name="agreeingPersons" label={t('fund.application.agreeingPersons')} rules={required}>
              <InputNumber min={0} precision={0} data-testid="application-agreeing-persons" />
            </Form.Item>
            <Form.Item name="agreeingArea" label={t('fund.application.agreeingArea')} rules={area}>
              <Input inputMode="decimal" style={{ width: 160 }} data-testid="application-agreeing-area" />
            </Form.Item>
          </Space>
          <Form.Item name="note" label={t('fund.emergency.note')}>
            <Input.TextArea rows={2} maxLength={500} data-testid="application-note" />
          </Form.Item>
        </>
      )}
      {action === 'review_cost' && (
        <>
          <Form.Item
            name="cost"
            label={t('fund.emergency.cost')}
            rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/, message: t('fund.pay.costRule') }]}
          >
            <Input inputMode="decimal" style={{ width: 200 }} data-testid="application-cost" />
          </Form.Item>
          <Form.Item name="reviewer" label={t('fund.application.reviewer')} rules={required}>
            <Input maxLength={100} data-testid="application-reviewer" />
          </Form.Item>
          <Form.Item name="reportNo" label={t('fund.emergency.reportNo')} rules={required}>
            <Input maxLength={60} style={{ width: 240 }} data-testid="application-report-no" />
          </Form.Item>
        </>
      )}
      {action === 'pay' && (
        <Form.Item name="reference" label={t('fund.emergency.reference')} rules={required}>
          <Input maxLength={60} style={{ width: 240 }} data-testid="application-reference" />
        </Form.Item>
      )}
    </FormModal>
  );
}
