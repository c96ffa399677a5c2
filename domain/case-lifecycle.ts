// The case lifecycle as one pure transition table (受理 → 立案 → 派遣 → 签收 → 处置 → 反馈 → 核查 → 结案 → 回访,
// with 退单, 延期, 挂起, 督办, 挂账, 合并, 重办). The server accepts exactly the actions this table allows for the
// actor's relations to the case, and the UI shows exactly those buttons.

export const CASE_STATUSES = [
  'received', // 已受理: intake recorded, awaiting 立案
  'declined', // 不予受理 (terminal)
  'accepted', // 已立案: awaiting 派遣
  'dispatched', // 已派遣: awaiting 签收 by the lead handler
  'signed', // 已签收 / 处置中
  'reported', // 已反馈: awaiting 核查
  'verified', // 核查通过: awaiting 结案
  'closed', // 已结案: awaiting 回访
  'revisited', // 已回访 (terminal unless reopened)
  'suspended', // 已挂起: clock paused
  'parked', // 已挂账: long-term register
  'merged', // 已合并 into another case (terminal)
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, { zh: string; en: string }> = {
  received: { zh: '已受理', en: 'Received' },
  declined: { zh: '不予受理', en: 'Declined' },
  accepted: { zh: '已立案', en: 'Accepted' },
  dispatched: { zh: '已派遣', en: 'Dispatched' },
  signed: { zh: '处置中', en: 'In progress' },
  reported: { zh: '已反馈', en: 'Reported back' },
  verified: { zh: '核查通过', en: 'Verified' },
  closed: { zh: '已结案', en: 'Closed' },
  revisited: { zh: '已回访', en: 'Revisited' },
  suspended: { zh: '已挂起', en: 'Suspended' },
  parked: { zh: '已挂账', en: 'Parked (long-term)' },
  merged: { zh: '已合并', en: 'Merged' },
};

/** How the actor stands to the case; computed by the server from grants, organisations and tokens. */
export type Relation =
  | 'dispatcher' // street / district / city office covering the case's location (派遣方)
  | 'leadHandler' // a member of the lead handling organisation (主办单位)
  | 'coHandler' // a member of a co-handling organisation (协办单位)
  | 'verifier' // grid inspector of the street (网格员)
  | 'supervisor' // one level above the dispatcher (督办方)
  | 'reporter'; // the person who reported it (case number + phone check)

export const CASE_ACTIONS = [
  'accept', // 立案
  'decline', // 不予受理
  'dispatch', // 派遣 (choose the lead handler)
  'redispatch', // 改派: another lead before it is signed for
  'recall', // 撤回: the dispatch is withdrawn before it is signed for
  'signFor', // 签收
  'returnCase', // 退单
  'arriveOnSite', // 到场
  'reportBack', // 反馈 (with evidence)
  'requestExtension', // 延期申请
  'approveExtension', // 延期批准
  'refuseExtension', // 延期不批准
  'verifyPass', // 核查通过
  'verifyFail', // 核查不通过 (back to the handler)
  'close', // 结案
  'revisit', // 回访 (satisfaction)
  'reopen', // 重办
  'suspend', // 挂起
  'resume', // 恢复
  'supervise', // 督办
  'parkLongTerm', // 挂账
  'unpark', // 销账: a parked case resumes where it stood
  'merge', // 合并
  'comment', // 备注
  'feedBackReporter', // 反馈举报人 (拆违规定 Art 5: 一个月内将查处情况反馈举报人)
  'dissuasionFailed', // 劝阻制止无效 (《规定》 Art 59: the 24-hour report clock starts)
  'reportViolation', // 报告违法: to the owners' committee and the authorities (《规定》 Art 59)
  'noticeDemolition', // 限期拆除通告 (拆违规定 Art 9: 告示期限不少于十日)
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const CASE_ACTION_LABELS: Record<CaseAction, { zh: string; en: string }> = {
  accept: { zh: '立案', en: 'Accept' },
  decline: { zh: '不予受理', en: 'Decline' },
  dispatch: { zh: '派遣', en: 'Dispatch' },
  redispatch: { zh: '改派', en: 'Re-dispatch' },
  recall: { zh: '撤回派遣', en: 'Recall' },
  signFor: { zh: '签收', en: 'Sign for' },
  returnCase: { zh: '退单', en: 'Return' },
  arriveOnSite: { zh: '到场', en: 'Arrived on site' },
  reportBack: { zh: '反馈', en: 'Report back' },
  requestExtension: { zh: '申请延期', en: 'Request extension' },
  approveExtension: { zh: '批准延期', en: 'Approve extension' },
  refuseExtension: { zh: '不批准延期', en: 'Refuse extension' },
  verifyPass: { zh: '核查通过', en: 'Verification passed' },
  verifyFail: { zh: '核查不通过', en: 'Verification failed' },
  close: { zh: '结案', en: 'Close' },
  revisit: { zh: '回访', en: 'Revisit' },
  reopen: { zh: '重办', en: 'Reopen' },
  suspend: { zh: '挂起', en: 'Suspend' },
  resume: { zh: '恢复', en: 'Resume' },
  supervise: { zh: '督办', en: 'Supervise' },
  parkLongTerm: { zh: '挂账', en: 'Park long-term' },
  unpark: { zh: '销账恢复办理', en: 'Resume from long-term' },
  merge: { zh: '合并', en: 'Merge' },
  comment: { zh: '备注', en: 'Comment' },
  feedBackReporter: { zh: '反馈举报人', en: 'Tell the reporter' },
  dissuasionFailed: { zh: '劝阻制止无效', en: 'Dissuasion failed' },
  reportViolation: { zh: '报告违法行为', en: 'Report the violation' },
  noticeDemolition: { zh: '限期拆除通告', en: 'Demolition notice' },
};

/** What a case looks like to the rules (a projection of its event log). */
export interface CaseState {
  status: CaseStatus;
  /** The status to return to when a suspension ends. */
  statusBeforeSuspension: CaseStatus | null;
  extensionPending: boolean;
  arrivedOnSite: boolean;
  /** Last revisit result; reopening needs a dissatisfied one. */
  satisfaction: Satisfaction | null;
  /** A feedback clock runs and the reporter has not been told (拆违规定 Art 5). */
  feedbackPending?: boolean;
  /** 《规定》 Art 59: where the property company stands on reporting a violation it could not stop. */
  violationReport?: 'none' | 'dissuading' | 'reportDue' | 'reported';
  /** The category takes the enforcement notice step (拆违规定 Art 9). */
  enforcementNotice?: boolean;
}

export const SATISFACTIONS = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

interface Rule {
  from: readonly CaseStatus[] | 'open';
  by: readonly Relation[];
  /** The next status; 'same' keeps it; a function decides from the state. */
  to: CaseStatus | 'same' | ((s: CaseState) => CaseStatus);
  when?: (s: CaseState) => boolean;
}

/** Open = a status in which work can still happen. */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  'received',
  'accepted',
  'dispatched',
  'signed',
  'reported',
  'verified',
];

/** The statuses a dispatched case can be in (the department has received the report). */
const AFTER_DISPATCH: readonly CaseStatus[] = [
  'dispatched',
  'signed',
  'reported',
  'verified',
  'closed',
  'revisited',
];

export const TRANSITIONS: Record<CaseAction, Rule> = {
  accept: { from: ['received'], by: ['dispatcher'], to: 'accepted' },
  decline: { from: ['received'], by: ['dispatcher'], to: 'declined' },
  // Dispatching a received case accepts it in the same step (12345 派单).
  dispatch: { from: ['received', 'accepted'], by: ['dispatcher'], to: 'dispatched' },
  // Before the lead signs for it, the dispatcher may send it elsewhere (改派) or take it back (撤回); once signed,
  // only the lead can hand it back (退单).
  redispatch: { from: ['dispatched'], by: ['dispatcher'], to: 'dispatched' },
  recall: { from: ['dispatched'], by: ['dispatcher'], to: 'accepted' },
  signFor: { from: ['dispatched'], by: ['leadHandler'], to: 'signed' },
  returnCase: { from: ['dispatched', 'signed'], by: ['leadHandler'], to: 'accepted' },
  arriveOnSite: { from: ['signed'], by: ['leadHandler'], to: 'same', when: (s) => !s.arrivedOnSite },
  reportBack: { from: ['signed'], by: ['leadHandler'], to: 'reported' },
  requestExtension: { from: ['signed'], by: ['leadHandler'], to: 'same', when: (s) => !s.extensionPending },
  approveExtension: { from: ['signed'], by: ['dispatcher'], to: 'same', when: (s) => s.extensionPending },
  refuseExtension: { from: ['signed'], by: ['dispatcher'], to: 'same', when: (s) => s.extensionPending },
  verifyPass: { from: ['reported'], by: ['dispatcher', 'verifier', 'reporter'], to: 'verified' },
  verifyFail: { from: ['reported'], by: ['dispatcher', 'verifier', 'reporter'], to: 'signed' },
  close: { from: ['verified'], by: ['dispatcher'], to: 'closed' },
  revisit: { from: ['closed'], by: ['dispatcher', 'reporter'], to: 'revisited' },
  reopen: {
    from: ['revisited'],
    by: ['dispatcher', 'supervisor'],
    to: 'dispatched',
    when: (s) => s.satisfaction === 'dissatisfied',
  },
  suspend: { from: ['accepted', 'dispatched', 'signed'], by: ['dispatcher'], to: 'suspended' },
  resume: { from: ['suspended'], by: ['dispatcher'], to: (s) => s.statusBeforeSuspension ?? 'accepted' },
  // 督办: the level above, and the office that dispatched it (a street presses the units it sent work to).
  supervise: {
    from: ['accepted', 'dispatched', 'signed', 'reported', 'suspended'],
    by: ['supervisor', 'dispatcher'],
    to: 'same',
  },
  parkLongTerm: { from: ['accepted', 'dispatched', 'signed', 'suspended'], by: ['supervisor'], to: 'parked' },
  // 挂账 is a register of long-term problems, not an end: when the condition that blocked it is gone, the
  // supervisor takes it off the register and it resumes where it stood (its clocks shifted by the time parked).
  unpark: { from: ['parked'], by: ['supervisor'], to: (s) => s.statusBeforeSuspension ?? 'accepted' },
  merge: { from: ['received', 'accepted'], by: ['dispatcher'], to: 'merged' },
  // The duties the law names keep their clocks whatever the workflow does (a statutory clock never pauses), so
  // they can be met in any status after the dispatch, suspended and parked included.
  feedBackReporter: {
    from: [...AFTER_DISPATCH, 'suspended', 'parked'],
    by: ['leadHandler'],
    to: 'same',
    when: (s) => !!s.feedbackPending,
  },
  dissuasionFailed: {
    from: ['signed'],
    by: ['leadHandler'],
    to: 'same',
    when: (s) => s.violationReport === 'dissuading',
  },
  reportViolation: {
    from: [...AFTER_DISPATCH, 'suspended', 'parked'],
    by: ['leadHandler'],
    to: 'same',
    when: (s) => s.violationReport === 'reportDue',
  },
  noticeDemolition: { from: ['signed'], by: ['leadHandler'], to: 'same', when: (s) => !!s.enforcementNotice },
  comment: {
    from: 'open',
    by: ['dispatcher', 'leadHandler', 'coHandler', 'verifier', 'supervisor'],
    to: 'same',
  },
};

/** Whether an action needs an input: without a 'required' one the server answers 400 `cases.field_required`. */
export type Need = 'required' | 'optional';

/**
 * What each action asks for besides the case version, declared once beside TRANSITIONS (which says who may
 * take it): the server checks the required inputs, and the action dialogs show exactly these fields.
 */
export interface ActionRequirement {
  /** A free-text note (`note`); every action may carry one, some cannot go without (the reason is the record). */
  note: Need;
  /** A formatted reason from RETURN_REASONS (`returnReason`). */
  reason?: Need;
  /** A duration such as '2wd' (`extension`); an approval without one grants what was requested (else 1wd). */
  duration?: Need;
  /** Evidence of the result: whether it was resolved, with photos (`resolved`, `photos`). */
  evidence?: Need;
  /** A rating from SATISFACTIONS (`satisfaction`). */
  satisfaction?: Need;
  /** A public notice's dates (`noticePublishedOn`, `noticeEndsOn`, 'YYYY-MM-DD'), checked by 拆违规定 Art 9. */
  notice?: Need;
  /**
   * What the action points at: the lead and co-handling organisations (`leadOrgId`, `coHandlerOrgIds`; without a
   * lead the routing's suggested organisation leads) or the case to merge into (`mergeIntoCaseNo`).
   */
  target?: { kind: 'organisation' | 'case'; need: Need };
}

const OPTIONAL_NOTE: ActionRequirement = { note: 'optional' };
const NOTE_REQUIRED: ActionRequirement = { note: 'required' };

export const ACTION_REQUIREMENTS: Record<CaseAction, ActionRequirement> = {
  accept: OPTIONAL_NOTE,
  decline: NOTE_REQUIRED,
  dispatch: { note: 'optional', target: { kind: 'organisation', need: 'optional' } },
  redispatch: { note: 'required', target: { kind: 'organisation', need: 'required' } },
  recall: NOTE_REQUIRED,
  signFor: OPTIONAL_NOTE,
  returnCase: { note: 'required', reason: 'required' },
  arriveOnSite: OPTIONAL_NOTE,
  reportBack: { note: 'required', evidence: 'optional' },
  requestExtension: { note: 'required', duration: 'required' },
  approveExtension: { note: 'optional', duration: 'optional' },
  refuseExtension: OPTIONAL_NOTE,
  verifyPass: OPTIONAL_NOTE,
  verifyFail: NOTE_REQUIRED,
  close: OPTIONAL_NOTE,
  revisit: { note: 'optional', satisfaction: 'required' },
  reopen: OPTIONAL_NOTE,
  suspend: NOTE_REQUIRED,
  resume: OPTIONAL_NOTE,
  supervise: OPTIONAL_NOTE,
  parkLongTerm: NOTE_REQUIRED,
  unpark: NOTE_REQUIRED,
  merge: { note: 'optional', target: { kind: 'case', need: 'required' } },
  comment: NOTE_REQUIRED,
  // What the reporter was told (the 查处情况) is the record.
  feedBackReporter: NOTE_REQUIRED,
  dissuasionFailed: NOTE_REQUIRED,
  reportViolation: NOTE_REQUIRED,
  noticeDemolition: { note: 'optional', notice: 'required' },
};

/** The request fields behind the requirements. */
export type ActionField =
  | 'note'
  | 'returnReason'
  | 'extension'
  | 'satisfaction'
  | 'leadOrgId'
  | 'mergeIntoCaseNo'
  | 'noticePublishedOn'
  | 'noticeEndsOn';

/** The fields an action cannot go without, in the order the server checks them (the first missing one is named). */
export function requiredFields(action: CaseAction): ActionField[] {
  const r = ACTION_REQUIREMENTS[action];
  const fields: ActionField[] = [];
  if (r.reason === 'required') fields.push('returnReason');
  if (r.duration === 'required') fields.push('extension');
  if (r.satisfaction === 'required') fields.push('satisfaction');
  if (r.notice === 'required') fields.push('noticePublishedOn', 'noticeEndsOn');
  if (r.target?.need === 'required')
    fields.push(r.target.kind === 'organisation' ? 'leadOrgId' : 'mergeIntoCaseNo');
  if (r.note === 'required') fields.push('note');
  return fields;
}

/** The actions a relation may ever take (in some status), in table order: e.g. what a reporter may send. */
export function actionsOpenTo(relation: Relation): CaseAction[] {
  return CASE_ACTIONS.filter((action) => TRANSITIONS[action].by.includes(relation));
}

function fromMatches(rule: Rule, status: CaseStatus): boolean {
  return rule.from === 'open'
    ? OPEN_STATUSES.includes(status) || status === 'suspended'
    : rule.from.includes(status);
}

/** The actions the actor may take now, in table order. */
export function allowedActions(state: CaseState, relations: ReadonlySet<Relation>): CaseAction[] {
  return CASE_ACTIONS.filter((action) => {
    const rule = TRANSITIONS[action];
    return (
      fromMatches(rule, state.status) &&
      rule.by.some((r) => relations.has(r)) &&
      (!rule.when || rule.when(state))
    );
  });
}

export type TransitionResult =
  { ok: true; to: CaseStatus } | { ok: false; reason: 'not_allowed_in_status' | 'not_allowed_for_actor' };

export function transition(
  state: CaseState,
  action: CaseAction,
  relations: ReadonlySet<Relation>,
): TransitionResult {
  const rule = TRANSITIONS[action];
  if (!fromMatches(rule, state.status) || (rule.when && !rule.when(state)))
    return { ok: false, reason: 'not_allowed_in_status' };
  if (!rule.by.some((r) => relations.has(r))) return { ok: false, reason: 'not_allowed_for_actor' };
  const to = rule.to === 'same' ? state.status : typeof rule.to === 'function' ? rule.to(state) : rule.to;
  return { ok: true, to };
}

/** Whether the SLA clock runs in this status (paused while suspended or parked; stopped when finished). */
export function clockRuns(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** 退单 needs a formatted reason (12345 practice): a code from this list plus free text. */
export const RETURN_REASONS = [
  'not_our_jurisdiction',
  'wrong_category',
  'insufficient_information',
  'duplicate',
  'other',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];
