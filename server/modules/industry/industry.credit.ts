// Credit records (信用记录; 《上海市住宅物业管理规定》第三十八条 and the 2023 measures, RULES.md §7): a street or
// district office enters a good or bad record against a company (or its branch / project office) or a project
// manager, with the rule (points from the credit_rules table, [U]), evidence, date and source; the district
// confirms it and it is published. The company may object (异议) once per record, decided by the record's
// district with reasons; after rectification it may apply for correction (修正, domain/credit.ts
// correctionEligibility), decided within 5 working days (domain/industry.ts correctionDecisionDueOn).
// Decisions are version-checked: concurrent decisions on one objection have one winner.
import type { z } from 'zod';
import { correctionEligibility, expiryOf, type CorrectionRefusal } from '../../../domain/credit.js';
import { correctionDecisionDueOn } from '../../../domain/industry.js';
import type {
  ConfirmBody,
  CorrectionBody,
  DecideBody,
  ObjectionBody,
  RecordBody,
  RecordQuery,
} from '../../../contracts/industry.js';
import { lockRow } from '../../platform/db/locks.js';
import { updateVersioned, uniqueOr } from '../../platform/db/writes.js';
import type { CreditRecordTable } from '../../platform/db/schema-industry.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import { auditActor, requirePermission, type Actor } from '../../platform/http/context.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import { workingCalendar } from '../../platform/working-calendar.js';
import {
  loadCompany,
  loadManager,
  loadRecord,
  notAfterToday,
  recordPlace,
  todayOf,
} from './industry.common.js';
import {
  mayManageRecord,
  mayRespondToRecord,
  mayViewRecord,
  requireRecordEnter,
  requireRecordManage,
  requireRecordRespond,
  requireRecordView,
  type RecordPlace,
} from './industry.policy.js';
import * as repo from './industry.repo.js';
import { summaries } from './industry.view.js';

const REFUSAL_WORDS: Record<CorrectionRefusal, string> = {
  not_bad: '良好记录无需修正',
  not_published: '记录尚未公布或已撤销',
  not_correctable: '该类失信行为不适用信用修正',
  too_early: '未满最短公布期限',
  same_type_since: '公布后又发生同类失信行为',
};

export async function listRules(deps: Deps, actor: Actor) {
  requirePermission(actor, 'industry.view');
  return {
    items: (await repo.rules(deps.database.db)).map((r) => ({
      code: r.code,
      subject: r.subject,
      kind: r.kind,
      name: r.zh,
      points: r.points,
      expiryMonths: r.expiry_months,
      correctionMinMonths: r.correction_min_months,
      verified: r.verified === 1,
      source: r.source,
    })),
  };
}

/** Who the record is about: a company (or branch / project office) or a manager and the manager's company. */
async function subjectOf(deps: Deps, body: z.infer<typeof RecordBody>) {
  const db = deps.database.db;
  if (!!body.companyId === !!body.managerId) throw badRequest('industry.subject_missing');
  if (body.managerId) {
    const { manager, company } = await loadManager(db, body.managerId);
    return { subject: 'manager' as const, managerId: manager.id, company };
  }
  return { subject: 'company' as const, managerId: null, company: await loadCompany(db, body.companyId!) };
}

export async function enterRecord(
  deps: Deps,
  actor: Actor,
  body: z.infer<typeof RecordBody>,
  requestId: string,
) {
  requirePermission(actor, 'industry.record');
  const db = deps.database.db;
  const who = await subjectOf(deps, body);
  const compound = body.compoundId ? await repo.compound(db, body.compoundId) : null;
  if (body.compoundId && !compound) throw notFound('industry.compound_not_found');
  const place = compound
    ? { districtCode: compound.district_code, streetCode: compound.street_code, compoundId: compound.id }
    : { districtCode: who.company.place.districtCode, streetCode: null, compoundId: null };
  requireRecordEnter(actor, { ...place, orgIds: who.company.place.orgIds });
  const rule = await repo.rule(db, body.ruleCode);
  if (!rule || rule.subject !== who.subject) throw badRequest('industry.rule_invalid');
  notAfterToday(deps, body.occurredOn);
  const now = deps.clock.now().toISOString();
  const row: CreditRecordTable = {
    id: newId(),
    subject: who.subject,
    company_id: who.company.org.id,
    head_id: who.company.head.id,
    manager_id: who.managerId,
    rule_code: rule.code,
    kind: rule.kind,
    points: rule.points,
    facts: body.facts,
    evidence: body.evidence,
    source: body.source,
    occurred_on: body.occurredOn,
    compound_id: place.compoundId,
    district_code: place.districtCode,
    street_code: place.streetCode,
    status: 'recorded',
    entered_on: todayOf(deps),
    entered_by: actor.userId,
    entered_by_name: actor.displayName,
    confirmed_by: null,
    published_on: null,
    expires_on: null,
    ended_on: null,
    created_at: now,
    updated_at: now,
    version: 1,
  };
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await repo.insertRecord(trx, row);
    await audit({
      action: 'industry.record.enter',
      targetType: 'credit_record',
      targetId: row.id,
      after: { rule: rule.code, companyId: row.company_id, managerId: row.manager_id, points: row.points },
    });
  });
  return { id: row.id };
}

