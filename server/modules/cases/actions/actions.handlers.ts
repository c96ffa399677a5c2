// What each case action does to the case, one handler per action. The common part (version and lifecycle
// checks, required inputs from ACTION_REQUIREMENTS, the versioned write, event, SLA refresh, notifications,
// audit) is applyAction's in actions.service.ts; a handler sets the action's own fields on the case (already in
// its new status) and returns the event data, co-handlers and merge target it adds.
import { isMergeTarget } from '../../../../domain/case-duplicates.js';
import type { CaseAction, CaseStatus, Relation } from '../../../../domain/case-lifecycle.js';
import { addDuration, parseDuration } from '../../../../domain/calendar.js';
import {
  carriesViolationReport,
  checkEnforcementNotice,
  ENFORCEMENT_NOTICE,
} from '../../../../domain/case-duties.js';
import { pausesWhileSuspended, policyFor, type SlaFacts, type SlaStage } from '../../../../domain/sla.js';
import type { ActionInput } from '../../../../contracts/cases.js';
import { badRequest } from '../../../platform/http/errors.js';
import type { Executor } from '../../../platform/db/database.js';
import type { CaseTable } from '../../../platform/db/schema.js';
import * as casesRepo from '../cases.repo.js';
import type { CaseReference } from '../cases.reference.js';
import { stageDeadline } from '../cases.sla.js';
import * as repo from './actions.repo.js';

/**
 * What handlers read besides the case (before the write): the service reads the database (databaseReads); the
 * demo history (server/seed/case-history) answers from the history it is writing, through the same handlers.
 */
export interface ActionReads {
  /** How many of these organisations exist. */
  organisationCount(ids: readonly string[]): Promise<number>;
  /** An organisation's type (property_company, department, …), undefined when there is none. */
  organisationType(id: string): Promise<string | undefined>;
  /** The data of the case's intake event (with the routing's suggested co-handlers). */
  intakeData(caseId: string): Promise<{ coHandlerIds?: string[] }>;
  /** The data of the case's latest event of an action. */
  lastEventData(caseId: string, action: string): Promise<Record<string, unknown> | undefined>;
  /** A case by its number (the merge target). */
  caseByNo(caseNo: string): Promise<CaseTable | undefined>;
}

export function databaseReads(db: Executor): ActionReads {
  return {
    organisationCount: async (ids) => (await casesRepo.organisationsByIds(db, ids)).length,
    organisationType: async (id) => (await casesRepo.organisationsByIds(db, [id]))[0]?.type,
    intakeData: async (caseId) => JSON.parse((await repo.firstEventData(db, caseId)) ?? '{}'),
    lastEventData: (caseId, action) => repo.lastEventData(db, caseId, action),
    caseByNo: (caseNo) => casesRepo.findCaseByNo(db, caseNo),
  };
}

export interface ActionContext {
  /** Reads before the write (organisations, earlier events, the merge target). */
  reads: ActionReads;
  ref: CaseReference;
  /** The request; its required inputs are checked already. */
  body: ActionInput;
  relations: ReadonlySet<Relation>;
  /** The status before the action. */
  from: CaseStatus;
  now: Date;
  nowIso: string;
  facts: SlaFacts;
}

export interface ActionEffect {
  /** Recorded on the event and in the audit record (after the note). */
  data?: Record<string, unknown>;
  /** The case's co-handling organisations from now on. */
  cohandlers?: string[];
  /** The case merged into: gains an event, and must not change meanwhile (else 409). */
  mergeTarget?: CaseTable;
}

export type ActionHandler = (
  c: CaseTable,
  x: ActionContext,
) => ActionEffect | void | Promise<ActionEffect | void>;

function markAccepted(c: CaseTable, x: ActionContext) {
  c.accepted_at = x.nowIso;
  c.accepted_ontime = c.accept_due_at && x.nowIso > c.accept_due_at ? 0 : 1;
  c.resolve_due_at = stageDeadline(x.ref, x.facts, 'resolve', x.now);
}

/**
 * 派遣: the chosen lead (default: the routing's suggestion) and co-handlers (default: the suggested ones). The
 * lead receives the report now, so the clocks that count from the receipt start (domain/sla.ts CLOCK_STARTS):
 * 签收, 到场 (拆违规定 Art 7 "接到相关举报…后…到现场") and 反馈举报人 (Art 5); a property company lead on a violation
 * category carries 《规定》 Art 59's report duty.
 */
