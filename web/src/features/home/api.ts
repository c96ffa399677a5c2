import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';
import type { HomeResult } from '../../../../contracts/home';

export type HomeDto = z.infer<typeof HomeResult>;
export type TrendMonthDto = NonNullable<HomeDto['trend']>[number];

export function useHome() {
  return useQuery({
    queryKey: ['home'],
    queryFn: ({ signal }) => api.get<HomeDto>('/api/v1/home', undefined, signal),
    refetchInterval: 60_000,
  });
}
