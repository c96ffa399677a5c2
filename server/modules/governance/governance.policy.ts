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
import type { Grant } from '../../../domain/access.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';

export interface CompoundPlace {
  id: string;
  street_code: string;
  district_code: string;
}

const VIEW_ROLES = new Set([
  'admin',
  'city_office',
  'district_office',
  'street_office',
  'residents_committee',
  'owners_committee_member',
]);
const MANAGE_ROLES = new Set(['admin', 'street_office', 'owners_committee_member']);
const STREET_ROLES = new Set(['admin', 'street_office']);

export function covers(g: Grant, c: CompoundPlace): boolean {
  switch (g.scopeType) {
    case 'city':
      return true;
    case 'district':
      return g.scopeId === c.district_code;
    case 'street':
      return g.scopeId === c.street_code;
    case 'compound':
      return g.scopeId === c.id;
    default:
      return false;
  }
}

const any = (actor: Actor | null, roles: ReadonlySet<string>, c: CompoundPlace) =>
  !!actor && actor.grants.some((g) => roles.has(g.role) && covers(g, c));

export const canView = (actor: Actor | null, c: CompoundPlace) => any(actor, VIEW_ROLES, c);
export const canManage = (actor: Actor | null, c: CompoundPlace) => any(actor, MANAGE_ROLES, c);
export const canActAsStreet = (actor: Actor | null, c: CompoundPlace) => any(actor, STREET_ROLES, c);

export function requireManager(actor: Actor | null, c: CompoundPlace): void {
  if (!canManage(actor, c)) throw new AppError('governance.not_manager', 403);
}

export function requireStreet(actor: Actor | null, c: CompoundPlace): void {
  if (!canActAsStreet(actor, c)) throw new AppError('governance.street_only', 403);
}

/** Grants that open governance lists (overview, tasks, decisions) — filtered by compound scope in SQL. */
export function viewGrants(actor: Actor): Grant[] {
  const grants = actor.grants.filter((g) => VIEW_ROLES.has(g.role));
  if (grants.length === 0) throw new AppError('auth.forbidden', 403);
  return grants;
}

/** Owner ids of an owner-scoped account (own_units grants). */
export const ownerIdsOf = (actor: Actor): string[] =>
  actor.grants.filter((g) => g.scopeType === 'own_units').map((g) => g.scopeId);
