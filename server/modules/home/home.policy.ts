// Who has a staff home: any account that works cases, governance or KPIs (owners and residents have others).
import { hasPermission, isLocationGrant, grantsWith } from '../../../domain/access.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';

export function requireStaffHome(actor: Actor): void {
  const staff = ['cases.queue', 'governance.view', 'kpis.read'] as const;
  if (!staff.some((p) => hasPermission(actor.grants, p))) throw new AppError('auth.forbidden', 403);
}

export const mayCountQueues = (actor: Actor) => hasPermission(actor.grants, 'cases.queue');
export const mayViewGovernance = (actor: Actor) => hasPermission(actor.grants, 'governance.view');

/** Offices of a place (street, district, city) see their area's trend on the home. */
export const seesAreaTrend = (actor: Actor) =>
  grantsWith(actor.grants, 'kpis.read').some(
    (g) => isLocationGrant(g) && ['street', 'district', 'city'].includes(g.scopeType),
  );
