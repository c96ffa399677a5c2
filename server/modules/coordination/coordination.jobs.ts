// The daily scan of joint-meeting action items (queue coordination.scan): an item entering its warning window
// (ACTION_WARN_WORKING_DAYS before the due date) warns the lead unit; an overdue item warns the lead and the
// body's office — each state once per item (warned_state, version-checked, in one transaction with the notice).
import { shanghaiDate, startOfShanghaiDay, addDays } from '../../../domain/calendar.js';
import { actionDueState } from '../../../domain/coordination.js';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import { updateVersioned } from '../../platform/db/writes.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/http/errors.js';
import { enqueueJob, type JobHandler } from '../../platform/jobs/jobs.js';
import { workingCalendar } from '../../platform/working-calendar.js';
import { notify } from '../notifications/notifications.service.js';
import * as repo from './coordination.repo.js';

export const COORDINATION_SCAN_QUEUE = 'coordination.scan';
const SCAN_HOUR = 1.5; // 01:30 Shanghai
const BATCH = 500;
const SYSTEM = { id: null, name: 'system' };

/** Enqueues the scan of `day`, once per day however many instances or restarts ask. */
export async function enqueueCoordinationScan(
  db: Executor,
  clock: Clock,
  day: string = shanghaiDate(clock.now()),
): Promise<boolean> {
  const runAt = new Date(startOfShanghaiDay(day).getTime() + SCAN_HOUR * 3_600_000);
  return enqueueJob(db, clock, COORDINATION_SCAN_QUEUE, { day }, { runAt, dedupeKey: `coord-scan:${day}` });
}

type OpenItem = Awaited<ReturnType<typeof repo.openItemsAfter>>[number];

async function warn(deps: Deps, item: OpenItem, state: 'warning' | 'overdue') {
  const now = deps.clock.now().toISOString();
  const overdue = state === 'overdue';
  try {
    await writeTx(deps, SYSTEM, null, async (trx, audit) => {
      await updateVersioned(trx, 'coord_action_items', item.id, item.version, { warned_state: state });
      await notify(
        trx,
        {
          orgIds: overdue && item.office_org_id ? [item.lead_org_id, item.office_org_id] : [item.lead_org_id],
        },
        {
          kind: overdue ? 'coordination.item_overdue' : 'coordination.item_warning',
          zh: `${item.body_name}交办事项${overdue ? '已超期' : '即将到期'}：${item.title}（期限 ${item.due_on}）`,
          en: `Joint meeting action item ${overdue ? 'overdue' : 'due soon'}: ${item.title} (due ${item.due_on})`,
        },
        now,
      );
      await audit({
        action: `coordination.item.${state}`,
        targetType: 'coord_action_item',
        targetId: item.id,
        after: { dueOn: item.due_on },
      });
    });
  } catch (err) {
    // The item changed since the batch was read (done, supervised): the next scan sees it as it is now.
    if (!(err instanceof AppError && err.status === 409)) throw err;
  }
}

export function coordinationScanHandler(deps: Deps, batchSize = BATCH): JobHandler {
  return async () => {
    const db = deps.database.db;
    const today = shanghaiDate(deps.clock.now());
    await enqueueCoordinationScan(db, deps.clock, addDays(today, 1)); // tomorrow's first: the chain never ends
    const cal = (await workingCalendar(db)).calendar;
    let after: string | null = null;
    for (;;) {
      const batch = await repo.openItemsAfter(db, after, batchSize);
      for (const item of batch) {
        const state = actionDueState(cal, today, item.due_on, item.status);
        if ((state === 'warning' || state === 'overdue') && item.warned_state !== state)
          await warn(deps, item, state);
      }
      if (batch.length < batchSize) break;
      after = batch[batch.length - 1].id;
    }
  };
}
