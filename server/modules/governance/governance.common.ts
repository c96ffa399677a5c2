// Shared helpers of the governance module: today's date in Shanghai, compound access, problems as errors, the
// assembly trigger from registry facts, deadline rows (gov_tasks) with their reminders, and their presentation.
// The calendar is platform/working-calendar.ts workingCalendar(); its arithmetic domain/calendar.ts.
import {
  addDays,
  daysBetween,
  endOfShanghaiDay,
  shanghaiDate,
  startOfShanghaiDay,
  statutoryDeadline,
  type BusinessCalendar,
  type PeriodUnit,
} from '../../../domain/calendar.js';
import { assemblyTrigger, type GovProblem } from '../../../domain/governance.js';
import type { Clock } from '../../platform/clock.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { Deps } from '../../platform/deps.js';
import type { Executor } from '../../platform/db/database.js';
import type { GovTaskTable } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import { enqueueJobs } from '../../platform/jobs/jobs.js';
import * as repo from './governance.repo.js';
import { canView, type CompoundPlace } from './governance.policy.js';

/** Days before a due date from which a pending task shows as due soon. */
export const DUE_SOON_DAYS = 5;

export const todayOf = (deps: Deps): string => shanghaiDate(deps.clock.now());

export type CompoundRow = NonNullable<Awaited<ReturnType<typeof repo.compound>>>;

/** The compound, when the actor may see its governance; 404 otherwise (no existence leak). */
export async function visibleCompound(
  db: Executor,
  actor: Actor | null,
  compoundId: string,
): Promise<CompoundRow> {
  const c = await repo.compound(db, compoundId);
  if (!c || !canView(actor, c)) throw notFound('governance.compound_not_found');
  return c;
}

/** The committee and its compound, when the actor may see the compound's governance; 404 otherwise. */
export async function visibleCommittee(db: Executor, actor: Actor | null, id: string) {
  const k = await repo.committee(db, id);
  if (!k) throw notFound('governance.committee_not_found');
  const c = await repo.compound(db, k.compound_id);
  if (!c || !canView(actor, c)) throw notFound('governance.committee_not_found');
  return { k, c };
}

/** One domain problem as a 400 with a localised message (code `governance.<problem>`). */
export function problemError(p: GovProblem, status = 400): AppError {
  return new AppError(`governance.${p.code}`, status, p.params ?? {});
}

export function throwProblems(problems: readonly GovProblem[]): void {
  if (problems.length === 0) return;
  throw new AppError(
    `governance.${problems[0].code}`,
    400,
    problems[0].params ?? {},
    problems.map((p) => ({ code: `governance.${p.code}`, params: p.params ?? {} })),
  );
}

export function requireNotFuture(date: string, today: string): void {
  if (date > today) throw new AppError('governance.date_in_future', 400, { date });
}

export function requireNotBefore(date: string, earliest: string | null): void {
  if (earliest && date < earliest) throw new AppError('governance.date_before', 400, { date: earliest });
}

// ---------------------------------------------------------------------------------------------------------
// Trigger (《规定》 Art 13) from registry data

/** The Shanghai day a compound was registered in the system (its row's creation): see isExistingCompound. */
export const registeredOn = (c: { created_at: string }) => shanghaiDate(new Date(c.created_at));

/**
 * The assembly trigger of one compound from its `repo.triggerFacts` rows. The two years of Art 13 ¶2 run from
 * the first unit "出售并交付使用" — sold to a buyer and delivered — not from a unit the developer still holds
 * (unless the compound's record names the date).
 */
