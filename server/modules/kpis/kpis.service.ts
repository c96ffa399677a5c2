// KPIs of cases (发现率, 受理及时率, 按时办结率, 解决率, 满意率, 重复投诉率, 挂账) per street, department, company
// or compound. Definitions: domain/kpis.ts; counting: one SQL aggregate (kpis.repo.ts).
import { kpiRates, shanghaiPeriod } from '../../../domain/kpis.js';
import type { Actor } from '../../platform/http/context.js';
import { badRequest } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/deps.js';
import * as repo from './kpis.repo.js';
import { kpiScope } from './kpis.policy.js';
import './kpis.messages.js';

export interface KpiQueryInput {
  groupBy: repo.KpiGroupBy;
  district?: string;
  street?: string;
  from: string;
  to: string;
}

/** Shanghai dates → the UTC interval; 400 when the period is not a real one. */
export function periodOf(from: string, to: string): { fromIso: string; toIso: string } {
  try {
    return shanghaiPeriod(from, to);
  } catch {
    throw badRequest('kpis.period_invalid', { from, to });
  }
}

export async function caseKpis(deps: Deps, actor: Actor, q: KpiQueryInput) {
  const scope = kpiScope(actor, q);
  const period = periodOf(q.from, q.to);
  const rows = await repo.kpiCounts(deps.database.db, q.groupBy, {
    ...period,
    scope,
    district: q.district,
    street: q.street,
  });
  return {
    items: rows.map((r) => ({
      key: r.key,
      name: r.name,
      total: r.total,
      proactive: r.proactive,
      ...kpiRates(r),
      parked: r.parked,
    })),
  };
}
