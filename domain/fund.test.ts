import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { apportionCost, overdrawnShares, paymentBasisProblem, topUpDue, type ShareUnit } from './fund.js';
import { validateShareInput, validateTopUpInput } from './fund-input.js';

const units = (...centi: number[]): ShareUnit[] => centi.map((c, i) => ({ id: `u${i + 1}`, centi: c }));

describe('apportionCost (《上海市住宅物业管理规定》 Art 68: by building area, to the fen)', () => {
  it('splits exactly in proportion when the division is exact', () => {
    expect(apportionCost(30_000, units(10_000, 20_000)).map((s) => s.fen)).toEqual([10_000, 20_000]);
  });

  it('gives the fen left over to the largest remainders', () => {
    // 1.00 yuan over areas 1, 2, 4: exact shares 14.28, 28.57, 57.14 fen → floors 14, 28, 57 (99), remainders
    // 2/7, 4/7, 1/7 → the one fen left goes to the second unit.
    expect(apportionCost(100, units(100, 200, 400)).map((s) => s.fen)).toEqual([14, 29, 57]);
  });

  it('breaks equal remainders in favour of the earlier unit in the input', () => {
    expect(apportionCost(100, units(100, 100, 100)).map((s) => s.fen)).toEqual([34, 33, 33]);
    expect(apportionCost(200, units(100, 100, 100)).map((s) => s.fen)).toEqual([67, 67, 66]);
  });

  it('keeps every unit, in input order, with its area', () => {
    const r = apportionCost(1, units(5, 7, 3));
    expect(r.map((s) => s.id)).toEqual(['u1', 'u2', 'u3']);
    expect(r.map((s) => s.fen)).toEqual([0, 1, 0]);
    expect(r.map((s) => s.centi)).toEqual([5, 7, 3]);
  });

  it('is exact far beyond double precision (a large city-wide sum over tiny and huge areas)', () => {
    const cost = 9_000_000_000_000_00; // 9 × 10^12 yuan in fen, still a safe integer
    const r = apportionCost(cost, units(1, 9_000_000_000_000, 3));
    expect(r.reduce((a, s) => a + BigInt(s.fen), 0n)).toBe(BigInt(cost));
  });

  it('refuses what cannot be shared', () => {
    expect(() => apportionCost(0, units(1))).toThrow(RangeError);
    expect(() => apportionCost(100, [])).toThrow(RangeError);
    expect(() => apportionCost(100, units(0))).toThrow(RangeError);
  });

  const arbUnits = fc.array(fc.integer({ min: 1, max: 50_000_000 }), { minLength: 1, maxLength: 60 });
  const arbCost = fc.integer({ min: 1, max: 10_000_000_000 });

  it('property: the shares always add up exactly to the cost', () => {
    fc.assert(
      fc.property(arbCost, arbUnits, (cost, areas) => {
        const total = apportionCost(cost, units(...areas)).reduce((a, s) => a + s.fen, 0);
        expect(total).toBe(cost);
      }),
    );
  });

  it('property: each share is its floor or one fen more, and only the largest remainders get the extra fen', () => {
    fc.assert(
      fc.property(arbCost, arbUnits, (cost, areas) => {
        const totalArea = areas.reduce((a, b) => a + BigInt(b), 0n);
        const r = apportionCost(cost, units(...areas));
        const rem = areas.map((a) => (BigInt(cost) * BigInt(a)) % totalArea);
        const extra = r.map((s, i) => BigInt(s.fen) - (BigInt(cost) * BigInt(areas[i])) / totalArea);
        for (const e of extra) expect(e === 0n || e === 1n).toBe(true);
        for (let i = 0; i < areas.length; i++) {
          for (let j = 0; j < areas.length; j++) {
            // A unit that got no extra fen never has a larger remainder (or an equal one, earlier) than one that did.
            if (extra[i] === 1n && extra[j] === 0n) {
              expect(rem[i] > rem[j] || (rem[i] === rem[j] && i < j)).toBe(true);
            }
          }
        }
      }),
    );
  });

  it('property: reordering the units changes no total and no share by more than the one fen of a tie', () => {
    fc.assert(
      fc.property(arbCost, arbUnits, fc.nat(), (cost, areas, seed) => {
        const list = units(...areas);
        const shuffled = [...list].sort(
          (a, b) => ((a.centi * 31 + seed) % 97) - ((b.centi * 31 + seed) % 97),
        );
        const byId = new Map(apportionCost(cost, list).map((s) => [s.id, s.fen]));
        const again = apportionCost(cost, shuffled);
        expect(again.reduce((a, s) => a + s.fen, 0)).toBe(cost);
        for (const s of again) expect(Math.abs(s.fen - (byId.get(s.id) ?? 0))).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('topUpDue (Art 65: under 30 % of the initial deposit, back to 50 %)', () => {
  it('exactly 30 % is not under the threshold', () => {
    expect(topUpDue(100_000, 30_000)).toEqual({ belowThreshold: false, dueFen: 0 });
  });

  it('one fen under 30 % is, and is brought back to 50 %', () => {
    expect(topUpDue(100_000, 29_999)).toEqual({ belowThreshold: true, dueFen: 20_001 });
  });

  it('rounds the 50 % level up to the fen', () => {
    // 50 % of 0.03 yuan is 1.5 fen → 2 fen; with nothing left the owner pays 0.02.
    expect(topUpDue(3, 0)).toEqual({ belowThreshold: true, dueFen: 2 });
  });

  it('property: after paying what is due the balance is at least 50 % and one fen less would not be', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 10_000_000_000 }),
        (i, b) => {
          const r = topUpDue(i, b);
          expect(r.belowThreshold).toBe(b * 100 < i * 30);
          if (r.belowThreshold) {
            expect((b + r.dueFen) * 2 >= i).toBe(true);
            expect((b + r.dueFen - 1) * 2 < i).toBe(true);
          } else expect(r.dueFen).toBe(0);
        },
      ),
    );
  });
});

describe('validateShareInput / validateTopUpInput', () => {
  it('reads the cost as a number or a string and takes the area by precedence', () => {
    const v = validateShareInput({
      cost: '12.5',
      units: [
        { id: 'a', registeredArea: null, surveyedArea: 80.25, contractArea: 90 },
        { id: 'b', contractArea: '70' },
      ],
    });
    expect(v).toEqual({
      ok: true,
      value: {
        costFen: 1250,
        units: [
          { id: 'a', given: 'a', centi: 8025 },
          { id: 'b', given: 'b', centi: 7000 },
        ],
      },
    });
  });

  it.each([
    [{ units: [{ id: 'a', registeredArea: 1 }] }, 'the cost is missing'],
    [{ cost: 0, units: [{ id: 'a', registeredArea: 1 }] }, 'the cost is 0'],
    [{ cost: -1, units: [{ id: 'a', registeredArea: 1 }] }, 'negative'],
    [{ cost: '1.001', units: [{ id: 'a', registeredArea: 1 }] }, 'more than two decimals'],
    [{ cost: 1, units: [] }, 'the units list is empty'],
    [{ cost: 1, units: [{ id: 'a' }] }, 'has no area'],
    [{ cost: 1, units: [{ id: 'a', registeredArea: 0, surveyedArea: 5 }] }, 'registeredArea is 0'],
    [{ cost: 1, units: [{ id: 'a', surveyedArea: -2 }] }, 'negative'],
    [
      {
        cost: 1,
        units: [
          { id: 'a', registeredArea: 1 },
          { id: 'a', registeredArea: 2 },
        ],
      },
      'appears more than once',
    ],
    [{ cost: 1, units: [{ registeredArea: 1 }] }, '"id" must be a non-empty string'],
  ])('refuses %j: %s', (input, message) => {
    const v = validateShareInput(input);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems.map((p) => p.message).join('\n')).toContain(message);
  });

  it.each([
    [{ ledgers: [] }, 'the ledgers list is empty'],
    [{ ledgers: [{ id: 'a', initial: 0, balance: 0 }] }, 'initial is 0'],
    [{ ledgers: [{ id: 'a', initial: 10, balance: -1 }] }, 'negative'],
    [{ ledgers: [{ id: 'a', initial: 10 }] }, 'balance is missing'],
    [
      {
        ledgers: [
          { id: 'a', initial: 10, balance: 1 },
          { id: 'a', initial: 10, balance: 1 },
        ],
      },
      'appears more than once',
    ],
  ])('refuses %j: %s', (input, message) => {
    const v = validateTopUpInput(input);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.problems.map((p) => p.message).join('\n')).toContain(message);
  });

  it('accepts a zero balance', () => {
    expect(validateTopUpInput({ ledgers: [{ id: 'a', initial: '100', balance: 0 }] }).ok).toBe(true);
  });
});

