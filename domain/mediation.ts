// Dispute mediation (矛盾调解, 人民调解): the dispute types, the lifecycle as one pure transition table (like
// case-lifecycle.ts), what an agreement must carry, the judicial-confirmation window and the street statistics.
// The server accepts exactly the actions this table allows and the dispute page shows exactly those buttons.
//
// Law. 《上海市住宅物业管理规定》第三十六条 (text in the shared laws folder, verified): 居民委员会、村民委员会设立的
// 人民调解委员会，可以依法调解本地区业主、业主委员会、物业服务企业之间的物业管理纠纷.
// 《中华人民共和国人民调解法》 is NOT in the shared laws folder: every article of it cited here is [U] — quoted
// from memory, unverified, kept as data (MEDIATION_LAW) so it can be corrected without touching the rules.
import { addDays, daysBetween, isValidDate } from './calendar.js';

/** Citations of this module, each marked whether its text was checked against the shared laws folder. */
export const MEDIATION_LAW = {
  /** Who mediates property disputes (verified against the text present). */
  propertyDisputes: { cite: '《上海市住宅物业管理规定》第三十六条', verified: true },
  /** A party may refuse mediation (当事人一方明确拒绝调解的，不得调解). [U] */
  refusal: { cite: '《中华人民共和国人民调解法》第十七条', verified: false },
  /** Failed mediation ends and the parties are told of arbitration, administrative and judicial routes. [U] */
  failure: { cite: '《中华人民共和国人民调解法》第二十六条', verified: false },
  /** The mediator keeps a record of each session (应当记录调解情况). [U] */
  record: { cite: '《中华人民共和国人民调解法》第二十七条', verified: false },
  /** What an agreement sets out: parties, facts and issues, terms with the way and time of performance; it
   *  takes effect when the parties and the mediator have signed and the committee has sealed it. [U] */
  agreement: { cite: '《中华人民共和国人民调解法》第二十九条', verified: false },
  /** Both parties may apply to a court for judicial confirmation within 30 days of the agreement taking effect. [U] */
  confirmation: { cite: '《中华人民共和国人民调解法》第三十三条', verified: false },
} as const;

/** Days after the agreement takes effect within which judicial confirmation may be applied for. [U] data. */
export const JUDICIAL_CONFIRMATION_DAYS = 30;

export const DISPUTE_TYPES = [
  'owner_owner', // 业主之间
  'owner_committee', // 业主与业委会
  'owner_company', // 业主与物业服务企业
  'committee_company', // 业委会与物业服务企业
  'other', // 其他
] as const;
export type DisputeType = (typeof DISPUTE_TYPES)[number];

export const DISPUTE_TYPE_LABELS: Record<DisputeType, { zh: string; en: string }> = {
  owner_owner: { zh: '业主之间', en: 'Between owners' },
  owner_committee: { zh: '业主与业委会', en: "Owner and owners' committee" },
  owner_company: { zh: '业主与物业服务企业', en: 'Owner and property company' },
  committee_company: { zh: '业委会与物业服务企业', en: "Owners' committee and property company" },
  other: { zh: '其他', en: 'Other' },
};

export const PARTY_SIDES = ['applicant', 'respondent'] as const; // 申请人, 被申请人
export type PartySide = (typeof PARTY_SIDES)[number];

