import { describe, expect, it } from 'vitest';
import {
  correctionEligibility,
  creditCodeCheckChar,
  DEFAULT_CREDIT_RULES,
  inForce,
  isValidCreditCode,
  standingOf,
  WATCH_THRESHOLD_POINTS,
} from './credit.js';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts published codes and computes their check character', () => {
    // Codes printed on public business licences.
    for (const code of ['91310000MA1FL4B24G', '91350100M000100Y43', '91110108551385082Q']) {
      expect(isValidCreditCode(code), code).toBe(true);
      expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
    }
  });
  it('refuses a wrong check character, a wrong length, and letters outside the set (I O Z S V)', () => {
    expect(isValidCreditCode('91310000MA1FL4B24H')).toBe(false);
    expect(isValidCreditCode('91310000MA1FL4B24')).toBe(false);
    expect(isValidCreditCode('91310000MA1FL4B24GG')).toBe(false);
    expect(creditCodeCheckChar('91310000MA1FL4BI4')).toBeNull();
    expect(isValidCreditCode('91310000ma1fl4b24g')).toBe(false);
  });
  it('maps a weighted remainder of 0 to the check character 0 (31 → 0)', () => {
    // Find a 17-character body whose check is 0 by brute force on the last digit, then verify.
    const bodies = Array.from({ length: 10 }, (_, d) => `9131000000000000${d}`);
    const zero = bodies.find((b) => creditCodeCheckChar(b) === '0');
    if (zero) expect(isValidCreditCode(`${zero}0`)).toBe(true);
    for (const b of bodies) expect(isValidCreditCode(`${b}${creditCodeCheckChar(b)}`)).toBe(true);
  });
});

describe('points and standing', () => {
  const bad = (points: number, status = 'published' as const, expiresOn: string | null = '2027-01-01') => ({
    kind: 'bad' as const,
    status,
    points,
    expiresOn,
  });
  it('sums the points of bad records in force only; good records count apart', () => {
    const s = standingOf(
      [
        bad(6),
        bad(18),
        { ...bad(18), status: 'withdrawn' },
        { ...bad(6), status: 'corrected' },
        { ...bad(6), status: 'recorded' },
        bad(6, 'published', '2026-11-30'),
        { kind: 'good', status: 'published', points: 0, expiresOn: '2027-06-30' },
      ],
      '2026-12-04',
    );
    expect(s).toEqual({ points: 24, bad: 2, good: 1, watch: 24 >= WATCH_THRESHOLD_POINTS });
  });
  it('a record is in force through its expiry day and gone the day after', () => {
    expect(inForce(bad(6, 'published', '2026-12-04'), '2026-12-04')).toBe(true);
    expect(inForce(bad(6, 'published', '2026-12-04'), '2026-12-05')).toBe(false);
  });
  it('every default rule is marked unverified and bad rules carry points', () => {
    expect(DEFAULT_CREDIT_RULES.every((r) => !r.verified)).toBe(true);
    expect(DEFAULT_CREDIT_RULES.filter((r) => r.kind === 'bad').every((r) => r.points > 0)).toBe(true);
  });
});

describe('correction (修正) eligibility', () => {
  const base = {
    kind: 'bad' as const,
    status: 'published' as const,
    publishedOn: '2026-01-31',
    minMonths: 6,
    sameTypeSince: 0,
  };
  it('exactly the minimum period: eligible on the day it ends, not the day before', () => {
    // 2026-01-31 + 6 months = 2026-07-31
    expect(correctionEligibility({ ...base, today: '2026-07-30' })).toEqual({
      eligible: false,
      reason: 'too_early',
      earliestOn: '2026-07-31',
    });
    expect(correctionEligibility({ ...base, today: '2026-07-31' })).toEqual({
      eligible: true,
      earliestOn: '2026-07-31',
    });
  });
  it('a month without the day ends on its last day (Aug 31 + 6 months → Feb 28)', () => {
    const e = correctionEligibility({ ...base, publishedOn: '2025-08-31', today: '2026-02-28' });
    expect(e).toEqual({ eligible: true, earliestOn: '2026-02-28' });
  });
  it('a new record of the same type since publication refuses it', () => {
    expect(correctionEligibility({ ...base, sameTypeSince: 1, today: '2026-12-01' })).toMatchObject({
      eligible: false,
      reason: 'same_type_since',
    });
  });
  it('only published bad records of a correctable rule', () => {
    expect(correctionEligibility({ ...base, kind: 'good', today: '2026-12-01' })).toMatchObject({
      reason: 'not_bad',
    });
    expect(correctionEligibility({ ...base, status: 'recorded', today: '2026-12-01' })).toMatchObject({
      reason: 'not_published',
    });
    expect(correctionEligibility({ ...base, minMonths: null, today: '2026-12-01' })).toMatchObject({
      reason: 'not_correctable',
    });
  });
});
