// Owners' self-governance rules (业主大会 / 业主委员会) as pure functions. No I/O; dates are 'YYYY-MM-DD'
// strings in Shanghai, areas integer centi-m² (./area.ts). Counting of votes is NOT here: it is
// ./vote-tally.ts (tallyVote); this file only presents its result (thresholdChecks).
//
// Sources (see /work/shared/domain/RULES.md §1–§2 and §10; statute texts in /work/shared/domain/laws/):
// - 民法典 Arts 200–204 (periods): a period in days/months/years starts the day AFTER the event (Art 201); a
//   month/year period ends on the corresponding day, or the month's last day when there is none (Art 202);
//   a last day on a statutory day off (法定休假日) moves to the next day that is not one (Art 203 ¶1); the
//   period ends at 24:00 of its last day (Art 203 ¶2). Weekends count as 法定休假日 (公休日) here, 调休
//   working weekends do not.
// - 民法典 Art 1259: "以上 / 以下 / 以内 / 届满" INCLUDE the number; "不满 / 超过" exclude it.
// - 《上海市住宅物业管理规定》 (2020-12-30) Art 13 (trigger), 14 (developer report 30 days), 15 (筹备组 within
//   60 days, odd, owners ≥ 1/2, led by the street's representative; member list posted within 7 days), 16
//   (materials posted ≥ 15 days before the first meeting, objections recorded and answered; first meeting
//   within 90 days), 20 (committee ≥ 5 and odd, 3 when the compound's building area is 10,000 m² 以下;
//   term 3–5 years; eligibility; written undertaking), 21 (names posted within 3 days), 23/34 (备案 within
//   30 days, street completes within 20), 26 (meetings at least every 2 months; quorum and decisions =
//   more than half of ALL members; decisions posted within 3 days), 28 (换届 report 5 months before
//   expiry, 换届改选小组 within 60 days, election before expiry), 31 (membership ending), 32 (by-election,
//   early re-election), 国务院《物业管理条例》 Art 14 (业主大会 notice ≥ 15 days before).
import {
  addDays,
  addMonths,
  addYears,
  endOfShanghaiDay,
  statutoryDeadline,
  type BusinessCalendar,
  type PeriodUnit,
  type StatutoryDeadline,
} from './calendar.js';
import type { Matter } from './vote-tally.js';

// ---------------------------------------------------------------------------------------------------------
// Calendar dates and statutory periods: all of it is ./calendar.ts (民法典 Arts 201–203 there).

/** Statutory periods of the process, in one table (amount + unit; "before" periods count backwards). */
export const PERIODS = {
  developerReport: { amount: 30, unit: 'd', ref: '《规定》 Art 14' },
  preparatoryGroup: { amount: 60, unit: 'd', ref: '《规定》 Art 15 ¶1' },
  memberListNotice: { amount: 7, unit: 'd', ref: '《规定》 Art 15 ¶1' },
  preMeetingNotice: { amount: 15, unit: 'd', ref: '《规定》 Art 16 ¶2; 《物业管理条例》 Art 14' },
  firstMeeting: { amount: 90, unit: 'd', ref: '《规定》 Art 16 ¶3' },
  electionNotice: { amount: 3, unit: 'd', ref: '《规定》 Art 21 ¶2' },
  committeeFiling: { amount: 30, unit: 'd', ref: '《规定》 Art 23 ¶1' },
  filingDecision: { amount: 20, unit: 'd', ref: '《规定》 Art 34' },
  resolutionNotice: { amount: 3, unit: 'd', ref: '《规定》 Art 26 ¶3' },
  /** Art 27 ¶2 says only "及时公布" for the assembly's decisions: the 3 days are the product's choice. */
  decisionResultNotice: { amount: 3, unit: 'd', ref: '《规定》 Art 27 ¶2 (product default)' },
  meetingInterval: { amount: 2, unit: 'm', ref: '《规定》 Art 26 ¶1' },
  inactivity: { amount: 6, unit: 'm', ref: '《规定》 Art 32 ¶2 (二)' },
  reelectionReport: { amount: 5, unit: 'm', ref: '《规定》 Art 28 ¶1' },
  reelectionGroup: { amount: 60, unit: 'd', ref: '《规定》 Art 28 ¶1' },
  twoYearsAfterFirstDelivery: { amount: 2, unit: 'y', ref: '《规定》 Art 13 ¶2' },
  recordsHandover: { amount: 10, unit: 'd', ref: '《规定》 Art 29 ¶1' },
  recordsReturn: { amount: 10, unit: 'd', ref: '《规定》 Art 29 ¶2' },
  changeFiling: { amount: 30, unit: 'd', ref: '《规定》 Art 33 ¶1' },
  changeFilingDecision: { amount: 20, unit: 'd', ref: '《规定》 Art 34' },
  challengeWindow: { amount: 1, unit: 'y', ref: '区分所有权解释 Art 12; 民法典 Art 280 ¶2' },
} as const satisfies Record<string, { amount: number; unit: PeriodUnit; ref: string }>;

