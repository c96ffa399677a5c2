import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { OrganisationDto, OrganisationTypeName } from '../../api/types';
import { usePagedList } from '../../shared/usePagedList';

export const ORGANISATION_TYPE_NAMES: readonly OrganisationTypeName[] = [
  'joint_meeting_office',
  'housing_bureau',
  'street_office',
  'housing_office',
  'residents_committee',
  'department',
  'utility',
  'property_company',
  'company_branch',
  'project_office',
  'developer',
  'mediation_committee',
];

export interface OrganisationFilters {
  type?: string;
  division?: string;
  q?: string;
}

export function useOrganisations(filters: OrganisationFilters) {
  return usePagedList<OrganisationDto>(['organisations'], '/api/v1/organisations', { ...filters });
}

export function useOrganisation(id: string | null) {
  return useQuery({
    queryKey: ['organisation', id],
    queryFn: ({ signal }) =>
      api.get<OrganisationDto>(`/api/v1/organisations/${encodeURIComponent(id ?? '')}`, {}, signal),
    enabled: !!id,
  });
}
