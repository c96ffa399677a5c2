// Joint meetings (住宅小区综合管理联席会议) and what they decide: "按照'条块结合、以块为主、属地化管理'的原则，建立市、
// 区(县)、街道(乡镇)三级加强住宅小区综合管理联席会议制度". Pure rules: the level of a joint meeting from its division,
// which cases are hot or difficult enough to put on an agenda (热点、难点), an action item's deadline on the
// working-day calendar and its due state. No I/O.
import { addDays, isValidDate, isWorkingDay, type BusinessCalendar } from './calendar.js';

/** The principle the three-level system is built on (the seed's wording, quoted on the meetings page). */
export const JOINT_MEETING_PRINCIPLE =
  "按照'条块结合、以块为主、属地化管理'的原则，建立市、区(县)、街道(乡镇)三级加强住宅小区综合管理联席会议制度";

export const MEETING_LEVELS = ['city', 'district', 'street'] as const;
export type MeetingLevel = (typeof MEETING_LEVELS)[number];

/** A division code's level: 310000 the city, 6 digits a district, 9 digits a street/town. */
export function levelOfDivision(code: string): MeetingLevel | null {
  if (/^\d{2}0000$/.test(code)) return 'city';
  if (/^\d{6}$/.test(code)) return 'district';
  if (/^\d{9}$/.test(code)) return 'street';
  return null;
}

/** Whether a joint meeting at `upper` is the level above (or the same area as) a place at `lower` — where a request goes. */
export function isAbove(upper: string, lower: string): boolean {
  const u = levelOfDivision(upper);
  if (u === 'city') return lower !== upper;
  return u === 'district' && lower.length > upper.length && lower.startsWith(upper);
}

/** Who attended for a member unit: came in person, sent a named deputy (委派), absent. */
export const ATTENDANCE = ['present', 'deputy', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

// ---------------------------------------------------------------------------------------------------------
// Hot and difficult cases (热点、难点) an agenda may take

export const HOT_REASONS = ['overdue', 'returned', 'disputed', 'parked'] as const;
export type HotReason = (typeof HOT_REASONS)[number];

/** 退单 this many times or more makes a case "returned repeatedly" (decision 0009). */
export const RETURNED_THRESHOLD = 2;

export interface HotCaseFacts {
  status: string;
  /** The case's running deadline (next_due_at), null when none runs. */
  dueAt: string | null;
  /** Each 退单: the organisation that returned it and its reason code. */
  returns: readonly { orgId: string | null; reason: string | null }[];
  /** How many organisations co-handle it (协办). */
  cohandlers: number;
}

const CLOSED = new Set(['declined', 'closed', 'revisited', 'merged']);

/**
 * Why a case is hot or difficult, empty when it is not (or is finished):
 * - overdue: its running deadline has passed (now > dueAt);
 * - returned: returned (退单) RETURNED_THRESHOLD times or more;
 * - disputed: two or more organisations returned it, or a department returned it as not its jurisdiction
 *   while others co-handle it — the departments disagree whose it is (条与条);
 * - parked: on the long-term register (挂账).
 */
export function hotReasons(facts: HotCaseFacts, now: Date): HotReason[] {
  if (CLOSED.has(facts.status)) return [];
  const out: HotReason[] = [];
  if (
    facts.status !== 'parked' &&
    facts.status !== 'suspended' &&
    facts.dueAt &&
    now.toISOString() > facts.dueAt
  )
    out.push('overdue');
  if (facts.returns.length >= RETURNED_THRESHOLD) out.push('returned');
  const returningOrgs = new Set(facts.returns.map((r) => r.orgId).filter((o): o is string => !!o));
  const notOurs = facts.returns.some((r) => r.reason === 'not_our_jurisdiction');
  if (returningOrgs.size >= 2 || (notOurs && facts.cohandlers > 0)) out.push('disputed');
  if (facts.status === 'parked') out.push('parked');
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Action items (督办事项): deadline and due state

/** A deadline is N working days after the meeting (the meeting day not counted) or a date. */
export type DeadlineSpec = { workingDays: number } | { date: string };

/** The N-th working day after `date` (the day itself never counts, as addDuration's `wd`). */
export function workingDaysAfter(cal: BusinessCalendar, date: string, n: number): string {
  let day = date;
  let left = n;
  let guard = 0;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(cal, day)) left -= 1;
    if (++guard > 3660) throw new Error(`the calendar has no working day after ${date}`);
  }
  return day;
}

/** The action item's due date, or null when the spec is invalid (no working days, a date before the meeting). */
export function actionDeadline(cal: BusinessCalendar, meetingOn: string, spec: DeadlineSpec): string | null {
  if ('workingDays' in spec) {
    if (!Number.isSafeInteger(spec.workingDays) || spec.workingDays < 1 || spec.workingDays > 250)
      return null;
    return workingDaysAfter(cal, meetingOn, spec.workingDays);
  }
  if (!isValidDate(spec.date) || spec.date < meetingOn) return null;
  return spec.date;
}

/** A warning starts this many working days before the due date (decision 0009). */
export const ACTION_WARN_WORKING_DAYS = 2;

export type ActionDueState = 'done' | 'ok' | 'warning' | 'overdue';

/**
 * An action item is due by the end (24:00 Shanghai) of its due date: overdue from the next day; a warning
 * once the due date is at most ACTION_WARN_WORKING_DAYS working days away (the due date itself included).
 */
export function actionDueState(
  cal: BusinessCalendar,
  today: string,
  dueOn: string,
  status: string,
): ActionDueState {
  if (status === 'done') return 'done';
  if (today > dueOn) return 'overdue';
  if (today === dueOn || workingDaysAfter(cal, today, ACTION_WARN_WORKING_DAYS) >= dueOn) return 'warning';
  return 'ok';
}

/** Evidence of completion: at least this many characters describing what was done and what proves it. */
export const EVIDENCE_MIN_LENGTH = 10;

export function isSufficientEvidence(text: string): boolean {
  return text.trim().length >= EVIDENCE_MIN_LENGTH;
}
