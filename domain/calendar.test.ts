import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addDuration,
  addMonths,
  addYears,
  calendarFromFile,
  calendarFromYears,
  coveredYears,
  dateOf,
  dayNumber,
  daysBetween,
  endOfShanghaiDay,
  formatShanghai,
  deadlineDay,
  fromShanghaiWallClock,
  isDayOff,
  isValidDate,
  isWorkingDay,
  monthDays,
  parseDuration,
  shanghaiDate,
  shanghaiWallClock,
  startOfShanghaiDay,
  statutoryDeadline,
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
  it('accepts h, d, wd, mo with a positive integer', () => {
    expect(parseDuration('1mo')).toEqual({ amount: 1, unit: 'mo' });
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
      '0mo',
      '1m',
      '1month',
      '1MO',
    ]) {
      expect(() => parseDuration(bad), JSON.stringify(bad)).toThrow(/invalid duration/);
    }
    expect(() => parseDuration('99999999999999999999h')).toThrow(/too large/);
    expect(() => parseDuration(undefined as unknown as string)).toThrow(/invalid duration/);
  });
});

describe('addDuration', () => {
  // 民法典 Arts 201–203: a period in months (拆违规定 Art 5 "一个月内") ends at 24:00 of the corresponding day.
  it('mo: the corresponding day of the next month, 24:00 (the start day not counted)', () => {
    expect(due('2025-02-03T10:00:00+08:00', '1mo')).toBe('2025-03-04T00:00:00+08:00');
    expect(
      deadlineDay(addDuration(cal, new Date('2025-02-03T10:00:00+08:00'), parseDuration('1mo'))),
    ).toEqual({ date: '2025-03-03', weekday: 1, time: '24:00' });
    // The Shanghai day counts, not the UTC one: 16:30Z on 02-02 is 00:30 on 02-03 in Shanghai.
    expect(due('2025-02-02T16:30:00Z', '1mo')).toBe('2025-03-04T00:00:00+08:00');
  });

  it('mo: no corresponding day → the last day of that month (Jan 31 → Feb 28 / Feb 29)', () => {
    expect(due('2025-01-31T09:00:00+08:00', '1mo', empty)).toBe('2025-03-01T00:00:00+08:00');
    expect(due('2028-01-31T09:00:00+08:00', '1mo', empty)).toBe('2028-03-01T00:00:00+08:00'); // 02-29 (Tue)
    expect(due('2028-01-30T09:00:00+08:00', '1mo', empty)).toBe('2028-03-01T00:00:00+08:00');
    expect(due('2026-03-31T09:00:00+08:00', '1mo', empty)).toBe('2026-05-01T00:00:00+08:00'); // 04-30
    expect(due('2026-01-31T09:00:00+08:00', '2mo', empty)).toBe('2026-04-01T00:00:00+08:00'); // 03-31
  });

  it('mo: a last day that is a 法定休假日 moves to the day after the days off (Art 203 ¶1)', () => {
    // 2026-09-01 + 1 month = 10-01 (National Day, off to 10-07) → last day Thu 10-08.
    expect(due('2026-09-01T10:00:00+08:00', '1mo')).toBe('2026-10-09T00:00:00+08:00');
    // 02-02 23:59:59 in Shanghai + 1 month = Sunday 03-02 → Monday 03-03.
    expect(due('2025-02-02T15:59:59Z', '1mo')).toBe('2025-03-04T00:00:00+08:00');
    expect(due('2026-09-01T10:00:00+08:00', '1mo', empty)).toBe('2026-10-02T00:00:00+08:00');
    // 2025-03-08 is a Saturday (公休日) → Monday 03-10.
    expect(due('2025-02-08T10:00:00+08:00', '1mo')).toBe('2025-03-11T00:00:00+08:00');
    // 2025-10-11 is a 调休 working Saturday: not a day off, the period ends on it.
    expect(due('2025-09-11T10:00:00+08:00', '1mo')).toBe('2025-10-12T00:00:00+08:00');
  });

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
});