/**
 * The latest day a notice may be posted for an event on `eventOn` when it must be posted `days` days before
 * ("十五日前"): eventOn − days. Backward periods do not move over days off.
 */
export function latestNoticeDay(eventOn: string, days: number): string {
  return addDays(eventOn, -days);
}

// ---------------------------------------------------------------------------------------------------------
// Problems (machine codes; the server localises them)

export interface GovProblem {
  code: string;
  params?: Record<string, string | number>;
}

// ---------------------------------------------------------------------------------------------------------
// Assembly formation trigger — 《规定》 Art 13 ¶2

export interface TriggerInput {
  /** Sum of every unit's area in the compound (registered ?? surveyed ?? contract), centi-m². */
  totalArea: number;
  /** Sold AND delivered units (a delivery date and an owner other than the developer): date + area. */
  soldDelivered: readonly { on: string; area: number }[];
  /** The compound's first delivery (首套房屋交付); null when unknown. */
  firstDeliveryOn: string | null;
  today: string;
}

export interface TriggerResult {
  met: boolean;
  /** Which condition was met first ('area' on a tie). */
  kind: 'area' | 'two_years' | null;
  /** The day the duty arose (the earlier of the two conditions), null when not met. */
  on: string | null;
  soldDeliveredArea: number;
  totalArea: number;
  /** 2·soldDelivered ≥ total ("达到百分之五十以上" includes 50 %). */
  areaMet: boolean;
  /** The delivery date on which the sold-and-delivered area first reached half, from today's ownership. */
  areaReachedOn: string | null;
  /** First delivery + 2 years (届满, 民法典 Art 202). */
  twoYearsOn: string | null;
}

/**
 * Whether the first 业主大会 is due (《规定》 Art 13 ¶2): sold-and-delivered building area ≥ 50 % of the
 * total, or 2 years since the first delivery. The area date is reconstructed from delivery dates with
 * today's ownership (a unit the developer still holds never counts).
 */
