// The owner home's queries: the account's units, its open decisions and ballot, its reports. Every list is the
// signed-in account's own (server: registry, governance and cases owner routes).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';
import type { OwnCaseItem, OwnReportBody } from '../../../../contracts/cases';
import type { OwnDecision, BallotReceipt } from '../../../../contracts/governance';
import type { OwnUnit } from '../../../../contracts/registry';
import type { IntakeResultDto } from '../cases/types';

export type OwnUnitDto = z.infer<typeof OwnUnit>;
export type OwnDecisionDto = z.infer<typeof OwnDecision>;
export type OwnCaseDto = z.infer<typeof OwnCaseItem>;
export type OwnReportDto = z.input<typeof OwnReportBody>;
export type Choice = NonNullable<OwnDecisionDto['myBallot']>['choice'];

const OWNER = ['owner'] as const;

export function useOwnUnits() {
  return useQuery({
    queryKey: [...OWNER, 'units'],
    queryFn: ({ signal }) => api.get<{ items: OwnUnitDto[] }>('/api/v1/owner/units', {}, signal),
    select: (r) => r.items,
    staleTime: 5 * 60_000,
  });
}

export function useOwnDecisions() {
  return useQuery({
    queryKey: [...OWNER, 'decisions'],
    queryFn: ({ signal }) => api.get<{ items: OwnDecisionDto[] }>('/api/v1/owner/decisions', {}, signal),
    select: (r) => r.items,
  });
}

export function useOwnBallot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (b: { decisionId: string; unitId: string; choice: Choice }) =>
      api.post<z.infer<typeof BallotReceipt>>(
        `/api/v1/owner/decisions/${encodeURIComponent(b.decisionId)}/ballot`,
        {
          unitId: b.unitId,
          choice: b.choice,
        },
      ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: [...OWNER, 'decisions'] }),
  });
}

export function useOwnCases() {
  return useQuery({
    queryKey: [...OWNER, 'cases'],
    queryFn: ({ signal }) =>
      api.get<{ items: OwnCaseDto[]; nextCursor: string | null }>(
        '/api/v1/owner/cases',
        { limit: 20 },
        signal,
      ),
  });
}

export function useOwnReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OwnReportDto) => api.post<IntakeResultDto>('/api/v1/owner/cases', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: [...OWNER, 'cases'] }),
  });
}
