import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarFromYears, type BusinessCalendar } from './calendar.js';
import { correctionDecisionDueOn, expiresSoon, filingDueOn, filingState } from './industry.js';

const shipped: unknown = JSON.parse(
  readFileSync(new URL('../reference/china-holidays.json', import.meta.url), 'utf8'),
);
const empty: BusinessCalendar = { holidays: new Set(), workdays: new Set() };

describe('contract filing within 30 days (《规定》第四十四条)', () => {
  it('across a month end: signed Jan 31 → 30 days later is Sun Mar 2, moved to Mon Mar 3', () => {
    expect(filingDueOn(empty, '2025-01-31')).toBe('2025-03-03');
  });
  it('the 30th day itself is still in time; the day after is overdue', () => {
    // Signed Wed 2026-10-28: the 30th day is Fri 2026-11-27 (a working day).
    expect(filingDueOn(empty, '2026-10-28')).toBe('2026-11-27');
    const c = { signedOn: '2026-10-28', filedOn: null };
    expect(filingState(empty, c, '2026-11-27')).toEqual({ state: 'due', dueOn: '2026-11-27' });
    expect(filingState(empty, c, '2026-11-28')).toEqual({ state: 'overdue', dueOn: '2026-11-27' });
    expect(filingState(empty, { ...c, filedOn: '2026-11-27' }, '2026-12-04').state).toBe('filed');
    expect(filingState(empty, { ...c, filedOn: '2026-11-30' }, '2026-12-04').state).toBe('filed_late');
    expect(filingState(empty, { signedOn: null, filedOn: null }, '2026-12-04').state).toBe('unsigned');
  });
});

describe('correction decided within 5 working days', () => {
  it('counts working days only, the acceptance day not counted', () => {
    // Accepted Fri 2026-12-04 → Mon 7, Tue 8, Wed 9, Thu 10, Fri 11.
    expect(correctionDecisionDueOn(empty, '2026-12-04')).toBe('2026-12-11');
  });
  it('skips the shipped holidays (国庆)', () => {
    const cal = calendarFromYears(shipped);
    // 2026: Oct 1–7 off, Sat Oct 10 a make-up working day (调休) — check against the file rather than assume.
    const due = correctionDecisionDueOn(cal, '2026-09-30');
    expect(due > '2026-10-07').toBe(true);
    expect(due <= '2026-10-14').toBe(true);
  });
});

describe('contract expiry alert (90 days)', () => {
  it('flags a term ending within 90 days, not one already ended or further away', () => {
    expect(expiresSoon('2026-12-04', '2026-12-04')).toBe(true);
    expect(expiresSoon('2027-03-04', '2026-12-04')).toBe(true); // the 90th day
    expect(expiresSoon('2027-03-05', '2026-12-04')).toBe(false);
    expect(expiresSoon('2026-12-03', '2026-12-04')).toBe(false);
    expect(expiresSoon(null, '2026-12-04')).toBe(false);
  });
});
