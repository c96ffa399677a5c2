import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Select,
  Spin,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { MILESTONE_STATES } from '../../../../domain/action-plan';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { compareNumber, compareText, formatDate } from '../../shared/format';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { usePlan, usePlans, type MilestoneState, type PlanDto, type PlanTaskDto } from './api';
import { ImportModal } from './ImportModal';
import { OverallCard, RollUpCard, StateTag } from './parts';
import './plan.css';

const FILTER_KEYS = ['plan', 'state', 'lead'] as const;

/**
 * The action plan (三年行动计划) the signed-in office or department may see: overall progress, progress per lead
 * department and per district, and the tasks with their state in words, filtered by state and lead department.
 */
export function PlanPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const plans = usePlans();
  const planId = filters.plan ?? plans.data?.items[0]?.id;
  const plan = usePlan(planId);
  const [importing, setImporting] = useState(false);

  if (plans.isError) return <QueryError error={plans.error} />;
  if (plans.isPending) return <Spin />;
  if (!plans.data.items.length)
    return (
      <>
        <PageHeader title={t('plan.title')} />
        <Empty description={t('plan.none')} />
      </>
    );
  const p = plan.data;
  return (
    <>
      <PageHeader
        title={p?.title ?? t('plan.title')}
        testId="plan-title"
        extra={
          // the import fills an empty plan (all or nothing); a plan with tasks is not imported again
          p?.mayManage &&
          p.tasks === 0 && (
            <Button
              icon={<UploadOutlined />}
              onClick={() => setImporting(true)}
              data-testid="plan-import-open"
            >
              {t('plan.import')}
            </Button>
          )
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('plan.intro')}
        </Typography.Paragraph>
      </PageHeader>
      {plans.data.items.length > 1 && (
        <Form layout="inline" style={{ marginBottom: 12 }}>
          <Form.Item label={t('plan.pick')} htmlFor="plan-pick">
            <Select
              id="plan-pick"
              style={{ width: 320, maxWidth: '100%' }}
              value={planId}
              options={plans.data.items.map((x) => ({ value: x.id, label: x.title }))}
              onChange={(v: string) => setFilters({ plan: v, state: null, lead: null })}
            />
          </Form.Item>
        </Form>
      )}
      {plan.isError && <QueryError error={plan.error} />}
      {plan.isPending && <Spin />}
      {p && <PlanBody p={p} filters={filters} setFilters={setFilters} />}
      {p && importing && <ImportModal plan={p} onClose={() => setImporting(false)} />}
    </>
  );
}

function PlanBody({
  p,
  filters,
  setFilters,
}: {
  p: PlanDto;
  filters: Record<(typeof FILTER_KEYS)[number], string | undefined>;
  setFilters: (patch: Partial<Record<(typeof FILTER_KEYS)[number], string | null>>) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const leads = useMemo(() => [...new Set(p.taskItems.map((x) => x.leadName))].sort(compareText), [p]);
  const shown = p.taskItems.filter(
    (x) => (!filters.state || x.state === filters.state) && (!filters.lead || x.leadName === filters.lead),
  );
  const columns: TableColumnsType<PlanTaskDto> = [
    { title: t('plan.seq'), dataIndex: 'seq', width: 60, align: 'right', sorter: (a, b) => a.seq - b.seq },
    {
      title: t('plan.task'),
      dataIndex: 'title',
      width: 200,
      // a department sees every task's progress but opens only those it leads or cooperates in
      render: (title: string, row) =>
        row.mayOpen ? (
          <Link to={`/plans/tasks/${row.id}`} onClick={(e) => e.stopPropagation()}>
            {title}
          </Link>
        ) : (
          title
        ),
    },
    {
      title: t('plan.state'),
      dataIndex: 'state',
      width: 110,
      render: (s: MilestoneState) => <StateTag state={s} />,
    },
    {
      title: t('plan.progress'),
      dataIndex: 'progress',
      width: 100,
      align: 'right',
      sorter: (a, b) => compareNumber(a.progress.percent, b.progress.percent),
      render: (v: PlanTaskDto['progress']) => <span className="num">{`${v.done}/${v.total}`}</span>,
    },
    { title: t('plan.goal'), dataIndex: 'goal', width: 160, ellipsis: true },
    {
      title: t('plan.lead'),
      dataIndex: 'leadName',
      width: 180,
      sorter: (a, b) => compareText(a.leadName, b.leadName),
    },
    {
      title: t('plan.cooperating'),
      dataIndex: 'cooperatingNames',
      width: 180,
      ellipsis: true,
      render: (v: string[]) => v.join('、'),
    },
    {
      title: t('plan.units'),
      dataIndex: 'unitNames',
      width: 180,
      ellipsis: true,
      render: (v: string[]) => v.join('、'),
    },
    {
      title: t('plan.next'),
      dataIndex: 'nextMilestone',
      width: 220,
      ellipsis: true,
      render: (m: PlanTaskDto['nextMilestone']) => (m ? `${formatDate(m.dueOn)} ${m.title}` : '—'),
    },
    { title: t('plan.supervisions'), dataIndex: 'supervisionCount', width: 80, align: 'right' },
  ];
  return (
    <Flex vertical gap={12}>
      {p.illustrative && (
        <Alert
          type="warning"
          showIcon
          title={t('plan.illustrative')}
          description={t('plan.illustrativeHint')}
        />
      )}
      <Typography.Text type="secondary">
        {t('plan.period', { from: p.periodFrom, to: p.periodTo })}
      </Typography.Text>
      <OverallCard p={p.overall} />
      {p.byLead.length > 0 && (
        <RollUpCard
          title={t('plan.byLead')}
          testId="plan-by-lead"
          rows={p.byLead.map((r) => ({ ...r, key: r.orgId }))}
        />
      )}
      {p.byDistrict.length > 0 && (
        <RollUpCard
          title={t('plan.byDistrict')}
          testId="plan-by-district"
          rows={p.byDistrict.map((r) => ({ ...r, key: r.districtCode, name: r.name ?? '—' }))}
        />
      )}
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-form">
          <Form.Item label={t('plan.state')} htmlFor="plan-state">
            <Select
              id="plan-state"
              data-testid="plan-state-filter"
              style={{ width: 160 }}
              allowClear
              placeholder={t('plan.anyState')}
              value={filters.state}
              options={MILESTONE_STATES.map((s) => ({ value: s, label: t(`plan.states.${s}`) }))}
              onChange={(v?: string) => setFilters({ state: v ?? null })}
            />
          </Form.Item>
          <Form.Item label={t('plan.lead')} htmlFor="plan-lead">
            <Select
              id="plan-lead"
              data-testid="plan-lead-filter"
              style={{ width: 240, maxWidth: '100%' }}
              allowClear
              placeholder={t('plan.anyLead')}
              value={filters.lead}
              options={leads.map((l) => ({ value: l, label: l }))}
              onChange={(v?: string) => setFilters({ lead: v ?? null })}
            />
          </Form.Item>
        </Form>
      </Card>
      <Table<PlanTaskDto>
        data-testid="plan-tasks"
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={shown}
        scroll={{ x: 1540 }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        locale={{ emptyText: t('plan.empty') }}
        onRow={(row) =>
          row.mayOpen
            ? { onClick: () => void navigate(`/plans/tasks/${row.id}`), className: 'clickable-row' }
            : {}
        }
      />
    </Flex>
  );
}
