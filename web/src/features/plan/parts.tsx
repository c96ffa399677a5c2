// Pieces shared by the staff and the public plan pages: the state tag (words, one colour per state), the
// overall progress, and the per-department / per-district bar chart (ECharts) with its table.
import { Card, Col, Progress, Row, Statistic, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../shared/EChart';
import { compareNumber, compareText } from '../../shared/format';
import type { MilestoneState, PlanDto } from './api';

const STATE_COLOURS: Record<MilestoneState, string> = {
  done: 'success',
  on_track: 'processing',
  due_soon: 'gold',
  overdue: 'error',
};

export function StateTag({ state }: { state: MilestoneState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLOURS[state]} data-state={state}>
      {t(`plan.states.${state}`)}
    </Tag>
  );
}

type ProgressDto = PlanDto['overall'];

export function OverallCard({ p }: { p: ProgressDto }) {
  const { t } = useTranslation();
  return (
    <Card size="small" className="section-card" title={t('plan.overall')} data-testid="plan-overall">
      <Row gutter={[16, 12]} align="middle">
        <Col xs={24} md={8}>
          <Progress percent={p.percent} status="normal" format={(v) => `${v}%`} />
          <div className="plan-sub">{t('plan.milestonesDone', { done: p.done, total: p.total })}</div>
        </Col>
        <Col xs={8} md={5}>
          <Statistic title={t('plan.tasks')} value={p.tasks} />
        </Col>
        <Col xs={8} md={5}>
          <Statistic title={t('plan.overdue')} value={p.overdue} valueStyle={{ color: '#cf1322' }} />
        </Col>
        <Col xs={8} md={6}>
          <Statistic title={t('plan.dueSoon')} value={p.dueSoon} valueStyle={{ color: '#d48806' }} />
        </Col>
      </Row>
    </Card>
  );
}

type Row_ = ProgressDto & { key: string; name: string };

/** Done-percent bars (largest at the top) and the numbers behind them. */
export function RollUpCard({ title, rows, testId }: { title: string; rows: Row_[]; testId: string }) {
  const { t } = useTranslation();
  const sorted = useMemo(
    () => [...rows].sort((a, b) => b.percent - a.percent || compareText(a.name, b.name)),
    [rows],
  );
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, interval: 25, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        data: sorted.map((r) => r.name).reverse(),
        axisLabel: { width: 120, overflow: 'truncate', ellipsis: '…' },
      },
      series: [
        {
          name: t('plan.percent'),
          type: 'bar',
          data: sorted.map((r) => r.percent).reverse(),
          itemStyle: { color: '#1f5fbf' },
          label: { show: true, position: 'right', formatter: '{c}%' },
        },
      ],
    }),
    [sorted, t],
  );
  const columns: TableColumnsType<Row_> = [
    { title: t('plan.name'), dataIndex: 'name', width: 180, sorter: (a, b) => compareText(a.name, b.name) },
    {
      title: t('plan.percent'),
      dataIndex: 'percent',
      width: 90,
      align: 'right',
      sorter: (a, b) => compareNumber(a.percent, b.percent),
      render: (v: number, r) => (
        <span className="num" title={`${r.done} / ${r.total}`}>
          {v}%
        </span>
      ),
    },
    { title: t('plan.tasks'), dataIndex: 'tasks', width: 80, align: 'right' },
    { title: t('plan.overdue'), dataIndex: 'overdue', width: 100, align: 'right' },
    { title: t('plan.dueSoon'), dataIndex: 'dueSoon', width: 110, align: 'right' },
  ];
  return (
    <Card size="small" className="section-card" title={title} data-testid={testId}>
      <Row gutter={[16, 12]}>
        <Col xs={24} lg={11}>
          <EChart
            option={option}
            height={Math.max(140, 30 * sorted.length + 24)}
            ariaLabel={t('plan.chartAria')}
            points={sorted.length}
            data-testid={`${testId}-chart`}
          />
        </Col>
        <Col xs={24} lg={13}>
          <Table<Row_>
            size="small"
            rowKey="key"
            columns={columns}
            dataSource={sorted}
            pagination={false}
            scroll={{ x: 560 }}
          />
        </Col>
      </Row>
    </Card>
  );
}
