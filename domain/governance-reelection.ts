// A committee that stops working, and the early re-election (提前换届改选) — 《上海市住宅物业管理规定》 Art 32 ¶2–3 —
// as pure rules. No I/O; dates 'YYYY-MM-DD' in Shanghai.
//
// Art 32 ¶2: "业主委员会出现下列情形之一时，乡、镇人民政府或者街道办事处应当组织召开业主大会会议；业主大会应当启动提前换届
// 改选程序：（一）业主委员会委员人数不足半数的；（二）业主委员会连续六个月未开展工作的；…"
// Art 32 ¶3: "业主大会决定对业主委员会提前换届改选的，乡、镇人民政府或者街道办事处应当依法组建换届改选小组…"
//
// So: (二) "未开展工作" — work is any of the committee's acts the system records, not only its meetings: a meeting
// held, a filing handed in (备案, 变更备案), an assembly decision it convened (notice posted, closed, result posted)
// and a notice it posted (names, resolutions). The street's duty when a ground holds is to CONVENE the assembly;
// the 换届改选小组 of an early re-election is formed only after the assembly has decided so (a passed decision
// on 'early_reelection'). The days the street is given for either step are not in the law: product defaults.
import { addMonths, statutoryDeadline, type BusinessCalendar } from './calendar.js';
import { PERIODS } from './governance.js';

/** The street convenes the assembly within 30 days of the ground being found (product default). */
export const EARLY_REELECTION_MEETING = {
  amount: 30,
  unit: 'd',
  ref: '《规定》 Art 32 ¶2 (product default)',
} as const;
/** After the assembly decided so, the street forms the group within 60 days (product default, as Art 28 ¶1). */
export const EARLY_REELECTION_GROUP = {
  amount: 60,
  unit: 'd',
  ref: '《规定》 Art 32 ¶3 (product default)',
} as const;

/** The committee's recorded acts that count as work (Art 32 ¶2 (二)); any may be null (none yet). */
export interface CommitteeWork {
  lastMeetingOn: string | null;
  lastFilingOn: string | null;
  lastDecisionOn: string | null;
  lastNoticeOn: string | null;
}

/** The last day the committee worked: the latest of its acts, and never before its election. */
export function lastWorkOn(electedOn: string, w: CommitteeWork): string {
  let last = electedOn;
  for (const d of [w.lastMeetingOn, w.lastFilingOn, w.lastDecisionOn, w.lastNoticeOn]) {
    if (d !== null && d > last) last = d;
  }
  return last;
}

/** Art 32 ¶2 (二): "连续六个月未开展工作" holds on `today` when six months have passed since the last work. */
export function inactiveSixMonths(lastWork: string, today: string): boolean {
  return today > addMonths(lastWork, PERIODS.inactivity.amount);
}

export type EarlyReelectionStage =
  | 'none' // no ground of Art 32 ¶2
  | 'convene' // a ground holds: the street convenes the assembly (¶2)
  | 'rejected' // the assembly decided against an early re-election
  | 'form_group' // the assembly decided so: the street forms the 换届改选小组 (¶3)
  | 'group_formed';

export function earlyReelectionStage(f: {
  grounds: readonly string[];
  /** The latest closed assembly decision on 'early_reelection' since the committee was elected. */
  decision: { passed: boolean } | null;
  groupFormed: boolean;
}): EarlyReelectionStage {
  if (f.groupFormed) return 'group_formed';
  if (f.decision?.passed) return 'form_group';
  if (f.grounds.length === 0) return 'none';
  return f.decision ? 'rejected' : 'convene';
}

/**
 * Why the street may form a 换届改选小组 now: the committee's report five months ahead or the term's last five
 * months (Art 28 ¶1–2), or the assembly's decision on an early re-election (Art 32 ¶3). A ground of Art 32 ¶2
 * alone is not enough: the assembly decides first.
 */
export function reelectionGroupBasis(f: {
  reported: boolean;
  reelectionReminder: boolean;
  earlyStage: EarlyReelectionStage;
}): 'art28' | 'art32' | null {
  if (f.reported || f.reelectionReminder) return 'art28';
  if (f.earlyStage === 'form_group') return 'art32';
  return null;
}

/**
 * Once the term has ended (Art 28 ¶2: the street forms the group at the owners' written request) the law names no
 * day for the election: 90 days from the group's formation is a product default (decision 0009), not Art 28.
 */
export const EXPIRED_TERM_ELECTION = {
  amount: 90,
  unit: 'd',
  ref: '《规定》 Art 28 ¶2 (product default)',
} as const;

/**
 * When the 换届改选小组 must have the next committee elected: before the term ends (Art 28 ¶1; an early
 * re-election, Art 32 ¶3, keeps that day), or, when the group is formed after the term ended, the product default.
 */
export function reelectionElectionDue(
  cal: BusinessCalendar,
  f: { termEndsOn: string; groupOn: string },
): { dueOn: string; legalRef: string } {
  if (f.termEndsOn >= f.groupOn) return { dueOn: f.termEndsOn, legalRef: '《规定》 Art 28 ¶1, Art 32 ¶3' };
  return {
    dueOn: statutoryDeadline(cal, f.groupOn, EXPIRED_TERM_ELECTION.amount).lastDay,
    legalRef: EXPIRED_TERM_ELECTION.ref,
  };
}
