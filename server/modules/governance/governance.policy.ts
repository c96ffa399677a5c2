// Who may see and do what in owners' self-governance, from role grants and the compound's location.
//
// - See a compound's governance (state, formation, committee, decisions, results, tasks): the street office,
//   district/city offices and the administrator within their division scope; the residents' committee
//   (compound or street scope); an owners' committee member of that compound.
// - Run decisions (create, open, close, publish, invitation codes, desk ballots) and the committee's own
//   records (meetings, filing submission, 换届 report, membership changes): an owners' committee member of
//   the compound, the street office of its street, the administrator.
// - The street's business (start a formation and record its steps, record an election, decide a filing,
//   form a 换届改选小组, by-elections): the street office of the compound's street, the administrator.
// - Owners: the published decisions of compounds where they own a unit; they vote with invitation codes.
import {
  allows,
  grantsWith,
  organisationIdsOf,
  ownerIdsOf as ownersOf,
  type Grant,
  type Permission,
} from '../../../domain/access.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';

export interface CompoundPlace {
  id: string;
  street_code: string;
  district_code: string;
}

const placeOf = (c: CompoundPlace) => ({
  districtCode: c.district_code,
  streetCode: c.street_code,
  compoundId: c.id,
});

const may = (actor: Actor | null, permission: Permission, c: CompoundPlace) =>
  !!actor && allows(actor.grants, permission, placeOf(c));

export const canView = (actor: Actor | null, c: CompoundPlace) => may(actor, 'governance.view', c);
export const canManage = (actor: Actor | null, c: CompoundPlace) => may(actor, 'governance.manage', c);
export const canActAsStreet = (actor: Actor | null, c: CompoundPlace) => may(actor, 'governance.street', c);

export function requireManager(actor: Actor | null, c: CompoundPlace): void {
  if (!canManage(actor, c)) throw new AppError('governance.not_manager', 403);
}

export function requireStreet(actor: Actor | null, c: CompoundPlace): void {
  if (!canActAsStreet(actor, c)) throw new AppError('governance.street_only', 403);
}

/** Grants that open governance lists (overview, tasks, decisions) — filtered by compound scope in SQL. */
export function viewGrants(actor: Actor): Grant[] {
  const grants = grantsWith(actor.grants, 'governance.view');
  if (grants.length === 0) throw new AppError('auth.forbidden', 403);
  return grants;
}

/** Owner ids of an owner-scoped account (own_units grants). */
export const ownerIdsOf = (actor: Actor): string[] => ownersOf(actor.grants);

/** Companies whose fee records the actor keeps (governance.arrears on a company grant). */
export const arrearsCompanyIdsOf = (actor: Actor | null): string[] =>
  actor ? organisationIdsOf(actor.grants, 'governance.arrears') : [];
