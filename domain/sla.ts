// SLA clocks: per category, channel and stage, as editable data marked with their source (law, policy,
// or "unverified default"). Deadlines are computed with domain/calendar.ts (h, d elapsed; wd working days;
// mo calendar months as a statutory period, 民法典 Arts 201–203).
import { addDuration, parseDuration, type BusinessCalendar } from './calendar.js';

/**
 * The clocked duties of a case. Besides the workflow's own stages, two duties the law names:
 * - feedback: 反馈举报人 — the 拆违实施部门 tells the reporter how the violation was dealt with (拆违规定 Art 5);
 * - report: 报告违法 — a property company whose 劝阻、制止 failed reports to the owners' committee and the
 *   authorities (《规定》 Art 59).
 */
export const SLA_STAGES = ['accept', 'sign', 'arrive', 'resolve', 'feedback', 'report'] as const;
export type SlaStage = (typeof SLA_STAGES)[number];

export const SLA_STAGE_LABELS: Record<SlaStage, { zh: string; en: string }> = {
  accept: { zh: '受理', en: 'acceptance' },
  sign: { zh: '签收', en: 'signing for' },
  arrive: { zh: '到场', en: 'arrival on site' },
  resolve: { zh: '办结', en: 'resolution' },
  feedback: { zh: '反馈举报人', en: 'feedback to the reporter' },
  report: { zh: '报告违法', en: 'report of the violation' },
};

/**
 * When each stage's clock starts (the event the rule names):
 * - accept: intake; resolve: 立案 (acceptance); sign: 派遣 (dispatch);
 * - arrive: dispatch — the responsible department receives the report (拆违规定 Art 7 "接到相关举报…后，应当在
 *   二十四小时内到现场"), not its 签收;
 * - feedback: dispatch — the department receives the report (拆违规定 Art 5 "一个月内…反馈举报人");
 * - report: the property company records that its 劝阻、制止 failed (《规定》 Art 59 "劝阻、制止无效的，应当在
 *   二十四小时内报告").
 */
export const CLOCK_STARTS: Record<SlaStage, 'intake' | 'accept' | 'dispatch' | 'dissuasionFailed'> = {
  accept: 'intake',
  sign: 'dispatch',
  arrive: 'dispatch',
  resolve: 'accept',
  feedback: 'dispatch',
  report: 'dissuasionFailed',
};

export const SLA_SOURCE_KINDS = ['law', 'policy', 'unverified'] as const;

export interface SlaPolicy {
  id: string;
  stage: SlaStage;
  categoryCode: string | null; // exact, prefix with '*', or null for every category
  channel: string | null; // null for every channel
  conditions: Record<string, string | boolean>;
  duration: string; // e.g. '24h', '2h', '3d', '5wd'
  warnBeforeMinutes: number; // 0 = no warning
  escalateOnOverdue: boolean; // automatic 督办 one level up
  sourceKind: (typeof SLA_SOURCE_KINDS)[number];
  sourceRef: string;
}

export interface SlaFacts {
  categoryCode: string;
  channel: string;
  attributes: Record<string, string | boolean>;
}

/**
 * How specific a policy is, compared element by element: the category (exact > prefix > every category;
 * among prefixes the longer one), then a channel, then the number of conditions.
 */
function specificity(p: SlaPolicy): [number, number, number, number] {
  const cat = p.categoryCode === null ? 0 : p.categoryCode.endsWith('*') ? 1 : 2;
  const prefix = cat === 1 ? p.categoryCode!.length : 0;
  return [cat, prefix, p.channel ? 1 : 0, Object.keys(p.conditions).length];
}

/** > 0 when `a` is more specific than `b`; ties go to the smaller id (never to the order of the rows). */
function compare(a: SlaPolicy, b: SlaPolicy): number {
  const sa = specificity(a);
  const sb = specificity(b);
  for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sa[i] - sb[i];
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export function policyMatches(p: SlaPolicy, stage: SlaStage, f: SlaFacts): boolean {
  if (p.stage !== stage) return false;
  if (p.categoryCode !== null) {
    const ok = p.categoryCode.endsWith('*')
      ? f.categoryCode.startsWith(p.categoryCode.slice(0, -1))
      : p.categoryCode === f.categoryCode;
    if (!ok) return false;
  }
  if (p.channel !== null && p.channel !== f.channel) return false;
  return Object.entries(p.conditions).every(([k, v]) => f.attributes[k] === v);
}

/** The most specific policy for a stage (see {@link specificity}), or null when the stage has no clock for this case. */
export function policyFor(
  policies: readonly SlaPolicy[],
  stage: SlaStage,
  facts: SlaFacts,
): SlaPolicy | null {
  let best: SlaPolicy | null = null;
  for (const p of policies) {
    if (policyMatches(p, stage, facts) && (!best || compare(p, best) > 0)) best = p;
  }
  return best;
}

/**
 * Whether a stage's deadline moves by the time a case is 挂起 / 挂账. A clock whose source is law never pauses:
 * the statute counts from the report (拆违规定 Arts 5, 7; 《供水管理条例》 Art 26 ¶1; 《规定》 Art 59) and knows
 * no suspension; policy and default clocks pause.
 */
export function pausesWhileSuspended(policy: Pick<SlaPolicy, 'sourceKind'> | null): boolean {
  return policy?.sourceKind !== 'law';
}

export function deadline(cal: BusinessCalendar, start: Date, policy: SlaPolicy): Date {
  return addDuration(cal, start, parseDuration(policy.duration));
}

export type DueState = 'none' | 'ok' | 'warning' | 'overdue';

export function dueState(now: Date, due: Date | null, warnBeforeMinutes: number): DueState {
  if (!due) return 'none';
  if (now.getTime() > due.getTime()) return 'overdue';
  if (warnBeforeMinutes > 0 && due.getTime() - now.getTime() <= warnBeforeMinutes * 60_000) return 'warning';
  return 'ok';
}
