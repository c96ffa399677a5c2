// React-query hooks of the governance screens (overview, compound, committee, decisions, owners' ballots).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { BuildingDto, ItemsOf, OwnerDto, Page, UnitDto } from '../../api/types';
import { usePagedList } from '../../shared/usePagedList';
import type {
  ArrearDto,
  ArrearInputDto,
  BallotDto,
  BallotLookupDto,
  BallotReceiptDto,
  CommitteeActionDto,
  CommitteeChangeActionDto,
  CommitteeChangeInputDto,
  CommitteeDto,
  CommitteeElectionDto,
  DecisionActionDto,
  DecisionDto,
  DecisionInputDto,
  DecisionListItemDto,
  DecisionResultDto,
  EligibilityDto,
  FormationActionDto,
  GovernanceCompoundDto,
  InvitationsDto,
  MeetingInputDto,
  MeetingPublishDto,
  NoticeBoardDto,
  OverviewItemDto,
  OwnerGroupInputDto,
  RollItemDto,
  TaskDto,
  TrainingInputDto,
} from './types';

const enc = encodeURIComponent;
const GOV = ['governance'] as const;

export function useOverview(filters: { street?: string; state?: string }) {
  return usePagedList<OverviewItemDto>([...GOV, 'overview'], '/api/v1/governance/overview', filters);
}

export function useTasks(filters: { street?: string; compound?: string; state?: string }) {
  return usePagedList<TaskDto>([...GOV, 'tasks'], '/api/v1/governance/tasks', filters);
}

export const compoundKey = (id: string) => [...GOV, 'compound', id] as const;

export function useCompoundGovernance(id: string) {
  return useQuery({
    queryKey: compoundKey(id),
    queryFn: ({ signal }) =>
      api.get<GovernanceCompoundDto>(`/api/v1/governance/compounds/${enc(id)}`, {}, signal),
  });
}

/** The compound's notice board (公告栏): for its owners and the supervising offices. */
export function useNoticeBoard(id: string | undefined) {
  return useQuery({
    queryKey: [...GOV, 'notices', id],
    queryFn: ({ signal }) =>
      api.get<NoticeBoardDto>(`/api/v1/governance/compounds/${enc(id!)}/notices`, {}, signal),
    enabled: !!id,
  });
}

/** Any write that changes a compound's governance: refresh everything governance shows. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: GOV });
}

export function useStartFormation(compoundId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { triggerKind: 'detected' | 'owners_request'; requestedOn?: string }) =>
      api.post<GovernanceCompoundDto>(`/api/v1/governance/compounds/${enc(compoundId)}/formation`, body),
    onSuccess: refresh,
  });
}

export function useFormationAction(formationId: string | undefined) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: FormationActionDto) =>
      api.post<GovernanceCompoundDto>(
        `/api/v1/governance/formations/${enc(formationId ?? '')}/actions`,
        body,
      ),
    onSuccess: refresh,
  });
}

export function useRecordCommittee(compoundId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CommitteeElectionDto) =>
      api.post<CommitteeDto>(`/api/v1/governance/compounds/${enc(compoundId)}/committees`, body),
    onSuccess: refresh,
  });
}

export function useCommitteeAction(committeeId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CommitteeActionDto) =>
      api.post<CommitteeDto>(`/api/v1/governance/committees/${enc(committeeId)}/actions`, body),
    onSuccess: refresh,
  });
}

export function useRecordMeeting(committeeId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: MeetingInputDto) =>
      api.post<CommitteeDto>(`/api/v1/governance/committees/${enc(committeeId)}/meetings`, body),
    onSuccess: refresh,
  });
}

export function useByElection(committeeId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: {
      on: string;
      ownerId: string;
      position: 'chair' | 'vice_chair' | 'member';
      undertakingSigned: boolean;
      employedByManager?: boolean;
    }) => api.post<CommitteeDto>(`/api/v1/governance/committees/${enc(committeeId)}/members`, body),
    onSuccess: refresh,
  });
}

export function useEndMembership(committeeId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ memberId, ...body }: { memberId: string; version: number; on: string; reason: string }) =>
      api.post<CommitteeDto>(
        `/api/v1/governance/committees/${enc(committeeId)}/members/${enc(memberId)}/end`,
        body,
      ),
    onSuccess: refresh,
  });
}

export function useEligibility(compoundId: string, ownerId: string | undefined, employedByManager = false) {
  return useQuery({
    queryKey: [...GOV, 'eligibility', compoundId, ownerId, employedByManager],
    queryFn: ({ signal }) =>
      api.get<EligibilityDto>(
        `/api/v1/governance/compounds/${enc(compoundId)}/eligibility`,
        { owner: ownerId, employedByManager: employedByManager ? 'true' : undefined },
        signal,
      ),
    enabled: !!ownerId,
  });
}

/** Owners of a compound, for choosing candidates and owner representatives (first 500 by name). */
export function useCompoundOwners(compoundId: string) {
  return useQuery({
    queryKey: ['compound-owners-all', compoundId],
    queryFn: ({ signal }) =>
      api.get<Page<OwnerDto>>(`/api/v1/compounds/${enc(compoundId)}/owners`, { limit: 500 }, signal),
    select: (p) => p.items,
    staleTime: 60_000,
  });
}

export function useBuildings(compoundId: string) {
  return useQuery({
    queryKey: ['compound-buildings', compoundId],
    queryFn: ({ signal }) =>
      api.get<ItemsOf<BuildingDto>>(`/api/v1/compounds/${enc(compoundId)}/buildings`, {}, signal),
    select: (p) => p.items,
  });
}