describe('day numbers and calendar-day arithmetic', () => {
  it('numbers days from 1970-01-01 without Date (years 0000–9999)', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2026-11-26')).toBe(20_783);
    expect(dateOf(20_783)).toBe('2026-11-26');
    // Date.UTC would read year 50 as 1950; the civil algorithm does not.
    expect(dateOf(dayNumber('0050-03-01'))).toBe('0050-03-01');
    expect(dayNumber('0000-01-01')).toBe(-719_528);
    expect(dateOf(dayNumber('9999-12-31'))).toBe('9999-12-31');
    expect(() => dateOf(dayNumber('9999-12-31') + 1)).toThrow(RangeError);
    expect(() => dateOf(1.5)).toThrow(RangeError);
  });

  it('rejects what is not a real YYYY-MM-DD date', () => {
    for (const bad of ['2026-02-29', '2026-04-31', '2026-13-01', '2026-1-01', '2026-01-01T00:00', '', 'x']) {
      expect(() => dayNumber(bad), bad).toThrow(RangeError);
      expect(() => addDays(bad, 1), bad).toThrow(RangeError);
    }
    expect(() => dayNumber(undefined as unknown as string)).toThrow(/not a valid YYYY-MM-DD date: undefined/);
  });

  it('adds days and counts the days between two dates', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-11-26', 0)).toBe('2026-11-26');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2026-11-27', '2026-11-26')).toBe(-1);
  });

  it('民法典 Art 202: months and years end on the corresponding day, or the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-07-31', -5)).toBe('2026-02-28');
    expect(addMonths('2026-05-31', -12)).toBe('2025-05-31');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2026-11-26', -1)).toBe('2025-11-26');
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-01-31', 0.5)).toThrow(RangeError);
  });

  it('gives the first and last day of a month', () => {
    expect(monthDays('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(monthDays('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(monthDays('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
    for (const bad of ['2026-13', '2026-00', '2026-1', '2026-01-01', '']) {
      expect(() => monthDays(bad), bad).toThrow(RangeError);
    }
  });

  it('property: addDays and daysBetween are inverse', () => {
    const dateArb = fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2100-12-31') }).map(dateOf);
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -5000, max: 5000 }), (date, n) => {
        expect(daysBetween(date, addDays(date, n))).toBe(n);
        expect(isValidDate(addDays(date, n))).toBe(true);
      }),
    );
  });
});

