import { describe, expect, it } from 'vitest';
import {
  campaignProgress,
  countCases,
  countsAsProactive,
  countsAsRepeat,
  countsAsSatisfied,
  isProactiveChannel,
  kpiRates,
  rate,
  shanghaiPeriod,
  type KpiCase,
} from './kpis.js';

const base: KpiCase = {
  proactive: false,
  acceptedOnTime: null,
  onTime: null,
  resolved: null,
  satisfaction: null,
  duplicate: false,
  status: 'received',
};

describe('rate', () => {
  it('is null when the denominator is 0 (no data is not 0 %)', () => {
    expect(rate(0, 0)).toBeNull();
  });
  it.each([
    [0, 5, 0],
    [5, 5, 1],
    [1, 3, 0.3333],
    [2, 3, 0.6667],
    [1, 8, 0.125],
    [2, 7, 0.2857],
    [1, 20_000, 0.0001],
    [1, 30_000, 0], // rounds to 4 decimals
    [29_999, 30_000, 1],
  ])('%i / %i = %d', (n, d, r) => {
    expect(rate(n, d)).toBe(r);
  });
  it.each([
    [-1, 3],
    [1, -3],
    [1.5, 3],
    [4, 3],
    [Number.NaN, 3],
    [1, 0],
  ])('rejects %d / %d', (n, d) => {
    expect(() => rate(n, d)).toThrow(RangeError);
  });
});

describe('definitions', () => {
  it('重复投诉: a flagged repeat counts only while its routing attributes agree with the case repeated', () => {
    const flagged = (a: Record<string, unknown>, b: Record<string, unknown>): KpiCase => ({
      ...base,
      duplicate: true,
      attributes: a,
      duplicateAttributes: b,
    });
    const counts = countCases([
      flagged({ meterPosition: 'after' }, { meterPosition: 'after' }),
      flagged({ meterPosition: 'before' }, { meterPosition: 'after' }), // two problems: not a repeat
      flagged({}, { meterPosition: 'after' }), // not stated: no conflict
      { ...base },
    ]);
    expect(counts.repeats).toBe(2);
    expect(kpiRates(counts).repeatRate).toBe(0.5);
    expect(countsAsRepeat({ part: 'own' }, { part: 'common' })).toBe(false);
    expect(countsAsRepeat({ part: 'own' }, { part: 'own', meterPosition: 'at' })).toBe(true);
  });
  it('网络舆情 counts as a discovery only when found before any complaint of the same problem', () => {
    expect(countsAsProactive('onlineMedia', false)).toBe(true);
    expect(countsAsProactive('onlineMedia', true)).toBe(false);
    // Inspection stays a discovery, a report stays a report, whatever came before.
    expect(countsAsProactive('gridInspection', true)).toBe(true);
    expect(countsAsProactive('hotline12345', false)).toBe(false);
    expect(isProactiveChannel('onlineMedia')).toBe(false); // not by channel alone
  });
  it('counts proactive channels and satisfied results', () => {
    expect(isProactiveChannel('gridInspection')).toBe(true);
    expect(isProactiveChannel('propertyCompany')).toBe(true);
    expect(isProactiveChannel('hotline12345')).toBe(false);
    expect(isProactiveChannel('residentWeb')).toBe(false);
    expect(countsAsSatisfied('satisfied')).toBe(true);
    expect(countsAsSatisfied('basicallySatisfied')).toBe(true);
    expect(countsAsSatisfied('dissatisfied')).toBe(false);
    expect(countsAsSatisfied(null)).toBe(false);
  });

  it('gives every rate null for an empty group', () => {
    expect(kpiRates(countCases([]))).toEqual({
      discoveryRate: null,
      acceptedOnTimeRate: null,
      onTimeRate: null,
      resolutionRate: null,
      satisfactionRate: null,
      repeatRate: null,
      arrivalOnTimeRate: null,
    });
  });

  it('到场及时率: on site by the deadline over the on-site clocks come due; cases without one do not count', () => {
    const k = (arrivedOnTime: boolean | null) => ({
      proactive: false,
      acceptedOnTime: null,
      onTime: null,
      resolved: null,
      satisfaction: null,
      duplicate: false,
      status: 'signed',
      arrivedOnTime,
    });
    const counts = countCases([k(true), k(false), k(true), k(null)]);
    expect([counts.arrivalsDue, counts.arrivedOnTime]).toEqual([3, 2]);
    expect(kpiRates(counts).arrivalOnTimeRate).toBe(0.6667);
    expect(kpiRates(countCases([k(null)])).arrivalOnTimeRate).toBeNull();
  });

  it('uses each rate its own denominator', () => {
    const cases: KpiCase[] = [
      // found by inspection, accepted late, still open
      { ...base, proactive: true, acceptedOnTime: false, status: 'dispatched' },
      // reported, accepted on time, closed late, resolved, basically satisfied
      {
        ...base,
        acceptedOnTime: true,
        onTime: false,
        resolved: true,
        satisfaction: 'basicallySatisfied',
        status: 'revisited',
      },
      // closed on time, not resolved, dissatisfied
      {
        ...base,
        acceptedOnTime: true,
        onTime: true,
        resolved: false,
        satisfaction: 'dissatisfied',
        status: 'revisited',
      },
      // a repeat complaint, never accepted
      { ...base, duplicate: true },
      // parked
      { ...base, proactive: true, acceptedOnTime: true, status: 'parked' },
      // closed on time, not yet revisited
      { ...base, acceptedOnTime: true, onTime: true, resolved: true, status: 'closed' },
    ];
    const counts = countCases(cases);
    expect(counts).toEqual({
      total: 6,
      proactive: 2,
      accepted: 5,
      acceptedOnTime: 4,
      closed: 3,
      closedOnTime: 2,
      resolvedKnown: 3,
      resolved: 2,
      revisited: 2,
      satisfied: 1,
      repeats: 1,
      parked: 1,
      arrivalsDue: 0,
      arrivedOnTime: 0,
    });
    expect(kpiRates(counts)).toEqual({
      discoveryRate: 0.3333,
      acceptedOnTimeRate: 0.8,
      onTimeRate: 0.6667,
      resolutionRate: 0.6667,
      satisfactionRate: 0.5,
      repeatRate: 0.1667,
      arrivalOnTimeRate: null,
    });
  });

  it('leaves rates without data null while others have values', () => {
    const rates = kpiRates(countCases([{ ...base, proactive: true }]));
    expect(rates.discoveryRate).toBe(1);
    expect(rates.repeatRate).toBe(0);
    expect(rates.acceptedOnTimeRate).toBeNull();
    expect(rates.onTimeRate).toBeNull();
    expect(rates.resolutionRate).toBeNull();
    expect(rates.satisfactionRate).toBeNull();
  });
});

