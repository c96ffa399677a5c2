// The daily scan of action-plan milestones (queue plan.scan): a milestone entering its due-soon window
// (DUE_SOON_DAYS) tells the lead department; an overdue one tells the lead and escalates to the joint-meeting
// office of the plan's level (联席会议办公室) — each state once per milestone (warned_state moved by a
// conditional update in the same transaction as the notice, so two scans never both notify).
import { DUE_SOON_DAYS, milestoneState } from '../../../domain/action-plan.js';
import { addDays, shanghaiDate, startOfShanghaiDay } from '../../../domain/calendar.js';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import { enqueueJob, type JobHandler } from '../../platform/jobs/jobs.js';
import { notify } from '../notifications/notifications.service.js';
import * as repo from './plan.repo.js';

export const PLAN_SCAN_QUEUE = 'plan.scan';
const SCAN_HOUR = 1.75; // 01:45 Shanghai
const BATCH = 500;
const SYSTEM = { id: null, name: 'system' };

/** Enqueues the scan of `day`, once per day however many instances or restarts ask. */
export async function enqueuePlanScan(
  db: Executor,
  clock: Clock,
  day: string = shanghaiDate(clock.now()),
): Promise<boolean> {
  const runAt = new Date(startOfShanghaiDay(day).getTime() + SCAN_HOUR * 3_600_000);
  return enqueueJob(db, clock, PLAN_SCAN_QUEUE, { day }, { runAt, dedupeKey: `plan-scan:${day}` });
}

type OpenMilestone = Awaited<ReturnType<typeof repo.openMilestonesAfter>>[number];

async function warn(deps: Deps, m: OpenMilestone, state: 'due_soon' | 'overdue') {
  const now = deps.clock.now().toISOString();
  const overdue = state === 'overdue';
  const office = overdue ? await repo.officeOf(deps.database.db, m.division_code) : null;
  await writeTx(deps, SYSTEM, null, async (trx, audit) => {
    if (!(await repo.markWarned(trx, m.id, m.warned_state, state))) return;
    await notify(
      trx,
      { orgIds: office ? [m.lead_org_id, office] : [m.lead_org_id] },
      {
        kind: overdue ? 'plan.milestone_overdue' : 'plan.milestone_due_soon',
        zh: `行动计划第${m.seq}项“${m.task_title}”的时间节点${overdue ? '已逾期' : '临近'}：${m.title}（${m.due_on}）`,
        en: `Action plan task ${m.seq} “${m.task_title}”: milestone ${overdue ? 'overdue' : 'due soon'} — ${m.title} (${m.due_on})`,
      },
      now,
    );
    await audit({
      action: `plan.milestone.${state}`,
      targetType: 'plan_milestone',
      targetId: m.id,
      after: { dueOn: m.due_on, escalatedTo: office },
    });
  });
}

export function planScanHandler(deps: Deps, batchSize = BATCH): JobHandler {
  return async () => {
    const db = deps.database.db;
    const today = shanghaiDate(deps.clock.now());
    await enqueuePlanScan(db, deps.clock, addDays(today, 1)); // tomorrow's first: the chain never ends
    let after: string | null = null;
    for (;;) {
      const batch = await repo.openMilestonesAfter(db, after, addDays(today, DUE_SOON_DAYS), batchSize);
      for (const m of batch) {
        const state = milestoneState(today, m.due_on, null);
        if (
          (state === 'due_soon' || state === 'overdue') &&
          m.warned_state !== state &&
          m.warned_state !== 'overdue'
        )
          await warn(deps, m, state);
      }
      if (batch.length < batchSize) break;
      after = batch[batch.length - 1].id;
    }
  };
}
