import { HOTLINE_CHANNELS } from '../../../../domain/access';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client';
import type { BuildingDto, CompoundDto, ItemsOf, OrganisationDto, UnitDto } from '../../api/types';
import { usePagedList } from '../../shared/usePagedList';
import type {
  ActionBodyDto,
  CaseListItemDto,
  CaseViewDto,
  CategoryDto,
  IntakeBodyDto,
  IntakeResultDto,
  SimilarCaseDto,
} from './types';

export const QUEUES = [
  'toDispatch',
  'toSign',
  'inProgress',
  'dueSoon',
  'overdue',
  'returned',
  'toVerify',
  'dueToday',
  'extensions',
  'supervised',
  'all',
] as const;
export type Queue = (typeof QUEUES)[number];

export interface QueueFilters {
  queue: Queue;
  street?: string;
  category?: string;
  status?: string;
  q?: string;
}

export function useCaseQueue(filters: QueueFilters) {
  return usePagedList<CaseListItemDto>(['cases'], '/api/v1/cases', { ...filters });
}

export const caseKey = (id: string) => ['case', id] as const;

export function useCase(id: string) {
  return useQuery({
    queryKey: caseKey(id),
    queryFn: ({ signal }) => api.get<CaseViewDto>(`/api/v1/cases/${encodeURIComponent(id)}`, {}, signal),
  });
}

/** The taxonomy (public endpoint; also used by the resident form). */
export function useCategories() {
  return useQuery({
    queryKey: ['case-categories'],
    queryFn: ({ signal }) => api.get<ItemsOf<CategoryDto>>('/api/v1/case-categories', {}, signal),
    staleTime: 5 * 60_000,
    select: (page) => page.items.filter((c) => c.active),
  });
}

/**
 * One lifecycle action with the case's version. The answer is the fresh view; a 409 carries the fresh
 * view in `details`, which replaces the cached case so the page shows what happened meanwhile.
 */
export function useCaseAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ActionBodyDto) =>
      api.post<CaseViewDto>(`/api/v1/cases/${encodeURIComponent(id)}/actions`, body),
    onSuccess: (view) => {
      queryClient.setQueryData(caseKey(id), view);
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409 && isCaseView(err.details)) {
        queryClient.setQueryData(caseKey(id), err.details);
        void queryClient.invalidateQueries({ queryKey: ['cases'] });
      }
    },
  });
}

export function isCaseView(value: unknown): value is CaseViewDto {
  return !!value && typeof value === 'object' && 'caseNo' in value && 'allowedActions' in value;
}

const HOTLINES: ReadonlySet<string> = new Set(HOTLINE_CHANNELS);

/**
 * Intake by staff. Hotline channels go through the hotline import, whose work-order number makes a
 * retried submission return the case already created instead of a second one.
 */
export function useIntake() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ workOrderNo, ...body }: IntakeBodyDto & { workOrderNo?: string }) =>
      HOTLINES.has(body.channel)
        ? api.post<IntakeResultDto>('/api/v1/intake/hotline', {
            ...body,
            workOrderNo: workOrderNo || undefined,
          })
        : api.post<IntakeResultDto>('/api/v1/cases', body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
}

/** Names of organisations mentioned by id in the timeline (dispatch targets, co-handlers). */
export function useOrganisation(id: string | null | undefined) {
  return useQuery({
    queryKey: ['organisation', id],
    queryFn: ({ signal }) =>
      api.get<OrganisationDto>(`/api/v1/organisations/${encodeURIComponent(id ?? '')}`, {}, signal),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
}

/** The compound's own coordinates for the map (may be refused for some roles: then no marker). */
export function useCompoundLocation(id: string | null | undefined) {
  return useQuery({
    queryKey: ['compound', id],
    queryFn: ({ signal }) =>
      api.get<CompoundDto>(`/api/v1/compounds/${encodeURIComponent(id ?? '')}`, {}, signal),
    enabled: !!id,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** Buildings and units for the optional building/unit of an intake. */
export function useBuildingsOf(compoundId: string | undefined) {
  return useQuery({
    queryKey: ['compound', compoundId, 'buildings'],
    queryFn: ({ signal }) =>
      api.get<ItemsOf<BuildingDto>>(
        `/api/v1/compounds/${encodeURIComponent(compoundId ?? '')}/buildings`,
        {},
        signal,
      ),
    select: (page) => page.items,
    enabled: !!compoundId,
  });
}

export function useUnitsOf(buildingId: string | undefined) {
  return useQuery({
    queryKey: ['building', buildingId, 'units'],
    queryFn: ({ signal }) =>
      api.get<ItemsOf<UnitDto>>(
        `/api/v1/buildings/${encodeURIComponent(buildingId ?? '')}/units`,
        {},
        signal,
      ),
    select: (page) => page.items,
    enabled: !!buildingId,
  });
}

export interface SimilarQuery {
  compoundId: string;
  categoryCode?: string;
  attributes?: Record<string, string | boolean>;
  caseNo?: string;
  excludeCaseId?: string;
}

/**
 * Open cases a report would repeat (same compound and category, attributes agreeing — domain/case-duplicates.ts)
 * or, with `caseNo`, the compound's open cases whose number starts with it. Off while `query` is null.
 */
export function useSimilarCases(query: SimilarQuery | null) {
  const params = query && {
    compoundId: query.compoundId,
    categoryCode: query.categoryCode,
    attributes: query.attributes ? JSON.stringify(query.attributes) : undefined,
    caseNo: query.caseNo || undefined,
    excludeCaseId: query.excludeCaseId,
  };
  return useQuery({
    queryKey: ['cases', 'similar', params],
    enabled: !!params,
    queryFn: ({ signal }) =>
      api.get<ItemsOf<SimilarCaseDto>>('/api/v1/cases/similar', { ...params! }, signal),
    select: (page) => page.items,
    placeholderData: (previous) => previous,
  });
}

/**
 * Record a report and merge it at once into the open case it repeats (the hint's one click): the intake,
 * then the 合并 action on the new case. When the merge is refused the case stays recorded, unmerged.
 */
export function useIntakeAndMerge() {
  const queryClient = useQueryClient();
  const intake = useIntake();
  return useMutation({
    mutationFn: async ({
      body,
      intoCaseNo,
    }: {
      body: IntakeBodyDto & { workOrderNo?: string };
      intoCaseNo: string;
    }) => {
      const created = await intake.mutateAsync(body);
      const path = `/api/v1/cases/${encodeURIComponent(created.id)}`;
      const view = await api.get<CaseViewDto>(path);
      try {
        const merged = await api.post<CaseViewDto>(`${path}/actions`, {
          action: 'merge',
          version: view.version,
          mergeIntoCaseNo: intoCaseNo,
        } satisfies ActionBodyDto);
        queryClient.setQueryData(caseKey(created.id), merged);
        return { created, merged: true as const, error: null };
      } catch (err) {
        return { created, merged: false as const, error: err instanceof Error ? err : null };
      }
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
}
