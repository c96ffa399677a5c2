// Queries of the action plan (三年行动计划): plans, goals, tasks with their cooperating departments and
// implementing units, milestones, progress reports, supervision notices (督办), and the names they show.
import { inList, type Executor } from '../../platform/db/database.js';
import type {
  PlanGoalTable,
  PlanMilestoneTable,
  PlanPlanTable,
  PlanReportTable,
  PlanSupervisionTable,
  PlanTaskTable,
} from '../../platform/db/schema-plan.js';

export async function insertPlan(db: Executor, row: PlanPlanTable) {
  await db.insertInto('plan_plans').values(row).execute();
}
export async function plan(db: Executor, id: string) {
  return db.selectFrom('plan_plans').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function plans(db: Executor) {
  return db.selectFrom('plan_plans').selectAll().orderBy('period_from', 'desc').orderBy('id').execute();
}
/** The newest published plan of the city (the public page). */
export async function publishedCityPlan(db: Executor) {
  return db
    .selectFrom('plan_plans')
    .selectAll()
    .where('published', '=', 1)
    .where('division_code', '=', '310000')
    .orderBy('period_from', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function taskCounts(db: Executor, planIds: readonly string[]) {
  const rows = await db
    .selectFrom('plan_tasks')
    .select(['plan_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('plan_id', 'in', inList(planIds))
    .groupBy('plan_id')
    .execute();
  return new Map(rows.map((r) => [r.plan_id, Number(r.n)]));
}

/** Plans in which one of the organisations leads or cooperates in a task, with how many such tasks. */
export async function planIdsOfOrgs(db: Executor, orgIds: readonly string[]) {
  const lead = await db
    .selectFrom('plan_tasks')
    .select('plan_id')
    .where('lead_org_id', 'in', inList(orgIds))
    .execute();
  const coop = await db
    .selectFrom('plan_task_cooperating')
    .innerJoin('plan_tasks', 'plan_tasks.id', 'plan_task_cooperating.task_id')
    .select('plan_tasks.plan_id')
    .where('plan_task_cooperating.org_id', 'in', inList(orgIds))
    .execute();
  return new Set([...lead, ...coop].map((r) => r.plan_id));
}

export async function goals(db: Executor, planId: string) {
  return db.selectFrom('plan_goals').selectAll().where('plan_id', '=', planId).orderBy('seq').execute();
}

export async function tasksOf(db: Executor, planId: string) {
  return db.selectFrom('plan_tasks').selectAll().where('plan_id', '=', planId).orderBy('seq').execute();
}
export async function task(db: Executor, id: string) {
  return db.selectFrom('plan_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function cooperating(db: Executor, taskIds: readonly string[]) {
  return db
    .selectFrom('plan_task_cooperating')
    .select(['task_id', 'org_id'])
    .where('task_id', 'in', inList(taskIds))
    .execute();
}
export async function units(db: Executor, taskIds: readonly string[]) {
  return db
    .selectFrom('plan_task_units')
    .select(['task_id', 'division_code'])
    .where('task_id', 'in', inList(taskIds))
    .orderBy('division_code')
    .execute();
}
export async function milestones(db: Executor, taskIds: readonly string[]) {
  return db
    .selectFrom('plan_milestones')
    .selectAll()
    .where('task_id', 'in', inList(taskIds))
    .orderBy('task_id')
    .orderBy('seq')
    .execute();
}
export async function reports(db: Executor, taskId: string) {
  return db
    .selectFrom('plan_reports')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}
export async function supervisions(db: Executor, taskId: string) {
  return db
    .selectFrom('plan_supervisions')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export interface ImportedTask {
  task: PlanTaskTable;
  cooperating: string[];
  units: string[];
  milestones: PlanMilestoneTable[];
}

export async function insertImported(
  db: Executor,
  goalRows: readonly PlanGoalTable[],
  tasks: readonly ImportedTask[],
) {
  if (goalRows.length)
    await db
      .insertInto('plan_goals')
      .values([...goalRows])
      .execute();
  for (const t of tasks) {
    await db.insertInto('plan_tasks').values(t.task).execute();
    if (t.cooperating.length)
      await db
        .insertInto('plan_task_cooperating')
        .values(t.cooperating.map((org_id) => ({ task_id: t.task.id, org_id })))
        .execute();
    if (t.units.length)
      await db
        .insertInto('plan_task_units')
        .values(t.units.map((division_code) => ({ task_id: t.task.id, division_code })))
        .execute();
    if (t.milestones.length) await db.insertInto('plan_milestones').values(t.milestones).execute();
  }
}

export async function insertReport(db: Executor, row: PlanReportTable) {
  await db.insertInto('plan_reports').values(row).execute();
}
/** Marks open milestones of a task done; returns how many changed (fewer than asked = one was done already). */
export async function completeMilestones(
  db: Executor,
  taskId: string,
  ids: readonly string[],
  doneOn: string,
  reportId: string,
) {
  const r = await db
    .updateTable('plan_milestones')
    .set({ done_on: doneOn, report_id: reportId })
    .where('task_id', '=', taskId)
    .where('id', 'in', inList(ids))
    .where('done_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
export async function insertSupervision(db: Executor, row: PlanSupervisionTable) {
  await db.insertInto('plan_supervisions').values(row).execute();
}

// ---- names ----

export async function orgNames(db: Executor, ids: readonly string[]) {
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', 'in', inList(ids))
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
/** Departments and offices by exact name (an import names them as people write them). */
export async function orgsByName(db: Executor, names: readonly string[]) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'type', 'division_code'])
    .where('name', 'in', inList(names))
    .orderBy('id')
    .execute();
}
export async function divisionNames(db: Executor, codes: readonly string[]) {
  const rows = await db
    .selectFrom('divisions')
    .select(['code', 'name'])
    .where('code', 'in', inList(codes))
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}
/** Districts and streets by name (实施部门 as written: 浦东新区, 花木街道). */
export async function divisionsByName(db: Executor, names: readonly string[]) {
  return db
    .selectFrom('divisions')
    .select(['code', 'name', 'level'])
    .where('name', 'in', inList(names))
    .where('level', '!=', 'statistical')
    .orderBy('code')
    .execute();
}

// ---- the daily scan ----

/** Open milestones (not done) due by `until`, keyset-paged by id, with their task and plan. */
export async function openMilestonesAfter(db: Executor, after: string | null, until: string, limit: number) {
  let q = db
    .selectFrom('plan_milestones')
    .innerJoin('plan_tasks', 'plan_tasks.id', 'plan_milestones.task_id')
    .innerJoin('plan_plans', 'plan_plans.id', 'plan_tasks.plan_id')
    .select([
      'plan_milestones.id',
      'plan_milestones.title',
      'plan_milestones.due_on',
      'plan_milestones.warned_state',
      'plan_tasks.seq',
      'plan_tasks.title as task_title',
      'plan_tasks.lead_org_id',
      'plan_plans.division_code',
    ])
    .where('plan_milestones.done_on', 'is', null)
    .where('plan_milestones.due_on', '<=', until)
    .orderBy('plan_milestones.id')
    .limit(limit);
  if (after) q = q.where('plan_milestones.id', '>', after);
  return q.execute();
}

/** Moves a milestone's warned state from `from` to `to`; false when another scan (or a report) got there first. */
export async function markWarned(
  db: Executor,
  id: string,
  from: 'due_soon' | 'overdue' | null,
  to: 'due_soon' | 'overdue',
) {
  const q = db
    .updateTable('plan_milestones')
    .set({ warned_state: to })
    .where('id', '=', id)
    .where('done_on', 'is', null);
  const r = await (
    from === null ? q.where('warned_state', 'is', null) : q.where('warned_state', '=', from)
  ).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The joint-meeting office (联席会议办公室) of a division: where an overdue milestone escalates. */
export async function officeOf(db: Executor, division: string) {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('type', '=', 'joint_meeting_office')
    .where('division_code', '=', division)
    .orderBy('id')
    .executeTakeFirst();
  return row?.id ?? null;
}
