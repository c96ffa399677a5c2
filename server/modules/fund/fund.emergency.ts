// Emergency use of the maintenance fund (《上海市住宅物业管理规定》第七十三条): the serving property company reports
// one of the five situations with its plan, quotation and the named body's document; the owners' committee (with
// an assembly) or the 房管机构 (before it) approves or refuses; after the committee's 7 days with use or safety
// affected the district orders 代为维修; the intermediary's reviewed cost is recorded; the payment is shared by
// area to the fen and debits each unit ledger (fund.payments.ts disburse). The rules are domain/fund-emergency.ts.
import type { z } from 'zod';
import type { EmergencyActionBody, EmergencyReportBody } from '../../../contracts/fund.js';
import { EMERGENCY_ACTIONS } from '../../../contracts/fund.js';
import {
  committeeReviewDeadline,
  emergencyActionProblem,
  missingDocument,
  type EmergencyAction,
  type EmergencyActor,
  type EmergencyFacts,
} from '../../../domain/fund-emergency.js';
import { formatYuan, parseYuan } from '../../../domain/money.js';
import type { Executor } from '../../platform/db/database.js';
import { writeTx, type Audit, type Deps } from '../../platform/deps.js';
import { auditActor, type Actor } from '../../platform/http/context.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import { workingCalendar } from '../../platform/working-calendar.js';
import { caseLink } from '../cases/cases.service.js';
import { fundUseStageOf } from '../governance/governance.service.js';
import { fundCompound, rightsOn, todayOf } from './fund.common.js';
import { disburse, lockedAccount } from './fund.payments.js';
import { emergencyRights, type EmergencyRights, type FundPlace } from './fund.policy.js';
import * as repo from './fund.repo.js';

type Row = NonNullable<Awaited<ReturnType<typeof repo.emergency>>>;

const factsOf = (e: Row): EmergencyFacts => ({
  stage: e.stage,
  status: e.status,
  reportedOn: e.reported_on,
  committeeDueOn: e.committee_due_on,
  safetyAffected: e.safety_affected === 1,
  reviewedCostFen: e.reviewed_cost_fen === null ? null : Number(e.reviewed_cost_fen),
});

/** In which capacity the actor would take `action` on `e`, or null when it has none. */
function capacity(action: EmergencyAction, r: EmergencyRights, e: Row): EmergencyActor | null {
  switch (action) {
    case 'approve':
    case 'refuse':
      if (e.stage === 'assembly') return r.committee ? 'committee' : null;
      return r.housing ? 'housing' : null;
    case 'order_repair':
      return r.district ? 'housing' : null;
    case 'review_cost':
      return r.committee ? 'committee' : r.district ? 'housing' : null;
    case 'pay':
      if (e.stage === 'assembly' && e.status === 'approved') return r.committee ? 'committee' : null;
      return r.district ? 'housing' : null;
  }
}

function present(e: Row, buildingNames: Map<string, string>, r: EmergencyRights, today: string) {
  const f = factsOf(e);
  return {
    id: e.id,
    situation: e.situation,
    title: e.title,
    plan: e.plan,
    quotation: formatYuan(Number(e.quotation_fen)),
    document:
      e.document_issuer && e.document_number
        ? { issuer: e.document_issuer, number: e.document_number }
        : null,
    buildings: (JSON.parse(e.building_ids_json) as string[]).map((id) => buildingNames.get(id) ?? ''),
    safetyAffected: f.safetyAffected,
    stage: e.stage,
    status: e.status,
    reportedOn: e.reported_on,
    committeeDueOn: e.committee_due_on,
    committeeOverdue: e.status === 'reported' && !!e.committee_due_on && today > e.committee_due_on,
    decidedOn: e.decided_on,
    decisionNote: e.decision_note,
    review:
      e.reviewed_cost_fen !== null
        ? {
            cost: formatYuan(Number(e.reviewed_cost_fen)),
            reviewer: e.reviewer ?? '',
            reportNo: e.review_report_no ?? '',
            on: e.reviewed_on ?? '',
          }
        : null,
    paidOn: e.paid_on ?? null,
    caseNo: e.case_no ?? null,
    allowedActions: EMERGENCY_ACTIONS.filter((a) => {
      const who = capacity(a, r, e);
      return who !== null && emergencyActionProblem(f, a, who, today) === null;
    }),
    version: e.version,
  };
}