async function dispatch(c: CaseTable, x: ActionContext): Promise<ActionEffect> {
  const lead = x.body.leadOrgId ?? c.suggested_org_id;
  const leadType = lead ? await x.reads.organisationType(lead) : undefined;
  if (!lead || !leadType) throw badRequest('cases.lead_invalid');
  if (x.from === 'received') markAccepted(c, x);
  c.lead_org_id = lead;
  c.dispatched_at = x.nowIso;
  c.sign_due_at = stageDeadline(x.ref, x.facts, 'sign', x.now);
  c.arrive_due_at = c.arrived_at ? c.arrive_due_at : stageDeadline(x.ref, x.facts, 'arrive', x.now);
  if (!c.fed_back_at) c.feedback_due_at = stageDeadline(x.ref, x.facts, 'feedback', x.now);
  const reportPolicy = policyFor(x.ref.policies, 'report', x.facts);
  c.violation_duty = carriesViolationReport(leadType, !!reportPolicy) ? 1 : 0;
  if (!c.violation_reported_at) c.violation_report_due_at = null;
  c.resolve_due_at ??= stageDeadline(x.ref, x.facts, 'resolve', x.now);
  const intake = await x.reads.intakeData(c.id);
  const suggested = (intake.coHandlerIds ?? []).filter((o) => o !== lead);
  const cohandlers = x.body.coHandlerOrgIds ?? (lead === c.suggested_org_id ? suggested : []);
  if (cohandlers.length && (await x.reads.organisationCount(cohandlers)) !== new Set(cohandlers).size)
    throw badRequest('cases.lead_invalid');
  return { data: { leadOrgId: lead, coHandlerOrgIds: cohandlers }, cohandlers };
}

/** 改派: the dispatcher names another lead before the first one signed for it; its sign clock starts again. */
async function redispatch(c: CaseTable, x: ActionContext): Promise<ActionEffect> {
  const previousLeadOrgId = c.lead_org_id;
  if (x.body.leadOrgId === previousLeadOrgId) throw badRequest('cases.lead_unchanged');
  const effect = await dispatch(c, x);
  return { ...effect, data: { ...effect.data, previousLeadOrgId } };
}

/** 撤回 / 退单: the lead is released and the case waits for a dispatch again. */
function releaseLead(c: CaseTable): string | null {
  const previous = c.lead_org_id;
  c.lead_org_id = null;
  c.sign_due_at = null;
  c.arrive_due_at = null;
  c.signed_at = null;
  // The department that received the report gave it back: the next one's clocks start at its dispatch.
  if (!c.fed_back_at) c.feedback_due_at = null;
  if (!c.violation_reported_at) {
    c.violation_duty = 0;
    c.violation_report_due_at = null;
  }
  return previous;
}

function returnCase(c: CaseTable, x: ActionContext): ActionEffect {
  return { data: { returnReason: x.body.returnReason, previousLeadOrgId: releaseLead(c) } };
}

/** 延期批准: the resolve deadline moves by the given duration, else the requested one, else a working day. */
async function approveExtension(c: CaseTable, x: ActionContext): Promise<ActionEffect> {
  const requested = (await x.reads.lastEventData(c.id, 'requestExtension'))?.extension as string | undefined;
  const extension = x.body.extension ?? requested ?? '1wd';
  const base = c.resolve_due_at ? new Date(c.resolve_due_at) : x.now;
  c.resolve_due_at = addDuration(x.ref.calendar, base, parseDuration(extension)).toISOString();
  c.extension_pending = 0;
  return { data: { extension, resolveDueAt: c.resolve_due_at } };
}

/** 重办: back to the lead handler with fresh sign and resolve clocks; the last result no longer counts. */
function reopen(c: CaseTable, x: ActionContext) {
  c.reopen_count += 1;
  c.closed_at = null;
  c.reported_at = null;
  c.signed_at = null;
  c.arrived_at = null;
  c.arrived_ontime = null;
  c.ontime = null;
  c.resolved = null;
  c.satisfaction = null;
  c.sign_due_at = stageDeadline(x.ref, x.facts, 'sign', x.now);
  c.arrive_due_at = stageDeadline(x.ref, x.facts, 'arrive', x.now);
  c.resolve_due_at = stageDeadline(x.ref, x.facts, 'resolve', x.now);
}

/**
 * 恢复 / 销账: a clock that pauses moves by the time spent suspended; a statutory one does not
 * (pausesWhileSuspended: the law counts from the report and knows no 挂起).
 */
function resume(c: CaseTable, x: ActionContext): ActionEffect {
  const paused = c.suspended_at ? x.now.getTime() - new Date(c.suspended_at).getTime() : 0;
  const shift = (stage: SlaStage, v: string | null) =>
    v && pausesWhileSuspended(policyFor(x.ref.policies, stage, x.facts))
      ? new Date(new Date(v).getTime() + paused).toISOString()
      : v;
  c.accept_due_at = shift('accept', c.accept_due_at);
  c.sign_due_at = shift('sign', c.sign_due_at);
  c.arrive_due_at = shift('arrive', c.arrive_due_at);
  c.resolve_due_at = shift('resolve', c.resolve_due_at);
  c.status_before_suspension = null;
  c.suspended_at = null;
  return { data: { pausedMs: paused } };
}