export const DISPUTE_STATUSES = [
  'registered', // 已登记: awaiting the first session
  'mediating', // 调解中: at least one session held
  'agreed', // 已达成协议: terms recorded, the agreement awaits signatures
  'effective', // 协议生效: signed by the parties and the mediator, sealed (人民调解法 第二十九条 [U])
  'confirmed', // 已司法确认 (terminal)
  'referred', // 调解不成，已引导仲裁或诉讼 (terminal)
  'withdrawn', // 已撤回 (terminal)
  'returned', // 转为案件办理 (terminal)
] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, { zh: string; en: string }> = {
  registered: { zh: '已登记', en: 'Registered' },
  mediating: { zh: '调解中', en: 'Mediating' },
  agreed: { zh: '待签署协议', en: 'Agreement awaiting signatures' },
  effective: { zh: '协议已生效', en: 'Agreement in effect' },
  confirmed: { zh: '已司法确认', en: 'Judicially confirmed' },
  referred: { zh: '调解不成，已引导仲裁/诉讼', en: 'Failed, referred' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  returned: { zh: '已转为案件', en: 'Returned to a case' },
};

export const DISPUTE_ACTIONS = [
  'assign', // 指派调解员
  'recordSession', // 记录调解
  'agree', // 达成协议
  'sign', // 协议签署生效
  'fail', // 调解不成，引导仲裁/诉讼
  'withdraw', // 撤回
  'toCase', // 转为案件
  'confirm', // 登记司法确认
] as const;
export type DisputeAction = (typeof DISPUTE_ACTIONS)[number];

export const DISPUTE_ACTION_LABELS: Record<DisputeAction, { zh: string; en: string }> = {
  assign: { zh: '指派调解员', en: 'Assign mediator' },
  recordSession: { zh: '记录调解', en: 'Record a session' },
  agree: { zh: '达成调解协议', en: 'Record the agreement' },
  sign: { zh: '协议已签署', en: 'Agreement signed' },
  fail: { zh: '调解不成', en: 'Mediation failed' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  toCase: { zh: '转为案件', en: 'Back to a case' },
  confirm: { zh: '登记司法确认', en: 'Record judicial confirmation' },
};

export const REFERRAL_ROUTES = ['arbitration', 'court'] as const; // 仲裁, 诉讼
export type ReferralRoute = (typeof REFERRAL_ROUTES)[number];
export const REFERRAL_ROUTE_LABELS: Record<ReferralRoute, { zh: string; en: string }> = {
  arbitration: { zh: '仲裁', en: 'Arbitration' },
  court: { zh: '诉讼', en: 'Court' },
};

/** What the rules look at. */
export interface DisputeState {
  status: DisputeStatus;
  sessions: number;
}

interface Rule {
  from: readonly DisputeStatus[];
  to: DisputeStatus | 'same';
  when?: (s: DisputeState) => boolean;
}

const OPEN: readonly DisputeStatus[] = ['registered', 'mediating'];

/** The transition table: from which statuses an action may be taken, and where it leads. */
export const TRANSITIONS: Record<DisputeAction, Rule> = {
  assign: { from: OPEN, to: 'same' },
  recordSession: { from: OPEN, to: 'mediating' },
  // An agreement comes out of mediation: at least one session is on record (人民调解法 第二十七条 [U]).
  agree: { from: ['mediating'], to: 'agreed', when: (s) => s.sessions > 0 },
  sign: { from: ['agreed'], to: 'effective' },
  // A party refusing from the start (第十七条 [U]), mediation failing, or a party not signing (第二十六条 [U]).
  fail: { from: [...OPEN, 'agreed'], to: 'referred' },
  withdraw: { from: [...OPEN, 'agreed'], to: 'withdrawn' },
  toCase: { from: OPEN, to: 'returned' },
  confirm: { from: ['effective'], to: 'confirmed' },
};

export function allowedDisputeActions(state: DisputeState): DisputeAction[] {
  return DISPUTE_ACTIONS.filter((a) => {
    const rule = TRANSITIONS[a];
    return rule.from.includes(state.status) && (!rule.when || rule.when(state));
  });
}

export type DisputeTransition = { ok: true; to: DisputeStatus } | { ok: false };

export function disputeTransition(state: DisputeState, action: DisputeAction): DisputeTransition {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(state.status) || (rule.when && !rule.when(state))) return { ok: false };
  return { ok: true, to: rule.to === 'same' ? state.status : rule.to };
}

export const isTerminal = (s: DisputeStatus) =>
  ['confirmed', 'referred', 'withdrawn', 'returned'].includes(s);

// ---------------------------------------------------------------------------------------------------------
// The agreement (调解协议书, 人民调解法 第二十九条 [U])

export interface AgreementInput {
  facts: string; // 纠纷的主要事实、争议事项以及各方当事人的责任
  terms: string; // 达成调解协议的内容
  performanceMethod: string; // 履行的方式
  performanceDeadline: string; // 履行的期限 (YYYY-MM-DD)
}

export type AgreementProblem =
  | 'facts_missing'
  | 'terms_missing'
  | 'performance_method_missing'
  | 'deadline_invalid'
  | 'deadline_before_agreement'
  | 'parties_missing';

/** What is missing from an agreement: both sides must be named, and every item of Art 29 filled in. */
export function agreementProblems(
  a: AgreementInput,
  agreedOn: string,
  parties: readonly { side: PartySide }[],
): AgreementProblem[] {
  const out: AgreementProblem[] = [];
  if (!parties.some((p) => p.side === 'applicant') || !parties.some((p) => p.side === 'respondent'))
    out.push('parties_missing');
  if (a.facts.trim().length < 2) out.push('facts_missing');
  if (a.terms.trim().length < 2) out.push('terms_missing');
  if (a.performanceMethod.trim().length < 2) out.push('performance_method_missing');
  if (!isValidDate(a.performanceDeadline)) out.push('deadline_invalid');
  else if (a.performanceDeadline < agreedOn) out.push('deadline_before_agreement');
  return out;
}

/**
 * The last day to apply for judicial confirmation: 30 days from the day the agreement takes effect (人民调解法
 * 第三十三条 [U]). Counted as the text reads (the effective day is day 0); no move off a day off is applied
 * because the rule's text is unverified — a configurable default, see decision 0009.
 */
export function confirmationWindowEnd(effectiveOn: string): string {
  return addDays(effectiveOn, JUDICIAL_CONFIRMATION_DAYS);
}

export type ConfirmationProblem =
  'applied_before_effective' | 'applied_after_window' | 'ruled_before_applied';

export function confirmationProblems(
  effectiveOn: string,
  appliedOn: string,
  ruledOn: string,
): ConfirmationProblem[] {
  const out: ConfirmationProblem[] = [];
  if (appliedOn < effectiveOn) out.push('applied_before_effective');
  if (appliedOn > confirmationWindowEnd(effectiveOn)) out.push('applied_after_window');
  if (ruledOn < appliedOn) out.push('ruled_before_applied');
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Statistics

/** The day a dispute reached its outcome (agreement signed, referral, withdrawal, back to a case), if any. */
export function outcomeDay(d: {
  status: DisputeStatus;
  effective_on: string | null;
  closed_on: string | null;
}): string | null {
  if (d.status === 'effective' || d.status === 'confirmed') return d.effective_on;
  if (isTerminal(d.status)) return d.closed_on;
  return null;
}

/** Median of whole days (the mean of the two middle values, to one decimal); null for none. */
export function medianDays(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  const m = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return Math.round(m * 10) / 10;
}

export interface StreetStatsRow {
  total: number;
  byType: Record<DisputeType, number>;
  open: number;
  agreements: number;
  referred: number;
  withdrawn: number;
  returned: number;
  medianDaysToOutcome: number | null;
}

/** Street statistics from the disputes' facts: by type, agreements reached, median days to outcome. */
export function streetStats(
  rows: readonly {
    type: DisputeType;
    status: DisputeStatus;
    received_on: string;
    effective_on: string | null;
    closed_on: string | null;
  }[],
): StreetStatsRow {
  const byType = Object.fromEntries(DISPUTE_TYPES.map((t) => [t, 0])) as Record<DisputeType, number>;
  const days: number[] = [];
  const out = { total: 0, open: 0, agreements: 0, referred: 0, withdrawn: 0, returned: 0 };
  for (const r of rows) {
    out.total++;
    byType[r.type]++;
    if (r.status === 'effective' || r.status === 'confirmed') out.agreements++;
    else if (r.status === 'referred') out.referred++;
    else if (r.status === 'withdrawn') out.withdrawn++;
    else if (r.status === 'returned') out.returned++;
    else out.open++;
    const end = outcomeDay(r);
    if (end) days.push(daysBetween(r.received_on, end));
  }
  return { ...out, byType, medianDaysToOutcome: medianDays(days) };
}
