import { describe, expect, it } from 'vitest';
import {
  actionItemRate,
  assess,
  committeeRates,
  checkSystem,
  DEFAULT_SYSTEMS,
  indicatorScore,
  periodLabel,
  pointsValue,
  rankResults,
  ratingValue,
  type Indicator,
} from './assessment.js';

const ind = (
  code: string,
  weight: number,
  target = 0.9,
  direction: 'higher' | 'lower' = 'higher',
): Indicator => ({
  code,
  name: code,
  weight,
  target,
  direction,
  formula: { kind: 'manual' },
});

describe('indicatorScore', () => {
  it('higher is better: full marks at and above the target, proportional below', () => {
    expect(indicatorScore(0.9, 0.9, 'higher')).toBe(100);
    expect(indicatorScore(1, 0.9, 'higher')).toBe(100);
    expect(indicatorScore(0.8999, 0.9, 'higher')).toBe(99.99);
    expect(indicatorScore(0.45, 0.9, 'higher')).toBe(50);
    expect(indicatorScore(0, 0.9, 'higher')).toBe(0);
    expect(indicatorScore(0, 0, 'higher')).toBe(100);
  });
  it('lower is better: full marks at and below the target, down to 0 at 100 %', () => {
    expect(indicatorScore(0.05, 0.05, 'lower')).toBe(100);
    expect(indicatorScore(0, 0.05, 'lower')).toBe(100);
    expect(indicatorScore(0.525, 0.05, 'lower')).toBe(50);
    expect(indicatorScore(1, 0.05, 'lower')).toBe(0);
    expect(indicatorScore(1, 1, 'lower')).toBe(100);
  });
  it('no data is no score, not 0; values outside [0, 1] are refused', () => {
    expect(indicatorScore(null, 0.9, 'higher')).toBeNull();
    expect(() => indicatorScore(1.01, 0.9, 'higher')).toThrow(RangeError);
    expect(() => indicatorScore(-0.01, 0.9, 'higher')).toThrow(RangeError);
    expect(() => indicatorScore(0.5, 1.1, 'higher')).toThrow(RangeError);
  });
});

describe('checkSystem', () => {
  it('accepts weights summing to exactly 100', () => {
    expect(checkSystem({ level: 'street', indicators: [ind('a', 60), ind('b', 40)] })).toBeNull();
  });
  it('refuses 99 or 101, zero or fractional weights, duplicate codes, targets outside [0, 1]', () => {
    expect(checkSystem({ level: 'street', indicators: [ind('a', 60), ind('b', 39)] })).toBe('weightsNot100');
    expect(checkSystem({ level: 'street', indicators: [ind('a', 60), ind('b', 41)] })).toBe('weightsNot100');
    expect(checkSystem({ level: 'street', indicators: [ind('a', 100), ind('b', 0)] })).toBe('weightInvalid');
    expect(checkSystem({ level: 'street', indicators: [ind('a', 50.5), ind('b', 49.5)] })).toBe(
      'weightInvalid',
    );
    expect(checkSystem({ level: 'street', indicators: [ind('a', 50), ind('a', 50)] })).toBe('duplicateCode');
    expect(checkSystem({ level: 'street', indicators: [ind('a', 100, 1.5)] })).toBe('targetInvalid');
    expect(checkSystem({ level: 'street', indicators: [] })).toBe('empty');
  });
  it('committee indicators only for streets', () => {
    const f: Indicator = { ...ind('f', 100), formula: { kind: 'committeeFormation' } };
    expect(checkSystem({ level: 'street', indicators: [f] })).toBeNull();
    expect(checkSystem({ level: 'department', indicators: [f] })).toBe('formulaInvalid');
  });
  it('the product defaults are valid and marked unverified [U]', () => {
    for (const s of Object.values(DEFAULT_SYSTEMS)) {
      expect(checkSystem(s)).toBeNull();
      expect(s.verified).toBe(false);
    }
  });
});

describe('assess', () => {
  it('weights the scores and shows each line of the arithmetic', () => {
    const r = assess([ind('a', 60), ind('b', 40, 0.05, 'lower')], { a: 0.45, b: 0.05 });
    expect(r.total).toBe(70); // 50 × 60 % + 100 × 40 %
    expect(r.measuredWeight).toBe(100);
    expect(r.breakdown[0]).toMatchObject({
      code: 'a',
      value: 0.45,
      target: 0.9,
      score: 50,
      weight: 60,
      contribution: 30,
    });
    expect(r.breakdown[1]).toMatchObject({ score: 100, contribution: 40 });
  });
  it('an indicator without data is left out; the measured weights carry the total', () => {
    const r = assess([ind('a', 60), ind('b', 40)], { a: 0.45, b: null });
    expect(r.measuredWeight).toBe(60);
    expect(r.total).toBe(50);
    expect(r.breakdown[1]).toMatchObject({ value: null, score: null, contribution: null });
  });
  it('nothing measured → no total', () => {
    expect(assess([ind('a', 100)], {}).total).toBeNull();
  });
});

describe('rankResults', () => {
  it('shares ranks on ties (1, 2, 2, 4) and leaves units without a total unranked, last', () => {
    const ranked = rankResults([
      { key: 'd', name: '丁', total: 70 },
      { key: 'n', name: '无', total: null },
      { key: 'a', name: '甲', total: 90 },
      { key: 'b', name: '乙', total: 80 },
      { key: 'c', name: '丙', total: 80 },
    ]);
    expect(ranked.map((r) => [r.key, r.rank])).toEqual([
      ['a', 1],
      ['c', 2],
      ['b', 2],
      ['d', 4],
      ['n', null],
    ]);
  });
});

describe('points, ratings and periods', () => {
  it('points 0–100 become values; out of range refused', () => {
    expect(pointsValue(92.5)).toBe(0.925);
    expect(pointsValue(0)).toBe(0);
    expect(pointsValue(100)).toBe(1);
    expect(() => pointsValue(100.01)).toThrow(RangeError);
    expect(() => pointsValue(-1)).toThrow(RangeError);
    expect(() => pointsValue(1.234)).toThrow(RangeError);
  });
  it('rating value is the mean', () => {
    expect(ratingValue([])).toBeNull();
    expect(ratingValue([80, 90])).toBe(0.85);
  });
  it('labels quarters and years', () => {
    expect(periodLabel('2026-Q4')).toEqual({
      zh: '2026年第四季度',
      en: 'Q4 2026',
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(periodLabel('2024-Q1')?.to).toBe('2024-03-31');
    expect(periodLabel('2026')?.zh).toBe('2026年度');
    expect(periodLabel('2026-Q5')).toBeNull();
  });
});

describe('values from our own data', () => {
  it('committee formation and regularity leave unrecorded 既有小区 out', () => {
    expect(
      committeeRates([
        'in_term',
        'term_expiring',
        'expired',
        'no_assembly',
        'forming',
        'existing_unrecorded',
      ]),
    ).toEqual({ formation: 0.6, regularity: 0.6667 });
    expect(committeeRates(['existing_unrecorded'])).toEqual({ formation: null, regularity: null });
    expect(committeeRates(['no_assembly'])).toEqual({ formation: 0, regularity: null });
  });
  it('action items count as done on time up to their due day', () => {
    expect(
      actionItemRate([
        { dueOn: '2026-12-10', doneOn: '2026-12-10' },
        { dueOn: '2026-12-10', doneOn: '2026-12-11' },
        { dueOn: '2026-12-10', doneOn: null },
        { dueOn: '2026-12-10', doneOn: '2026-12-01' },
      ]),
    ).toBe(0.5);
    expect(actionItemRate([])).toBeNull();
  });
});
