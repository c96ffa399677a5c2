// Who may read KPIs and campaigns, and over which cases; who may run campaigns.
import {
  allows,
  grantsWith,
  isLocationGrant,
  overlaps,
  placeOfDivision,
  type Grant,
} from '../../../domain/access.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, badRequest } from '../../platform/http/errors.js';
import type { ScopePart } from './kpis.repo.js';

/**
 * The cases the actor may count, as parts to OR together (the district/street filter is ANDed on top).
 * 403 when the actor has no KPI role, or only location grants none of which reaches the filtered area.
 */
export function kpiScope(actor: Actor, filter: { district?: string; street?: string }): ScopePart[] {
  if (filter.district && filter.street && !filter.street.startsWith(filter.district))
    throw badRequest('kpis.filter_mismatch', { district: filter.district, street: filter.street });
  const parts: ScopePart[] = [];
  const orgIds: string[] = [];
  // Offices measure the places they cover; departments, utilities and companies only the cases they lead.
  for (const g of grantsWith(actor.grants, 'kpis.read')) {
    if (isLocationGrant(g)) {
      if (!overlaps(g, filter)) continue;
      if (g.scopeType === 'city') parts.push({ kind: 'all' });
      else parts.push({ kind: g.scopeType as 'district' | 'street', code: g.scopeId });
    } else if (g.scopeType === 'department' || g.scopeType === 'company') {
      orgIds.push(g.scopeId);
    }
  }
  if (orgIds.length) parts.push({ kind: 'orgs', ids: [...new Set(orgIds)] });
  if (parts.length === 0) throw new AppError('auth.forbidden', 403);
  return parts.some((p) => p.kind === 'all') ? [{ kind: 'all' }] : parts;
}

/** Location grants allowed to read campaigns (offices and the administrator). */
export function campaignReadGrants(actor: Actor): Grant[] {
  const grants = grantsWith(actor.grants, 'campaigns.read').filter(isLocationGrant);
  if (grants.length === 0) throw new AppError('auth.forbidden', 403);
  return grants;
}

/** A campaign is visible when its whole division lies within one of the grants. */
export const canReadCampaign = (actor: Actor, divisionCode: string): boolean =>
  allows(actor.grants, 'campaigns.read', placeOfDivision(divisionCode));

/** Creating a campaign or adding cases needs an office grant covering the campaign's division. */
export function requireCampaignWrite(actor: Actor, divisionCode: string): void {
  if (!allows(actor.grants, 'campaigns.manage', placeOfDivision(divisionCode)))
    throw new AppError('auth.forbidden', 403);
}