/** 限期拆除通告 (拆违规定 Art 9): the period set must run at least ten days from the day of publication. */
function noticeDemolition(_c: CaseTable, x: ActionContext): ActionEffect {
  const publishedOn = x.body.noticePublishedOn!;
  const endsOn = x.body.noticeEndsOn!;
  const check = checkEnforcementNotice(publishedOn, endsOn);
  if (!check.ok && check.reason === 'invalid_date') throw badRequest('cases.notice_date_invalid');
  if (!check.ok)
    throw badRequest('cases.notice_too_short', {
      days: ENFORCEMENT_NOTICE.minDays,
      earliest: check.earliestEnd!,
    });
  return { data: { noticePublishedOn: publishedOn, noticeEndsOn: endsOn, noticeDays: check.days } };
}

/** 合并: into an unfinished other case, found by its number. */
async function merge(c: CaseTable, x: ActionContext): Promise<ActionEffect> {
  const targetNo = x.body.mergeIntoCaseNo!;
  const target = await x.reads.caseByNo(targetNo);
  if (!target || target.id === c.id || !isMergeTarget(target.status))
    throw badRequest('cases.merge_target_invalid', { caseNo: targetNo });
  c.merged_into_id = target.id;
  c.closed_at = x.nowIso;
  return { data: { mergedInto: targetNo }, mergeTarget: target };
}

export const ACTION_HANDLERS: Record<CaseAction, ActionHandler> = {
  accept: markAccepted,
  decline: (c, x) => {
    c.closed_at = x.nowIso;
  },
  dispatch,
  redispatch,
  recall: (c) => ({ data: { previousLeadOrgId: releaseLead(c) } }),
  // The on-site clock runs from the dispatch (拆违规定 Art 7), not from 签收.
  signFor: (c, x) => {
    c.signed_at = x.nowIso;
    c.sign_due_at = null;
  },
  returnCase,
  arriveOnSite: (c, x) => {
    c.arrived_at = x.nowIso;
    c.arrived_ontime = c.arrive_due_at ? (x.nowIso <= c.arrive_due_at ? 1 : 0) : null;
  },
  reportBack: (c, x) => {
    c.resolved = x.body.resolved === false ? 0 : 1;
    c.reported_at = x.nowIso;
    // An extension still waiting for approval lapses: the work it asked time for is reported.
    const extensionLapsed = !!c.extension_pending;
    c.extension_pending = 0;
    return { data: { resolved: x.body.resolved ?? true, ...(extensionLapsed ? { extensionLapsed } : {}) } };
  },
  requestExtension: (c, x) => {
    c.extension_pending = 1;
    return { data: { extension: x.body.extension } };
  },
  approveExtension,
  refuseExtension: (c) => {
    c.extension_pending = 0;
  },
  verifyPass: (_c, x) => ({ data: { verifiedBy: [...x.relations][0] } }),
  verifyFail: (c) => {
    c.reported_at = null;
  },
  close: (c, x) => {
    c.closed_at = x.nowIso;
    c.ontime = c.resolve_due_at && x.nowIso > c.resolve_due_at ? 0 : 1;
  },
  revisit: (c, x) => {
    c.satisfaction = x.body.satisfaction!;
    return { data: { satisfaction: c.satisfaction } };
  },
  reopen,
  suspend: (c, x) => {
    c.status_before_suspension = x.from;
    c.suspended_at = x.nowIso;
  },
  resume,
  supervise: (c) => {
    c.supervision_level += 1;
    return { data: { level: c.supervision_level } };
  },
  // The clock stops while parked (clockRuns); a parked suspended case keeps its suspension's start and status.
  parkLongTerm: (c, x) => {
    c.status_before_suspension ??= x.from;
    c.suspended_at ??= x.nowIso;
  },
  unpark: resume,
  merge,
  comment: () => {},
  feedBackReporter: (c, x) => {
    c.fed_back_at = x.nowIso;
    return { data: { onTime: !c.feedback_due_at || x.nowIso <= c.feedback_due_at } };
  },
  dissuasionFailed: (c, x) => {
    c.violation_report_due_at = stageDeadline(x.ref, x.facts, 'report', x.now);
    return { data: { reportDueAt: c.violation_report_due_at } };
  },
  reportViolation: (c, x) => {
    c.violation_reported_at = x.nowIso;
    return { data: { onTime: !c.violation_report_due_at || x.nowIso <= c.violation_report_due_at } };
  },
  noticeDemolition,
};
