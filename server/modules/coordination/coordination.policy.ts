// Who may see and do what with joint meetings (联席会议), from role grants (domain/access.ts holds the table):
// - a body, its meetings and hot cases: the offices at and above its level whose place covers it
//   (coordination.view); a body out of reach is "not found" (no existence leak);
// - running a body (meetings, agenda, decisions, 督办): the office of the body's own level and division
//   (coordination.manage) — the district office runs the district's meeting, not a street's;
// - asking a body for coordination: an office of a division the body is above (a street asks its district);
// - an action item: the offices that see its body, and its lead and cooperating units (their own items);
//   only the lead unit marks it done.
import { grantsWith, isLocationGrant, type Grant } from '../../../domain/access.js';
import { isAbove } from '../../../domain/coordination.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { CoordActionItemTable, CoordBodyTable } from '../../platform/db/schema-coordination.js';
import { covers } from '../../../domain/access.js';

type BodyPlace = Pick<CoordBodyTable, 'level' | 'division_code' | 'district_code' | 'street_code'>;
type ItemPlace = Pick<CoordActionItemTable, 'district_code' | 'street_code' | 'lead_org_id'>;

/** The location grants (city, district, street) carrying coordination.view: the offices. */
export const officeGrants = (actor: Actor): Grant[] =>
  grantsWith(actor.grants, 'coordination.view').filter(isLocationGrant);

/** The organisations the caller acts for (departments, utilities, companies) with coordination.view. */
export const memberOrgIds = (actor: Actor): string[] =>
  grantsWith(actor.grants, 'coordination.view')
    .filter((g) => g.scopeType === 'department' || g.scopeType === 'company')
    .map((g) => g.scopeId);

const coversPlace = (actor: Actor, p: { district_code: string | null; street_code: string | null }) =>
  officeGrants(actor).some((g) => covers(g, { districtCode: p.district_code, streetCode: p.street_code }));

export function mayViewBody(actor: Actor, b: BodyPlace): boolean {
  return coversPlace(actor, b);
}

export function mayManageBody(actor: Actor, b: BodyPlace): boolean {
  return grantsWith(actor.grants, 'coordination.manage').some(
    (g) => g.scopeType === b.level && (b.level === 'city' || g.scopeId === b.division_code),
  );
}

export function requireBodyView(actor: Actor, b: BodyPlace): void {
  if (!mayViewBody(actor, b)) throw notFound('coordination.body_not_found');
}

export function requireBodyManage(actor: Actor, b: BodyPlace): void {
  requireBodyView(actor, b);
  if (!mayManageBody(actor, b)) throw new AppError('coordination.manage_forbidden', 403);
}

/** Creating a body: the office of that division's level (a district office its district's body). */
export function requireCreateBody(actor: Actor, b: BodyPlace): void {
  if (!mayManageBody(actor, b)) throw new AppError('coordination.manage_forbidden', 403);
}

/** The division a caller asks from: one of its office grants the body is above (a street under the district). */
export function requestingDivision(actor: Actor, b: BodyPlace): string {
  const g = grantsWith(actor.grants, 'coordination.manage').find(
    (x) => isLocationGrant(x) && x.scopeType !== 'city' && isAbove(b.division_code, x.scopeId),
  );
  if (!g) throw notFound('coordination.body_not_found');
  return g.scopeId;
}

export function mayViewItem(actor: Actor, item: ItemPlace, cooperating: readonly string[]): boolean {
  if (coversPlace(actor, item)) return true;
  const mine = memberOrgIds(actor);
  return mine.includes(item.lead_org_id) || cooperating.some((o) => mine.includes(o));
}

export function requireItemView(actor: Actor, item: ItemPlace, cooperating: readonly string[]): void {
  if (!mayViewItem(actor, item, cooperating)) throw notFound('coordination.item_not_found');
}

/** Only the lead unit (牵头单位) reports an item done. */
export const mayCompleteItem = (actor: Actor, item: ItemPlace) =>
  memberOrgIds(actor).includes(item.lead_org_id);
