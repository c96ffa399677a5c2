// The working-day calendar (国务院办公厅节假日安排 and 调休) as stored in calendar_days: the ONE loader of it
// for the server. The arithmetic on it is domain/calendar.ts; this file only reads the rows.
//
// - workingCalendar(db): cached in memory for CACHE_TTL_MS per database handle — for hot paths (case
//   intake, SLA clocks, governance deadlines). Edits through this instance (casesadmin) call
//   invalidateWorkingCalendar(db) at once; other instances (other database handles) pick them up within
//   the TTL (REFERENCE_FRESHNESS_MS).
// - readWorkingCalendar(db): one fresh read, e.g. inside a transaction that must see its own writes.
//
// The CLI (`gongzhi due`) works without a database on reference/china-holidays.json through
// domain/calendar.ts calendarFromYears / calendarFromFile instead.
import type { BusinessCalendar } from '../../domain/calendar.js';
import { REFERENCE_FRESHNESS_MS } from './cache.js';
import type { Executor } from './db/database.js';

export const CACHE_TTL_MS = REFERENCE_FRESHNESS_MS;

export interface WorkingCalendar {
  calendar: BusinessCalendar;
  /** The schedule years present (calendar_days.year, else the year of the date), ascending. */
  years: number[];
}

/** Builds the calendar from calendar_days rows (a day listed as both counts as a holiday, see isWorkingDay). */
export function calendarFromDays(
  days: readonly { date: string; kind: string; year?: number | null }[],
): WorkingCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  const years = new Set<number>();
  for (const d of days) {
    (d.kind === 'holiday' ? holidays : workdays).add(d.date);
    years.add(d.year ?? Number(d.date.slice(0, 4)));
  }
  return { calendar: { holidays, workdays }, years: [...years].sort((a, b) => a - b) };
}

/** Reads the whole calendar now (no cache). */
export async function readWorkingCalendar(db: Executor): Promise<WorkingCalendar> {
  return calendarFromDays(await db.selectFrom('calendar_days').select(['date', 'kind', 'year']).execute());
}

// Keyed by the database handle (a transaction is a handle of its own and is dropped with it).
const cache = new WeakMap<Executor, { at: number; value: Promise<WorkingCalendar> }>();

/** The calendar, cached for {@link CACHE_TTL_MS} per database handle. */
export function workingCalendar(db: Executor, now: number = Date.now()): Promise<WorkingCalendar> {
  const hit = cache.get(db);
  if (hit && now - hit.at < CACHE_TTL_MS) return hit.value;
  const value = readWorkingCalendar(db);
  cache.set(db, { at: now, value });
  value.catch(() => {
    if (cache.get(db)?.value === value) cache.delete(db);
  });
  return value;
}

/** Drops the calendar cached for this database handle (after the calendar was edited through it). */
export function invalidateWorkingCalendar(db: Executor): void {
  cache.delete(db);
}
