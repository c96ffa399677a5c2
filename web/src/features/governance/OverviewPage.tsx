import { CalendarOutlined } from '@ant-design/icons';
import { Button, Card, Form, Select, Tabs, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Citation } from '../../shared/Citation';
import { Link, useNavigate } from 'react-router';
import { GOVERNANCE_STATES } from '../../../../domain/governance';
import { DivisionFilter } from '../divisions/DivisionFilter';
import { PagedTable } from '../../shared/PagedTable';
import { PageHeader } from '../../shared/PageHeader';
import { formatDate } from '../../shared/format';
import { useUrlFilters } from '../../shared/useUrlFilters';
import { useOverview, useTasks } from './api';
import { GovStateTag, TaskStateTag } from './tags';
import { TaskKind, taskHref } from './tasks';
import type { OverviewItemDto, TaskDto } from './types';

const FILTER_KEYS = ['tab', 'district', 'street', 'state', 'taskState'] as const;

/** The pending deadlines (of the chosen street, else all the user sees) as an .ics download. */
const calendarHref = (street?: string) =>
  `/api/v1/governance/tasks/calendar.ics${street ? `?street=${encodeURIComponent(street)}` : ''}`;

/** The street's and residents' committee's view: every compound's governance state, and the deadlines. */
export function OverviewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const tab = filters.tab === 'tasks' ? 'tasks' : 'compounds';
  const overview = useOverview({ street: filters.street, state: filters.state });
  const tasks = useTasks({ street: filters.street, state: filters.taskState ?? 'pending' });

  const columns: TableColumnsType<OverviewItemDto> = [
    {
      title: t('gov.col.compound'),
      dataIndex: 'compoundName',
      render: (name: string, row) => (
        <Link to={`/governance/compounds/${row.compoundId}`} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    { title: t('gov.col.street'), dataIndex: 'streetName', width: 130 },
    {
      title: t('gov.col.state'),
      dataIndex: 'state',
      width: 130,
      render: (s: string) => <GovStateTag state={s} />,
    },
    {
      title: t('gov.col.trigger'),
      dataIndex: 'triggerMet',
      width: 150,
      render: (met: boolean, row) =>
        met ? t('gov.triggerMet', { on: formatDate(row.triggerOn) }) : t('gov.triggerNotMet'),
    },
    { title: t('gov.col.termEndsOn'), dataIndex: 'termEndsOn', width: 110, render: formatDate },
    {
      title: t('gov.col.members'),
      dataIndex: 'members',
      width: 100,
      align: 'right',
      render: (m: number | null, row) => (m === null ? t('common.none') : `${m}/${row.seats}`),
    },
    { title: t('gov.col.lastMeeting'), dataIndex: 'lastMeetingOn', width: 110, render: formatDate },
    { title: t('gov.col.pending'), dataIndex: 'pendingTasks', width: 70, align: 'right' },
    {
      title: t('gov.col.overdue'),
      dataIndex: 'overdueTasks',
      width: 70,
      align: 'right',
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    { title: t('gov.col.nextDue'), dataIndex: 'nextDueOn', width: 110, render: formatDate },
  ];

  const taskColumns: TableColumnsType<TaskDto> = [
    { title: t('gov.col.dueOn'), dataIndex: 'dueOn', width: 110, render: formatDate },
    {
      title: t('gov.col.task'),
      dataIndex: 'kind',
      render: (k: string, row) => (
        <Link to={taskHref(row)} onClick={(e) => e.stopPropagation()}>
          <TaskKind kind={k} />
        </Link>
      ),
    },
    {
      title: t('gov.col.compound'),
      dataIndex: 'compoundName',
      render: (name: string, row) => (
        <Link to={`/governance/compounds/${row.compoundId}`} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    {
      title: t('gov.col.responsible'),
      dataIndex: 'responsible',
      width: 130,
      render: (r: string) => t(`gov.responsible.${r}`),
    },
    {
      title: t('gov.col.taskState'),
      dataIndex: 'state',
      width: 100,
      render: (s: string) => <TaskStateTag state={s} />,
    },
    { title: t('gov.col.doneOn'), dataIndex: 'doneOn', width: 110, render: formatDate },
    {
      title: t('gov.col.legalRef'),
      dataIndex: 'legalRef',
      width: 300,
      ellipsis: true,
      render: (v: string) => <Citation text={v} />,
    },
  ];

  return (
    <>
      <PageHeader title={t('gov.overviewTitle')} testId="governance-title" />
      <Card size="small" className="filter-card">
        <Form layout="inline" className="filter-form">
          <DivisionFilter
            district={filters.district}
            street={filters.street}
            onChange={(v) => setFilters({ district: v.district, street: v.street })}
          />
          {tab === 'compounds' ? (
            <Form.Item label={t('gov.filterState')}>
              <Select
                allowClear
                style={{ width: 170 }}
                placeholder={t('gov.anyState')}
                value={filters.state}
                onChange={(v: string | undefined) => setFilters({ state: v ?? null })}
                options={GOVERNANCE_STATES.map((s) => ({ value: s, label: t(`gov.states.${s}`) }))}
                data-testid="governance-state-filter"
              />
            </Form.Item>
          ) : (
            <Form.Item label={t('gov.col.taskState')}>
              <Select
                style={{ width: 130 }}
                value={filters.taskState ?? 'pending'}
                onChange={(v: string) => setFilters({ taskState: v })}
                options={(['pending', 'overdue', 'done', 'all'] as const).map((s) => ({
                  value: s,
                  label: t(`gov.taskFilter.${s}`),
                }))}
              />
            </Form.Item>
          )}
          {tab === 'tasks' && (
            <Form.Item>
              <Button
                icon={<CalendarOutlined />}
                href={calendarHref(filters.street)}
                download
                data-testid="governance-tasks-calendar"
              >
                {t('gov.calendar')}
              </Button>
            </Form.Item>
          )}
        </Form>
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(k) => setFilters({ tab: k === 'tasks' ? 'tasks' : null })}
        items={[
          {
            key: 'compounds',
            label: t('gov.tabs.compounds'),
            children: (
              <PagedTable<OverviewItemDto>
                list={overview}
                testId="governance-overview-table"
                rowKey="compoundId"
                columns={columns}
                onRow={(row) => ({
                  onClick: () => navigate(`/governance/compounds/${row.compoundId}`),
                  className: 'clickable-row',
                })}
              />
            ),
          },
          {
            key: 'tasks',
            label: t('gov.tabs.tasks'),
            children: (
              <PagedTable<TaskDto>
                list={tasks}
                testId="governance-tasks-table"
                rowKey="id"
                columns={taskColumns}
                onRow={(row) => ({
                  onClick: () => navigate(taskHref(row)),
                  className: 'clickable-row',
                })}
              />
            ),
          },
        ]}
      />
    </>
  );
}
