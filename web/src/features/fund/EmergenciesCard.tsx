import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { EMERGENCY_SITUATIONS } from '../../../../contracts/fund';
import { SITUATION_DOCUMENT } from '../../../../domain/fund-emergency';
import { useBuildings } from '../compounds/api';
import { FormModal } from '../governance/FormModal';
import { DateField, shanghaiToday } from '../governance/fields';
import { QueryError } from '../../shared/QueryError';
import { formatDate } from '../../shared/format';
import {
  useEmergencies,
  useEmergencyAction,
  useReportEmergency,
  type EmergencyActionDto,
  type EmergencyDto,
  type EmergencyReportDto,
} from './api';

const STATUS_COLOR: Record<EmergencyDto['status'], string> = {
  reported: 'gold',
  approved: 'blue',
  district_ordered: 'volcano',
  refused: 'default',
  paid: 'green',
};

/**
 * Emergency repairs on the maintenance fund (《上海市住宅物业管理规定》第七十三条): the reports with where each stands,
 * the committee's 7-day deadline, the cost review, and the steps the signed-in party may take — the company
 * reports; the committee (with an assembly) or the 房管机构 (before it) approves; the district orders 代为维修
 * and pays directly. Shown on the fund page (staff) and on the compound page (the serving company).
 */
export function EmergenciesCard({ compoundId }: { compoundId: string }) {
  const { t } = useTranslation();
  const list = useEmergencies(compoundId);
  const [reporting, setReporting] = useState(false);
  const [acting, setActing] = useState<{ e: EmergencyDto; action: EmergencyActionDto['action'] } | null>(
    null,
  );
  return (
    <Card size="small" title={t('fund.emergency.title')} data-testid="fund-emergencies">
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('fund.emergency.intro')}</Typography.Text>
          {list.data && (
            <Alert
              type={list.data.stage === 'before_report' ? 'warning' : 'info'}
              showIcon
              title={t(`fund.emergency.stageNow.${list.data.stage}`)}
              data-testid="emergency-stage"
            />
          )}
          {list.data?.mayReport && (
            <div>
              <Button type="primary" onClick={() => setReporting(true)} data-testid="emergency-report-open">
                {t('fund.emergency.report')}
              </Button>
            </div>
          )}
          <List
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            locale={{
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fund.emergency.none')} />
              ),
            }}
            renderItem={(e) => (
              <List.Item data-testid={`emergency-${e.id}`} data-status={e.status}>
                <EmergencyItem e={e} onAct={(action) => setActing({ e, action })} />
              </List.Item>
            )}
          />
        </Flex>
      )}
      {reporting && <ReportModal compoundId={compoundId} onClose={() => setReporting(false)} />}
      {acting && <ActionModal e={acting.e} action={acting.action} onClose={() => setActing(null)} />}
    </Card>
  );
}

function EmergencyItem({ e, onAct }: { e: EmergencyDto; onAct: (a: EmergencyActionDto['action']) => void }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4} style={{ width: '100%' }}>
      <Space wrap size={6}>
        <Typography.Text strong>{e.title}</Typography.Text>
        <Tag color={STATUS_COLOR[e.status]} data-testid="emergency-status">
          {t(`fund.emergency.status.${e.status}`)}
        </Tag>
        <Tag>{t(`fund.emergency.stage.${e.stage}`)}</Tag>
        {e.committeeOverdue && <Tag color="red">{t('fund.emergency.committeeOverdue')}</Tag>}
      </Space>
      <Typography.Text type="secondary">{t(`fund.emergency.situations.${e.situation}`)}</Typography.Text>
      <Typography.Text>
        {formatDate(e.reportedOn)} · {t('fund.emergency.quotation')} ¥{e.quotation} ·{' '}
        {e.buildings.length ? e.buildings.join('、') : t('fund.emergency.wholeCompound')}
        {e.document && ` · ${e.document.issuer}（${e.document.number}）`}
        {e.caseNo && ` · ${t('fund.emergency.fromCase', { caseNo: e.caseNo })}`}
      </Typography.Text>
      {e.status === 'reported' && e.committeeDueOn && (
        <Typography.Text type={e.committeeOverdue ? 'danger' : undefined}>
          {t('fund.emergency.committeeDue', { date: formatDate(e.committeeDueOn) })}
        </Typography.Text>
      )}
      {e.review && (
        <Typography.Text>
          {t('fund.emergency.review', {
            cost: e.review.cost,
            reviewer: e.review.reviewer,
            reportNo: e.review.reportNo,
          })}
        </Typography.Text>
      )}
      {e.paidOn && (
        <Typography.Text>{t('fund.emergency.paidOn', { date: formatDate(e.paidOn) })}</Typography.Text>
      )}
      {e.decisionNote && <Typography.Text type="secondary">{e.decisionNote}</Typography.Text>}
      {e.allowedActions.length > 0 && (
        <Space wrap>
          {e.allowedActions.map((a) => (
            <Button
              key={a}
              size="small"
              type={a === 'approve' || a === 'pay' || a === 'order_repair' ? 'primary' : 'default'}
              onClick={() => onAct(a)}
              data-testid={`emergency-${a}`}
            >
              {t(`fund.emergency.actions.${a}`)}
            </Button>
          ))}
        </Space>
      )}
    </Flex>
  );
}

type ReportValues = Omit<EmergencyReportDto, 'outsideWarranty'> & { outsideWarranty?: boolean };

