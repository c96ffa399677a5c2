import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ActionBodyDto, PublicIntakeResultDto, ResidentReportDto, TrackViewDto } from '../cases/types';

export function useResidentReport() {
  return useMutation({
    mutationFn: (body: ResidentReportDto) => api.post<PublicIntakeResultDto>('/api/v1/public/reports', body),
  });
}

/** Access to a case: its number and the reporter's phone (a mismatch is a 404), or a signed link's token. */
export type TrackKey = { caseNo: string; phone: string } | { token: string };

const trackKey = (k: TrackKey | null) => ['public-track', k] as const;

/** Following a case: by number + phone, or by a signed link (expired: 410; tampered: 404). */
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

/** The public compound directory: name and street only (no account). */
export interface PublicCompound {
  id: string;
  name: string;
  streetName: string | null;
  districtName: string | null;
  distanceM: number | null;
}

interface Items<T> {
  items: T[];
}

/** Compounds whose name contains `q` (two characters at least). */
export function usePublicCompoundSearch(q: string) {
  return useQuery({
    queryKey: ['public-compounds', 'q', q],
    queryFn: ({ signal }) => api.get<Items<PublicCompound>>('/api/v1/public/compounds', { q }, signal),
    select: (r) => r.items,
    enabled: q.length >= 2,
    staleTime: 60_000,
  });
}

/** The compounds nearest to a position (the phone's, once the resident allows it). */
export function useNearbyCompounds(at: { lat: number; lng: number } | null) {
  return useQuery({
    queryKey: ['public-compounds', 'near', at?.lat, at?.lng],
    queryFn: ({ signal }) =>
      api.get<Items<PublicCompound>>('/api/v1/public/compounds', { lat: at!.lat, lng: at!.lng }, signal),
    select: (r) => r.items,
    enabled: !!at,
    staleTime: 60_000,
  });
}

export function usePublicBuildings(compoundId: string | undefined) {
  return useQuery({
    queryKey: ['public-compounds', compoundId, 'buildings'],
    queryFn: ({ signal }) =>
      api.get<Items<{ id: string; name: string }>>(
        `/api/v1/public/compounds/${encodeURIComponent(compoundId!)}/buildings`,
        {},
        signal,
      ),
    select: (r) => r.items,
    enabled: !!compoundId,
    staleTime: 60_000,
  });
}

export function usePublicUnits(buildingId: string | undefined) {
  return useQuery({
    queryKey: ['public-buildings', buildingId, 'units'],
    queryFn: ({ signal }) =>
      api.get<Items<{ id: string; number: string }>>(
        `/api/v1/public/buildings/${encodeURIComponent(buildingId!)}/units`,
        {},
        signal,
      ),
    select: (r) => r.items,
    enabled: !!buildingId,
    staleTime: 60_000,
  });
}
