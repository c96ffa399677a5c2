import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDuration,
  calendarFromFile,
  calendarFromYears,
  coveredYears,
  formatShanghai,
  isValidDate,
  isWorkingDay,
  parseDuration,
  shanghaiDate,
  type BusinessCalendar,
  type Duration,
} from './calendar.js';

const shipped: unknown = JSON.parse(
  readFileSync(new URL('../reference/china-holidays.json', import.meta.url), 'utf8'),
);
const cal = calendarFromYears(shipped);
const empty: BusinessCalendar = { holidays: new Set(), workdays: new Set() };

const due = (start: string, duration: string, c: BusinessCalendar = cal): string =>
  formatShanghai(addDuration(c, new Date(start), parseDuration(duration)));

describe('calendars from JSON', () => {
  it('reads the shipped multi-year file', () => {
    expect(coveredYears(shipped)).toEqual([2025, 2026]);
    expect(cal.holidays.has('2026-10-01')).toBe(true);
    expect(cal.workdays.has('2026-10-10')).toBe(true);
    expect(cal.holidays.has('2025-10-08')).toBe(true);
  });

  it('ignores underscore keys and accepts JSON text', () => {
    const c = calendarFromYears('{"_note":"x","2030":{"_c":1,"holidays":["2030-01-01"],"workdays":[]}}');
    expect([...c.holidays]).toEqual(['2030-01-01']);
    expect(coveredYears({ _source: 's', '2031': {}, '2030': { holidays: [] } })).toEqual([2030, 2031]);
  });

  it('rejects malformed multi-year input with a clear message', () => {
    expect(() => calendarFromYears([])).toThrow(/expected a JSON object/);
    expect(() => calendarFromYears('{oops')).toThrow(/not valid JSON/);
    expect(() => calendarFromYears({ '26': {} })).toThrow(/four-digit years/);
    expect(() => calendarFromYears({ '2026': [] })).toThrow(/"2026" must be an object/);
    expect(() => calendarFromYears({ '2026': { holidays: '2026-01-01' } })).toThrow(/must be an array/);
    expect(() => calendarFromYears({ '2026': { holidays: ['2026-02-30'] } })).toThrow(
      /year 2026: holidays\[0\] is not a valid YYYY-MM-DD date: "2026-02-30"/,
    );
    expect(() => calendarFromYears({ '2026': { holiday: [] } })).toThrow(/unknown key "holiday"/);
    expect(() => coveredYears(null)).toThrow(Error);
  });

  it('reads the flat format; missing keys are empty', () => {
    const c = calendarFromFile({ holidays: ['2026-11-27'] });
    expect([...c.holidays]).toEqual(['2026-11-27']);
    expect(c.workdays.size).toBe(0);
    expect(calendarFromFile({}).holidays.size).toBe(0);
  });

  it('rejects malformed flat input', () => {
    for (const bad of [
      null,
      42,
      ['2026-01-01'],
      { holidays: null },
      { workdays: ['2026-1-1'] },
      { workdays: ['2026-13-01'] },
      { holidays: [20260101] },
      { holidays: ['2026-01-01 '] },
      { extra: [] },
      { holidays: ['2026-11-28'], workdays: ['2026-11-28'] },
    ]) {
      expect(() => calendarFromFile(bad), JSON.stringify(bad)).toThrow(Error);
    }
  });

  it('validates dates including leap years', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2000-02-29')).toBe(true);
    expect(isValidDate('1900-02-29')).toBe(false);
    expect(isValidDate('2026-02-29')).toBe(false);
    expect(isValidDate('2026-04-31')).toBe(false);
    expect(isValidDate('2026-00-10')).toBe(false);
    expect(isValidDate('26-01-01')).toBe(false);
  });
});