async function buildingNamesOf(db: Executor, compoundId: string, rows: readonly Row[]) {
  const ids = [...new Set(rows.flatMap((e) => JSON.parse(e.building_ids_json) as string[]))];
  return new Map((await repo.buildingsOfCompound(db, compoundId, ids)).map((b) => [b.id, b.name]));
}

export async function listEmergencies(deps: Deps, actor: Actor, compoundId: string) {
  const db = deps.database.db;
  const today = todayOf(deps);
  const c = await fundCompound(deps, compoundId);
  const rights = await rightsOn(db, actor, c, today, emergencyRights);
  const rows = await repo.emergencies(db, c.id, 50);
  const names = await buildingNamesOf(db, c.id, rows);
  const stage = await fundUseStageOf(db, c.id);
  return {
    stage,
    mayReport: rights.report && stage !== 'before_report',
    items: rows.map((e) => present(e, names, rights, today)),
  };
}

export async function reportEmergency(
  deps: Deps,
  actor: Actor,
  compoundId: string,
  body: z.infer<typeof EmergencyReportBody>,
  requestId: string,
) {
  const db = deps.database.db;
  const today = todayOf(deps);
  const c = await fundCompound(deps, compoundId);
  const rights = await rightsOn(db, actor, c, today, emergencyRights);
  if (!rights.report) throw new AppError('fund.report_forbidden', 403);
  const quotation = parseYuan(body.quotation);
  if (quotation === null || quotation <= 0)
    throw badRequest('fund.amount_invalid', { amount: body.quotation });
  if (body.reportedOn > today) throw badRequest('fund.date_in_future', { date: body.reportedOn });
  const lacking = missingDocument(body.situation, {
    issuer: body.documentIssuer,
    number: body.documentNumber,
  });
  if (lacking) throw badRequest(`fund.document_${lacking}`);
  const buildingIds = [...new Set(body.buildingIds ?? [])];
  const found = await repo.buildingsOfCompound(db, c.id, buildingIds);
  if (found.length !== buildingIds.length) throw badRequest('fund.building_not_found');
  const linked = body.caseId ? await caseLink(db, body.caseId) : null;
  if (body.caseId && linked?.compoundId !== c.id) throw badRequest('fund.case_not_in_compound');
  // 第七十一条第一款: before the developer's written report the fund may not be used; the developer repairs.
  const stage = await fundUseStageOf(db, c.id);
  if (stage === 'before_report') throw new AppError('fund.before_developer_report', 409);
  const account = await repo.account(db, c.id);
  if (!account) throw notFound('fund.no_account');
  const cal = (await workingCalendar(db)).calendar;
  const now = deps.clock.now().toISOString();
  const row = {
    id: newId(),
    compound_id: c.id,
    account_id: account.id,
    situation: body.situation,
    title: body.title,
    plan: body.plan,
    quotation_fen: quotation,
    document_issuer: body.documentIssuer?.trim() || null,
    document_number: body.documentNumber?.trim() || null,
    scope: buildingIds.length > 0 ? ('buildings' as const) : ('compound' as const),
    building_ids_json: JSON.stringify(buildingIds),
    safety_affected: body.safetyAffected ? 1 : 0,
    stage,
    status: 'reported' as const,
    reported_on: body.reportedOn,
    committee_due_on: stage === 'assembly' ? committeeReviewDeadline(cal, body.reportedOn) : null,
    decided_on: null,
    decision_note: null,
    reviewed_cost_fen: null,
    reviewer: null,
    review_report_no: null,
    reviewed_on: null,
    payment_id: null,
    case_id: linked?.id ?? null,
    reported_by: actor.userId,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await repo.insertEmergency(trx, row);
    await audit({
      action: 'fund.emergency.report',
      targetType: 'fund_emergency',
      targetId: row.id,
      after: row,
    });
  });
  const e = (await repo.emergency(db, row.id))!;
  return present(e, await buildingNamesOf(db, c.id, [e]), rights, today);
}

