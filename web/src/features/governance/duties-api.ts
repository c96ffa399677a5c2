// React-query hooks of the statutory duties (《规定》 Arts 13, 23, 25, 26, 30): meeting notices, petitions,
// exemption, filing materials, handover. Every write refreshes everything governance shows.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';
import type {
  Committee,
  ExemptionInput,
  ExemptionView,
  FilingMaterialInput,
  FilingMaterials,
  MeetingNoticeInput,
  MeetingNotices,
  PetitionInput,
  Petitions,
  UnitViolation,
  UnitViolationInput,
} from '../../../../contracts/governance';
import { usePagedList } from '../../shared/usePagedList';

export type MeetingNoticesDto = z.infer<typeof MeetingNotices>;
export type MeetingNoticeInputDto = z.input<typeof MeetingNoticeInput>;
export type PetitionsDto = z.infer<typeof Petitions>;
export type PetitionDto = PetitionsDto['items'][number];
export type PetitionInputDto = z.input<typeof PetitionInput>;
export type ExemptionDto = z.infer<typeof ExemptionView>;
export type ExemptionInputDto = z.input<typeof ExemptionInput>;
export type FilingMaterialsDto = z.infer<typeof FilingMaterials>;
export type FilingMaterialInputDto = z.input<typeof FilingMaterialInput>;
export type ViolationDto = z.infer<typeof UnitViolation>;
export type ViolationInputDto = z.input<typeof UnitViolationInput>;

const enc = encodeURIComponent;
const GOV = ['governance'] as const;

function useWrite<B, R>(post: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: post,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: GOV }),
  });
}

export function useMeetingNotices(decisionId: string) {
  const url = `/api/v1/governance/decisions/${enc(decisionId)}/meeting-notices`;
  return useQuery({
    queryKey: [...GOV, 'meeting-notices', decisionId],
    queryFn: ({ signal }) => api.get<MeetingNoticesDto>(url, {}, signal),
  });
}

export const useRecordMeetingNotice = (decisionId: string) =>
  useWrite((body: MeetingNoticeInputDto) =>
    api.post<MeetingNoticesDto>(`/api/v1/governance/decisions/${enc(decisionId)}/meeting-notices`, body),
  );

export function usePetitions(committeeId: string) {
  const url = `/api/v1/governance/committees/${enc(committeeId)}/petitions`;
  return useQuery({
    queryKey: [...GOV, 'petitions', committeeId],
    queryFn: ({ signal }) => api.get<PetitionsDto>(url, {}, signal),
  });
}

export const useRecordPetition = (committeeId: string) =>
  useWrite((body: PetitionInputDto) =>
    api.post<PetitionsDto>(`/api/v1/governance/committees/${enc(committeeId)}/petitions`, body),
  );

export const useConvenePetition = (committeeId: string) =>
  useWrite(({ petitionId, ...body }: { petitionId: string; version: number; refId: string }) =>
    api.post<PetitionsDto>(
      `/api/v1/governance/committees/${enc(committeeId)}/petitions/${enc(petitionId)}/convene`,
      body,
    ),
  );

export function useExemption(compoundId: string) {
  const url = `/api/v1/governance/compounds/${enc(compoundId)}/exemption`;
  return useQuery({
    queryKey: [...GOV, 'exemption', compoundId],
    queryFn: ({ signal }) => api.get<ExemptionDto>(url, {}, signal),
  });
}

export const useRecordExemption = (compoundId: string) =>
  useWrite((body: ExemptionInputDto) =>
    api.post<ExemptionDto>(`/api/v1/governance/compounds/${enc(compoundId)}/exemption`, body),
  );

export const useRevokeExemption = (compoundId: string) =>
  useWrite((body: { version: number; on: string }) =>
    api.post<ExemptionDto>(`/api/v1/governance/compounds/${enc(compoundId)}/exemption/revoke`, body),
  );

export function useFilingMaterials(committeeId: string) {
  const url = `/api/v1/governance/committees/${enc(committeeId)}/filing-materials`;
  return useQuery({
    queryKey: [...GOV, 'filing-materials', committeeId],
    queryFn: ({ signal }) => api.get<FilingMaterialsDto>(url, {}, signal),
  });
}

export const useRecordFilingMaterial = (committeeId: string) =>
  useWrite((body: FilingMaterialInputDto) =>
    api.post<FilingMaterialsDto>(`/api/v1/governance/committees/${enc(committeeId)}/filing-materials`, body),
  );

export const useRecordHandover = (committeeId: string) =>
  useWrite(({ memberId, on }: { memberId: string; on: string }) =>
    api.post<z.infer<typeof Committee>>(
      `/api/v1/governance/committees/${enc(committeeId)}/members/${enc(memberId)}/handover`,
      { on },
    ),
  );

// --- Register of Art 20 ¶2 grounds (违规情形登记) ----------------------------------------------------------

export function useViolations(compoundId: string, filters: { open?: 'true' | 'false' }) {
  return usePagedList<ViolationDto>(
    [...GOV, 'violations', compoundId],
    `/api/v1/governance/compounds/${enc(compoundId)}/violations`,
    filters,
  );
}

export const useRecordViolation = (compoundId: string) =>
  useWrite((body: ViolationInputDto) =>
    api.post<ViolationDto>(`/api/v1/governance/compounds/${enc(compoundId)}/violations`, body),
  );

export const useCorrectViolation = () =>
  useWrite(({ violationId, ...body }: { violationId: string; version: number; on: string }) =>
    api.post<ViolationDto>(`/api/v1/governance/violations/${enc(violationId)}/correct`, body),
  );