/** Units of one building with their owners (for unit pickers and the owners of a building). */
export function useUnits(buildingId: string | undefined) {
  return useQuery({
    queryKey: ['building', buildingId, 'units'],
    queryFn: ({ signal }) =>
      api.get<ItemsOf<UnitDto>>(`/api/v1/buildings/${enc(buildingId ?? '')}/units`, {}, signal),
    select: (p) => p.items,
    enabled: !!buildingId,
  });
}

// --- Committee records: resolution notices, change filings (变更备案), trainings --------------------------

export function usePublishMeeting(committeeId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ meetingId, ...body }: MeetingPublishDto & { meetingId: string }) =>
      api.post<CommitteeDto>(
        `/api/v1/governance/committees/${enc(committeeId)}/meetings/${enc(meetingId)}/publish`,
        body,
      ),
    onSuccess: refresh,
  });
}

export function useAddChange(committeeId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CommitteeChangeInputDto) =>
      api.post<CommitteeDto>(`/api/v1/governance/committees/${enc(committeeId)}/changes`, body),
    onSuccess: refresh,
  });
}

export function useChangeAction(committeeId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ changeId, body }: { changeId: string; body: CommitteeChangeActionDto }) =>
      api.post<CommitteeDto>(
        `/api/v1/governance/committees/${enc(committeeId)}/changes/${enc(changeId)}/actions`,
        body,
      ),
    onSuccess: refresh,
  });
}

export function useRecordTraining(committeeId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: TrainingInputDto) =>
      api.post<CommitteeDto>(`/api/v1/governance/committees/${enc(committeeId)}/trainings`, body),
    onSuccess: refresh,
  });
}

// --- Owner groups (业主小组) and fee arrears ------------------------------------------------------------

export function useFormOwnerGroup(compoundId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: OwnerGroupInputDto) =>
      api.post<GovernanceCompoundDto>(`/api/v1/governance/compounds/${enc(compoundId)}/owner-groups`, body),
    onSuccess: refresh,
  });
}

export function useDissolveOwnerGroup() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ groupId, ...body }: { groupId: string; version: number; on: string }) =>
      api.post<GovernanceCompoundDto>(`/api/v1/governance/owner-groups/${enc(groupId)}/dissolve`, body),
    onSuccess: refresh,
  });
}

export function useArrears(compoundId: string, filters: { open?: 'true' | 'false'; unit?: string }) {
  return usePagedList<ArrearDto>(
    [...GOV, 'arrears', compoundId],
    `/api/v1/governance/compounds/${enc(compoundId)}/arrears`,
    filters,
  );
}

export function useRecordArrear(compoundId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ArrearInputDto) =>
      api.post<ArrearDto>(`/api/v1/governance/compounds/${enc(compoundId)}/arrears`, body),
    onSuccess: refresh,
  });
}

export function useSettleArrear() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ arrearId, ...body }: { arrearId: string; version: number; on: string }) =>
      api.post<ArrearDto>(`/api/v1/governance/arrears/${enc(arrearId)}/settle`, body),
    onSuccess: refresh,
  });
}

// --- Decisions ----------------------------------------------------------------------------------------

export function useDecisions(filters: { compound?: string; street?: string; status?: string }) {
  return usePagedList<DecisionListItemDto>([...GOV, 'decisions'], '/api/v1/governance/decisions', filters);
}

export const decisionKey = (id: string) => [...GOV, 'decision', id] as const;

export function useDecision(id: string) {
  return useQuery({
    queryKey: decisionKey(id),
    queryFn: ({ signal }) => api.get<DecisionDto>(`/api/v1/governance/decisions/${enc(id)}`, {}, signal),
  });
}

export function useCreateDecision() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: DecisionInputDto) => api.post<DecisionDto>('/api/v1/governance/decisions', body),
    onSuccess: refresh,
  });
}

export function useDecisionAction(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: DecisionActionDto) =>
      api.post<DecisionDto>(`/api/v1/governance/decisions/${enc(id)}/actions`, body),
    onSuccess: refresh,
  });
}

export function useIssueInvitations(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (unitIds?: string[]) =>
      api.post<InvitationsDto>(
        `/api/v1/governance/decisions/${enc(id)}/invitations`,
        unitIds ? { unitIds } : {},
      ),
    onSuccess: refresh,
  });
}

export function useRoll(id: string, filters: { q?: string; voted?: string }, enabled: boolean) {
  return usePagedList<RollItemDto>(
    [...GOV, 'roll', id],
    `/api/v1/governance/decisions/${enc(id)}/roll`,
    filters,
    enabled,
  );
}

export function useDeskBallot(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: {
      unitId: string;
      choice: 'yes' | 'no' | 'abstain';
      channel: 'desk' | 'proxy';
      proxyName?: string;
      proxyDocument?: string;
    }) => api.post<BallotDto>(`/api/v1/governance/decisions/${enc(id)}/ballots`, body),
    onSuccess: refresh,
  });
}

export function useResult(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...GOV, 'result', id],
    queryFn: ({ signal }) =>
      api.get<DecisionResultDto>(`/api/v1/governance/decisions/${enc(id)}/result`, {}, signal),
    enabled,
  });
}

export const exportUrl = (id: string) => `/api/v1/governance/decisions/${enc(id)}/export`;

// --- Owners' ballots (no account) -------------------------------------------------------------------------

export function useBallotLookup(code: string | null) {
  return useQuery({
    queryKey: ['ballot-lookup', code],
    queryFn: () => api.post<BallotLookupDto>('/api/v1/ballots/lookup', { code }),
    enabled: !!code,
    retry: false,
  });
}

export function useCastBallot() {
  return useMutation({
    mutationFn: (body: { code: string; choice: 'yes' | 'no' | 'abstain' }) =>
      api.post<BallotReceiptDto>('/api/v1/ballots', body),
  });
}
