import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDuration, isWorkingDay } from '../../domain/calendar.js';
import { DB_KINDS, openTestDatabase, type TestDatabase } from '../test/harness.js';
import {
  CACHE_TTL_MS,
  calendarFromDays,
  invalidateWorkingCalendar,
  readWorkingCalendar,
  workingCalendar,
} from './working-calendar.js';

describe('calendarFromDays', () => {
  it('splits holidays and workdays and lists the schedule years', () => {
    const w = calendarFromDays([
      { date: '2026-01-01', kind: 'holiday', year: 2026 },
      { date: '2025-12-31', kind: 'holiday', year: 2026 }, // belongs to the 2026 schedule
      { date: '2026-01-04', kind: 'workday', year: null }, // no schedule year: the date's
      { date: '2027-01-01', kind: 'holiday' },
    ]);
    expect([...w.calendar.holidays].sort()).toEqual(['2025-12-31', '2026-01-01', '2027-01-01']);
    expect([...w.calendar.workdays]).toEqual(['2026-01-04']);
    expect(w.years).toEqual([2026, 2027]);
    expect(calendarFromDays([])).toEqual({
      calendar: { holidays: new Set(), workdays: new Set() },
      years: [],
    });
  });
});

describe.each(DB_KINDS)('working calendar from calendar_days (%s)', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t.drop());

  it('reads the shipped schedule the migrations stored', async () => {
    const { calendar, years } = await readWorkingCalendar(t.database.db);
    expect(years).toEqual([2025, 2026]);
    expect(isWorkingDay(calendar, '2026-10-01')).toBe(false); // National Day
    expect(isWorkingDay(calendar, '2026-10-10')).toBe(true); // 调休 Saturday
    expect(
      addDuration(calendar, new Date('2026-09-30T02:00:00Z'), { amount: 1, unit: 'wd' }).toISOString(),
    ).toBe('2026-10-08T16:00:00.000Z');
  });

  it('caches per database handle for the TTL; invalidation drops the cache', async () => {
    const db = t.database.db;
    const t0 = 1_000_000;
    const first = workingCalendar(db, t0);
    expect(workingCalendar(db, t0 + CACHE_TTL_MS - 1)).toBe(first);
    await db
      .insertInto('calendar_days')
      .values({ date: '2026-11-27', kind: 'holiday', source: 'test', year: 2026 })
      .execute();
    try {
      expect((await workingCalendar(db, t0 + 1)).calendar.holidays.has('2026-11-27')).toBe(false); // stale
      const later = workingCalendar(db, t0 + CACHE_TTL_MS);
      expect(later).not.toBe(first);
      expect((await later).calendar.holidays.has('2026-11-27')).toBe(true);
      invalidateWorkingCalendar(db);
      expect(workingCalendar(db, t0 + CACHE_TTL_MS)).not.toBe(later);
    } finally {
      await db.deleteFrom('calendar_days').where('date', '=', '2026-11-27').execute();
      invalidateWorkingCalendar(db);
    }
  });
});
