// 红黑榜: the five best and five worst units of the table by 按时办结率 or 满意率, among units with at least 3
// cases (domain/kpi-ranking.ts). A bar of a street opens that street's compounds (onOpen).
import { Card, Col, Empty, Row, Segmented, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rankUnits, RANKING_MIN_CASES, type RankedUnit } from '../../../../domain/kpi-ranking';
import { EChart, type ChartOption } from '../../shared/EChart';
import type { KpiRowDto } from '../cases/types';
import { AXIS_NAME } from './KpiCharts';
import { formatRate } from './format';

const METRICS = ['onTimeRate', 'satisfactionRate'] as const;
type Metric = (typeof METRICS)[number];

const COLOURS = { red: '#cf1322', black: '#434343' } as const;

function RankChart({
  list,
  units,
  onOpen,
}: {
  list: 'red' | 'black';
  units: readonly RankedUnit[];
  onOpen?: (key: string) => void;
}) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      // the default tooltip (names HTML-escaped by ECharts), the value as a percentage
      tooltip: { trigger: 'item', valueFormatter: (v: number) => formatRate(v) },
      grid: { left: 8, right: 56, top: 4, bottom: 4, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 1, show: false },
      // the first of the list at the top
      yAxis: { type: 'category', data: units.map((u) => u.name).reverse(), axisLabel: AXIS_NAME },
      series: [
        {
          type: 'bar',
          data: units.map((u) => u.rate).reverse(),
          itemStyle: { color: COLOURS[list] },
          barMaxWidth: 18,
          label: {
            show: true,
            position: 'right',
            formatter: (p: { value: number }) => formatRate(p.value),
          },
        },
      ],
    }),
    [units, list, t],
  );
  if (!units.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('kpis.ranking.none')} />;
  return (
    <EChart
      option={option}
      height={32 * units.length + 16}
      data-testid={`kpi-ranking-${list}`}
      ariaLabel={`${t(`kpis.ranking.${list}`)}：${units.map((u) => `${u.name} ${formatRate(u.rate)}`).join('，')}`}
      points={units.length}
      onItemClick={onOpen ? (item) => onOpen([...units].reverse()[item.dataIndex].key) : undefined}
    />
  );
}

export function KpiRanking({
  rows,
  unitLabel,
  onOpen,
}: {
  rows: readonly KpiRowDto[];
  /** What the units are (街镇, 职能部门, …). */
  unitLabel: string;
  /** Opens a unit (a street's compounds); none when the units do not drill down. */
  onOpen?: (key: string) => void;
}) {
  const { t } = useTranslation();
  const [metric, setMetric] = useState<Metric>('onTimeRate');
  const ranking = useMemo(() => rankUnits(rows, (r) => r[metric]), [rows, metric]);
  return (
    <Card
      size="small"
      className="kpi-chart-card"
      title={t('kpis.ranking.title', { unit: unitLabel })}
      data-testid="kpi-ranking"
      extra={
        <Segmented<Metric>
          size="small"
          value={metric}
          onChange={setMetric}
          options={METRICS.map((m) => ({ value: m, label: t(`kpis.${m}`) }))}
          data-testid="kpi-ranking-metric"
        />
      }
    >
      <Row gutter={[16, 8]}>
        {(['red', 'black'] as const).map((list) => (
          <Col key={list} xs={24} md={12}>
            <Typography.Text strong style={{ color: COLOURS[list] }}>
              {t(`kpis.ranking.${list}`)}
            </Typography.Text>
            <RankChart list={list} units={ranking[list]} onOpen={onOpen} />
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary" className="kpi-note">
        {t('kpis.ranking.note', { min: RANKING_MIN_CASES, n: ranking.eligible })}
        {onOpen ? ` ${t('kpis.ranking.drill')}` : ''}
      </Typography.Text>
    </Card>
  );
}