describe('shanghaiPeriod', () => {
  it('turns Shanghai dates into a half-open UTC interval, `to` inclusive', () => {
    expect(shanghaiPeriod('2026-11-26', '2026-11-26')).toEqual({
      fromIso: '2026-11-25T16:00:00.000Z',
      toIso: '2026-11-26T16:00:00.000Z',
    });
    expect(shanghaiPeriod('2026-01-01', '2026-12-31')).toEqual({
      fromIso: '2025-12-31T16:00:00.000Z',
      toIso: '2026-12-31T16:00:00.000Z',
    });
  });
  it('puts the instants around Shanghai midnight on the right side', () => {
    const { fromIso, toIso } = shanghaiPeriod('2026-03-01', '2026-03-31');
    const inside = (iso: string) => iso >= fromIso && iso < toIso;
    expect(inside('2026-02-28T15:59:59.999Z')).toBe(false); // 23:59:59 on 28 Feb in Shanghai
    expect(inside('2026-02-28T16:00:00.000Z')).toBe(true); // 00:00 on 1 March in Shanghai
    expect(inside('2026-03-31T15:59:59.999Z')).toBe(true); // 23:59:59 on 31 March in Shanghai
    expect(inside('2026-03-31T16:00:00.000Z')).toBe(false); // 00:00 on 1 April in Shanghai
  });
  it('handles leap days and rejects bad periods', () => {
    expect(shanghaiPeriod('2028-02-29', '2028-02-29').toIso).toBe('2028-02-29T16:00:00.000Z');
    expect(() => shanghaiPeriod('2027-02-29', '2027-03-01')).toThrow(RangeError);
    expect(() => shanghaiPeriod('2026-03-02', '2026-03-01')).toThrow(RangeError);
    expect(() => shanghaiPeriod('2026-3-1', '2026-03-01')).toThrow(RangeError);
  });
});

describe('campaignProgress', () => {
  it('splits cases into open, closed and other and measures closed against the target', () => {
    const p = campaignProgress(
      { received: 1, dispatched: 2, parked: 1, closed: 3, revisited: 1, merged: 1, declined: 1 },
      10,
    );
    expect(p).toMatchObject({ total: 10, open: 4, closed: 4, other: 2, percentOfTarget: 40 });
  });
  it('rounds to one decimal and may exceed 100 %', () => {
    expect(campaignProgress({ closed: 1 }, 3).percentOfTarget).toBe(33.3);
    expect(campaignProgress({ closed: 2 }, 3).percentOfTarget).toBe(66.7);
    expect(campaignProgress({ closed: 5 }, 4).percentOfTarget).toBe(125);
    expect(campaignProgress({}, 4)).toMatchObject({ total: 0, open: 0, closed: 0, percentOfTarget: 0 });
  });
  it('needs a positive target', () => {
    expect(() => campaignProgress({}, 0)).toThrow(RangeError);
  });
});