export async function actOnEmergency(
  deps: Deps,
  actor: Actor,
  id: string,
  body: z.infer<typeof EmergencyActionBody>,
  requestId: string,
) {
  const db = deps.database.db;
  const today = todayOf(deps);
  const found = await repo.emergency(db, id);
  if (!found) throw notFound('fund.emergency_not_found');
  const c = await fundCompound(deps, found.compound_id);
  const rights = await rightsOn(db, actor, c, today, emergencyRights);
  const who = capacity(body.action, rights, found);
  if (!who) throw new AppError('fund.emergency_forbidden', 403);
  if (body.on > today) throw badRequest('fund.date_in_future', { date: body.on });
  if (body.on < found.reported_on) throw badRequest('fund.date_before_report', { date: found.reported_on });
  const now = deps.clock.now().toISOString();

  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const e = await repo.emergency(trx, id);
    if (!e || e.version !== body.version) throw new AppError('fund.emergency_changed', 409);
    const problem = emergencyActionProblem(factsOf(e), body.action, who, today);
    if (problem) throw new AppError(`fund.${problem}`, 409, { due: e.committee_due_on ?? '' });
    const set = await changesFor(trx, audit, actor, now, c, e, body);
    if (!(await repo.updateEmergency(trx, e.id, e.version, { ...set, updated_at: now }))) {
      throw new AppError('fund.emergency_changed', 409);
    }
    await audit({
      action: `fund.emergency.${body.action}`,
      targetType: 'fund_emergency',
      targetId: e.id,
      before: { status: e.status },
      after: set,
    });
  });
  const e = (await repo.emergency(db, id))!;
  return present(e, await buildingNamesOf(db, c.id, [e]), rights, today);
}

/** The columns an action changes; the payment itself for `pay`. */
async function changesFor(
  trx: Executor,
  audit: Audit,
  actor: Actor,
  now: string,
  c: FundPlace,
  e: Row,
  body: z.infer<typeof EmergencyActionBody>,
) {
  switch (body.action) {
    case 'approve':
      return { status: 'approved' as const, decided_on: body.on, decision_note: body.note ?? null };
    case 'refuse':
      return { status: 'refused' as const, decided_on: body.on, decision_note: body.note };
    case 'order_repair':
      return { status: 'district_ordered' as const, decided_on: body.on, decision_note: body.note ?? null };
    case 'review_cost': {
      const cost = parseYuan(body.cost);
      if (cost === null || cost <= 0) throw badRequest('fund.amount_invalid', { amount: body.cost });
      return {
        reviewed_cost_fen: cost,
        reviewer: body.reviewer,
        review_report_no: body.reportNo,
        reviewed_on: body.on,
      };
    }
    case 'pay': {
      const account = await lockedAccount(trx, c.id, body.reference);
      const buildingIds = JSON.parse(e.building_ids_json) as string[];
      const paid = await disburse(trx, audit, actor, now, {
        compoundId: c.id,
        accountId: account.id,
        reference: body.reference,
        title: e.title,
        costFen: Number(e.reviewed_cost_fen),
        paidOn: body.on,
        basis: 'emergency',
        decisionId: null,
        decisionTitle: null,
        emergencyId: e.id,
        emergencyTitle: e.title,
        scope: e.scope,
        buildingIds: e.scope === 'buildings' ? buildingIds : null,
      });
      return { status: 'paid' as const, payment_id: paid.payment.id };
    }
  }
}
