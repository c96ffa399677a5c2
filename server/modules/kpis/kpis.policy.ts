// Who may read KPIs and campaigns, and over which cases; who may run campaigns.
import type { Grant } from '../../../domain/access.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, badRequest } from '../../platform/http/errors.js';
import type { ScopePart } from './kpis.repo.js';

/** Offices measure the places they cover (市/区/街镇); the administrator sees the whole city. */
const LOCATION_ROLES = new Set(['city_office', 'district_office', 'street_office', 'admin']);
/** Departments, utilities and property companies measure only the cases they lead. */
const ORGANISATION_ROLES = new Set(['department', 'utility', 'property_company']);
/** Campaigns (集中整治) are run by the joint-meeting offices of a city, district or street. */
const CAMPAIGN_ROLES = new Set(['city_office', 'district_office', 'street_office']);

const isLocation = (g: Grant) =>
  g.scopeType === 'city' || g.scopeType === 'district' || g.scopeType === 'street';

/** Whether a location grant reaches into the filtered area (no filter: always). */
function overlaps(g: Grant, filter: { district?: string; street?: string }): boolean {
  if (g.scopeType === 'city') return true;
  if (filter.street) return filter.street.startsWith(g.scopeId);
  if (filter.district) return g.scopeId.startsWith(filter.district) || filter.district.startsWith(g.scopeId);
  return true;
}

/**
 * The cases the actor may count, as parts to OR together (the district/street filter is ANDed on top).
 * 403 when the actor has no KPI role, or only location grants none of which reaches the filtered area.
 */
export function kpiScope(actor: Actor, filter: { district?: string; street?: string }): ScopePart[] {
  if (filter.district && filter.street && !filter.street.startsWith(filter.district))
    throw badRequest('kpis.filter_mismatch', { district: filter.district, street: filter.street });
  const parts: ScopePart[] = [];
  const orgIds: string[] = [];
  for (const g of actor.grants) {
    if (LOCATION_ROLES.has(g.role) && isLocation(g)) {
      if (!overlaps(g, filter)) continue;
      if (g.scopeType === 'city') parts.push({ kind: 'all' });
      else parts.push({ kind: g.scopeType as 'district' | 'street', code: g.scopeId });
    } else if (
      ORGANISATION_ROLES.has(g.role) &&
      (g.scopeType === 'department' || g.scopeType === 'company')
    ) {
      orgIds.push(g.scopeId);
    }
  }
  if (orgIds.length) parts.push({ kind: 'orgs', ids: [...new Set(orgIds)] });
  if (parts.length === 0) throw new AppError('auth.forbidden', 403);
  return parts.some((p) => p.kind === 'all') ? [{ kind: 'all' }] : parts;
}

/** Location grants allowed to read campaigns (offices and the administrator). */
export function campaignReadGrants(actor: Actor): Grant[] {
  const grants = actor.grants.filter(
    (g) => (CAMPAIGN_ROLES.has(g.role) || g.role === 'admin') && isLocation(g),
  );
  if (grants.length === 0) throw new AppError('auth.forbidden', 403);
  return grants;
}

const covers = (g: Grant, divisionCode: string) =>
  g.scopeType === 'city' || divisionCode.startsWith(g.scopeId);

/** A campaign is visible when its whole division lies within one of the grants. */
export function canReadCampaign(actor: Actor, divisionCode: string): boolean {
  return actor.grants.some(
    (g) => (CAMPAIGN_ROLES.has(g.role) || g.role === 'admin') && isLocation(g) && covers(g, divisionCode),
  );
}

/** Creating a campaign or adding cases needs an office grant covering the campaign's division. */
export function requireCampaignWrite(actor: Actor, divisionCode: string): void {
  const ok = actor.grants.some((g) => CAMPAIGN_ROLES.has(g.role) && isLocation(g) && covers(g, divisionCode));
  if (!ok) throw new AppError('auth.forbidden', 403);
}
