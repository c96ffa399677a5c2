// SLA clocks of a case: the deadline of each stage from the policies and the working-day calendar, the earliest
// pending one (next_due_at, due_state) and the outbox jobs that check it at the warning time and at the deadline.
import { deadline, dueState, policyFor, type SlaFacts, type SlaStage } from '../../../domain/sla.js';
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

/** The earliest pending deadline for the status, its stage and policy. */
export function nextDeadline(c: CaseTable): { at: string; stage: SlaStage } | null {
  const pending: [SlaStage, string | null][] =
    c.status === 'received'
      ? [['accept', c.accept_due_at]]
      : c.status === 'dispatched'
        ? [
            ['sign', c.sign_due_at],
            ['resolve', c.resolve_due_at],
          ]
        : c.status === 'signed'
          ? [
              ['arrive', c.arrived_at ? null : c.arrive_due_at],
              ['resolve', c.resolve_due_at],
            ]
          : c.status === 'accepted'
            ? [['resolve', c.resolve_due_at]]
            : [];
  let best: { at: string; stage: SlaStage } | null = null;
  for (const [stage, at] of pending) if (at && (!best || at < best.at)) best = { at, stage };
  return best;
}

/** Sets next_due_at and due_state from the case's pending deadlines. */
export function refreshDue(ref: CaseReference, c: CaseTable, now: Date): void {
  const next = nextDeadline(c);
  c.next_due_at = next?.at ?? NO_DEADLINE;
  const policy = next ? policyFor(ref.policies, next.stage, slaFacts(c)) : null;
  c.due_state = dueState(now, next ? new Date(next.at) : null, policy?.warnBeforeMinutes ?? 0);
}

/** Outbox: SLA checks at the warning time and at the deadline (exactly once per case and deadline). */
export async function scheduleSla(trx: Tx, deps: Deps, ref: CaseReference, c: CaseTable): Promise<void> {
  const next = nextDeadline(c);
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
