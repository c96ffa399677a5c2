import { Alert, Flex, Result, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { QueryError } from '../../shared/QueryError';
import { formatDate } from '../../shared/format';
import { usePublicPlan, type MilestoneState, type PublicPlanDto } from './api';
import { OverallCard, RollUpCard, StateTag } from './parts';
import './plan.css';

type PublicTask = PublicPlanDto['tasks'][number];

/** 行动计划推进情况 (no sign-in): the published city plan's progress, overall, per department and per task. */
export function PublicPlanPage() {
  const { t } = useTranslation();
  const q = usePublicPlan();
  const columns: TableColumnsType<PublicTask> = [
    { title: t('plan.seq'), dataIndex: 'seq', width: 60, align: 'right' },
    { title: t('plan.task'), dataIndex: 'title', width: 200 },
    {
      title: t('plan.state'),
      dataIndex: 'state',
      width: 110,
      render: (s: MilestoneState) => <StateTag state={s} />,
    },
    {
      title: t('plan.percent'),
      dataIndex: 'percent',
      width: 90,
      align: 'right',
      render: (v: number) => <span className="num">{v}%</span>,
    },
    { title: t('plan.goal'), dataIndex: 'goal', width: 160, ellipsis: true },
    { title: t('plan.lead'), dataIndex: 'leadName', width: 180 },
    { title: t('plan.next'), dataIndex: 'nextMilestone', width: 220, render: (v: string | null) => v ?? '—' },
  ];
  return (
    <main className="plan-public">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="public-plan-heading">
          {t('plan.publicTitle')}
        </Typography.Title>
        <Flex gap={12} align="center">
          <LanguageSwitch />
          <Link to="/login">{t('plan.signIn')}</Link>
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary">{t('plan.publicIntro')}</Typography.Paragraph>
      {q.isPending && <Spin />}
      {q.isError &&
        (isApiError(q.error, 404) ? (
          <Result status="info" title={t('plan.publicNone')} />
        ) : (
          <QueryError error={q.error} />
        ))}
      {q.data && (
        <Flex vertical gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="public-plan-title">
            {q.data.title}
          </Typography.Title>
          {q.data.illustrative && (
            <Alert
              type="warning"
              showIcon
              data-testid="public-plan-notice"
              title={q.data.notice ?? `${t('plan.illustrative')}：${t('plan.illustrativeHint')}`}
            />
          )}
          <Typography.Text type="secondary">
            {t('plan.period', { from: q.data.periodFrom, to: q.data.periodTo })} ·{' '}
            {t('plan.publicAsOf', { date: formatDate(q.data.asOf) })}
          </Typography.Text>
          <OverallCard p={q.data.overall} />
          <RollUpCard
            title={t('plan.byLead')}
            testId="public-plan-by-lead"
            rows={q.data.byDepartment.map((r) => ({ ...r, key: r.name }))}
          />
          <Table<PublicTask>
            data-testid="public-plan-tasks"
            size="small"
            rowKey="seq"
            columns={columns}
            dataSource={q.data.tasks}
            scroll={{ x: 1090 }}
            pagination={{ pageSize: 20, showSizeChanger: false }}
          />
        </Flex>
      )}
    </main>
  );
}