describe('paymentBasisProblem (《规定》 Art 69: a passed use decision of the part)', () => {
  const ok = {
    compoundId: 'c1',
    matter: 'use_fund',
    status: 'published',
    passed: true,
    scope: 'buildings' as const,
    buildingIds: ['b1'],
  };
  it('accepts a published, passed use_fund decision of the same compound', () => {
    expect(paymentBasisProblem('c1', ok)).toBeNull();
  });
  it.each([
    [{ ...ok, compoundId: 'c2' }, 'decision_other_compound'],
    [{ ...ok, matter: 'raise_fund' }, 'decision_not_use_fund'],
    [{ ...ok, status: 'closed' }, 'decision_not_published'],
    [{ ...ok, passed: false }, 'decision_not_passed'],
  ])('refuses %j', (d, problem) => {
    expect(paymentBasisProblem('c1', d)).toBe(problem);
  });
});

describe('overdrawnShares', () => {
  it('names the units whose balance is below their share, exactly at the balance is fine', () => {
    const shares = [
      { id: 'a', centi: 1, fen: 100 },
      { id: 'b', centi: 1, fen: 100 },
    ];
    const balances: Record<string, number> = { a: 100, b: 99 };
    expect(overdrawnShares(shares, (id) => balances[id])).toEqual([{ id: 'b', shortFen: 1 }]);
  });
});