describe('isWorkingDay', () => {
  it('follows weekdays, holidays and 调休 workdays', () => {
    expect(isWorkingDay(cal, '2026-11-26')).toBe(true); // Thursday
    expect(isWorkingDay(cal, '2026-11-28')).toBe(false); // Saturday
    expect(isWorkingDay(cal, '2026-10-01')).toBe(false); // Thursday, National Day
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true); // Saturday, 调休
    expect(isWorkingDay(cal, '2026-01-04')).toBe(true); // Sunday, 调休
    expect(isWorkingDay(empty, '1970-01-01')).toBe(true); // Thursday
    expect(isWorkingDay(empty, '1969-12-28')).toBe(false); // Sunday
  });

  it('rejects invalid dates', () => {
    expect(() => isWorkingDay(cal, '2026-02-30')).toThrow(/not a valid/);
  });
});

describe('Shanghai dates and formatting', () => {
  it('uses UTC+8', () => {
    expect(shanghaiDate(new Date('2026-11-26T15:59:59Z'))).toBe('2026-11-26');
    expect(shanghaiDate(new Date('2026-11-26T16:00:00Z'))).toBe('2026-11-27');
    expect(shanghaiDate(new Date('1969-12-31T16:00:00Z'))).toBe('1970-01-01');
    expect(shanghaiDate(new Date('1969-12-31T15:59:59.999Z'))).toBe('1969-12-31');
    expect(formatShanghai(new Date('2026-10-08T16:00:00Z'))).toBe('2026-10-09T00:00:00+08:00');
    expect(formatShanghai(new Date('2026-11-26T01:30:00.999Z'))).toBe('2026-11-26T09:30:00+08:00');
    expect(formatShanghai(new Date('1969-12-31T15:59:59.5Z'))).toBe('1969-12-31T23:59:59+08:00');
  });

  it('rejects invalid Dates', () => {
    expect(() => shanghaiDate(new Date(NaN))).toThrow(RangeError);
    expect(() => formatShanghai(new Date('nope'))).toThrow(RangeError);
  });
});

describe('parseDuration', () => {
  it('accepts h, d, wd with a positive integer', () => {
    expect(parseDuration('48h')).toEqual({ amount: 48, unit: 'h' });
    expect(parseDuration('3d')).toEqual({ amount: 3, unit: 'd' });
    expect(parseDuration('5wd')).toEqual({ amount: 5, unit: 'wd' });
  });

  it('rejects anything else', () => {
    for (const bad of [
      '',
      ' ',
      '0h',
      '0wd',
      '-1d',
      '1.5h',
      '1e3h',
      'wd',
      '3',
      '3w',
      '3WD',
      '3 wd',
      ' 3wd',
      '3wd ',
      '+3d',
    ]) {
      expect(() => parseDuration(bad), JSON.stringify(bad)).toThrow(/invalid duration/);
    }
    expect(() => parseDuration('99999999999999999999h')).toThrow(/too large/);
    expect(() => parseDuration(undefined as unknown as string)).toThrow(/invalid duration/);
  });
});

