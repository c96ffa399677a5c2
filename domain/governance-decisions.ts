// Owners' decisions (业主共同决定) as pure rules beside ./vote-tally.ts (which counts): the notice before a
// meeting opens, the comparisons behind a result, its publication, who counts as a unit's owner in a vote
// (区分所有权解释 Arts 1, 9) and the window to challenge a decision (Art 12). No I/O.
import {
  addDays,
  shanghaiDate,
  statutoryDeadline,
  type BusinessCalendar,
  type StatutoryDeadline,
} from './calendar.js';
import { PERIODS, type GovProblem } from './governance.js';
import type { TallyResult } from './vote-tally.js';

export const DECISION_METHODS = ['meeting', 'written'] as const;
export type DecisionMethod = (typeof DECISION_METHODS)[number];

/**
 * A 业主大会 meeting (either form, 《规定》 Art 18) is notified to all owners at least 15 days before it opens
 * (《物业管理条例》 Art 14): the opening day must be ≥ notice day + 15. The window must be non-empty.
 */
export function decisionWindowProblems(input: {
  noticePostedOn: string;
  opensAt: Date;
  closesAt: Date;
  today: string;
}): GovProblem[] {
  const problems: GovProblem[] = [];
  if (input.closesAt.getTime() <= input.opensAt.getTime()) problems.push({ code: 'decision_window_empty' });
  if (input.noticePostedOn > input.today) problems.push({ code: 'decision_notice_in_future' });
  const opensOn = shanghaiDate(input.opensAt);
  const earliest = addDays(input.noticePostedOn, PERIODS.preMeetingNotice.amount);
  if (opensOn < earliest) {
    problems.push({
      code: 'decision_notice_too_short',
      params: { earliest, days: PERIODS.preMeetingNotice.amount },
    });
  }
  return problems;
}

/** A fraction of a base that an actual figure is compared with (≥ for 以上, > for 过半数). */
export interface ThresholdCheck {
  key: 'quorum_area' | 'quorum_persons' | 'approval_area' | 'approval_persons';
  /** e.g. { num: 2, den: 3 } */
  num: number;
  den: number;
  /** true: strictly more than (过半数); false: at least (以上). */
  strict: boolean;
  actual: bigint;
  base: bigint;
  /** The smallest actual value that satisfies the check (exact; centi-m² or persons). */
  required: bigint;
  met: boolean;
}

/** The smallest integer x with x ≥ num/den·base (strict: x > num/den·base). */
export function requiredFor(num: number, den: number, base: bigint, strict: boolean): bigint {
  const n = BigInt(num) * base;
  const d = BigInt(den);
  if (strict) return n / d + 1n;
  return (n + d - 1n) / d;
}

/**
 * The four comparisons behind a tally result (民法典 Art 278 ¶2), for showing the arithmetic. The verdicts
 * (quorumMet, passed) stay those of tallyVote; these checks are consistent with them by construction
 * (x ≥ ⌈a·b/c⌉ ⇔ c·x ≥ a·b for integers).
 */
export function thresholdChecks(r: TallyResult): ThresholdCheck[] {
  const three = r.rule === 'three_quarters';
  const mk = (
    key: ThresholdCheck['key'],
    num: number,
    den: number,
    strict: boolean,
    actual: bigint,
    base: bigint,
  ): ThresholdCheck => {
    const required = requiredFor(num, den, base, strict);
    return { key, num, den, strict, actual, base, required, met: actual >= required };
  };
  return [
    mk('quorum_area', 2, 3, false, r.participatingArea, r.totalArea),
    mk('quorum_persons', 2, 3, false, BigInt(r.participatingPersons), BigInt(r.totalPersons)),
    three
      ? mk('approval_area', 3, 4, false, r.yesArea, r.participatingArea)
      : mk('approval_area', 1, 2, true, r.yesArea, r.participatingArea),
    three
      ? mk('approval_persons', 3, 4, false, BigInt(r.yesPersons), BigInt(r.participatingPersons))
      : mk('approval_persons', 1, 2, true, BigInt(r.yesPersons), BigInt(r.participatingPersons)),
  ];
}

/**
 * An assembly decision's result is posted "及时" (《规定》 Art 27 ¶2): within 3 days, a product default
 * (PERIODS.decisionResultNotice) — the committee's own decisions have the law's 3 days (Art 26 ¶3).
 */
export function publicationDue(cal: BusinessCalendar, closedOn: string): StatutoryDeadline {
  return statutoryDeadline(cal, closedOn, PERIODS.decisionResultNotice.amount);
}

// ---------------------------------------------------------------------------------------------------------
// Who counts as the owner of a unit in a vote — 区分所有权解释 Arts 1, 9

export interface UnitOwnershipFacts {
  deliveredOn: string | null;
  owners: readonly { id: string; kind: 'person' | 'organisation' | 'developer' }[];
}

/**
 * The owner key a unit is counted under on `asOf`: the developer for unsold units (only the developer
 * recorded, or nobody) and for sold-but-undelivered units (no delivery date on or before asOf) — all of them
 * together are ONE person (解释 Art 9); otherwise the buyer. The developer is the one recorded on the unit,
 * else `developerKey` (the compound's developer). Co-owners of one unit are one person: the smallest
 * owner id among them stands for the unit (so a co-owner's other units merge with it).
 */
export function voteOwnerOf(
  unit: UnitOwnershipFacts,
  asOf: string,
  developerKey: string,
): { key: string; developer: boolean } {
  const buyers = unit.owners
    .filter((o) => o.kind !== 'developer')
    .map((o) => o.id)
    .sort();
  const delivered = unit.deliveredOn !== null && unit.deliveredOn <= asOf;
  if (buyers.length > 0 && delivered) return { key: buyers[0], developer: false };
  const developers = unit.owners
    .filter((o) => o.kind === 'developer')
    .map((o) => o.id)
    .sort();
  return { key: developers[0] ?? developerKey, developer: true };
}

// The window to challenge a decision (区分所有权解释 Art 12): ./governance-challenge.ts.
