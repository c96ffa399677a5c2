// 考核 (issue 13 "Assessment"): the indicator system as data, the score of one indicator against its target,
// the weighted total with its breakdown, and the ranking of the assessed units. Pure; no I/O.
//
// Seed speeches: "把问题是否及时有效解决作为考核的重要指标，建立条与条、条与块的双向监督机制，将考核督查的结果与相关部门
// 绩效挂钩"; "区(县)政府要将业委会的运作情况纳入对街道社区的考核范围"; "业委会的组建成功率和运作规范率".
//
// Values. Every indicator value is a fraction in [0, 1] (0.9 = 90 %), or null when there is nothing to measure:
// a case KPI of domain/kpis.ts, the action-item completion rate (督办事项完成率), the committee formation rate
// (业委会组建率) and operation regularity (运作规范率) of a street, a manual score (0–100 points entered by the
// assessing office → points / 100), or the mean of the two-way ratings (条与块、条与条; 0–100 points each → / 100).
//
// Score of an indicator (0–100, 2 decimals), v = value, t = target:
//   direction 'higher' (higher is better): v ≥ t → 100; otherwise 100 × v / t           (t = 0 → always 100)
//   direction 'lower'  (lower is better):  v ≤ t → 100; otherwise 100 × (1 − v) / (1 − t) (t = 1 → always 100)
//   v = null → no score: the indicator is left out and the weights of the measured ones carry the total.
// Total (0–100, 2 decimals) = Σ score × weight / Σ measured weight; contribution of one indicator =
// score × weight / Σ measured weight (the contributions add up to the total, up to rounding). Null when nothing
// is measured. Weights are positive integers summing to 100.
// Ranking: by total, highest first; equal totals share a rank (1, 2, 2, 4); units without a total are unranked.
import { monthDays } from './calendar.js';
import type { GovernanceState } from './governance.js';
import { rate } from './kpis.js';

/** The case KPIs an indicator can read (domain/kpis.ts KpiRates). */
export const CASE_KPIS = [
  'onTimeRate',
  'resolutionRate',
  'satisfactionRate',
  'discoveryRate',
  'repeatRate',
  'acceptedOnTimeRate',
] as const;
export type CaseKpi = (typeof CASE_KPIS)[number];

export const ASSESSED_LEVELS = ['street', 'department'] as const;
export type AssessedLevel = (typeof ASSESSED_LEVELS)[number];

/** How an indicator's value is found. */
export type IndicatorFormula =
  | { kind: 'caseKpi'; kpi: CaseKpi }
  | { kind: 'actionItems' } // coordination action items due in the period: completed on time / due
  | { kind: 'committeeFormation' } // compounds of the street with an owners' committee / compounds
  | { kind: 'committeeRegularity' } // committees in office and not overdue for 换届 / committees
  | { kind: 'manual' } // points entered with evidence by the assessing office
  | { kind: 'rating'; raters: AssessedLevel }; // mean of the ratings given by units of that level

export const FORMULA_KINDS = [
  'caseKpi',
  'actionItems',
  'committeeFormation',
  'committeeRegularity',
  'manual',
  'rating',
] as const;

export type Direction = 'higher' | 'lower';

export interface Indicator {
  code: string;
  name: string; // zh-CN, as the office calls it
  weight: number; // integer points out of 100
  target: number; // fraction in [0, 1]
  direction: Direction;
  formula: IndicatorFormula;
}

export interface IndicatorSystem {
  level: AssessedLevel;
  name: string;
  indicators: Indicator[];
  /** false = product default, not an adopted official scheme ([U]). */
  verified: boolean;
}

export type SystemProblem =
  'empty' | 'duplicateCode' | 'weightInvalid' | 'weightsNot100' | 'targetInvalid' | 'formulaInvalid';

/** Why a system cannot be used, or null when it can. */
export function checkSystem(system: Pick<IndicatorSystem, 'level' | 'indicators'>): SystemProblem | null {
  const list = system.indicators;
  if (list.length === 0) return 'empty';
  if (new Set(list.map((i) => i.code)).size !== list.length) return 'duplicateCode';
  for (const i of list) {
    if (!Number.isSafeInteger(i.weight) || i.weight <= 0 || i.weight > 100) return 'weightInvalid';
    if (!Number.isFinite(i.target) || i.target < 0 || i.target > 1) return 'targetInvalid';
    if (!formulaFits(i.formula, system.level)) return 'formulaInvalid';
  }
  if (list.reduce((s, i) => s + i.weight, 0) !== 100) return 'weightsNot100';
  return null;
}

