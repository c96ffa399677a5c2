// What the signed-in user may do with cases, from their roles (the server checks again on every call).
import type { MeDto } from '../../api/types';

export const HOTLINE_CHANNELS = ['hotline12345', 'hotline962121', 'hotline12319'] as const;
const OFFICES = ['street_office', 'district_office', 'city_office', 'admin'];

const roleSet = (me: MeDto | null) => new Set(me?.roles.map((r) => r.role) ?? []);

/** Intake channels by role: operators take hotline calls, inspectors report what they find, … */
export function intakeChannels(me: MeDto | null): string[] {
  const roles = roleSet(me);
  const out = new Set<string>();
  if (roles.has('hotline_operator')) HOTLINE_CHANNELS.forEach((c) => out.add(c));
  if (OFFICES.some((r) => roles.has(r))) {
    HOTLINE_CHANNELS.forEach((c) => out.add(c));
    out.add('gridInspection');
  }
  if (roles.has('grid_inspector')) out.add('gridInspection');
  if (roles.has('property_company')) out.add('propertyCompany');
  if (roles.has('department') || roles.has('utility')) out.add('departmentReferral');
  return [...out];
}

/** The work queue is for every role except owners / residents (they follow cases on /track). */
export function seesCases(me: MeDto | null): boolean {
  return !!me?.roles.some((r) => r.role !== 'owner');
}

/** KPIs: offices measure the places they cover; departments, utilities and companies their own cases. */
export function seesKpis(me: MeDto | null): boolean {
  const roles = roleSet(me);
  return [...OFFICES, 'department', 'utility', 'property_company'].some((r) => roles.has(r));
}

/** Handlers start with what waits for their signature; dispatchers with what waits for dispatch. */
export function defaultQueue(me: MeDto | null): 'toSign' | 'toDispatch' | 'all' {
  const roles = roleSet(me);
  if (OFFICES.some((r) => roles.has(r)) || roles.has('hotline_operator')) return 'toDispatch';
  if (['property_company', 'department', 'utility'].some((r) => roles.has(r))) return 'toSign';
  return 'all';
}
