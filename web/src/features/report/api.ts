import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ActionBodyDto, IntakeResultDto, ResidentReportDto, TrackViewDto } from '../cases/types';

export function useResidentReport() {
  return useMutation({
    mutationFn: (body: ResidentReportDto) => api.post<IntakeResultDto>('/api/v1/public/reports', body),
  });
}

export interface TrackKey {
  caseNo: string;
  phone: string;
}

const trackKey = (k: TrackKey | null) => ['public-track', k?.caseNo, k?.phone] as const;

/** Following a case needs its number and the reporter's phone; a mismatch is a 404. */
export function useTrack(key: TrackKey | null) {
  return useQuery({
    queryKey: trackKey(key),
    queryFn: ({ signal }) => api.get<TrackViewDto>('/api/v1/public/cases/track', { ...key }, signal),
    enabled: !!key,
    retry: false,
    staleTime: 0,
  });
}

export function useReporterAction(key: TrackKey | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Pick<ActionBodyDto, 'action' | 'version' | 'note' | 'satisfaction'>) =>
      api.post<TrackViewDto>('/api/v1/public/cases/actions', { ...body, ...key }),
    onSuccess: (view) => queryClient.setQueryData(trackKey(key), view),
    onError: () => void queryClient.invalidateQueries({ queryKey: trackKey(key) }),
  });
}
