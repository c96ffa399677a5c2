// Business-calendar math for deadlines in Asia/Shanghai (UTC+8, no daylight saving). Pure; no I/O.
//
// The mainland-China working calendar is the Mon–Fri week, minus public holidays (which can fall on
// weekdays), plus 调休 make-up working days (weekend days declared working). The State Council publishes each
// year's schedule in November; `reference/china-holidays.json` ships the known years.
//
// Dates are 'YYYY-MM-DD' strings (proleptic Gregorian, years 0000–9999). Internally they are converted to
// integer day numbers (days since 1970-01-01) with Howard Hinnant's civil-date algorithms, so no Date
// parsing, no Intl and no local time zone is involved anywhere.
//
// This is the ONE calendar and the ONE Shanghai clock of the code base (server, web and CLI import it):
// - Shanghai instants: shanghaiDate, formatShanghai, shanghaiWallClock / fromShanghaiWallClock,
//   startOfShanghaiDay / endOfShanghaiDay (24:00);
// - calendar-day arithmetic: dayNumber / dateOf, addDays, daysBetween, addMonths / addYears, monthDays;
// - working days: isWorkingDay / isDayOff, addDuration (h / d / wd / mo SLA clocks);
// - statutory periods (民法典 Arts 201–203): statutoryDeadline.

/** Working calendar: `holidays` are days off (even on weekdays); `workdays` are 调休 working weekend days. */
export type BusinessCalendar = { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> };

/**
 * `h` and `d` are elapsed hours / 24-hour days; `wd` are working days; `mo` are calendar months as a
 * statutory period (民法典 Arts 201–203, see {@link addDuration}).
 */
export type Duration = { amount: number; unit: 'h' | 'd' | 'wd' | 'mo' };

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Asia/Shanghai is UTC+8 all year round (no DST since 1991). */
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
/** If this many consecutive days are all off, the calendar is considered broken. */
const MAX_CONSECUTIVE_DAYS_OFF = 3660;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_KEY_RE = /^\d{4}$/;
const DURATION_RE = /^(\d+)(h|d|wd|mo)$/;

// ---------------------------------------------------------------------------------------------------------
// Civil dates <-> day numbers

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12; // March = 0
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Inverse of {@link daysFromCivil}. */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Day number → 'YYYY-MM-DD' (throws RangeError outside years 0000–9999). */
function dateKey(days: number): string {
  const [y, m, d] = civilFromDays(days);
  if (y < 0 || y > 9999) throw new RangeError(`date out of the supported range (years 0000–9999)`);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** 'YYYY-MM-DD' → day number, or undefined if the string is not a real date. */
function parseDateKey(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = DATE_RE.exec(text);
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return daysFromCivil(y, m, d);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

/** True if `date` is a real 'YYYY-MM-DD' calendar date. */
export function isValidDate(date: unknown): date is string {
  return parseDateKey(date) !== undefined;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date; throws a RangeError on anything that is not a real date. */
export function dayNumber(date: string): number {
  const days = parseDateKey(date);
  if (days === undefined) throw new RangeError(`not a valid YYYY-MM-DD date: ${describe(date)}`);
  return days;
}

/** 'YYYY-MM-DD' of a day number (days since 1970-01-01); RangeError outside years 0000–9999. */
export function dateOf(day: number): string {
  if (!Number.isSafeInteger(day)) throw new RangeError(`not a whole day number: ${day}`);
  return dateKey(day);
}

// ---------------------------------------------------------------------------------------------------------
// Calendar-day arithmetic on 'YYYY-MM-DD' dates (no time zone involved)

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}

/** Whole calendar days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * 民法典 Art 202: the corresponding day `months` later (earlier when negative); the last day of the target
 * month when it has no such day (2026-01-31 + 1 month → 2026-02-28).
 */
export function addMonths(date: string, months: number): string {
  dayNumber(date);
  if (!Number.isSafeInteger(months)) throw new RangeError(`not a whole number of months: ${months}`);
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return dateOf(daysFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm))));
}

/** 民法典 Art 202 for years: the corresponding day, 02-28 for 02-29 in a common year. */
export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/** The first and last day of a 'YYYY-MM' month. */
export function monthDays(month: string): { first: string; last: string } {
  const first = `${month}-01`;
  if (!/^\d{4}-\d{2}$/.test(month) || !isValidDate(first)) {
    throw new RangeError(`not a valid YYYY-MM month: ${describe(month)}`);
  }
  return { first, last: addDays(addMonths(first, 1), -1) };
}

// ---------------------------------------------------------------------------------------------------------
// Building calendars from JSON