function ReportModal({ compoundId, onClose }: { compoundId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const report = useReportEmergency(compoundId);
  const buildings = useBuildings(compoundId);
  const [situation, setSituation] = useState<EmergencyReportDto['situation']>('pump_tank');
  const document = SITUATION_DOCUMENT[situation];
  return (
    <FormModal<ReportValues>
      title={t('fund.emergency.reportTitle')}
      open
      onClose={onClose}
      testId="emergency-report"
      width={640}
      initialValues={{ situation: 'pump_tank', reportedOn: shanghaiToday(), safetyAffected: true }}
      submit={(v) => report.mutateAsync({ ...v, outsideWarranty: true })}
    >
      <Form.Item name="situation" label={t('fund.emergency.situation')}>
        <Select
          data-testid="emergency-situation"
          onChange={(v) => setSituation(v)}
          options={EMERGENCY_SITUATIONS.map((s) => ({
            value: s,
            label: t(`fund.emergency.situations.${s}`),
          }))}
        />
      </Form.Item>
      {document ? (
        <Space wrap align="start">
          <Form.Item
            name="documentIssuer"
            label={`${t('fund.emergency.documentIssuer')}：${t(`fund.emergency.documents.${document}`)}`}
            rules={[{ required: true, message: t('gov.required') }]}
          >
            <Input maxLength={100} data-testid="emergency-doc-issuer" style={{ width: 300 }} />
          </Form.Item>
          <Form.Item
            name="documentNumber"
            label={t('fund.emergency.documentNumber')}
            rules={[{ required: true, message: t('gov.required') }]}
          >
            <Input maxLength={60} data-testid="emergency-doc-number" style={{ width: 200 }} />
          </Form.Item>
        </Space>
      ) : (
        <Typography.Paragraph type="secondary">{t('fund.emergency.documentNone')}</Typography.Paragraph>
      )}
      <Form.Item
        name="title"
        label={t('fund.emergency.itemTitle')}
        rules={[{ required: true, message: t('gov.required') }]}
      >
        <Input maxLength={200} data-testid="emergency-title" />
      </Form.Item>
      <Form.Item
        name="plan"
        label={t('fund.emergency.plan')}
        rules={[{ required: true, message: t('gov.required') }]}
      >
        <Input.TextArea rows={3} maxLength={4000} data-testid="emergency-plan" />
      </Form.Item>
      <Form.Item
        name="quotation"
        label={t('fund.emergency.quotation')}
        rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/, message: t('fund.pay.costRule') }]}
      >
        <Input inputMode="decimal" data-testid="emergency-quotation" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="buildingIds"
        label={t('fund.emergency.part')}
        extra={t('fund.emergency.buildingsHint')}
      >
        <Select
          mode="multiple"
          allowClear
          loading={buildings.isPending}
          options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
          data-testid="emergency-buildings"
        />
      </Form.Item>
      <Form.Item name="safetyAffected" valuePropName="checked">
        <Checkbox data-testid="emergency-safety">{t('fund.emergency.safetyAffected')}</Checkbox>
      </Form.Item>
      <Form.Item
        name="outsideWarranty"
        valuePropName="checked"
        rules={[
          { validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('gov.required')))) },
        ]}
      >
        <Checkbox data-testid="emergency-warranty">{t('fund.emergency.outsideWarranty')}</Checkbox>
      </Form.Item>
      <DateField name="reportedOn" label={t('fund.emergency.reportedOn')} testId="emergency-reported-on" />
    </FormModal>
  );
}

type ActionValues = {
  on: string;
  note?: string;
  cost?: string;
  reviewer?: string;
  reportNo?: string;
  reference?: string;
};

function ActionModal(props: { e: EmergencyDto; action: EmergencyActionDto['action']; onClose: () => void }) {
  const { t } = useTranslation();
  const act = useEmergencyAction(props.e.id);
  const { action, e } = props;
  const submit = (v: ActionValues) => {
    const base = { version: e.version, on: v.on };
    switch (action) {
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
      case 'refuse':
        return act.mutateAsync({ ...base, action, note: v.note ?? '' });
      default:
        return act.mutateAsync({ ...base, action, note: v.note });
    }
  };
  const required = [{ required: true, message: t('gov.required') }];
  return (
    <FormModal<ActionValues>
      title={`${t(`fund.emergency.actions.${action}`)} · ${e.title}`}
      open
      onClose={props.onClose}
      submit={submit}
      testId="emergency-action"
      initialValues={{ on: shanghaiToday(), cost: e.quotation }}
    >
      <DateField name="on" label={t('fund.emergency.on')} testId="emergency-on" />
      {(action === 'approve' || action === 'refuse' || action === 'order_repair') && (
        <Form.Item name="note" label={t('fund.emergency.note')} rules={action === 'refuse' ? required : []}>
          <Input.TextArea rows={2} maxLength={500} data-testid="emergency-note" />
        </Form.Item>
      )}
      {action === 'review_cost' && (
        <>
          <Form.Item
            name="cost"
            label={t('fund.emergency.cost')}
            rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/, message: t('fund.pay.costRule') }]}
          >
            <Input inputMode="decimal" data-testid="emergency-cost" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="reviewer" label={t('fund.emergency.reviewer')} rules={required}>
            <Input maxLength={100} data-testid="emergency-reviewer" />
          </Form.Item>
          <Form.Item name="reportNo" label={t('fund.emergency.reportNo')} rules={required}>
            <Input maxLength={60} data-testid="emergency-report-no" style={{ width: 240 }} />
          </Form.Item>
        </>
      )}
      {action === 'pay' && (
        <Form.Item name="reference" label={t('fund.emergency.reference')} rules={required}>
          <Input maxLength={60} data-testid="emergency-reference" style={{ width: 240 }} />
        </Form.Item>
      )}
    </FormModal>
  );
}
