// The action plan's face (三年行动计划): plans of the city or a district with goals and tasks; a plan's view with
// its tasks' states and the roll-ups per lead department, per district and overall. Import is plan.import.ts,
// tasks (progress reports, 督办) plan.tasks.ts, the public page plan.public.ts. Every service starts with its
// access check (plan.policy.ts); every write is one audited transaction.
import type { z } from 'zod';
import { isValidDate } from '../../../domain/calendar.js';
import type { CreatePlanBody } from '../../../contracts/plan.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import { auditActor, requirePermission, type Actor } from '../../platform/http/context.js';
import { badRequest, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import {
  CITY,
  mayManagePlan,
  maySeeTask,
  officeSeesPlan,
  orgIdsWith,
  requirePlanManage,
  requirePlanView,
} from './plan.policy.js';
import * as repo from './plan.repo.js';
import { namesOf, presentRollUp, presentTask, summaryOf, taskFacts, todayOf } from './plan.view.js';

/** A plan the caller may see (404 otherwise, also when it does not exist). */
export async function loadPlan(deps: Deps, actor: Actor, id: string) {
  requirePermission(actor, 'plan.view');
  const db = deps.database.db;
  const p = await repo.plan(db, id);
  if (!p) throw notFound('plan.plan_not_found');
  const mine = orgIdsWith(actor, 'plan.view');
  const viaOrg = mine.length > 0 && (await repo.planIdsOfOrgs(db, mine)).has(p.id) ? 1 : 0;
  requirePlanView(actor, p, viaOrg);
  return p;
}

export async function listPlans(deps: Deps, actor: Actor) {
  requirePermission(actor, 'plan.view');
  const db = deps.database.db;
  const mine = orgIdsWith(actor, 'plan.view');
  const viaOrg = mine.length ? await repo.planIdsOfOrgs(db, mine) : new Set<string>();
  const rows = (await repo.plans(db)).filter((p) => officeSeesPlan(actor, p) || viaOrg.has(p.id));
  const [counts, divisions] = await Promise.all([
    repo.taskCounts(
      db,
      rows.map((p) => p.id),
    ),
    repo.divisionNames(
      db,
      rows.map((p) => p.division_code),
    ),
  ]);
  return {
    items: rows.map((p) => summaryOf(p, divisions.get(p.division_code) ?? null, counts.get(p.id) ?? 0)),
  };
}

export async function createPlan(
  deps: Deps,
  actor: Actor,
  input: z.infer<typeof CreatePlanBody>,
  requestId: string,
) {
  requirePermission(actor, 'plan.manage');
  const place = { division_code: input.divisionCode };
  requirePlanManage(actor, place);
  if (input.divisionCode !== CITY) {
    const names = await repo.divisionNames(deps.database.db, [input.divisionCode]);
    if (!names.has(input.divisionCode)) throw badRequest('plan.division_invalid');
  }
  if (!isValidDate(input.periodFrom) || !isValidDate(input.periodTo) || input.periodTo < input.periodFrom)
    throw badRequest('plan.period_invalid');
  const now = deps.clock.now().toISOString();
  const id = newId();
  return writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await repo.insertPlan(trx, {
      id,
      division_code: input.divisionCode,
      title: input.title,
      period_from: input.periodFrom,
      period_to: input.periodTo,
      illustrative: input.illustrative ? 1 : 0,
      published: input.published ? 1 : 0,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    await audit({
      action: 'plan.create',
      targetType: 'plan',
      targetId: id,
      after: { divisionCode: input.divisionCode, title: input.title, published: input.published },
    });
    return { id };
  });
}

/** A plan with its goals, every task's state and progress, and the roll-ups. */
export async function getPlan(deps: Deps, actor: Actor, id: string) {
  const p = await loadPlan(deps, actor, id);
  const db = deps.database.db;
  const rows = await taskFacts(db, await repo.tasksOf(db, p.id));
  const names = await namesOf(db, rows, p.id);
  const divisions = await repo.divisionNames(db, [p.division_code]);
  const today = todayOf(deps.clock);
  return {
    ...summaryOf(p, divisions.get(p.division_code) ?? null, rows.length),
    goals: names.goals.map((g) => ({ id: g.id, seq: g.seq, title: g.title })),
    ...presentRollUp(today, rows, names),
    taskItems: rows.map((r) => ({
      ...presentTask(today, r, names),
      mayOpen: maySeeTask(actor, {
        division_code: p.division_code,
        lead_org_id: r.task.lead_org_id,
        cooperating: r.cooperating,
        units: r.units,
      }),
    })),
    mayManage: mayManagePlan(actor, p),
  };
}