describe('addDuration', () => {
  it('wd: skips the National Day holidays', () => {
    expect(due('2026-09-30T10:00:00+08:00', '1wd')).toBe('2026-10-09T00:00:00+08:00');
  });

  it('wd: counts a 调休 Saturday', () => {
    expect(due('2026-10-09T10:00:00+08:00', '3wd')).toBe('2026-10-14T00:00:00+08:00');
  });

  it('wd: skips a holiday on a weekday', () => {
    // 2026-06-19 (Fri) is Dragon Boat Festival: Thu 06-18 + 1wd → Mon 06-22
    expect(due('2026-06-18T09:00:00+08:00', '1wd')).toBe('2026-06-23T00:00:00+08:00');
    expect(due('2026-06-18T09:00:00+08:00', '1wd', empty)).toBe('2026-06-20T00:00:00+08:00');
  });

  it('wd: start on a holiday or a weekend', () => {
    expect(due('2026-10-03T12:00:00+08:00', '1wd')).toBe('2026-10-09T00:00:00+08:00'); // holiday Saturday
    expect(due('2026-11-28T12:00:00+08:00', '1wd')).toBe('2026-12-01T00:00:00+08:00'); // plain Saturday
    expect(due('2026-11-29T12:00:00+08:00', '2wd')).toBe('2026-12-02T00:00:00+08:00'); // plain Sunday
  });

  it('wd: the start day never counts, whatever the time', () => {
    expect(due('2026-11-26T00:00:00+08:00', '1wd')).toBe('2026-11-28T00:00:00+08:00');
    expect(due('2026-11-26T23:59:59+08:00', '1wd')).toBe('2026-11-28T00:00:00+08:00');
    // 16:30Z is already Friday 2026-11-27 in Shanghai → next working day is Monday 11-30
    expect(due('2026-11-26T15:59:59Z', '1wd')).toBe('2026-11-28T00:00:00+08:00');
    expect(due('2026-11-26T16:30:00Z', '1wd')).toBe('2026-12-01T00:00:00+08:00');
  });

  it('wd: across the Spring Festival and the 调休 around it', () => {
    // Fri 2026-02-13 → Sat 02-14 调休 (1), 02-15..23 off, Tue 02-24 (2)
    expect(due('2026-02-13T18:00:00+08:00', '2wd')).toBe('2026-02-25T00:00:00+08:00');
  });

  it('h and d are elapsed time, ignoring holidays', () => {
    expect(due('2026-09-30T10:00:00+08:00', '24h')).toBe('2026-10-01T10:00:00+08:00');
    expect(due('2026-09-30T10:00:00+08:00', '3d')).toBe('2026-10-03T10:00:00+08:00');
    expect(due('2026-09-30T10:00:00+08:00', '1h')).toBe('2026-09-30T11:00:00+08:00');
    expect(
      addDuration(cal, new Date('2026-09-30T02:00:00.250Z'), { amount: 2, unit: 'h' }).toISOString(),
    ).toBe('2026-09-30T04:00:00.250Z');
  });

  it('guards against a calendar without working days', () => {
    const holidays = new Set<string>();
    for (let d = Date.UTC(2026, 0, 1); d < Date.UTC(2037, 0, 1); d += 86_400_000) {
      holidays.add(new Date(d).toISOString().slice(0, 10));
    }
    const none: BusinessCalendar = { holidays, workdays: new Set() };
    expect(() => addDuration(none, new Date('2026-01-01T00:00:00Z'), { amount: 1, unit: 'wd' })).toThrow(
      /no working day in the 3660 days/,
    );
  });

  it('rejects invalid inputs', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    expect(() => addDuration(cal, new Date(NaN), { amount: 1, unit: 'h' })).toThrow(RangeError);
    for (const bad of [
      { amount: 0, unit: 'h' },
      { amount: 1.5, unit: 'd' },
      { amount: 1, unit: 'w' },
    ]) {
      expect(() => addDuration(cal, start, bad as Duration)).toThrow(/invalid duration/);
    }
    expect(() => addDuration(cal, start, { amount: 4_000_000_000, unit: 'd' })).toThrow(RangeError);
  });

  it('property: wd lands at the Shanghai midnight ending the N-th working day after the start date', () => {
    const DAY = 86_400_000;
    const startArb = fc.date({
      min: new Date('2024-12-01T00:00:00Z'),
      max: new Date('2027-01-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(startArb, fc.integer({ min: 1, max: 60 }), (start, n) => {
        const result = addDuration(cal, start, { amount: n, unit: 'wd' });
        expect(formatShanghai(result)).toMatch(/T00:00:00\+08:00$/);
        expect(result.getTime() % 1000).toBe(0);
        expect(result.getTime()).toBeGreaterThan(start.getTime());
        const lastDay = shanghaiDate(new Date(result.getTime() - 1));
        expect(isWorkingDay(cal, lastDay)).toBe(true);
        // count working days in (startDate, lastDay]
        const startDate = shanghaiDate(start);
        let count = 0;
        let t = new Date(`${startDate}T12:00:00+08:00`).getTime() + DAY;
        for (; shanghaiDate(new Date(t)) <= lastDay; t += DAY) {
          if (isWorkingDay(cal, shanghaiDate(new Date(t)))) count++;
        }
        expect(count).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it('is fast', () => {
    const start = new Date('2026-01-01T00:00:00Z');
    const t0 = performance.now();
    for (let i = 0; i < 10_000; i++) addDuration(cal, start, { amount: 20, unit: 'wd' });
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
