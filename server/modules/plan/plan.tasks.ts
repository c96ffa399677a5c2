// Tasks of an action plan: a task's view (milestones with their states, progress reports, 督办), progress
// reports per task and implementing unit with evidence (佐证材料) — the lead department (牵头部门) may mark
// milestones done in its report — and a supervision notice (督办) by the office of the plan's level or a
// district implementing the task, which notifies the lead department. Versioned updates of the task keep two
// writers from both passing their checks.
import type { z } from 'zod';
import { REPORT_EVIDENCE_MIN } from '../../../domain/action-plan.js';
import type { ReportBody, SuperviseBody } from '../../../contracts/plan.js';
import { updateVersioned } from '../../platform/db/writes.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import { auditActor, requirePermission, type Actor } from '../../platform/http/context.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import { notify } from '../notifications/notifications.service.js';
import {
  isLead,
  mayReport,
  mayReportFor,
  requireTaskView,
  supervisingDivision,
  type TaskReach,
} from './plan.policy.js';
import * as repo from './plan.repo.js';
import { namesOf, presentMilestone, presentTask, taskFacts, todayOf } from './plan.view.js';

async function loadTask(deps: Deps, actor: Actor, id: string) {
  requirePermission(actor, 'plan.view');
  const db = deps.database.db;
  const task = await repo.task(db, id);
  if (!task) throw notFound('plan.task_not_found');
  const plan = (await repo.plan(db, task.plan_id))!;
  const [facts] = await taskFacts(db, [task]);
  const reach: TaskReach = {
    division_code: plan.division_code,
    lead_org_id: task.lead_org_id,
    cooperating: facts.cooperating,
    units: facts.units,
  };
  requireTaskView(actor, reach);
  return { task, plan, facts, reach };
}

export async function getTask(deps: Deps, actor: Actor, id: string) {
  const { task, plan, facts, reach } = await loadTask(deps, actor, id);
  const db = deps.database.db;
  const [names, reports, supervisions] = await Promise.all([
    namesOf(db, [facts], plan.id),
    repo.reports(db, task.id),
    repo.supervisions(db, task.id),
  ]);
  const unitOrgs = await repo.orgNames(
    db,
    reports.map((r) => r.unit_org_id).filter((o): o is string => !!o),
  );
  const divisions = await repo.divisionNames(db, [
    ...reports.map((r) => r.unit_division_code).filter((c): c is string => !!c),
    ...supervisions.map((s) => s.division_code),
  ]);
  const today = todayOf(deps.clock);
  return {
    ...presentTask(today, facts, names),
    planId: plan.id,
    planTitle: plan.title,
    content: task.content,
    version: task.version,
    milestones: facts.milestones.map((m) => presentMilestone(today, m)),
    reports: reports.map((r) => ({
      id: r.id,
      unitName: r.unit_org_id
        ? (unitOrgs.get(r.unit_org_id) ?? null)
        : r.unit_division_code
          ? (divisions.get(r.unit_division_code) ?? null)
          : null,
      reportedOn: r.reported_on,
      progress: r.progress,
      evidence: r.evidence,
      createdByName: r.created_by_name,
      milestonesDone: facts.milestones.filter((m) => m.report_id === r.id).map((m) => m.title),
    })),
    supervisions: supervisions.map((s) => ({
      id: s.id,
      issuedOn: s.issued_on,
      byName: divisions.get(s.division_code) ?? (s.division_code === '310000' ? '上海市' : null),
      note: s.note,
    })),
    mayReport: mayReport(actor, reach),
    maySupervise: supervisingDivision(actor, reach) !== null,
  };
}

export async function reportProgress(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.infer<typeof ReportBody>,
  requestId: string,
) {
  requirePermission(actor, 'plan.report');
  const { task, facts, reach } = await loadTask(deps, actor, id);
  const asUnit = input.unitDivisionCode ?? null;
  if (asUnit ? !mayReportFor(actor, reach, asUnit) : !isLead(actor, reach))
    throw new AppError('plan.report_forbidden', 403);
  if (input.milestoneIds.length && asUnit) throw new AppError('plan.milestone_lead_only', 403);
  const wanted = [...new Set(input.milestoneIds)];
  const open = new Set(facts.milestones.filter((m) => !m.done_on).map((m) => m.id));
  if (wanted.some((m) => !open.has(m))) throw badRequest('plan.milestone_invalid');
  if (input.evidence.trim().length < REPORT_EVIDENCE_MIN)
    throw badRequest('plan.evidence_insufficient', { min: REPORT_EVIDENCE_MIN });
  const now = deps.clock.now().toISOString();
  const today = todayOf(deps.clock);
  const reportId = newId();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await updateVersioned(trx, 'plan_tasks', task.id, input.version, { updated_at: now });
    await repo.insertReport(trx, {
      id: reportId,
      task_id: task.id,
      unit_org_id: asUnit ? null : task.lead_org_id,
      unit_division_code: asUnit,
      reported_on: today,
      progress: input.progress,
      evidence: input.evidence.trim(),
      created_by: actor.userId,
      created_by_name: actor.displayName,
      created_at: now,
    });
    if (wanted.length) {
      const n = await repo.completeMilestones(trx, task.id, wanted, today, reportId);
      if (n !== wanted.length) throw conflict('plan.milestone_invalid');
    }
    await audit({
      action: 'plan.task.report',
      targetType: 'plan_task',
      targetId: task.id,
      before: { version: input.version },
      after: { reportId, unit: asUnit ?? 'lead', milestonesDone: wanted.length },
    });
  });
  return getTask(deps, actor, task.id);
}

/** 督办: the office of the plan's level (or a district implementing the task) presses the lead department. */
export async function superviseTask(
  deps: Deps,
  actor: Actor,
  id: string,
  input: z.infer<typeof SuperviseBody>,
  requestId: string,
) {
  requirePermission(actor, 'plan.manage');
  const { task, plan, reach } = await loadTask(deps, actor, id);
  const division = supervisingDivision(actor, reach);
  if (!division) throw new AppError('plan.supervise_forbidden', 403);
  const now = deps.clock.now().toISOString();
  const today = todayOf(deps.clock);
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await updateVersioned(trx, 'plan_tasks', task.id, input.version, {
      supervision_count: task.supervision_count + 1,
      last_supervised_on: today,
      updated_at: now,
    });
    await repo.insertSupervision(trx, {
      id: newId(),
      task_id: task.id,
      division_code: division,
      note: input.note,
      issued_on: today,
      created_by: actor.userId,
      created_by_name: actor.displayName,
      created_at: now,
    });
    await notify(
      trx,
      { orgIds: [task.lead_org_id] },
      {
        kind: 'plan.supervise',
        zh: `行动计划督办：第${task.seq}项“${task.title}”（${plan.title}）。${input.note}`,
        en: `Supervision notice (督办) on action plan task ${task.seq} “${task.title}”. ${input.note}`,
      },
      now,
    );
    await audit({
      action: 'plan.task.supervise',
      targetType: 'plan_task',
      targetId: task.id,
      before: { version: input.version },
      after: { supervisionCount: task.supervision_count + 1, division, note: input.note },
    });
  });
  return getTask(deps, actor, task.id);
}
