// SLA clocks of a case: the deadline of each stage from the policies and the working-day calendar, the earliest
// pending one (next_due_at, due_state) and the outbox jobs that check it at the warning time and at the deadline.
import type { CaseStatus } from '../../../domain/case-lifecycle.js';
import {
  deadline,
  dueState,
  pausesWhileSuspended,
  policyFor,
  type SlaFacts,
  type SlaPolicy,
  type SlaStage,
} from '../../../domain/sla.js';
import type { Tx } from '../../platform/db/database.js';
import type { CaseTable } from '../../platform/db/schema.js';
import type { Deps } from '../../platform/deps.js';
import { enqueueJobs, type NewJob } from '../../platform/jobs/jobs.js';
import { NO_DEADLINE } from './cases.repo.js';
import type { CaseReference } from './cases.reference.js';

export function slaFacts(c: Pick<CaseTable, 'category_code' | 'channel' | 'attributes_json'>): SlaFacts {
  return { categoryCode: c.category_code, channel: c.channel, attributes: JSON.parse(c.attributes_json) };
}

export function stageDeadline(
  ref: CaseReference,
  facts: SlaFacts,
  stage: SlaStage,
  from: Date,
): string | null {
  const p = policyFor(ref.policies, stage, facts);
  return p ? deadline(ref.calendar, from, p).toISOString() : null;
}

/** The workflow's pending deadlines in a status (the on-site clock runs from the dispatch, 拆违规定 Art 7). */
function workflowPending(c: CaseTable, status: string): [SlaStage, string | null][] {
  const arrive: [SlaStage, string | null] = ['arrive', c.arrived_at ? null : c.arrive_due_at];
  switch (status) {
    case 'received':
      return [['accept', c.accept_due_at]];
    case 'dispatched':
      return [['sign', c.sign_due_at], arrive, ['resolve', c.resolve_due_at]];
    case 'signed':
      return [arrive, ['resolve', c.resolve_due_at]];
    case 'accepted':
      return [['resolve', c.resolve_due_at]];
    default:
      return [];
  }
}

const ENDED: readonly string[] = ['declined', 'merged'];

/**
 * The earliest pending deadline and its stage: the workflow's for the status, and the duties the law names
 * (反馈举报人, 报告违法) until they are met, whatever the status. While 挂起 / 挂账 only the clocks that never pause
 * run (a statutory clock, {@link pausesWhileSuspended}): the workflow's as it stood before the suspension.
 */
export function nextDeadline(
  c: CaseTable,
  policies: readonly SlaPolicy[],
): { at: string; stage: SlaStage } | null {
  const paused = c.status === 'suspended' || c.status === 'parked';
  const status: CaseStatus | string = paused ? (c.status_before_suspension ?? 'accepted') : c.status;
  const duties: [SlaStage, string | null][] = ENDED.includes(c.status)
    ? []
    : [
        ['feedback', c.fed_back_at ? null : c.feedback_due_at],
        ['report', c.violation_reported_at ? null : c.violation_report_due_at],
      ];
  const facts = paused ? slaFacts(c) : null;
  let best: { at: string; stage: SlaStage } | null = null;
  for (const [stage, at] of [...workflowPending(c, status), ...duties]) {
    if (!at || (best && at >= best.at)) continue;
    if (facts && pausesWhileSuspended(policyFor(policies, stage, facts))) continue;
    best = { at, stage };
  }
  return best;
}

/** Sets next_due_at and due_state from the case's pending deadlines. */
export function refreshDue(ref: CaseReference, c: CaseTable, now: Date): void {
  const next = nextDeadline(c, ref.policies);
  c.next_due_at = next?.at ?? NO_DEADLINE;
  const policy = next ? policyFor(ref.policies, next.stage, slaFacts(c)) : null;
  c.due_state = dueState(now, next ? new Date(next.at) : null, policy?.warnBeforeMinutes ?? 0);
}

/** Outbox: SLA checks at the warning time and at the deadline (exactly once per case and deadline). */
export async function scheduleSla(trx: Tx, deps: Deps, ref: CaseReference, c: CaseTable): Promise<void> {
  const next = nextDeadline(c, ref.policies);
  if (!next) return;
  const policy = policyFor(ref.policies, next.stage, slaFacts(c));
  const due = new Date(next.at);
  const payload = { caseId: c.id, dueAt: next.at, stage: next.stage };
  const jobs: NewJob[] = [
    {
      queue: 'cases.sla',
      payload: { ...payload, kind: 'due' },
      options: { runAt: due, dedupeKey: `sla:${c.id}:${next.at}:due` },
    },
  ];
  if (policy && policy.warnBeforeMinutes > 0) {
    const warnAt = new Date(due.getTime() - policy.warnBeforeMinutes * 60_000);
    jobs.push({
      queue: 'cases.sla',
      payload: { ...payload, kind: 'warn' },
      options: { runAt: warnAt, dedupeKey: `sla:${c.id}:${next.at}:warn` },
    });
  }
  await enqueueJobs(trx, deps.clock, jobs);
}
