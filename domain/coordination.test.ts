import { describe, expect, it } from 'vitest';
import {
  actionDeadline,
  actionDueState,
  hotReasons,
  isAbove,
  isSufficientEvidence,
  levelOfDivision,
  workingDaysAfter,
  type HotCaseFacts,
} from './coordination.js';

// 2026-12-04 is a Friday; 2026-12-07 a Monday. One holiday (a Tuesday) and one 调休 Saturday for the calendar.
const cal = { holidays: new Set(['2026-12-08']), workdays: new Set(['2026-12-12']) };
const now = new Date('2026-12-04T02:00:00Z');
const facts = (over: Partial<HotCaseFacts>): HotCaseFacts => ({
  status: 'signed',
  dueAt: '2026-12-05T00:00:00Z',
  returns: [],
  cohandlers: 0,
  ...over,
});

describe('levels', () => {
  it('reads the level from the division code', () => {
    expect(levelOfDivision('310000')).toBe('city');
    expect(levelOfDivision('310115')).toBe('district');
    expect(levelOfDivision('310115016')).toBe('street');
    expect(levelOfDivision('31')).toBeNull();
  });
  it('a street asks its own district or the city, never another district or itself', () => {
    expect(isAbove('310115', '310115016')).toBe(true);
    expect(isAbove('310000', '310115016')).toBe(true);
    expect(isAbove('310104', '310115016')).toBe(false);
    expect(isAbove('310115016', '310115016')).toBe(false);
  });
});

describe('hot and difficult cases', () => {
  it('overdue only once the deadline has passed, not at it', () => {
    expect(hotReasons(facts({ dueAt: now.toISOString() }), now)).toEqual([]);
    expect(hotReasons(facts({ dueAt: '2026-12-04T01:59:59.999Z' }), now)).toEqual(['overdue']);
    expect(hotReasons(facts({ dueAt: null }), now)).toEqual([]);
  });
  it('returned: one 退单 is not enough, two are', () => {
    const one = [{ orgId: 'a', reason: 'other' }];
    expect(hotReasons(facts({ returns: one }), now)).toEqual([]);
    expect(hotReasons(facts({ returns: [...one, { orgId: 'a', reason: 'other' }] }), now)).toEqual([
      'returned',
    ]);
  });
  it('disputed: two organisations returned it, or "not ours" while others co-handle', () => {
    const two = [
      { orgId: 'a', reason: 'other' },
      { orgId: 'b', reason: 'other' },
    ];
    expect(hotReasons(facts({ returns: two }), now)).toEqual(['returned', 'disputed']);
    const notOurs = [{ orgId: 'a', reason: 'not_our_jurisdiction' }];
    expect(hotReasons(facts({ returns: notOurs }), now)).toEqual([]);
    expect(hotReasons(facts({ returns: notOurs, cohandlers: 1 }), now)).toEqual(['disputed']);
  });
  it('parked (挂账) counts, its paused clock does not; finished cases never count', () => {
    expect(hotReasons(facts({ status: 'parked', dueAt: '2026-01-01T00:00:00Z' }), now)).toEqual(['parked']);
    expect(hotReasons(facts({ status: 'closed', dueAt: '2026-01-01T00:00:00Z' }), now)).toEqual([]);
  });
});

describe('action item deadlines', () => {
  it('working days skip weekends and holidays and count 调休 Saturdays; the meeting day never counts', () => {
    expect(workingDaysAfter(cal, '2026-12-04', 1)).toBe('2026-12-07');
    expect(workingDaysAfter(cal, '2026-12-04', 2)).toBe('2026-12-09'); // the 8th is a holiday
    expect(workingDaysAfter(cal, '2026-12-11', 1)).toBe('2026-12-12'); // 调休 Saturday
  });
  it('a date is taken as given, never before the meeting; nonsense is refused', () => {
    expect(actionDeadline(cal, '2026-12-04', { date: '2026-12-04' })).toBe('2026-12-04');
    expect(actionDeadline(cal, '2026-12-04', { date: '2026-12-03' })).toBeNull();
    expect(actionDeadline(cal, '2026-12-04', { date: '2026-02-30' })).toBeNull();
    expect(actionDeadline(cal, '2026-12-04', { workingDays: 0 })).toBeNull();
    expect(actionDeadline(cal, '2026-12-04', { workingDays: 5 })).toBe('2026-12-12'); // Mon, Wed, Thu, Fri, 调休 Sat;
  });
  it('due states at the boundary: warning two working days ahead, overdue only the day after', () => {
    // Due Wednesday 2026-12-09; Tuesday the 8th is a holiday.
    expect(actionDueState(cal, '2026-12-03', '2026-12-09', 'open')).toBe('ok');
    expect(actionDueState(cal, '2026-12-04', '2026-12-09', 'open')).toBe('warning'); // Mon, Wed
    expect(actionDueState(cal, '2026-12-09', '2026-12-09', 'open')).toBe('warning');
    expect(actionDueState(cal, '2026-12-10', '2026-12-09', 'open')).toBe('overdue');
    expect(actionDueState(cal, '2026-12-10', '2026-12-09', 'done')).toBe('done');
  });
  it('evidence must say something', () => {
    expect(isSufficientEvidence('  已完成  ')).toBe(false);
    expect(isSufficientEvidence('现场拆除完毕，照片及验收单已归档')).toBe(true);
  });
});
