// Intake per month (bars) and how many of them are closed (line): the home's and KPI page's trend.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../../shared/EChart';
import type { TrendMonthDto } from './api';

const monthLabel = (m: string, lang: string) => (lang === 'en' ? m : `${Number(m.slice(5, 7))}月`);

export function TrendChart({ items, height = 240 }: { items: readonly TrendMonthDto[]; height?: number }) {
  const { t, i18n } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'category', data: items.map((i) => monthLabel(i.month, i18n.language)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('home.trendIntake'),
          type: 'bar',
          data: items.map((i) => i.total),
          itemStyle: { color: '#1f5fbf' },
        },
        {
          name: t('home.trendClosed'),
          type: 'line',
          data: items.map((i) => i.closed),
          itemStyle: { color: '#2f9e44' },
        },
      ],
    }),
    [items, t, i18n.language],
  );
  return (
    <EChart
      option={option}
      height={height}
      data-testid="trend-chart"
      ariaLabel={t('home.trend')}
      points={items.length}
    />
  );
}
