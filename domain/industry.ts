// The property-service industry's day counts: a service contract is filed (备案) with the housing authority within
// 30 days of signing (《上海市住宅物业管理规定》第四十四条), counted as 民法典 Arts 201–203 count (the signing day not
// counted, a last day off moves to the next working day); a correction (修正) is checked within 5 working days of
// acceptance (the 2023 credit measures, RULES.md §7). Days come only from domain/calendar.ts.
import {
  addDays,
  addDuration,
  shanghaiDate,
  startOfShanghaiDay,
  statutoryDeadline,
  type BusinessCalendar,
} from './calendar.js';

export const FILING_DAYS = 30;
export const FILING_CITATION = '《上海市住宅物业管理规定》第四十四条';
export const CORRECTION_WORKING_DAYS = 5;

/** The last day to file a contract signed on `signedOn`. */
export const filingDueOn = (cal: BusinessCalendar, signedOn: string) =>
  statutoryDeadline(cal, signedOn, FILING_DAYS, 'd').lastDay;

export type FilingState = 'filed' | 'filed_late' | 'due' | 'overdue' | 'unsigned';

/** Where a contract's filing stands on `today`. */
export function filingState(
  cal: BusinessCalendar,
  c: { signedOn: string | null; filedOn: string | null },
  today: string,
): { state: FilingState; dueOn: string | null } {
  if (!c.signedOn) return { state: 'unsigned', dueOn: null };
  const dueOn = filingDueOn(cal, c.signedOn);
  if (c.filedOn) return { state: c.filedOn <= dueOn ? 'filed' : 'filed_late', dueOn };
  return { state: today > dueOn ? 'overdue' : 'due', dueOn };
}

/** The last day the district decides a correction accepted on `acceptedOn`: the 5th working day after it. */
export function correctionDecisionDueOn(cal: BusinessCalendar, acceptedOn: string): string {
  const end = addDuration(cal, startOfShanghaiDay(acceptedOn), {
    amount: CORRECTION_WORKING_DAYS,
    unit: 'wd',
  });
  return shanghaiDate(new Date(end.getTime() - 1));
}

/** A contract ending within this many days is flagged for renewal or handover (a product choice, not a rule). */
export const EXPIRY_ALERT_DAYS = 90;

/** Whether a contract's term ends within EXPIRY_ALERT_DAYS of `today` (today itself included; ended = not). */
export function expiresSoon(endsOn: string | null, today: string): boolean {
  if (!endsOn || endsOn < today) return false;
  return endsOn <= addDays(today, EXPIRY_ALERT_DAYS);
}
