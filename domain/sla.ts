// SLA clocks: per category, channel and stage, as editable data marked with their source (law, policy,
// or "unverified default"). Deadlines are computed with domain/calendar.ts (h, d elapsed; wd working days).
import { addDuration, parseDuration, type BusinessCalendar } from './calendar.js';

export const SLA_STAGES = ['accept', 'sign', 'arrive', 'resolve'] as const;
export type SlaStage = (typeof SLA_STAGES)[number];

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
