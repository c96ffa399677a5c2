import { useQuery } from '@tanstack/react-query';
import { api, toQueryString } from '../../api/client';
import type { ItemsOf } from '../../api/types';
import type { KpiRowDto } from '../cases/types';

export const GROUP_BYS = ['street', 'department', 'company', 'compound'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export interface KpiParams {
  groupBy: GroupBy;
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