export function triggerFrom(
  rows: Awaited<ReturnType<typeof repo.triggerFacts>>,
  firstDeliveryOn: string | null,
  today: string,
) {
  let total = 0;
  let first: string | null = null;
  const sold: { on: string; area: number }[] = [];
  for (const r of rows) {
    total += Number(r.area);
    if (r.delivered_on && Number(r.sold_units) > 0) {
      if (first === null || r.delivered_on < first) first = r.delivered_on;
      if (Number(r.sold_area) > 0) sold.push({ on: r.delivered_on, area: Number(r.sold_area) });
    }
  }
  return {
    result: assemblyTrigger({
      totalArea: total,
      soldDelivered: sold,
      firstDeliveryOn: firstDeliveryOn ?? first,
      today,
    }),
    firstDeliveryOn: firstDeliveryOn ?? first,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Deadline rows and their reminders

/** Job queue of deadline reminders (handled by governance.jobs.ts taskReminderHandler). */
export const TASK_REMINDER_QUEUE = 'governance.task';

export interface TaskReminderJob {
  taskId: string;
  dueOn: string;
  kind: 'warn' | 'due';
}

/**
 * Outbox: a warning at the start of the day the task turns due soon (DUE_SOON_DAYS before its last day) and
 * an overdue check at 24:00 of its last day. Keyed by the due day, so a task whose day moves gets new jobs
 * and the old ones find it stale.
 */
export async function scheduleTaskReminders(
  db: Executor,
  clock: Clock,
  task: Pick<GovTaskTable, 'id' | 'due_on'>,
): Promise<void> {
  const job = (kind: TaskReminderJob['kind'], runAt: Date) => ({
    queue: TASK_REMINDER_QUEUE,
    payload: { taskId: task.id, dueOn: task.due_on, kind } satisfies TaskReminderJob,
    options: { runAt, dedupeKey: `gov:${task.id}:${task.due_on}:${kind}` },
  });
  await enqueueJobs(db, clock, [
    job('warn', startOfShanghaiDay(addDays(task.due_on, -DUE_SOON_DAYS))),
    job('due', endOfShanghaiDay(task.due_on)),
  ]);
}

/** Reminders for the current due day of a task found by subject and kind (after its day moved). */
export async function rescheduleTaskReminders(
  db: Executor,
  clock: Clock,
  subjectId: string,
  kind: string,
): Promise<void> {
  const task = await repo.taskOf(db, subjectId, kind);
  if (task && !task.done_on) await scheduleTaskReminders(db, clock, task);
}

/** Readable names of every task kind (unknown kinds fall back to their code). */
const TASK_KINDS: Record<string, { zh: string; en: string }> = {
  developer_report: { zh: '建设单位书面报告', en: "developer's written report" },
  preparatory_group: { zh: '组建筹备组', en: 'forming the preparatory group' },
  member_list_notice: { zh: '公告筹备组成员名单', en: "posting the preparatory group's members" },
  pre_meeting_notice: { zh: '会前 15 日公告会议事项', en: 'posting the meeting materials 15 days ahead' },
  first_meeting: { zh: '召开首次业主大会会议', en: "holding the first owners' meeting" },
  election_notice: { zh: '公告业委会委员名单', en: "posting the committee's members" },
  committee_filing: { zh: '业委会办理备案', en: "filing the committee's election with the street" },
  filing_decision: {
    zh: '街镇完成备案（受理后 20 日内）',
    en: 'completing the filing (street, 20 days from acceptance)',
  },
  reelection_report: { zh: '书面报告换届', en: 'reporting the re-election (5 months ahead)' },
  reelection_group: { zh: '组建换届改选小组', en: 'forming the re-election group' },
  reelection_election: { zh: '选举新一届业委会', en: 'electing the next committee' },
  decision_publish: { zh: '公布表决结果', en: 'publishing the result of a decision' },
  resolution_notice: { zh: '公布业委会会议决定', en: "posting the committee's resolutions" },
  change_filing: { zh: '办理变更备案', en: 'filing a change with the street' },
  change_filing_decision: {
    zh: '街镇完成变更备案（受理后 20 日内）',
    en: 'completing the change filing (street, 20 days from acceptance)',
  },
  records_handover: { zh: '移交档案资料', en: 'handing over the records' },
  records_return: { zh: '归还档案资料', en: 'returning the records' },
  member_handover: { zh: '离任委员移交资料和财物', en: 'handover by a member who left' },
  extraordinary_assembly: {
    zh: '组织召开业主大会临时会议',
    en: "convening an extraordinary owners' meeting",
  },
  extraordinary_committee_meeting: {
    zh: '召开业委会临时会议',
    en: 'holding an extraordinary committee meeting',
  },
  filing_receipt: { zh: '街镇受理备案', en: 'accepting the filing (street)' },
  change_filing_receipt: { zh: '街镇受理变更备案', en: 'accepting the change filing (street)' },
  early_reelection_meeting: {
    zh: '组织召开业主大会会议（提前换届）',
    en: "convening the owners' assembly on an early re-election",
  },
  early_reelection_group: {
    zh: '组建换届改选小组（提前换届）',
    en: 'forming the re-election group (early re-election)',
  },
};

export const RESPONSIBLE_LABELS: Record<GovTaskTable['responsible'], { zh: string; en: string }> = {
  developer: { zh: '建设单位', en: 'the developer' },
  street: { zh: '街镇', en: 'the street office' },
  group: { zh: '筹备组或换届改选小组', en: 'the working group' },
  committee: { zh: '业委会', en: "the owners' committee" },
};

/** The readable name of a task kind (unknown kinds fall back to their code). */
export const taskKindLabel = (kind: string) => TASK_KINDS[kind] ?? { zh: kind, en: kind };

export interface TaskSpec {
  compound: CompoundPlace;
  subjectType: GovTaskTable['subject_type'];
  subjectId: string;
  kind: string;
  responsible: GovTaskTable['responsible'];
  /** The event day a forward period runs from, or an explicit last day. */
  from?: string;
  amount?: number;
  unit?: PeriodUnit;
  dueOn?: string;
  legalRef: string;
}

/** Inserts a deadline row (once per subject and kind) with its reminders; returns its last day. */
export async function addTask(
  db: Executor,
  cal: BusinessCalendar,
  now: string,
  spec: TaskSpec,
): Promise<string> {
  return (await addTaskOnce(db, cal, now, spec)).dueOn;
}

/**
 * Inserts a deadline row — statutory period from `from`, or an explicit day — unless the subject already has
 * one of that kind, and schedules its reminders. `id` is null when a row existed (nothing was written).
 */
export async function addTaskOnce(
  db: Executor,
  cal: BusinessCalendar,
  now: string,
  spec: TaskSpec,
): Promise<{ id: string | null; dueOn: string }> {
  let due: { due_on: string; nominal_due_on: string };
  if (spec.dueOn) due = { due_on: spec.dueOn, nominal_due_on: spec.dueOn };
  else {
    const d = statutoryDeadline(cal, spec.from!, spec.amount!, spec.unit ?? 'd');
    due = { due_on: d.lastDay, nominal_due_on: d.nominalLastDay };
  }
  const id = newId();
  const inserted = await repo.insertTask(db, {
    id,
    compound_id: spec.compound.id,
    district_code: spec.compound.district_code,
    street_code: spec.compound.street_code,
    subject_type: spec.subjectType,
    subject_id: spec.subjectId,
    kind: spec.kind,
    responsible: spec.responsible,
    ...due,
    done_on: null,
    legal_ref: spec.legalRef,
    created_at: now,
    updated_at: now,
    version: 1,
  });
  if (!inserted) return { id: null, dueOn: due.due_on };
  // The jobs are stamped with the write's own time, like the row (callers pass no clock).
  await scheduleTaskReminders(db, { now: () => new Date(now) }, { id, due_on: due.due_on });
  return { id, dueOn: due.due_on };
}

type TaskRow = GovTaskTable & { compound_name: string };

export function taskState(t: Pick<GovTaskTable, 'done_on' | 'due_on'>, today: string) {
  if (t.done_on) return 'done' as const;
  if (today > t.due_on) return 'overdue' as const;
  if (daysBetween(today, t.due_on) <= DUE_SOON_DAYS) return 'due_soon' as const;
  return 'open' as const;
}

export const presentTask = (t: TaskRow, today: string) => ({
  id: t.id,
  compoundId: t.compound_id,
  compoundName: t.compound_name,
  subjectType: t.subject_type,
  subjectId: t.subject_id,
  kind: t.kind,
  responsible: t.responsible,
  dueOn: t.due_on,
  nominalDueOn: t.nominal_due_on,
  doneOn: t.done_on,
  state: taskState(t, today),
  legalRef: t.legal_ref,
});
