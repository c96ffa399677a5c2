import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, toQueryString } from '../../api/client';
import type { ItemsOf } from '../../api/types';
import type { KpiRowDto } from '../cases/types';
import type { KpiTrendMonth } from '../../../../contracts/kpis';

export const GROUP_BYS = ['street', 'department', 'company', 'compound'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export interface KpiParams {
  /** The table's groupings, or the categories (the category-mix chart). */
  groupBy: GroupBy | 'category';
  district?: string;
  street?: string;
  from: string;
  to: string;
}

export function useCaseKpis(params: KpiParams) {
  return useQuery({
    queryKey: ['kpis', 'cases', params],
    queryFn: ({ signal }) => api.get<ItemsOf<KpiRowDto>>('/api/v1/kpis/cases', { ...params }, signal),
    select: (page) => page.items,
  });
}

/** The server's download of the same figures (same query and access as the table; formula-guarded). */
export const kpiExportUrl = (params: KpiParams, format: 'csv' | 'xlsx') =>
  `/api/v1/kpis/cases/export${toQueryString({ ...params, format })}`;

export type KpiTrendMonthDto = z.infer<typeof KpiTrendMonth>;

/** The `months` months up to `to` (YYYY-MM): intake, closed and rates of the cases created in each month. */
export function useKpiTrend(params: { district?: string; street?: string; to: string; months: number }) {
  return useQuery({
    queryKey: ['kpis', 'trend', params],
    queryFn: ({ signal }) => api.get<ItemsOf<KpiTrendMonthDto>>('/api/v1/kpis/trend', { ...params }, signal),
    select: (page) => page.items,
  });
}
