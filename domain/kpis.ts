// Case KPIs (PRODUCT.md capability 8; RULES.md §4.4 "use 办结率/按时办结率, 解决率, 满意率 as distinct KPIs"):
// the definitions as pure functions over counted cases, and the campaign (集中整治) progress. No I/O.
//
// Every rate is a fraction in [0, 1] rounded to 4 decimals (0.6667 = 66.67 %), or null when its
// denominator is 0 ("no data" is not 0 %).
import { endOfShanghaiDay, startOfShanghaiDay } from './calendar.js';
import { attributesAgree } from './case-duplicates.js';

/** Channels whose cases were found by inspection rather than reported (发现率). */
export const PROACTIVE_CHANNELS = ['gridInspection', 'propertyCompany'] as const;

export function isProactiveChannel(channel: string): boolean {
  return (PROACTIVE_CHANNELS as readonly string[]).includes(channel);
}

/**
 * Whether a new case counts as found (发现率). Inspection channels always do. A problem found in online media
 * (网络舆情, channel onlineMedia) does when it was found before any complaint: when it repeats no earlier open case
 * of the same problem (the 重复投诉 rule of domain/case-duplicates.ts: same compound, category and attributes, in
 * the window) — otherwise someone reported it first and the post only echoes it. Every other channel is a report.
 */
export function countsAsProactive(channel: string, repeatsEarlierCase: boolean): boolean {
  if (channel === 'onlineMedia') return !repeatsEarlierCase;
  return isProactiveChannel(channel);
}

/** Revisit results that count as satisfied for 满意率 (满意 + 基本满意). */
export const SATISFIED_RESULTS = ['satisfied', 'basicallySatisfied'] as const;

export function countsAsSatisfied(satisfaction: string | null): boolean {
  return satisfaction !== null && (SATISFIED_RESULTS as readonly string[]).includes(satisfaction);
}

/**
 * 重复投诉: a case flagged at intake as repeating an open one counts as a repeat only while the two agree on
 * their routing attributes (domain/case-duplicates.ts): 表前 and 表后 are two problems, not one told twice.
 */
export function countsAsRepeat(
  attributes: Readonly<Record<string, unknown>>,
  repeatedAttributes: Readonly<Record<string, unknown>>,
): boolean {
  return attributesAgree(attributes, repeatedAttributes);
}

/** What one SQL aggregate counts per group; every rate is built from these. */
export interface KpiCounts {
  total: number; // cases created in the period
  proactive: number; // of which found by inspection (cases.proactive = 1)
  accepted: number; // accepted_ontime not null (受理 happened)
  acceptedOnTime: number; // accepted_ontime = 1
  closed: number; // ontime not null (结案 happened)
  closedOnTime: number; // ontime = 1
  resolvedKnown: number; // resolved not null (a handler reported back)
  resolved: number; // resolved = 1
  revisited: number; // satisfaction not null (回访 happened)
  satisfied: number; // satisfaction in SATISFIED_RESULTS
  repeats: number; // duplicate_of_id not null and countsAsRepeat (重复投诉)
  parked: number; // status 'parked' (挂账)
  /** arrived_ontime not null: on site, or the on-site deadline passed first (到场 clock measured). */
  arrivalsDue?: number;
  arrivedOnTime?: number; // arrived_ontime = 1
}

export interface KpiRates {
  discoveryRate: number | null; // 发现率 = proactive / total
  acceptedOnTimeRate: number | null; // 受理及时率 = acceptedOnTime / accepted
  onTimeRate: number | null; // 按时办结率 = closedOnTime / closed
  resolutionRate: number | null; // 解决率 = resolved / resolvedKnown
  satisfactionRate: number | null; // 满意率 = satisfied / revisited
  repeatRate: number | null; // 重复投诉率 = repeats / total
  arrivalOnTimeRate: number | null; // 到场及时率 = arrivedOnTime / arrivalsDue
}

