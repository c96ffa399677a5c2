// What the action plan shows (signed-in and public): each task with its milestones' states, progress and next
// milestone, and the roll-ups per lead department, per district and overall — computed from the pure rules of
// domain/action-plan.ts on today's Shanghai date. Names, never ids, are what people read.
import { milestoneState, progressOf, rollUp, taskState, type Progress } from '../../../domain/action-plan.js';
import { shanghaiDate } from '../../../domain/calendar.js';
import type { Executor } from '../../platform/db/database.js';
import type { PlanMilestoneTable, PlanPlanTable, PlanTaskTable } from '../../platform/db/schema-plan.js';
import * as repo from './plan.repo.js';

export const todayOf = (clock: { now(): Date }) => shanghaiDate(clock.now());

export const presentMilestone = (today: string, m: PlanMilestoneTable) => ({
  id: m.id,
  title: m.title,
  dueOn: m.due_on,
  doneOn: m.done_on,
  state: milestoneState(today, m.due_on, m.done_on),
});

export interface TaskFactsRow {
  task: PlanTaskTable;
  cooperating: string[];
  units: string[];
  milestones: PlanMilestoneTable[];
}

/** Tasks of a plan (or the given ones) with their cooperating departments, units and milestones. */
export async function taskFacts(db: Executor, tasks: readonly PlanTaskTable[]): Promise<TaskFactsRow[]> {
  const ids = tasks.map((t) => t.id);
  const [coops, units, milestones] = await Promise.all([
    repo.cooperating(db, ids),
    repo.units(db, ids),
    repo.milestones(db, ids),
  ]);
  return tasks.map((task) => ({
    task,
    cooperating: coops.filter((c) => c.task_id === task.id).map((c) => c.org_id),
    units: units.filter((u) => u.task_id === task.id).map((u) => u.division_code),
    milestones: milestones.filter((m) => m.task_id === task.id),
  }));
}

const withTasks = (p: Progress, tasks: number) => ({ ...p, tasks });

/** The names every view needs: organisations, divisions, goals. */
export async function namesOf(db: Executor, rows: readonly TaskFactsRow[], planId: string) {
  const orgIds = rows.flatMap((r) => [r.task.lead_org_id, ...r.cooperating]);
  const codes = rows.flatMap((r) => [...r.units, ...r.units.map((u) => u.slice(0, 6))]);
  const [orgs, divisions, goals] = await Promise.all([
    repo.orgNames(db, [...new Set(orgIds)]),
    repo.divisionNames(db, [...new Set(codes)]),
    repo.goals(db, planId),
  ]);
  return { orgs, divisions, goals };
}

export type Names = Awaited<ReturnType<typeof namesOf>>;

export function presentTask(today: string, r: TaskFactsRow, names: Names) {
  const progress = progressOf(
    today,
    r.milestones.map((m) => ({ dueOn: m.due_on, doneOn: m.done_on })),
  );
  const next = r.milestones.find((m) => !m.done_on) ?? null;
  return {
    id: r.task.id,
    seq: r.task.seq,
    goal: names.goals.find((g) => g.id === r.task.goal_id)?.title ?? null,
    title: r.task.title,
    leadName: names.orgs.get(r.task.lead_org_id) ?? '',
    cooperatingNames: r.cooperating.map((o) => names.orgs.get(o) ?? '').filter(Boolean),
    unitNames: r.units.map((u) => names.divisions.get(u) ?? u),
    state: taskState(progress),
    progress: withTasks(progress, 1),
    nextMilestone: next ? presentMilestone(today, next) : null,
    supervisionCount: r.task.supervision_count,
  };
}

/** A plan's roll-up with names: overall, per lead department (by progress, then name), per district. */
export function presentRollUp(today: string, rows: readonly TaskFactsRow[], names: Names) {
  const r = rollUp(
    today,
    rows.map((x) => ({
      leadOrgId: x.task.lead_org_id,
      units: x.units,
      milestones: x.milestones.map((m) => ({ dueOn: m.due_on, doneOn: m.done_on })),
    })),
  );
  return {
    overall: r.overall,
    byLead: r.byLead
      .map((x) => ({ ...x, name: names.orgs.get(x.orgId) ?? '' }))
      .sort((a, b) => b.percent - a.percent || a.name.localeCompare(b.name, 'zh')),
    byDistrict: r.byDistrict.map((x) => ({ ...x, name: names.divisions.get(x.districtCode) ?? null })),
  };
}

export const summaryOf = (p: PlanPlanTable, divisionName: string | null, tasks: number) => ({
  id: p.id,
  divisionCode: p.division_code,
  divisionName,
  title: p.title,
  periodFrom: p.period_from,
  periodTo: p.period_to,
  illustrative: p.illustrative === 1,
  published: p.published === 1,
  tasks,
  version: p.version,
});