function asObject(json: unknown, what: string): Record<string, unknown> {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (err) {
      throw new Error(`${what}: not valid JSON (${err instanceof Error ? err.message : String(err)})`, {
        cause: err,
      });
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`${what}: expected a JSON object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

/** Validates one `{"holidays":[...],"workdays":[...]}` object and adds its dates to the two sets. */
function collectFlat(
  obj: Record<string, unknown>,
  where: string,
  holidays: Set<string>,
  workdays: Set<string>,
): void {
  for (const key of Object.keys(obj)) {
    if (key.startsWith('_')) continue;
    if (key !== 'holidays' && key !== 'workdays') {
      throw new Error(`${where}: unknown key ${JSON.stringify(key)} (expected "holidays" and/or "workdays")`);
    }
    const list = obj[key];
    if (!Array.isArray(list)) {
      throw new Error(`${where}: "${key}" must be an array of YYYY-MM-DD dates, got ${describe(list)}`);
    }
    const target = key === 'holidays' ? holidays : workdays;
    list.forEach((date: unknown, i) => {
      if (!isValidDate(date)) {
        throw new Error(`${where}: ${key}[${i}] is not a valid YYYY-MM-DD date: ${describe(date)}`);
      }
      target.add(date);
    });
  }
}

function finish(holidays: Set<string>, workdays: Set<string>, what: string): BusinessCalendar {
  for (const date of holidays) {
    if (workdays.has(date)) throw new Error(`${what}: ${date} is listed both as a holiday and as a workday`);
  }
  return { holidays, workdays };
}

function yearEntries(json: unknown, what: string): [number, Record<string, unknown>][] {
  const root = asObject(json, what);
  const entries: [number, Record<string, unknown>][] = [];
  for (const key of Object.keys(root)) {
    if (key.startsWith('_')) continue;
    if (!YEAR_KEY_RE.test(key)) {
      throw new Error(
        `${what}: unexpected key ${JSON.stringify(key)} (expected four-digit years like "2026")`,
      );
    }
    const value = root[key];
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new Error(
        `${what}: "${key}" must be an object with "holidays" and "workdays", got ${describe(value)}`,
      );
    }
    entries.push([Number(key), value as Record<string, unknown>]);
  }
  return entries.sort((a, b) => a[0] - b[0]);
}

/**
 * Builds a calendar from the shipped multi-year format
 * `{"_source": ..., "2025": {"holidays": [...], "workdays": [...]}, "2026": {...}}`.
 * Keys starting with `_` are ignored (at both levels). Accepts the parsed JSON value (or its text).
 * Throws an Error naming the offending entry when the input is malformed.
 */
export function calendarFromYears(json: unknown): BusinessCalendar {
  const what = 'holiday calendar';
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const [year, obj] of yearEntries(json, what)) {
    collectFlat(obj, `${what}, year ${year}`, holidays, workdays);
  }
  return finish(holidays, workdays, what);
}

/**
 * Builds a calendar from the flat format `{"holidays": [...], "workdays": [...]}`; a missing key means no
 * such days, keys starting with `_` are ignored, any other key is an error. Accepts the parsed JSON value
 * (or its text). Throws an Error naming the offending entry when the input is malformed.
 */
export function calendarFromFile(json: unknown): BusinessCalendar {
  const what = 'calendar file';
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  collectFlat(asObject(json, what), what, holidays, workdays);
  return finish(holidays, workdays, what);
}

/** The years present in the multi-year format, ascending (validates the structure like calendarFromYears). */
export function coveredYears(json: unknown): number[] {
  calendarFromYears(json);
  return yearEntries(json, 'holiday calendar').map(([year]) => year);
}

// ---------------------------------------------------------------------------------------------------------
// Working days

function isWorkingDayNumber(cal: BusinessCalendar, days: number): boolean {
  const key = dateKey(days);
  if (cal.holidays.has(key)) return false;
  if (cal.workdays.has(key)) return true;
  const weekday = (((days + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  return weekday !== 0 && weekday !== 6;
}

/** True if `date` ('YYYY-MM-DD') is a working day. A date listed in both sets counts as a holiday. */
export function isWorkingDay(cal: BusinessCalendar, date: string): boolean {
  const days = parseDateKey(date);
  if (days === undefined) throw new Error(`not a valid YYYY-MM-DD date: ${describe(date)}`);
  return isWorkingDayNumber(cal, days);
}

/**
 * The opposite of {@link isWorkingDay}: a listed holiday, or a weekend day not listed as a 调休 working day.
 * These are the 法定休假日 of 民法典 Art 203 ¶1 (weekends are 公休日; 调休 working weekends are not days off).
 */
export function isDayOff(cal: BusinessCalendar, date: string): boolean {
  return !isWorkingDay(cal, date);
}

// ---------------------------------------------------------------------------------------------------------
// Statutory periods — 民法典 Arts 200–204

/** Unit of a statutory period: calendar days, months or years. */
export type PeriodUnit = 'd' | 'm' | 'y';

export interface StatutoryDeadline {
  /** The last day of the period, after moving off a day off (民法典 Art 203 ¶1). */
  lastDay: string;
  /** The nominal last day before that move (equal to lastDay when it is a working day). */
  nominalLastDay: string;
  /** 24:00 Asia/Shanghai of lastDay, i.e. the next day's 00:00+08:00, as an instant. */
  endsAt: Date;
}

/**
 * The end of a statutory period of `amount` days, months or years counted from the event on `start`:
 * - Art 201: the start day is not counted, so the nominal last day is `start` + amount days, or
 * - Art 202: for months/years the corresponding day (the month's last day when there is none);
 * - Art 203 ¶1: a last day that is a day off ({@link isDayOff}) moves to the next day that is not;
 * - Art 203 ¶2: the period ends at 24:00 of its last day ({@link endOfShanghaiDay}).
 * Throws a RangeError for an amount that is not a positive integer, an Error for a broken calendar (no
 * working day within 3660 days).
 */
export function statutoryDeadline(
  cal: BusinessCalendar,
  start: string,
  amount: number,
  unit: PeriodUnit = 'd',
): StatutoryDeadline {
  if (!Number.isSafeInteger(amount) || amount < 1) throw new RangeError(`invalid period amount ${amount}`);
  const nominal =
    unit === 'd' ? addDays(start, amount) : unit === 'm' ? addMonths(start, amount) : addYears(start, amount);
  let day = dayNumber(nominal);
  for (let daysOff = 0; !isWorkingDayNumber(cal, day); day++) {
    if (++daysOff > MAX_CONSECUTIVE_DAYS_OFF) {
      throw new Error(
        `the calendar has no working day in the ${MAX_CONSECUTIVE_DAYS_OFF} days after ${nominal}`,
      );
    }
  }
  const lastDay = dateKey(day);
  return { lastDay, nominalLastDay: nominal, endsAt: endOfShanghaiDay(lastDay) };
}

// ---------------------------------------------------------------------------------------------------------
// Instants in Shanghai

function checkInstant(instant: Date, what: string): number {
  const t = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(t)) throw new RangeError(`${what}: invalid Date`);
  return t;
}

/** The Shanghai day number of an instant. */
function shanghaiDayNumber(t: number): number {
  return Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The calendar date ('YYYY-MM-DD') of an instant in Asia/Shanghai. */
export function shanghaiDate(instant: Date): string {
  return dateKey(shanghaiDayNumber(checkInstant(instant, 'shanghaiDate')));
}

/** The instant 00:00 Asia/Shanghai of a calendar day (the previous day 16:00Z). */
export function startOfShanghaiDay(date: string): Date {
  return new Date(dayNumber(date) * DAY_MS - SHANGHAI_OFFSET_MS);
}

/** The instant 24:00 Asia/Shanghai of a calendar day, i.e. the next day's 00:00+08:00. */
export function endOfShanghaiDay(date: string): Date {
  return new Date((dayNumber(date) + 1) * DAY_MS - SHANGHAI_OFFSET_MS);
}

/** The Shanghai wall-clock time of an instant, 'YYYY-MM-DDTHH:mm:ss' (milliseconds truncated). */
export function shanghaiWallClock(instant: Date): string {
  return formatShanghai(instant).slice(0, 19);
}

/**
 * A deadline as people say it: its day and the time on that day, where an end at midnight is 24:00 of
 * the day before (民法典 Art 203 ¶2: a period ends at 24:00 of its last day). Weekday 0 = Sunday.
 */
export function deadlineDay(instant: Date): { date: string; weekday: number; time: string } {
  const clock = shanghaiWallClock(instant);
  const midnight = clock.endsWith('T00:00:00');
  const date = midnight ? addDays(clock.slice(0, 10), -1) : clock.slice(0, 10);
  const weekday = (((dayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return { date, weekday, time: midnight ? '24:00' : clock.slice(11, 16) };
}

const WALL_CLOCK_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * The instant of a Shanghai wall-clock time 'YYYY-MM-DDTHH:mm[:ss[.sss]]' (what an
 * `<input type="datetime-local">` gives). Throws a RangeError when it is not a real date and time.
 */
export function fromShanghaiWallClock(local: string): Date {
  const m = typeof local === 'string' ? WALL_CLOCK_RE.exec(local) : null;
  const days = m ? parseDateKey(m[1]) : undefined;
  if (!m || days === undefined) {
    throw new RangeError(`not a YYYY-MM-DDTHH:mm[:ss] wall-clock time: ${describe(local)}`);
  }
  const [h, mi, s] = [m[2], m[3], m[4] ?? '0'].map(Number);
  if (h > 23 || mi > 59 || s > 59) throw new RangeError(`no such time of day: ${describe(local)}`);
  const ms = m[5] ? Number(m[5].padEnd(3, '0')) : 0;
  return new Date(days * DAY_MS - SHANGHAI_OFFSET_MS + ((h * 60 + mi) * 60 + s) * 1000 + ms);
}

/**
 * ISO 8601 in Asia/Shanghai with seconds precision, e.g. `2026-10-09T00:00:00+08:00`. Milliseconds are
 * truncated (never rounded up past the real instant).
 */
export function formatShanghai(instant: Date): string {
  const t = checkInstant(instant, 'formatShanghai');
  const days = shanghaiDayNumber(t);
  const secondOfDay = Math.floor((t + SHANGHAI_OFFSET_MS - days * DAY_MS) / 1000);
  const hh = Math.floor(secondOfDay / 3600);
  const mm = Math.floor((secondOfDay % 3600) / 60);
  const ss = secondOfDay % 60;
  return `${dateKey(days)}T${pad2(hh)}:${pad2(mm)}:${pad2(ss)}+08:00`;
}

// ---------------------------------------------------------------------------------------------------------
// Durations

/** Parses `<N>h`, `<N>d`, `<N>wd` or `<N>mo` (N a positive integer). Throws an Error with a clear message otherwise. */
export function parseDuration(text: string): Duration {
  const shown = describe(text);
  const match = typeof text === 'string' ? DURATION_RE.exec(text) : null;
  if (!match) {
    throw new Error(
      `invalid duration ${shown}: expected <N>h, <N>d, <N>wd or <N>mo with N a positive integer (e.g. 48h, 3d, 5wd, 1mo)`,
    );
  }
  const amount = Number(match[1]);
  if (amount === 0) throw new Error(`invalid duration ${shown}: the amount must be at least 1`);
  if (!Number.isSafeInteger(amount)) throw new Error(`invalid duration ${shown}: the amount is too large`);
  return { amount, unit: match[2] as Duration['unit'] };
}

function checkDuration(duration: Duration): void {
  const ok =
    duration !== null &&
    typeof duration === 'object' &&
    Number.isSafeInteger(duration.amount) &&
    duration.amount >= 1 &&
    (duration.unit === 'h' || duration.unit === 'd' || duration.unit === 'wd' || duration.unit === 'mo');
  if (!ok) throw new Error(`invalid duration: ${JSON.stringify(duration)}`);
}

const MAX_TIME_MS = 8.64e15; // the ECMAScript Date range

function toDate(t: number): Date {
  if (!(Math.abs(t) <= MAX_TIME_MS)) throw new RangeError('the due date is out of the supported range');
  return new Date(t);
}

/**
 * The deadline `duration` after `start`:
 * - `h` / `d`: elapsed time, N × 1 h / N × 24 h, regardless of the calendar;
 * - `wd`: the end (24:00 Asia/Shanghai, i.e. the next day's 00:00+08:00) of the N-th working day after the
 *   start's Shanghai calendar date; the start day itself never counts, whatever the time of day;
 * - `mo`: a statutory period in months ({@link statutoryDeadline}): 民法典 Art 201 (the start's Shanghai day is
 *   not counted), Art 202 (the corresponding day of the last month, else that month's last day), Art 203 ¶1
 *   (a last day that is a 法定休假日 moves to the day after the days off) and ¶2 (it ends at 24:00).
 * Throws if a run of more than 3660 consecutive days off is met (a broken calendar) or the result is out of range.
 */
export function addDuration(cal: BusinessCalendar, start: Date, duration: Duration): Date {
  const t = checkInstant(start, 'addDuration');
  checkDuration(duration);
  if (duration.unit === 'h') return toDate(t + duration.amount * HOUR_MS);
  if (duration.unit === 'd') return toDate(t + duration.amount * DAY_MS);
  if (duration.unit === 'mo')
    return statutoryDeadline(cal, dateKey(shanghaiDayNumber(t)), duration.amount, 'm').endsAt;

  let day = shanghaiDayNumber(t);
  let remaining = duration.amount;
  let daysOff = 0;
  while (remaining > 0) {
    day += 1;
    if (isWorkingDayNumber(cal, day)) {
      remaining -= 1;
      daysOff = 0;
    } else if (++daysOff > MAX_CONSECUTIVE_DAYS_OFF) {
      throw new Error(
        `the calendar has no working day in the ${MAX_CONSECUTIVE_DAYS_OFF} days after ${dateKey(day - daysOff + 1)}`,
      );
    }
  }
  return toDate((day + 1) * DAY_MS - SHANGHAI_OFFSET_MS);
}
