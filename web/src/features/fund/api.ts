// The maintenance fund's queries (专项维修资金): a compound's account and ledgers, a building's unit ledgers, one
// unit's entries, the signed-in owner's own ledgers; and a payment on a passed use decision.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';
import type {
  ApplicationActionBody,
  ApplicationBody,
  FundApplication,
  FundApplications,
  EmergencyActionBody,
  EmergencyReportBody,
  FundEmergencies,
  FundEmergency,
  FundBuildingUnits,
  FundUnitEntries,
  FundView,
  MyFund,
  PaymentBody,
  PaymentResult,
} from '../../../../contracts/fund';

export type FundViewDto = z.infer<typeof FundView>;
export type FundUnitDto = z.infer<typeof FundBuildingUnits>['items'][number];
export type FundEntriesDto = z.infer<typeof FundUnitEntries>;
export type PaymentBodyDto = z.infer<typeof PaymentBody>;

const FUND = ['fund'] as const;

export function useFund(compoundId: string) {
  return useQuery({
    queryKey: [...FUND, 'compound', compoundId],
    queryFn: ({ signal }) => api.get<FundViewDto>(`/api/v1/fund/compounds/${compoundId}`, {}, signal),
    enabled: !!compoundId,
  });
}

export function useBuildingUnits(compoundId: string, buildingId: string | null) {
  return useQuery({
    queryKey: [...FUND, 'units', compoundId, buildingId],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof FundBuildingUnits>>(
        `/api/v1/fund/compounds/${compoundId}/buildings/${buildingId}/units`,
        {},
        signal,
      ),
    enabled: !!buildingId,
    select: (r) => r.items,
  });
}

export function useUnitEntries(unitId: string | null) {
  return useQuery({
    queryKey: [...FUND, 'entries', unitId],
    queryFn: ({ signal }) =>
      api.get<FundEntriesDto>(`/api/v1/fund/units/${unitId}/entries`, { limit: 50 }, signal),
    enabled: !!unitId,
  });
}

export function useMyFund(enabled = true) {
  return useQuery({
    queryKey: [...FUND, 'mine'],
    queryFn: ({ signal }) => api.get<z.infer<typeof MyFund>>('/api/v1/fund/mine', {}, signal),
    select: (r) => r.items,
    enabled,
  });
}

export function usePayment(compoundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PaymentBodyDto) =>
      api.post<z.infer<typeof PaymentResult>>(`/api/v1/fund/compounds/${compoundId}/payments`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: FUND }),
  });
}

// --- Emergency use (第七十三条) ---
export type EmergencyDto = z.infer<typeof FundEmergency>;
export type EmergencyReportDto = z.infer<typeof EmergencyReportBody>;
export type EmergencyActionDto = z.infer<typeof EmergencyActionBody>;

export function useEmergencies(compoundId: string) {
  return useQuery({
    queryKey: [...FUND, 'emergencies', compoundId],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof FundEmergencies>>(
        `/api/v1/fund/compounds/${compoundId}/emergencies`,
        {},
        signal,
      ),
    enabled: !!compoundId,
  });
}

export function useReportEmergency(compoundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EmergencyReportDto) =>
      api.post<EmergencyDto>(`/api/v1/fund/compounds/${compoundId}/emergencies`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: FUND }),
  });
}

export function useEmergencyAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EmergencyActionDto) =>
      api.post<EmergencyDto>(`/api/v1/fund/emergencies/${id}/actions`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: FUND }),
  });
}

// --- Use before the assembly (第七十一条第二款、第三款) ---
export type ApplicationDto = z.infer<typeof FundApplication>;
export type ApplicationBodyDto = z.infer<typeof ApplicationBody>;
export type ApplicationActionDto = z.infer<typeof ApplicationActionBody>;

export function useApplications(compoundId: string) {
  return useQuery({
    queryKey: [...FUND, 'applications', compoundId],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof FundApplications>>(
        `/api/v1/fund/compounds/${compoundId}/applications`,
        {},
        signal,
      ),
    enabled: !!compoundId,
  });
}

export function useProposeApplication(compoundId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplicationBodyDto) =>
      api.post<ApplicationDto>(`/api/v1/fund/compounds/${compoundId}/applications`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: FUND }),
  });
}

export function useApplicationAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplicationActionDto) =>
      api.post<ApplicationDto>(`/api/v1/fund/applications/${id}/actions`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: FUND }),
  });
}
