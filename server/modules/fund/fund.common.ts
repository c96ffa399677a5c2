// Helpers shared by the fund's services: today in Shanghai, the compound looked up for its place, a unit's
// sharing area, a payment as the API shows it.
import { shanghaiDate } from '../../../domain/calendar.js';
import { formatYuan } from '../../../domain/money.js';
import type { Executor } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import { notFound } from '../../platform/http/errors.js';
import type { FundPlace } from './fund.policy.js';
import * as repo from './fund.repo.js';

export const todayOf = (deps: Deps) => shanghaiDate(deps.clock.now());

export async function fundCompound(deps: Deps, compoundId: string): Promise<FundPlace & { name: string }> {
  const c = await repo.compound(deps.database.db, compoundId);
  if (!c) throw notFound('fund.compound_not_found');
  return c;
}

/**
 * What the actor may do on a fund path (emergency repairs, applications) of the compound, given the
 * organisations serving it today; 404 when they may not even see it.
 */
export async function rightsOn<R extends { view: boolean }>(
  db: Executor,
  actor: Actor,
  c: FundPlace,
  today: string,
  rightsOf: (actor: Actor, c: FundPlace, servingOrgIds: readonly string[]) => R,
): Promise<R> {
  const rights = rightsOf(actor, c, await repo.servingOrganisations(db, c.id, today));
  if (!rights.view) throw notFound('fund.compound_not_found');
  return rights;
}

/** The unit's sharing area: registered, else surveyed, else contract (区分所有权解释 Art 8). */
export const areaOf = (u: {
  registered_area: number | null;
  surveyed_area: number | null;
  contract_area: number | null;
}) => u.registered_area ?? u.surveyed_area ?? u.contract_area;

export const presentPayment = (p: Awaited<ReturnType<typeof repo.payments>>[number]) => ({
  id: p.id,
  reference: p.reference,
  title: p.title,
  cost: formatYuan(p.cost_fen),
  basis: p.basis,
  decisionTitle: p.decision_title ?? null,
  emergencyTitle: p.emergency_title ?? null,
  scope: p.scope,
  units: p.unit_count,
  paidOn: p.paid_on,
});