export async function listRecords(deps: Deps, actor: Actor, q: z.infer<typeof RecordQuery>) {
  requirePermission(actor, 'industry.view');
  const db = deps.database.db;
  const rows = await repo.recordsPage(db, {
    status: q.status,
    companyIds: q.companyId ? [q.companyId] : undefined,
    compoundId: q.compoundId,
    cursor: q.cursor ?? null,
    limit: q.limit,
  });
  const scanned = rows.slice(0, q.limit);
  const visible = [];
  const chains = new Map();
  for (const r of scanned) if (mayViewRecord(actor, await recordPlace(db, r, chains))) visible.push(r);
  return {
    items: await summaries(db, visible, todayOf(deps)),
    nextCursor: rows.length > q.limit ? scanned[scanned.length - 1].id : null,
  };
}

function actionsOf(
  actor: Actor,
  r: CreditRecordTable,
  place: RecordPlace,
  objection: { status: string } | undefined,
  pendingCorrection: boolean,
) {
  const manage = mayManageRecord(actor, place);
  const respond = mayRespondToRecord(actor, place);
  const open = r.status === 'recorded' || r.status === 'published';
  const out: ('confirm' | 'object' | 'decideObjection' | 'applyCorrection' | 'decideCorrection')[] = [];
  if (manage && r.status === 'recorded') out.push('confirm');
  if (respond && open && !objection) out.push('object');
  if (manage && objection?.status === 'pending') out.push('decideObjection');
  if (respond && r.status === 'published' && r.kind === 'bad' && !pendingCorrection)
    out.push('applyCorrection');
  if (manage && pendingCorrection) out.push('decideCorrection');
  return out;
}

export async function getRecord(deps: Deps, actor: Actor, id: string) {
  const db = deps.database.db;
  const { record: r, place } = await loadRecord(db, id);
  requireRecordView(actor, place);
  const [[summary], [objection], corrections, rule] = await Promise.all([
    summaries(db, [r], todayOf(deps)),
    repo.objectionsOf(db, [id]),
    repo.correctionsOf(db, [id]),
    repo.rule(db, r.rule_code),
  ]);
  const pending = corrections.some((c) => c.status === 'pending');
  return {
    ...summary,
    facts: r.facts,
    evidence: r.evidence,
    source: r.source,
    enteredOn: r.entered_on,
    enteredByName: r.entered_by_name,
    version: r.version,
    objectionDetail: objection
      ? {
          reason: objection.reason,
          filedOn: objection.filed_on,
          status: objection.status,
          decidedOn: objection.decided_on,
          decisionReasons: objection.decision_reasons,
          version: objection.version,
        }
      : null,
    corrections: corrections.map((c) => ({
      rectification: c.rectification,
      appliedOn: c.applied_on,
      dueOn: c.due_on,
      status: c.status,
      decidedOn: c.decided_on,
      decisionReasons: c.decision_reasons,
      version: c.version,
    })),
    correctionEarliestOn:
      r.kind === 'bad' && r.published_on && rule?.correction_min_months != null
        ? expiryOf(r.published_on, rule.correction_min_months)
        : null,
    actions: actionsOf(actor, r, place, objection, pending),
  };
}

/** The district confirms the record: it is published today and in force for the rule's months. */
export async function confirmRecord(
  deps: Deps,
  actor: Actor,
  id: string,
  body: z.infer<typeof ConfirmBody>,
  requestId: string,
) {
  const db = deps.database.db;
  const { record: r, place } = await loadRecord(db, id);
  requireRecordManage(actor, place);
  if (r.status !== 'recorded') throw new AppError('industry.not_recorded', 409);
  const rule = await repo.rule(db, r.rule_code);
  const today = todayOf(deps);
  const changes = {
    status: 'published' as const,
    published_on: today,
    expires_on: expiryOf(today, rule?.expiry_months ?? 12),
    confirmed_by: actor.userId,
  };
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await updateVersioned(trx, 'credit_records', id, body.version, {
      ...changes,
      updated_at: deps.clock.now().toISOString(),
    });
    await audit({
      action: 'industry.record.confirm',
      targetType: 'credit_record',
      targetId: id,
      before: { status: r.status, version: body.version },
      after: changes,
    });
  });
  return getRecord(deps, actor, id);
}