describe('statutoryDeadline (民法典 Arts 201–203)', () => {
  it('does not count the start day; a working last day stays', () => {
    // Art 201: 30 days from Monday 2026-03-02 → Wednesday 2026-04-01, ends 24:00 that day
    expect(statutoryDeadline(cal, '2026-03-02', 30)).toEqual({
      lastDay: '2026-04-01',
      nominalLastDay: '2026-04-01',
      endsAt: new Date('2026-04-01T16:00:00.000Z'),
    });
    expect(statutoryDeadline(cal, '2026-11-26', 1).lastDay).toBe('2026-11-27'); // Friday
  });

  it('Art 203 ¶1: moves a last day off to the next working day, over holidays and weekends', () => {
    // 2026-09-10 + 21 d = Thu 10-01 (National Day, off until 10-07) → the next working day, Thu 10-08
    const d = statutoryDeadline(cal, '2026-09-10', 21);
    expect(d.nominalLastDay).toBe('2026-10-01');
    expect(d.lastDay).toBe('2026-10-08');
    expect(d.endsAt.toISOString()).toBe('2026-10-08T16:00:00.000Z');
    // a plain Saturday → Monday; a 调休 working Saturday stays
    expect(statutoryDeadline(cal, '2026-11-21', 7).lastDay).toBe('2026-11-30');
    expect(statutoryDeadline(cal, '2026-10-03', 7).lastDay).toBe('2026-10-10');
    expect(statutoryDeadline(empty, '2026-09-10', 21).lastDay).toBe('2026-10-01');
  });

  it('Art 202: months and years, month end when there is no corresponding day', () => {
    // 2026-02-28 is a Saturday, but a 调休 working day in 2026: it stays
    expect(statutoryDeadline(cal, '2026-01-31', 1, 'm')).toMatchObject({
      nominalLastDay: '2026-02-28',
      lastDay: '2026-02-28',
    });
    expect(statutoryDeadline(empty, '2026-01-31', 1, 'm').lastDay).toBe('2026-03-02'); // Sat → Mon
    expect(statutoryDeadline(empty, '2025-11-26', 1, 'y').lastDay).toBe('2026-11-26');
    expect(statutoryDeadline(empty, '2024-02-29', 1, 'y').nominalLastDay).toBe('2025-02-28');
  });

  it('rejects bad amounts and broken calendars', () => {
    expect(() => statutoryDeadline(cal, '2026-01-01', 0)).toThrow(RangeError);
    expect(() => statutoryDeadline(cal, '2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => statutoryDeadline(cal, '2026-02-30', 1)).toThrow(RangeError);
    const holidays = new Set<string>();
    for (let d = dayNumber('2026-01-01'); d < dayNumber('2037-01-01'); d++) holidays.add(dateOf(d));
    expect(() => statutoryDeadline({ holidays, workdays: new Set() }, '2026-01-01', 1)).toThrow(
      /no working day in the 3660 days after 2026-01-02/,
    );
  });

  it('isDayOff is the opposite of isWorkingDay (holiday wins over a 调休 listing)', () => {
    expect(isDayOff(cal, '2026-10-01')).toBe(true);
    expect(isDayOff(cal, '2026-10-10')).toBe(false);
    expect(isDayOff(cal, '2026-11-28')).toBe(true);
    expect(isDayOff(cal, '2026-11-26')).toBe(false);
    const both = { holidays: new Set(['2026-11-28']), workdays: new Set(['2026-11-28']) };
    expect(isDayOff(both, '2026-11-28')).toBe(true);
  });
});

describe('Shanghai wall clock', () => {
  it('00:00 and 24:00 of a Shanghai day', () => {
    expect(startOfShanghaiDay('2026-11-26').toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(endOfShanghaiDay('2026-11-26').toISOString()).toBe('2026-11-26T16:00:00.000Z');
    expect(endOfShanghaiDay('2026-12-31').getTime()).toBe(startOfShanghaiDay('2027-01-01').getTime());
    expect(shanghaiDate(startOfShanghaiDay('2026-11-26'))).toBe('2026-11-26');
    expect(shanghaiDate(new Date(endOfShanghaiDay('2026-11-26').getTime() - 1))).toBe('2026-11-26');
    expect(() => startOfShanghaiDay('2026-02-29')).toThrow(RangeError);
  });

  it('instant ↔ wall clock', () => {
    expect(shanghaiWallClock(new Date('2026-11-26T16:30:05.999Z'))).toBe('2026-11-27T00:30:05');
    expect(fromShanghaiWallClock('2026-11-27T00:30').toISOString()).toBe('2026-11-26T16:30:00.000Z');
    expect(fromShanghaiWallClock('2026-11-27T00:30:05').toISOString()).toBe('2026-11-26T16:30:05.000Z');
    expect(fromShanghaiWallClock('2026-11-27T00:30:05.5').toISOString()).toBe('2026-11-26T16:30:05.500Z');
    expect(fromShanghaiWallClock('2026-01-01T07:59').toISOString()).toBe('2025-12-31T23:59:00.000Z');
    for (const bad of [
      '2026-11-27',
      '2026-11-27 00:30',
      '2026-11-27T24:00',
      '2026-11-27T23:60',
      '2026-11-27T23:59:60',
      '2026-02-29T10:00',
      '2026-11-27T00:30+08:00',
      '2026-11-27T00:30Z',
      '',
    ]) {
      expect(() => fromShanghaiWallClock(bad), bad).toThrow(RangeError);
    }
  });

  it('property: wall clock round-trips at second precision', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2100, 0, 1) }).map((t) => t - (t % 1000)),
        (t) => {
          const wall = shanghaiWallClock(new Date(t));
          expect(fromShanghaiWallClock(wall).getTime()).toBe(t);
          expect(formatShanghai(new Date(t))).toBe(`${wall}+08:00`);
          expect(wall.slice(0, 10)).toBe(shanghaiDate(new Date(t)));
        },
      ),
    );
  });
});

describe('deadlineDay: a deadline as its last day', () => {
  it('a working-day deadline (next midnight) is 24:00 of its last day, with that day’s weekday', () => {
    // 2026-12-04T00:00+08:00 is the end of Thursday 3 December.
    expect(deadlineDay(new Date('2026-12-03T16:00:00Z'))).toEqual({
      date: '2026-12-03',
      weekday: 4,
      time: '24:00',
    });
  });
  it('across a month and a year end', () => {
    expect(deadlineDay(new Date('2026-12-31T16:00:00Z'))).toEqual({
      date: '2026-12-31',
      weekday: 4,
      time: '24:00',
    });
    expect(deadlineDay(new Date('2026-02-28T16:00:00Z'))).toEqual({
      date: '2026-02-28',
      weekday: 6,
      time: '24:00',
    });
  });
  it('any other time stays on its own day; one second after midnight is the new day', () => {
    expect(deadlineDay(new Date('2026-12-03T09:30:00Z'))).toEqual({
      date: '2026-12-03',
      weekday: 4,
      time: '17:30',
    });
    expect(deadlineDay(new Date('2026-12-03T16:00:01Z'))).toEqual({
      date: '2026-12-04',
      weekday: 5,
      time: '00:00',
    });
  });
});
