// What the assessment module (考核) asks of cases beyond the KPIs: which organisations co-handled cases with a
// department in a period (条与条: departments rate each other only where they co-handle).
import type { Deps } from '../../platform/deps.js';
import * as repo from './cases.repo.js';

/**
 * The organisations that led a case `orgId` co-handled, or co-handled a case it led, among the cases created in
 * [fromIso, toIso). No access check: the caller (the assessment service) has checked that `orgId` is its own.
 */
export async function coHandlingPartners(
  deps: Deps,
  orgId: string,
  fromIso: string,
  toIso: string,
): Promise<Set<string>> {
  const rows = await repo.coHandlingOrgs(deps.database.db, orgId, fromIso, toIso);
  const out = new Set<string>();
  for (const r of rows) {
    if (r.lead === orgId) out.add(r.cohandler);
    else if (r.lead) out.add(r.lead);
  }
  out.delete(orgId);
  return out;
}
