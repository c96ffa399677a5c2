// The early re-election (提前换届改选, 《规定》 Art 32 ¶2–3): when a ground holds (fewer than half the members, six
// months without work) the street office convenes the assembly — its task; only a passed assembly decision on
// 'early_reelection' opens the street's task to form the 换届改选小组 (and allows it). The daily scan
// (governance.jobs.ts) finds the grounds that arise by the passage of time; the decisions service reports a
// closed early-re-election decision here.
import { startOfShanghaiDay, type BusinessCalendar } from '../../../../domain/calendar.js';
import {
  EARLY_REELECTION_GROUP,
  EARLY_REELECTION_MEETING,
  earlyReelectionStage,
} from '../../../../domain/governance-reelection.js';
import type { CommitteeHealth } from '../../../../domain/governance.js';
import type { Executor } from '../../../platform/db/database.js';
import type { CommitteeTable } from '../../../platform/db/schema.js';
import { addTask, addTaskOnce } from '../governance.common.js';
import type { CompoundPlace } from '../governance.policy.js';
import * as shared from '../governance.repo.js';
import { latestEarlyReelectionDecision } from './work.repo.js';

type K = Pick<CommitteeTable, 'id' | 'compound_id' | 'elected_on'>;

/** The assembly's latest decision on an early re-election since the committee was elected, with its result. */
export async function earlyDecisionOf(db: Executor, k: K) {
  const d = await latestEarlyReelectionDecision(
    db,
    k.compound_id,
    startOfShanghaiDay(k.elected_on).toISOString(),
  );
  if (!d || !d.result_json) return null;
  const passed = (JSON.parse(d.result_json) as { tally: { passed: boolean } }).tally.passed;
  return { id: d.id, title: d.title, passed, closedAt: d.closed_at! };
}

/** Where the early re-election of a committee stands (domain/governance-reelection.ts earlyReelectionStage). */
export async function earlyStageOf(
  db: Executor,
  k: K,
  health: Pick<CommitteeHealth, 'earlyReelection'>,
  groupFormed: boolean,
) {
  const decision = await earlyDecisionOf(db, k);
  return {
    stage: earlyReelectionStage({ grounds: health.earlyReelection, decision, groupFormed }),
    decision,
  };
}

/** Art 32 ¶2: the street's task to convene the assembly, once per committee; its id when it was opened now. */
export async function openConveneTask(
  db: Executor,
  cal: BusinessCalendar,
  now: string,
  compound: CompoundPlace,
  k: K,
  from: string,
) {
  return addTaskOnce(db, cal, now, {
    compound,
    subjectType: 'committee',
    subjectId: k.id,
    kind: 'early_reelection_meeting',
    responsible: 'street',
    from,
    amount: EARLY_REELECTION_MEETING.amount,
    legalRef: EARLY_REELECTION_MEETING.ref,
  });
}

/**
 * A closed assembly decision on an early re-election: the street's convening task is done; when it passed,
 * the street is to form the 换届改选小组 (Art 32 ¶3).
 */
export async function afterEarlyReelectionDecision(
  db: Executor,
  cal: BusinessCalendar,
  now: string,
  compound: CompoundPlace,
  passed: boolean,
  closedOn: string,
) {
  const k = await shared.currentCommittee(db, compound.id);
  if (!k) return;
  await shared.completeTask(db, k.id, 'early_reelection_meeting', closedOn, now);
  if (!passed) return;
  await addTask(db, cal, now, {
    compound,
    subjectType: 'committee',
    subjectId: k.id,
    kind: 'early_reelection_group',
    responsible: 'street',
    from: closedOn,
    amount: EARLY_REELECTION_GROUP.amount,
    legalRef: EARLY_REELECTION_GROUP.ref,
  });
}