/** The company objects, once per record (a second objection is refused, also under a race). */
export async function objectToRecord(
  deps: Deps,
  actor: Actor,
  id: string,
  body: z.infer<typeof ObjectionBody>,
  requestId: string,
) {
  const db = deps.database.db;
  const { record: r, place } = await loadRecord(db, id);
  requireRecordRespond(actor, place);
  if (r.status !== 'recorded' && r.status !== 'published') throw badRequest('industry.objection_closed');
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const objectionId = newId();
    await uniqueOr(
      () =>
        repo.insertObjection(trx, {
          id: objectionId,
          record_id: id,
          reason: body.reason,
          filed_on: todayOf(deps),
          filed_by: actor.userId,
          status: 'pending',
          decided_on: null,
          decided_by: null,
          decision_reasons: null,
          created_at: now,
          updated_at: now,
          version: 1,
        }),
      'industry.objection_twice',
    );
    await audit({ action: 'industry.record.object', targetType: 'credit_record', targetId: id, after: body });
  });
  return getRecord(deps, actor, id);
}

/** The record's district decides the objection with reasons; upheld, the record is withdrawn (撤销). */
export async function decideObjection(
  deps: Deps,
  actor: Actor,
  id: string,
  body: z.infer<typeof DecideBody>,
  requestId: string,
) {
  const db = deps.database.db;
  const { record: r, place } = await loadRecord(db, id);
  requireRecordManage(actor, place);
  const [objection] = await repo.objectionsOf(db, [id]);
  if (!objection || objection.status !== 'pending') throw new AppError('industry.no_pending_objection', 409);
  const today = todayOf(deps);
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await updateVersioned(trx, 'credit_objections', objection.id, body.version, {
      status: body.granted ? 'upheld' : 'dismissed',
      decided_on: today,
      decided_by: actor.userId,
      decision_reasons: body.reasons,
      updated_at: now,
    });
    if (body.granted)
      await updateVersioned(trx, 'credit_records', id, r.version, {
        status: 'withdrawn',
        ended_on: today,
        updated_at: now,
      });
    await audit({
      action: 'industry.objection.decide',
      targetType: 'credit_record',
      targetId: id,
      before: { status: r.status },
      after: { upheld: body.granted, reasons: body.reasons },
    });
  });
  return getRecord(deps, actor, id);
}

/** The company applies for correction after rectification; checked by correctionEligibility. */
export async function applyCorrection(
  deps: Deps,
  actor: Actor,
  id: string,
  body: z.infer<typeof CorrectionBody>,
  requestId: string,
) {
  const db = deps.database.db;
  const { place } = await loadRecord(db, id);
  requireRecordRespond(actor, place);
  const today = todayOf(deps);
  const cal = (await workingCalendar(db)).calendar;
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await lockRow(trx, 'credit_records', id); // concurrent applications take turns: one pending at a time
    const r = (await repo.record(trx, id))!;
    if ((await repo.correctionsOf(trx, [id])).some((c) => c.status === 'pending'))
      throw new AppError('industry.correction_pending', 409);
    const rule = await repo.rule(trx, r.rule_code);
    const check = correctionEligibility({
      kind: r.kind,
      status: r.status,
      publishedOn: r.published_on,
      minMonths: rule?.correction_min_months ?? null,
      sameTypeSince: r.published_on ? await repo.sameTypeSince(trx, r, r.published_on) : 0,
      today,
    });
    if (!check.eligible)
      throw badRequest('industry.correction_refused', {
        reason: REFUSAL_WORDS[check.reason] + (check.earliestOn ? `（最早 ${check.earliestOn}）` : ''),
      });
    const dueOn = correctionDecisionDueOn(cal, today);
    await repo.insertCorrection(trx, {
      id: newId(),
      record_id: id,
      rectification: body.rectification,
      applied_on: today,
      due_on: dueOn,
      applied_by: actor.userId,
      status: 'pending',
      decided_on: null,
      decided_by: null,
      decision_reasons: null,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    await audit({
      action: 'industry.correction.apply',
      targetType: 'credit_record',
      targetId: id,
      after: { dueOn },
    });
  });
  return getRecord(deps, actor, id);
}

/** The district decides the correction; approved, the record is corrected and leaves publication. */
export async function decideCorrection(
  deps: Deps,
  actor: Actor,
  id: string,
  body: z.infer<typeof DecideBody>,
  requestId: string,
) {
  const db = deps.database.db;
  const { record: r, place } = await loadRecord(db, id);
  requireRecordManage(actor, place);
  const pending = (await repo.correctionsOf(db, [id])).find((c) => c.status === 'pending');
  if (!pending) throw new AppError('industry.no_pending_correction', 409);
  const today = todayOf(deps);
  const now = deps.clock.now().toISOString();
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    await updateVersioned(trx, 'credit_corrections', pending.id, body.version, {
      status: body.granted ? 'approved' : 'refused',
      decided_on: today,
      decided_by: actor.userId,
      decision_reasons: body.reasons,
      updated_at: now,
    });
    if (body.granted)
      await updateVersioned(trx, 'credit_records', id, r.version, {
        status: 'corrected',
        ended_on: today,
        updated_at: now,
      });
    await audit({
      action: 'industry.correction.decide',
      targetType: 'credit_record',
      targetId: id,
      after: { approved: body.granted, reasons: body.reasons, dueOn: pending.due_on },
    });
  });
  return getRecord(deps, actor, id);
}