/** Committee indicators are about the compounds of a street; a department has none. */
function formulaFits(f: IndicatorFormula, level: AssessedLevel): boolean {
  if (!(FORMULA_KINDS as readonly string[]).includes(f.kind)) return false;
  if (f.kind === 'caseKpi') return (CASE_KPIS as readonly string[]).includes(f.kpi);
  if (f.kind === 'committeeFormation' || f.kind === 'committeeRegularity') return level === 'street';
  if (f.kind === 'rating') return (ASSESSED_LEVELS as readonly string[]).includes(f.raters);
  return true;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The score (0–100) of a value against its target; null when there is no value. See the formula above. */
export function indicatorScore(value: number | null, target: number, direction: Direction): number | null {
  if (value === null) return null;
  if (!Number.isFinite(value) || value < 0 || value > 1)
    throw new RangeError(`value out of [0, 1]: ${value}`);
  if (!Number.isFinite(target) || target < 0 || target > 1)
    throw new RangeError(`target out of [0, 1]: ${target}`);
  if (direction === 'higher') {
    if (value >= target) return 100;
    return round2((100 * value) / target);
  }
  if (value <= target) return 100;
  return round2((100 * (1 - value)) / (1 - target));
}

/** Manual and rating points (0–100, up to 2 decimals) as an indicator value. */
export function pointsValue(points: number): number {
  if (!Number.isFinite(points) || points < 0 || points > 100 || round2(points) !== points) {
    throw new RangeError(`points out of 0–100: ${points}`);
  }
  return Math.round(points * 100) / 10_000;
}

/** True when points are a valid manual score or rating (0–100, at most 2 decimals). */
export const validPoints = (points: number) =>
  Number.isFinite(points) && points >= 0 && points <= 100 && round2(points) === points;

/** The mean of ratings as a value (null without any). */
export function ratingValue(points: readonly number[]): number | null {
  if (points.length === 0) return null;
  const mean = points.reduce((s, p) => s + p, 0) / points.length;
  return Math.round(mean * 100) / 10_000;
}

export interface BreakdownLine {
  code: string;
  name: string;
  weight: number;
  target: number;
  direction: Direction;
  value: number | null;
  score: number | null;
  contribution: number | null;
}

export interface AssessmentResult {
  total: number | null;
  measuredWeight: number;
  breakdown: BreakdownLine[];
}

/** The weighted total of one unit with every indicator's arithmetic (value, target, score, weight, contribution). */
export function assess(indicators: readonly Indicator[], values: Readonly<Record<string, number | null>>) {
  const scored = indicators.map((i) => {
    const value = values[i.code] ?? null;
    return { i, value, score: indicatorScore(value, i.target, i.direction) };
  });
  const measuredWeight = scored.reduce((s, x) => s + (x.score === null ? 0 : x.i.weight), 0);
  const breakdown: BreakdownLine[] = scored.map(({ i, value, score }) => ({
    code: i.code,
    name: i.name,
    weight: i.weight,
    target: i.target,
    direction: i.direction,
    value,
    score,
    contribution: score === null ? null : round2((score * i.weight) / measuredWeight),
  }));
  const sum = scored.reduce((s, x) => s + (x.score === null ? 0 : x.score * x.i.weight), 0);
  const total = measuredWeight === 0 ? null : round2(sum / measuredWeight);
  return { total, measuredWeight, breakdown } satisfies AssessmentResult;
}

/** Ranks by total (highest first); equal totals share a rank; null totals get rank null and come last. */
export function rankResults<T extends { key: string; name: string; total: number | null }>(
  rows: readonly T[],
): (T & { rank: number | null })[] {
  const sorted = [...rows].sort(
    (a, b) =>
      (b.total ?? -1) - (a.total ?? -1) || a.name.localeCompare(b.name, 'zh-CN') || (a.key < b.key ? -1 : 1),
  );
  let rank = 0;
  return sorted.map((r, idx) => {
    if (r.total === null) return { ...r, rank: null };
    if (idx === 0 || sorted[idx - 1].total !== r.total) rank = idx + 1;
    return { ...r, rank };
  });
}

/** 2026年第四季度 style label of a period code 2026-Q4 / 2026-H1 / 2026 (null when not one). */
export function periodLabel(code: string): { zh: string; en: string; from: string; to: string } | null {
  const q = /^(\d{4})-Q([1-4])$/.exec(code);
  const zhQ = ['一', '二', '三', '四'];
  if (q) {
    const n = Number(q[2]);
    const month = (m: number) => `${q[1]}-${String(m).padStart(2, '0')}`;
    return {
      zh: `${q[1]}年第${zhQ[n - 1]}季度`,
      en: `Q${n} ${q[1]}`,
      from: monthDays(month(n * 3 - 2)).first,
      to: monthDays(month(n * 3)).last,
    };
  }
  const y = /^(\d{4})$/.exec(code);
  if (y) return { zh: `${y[1]}年度`, en: `Year ${y[1]}`, from: `${y[1]}-01-01`, to: `${y[1]}-12-31` };
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Values computed from our own data

/**
 * 业委会组建率 and 运作规范率 of a street from its compounds' governance states (domain/governance.ts):
 * - formation = compounds with an owners' committee (in term, 换届 due, expired or dysfunctional) / compounds whose
 *   state is known (既有小区 not yet recorded are left out: the system does not know them);
 * - regularity = committees in term (任期内, incl. 换届 due within 5 months) / committees (an expired term without a
 *   successor, or Art 32 ¶2 early re-election conditions, is not regular).
 */
export function committeeRates(states: readonly GovernanceState[]): {
  formation: number | null;
  regularity: number | null;
} {
  const known = states.filter((s) => s !== 'existing_unrecorded');
  const committees = known.filter((s) => COMMITTEE_STATES.includes(s));
  const regular = committees.filter((s) => s === 'in_term' || s === 'term_expiring');
  return {
    formation: rate(committees.length, known.length),
    regularity: rate(regular.length, committees.length),
  };
}
const COMMITTEE_STATES: readonly GovernanceState[] = ['in_term', 'term_expiring', 'expired', 'dysfunctional'];

/**
 * 督办事项完成率 of a lead unit: of its joint-meeting action items due within the period, those reported done on
 * or before their due day. Null when none was due.
 */
export function actionItemRate(items: readonly { dueOn: string; doneOn: string | null }[]): number | null {
  const onTime = items.filter((i) => i.doneOn !== null && i.doneOn <= i.dueOn).length;
  return rate(onTime, items.length);
}

const kpi = (
  code: string,
  name: string,
  weight: number,
  target: number,
  k: CaseKpi,
  direction: Direction = 'higher',
) => ({ code, name, weight, target, direction, formula: { kind: 'caseKpi', kpi: k } }) satisfies Indicator;

/**
 * [U] Product defaults, not an adopted official scheme: weights and targets are placeholders for the assessing
 * office to replace per period.
 */
export const DEFAULT_SYSTEMS: Record<AssessedLevel, IndicatorSystem> = {
  street: {
    level: 'street',
    name: '街镇考核指标体系（产品默认）',
    verified: false,
    indicators: [
      kpi('onTime', '按时办结率', 20, 0.9, 'onTimeRate'),
      kpi('resolution', '解决率', 20, 0.9, 'resolutionRate'),
      kpi('satisfaction', '满意率', 15, 0.9, 'satisfactionRate'),
      kpi('discovery', '发现率', 10, 0.3, 'discoveryRate'),
      kpi('repeat', '重复投诉率', 10, 0.05, 'repeatRate', 'lower'),
      {
        code: 'formation',
        name: '业委会组建率',
        weight: 10,
        target: 0.8,
        direction: 'higher',
        formula: { kind: 'committeeFormation' },
      },
      {
        code: 'regularity',
        name: '业委会运作规范率',
        weight: 5,
        target: 0.9,
        direction: 'higher',
        formula: { kind: 'committeeRegularity' },
      },
      {
        code: 'byDepartments',
        name: '职能部门评价（条对块）',
        weight: 5,
        target: 0.9,
        direction: 'higher',
        formula: { kind: 'rating', raters: 'department' },
      },
      {
        code: 'inspection',
        name: '督查检查得分',
        weight: 5,
        target: 0.9,
        direction: 'higher',
        formula: { kind: 'manual' },
      },
    ],
  },
  department: {
    level: 'department',
    name: '职能部门考核指标体系（产品默认）',
    verified: false,
    indicators: [
      kpi('onTime', '按时办结率', 25, 0.9, 'onTimeRate'),
      kpi('resolution', '解决率', 25, 0.9, 'resolutionRate'),
      kpi('satisfaction', '满意率', 20, 0.9, 'satisfactionRate'),
      kpi('repeat', '重复投诉率', 10, 0.05, 'repeatRate', 'lower'),
      {
        code: 'actionItems',
        name: '督办事项完成率',
        weight: 10,
        target: 0.95,
        direction: 'higher',
        formula: { kind: 'actionItems' },
      },
      {
        code: 'byStreets',
        name: '街镇评价（块对条）',
        weight: 5,
        target: 0.9,
        direction: 'higher',
        formula: { kind: 'rating', raters: 'street' },
      },
      {
        code: 'byDepartments',
        name: '协办部门评价（条对条）',
        weight: 5,
        target: 0.9,
        direction: 'higher',
        formula: { kind: 'rating', raters: 'department' },
      },
    ],
  },
};