const checkCount = (n: number, what: string) => {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer: ${n}`);
};

/** numerator / denominator rounded to 4 decimals; null when the denominator is 0. */
export function rate(numerator: number, denominator: number): number | null {
  checkCount(numerator, 'numerator');
  checkCount(denominator, 'denominator');
  if (numerator > denominator) {
    throw new RangeError(`numerator ${numerator} exceeds denominator ${denominator}`);
  }
  if (denominator === 0) return null;
  return Math.round((numerator / denominator) * 10_000) / 10_000;
}

export const discoveryRate = (c: KpiCounts) => rate(c.proactive, c.total);
export const acceptedOnTimeRate = (c: KpiCounts) => rate(c.acceptedOnTime, c.accepted);
export const onTimeRate = (c: KpiCounts) => rate(c.closedOnTime, c.closed);
export const resolutionRate = (c: KpiCounts) => rate(c.resolved, c.resolvedKnown);
export const satisfactionRate = (c: KpiCounts) => rate(c.satisfied, c.revisited);
export const repeatRate = (c: KpiCounts) => rate(c.repeats, c.total);
/**
 * 到场及时率 (issue 9 §8): of the cases with an on-site clock that came due — the handler arrived, or the deadline
 * (counted from the dispatch, 拆违规定 Art 7) passed first — the share on site by the deadline.
 */
export const arrivalOnTimeRate = (c: KpiCounts) => rate(c.arrivedOnTime ?? 0, c.arrivalsDue ?? 0);

export function kpiRates(c: KpiCounts): KpiRates {
  return {
    discoveryRate: discoveryRate(c),
    acceptedOnTimeRate: acceptedOnTimeRate(c),
    onTimeRate: onTimeRate(c),
    resolutionRate: resolutionRate(c),
    satisfactionRate: satisfactionRate(c),
    repeatRate: repeatRate(c),
    arrivalOnTimeRate: arrivalOnTimeRate(c),
  };
}

/** One case as the KPI rules see it (for counting in memory, e.g. tests and small reports). */
export interface KpiCase {
  proactive: boolean;
  acceptedOnTime: boolean | null;
  onTime: boolean | null;
  resolved: boolean | null;
  satisfaction: string | null;
  duplicate: boolean; // flagged at intake (duplicate_of_id)
  attributes?: Readonly<Record<string, unknown>>;
  duplicateAttributes?: Readonly<Record<string, unknown>>; // of the case it repeats
  status: string;
  /** On site by the deadline (true), late or not there when it passed (false), no on-site clock (null). */
  arrivedOnTime?: boolean | null;
}

/** The counts of a set of cases: the reference the SQL aggregate must agree with. */
export function countCases(cases: readonly KpiCase[]): KpiCounts {
  const c: KpiCounts = {
    total: 0,
    proactive: 0,
    accepted: 0,
    acceptedOnTime: 0,
    closed: 0,
    closedOnTime: 0,
    resolvedKnown: 0,
    resolved: 0,
    revisited: 0,
    satisfied: 0,
    repeats: 0,
    parked: 0,
    arrivalsDue: 0,
    arrivedOnTime: 0,
  };
  for (const k of cases) {
    c.total++;
    if (k.proactive) c.proactive++;
    if (k.acceptedOnTime !== null) c.accepted++;
    if (k.acceptedOnTime) c.acceptedOnTime++;
    if (k.onTime !== null) c.closed++;
    if (k.onTime) c.closedOnTime++;
    if (k.resolved !== null) c.resolvedKnown++;
    if (k.resolved) c.resolved++;
    if (k.satisfaction !== null) c.revisited++;
    if (countsAsSatisfied(k.satisfaction)) c.satisfied++;
    if (k.duplicate && countsAsRepeat(k.attributes ?? {}, k.duplicateAttributes ?? {})) c.repeats++;
    if (k.status === 'parked') c.parked++;
    if (k.arrivedOnTime !== undefined && k.arrivedOnTime !== null) c.arrivalsDue!++;
    if (k.arrivedOnTime) c.arrivedOnTime!++;
  }
  return c;
}

// ---------------------------------------------------------------------------------------------------
// Periods: Shanghai calendar dates → UTC instants

/**
 * The half-open UTC interval [fromIso, toIso) covering the Shanghai dates `from` … `to` (both inclusive),
 * as ISO strings comparable with stored timestamps. Throws a RangeError when `from` is after `to`.
 */
export function shanghaiPeriod(from: string, to: string): { fromIso: string; toIso: string } {
  const start = startOfShanghaiDay(from).getTime();
  const end = endOfShanghaiDay(to).getTime();
  if (end <= start) throw new RangeError(`the period starts (${from}) after it ends (${to})`);
  return { fromIso: new Date(start).toISOString(), toIso: new Date(end).toISOString() };
}

// ---------------------------------------------------------------------------------------------------
// Campaign (集中整治) progress

/** Finished by 结案 (and possibly 回访): what counts towards a campaign's target. */
export const CAMPAIGN_CLOSED_STATUSES = ['closed', 'revisited'] as const;
/** Finished without being handled as a case of their own: neither open nor closed. */
export const CAMPAIGN_OTHER_STATUSES = ['declined', 'merged'] as const;

export interface CampaignProgress {
  total: number;
  open: number; // still to be handled (incl. suspended and parked)
  closed: number;
  other: number; // declined or merged
  byStatus: Record<string, number>;
  /** closed / target in percent, one decimal; may exceed 100. */
  percentOfTarget: number;
}

export function campaignProgress(
  byStatus: Readonly<Record<string, number>>,
  target: number,
): CampaignProgress {
  if (!Number.isSafeInteger(target) || target < 1) throw new RangeError(`target must be ≥ 1: ${target}`);
  let total = 0;
  let closed = 0;
  let other = 0;
  for (const [status, n] of Object.entries(byStatus)) {
    checkCount(n, `count of ${status}`);
    total += n;
    if ((CAMPAIGN_CLOSED_STATUSES as readonly string[]).includes(status)) closed += n;
    else if ((CAMPAIGN_OTHER_STATUSES as readonly string[]).includes(status)) other += n;
  }
  return {
    total,
    open: total - closed - other,
    closed,
    other,
    byStatus: { ...byStatus },
    percentOfTarget: Math.round((closed / target) * 1000) / 10,
  };
}
