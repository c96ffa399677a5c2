// The KPI page's charts (ECharts, canvas): the 12-month trend (the home's TrendChart) and the category mix
// of the chosen month — the ten categories with the most cases, as horizontal bars that fit a phone.
import { Card, Col, Empty, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../shared/EChart';
import type { KpiRowDto } from '../cases/types';
import { TrendChart } from '../home/TrendChart';
import type { KpiTrendMonthDto } from './api';

export const CATEGORY_TOP = 10;

/** Category names on a bar chart's axis: cut to fit, the whole name in the tooltip. */
export const AXIS_NAME = { width: 112, overflow: 'truncate', ellipsis: '…' } as const;

export function CategoryMixChart({ rows }: { rows: readonly KpiRowDto[] }) {
  const { t } = useTranslation();
  const top = useMemo(
    () => [...rows].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)).slice(0, CATEGORY_TOP),
    [rows],
  );
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 36, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      // the largest at the top: ECharts draws a category axis from the bottom
      yAxis: { type: 'category', data: top.map((r) => r.name).reverse(), axisLabel: AXIS_NAME },
      series: [
        {
          name: t('kpis.total'),
          type: 'bar',
          data: top.map((r) => r.total).reverse(),
          itemStyle: { color: '#1f5fbf' },
          label: { show: true, position: 'right' },
        },
      ],
    }),
    [top, t],
  );
  if (!top.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('kpis.empty')} />;
  return (
    <EChart
      option={option}
      height={Math.max(160, 28 * top.length + 24)}
      data-testid="kpi-category-chart"
      ariaLabel={t('kpis.charts.categories')}
      points={top.length}
    />
  );
}

export function KpiCharts({
  trend,
  categories,
}: {
  trend: readonly KpiTrendMonthDto[];
  categories: readonly KpiRowDto[];
}) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('kpis.charts.trend', { n: trend.length })} className="kpi-chart-card">
          <TrendChart items={trend} height={300} />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('kpis.charts.categories')} className="kpi-chart-card">
          <CategoryMixChart rows={categories} />
        </Card>
      </Col>
    </Row>
  );
}
