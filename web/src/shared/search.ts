// Searches behind the shared pickers (CompoundSelect, OrgSelect): compounds and organisations by name.
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { CompoundListItemDto, OrganisationDto, Page } from '../api/types';

/** Organisations whose name matches `q` (the first 20; all when `q` is empty). */
export function useOrganisationSearch(q: string) {
  return useQuery({
    queryKey: ['organisations', 'search', q],
    queryFn: ({ signal }) =>
      api.get<Page<OrganisationDto>>('/api/v1/organisations', { q: q || undefined, limit: 20 }, signal),
    select: (page) => page.items,
    staleTime: 60_000,
  });
}

/** Compounds whose name matches `q` (nothing until something is typed). */
export function useCompoundSearch(q: string) {
  return useQuery({
    queryKey: ['compounds', 'search', q],
    queryFn: ({ signal }) =>
      api.get<Page<CompoundListItemDto>>('/api/v1/compounds', { q: q || undefined, limit: 20 }, signal),
    select: (page) => page.items,
    enabled: q.length > 0,
    staleTime: 60_000,
  });
}