export function assemblyTrigger(input: TriggerInput): TriggerResult {
  const deliveries = input.soldDelivered
    .filter((d) => d.on <= input.today)
    .sort((a, b) => (a.on < b.on ? -1 : 1));
  let sold = 0;
  let reachedOn: string | null = null;
  for (const d of deliveries) {
    sold += d.area;
    if (reachedOn === null && input.totalArea > 0 && 2 * sold >= input.totalArea) reachedOn = d.on;
  }
  const areaMet = reachedOn !== null;
  const twoYearsOn = input.firstDeliveryOn
    ? addYears(input.firstDeliveryOn, PERIODS.twoYearsAfterFirstDelivery.amount)
    : null;
  const yearsMet = twoYearsOn !== null && twoYearsOn <= input.today;
  let kind: TriggerResult['kind'] = null;
  let on: string | null = null;
  if (areaMet && (!yearsMet || reachedOn! <= twoYearsOn!)) {
    kind = 'area';
    on = reachedOn;
  } else if (yearsMet) {
    kind = 'two_years';
    on = twoYearsOn;
  }
  return {
    met: kind !== null,
    kind,
    on,
    soldDeliveredArea: sold,
    totalArea: input.totalArea,
    areaMet,
    areaReachedOn: reachedOn,
    twoYearsOn,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Formation steps — 《规定》 Arts 14–16

export const FORMATION_STEPS = [
  'developer_report', // 建设单位书面报告 (or the owners' written request) — 30 days after the trigger
  'preparatory_group', // 街镇组建筹备组 — 60 days after the report / request
  'member_list_notice', // 筹备组成员名单公告 — 7 days after formation
  'pre_meeting_notice', // 首次会议事项公告 — at least 15 days before the first meeting
  'first_meeting', // 首次业主大会会议 — 90 days after formation
] as const;
export type FormationStep = (typeof FORMATION_STEPS)[number];

/** The last day of a formation step, from the date of the event that starts it. */
export function formationStepDue(
  cal: BusinessCalendar,
  step: FormationStep,
  from: string,
): StatutoryDeadline {
  switch (step) {
    case 'developer_report':
      return statutoryDeadline(cal, from, PERIODS.developerReport.amount);
    case 'preparatory_group':
      return statutoryDeadline(cal, from, PERIODS.preparatoryGroup.amount);
    case 'member_list_notice':
      return statutoryDeadline(cal, from, PERIODS.memberListNotice.amount);
    case 'first_meeting':
      return statutoryDeadline(cal, from, PERIODS.firstMeeting.amount);
    case 'pre_meeting_notice': {
      // `from` is the (planned) meeting day: the notice must be up 15 days before; no holiday move backwards.
      const last = latestNoticeDay(from, PERIODS.preMeetingNotice.amount);
      return { lastDay: last, nominalLastDay: last, endsAt: endOfShanghaiDay(last) };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Working groups: 筹备组 (Art 15) and 换届改选小组 (Art 28)

export const GROUP_ROLES = ['owner', 'developer', 'street', 'residents_committee'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

export interface GroupMemberFacts {
  name: string;
  role: GroupRole;
  leader: boolean;
  /** Owner representatives: the Art 20 ¶2 disqualifications found for them (empty = eligible). */
  disqualifications?: readonly string[];
}

/**
 * Composition problems of a 筹备组 ('preparatory', Art 15 ¶2: owners, developer, street, residents' committee)
 * or a 换届改选小组 ('reelection', Art 28 ¶3: owners, street, residents' committee — no developer): every named
 * party represented, odd size, owner representatives ≥ half and eligible under Art 20 ¶2, exactly one leader
 * who is the street's representative.
 */
export function checkWorkingGroup(
  kind: 'preparatory' | 'reelection',
  members: readonly GroupMemberFacts[],
): GovProblem[] {
  const problems: GovProblem[] = [];
  const size = members.length;
  const owners = members.filter((m) => m.role === 'owner').length;
  if (size === 0 || size % 2 === 0) problems.push({ code: 'group_size_even', params: { size } });
  if (2 * owners < size) problems.push({ code: 'group_owner_share', params: { owners, size } });
  if (!members.some((m) => m.role === 'street')) problems.push({ code: 'group_street_missing' });
  // Arts 15 ¶2 and 28 ¶3 name the residents' committee's representative in both groups, and the developer's in
  // the 筹备组 only: their presence is part of the composition, not only the size and the owners' half.
  if (!members.some((m) => m.role === 'residents_committee')) problems.push({ code: 'group_rc_missing' });
  if (kind === 'preparatory' && !members.some((m) => m.role === 'developer')) {
    problems.push({ code: 'group_developer_missing' });
  }
  const leaders = members.filter((m) => m.leader);
  if (leaders.length !== 1) problems.push({ code: 'group_leader_count', params: { count: leaders.length } });
  else if (leaders[0].role !== 'street') problems.push({ code: 'group_leader_not_street' });
  if (kind === 'reelection' && members.some((m) => m.role === 'developer')) {
    problems.push({ code: 'group_developer_not_allowed' });
  }
  for (const m of members) {
    if (m.role === 'owner' && m.disqualifications && m.disqualifications.length > 0) {
      problems.push({
        code: 'group_owner_ineligible',
        params: { name: m.name, reasons: m.disqualifications.join(',') },
      });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Committee composition and term — 《规定》 Art 20

/** 10,000 m² in centi-m². "建筑面积在一万平方米以下" includes 10,000 m² itself (民法典 Art 1259). */
export const SMALL_COMPOUND_MAX_AREA = 10_000 * 100;

/**
 * Seats allowed (《规定》 Art 20 ¶1): 5 or more and odd; 3 also when the compound's building area is at most
 * 10,000 m². An area not recorded (stored as 0) is not a small compound: 3 seats need the area on record.
 */
export function committeeSizeProblem(seats: number, buildingArea: number): GovProblem | null {
  if (!Number.isSafeInteger(seats) || seats < 1) return { code: 'committee_size_invalid', params: { seats } };
  if (seats % 2 === 0) return { code: 'committee_size_even', params: { seats } };
  if (seats >= 5) return null;
  if (seats === 3 && !(buildingArea > 0)) return { code: 'committee_size_area_unknown', params: { seats } };
  if (seats === 3 && buildingArea <= SMALL_COMPOUND_MAX_AREA) return null;
  return { code: 'committee_size_too_small', params: { seats } };
}

export const TERM_YEARS = { min: 3, max: 5 } as const;

export function termProblem(years: number): GovProblem | null {
  return Number.isSafeInteger(years) && years >= TERM_YEARS.min && years <= TERM_YEARS.max
    ? null
    : { code: 'committee_term_invalid', params: { years } };
}

/** The last day of a term elected on `electedOn` (starts the next day; corresponding day, 民法典 Art 202). */
export function termEndsOn(electedOn: string, years: number): string {
  return addYears(electedOn, years);
}

export const POSITIONS = ['chair', 'vice_chair', 'member'] as const;
export type Position = (typeof POSITIONS)[number];

/** One chair (主任); vice-chairs (副主任) optional; every member distinct. */
export function positionProblems(members: readonly { key: string; position: Position }[]): GovProblem[] {
  const problems: GovProblem[] = [];
  const chairs = members.filter((m) => m.position === 'chair').length;
  if (chairs !== 1) problems.push({ code: 'committee_chair_count', params: { count: chairs } });
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.key)) problems.push({ code: 'committee_member_duplicate', params: { key: m.key } });
    seen.add(m.key);
  }
  return problems;
}

// Eligibility (Art 20 ¶2–3): ./governance-eligibility.ts

// ---------------------------------------------------------------------------------------------------------
// Committee meetings — 《规定》 Art 26

/** Quorum: more than half of ALL members present (no proxies). */
export function meetingQuorate(present: number, members: number): boolean {
  return members > 0 && 2 * present > members;
}

/** A committee decision needs the signatures of more than half of ALL members. */
export function resolutionAdopted(signatures: number, members: number): boolean {
  return members > 0 && 2 * signatures > members;
}

export interface MeetingAttendance {
  heldOn: string;
  /** Members expected at the meeting (in office on that day) and who of them was present. */
  expected: readonly string[];
  present: readonly string[];
}

export interface AbsenceRecord {
  memberId: string;
  meetings: number;
  absences: number;
  /** Art 31 (五): absent from half or more ("一半以上", 民法典 Art 1259) of the meetings within one year. */
  flagged: boolean;
}

/** Absences per member over the year ending `today` (meetings held after today − 1 year, up to today). */
export function absenceRecords(
  meetings: readonly MeetingAttendance[],
  memberIds: readonly string[],
  today: string,
): AbsenceRecord[] {
  const from = addYears(today, -1);
  const inYear = meetings.filter((m) => m.heldOn > from && m.heldOn <= today);
  return memberIds.map((id) => {
    let total = 0;
    let absent = 0;
    for (const m of inYear) {
      if (!m.expected.includes(id)) continue;
      total++;
      if (!m.present.includes(id)) absent++;
    }
    return { memberId: id, meetings: total, absences: absent, flagged: total > 0 && 2 * absent >= total };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Committee health: meetings, vacancies, early re-election, 换届 — Arts 26, 28, 32

export interface CommitteeFacts {
  seats: number;
  activeMembers: number;
  electedOn: string;
  termEndsOn: string;
  lastMeetingOn: string | null;
  /**
   * Art 32 ¶2 (二): the last day of any work the system records — meetings, filings, decisions, notices
   * (./governance-reelection.ts lastWorkOn); null = meetings only.
   */
  lastWorkOn: string | null;
  /** A successor committee has been elected (this one is history). */
  succeeded: boolean;
  today: string;
}

export interface CommitteeHealth {
  /** The day by which the next regular meeting is due (2 months after the last one, or the election). */
  nextMeetingDue: string;
  meetingOverdue: boolean;
  vacancies: number;
  /** Art 32 ¶1: members fewer than the seats but more than half → 补选 possible. */
  byElectionAllowed: boolean;
  /** The last day the committee worked (Art 32 ¶2 (二)): six months after it, it is inactive. */
  lastWorkOn: string;
  /** Art 32 ¶2: grounds on which the street must convene the assembly on an early re-election (empty = none). */
  earlyReelection: ('members_below_half' | 'inactive_six_months')[];
  /** Art 28: the committee must report to the street by this day (5 months before expiry). */
  reelectionReportDue: string;
  reelectionReminder: boolean;
  expired: boolean;
}

export function committeeHealth(f: CommitteeFacts): CommitteeHealth {
  const lastActivity = f.lastMeetingOn && f.lastMeetingOn > f.electedOn ? f.lastMeetingOn : f.electedOn;
  const nextMeetingDue = addMonths(lastActivity, PERIODS.meetingInterval.amount);
  const lastWork = f.lastWorkOn && f.lastWorkOn > lastActivity ? f.lastWorkOn : lastActivity;
  const inactiveSince = addMonths(lastWork, PERIODS.inactivity.amount);
  const reelectionReportDue = addMonths(f.termEndsOn, -PERIODS.reelectionReport.amount);
  const early: CommitteeHealth['earlyReelection'] = [];
  if (2 * f.activeMembers < f.seats) early.push('members_below_half');
  if (f.today > inactiveSince) early.push('inactive_six_months');
  return {
    nextMeetingDue,
    meetingOverdue: f.today > nextMeetingDue,
    lastWorkOn: lastWork,
    vacancies: Math.max(0, f.seats - f.activeMembers),
    byElectionAllowed: f.activeMembers < f.seats && 2 * f.activeMembers > f.seats,
    earlyReelection: early,
    reelectionReportDue,
    reelectionReminder: f.today >= reelectionReportDue,
    expired: f.today > f.termEndsOn,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Overview state of a compound

export const GOVERNANCE_STATES = [
  'no_assembly', // no 业主大会 recorded, no formation under way
  'existing_unrecorded', // 既有小区: the Art 13 duty arose before the compound was registered; state not recorded yet
  'forming', // formation (筹备) under way
  'in_term', // a committee in its term
  'term_expiring', // in term, within 5 months of expiry (换届 due)
  'expired', // the term has ended and no successor is recorded
  'dysfunctional', // in term but Art 32 ¶2 conditions for early re-election hold
] as const;
export type GovernanceState = (typeof GOVERNANCE_STATES)[number];

/**
 * 既有小区 (an existing compound): its assembly duty (《规定》 Art 13 ¶2, the trigger) arose before the day the
 * compound was registered in the system (`registeredOn`, its Shanghai date) — e.g. a 1985 estate entered in 2026.
 * Its formation happened, or did not, on paper: the system does not know. So no deadline is counted from that old
 * trigger day (the developer_report task would be decades overdue), and the overview does not call it "no
 * assembly yet"; it is 'existing_unrecorded' until its state is recorded (a formation or a committee). A trigger on
 * or after the registration day is the system's to follow, as for any new compound.
 */
export function isExistingCompound(trigger: Pick<TriggerResult, 'on'>, registeredOn: string): boolean {
  return trigger.on !== null && trigger.on < registeredOn;
}

export function governanceState(input: {
  formationInProgress: boolean;
  committee: Pick<CommitteeHealth, 'expired' | 'earlyReelection' | 'reelectionReminder'> | null;
  /** {@link isExistingCompound}: nothing recorded yet for a compound older than the system. */
  existing?: boolean;
}): GovernanceState {
  const c = input.committee;
  if (!c)
    return input.formationInProgress ? 'forming' : input.existing ? 'existing_unrecorded' : 'no_assembly';
  if (c.expired) return 'expired';
  if (c.earlyReelection.length > 0) return 'dysfunctional';
  if (c.reelectionReminder) return 'term_expiring';
  return 'in_term';
}

// ---------------------------------------------------------------------------------------------------------
// The 换届 freeze — 《规定》 Art 28 ¶4

/**
 * From the forming of the 换届改选小组 until the new committee is elected, the committee may not convene the
 * 业主大会 to decide (Art 28 ¶4): (一) 选聘、解聘物业服务企业; (二) 调整物业收费标准; (三) 除管理规约规定情形之外的物业
 * 维修、更新、改造等重大事项; (四) 其他重大事项. Each frozen matter with the item that freezes it:
 * (一) hire_or_dismiss_manager; (二) adjust_fees (a matter of its own); (三) use_fund, raise_fund, rebuild — unless
 * the repair is one the 管理规约 provides for (the decision names the clause: {@link reelectionFreezeProblem});
 * (四) other_major, change_common_use, adjust_management_area (our reading: major matters the text does not
 * name). Left open: the election itself (the 小组 convenes it), the 议事规则 / 管理规约 and an early re-election.
 */
export const REELECTION_FREEZE: ReadonlyMap<Matter, '一' | '二' | '三' | '四'> = new Map<
  Matter,
  '一' | '二' | '三' | '四'
>([
  ['hire_or_dismiss_manager', '一'],
  ['adjust_fees', '二'],
  ['use_fund', '三'],
  ['raise_fund', '三'],
  ['rebuild', '三'],
  ['other_major', '四'],
  ['change_common_use', '四'],
  ['adjust_management_area', '四'],
]);
export const REELECTION_FROZEN_MATTERS: ReadonlySet<Matter> = new Set(REELECTION_FREEZE.keys());

/** The matters the 业主大会 may not decide now: all frozen ones while a 换届改选小组 works, else none. */
export function frozenMatters(reelectionGroupFormed: boolean): Matter[] {
  return reelectionGroupFormed ? [...REELECTION_FROZEN_MATTERS] : [];
}

/** Matters of item (三) — repairs, renewals, alterations — which a 管理规约 clause can exempt. */
export const STATUTE_EXEMPTABLE: ReadonlySet<Matter> = new Set(
  [...REELECTION_FREEZE].filter(([, item]) => item === '三').map(([m]) => m),
);

/**
 * Art 28 ¶4: a problem when a decision on `matter` would be convened during the freeze. `statuteClause` is the
 * 管理规约 clause that provides for the repair (the "管理规约规定情形" of item (三)); it exempts (三) matters only.
 */
export function reelectionFreezeProblem(
  matter: Matter,
  reelectionGroupFormed: boolean,
  statuteClause: string | null = null,
): GovProblem | null {
  if (statuteClause !== null && !STATUTE_EXEMPTABLE.has(matter)) {
    return { code: 'statute_clause_not_repair', params: { matter } };
  }
  const item = REELECTION_FREEZE.get(matter);
  if (!reelectionGroupFormed || !item) return null;
  if (item === '三' && statuteClause !== null) return null;
  return { code: 'reelection_freeze', params: { matter, item } };
}

// ---------------------------------------------------------------------------------------------------------
// Change filings (变更备案) — 《规定》 Art 33

// Art 33 ¶1: name, area, members, 议事规则, 管理规约; ¶2: 注销备案 when the committee cannot continue (区域调整,
// 房屋灭失 or another cause), also within 30 days.
export const CHANGE_KINDS = [
  'members',
  'rules_of_procedure',
  'management_statute',
  'name',
  'area',
  'deregistration',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A published decision that changes what the committee filed: the change to file, or null. */
export function changeOfDecision(matter: Matter, passed: boolean): ChangeKind | null {
  if (!passed) return null;
  switch (matter) {
    case 'rules_of_procedure':
      return 'rules_of_procedure';
    case 'management_statute':
      return 'management_statute';
    case 'adjust_management_area':
      return 'area';
    default:
      // elect_committee: a new committee files anew (Arts 23, 29); a member replaced or by-elected is
      // recorded on the committee itself and opens its 'members' change there.
      return null;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Owner groups (业主小组) — 《规定》 Art 35

/**
 * Art 35 ¶1: "同一物业管理区域内有两幢以上房屋的，可以以幢、单元为单位成立业主小组。业主小组由该幢、单元的全体业主组成。"
 * A region with two or more buildings may form owner groups per building (幢) or per entrance (单元, as the
 * registry records it on units) — all owners there. Representatives (业主代表) must be owners of that place.
 * One active group per place; a building-wide group and a group of one of its entrances do not stand side by side
 * (their owners would be counted twice — a product default, the law does not say).
 */
export function ownerGroupProblems(input: {
  buildingsInCompound: number;
  /** null = the whole building. */
  entrance: string | null;
  /** The building's entrances recorded in the registry. */
  entrancesInBuilding: readonly string[];
  /** The entrances (null = whole building) of the building's active groups. */
  activeGroupsOnBuilding: readonly (string | null)[];
  representatives: readonly { name: string; ownsInPlace: boolean }[];
}): GovProblem[] {
  const problems: GovProblem[] = [];
  if (input.buildingsInCompound < 2) problems.push({ code: 'owner_group_single_building' });
  if (input.entrance !== null && !input.entrancesInBuilding.includes(input.entrance)) {
    problems.push({ code: 'owner_group_entrance_unknown', params: { entrance: input.entrance } });
  }
  const active = input.activeGroupsOnBuilding;
  if (active.includes(input.entrance)) problems.push({ code: 'owner_group_exists' });
  else if (input.entrance === null ? active.length > 0 : active.includes(null)) {
    problems.push({ code: 'owner_group_overlaps' });
  }
  for (const r of input.representatives) {
    if (!r.ownsInPlace)
      problems.push({ code: 'owner_group_representative_outside', params: { name: r.name } });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Committee filing materials — 《规定》 Art 23 ¶1

export interface FilingMaterials {
  namesPosted: boolean;
  undertakingsSigned: boolean;
  membersTrained: boolean;
}

/** What the 备案 file still lacks (Art 23: member list with undertakings, training records; Art 21 posting). */
export function filingGaps(m: FilingMaterials): ('names_not_posted' | 'undertaking_missing' | 'untrained')[] {
  const gaps: ('names_not_posted' | 'undertaking_missing' | 'untrained')[] = [];
  if (!m.namesPosted) gaps.push('names_not_posted');
  if (!m.undertakingsSigned) gaps.push('undertaking_missing');
  if (!m.membersTrained) gaps.push('untrained');
  return gaps;
}
