// Dispute mediation's queries (矛盾调解): the street's dispute queue, one dispute, registering one (also from a
// case), sessions and outcomes, a party's phone (audited), the street's committees and mediators, statistics.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';
import { usePagedList } from '../../shared/usePagedList';
import type {
  CreateDisputeBody,
  DisputeActionBody,
  DisputeSummary,
  DisputeView,
  MediationOptions,
  MediationStats,
  RevealedParty,
  SessionBody,
} from '../../../../contracts/mediation';

export type DisputeSummaryDto = z.infer<typeof DisputeSummary>;
export type DisputeDto = z.infer<typeof DisputeView>;
export type CreateDisputeDto = z.infer<typeof CreateDisputeBody>;
export type DisputeActionDto = z.infer<typeof DisputeActionBody>;
export type SessionDto = z.infer<typeof SessionBody>;
export type MediationStatsDto = z.infer<typeof MediationStats>;

const MEDIATION = ['mediation'] as const;
const disputeKey = (id: string) => [...MEDIATION, 'dispute', id];

export function useDisputes(filters: { status?: string; open?: string }) {
  return usePagedList<DisputeSummaryDto>([...MEDIATION, 'list'], '/api/v1/mediation/disputes', filters);
}

export function useDispute(id: string) {
  return useQuery({
    queryKey: disputeKey(id),
    queryFn: ({ signal }) =>
      api.get<DisputeDto>(`/api/v1/mediation/disputes/${encodeURIComponent(id)}`, {}, signal),
    enabled: !!id,
  });
}

export function useMediationOptions(compoundId: string | undefined) {
  return useQuery({
    queryKey: [...MEDIATION, 'options', compoundId],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof MediationOptions>>(
        '/api/v1/mediation/options',
        { compoundId: compoundId! },
        signal,
      ),
    enabled: !!compoundId,
  });
}

export function useMediationStats(enabled = true) {
  return useQuery({
    queryKey: [...MEDIATION, 'stats'],
    queryFn: ({ signal }) => api.get<MediationStatsDto>('/api/v1/mediation/stats', {}, signal),
    enabled,
  });
}

export function useCreateDispute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDisputeDto) => api.post<{ id: string }>('/api/v1/mediation/disputes', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: MEDIATION });
      // The case it came from records it on its timeline.
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      void queryClient.invalidateQueries({ queryKey: ['case'] });
    },
  });
}

/** A session or an outcome: the answer is the fresh dispute, which replaces the cached one. */
export function useDisputeStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ({ kind: 'session' } & SessionDto) | ({ kind: 'action' } & DisputeActionDto)) => {
      const { kind, ...rest } = body;
      const base = `/api/v1/mediation/disputes/${encodeURIComponent(id)}`;
      return api.post<DisputeDto>(kind === 'session' ? `${base}/sessions` : `${base}/actions`, rest);
    },
    onSuccess: (view) => {
      queryClient.setQueryData(disputeKey(id), view);
      void queryClient.invalidateQueries({ queryKey: [...MEDIATION, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [...MEDIATION, 'stats'] });
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
      void queryClient.invalidateQueries({ queryKey: ['case'] });
    },
  });
}

export function useRevealParty(disputeId: string) {
  return useMutation({
    mutationFn: (partyId: string) =>
      api.post<z.infer<typeof RevealedParty>>(
        `/api/v1/mediation/disputes/${encodeURIComponent(disputeId)}/parties/${encodeURIComponent(partyId)}/reveal`,
        {},
      ),
  });
}
