// parseW3: the Open311 date filters, on the Shanghai clock of domain/calendar.ts.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/errors.js';
import { parseW3 } from './open311.service.js';

const iso = (r: { first: number; last: number }) => [
  new Date(r.first).toISOString(),
  new Date(r.last).toISOString(),
];

describe('parseW3', () => {
  it('a date is the whole Shanghai day', () => {
    expect(iso(parseW3('2026-11-26', 'start_date'))).toEqual([
      '2026-11-25T16:00:00.000Z',
      '2026-11-26T15:59:59.999Z',
    ]);
    expect(iso(parseW3(' 2028-02-29 ', 'start_date'))[0]).toBe('2028-02-28T16:00:00.000Z');
  });

  it('a date-time names its second, minute or millisecond', () => {
    expect(iso(parseW3('2026-11-26T10:00:00+08:00', 'x'))).toEqual([
      '2026-11-26T02:00:00.000Z',
      '2026-11-26T02:00:00.999Z',
    ]);
    expect(iso(parseW3('2026-11-26T10:00 08:00', 'x'))).toEqual([
      '2026-11-26T02:00:00.000Z',
      '2026-11-26T02:00:59.999Z',
    ]);
    expect(iso(parseW3('2026-11-26T10:00:00.250Z', 'x'))).toEqual([
      '2026-11-26T10:00:00.250Z',
      '2026-11-26T10:00:00.250Z',
    ]);
  });

  // Before: Date.parse('2026-02-30T00:00:00+08:00') is 2026-03-02 in V8, so a date that does not exist
  // silently meant another day.
  it.each([
    '2026-02-30',
    '2026-02-29',
    '2026-04-31',
    '2026-02-30T10:00:00+08:00',
    '2026-13-01',
    '2026-11-26T10:00',
  ])('refuses %j with open311.date_invalid', (text) => {
    let caught: unknown;
    try {
      parseW3(text, 'start_date');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('open311.date_invalid');
  });
});
