// One ECharts chart (the project's charting library) on the canvas renderer: no eval, no inline script, so it
// runs under the Content-Security-Policy. Only the chart types and components used are bundled.
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type ChartOption = EChartsCoreOption;

interface Props {
  option: ChartOption;
  height?: number;
  /** A click on a data item (bar, slice, point): its category name and index. */
  onItemClick?: (item: { name: string; dataIndex: number; seriesIndex: number }) => void;
  'data-testid'?: string;
  ariaLabel?: string;
  /** How many data items the chart draws (data-points: lets a test tell a drawn chart from an empty one). */
  points?: number;
}

export function EChart({ option, height = 280, onItemClick, ariaLabel, points, ...rest }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onItemClick);
  click.current = onItemClick;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => {
      const e = p as { name: string; dataIndex: number; seriesIndex?: number };
      click.current?.({ name: e.name, dataIndex: e.dataIndex, seriesIndex: e.seriesIndex ?? 0 });
    });
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={ref}
      role="img"
      aria-label={ariaLabel}
      className="echart"
      style={{ width: '100%', height, cursor: onItemClick ? 'pointer' : undefined }}
      data-testid={rest['data-testid']}
      data-points={points}
    />
  );
}
