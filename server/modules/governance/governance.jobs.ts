// Background work of the governance module, run by the durable job table: reminders of statutory deadlines
// (gov_tasks) to whoever must act, and the daily scan for compounds where the developer now owes its report
// to the street (《上海市住宅物业管理规定》 Arts 13–14).
import {
  addDays,
  endOfShanghaiDay,
  shanghaiDate,
  startOfShanghaiDay,
  type BusinessCalendar,
} from '../../../domain/calendar.js';
import { isExistingCompound, PERIODS, type TriggerResult } from '../../../domain/governance.js';
import type { Clock } from '../../platform/clock.js';
import { isUniqueViolation, type Executor } from '../../platform/db/database.js';
import type { GovTaskTable } from '../../platform/db/schema.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import { workingCalendar } from '../../platform/working-calendar.js';
import { message } from '../../platform/http/messages.js';
import { completeJobIn, enqueueJob, type JobHandler } from '../../platform/jobs/jobs.js';
import { notify, type Recipients } from '../notifications/notifications.service.js';
import { exemptCompounds } from './duties/exemptions.service.js';
import { scanEarlyReelections } from './committees/early-reelection.scan.js';
import * as formationRepo from './formation/formation.repo.js';
import * as repo from './governance.repo.js';
import {
  addTaskOnce,
  RESPONSIBLE_LABELS,
  taskKindLabel,
  registeredOn,
  triggerFrom,
  type TaskReminderJob,
} from './governance.common.js';

const SYSTEM = { id: null, name: 'system' };

/** Job queue of the daily trigger scan. */
export const TRIGGER_SCAN_QUEUE = 'governance.scan';
const SCAN_BATCH = 500;
const SCAN_HOUR = 1; // 01:00 Asia/Shanghai

const TRIGGER_REASONS: Record<NonNullable<TriggerResult['kind']>, { zh: string; en: string }> = {
  area: { zh: '已出售并交付的建筑面积达到 50%', en: 'half the area sold and delivered' },
  two_years: { zh: '首套房屋交付满两年', en: 'two years since the first delivery' },
};

// ---------------------------------------------------------------------------------------------------------
// Notifications (through notifications.service notify, the one writer of the table)

type Texts = { zh: string; en: string };

function texts(code: string, zh: Record<string, string>, en: Record<string, string>): Texts {
  return { zh: message(code, 'zh-CN', zh), en: message(code, 'en', en) };
}

async function streetOffice(trx: Executor, streetCode: string): Promise<string[]> {
  const id = await repo.streetOfficeOf(trx, streetCode);
  return id ? [id] : [];
}

/**
 * Who hears about a task: the street office of the compound's street always (it leads the 筹备组 and the
 * 换届改选小组, Arts 15 and 28, and supervises the committee and the developer, Art 5), plus the accounts of
 * the compound's committee members for a committee task. The registry records no developer organisation
 * on a compound, so the street office chases the developer (Art 14).
 */
async function recipientsOf(
  trx: Executor,
  task: Pick<GovTaskTable, 'responsible' | 'street_code' | 'compound_id'>,
): Promise<Required<Recipients>> {
  const orgIds = await streetOffice(trx, task.street_code);
  const userIds =
    task.responsible === 'committee' ? await repo.committeeMemberUsers(trx, task.compound_id) : [];
  return { orgIds, userIds };
}

// ---------------------------------------------------------------------------------------------------------
// Deadline reminders (queue governance.task, enqueued by governance.common.ts scheduleTaskReminders)

function reminderTexts(kind: TaskReminderJob['kind'], task: GovTaskTable & { compound_name: string }): Texts {
  const label = taskKindLabel(task.kind);
  const who = RESPONSIBLE_LABELS[task.responsible];
  const common = { compound: task.compound_name, due: task.due_on };
  return texts(
    kind === 'due' ? 'governance.notify.task_overdue' : 'governance.notify.task_warning',
    { ...common, task: label.zh, responsible: who.zh },
    { ...common, task: label.en, responsible: who.en },
  );
}

/** Tells the responsible party a task is due soon or overdue; a job for a done or moved task does nothing. */
export function taskReminderHandler(deps: Deps): JobHandler {
  return async (payload, claimed) => {
    const job = payload as TaskReminderJob;
    await writeTx(deps, SYSTEM, null, async (trx, audit) => {
      await completeJobIn(trx, deps.clock, claimed); // one reminder, even when the job runs again
      const task = await repo.taskWithCompound(trx, job.taskId);
      if (!task || task.done_on || task.due_on !== job.dueOn) return;
      const now = deps.clock.now();
      // A warning that comes after the deadline (a task created late) leaves it to the overdue reminder.
      if (job.kind === 'warn' && now >= endOfShanghaiDay(task.due_on)) return;
      const action = job.kind === 'due' ? 'governance.task.overdue' : 'governance.task.warning';
      const to = await recipientsOf(trx, task);
      await notify(trx, to, { kind: action, ...reminderTexts(job.kind, task) }, now.toISOString());
      await audit({
        action,
        targetType: 'gov_task',
        targetId: task.id,
        after: { kind: task.kind, dueOn: task.due_on, responsible: task.responsible, ...to },
      });
    });
  };
}

