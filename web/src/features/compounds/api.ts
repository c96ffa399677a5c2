import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  BuildingDto,
  CompoundDto,
  CompoundListItemDto,
  ItemsOf,
  OwnerDto,
  RevealedOwnerDto,
  UnitDto,
} from '../../api/types';
import { usePagedList } from '../../shared/usePagedList';

export interface CompoundFilters {
  district?: string;
  street?: string;
  q?: string;
}

export function useCompounds(filters: CompoundFilters) {
  return usePagedList<CompoundListItemDto>(['compounds'], '/api/v1/compounds', { ...filters });
}

export function useCompound(id: string) {
  return useQuery({
    queryKey: ['compound', id],
    queryFn: ({ signal }) => api.get<CompoundDto>(`/api/v1/compounds/${encodeURIComponent(id)}`, {}, signal),
  });
}

export function useBuildings(compoundId: string) {
  return useQuery({
    queryKey: ['compound', compoundId, 'buildings'],
    queryFn: ({ signal }) =>
      api.get<ItemsOf<BuildingDto>>(
        `/api/v1/compounds/${encodeURIComponent(compoundId)}/buildings`,
        {},
        signal,
      ),
    select: (page) => page.items,
  });
}

export function useUnits(buildingId: string | null) {
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

export function useOwners(compoundId: string, q?: string) {
  return usePagedList<OwnerDto>(
    ['compound', compoundId, 'owners'],
    `/api/v1/compounds/${encodeURIComponent(compoundId)}/owners`,
    { q },
  );
}

/** Unmasks one owner's phone and ID number (permission pii.reveal; the server audits it). */
export function useRevealOwner() {
  return useMutation({
    mutationFn: (ownerId: string) =>
      api.post<RevealedOwnerDto>(`/api/v1/owners/${encodeURIComponent(ownerId)}/reveal`),
  });
}
