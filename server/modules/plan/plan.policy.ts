// Who may see and do what with the action plan (三年行动计划), from role grants (domain/access.ts holds the table):
// - a plan and its tasks: the offices whose place overlaps the plan's division (every office sees the city's
//   plan; a district's plan its district's offices and the city), and the departments that lead or cooperate
//   in one of its tasks (plan.view); a plan out of reach is "not found" (no existence leak);
// - running a plan (create, import): the office of the plan's own level — the city office the city's plan, a
//   district office its district's (plan.manage);
// - 督办 on a task: the office of the plan's level, and a district office for a task implemented in its district
//   (its local part of a city task);
// - a progress report: the lead department (牵头部门, may also complete milestones) or an implementing unit's
//   office (实施部门: the district or street named on the task) (plan.report).
import { grantsWith, isLocationGrant, overlaps, type Grant } from '../../../domain/access.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';

export const CITY = '310000';

/** The office grants (city, district, street) carrying a permission. */
export const officeGrants = (actor: Actor, p: 'plan.view' | 'plan.manage' | 'plan.report'): Grant[] =>
  grantsWith(actor.grants, p).filter(isLocationGrant);

/** The organisations (departments, utilities) the caller acts for with a permission. */
export const orgIdsWith = (actor: Actor, p: 'plan.view' | 'plan.report'): string[] =>
  grantsWith(actor.grants, p)
    .filter((g) => g.scopeType === 'department' || g.scopeType === 'company')
    .map((g) => g.scopeId);

const areaOf = (division: string) => (division === CITY ? {} : { district: division.slice(0, 6) });

/** An office whose place overlaps the plan's division (or an administrator, whose grant is the city). */
export function officeSeesPlan(actor: Actor, plan: { division_code: string }): boolean {
  return officeGrants(actor, 'plan.view').some((g) => overlaps(g, areaOf(plan.division_code)));
}

export function requirePlanView(actor: Actor, plan: { division_code: string }, orgTasks: number): void {
  if (!officeSeesPlan(actor, plan) && orgTasks === 0) throw notFound('plan.plan_not_found');
}

export function mayManagePlan(actor: Actor, plan: { division_code: string }): boolean {
  return grantsWith(actor.grants, 'plan.manage').some((g) =>
    plan.division_code === CITY
      ? g.scopeType === 'city'
      : g.scopeType === 'district' && g.scopeId === plan.division_code,
  );
}

export function requirePlanManage(actor: Actor, plan: { division_code: string }): void {
  if (!mayManagePlan(actor, plan)) throw new AppError('plan.manage_forbidden', 403);
}

export interface TaskReach {
  division_code: string; // the plan's
  lead_org_id: string;
  cooperating: readonly string[];
  units: readonly string[];
}

export function maySeeTask(actor: Actor, t: TaskReach): boolean {
  if (officeSeesPlan(actor, t)) return true;
  const mine = orgIdsWith(actor, 'plan.view');
  return mine.includes(t.lead_org_id) || t.cooperating.some((o) => mine.includes(o));
}

export function requireTaskView(actor: Actor, t: TaskReach): void {
  if (!maySeeTask(actor, t)) throw notFound('plan.task_not_found');
}

/** The office division a caller issues 督办 from, or null: the plan's level, or a district implementing it. */
export function supervisingDivision(actor: Actor, t: TaskReach): string | null {
  if (mayManagePlan(actor, t)) return t.division_code;
  const g = grantsWith(actor.grants, 'plan.manage').find(
    (x) => x.scopeType === 'district' && t.units.some((u) => u.startsWith(x.scopeId)),
  );
  return g ? g.scopeId : null;
}

export const isLead = (actor: Actor, t: TaskReach) =>
  orgIdsWith(actor, 'plan.report').includes(t.lead_org_id);

/** An implementing unit the caller's office reports for: its own district or street, named on the task. */
export function mayReportFor(actor: Actor, t: TaskReach, division: string): boolean {
  return (
    t.units.includes(division) &&
    officeGrants(actor, 'plan.report').some(
      (g) => (g.scopeType === 'district' || g.scopeType === 'street') && g.scopeId === division,
    )
  );
}

export const mayReport = (actor: Actor, t: TaskReach) =>
  isLead(actor, t) || t.units.some((u) => mayReportFor(actor, t, u));
