// Who sees the governance screens (the server checks again on every call).
import type { MeDto } from '../../api/types';

const VIEW = new Set([
  'admin',
  'city_office',
  'district_office',
  'street_office',
  'residents_committee',
  'owners_committee_member',
]);

export function seesGovernance(me: MeDto | null): boolean {
  return !!me?.roles.some((r) => VIEW.has(r.role));
}

/** A committee member's own compound, to open their workspace directly. */
export function committeeCompound(me: MeDto | null): string | null {
  const g = me?.roles.find((r) => r.role === 'owners_committee_member' && r.scopeType === 'compound');
  return g?.scopeId ?? null;
}

/** An owner's account (own units): reads the notice board of the compounds where they own. */
export function ownsUnits(me: MeDto | null): boolean {
  return !!me?.roles.some((r) => r.scopeType === 'own_units');
}