// ---------------------------------------------------------------------------------------------------------
// Daily trigger scan (queue governance.scan)

/** Enqueues the scan of `day` at 01:00 Shanghai, once per day however many instances or restarts ask. */
export async function enqueueTriggerScan(
  db: Executor,
  clock: Clock,
  day: string = shanghaiDate(clock.now()),
): Promise<boolean> {
  const runAt = new Date(startOfShanghaiDay(day).getTime() + SCAN_HOUR * 3_600_000);
  return enqueueJob(db, clock, TRIGGER_SCAN_QUEUE, { day }, { runAt, dedupeKey: `gov-scan:${day}` });
}

type AwaitingCompound = Awaited<ReturnType<typeof repo.compoundsAwaitingAssembly>>[number];

/**
 * Walks the compounds in keyset batches and, where the trigger of Art 13 is met and nothing has started,
 * opens the compound's developer_report task (30 days from the trigger day, Art 14) and tells the street.
 */
export function triggerScanHandler(deps: Deps, batchSize = SCAN_BATCH): JobHandler {
  return async () => {
    const db = deps.database.db;
    const today = shanghaiDate(deps.clock.now());
    // Tomorrow's scan first, so that a failing scan does not end the daily chain.
    await enqueueTriggerScan(db, deps.clock, addDays(today, 1));
    const cal = (await workingCalendar(db)).calendar;
    let after: string | null = null;
    for (;;) {
      const batch = await repo.compoundsAwaitingAssembly(db, after, batchSize);
      await detectTriggers(deps, cal, batch, today);
      if (batch.length < batchSize) break;
      after = batch[batch.length - 1].id;
    }
    // 《规定》 Art 32 ¶2: committees on which a ground of early re-election now holds (the street convenes).
    await scanEarlyReelections(deps, cal, today);
  };
}

async function detectTriggers(
  deps: Deps,
  cal: BusinessCalendar,
  batch: readonly AwaitingCompound[],
  today: string,
): Promise<void> {
  if (batch.length === 0) return;
  const db = deps.database.db;
  const ids = batch.map((c) => c.id);
  const [facts, completed, exempt] = await Promise.all([
    repo.triggerFacts(db, ids),
    repo.completedFormationsOf(db, ids),
    exemptCompounds(db, ids, today), // Art 13 ¶2: one owner, or all owners agreed not to form one
  ]);
  const factsOf = new Map<string, typeof facts>();
  for (const f of facts) {
    const list = factsOf.get(f.compound_id);
    if (list) list.push(f);
    else factsOf.set(f.compound_id, [f]);
  }
  for (const c of batch) {
    if (completed.has(c.id) || exempt.has(c.id)) continue;
    const { result } = triggerFrom(factsOf.get(c.id) ?? [], c.first_delivery_on, today);
    // 既有小区: a duty older than the compound's record is not the system's to count (isExistingCompound).
    if (result.met && !isExistingCompound(result, registeredOn(c)))
      await openDeveloperReport(deps, cal, c, result);
  }
}

/** The compound's developer_report task and one notice to the street; nothing when it exists already. */
async function openDeveloperReport(
  deps: Deps,
  cal: BusinessCalendar,
  c: AwaitingCompound,
  trigger: TriggerResult,
): Promise<void> {
  try {
    await writeTx(deps, SYSTEM, null, async (trx, audit) => {
      await repo.lockCompound(trx, c.id);
      // Re-checked inside the transaction: the street may have started a formation since the batch was read.
      if (
        (await formationRepo.formationsOf(trx, [c.id])).length > 0 ||
        (await repo.currentCommittee(trx, c.id))
      )
        return;
      const now = deps.clock.now().toISOString();
      const task = await addTaskOnce(trx, cal, now, {
        compound: c,
        subjectType: 'compound',
        subjectId: c.id,
        kind: 'developer_report',
        responsible: 'developer',
        from: trigger.on!,
        amount: PERIODS.developerReport.amount,
        legalRef: PERIODS.developerReport.ref,
      });
      if (!task.id) return;
      const reason = TRIGGER_REASONS[trigger.kind!];
      const common = { compound: c.name, on: trigger.on!, due: task.dueOn };
      const text = texts(
        'governance.notify.trigger',
        { ...common, reason: reason.zh },
        { ...common, reason: reason.en },
      );
      await notify(
        trx,
        { orgIds: await streetOffice(trx, c.street_code), userIds: [] },
        { kind: 'governance.trigger', ...text },
        now,
      );
      await audit({
        action: 'governance.trigger.detected',
        targetType: 'compound',
        targetId: c.id,
        after: { triggerKind: trigger.kind, triggerOn: trigger.on, taskId: task.id, dueOn: task.dueOn },
      });
    });
  } catch (err) {
    // The (subject, kind) index: another scan got there first.
    if (!isUniqueViolation(err)) throw err;
  }
}
