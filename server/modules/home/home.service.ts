// The staff home: one call that gathers what needs the caller today from the modules that own the data —
// queue counts from cases, committees near 换届 from governance, the area's trend from kpis. No queries here.
import { shanghaiDate } from '../../../domain/calendar.js';
import type { Actor } from '../../platform/http/context.js';
import type { Deps } from '../../platform/deps.js';
import { queueCounts } from '../cases/cases.service.js';
import { committeesNearReelection } from '../governance/governance.service.js';
import { caseTrend } from '../kpis/kpis.service.js';
import { mayCountQueues, mayViewGovernance, requireStaffHome, seesAreaTrend } from './home.policy.js';

const TREND_MONTHS = 6;

export async function getHome(deps: Deps, actor: Actor) {
  requireStaffHome(actor);
  const thisMonth = shanghaiDate(deps.clock.now()).slice(0, 7);
  const [queues, committees, trend] = await Promise.all([
    mayCountQueues(actor) ? queueCounts(deps, actor) : null,
    mayViewGovernance(actor) ? committeesNearReelection(deps, actor) : null,
    seesAreaTrend(actor) ? caseTrend(deps, actor, { to: thisMonth, months: TREND_MONTHS }) : null,
  ]);
  return { queues, committeesNearReelection: committees, trend: trend?.items ?? null };
}
