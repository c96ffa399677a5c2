import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  CHOICES,
  MATTERS,
  TallyInputError,
  checkTallyInput,
  ruleFor,
  tallyResultToJson,
  tallyVote,
  unitArea,
  validateTallyInput,
  type Choice,
  type Matter,
  type TallyBallot,
  type TallyInput,
  type TallyProblemCode,
  type TallyResult,
  type TallyUnit,
} from './vote-tally.js';

// ---------------------------------------------------------------------------------------------------------
// Helpers: describe a vote owner by owner; each owner may hold several units.

interface OwnerSpec {
  owner: string;
  areas: number[]; // one entry per unit, centi-m², all > 0
  choice: Choice | null; // null = did not return a ballot
}

function build(matter: Matter, owners: OwnerSpec[]): TallyInput {
  const units: TallyUnit[] = [];
  const ballots: TallyBallot[] = [];
  for (const o of owners) {
    o.areas.forEach((a, j) => units.push({ id: `${o.owner}/u${j}`, owner: o.owner, registeredArea: a }));
    if (o.choice !== null) ballots.push({ owner: o.owner, choice: o.choice });
  }
  return { matter, units, ballots };
}

/** Splits a positive area into `n` positive unit areas (fewer if the area is too small). */
function split(area: number, n: number): number[] {
  const parts = Math.max(1, Math.min(n, area));
  const base = Math.floor(area / parts);
  return Array.from({ length: parts }, (_, i) => (i === 0 ? area - base * (parts - 1) : base));
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** `count` owners holding the given total areas (each split into 1–3 units), all with `choice`. */
function owners(
  prefix: string,
  areas: number[],
  splits: number[],
  choice: (i: number) => Choice | null,
): OwnerSpec[] {
  return areas.map((a, i) => ({
    owner: `${prefix}${i}`,
    areas: split(a, splits[i % splits.length] ?? 1),
    choice: choice(i),
  }));
}

const area = fc.integer({ min: 1, max: 50_000 }); // up to 500 m² per owner
const areas = (n: number) => fc.array(area, { minLength: n, maxLength: n });
const splits = fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 5 });
const anyChoice = fc.constantFrom<Choice>(...CHOICES);
const nonYes = fc.constantFrom<Choice>('no', 'abstain');
const majorityMatter = fc.constantFrom<Matter>(...MATTERS.filter((m) => ruleFor(m) === 'majority'));
const threeQuarterMatter = fc.constantFrom<Matter>('raise_fund', 'rebuild', 'change_common_use');
const anyMatter = fc.constantFrom<Matter>(...MATTERS);

/** Scales two positive area lists so that sum(a) = ratioA/ratioB · sum(b) exactly. */
function scaleToRatio(a: number[], b: number[], ratioA: number, ratioB: number): [number[], number[]] {
  const sa = sum(a);
  const sb = sum(b);
  return [a.map((x) => x * sb * ratioA), b.map((x) => x * sa * ratioB)];
}

/** Moves one centi-m² from the first unit of owner `from` to the first unit of owner `to`. */
function moveOneCenti(list: OwnerSpec[], from: number, to: number): OwnerSpec[] {
  return list.map((o, i) => {
    if (i === from) return { ...o, areas: [o.areas[0] - 1, ...o.areas.slice(1)] };
    if (i === to) return { ...o, areas: [o.areas[0] + 1, ...o.areas.slice(1)] };
    return o;
  });
}

// ---------------------------------------------------------------------------------------------------------

describe('ruleFor / MATTERS', () => {
  it('3/4 exactly for Art 278 items 6–8; majority otherwise (incl. 《规定》 Art 10 area adjustment)', () => {
    const threeQuarters = MATTERS.filter((m) => ruleFor(m) === 'three_quarters');
    expect(threeQuarters).toEqual(['raise_fund', 'rebuild', 'change_common_use']);
    expect(ruleFor('use_fund')).toBe('majority');
    expect(ruleFor('adjust_management_area')).toBe('majority');
    // 调整物业收费标准 (《规定》 Art 28 ¶4 (二)) and 提前换届改选 (Art 32 ¶2–3): Art 278 (九) / (三), majority.
    expect(ruleFor('adjust_fees')).toBe('majority');
    expect(ruleFor('early_reelection')).toBe('majority');
    expect(MATTERS).toHaveLength(12);
  });
});

describe('quorum: ≥ 2/3 of area AND ≥ 2/3 of persons take part', () => {
  it('property: met at exactly 2/3 of area and persons; not met one centi-m² below', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((k) => fc.tuple(areas(2 * k), areas(k))),
        splits,
        anyMatter,
        fc.array(anyChoice, { minLength: 1, maxLength: 8 }),
        ([pAreas, nAreas], sp, matter, choices) => {
          const [p, n] = scaleToRatio(pAreas, nAreas, 2, 1); // participating : absent area = 2 : 1
          const list = [
            ...owners('p', p, sp, (i) => choices[i % choices.length]),
            ...owners('n', n, sp, () => null),
          ];
          const at = tallyVote(build(matter, list));
          expect(3n * at.participatingArea).toBe(2n * at.totalArea);
          expect(3 * at.participatingPersons).toBe(2 * at.totalPersons);
          expect(at.quorumMet).toBe(true);

          // One participant gives one centi-m² to an absent owner: totals unchanged, participation 1 short.
          const below = tallyVote(build(matter, moveOneCenti(list, 0, p.length)));
          expect(below.totalArea).toBe(at.totalArea);
          expect(below.participatingArea).toBe(at.participatingArea - 1n);
          expect(below.quorumMet).toBe(false);
          expect(below.passed).toBe(false);
        },
      ),
    );
  });

  it('property: persons at exactly 2/3 is met, one person fewer is not, however much area takes part', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), area, anyMatter, (k, big, matter) => {
        // 2k participants: 2k − 1 hold large areas, the last one ("edge") 1 centi-m²; k absent owners 1 each.
        const input = build(matter, [
          { owner: 'edge', areas: [1], choice: 'yes' },
          ...Array.from({ length: 2 * k - 1 }, (_, i): OwnerSpec => ({
            owner: `p${i}`,
            areas: [big + 100],
            choice: 'yes',
          })),
          ...Array.from({ length: k }, (_, i): OwnerSpec => ({ owner: `n${i}`, areas: [1], choice: null })),
        ]);
        const r = tallyVote(input);
        expect(3 * r.participatingPersons).toBe(2 * r.totalPersons);
        expect(r.quorumMet).toBe(true);
        expect(r.passed).toBe(true);
        // "edge" stays home: 2k − 1 of 3k persons, while the area taking part is still well over 2/3.
        const below = tallyVote({ ...input, ballots: input.ballots.slice(1) });
        expect(3 * below.participatingPersons).toBe(2 * below.totalPersons - 3);
        expect(3n * below.participatingArea >= 2n * below.totalArea).toBe(true);
        expect(below.quorumMet).toBe(false);
        expect(below.passed).toBe(false);
      }),
    );
  });

  it('nobody taking part never passes (even under the 3/4 rule, where 0 ≥ 3/4·0)', () => {
    for (const matter of MATTERS) {
      const r = tallyVote(build(matter, [{ owner: 'a', areas: [100], choice: null }]));
      expect(r).toMatchObject({
        participatingPersons: 0,
        participatingArea: 0n,
        quorumMet: false,
        passed: false,
      });
    }
  });
});

describe('approval under the 3/4 rule (筹集维修资金, 改建重建, 改变共有部分用途)', () => {
  it('property: passes at exactly 3/4 of participating area and persons; fails one centi-m² below', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 }).chain((k) => fc.tuple(areas(3 * k), areas(k))),
        splits,
        threeQuarterMatter,
        fc.array(nonYes, { minLength: 1, maxLength: 4 }),
        ([yAreas, oAreas], sp, matter, others) => {
          const [y, o] = scaleToRatio(yAreas, oAreas, 3, 1);
          const list = [
            ...owners('y', y, sp, () => 'yes'),
            ...owners('o', o, sp, (i) => others[i % others.length]),
          ];
          const at = tallyVote(build(matter, list));
          expect(at.rule).toBe('three_quarters');
          expect(4n * at.yesArea).toBe(3n * at.participatingArea);
          expect(4 * at.yesPersons).toBe(3 * at.participatingPersons);
          expect(at.quorumMet).toBe(true); // everyone took part
          expect(at.passed).toBe(true);

          const below = tallyVote(build(matter, moveOneCenti(list, 0, y.length)));
          expect(below.quorumMet).toBe(true);
          expect(below.passed).toBe(false);

          // The same file under a majority matter also passes (3/4 > 1/2).
          expect(tallyVote(build('use_fund', list)).passed).toBe(true);
        },
      ),
    );
  });

  it('property: fails with one yes-person short of 3/4, however much area says yes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), threeQuarterMatter, (k, matter) => {
        // 3k − 1 yes of 4k − 1 participants: 4(3k−1) = 12k − 4 < 3(4k−1) = 12k − 3.
        const list: OwnerSpec[] = [
          ...Array.from({ length: 3 * k - 1 }, (_, i): OwnerSpec => ({
            owner: `y${i}`,
            areas: [1_000_000],
            choice: 'yes',
          })),
          ...Array.from({ length: k }, (_, i): OwnerSpec => ({ owner: `o${i}`, areas: [1], choice: 'no' })),
        ];
        const r = tallyVote(build(matter, list));
        expect(r.quorumMet).toBe(true);
        expect(4n * r.yesArea >= 3n * r.participatingArea).toBe(true);
        expect(r.passed).toBe(false);
      }),
    );
  });
});

describe('approval under the majority rule ("过半数" = strictly more than half)', () => {
  it('property: fails at exactly half of area and persons; passes just above', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((k) => fc.tuple(areas(k), areas(k))),
        splits,
        majorityMatter,
        fc.array(nonYes, { minLength: 1, maxLength: 4 }),
        ([yAreas, oAreas], sp, matter, others) => {
          const [y, o] = scaleToRatio(yAreas, oAreas, 1, 1);
          const list = [
            ...owners('y', y, sp, () => 'yes'),
            ...owners('o', o, sp, (i) => others[i % others.length]),
          ];
          const half = tallyVote(build(matter, list));
          expect(2n * half.yesArea).toBe(half.participatingArea);
          expect(2 * half.yesPersons).toBe(half.participatingPersons);
          expect(half.quorumMet).toBe(true);
          expect(half.passed).toBe(false);

          // Just above: one more yes-person (1 centi-m²) and one centi-m² moved from the other side to yes.
          const above = [
            ...moveOneCenti(list, y.length, 0),
            { owner: 'extra', areas: [1], choice: 'yes' as const },
          ];
          const r = tallyVote(build(matter, above));
          expect(2n * r.yesArea).toBe(r.participatingArea + 3n); // (Y+2)·2 vs 2Y+1
          expect(2 * r.yesPersons).toBe(r.participatingPersons + 1);
          expect(r.passed).toBe(true);
        },
      ),
    );
  });

  it('exactly half on one measure fails even with a clear majority on the other', () => {
    // Area: 1 yes-person holds half the area; persons: 1 of 2 → persons exactly half.
    const personsHalf = tallyVote(
      build('elect_committee', [
        { owner: 'a', areas: [90_00], choice: 'yes' },
        { owner: 'b', areas: [10_00], choice: 'no' },
      ]),
    );
    expect(personsHalf).toMatchObject({
      quorumMet: true,
      passed: false,
      yesPersons: 1,
      participatingPersons: 2,
    });
    // Persons 2 of 3 yes, area exactly half.
    const areaHalf = tallyVote(
      build('elect_committee', [
        { owner: 'a', areas: [25_00], choice: 'yes' },
        { owner: 'b', areas: [25_00], choice: 'yes' },
        { owner: 'c', areas: [50_00], choice: 'no' },
      ]),
    );
    expect(areaHalf).toMatchObject({
      quorumMet: true,
      passed: false,
      yesArea: 50_00n,
      participatingArea: 100_00n,
    });
  });

  it('abstentions take part (quorum, denominators) but are not yes-votes', () => {
    const r = tallyVote(
      build('hire_or_dismiss_manager', [
        { owner: 'a', areas: [100], choice: 'yes' },
        { owner: 'b', areas: [100], choice: 'abstain' },
        { owner: 'c', areas: [100], choice: 'abstain' },
      ]),
    );
    expect(r).toMatchObject({ participatingPersons: 3, yesPersons: 1, quorumMet: true, passed: false });
  });
});

describe('persons and area (区分所有权解释 Arts 8–9)', () => {
  it('property: an owner of several units is one person with the summed area', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(area, fc.integer({ min: 1, max: 6 }), fc.option(anyChoice)), {
          minLength: 1,
          maxLength: 25,
        }),
        anyMatter,
        (spec, matter) => {
          const single = spec.map(([a, , c], i): OwnerSpec => ({ owner: `o${i}`, areas: [a], choice: c }));
          const multi = spec.map(([a, n, c], i): OwnerSpec => ({
            owner: `o${i}`,
            areas: split(a, n),
            choice: c,
          }));
          const r1 = tallyVote(build(matter, single));
          const r2 = tallyVote(build(matter, multi));
          expect(r2).toEqual(r1);
          expect(r2.totalPersons).toBe(spec.length);
          expect(r2.totalArea).toBe(BigInt(sum(spec.map(([a]) => a))));
        },
      ),
    );
  });

  it("property: the developer's many unsold/undelivered units are one person", () => {
    fc.assert(
      fc.property(
        fc.array(area, { minLength: 1, maxLength: 200 }),
        fc.option(anyChoice),
        fc.array(fc.tuple(area, fc.option(anyChoice)), { minLength: 1, maxLength: 20 }),
        anyMatter,
        (devUnits, devChoice, buyers, matter) => {
          const buyerSpecs = buyers.map(([a, c], i): OwnerSpec => ({
            owner: `buyer${i}`,
            areas: [a],
            choice: c,
          }));
          const spread = build(matter, [
            { owner: 'developer', areas: devUnits, choice: devChoice },
            ...buyerSpecs,
          ]);
          const merged = build(matter, [
            { owner: 'developer', areas: [sum(devUnits)], choice: devChoice },
            ...buyerSpecs,
          ]);
          const r = tallyVote(spread);
          expect(r).toEqual(tallyVote(merged));
          expect(r.totalPersons).toBe(buyers.length + 1);
        },
      ),
    );
  });

  it('a developer holding most of the area cannot carry the quorum alone', () => {
    const input = build('raise_fund', [
      { owner: 'developer', areas: Array.from({ length: 91 }, () => 90_00), choice: 'yes' },
      ...Array.from({ length: 9 }, (_, i): OwnerSpec => ({ owner: `b${i}`, areas: [90_00], choice: null })),
    ]);
    const r = tallyVote(input);
    expect(r).toMatchObject({
      totalPersons: 10,
      participatingPersons: 1,
      yesArea: 819000n,
      totalArea: 900000n,
    });
    expect(r.quorumMet).toBe(false);
    expect(r.passed).toBe(false);
  });

  const maybeArea = fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer({ min: 1, max: 100_000 }));

  it('property: area = registered, else surveyed, else contract; null and absent both mean missing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(maybeArea, maybeArea, maybeArea, fc.boolean()), { minLength: 1, maxLength: 30 }),
        (rows) => {
          fc.pre(rows.every(([r, s, c]) => r != null || s != null || c != null));
          const units: TallyUnit[] = rows.map(([r, s, c], i) => {
            const u: TallyUnit = { id: `u${i}`, owner: `o${i}` };
            // undefined = key absent, so both representations of "missing" occur
            if (r !== undefined) u.registeredArea = r;
            if (s !== undefined) u.surveyedArea = s;
            if (c !== undefined) u.contractArea = c;
            return u;
          });
          const ballots = rows.flatMap(([, , , votes], i) =>
            votes ? [{ owner: `o${i}`, choice: 'yes' as const }] : [],
          );
          const expected = rows.map(([r, s, c]) => BigInt((r != null ? r : s != null ? s : c) as number));
          const res = tallyVote({ matter: 'other_major', units, ballots });
          expect(res.totalArea).toBe(expected.reduce((a, b) => a + b, 0n));
          expect(res.yesArea).toBe(expected.filter((_, i) => rows[i][3]).reduce((a, b) => a + b, 0n));
          units.forEach((u, i) => expect(BigInt(unitArea(u)!.centi)).toBe(expected[i]));
        },
      ),
    );
  });

  it('a registered area of 0 is taken (not skipped) and rejected', () => {
    const problems = checkTallyInput({
      matter: 'other_major',
      units: [{ id: 'u1', owner: 'a', registeredArea: 0, surveyedArea: 100 }],
      ballots: [],
    });
    expect(problems).toEqual([
      expect.objectContaining({ code: 'tally.unit_area_not_positive', path: 'units[0].registeredArea' }),
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Reference model: a deliberately naive re-implementation with reduced rationals.

interface Rational {
  n: bigint;
  d: bigint; // > 0
}
function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}
function rat(n: bigint, d: bigint): Rational {
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}
function cmp(a: Rational, b: Rational): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}
const TWO_THIRDS = rat(2n, 3n);
const THREE_QUARTERS = rat(3n, 4n);
const ONE_HALF = rat(1n, 2n);
// Straight from 民法典 Art 278 ¶1 items (六)(七)(八).
const ITEMS_6_TO_8: readonly string[] = ['raise_fund', 'rebuild', 'change_common_use'];

function referenceTally(input: TallyInput): TallyResult {
  const areaOf = (u: TallyUnit): bigint => {
    if (u.registeredArea !== null && u.registeredArea !== undefined) return BigInt(u.registeredArea);
    if (u.surveyedArea !== null && u.surveyedArea !== undefined) return BigInt(u.surveyedArea);
    return BigInt(u.contractArea as number);
  };
  const people: string[] = [];
  for (const u of input.units) if (!people.includes(u.owner)) people.push(u.owner);
  const personArea = (o: string) =>
    input.units.filter((u) => u.owner === o).reduce((s, u) => s + areaOf(u), 0n);
  const totalArea = people.reduce((s, o) => s + personArea(o), 0n);
  const voters = input.ballots.map((b) => b.owner);
  const yesVoters = input.ballots.filter((b) => b.choice === 'yes').map((b) => b.owner);
  const participatingArea = voters.reduce((s, o) => s + personArea(o), 0n);
  const yesArea = yesVoters.reduce((s, o) => s + personArea(o), 0n);
  const quorumMet =
    cmp(rat(participatingArea, totalArea), TWO_THIRDS) >= 0 &&
    cmp(rat(BigInt(voters.length), BigInt(people.length)), TWO_THIRDS) >= 0;
  let approved = false;
  if (voters.length > 0) {
    const byArea = rat(yesArea, participatingArea);
    const byPersons = rat(BigInt(yesVoters.length), BigInt(voters.length));
    approved = ITEMS_6_TO_8.includes(input.matter)
      ? cmp(byArea, THREE_QUARTERS) >= 0 && cmp(byPersons, THREE_QUARTERS) >= 0
      : cmp(byArea, ONE_HALF) > 0 && cmp(byPersons, ONE_HALF) > 0;
  }
  return {
    matter: input.matter,
    rule: ITEMS_6_TO_8.includes(input.matter) ? 'three_quarters' : 'majority',
    totalArea,
    totalPersons: people.length,
    participatingArea,
    participatingPersons: voters.length,
    yesArea,
    yesPersons: yesVoters.length,
    quorumMet,
    passed: quorumMet && approved,
  };
}

// Small areas and few owners so that exact 1/2, 2/3 and 3/4 ties happen often.
const smallArea = fc.integer({ min: 1, max: 4 });
const optSmallArea = fc.option(smallArea, { nil: undefined, freq: 3 });
const randomInput: fc.Arbitrary<TallyInput> = fc
  .record({
    matter: anyMatter,
    ownerCount: fc.integer({ min: 1, max: 8 }),
    units: fc.array(
      fc.record({
        ownerPick: fc.nat(),
        registeredArea: fc.option(smallArea, { freq: 2 }),
        surveyedArea: optSmallArea,
        contractArea: smallArea,
      }),
      { minLength: 1, maxLength: 14 },
    ),
    ballotPicks: fc.array(fc.tuple(fc.boolean(), anyChoice), { minLength: 8, maxLength: 8 }),
  })
  .map(({ matter, ownerCount, units, ballotPicks }) => {
    const tallyUnits: TallyUnit[] = units.map((u, i) => ({
      id: `u${i}`,
      owner: `o${u.ownerPick % ownerCount}`,
      registeredArea: u.registeredArea,
      surveyedArea: u.surveyedArea,
      contractArea: u.contractArea,
    }));
    const owners = [...new Set(tallyUnits.map((u) => u.owner))];
    const ballots = owners.flatMap((o, i) =>
      ballotPicks[i][0] ? [{ owner: o, choice: ballotPicks[i][1] }] : [],
    );
    return { matter, units: tallyUnits, ballots };
  });

describe('reference model', () => {
  it('property: tallyVote agrees with a naive rational-arithmetic implementation', () => {
    let passes = 0;
    let quorumFails = 0;
    fc.assert(
      fc.property(randomInput, (input) => {
        const r = tallyVote(input);
        expect(r).toEqual(referenceTally(input));
        expect(checkTallyInput(input)).toEqual([]);
        if (r.passed) passes++;
        if (!r.quorumMet) quorumFails++;
      }),
      { numRuns: 2000 },
    );
    // The generator exercises both outcomes.
    expect(passes).toBeGreaterThan(50);
    expect(quorumFails).toBeGreaterThan(50);
  });

  it('property: sums stay exact beyond 2^53 centi-m² (bigint path)', () => {
    const huge = fc.integer({ min: Number.MAX_SAFE_INTEGER - 1000, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(huge, fc.option(anyChoice)), { minLength: 2, maxLength: 6 }),
        anyMatter,
        (spec, matter) => {
          const input = build(
            matter,
            spec.map(([a, c], i) => ({ owner: `o${i}`, areas: [a, 1], choice: c })),
          );
          const r = tallyVote(input);
          expect(r).toEqual(referenceTally(input));
          expect(r.totalArea).toBe(spec.reduce((t, [a]) => t + BigInt(a) + 1n, 0n));
        },
      ),
    );
  });

  it('property: ballot order and unit order do not matter', () => {
    fc.assert(
      fc.property(randomInput, fc.integer(), (input, seed) => {
        const rotate = <T>(xs: readonly T[]) => {
          const k = xs.length ? Math.abs(seed) % xs.length : 0;
          return [...xs.slice(k), ...xs.slice(0, k)];
        };
        const shuffled = { ...input, units: rotate(input.units).reverse(), ballots: rotate(input.ballots) };
        expect(tallyVote(shuffled)).toEqual(tallyVote(input));
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('validation', () => {
  const validRaw = () => ({
    matter: 'use_fund',
    units: [
      { id: 'u1', owner: 'alice', registeredArea: 80.5 },
      { id: 'u2', owner: 'bob', registeredArea: null, surveyedArea: 90.25, contractArea: 91 },
      { id: 'u3', owner: 'dev', contractArea: 100 },
      { id: 'u4', owner: 'dev', surveyedArea: '99.99' },
    ],
    ballots: [
      { owner: 'alice', choice: 'yes' },
      { owner: 'bob', choice: 'no' },
      { owner: 'dev', choice: 'abstain' },
    ],
  });

  it('accepts a valid document and converts m² to centi-m²', () => {
    const v = validateTallyInput(validRaw());
    expect(v).toEqual({
      ok: true,
      value: {
        matter: 'use_fund',
        units: [
          { id: 'u1', owner: 'alice', registeredArea: 8050 },
          { id: 'u2', owner: 'bob', registeredArea: null, surveyedArea: 9025, contractArea: 9100 },
          { id: 'u3', owner: 'dev', contractArea: 10000 },
          { id: 'u4', owner: 'dev', surveyedArea: 9999 },
        ],
        ballots: validRaw().ballots,
      },
    });
    if (!v.ok) return;
    const r = tallyVote(v.value);
    expect(tallyResultToJson(r)).toEqual({
      matter: 'use_fund',
      rule: 'majority',
      totalArea: '370.74',
      totalPersons: 3,
      participatingArea: '370.74',
      participatingPersons: 3,
      yesArea: '80.50',
      yesPersons: 1,
      quorumMet: true,
      passed: false,
    });
  });

  function problemsOf(
    mutate: (raw: any) => void,
  ): { code: TallyProblemCode; path: string; message: string }[] {
    const raw = validRaw();
    mutate(raw);
    const v = validateTallyInput(raw);
    if (v.ok) throw new Error('expected problems');
    return v.problems;
  }

  it.each<[string, (raw: any) => void, TallyProblemCode, string, RegExp]>([
    [
      'empty units',
      (r) => ((r.units = []), (r.ballots = [])),
      'tally.empty_units',
      'units',
      /units list is empty/,
    ],
    [
      'duplicate unit id',
      (r) => (r.units[2].id = 'u1'),
      'tally.duplicate_unit_id',
      'units[2].id',
      /unit id "u1" appears more than once \(units\[0\] and units\[2\]\)/,
    ],
    [
      'unit without area',
      (r) => (r.units[1] = { id: 'u7', owner: 'bob', registeredArea: null }),
      'tally.unit_without_area',
      'units[1]',
      /^unit "u7" has no area \(registeredArea, surveyedArea and contractArea are all missing\)$/,
    ],
    [
      'zero area',
      (r) => (r.units[0].registeredArea = 0),
      'tally.unit_area_not_positive',
      'units[0].registeredArea',
      /unit "u1".*0/,
    ],
    [
      'three decimals',
      (r) => (r.units[0].registeredArea = 80.505),
      'tally.invalid_area',
      'units[0].registeredArea',
      /^unit "u1": registeredArea 80.505 has more than two decimals$/,
    ],
    [
      'negative area',
      (r) => (r.units[1].surveyedArea = -1),
      'tally.invalid_area',
      'units[1].surveyedArea',
      /unit "u2": surveyedArea -1 is negative/,
    ],
    [
      'exponent area',
      (r) => (r.units[0].registeredArea = 1e-7),
      'tally.invalid_area',
      'units[0].registeredArea',
      /exponent/,
    ],
    [
      'boolean area',
      (r) => (r.units[0].registeredArea = true),
      'tally.invalid_area',
      'units[0].registeredArea',
      /unit "u1": registeredArea must be a number/,
    ],
    [
      'ballot for unknown owner',
      (r) => r.ballots.push({ owner: 'mallory', choice: 'yes' }),
      'tally.ballot_unknown_owner',
      'ballots[3].owner',
      /ballots\[3\] is for owner "mallory", who owns no unit/,
    ],
    [
      'two ballots for one owner',
      (r) => r.ballots.push({ owner: 'alice', choice: 'no' }),
      'tally.duplicate_ballot',
      'ballots[3].owner',
      /owner "alice" has more than one ballot \(ballots\[0\] and ballots\[3\]\)/,
    ],
    [
      'unknown matter',
      (r) => (r.matter = 'impeach'),
      'tally.unknown_matter',
      'matter',
      /unknown matter "impeach"/,
    ],
    ['missing matter', (r) => delete r.matter, 'tally.invalid_shape', 'matter', /no "matter"/],
    [
      'unknown choice',
      (r) => (r.ballots[1].choice = 'maybe'),
      'tally.unknown_choice',
      'ballots[1].choice',
      /owner "bob" has unknown choice "maybe"/,
    ],
    [
      'numeric unit id',
      (r) => (r.units[0].id = 1),
      'tally.invalid_id',
      'units[0].id',
      /units\[0\]: "id" must be a non-empty string, not number 1/,
    ],
    [
      'missing owner',
      (r) => delete r.units[0].owner,
      'tally.invalid_id',
      'units[0].owner',
      /unit "u1": "owner" must be a non-empty string, not missing/,
    ],
    [
      'numeric ballot owner',
      (r) => (r.ballots[0].owner = 7),
      'tally.invalid_id',
      'ballots[0].owner',
      /must be a non-empty string/,
    ],
    ['empty-string id', (r) => (r.units[0].id = ''), 'tally.invalid_id', 'units[0].id', /non-empty string/],
    [
      'misspelt area field',
      (r) => (r.units[0].registerdArea = 1),
      'tally.unknown_field',
      'units[0].registerdArea',
      /unit "u1" has an unknown field "registerdArea"/,
    ],
    ['units not an array', (r) => (r.units = {}), 'tally.invalid_shape', 'units', /"units" must be an array/],
    [
      'ballot not an object',
      (r) => (r.ballots[0] = 'yes'),
      'tally.invalid_shape',
      'ballots[0]',
      /ballots\[0\] must be an object/,
    ],
  ])('%s', (_name, mutate, code, path, message) => {
    const problems = problemsOf(mutate);
    const p = problems.find((x) => x.code === code);
    expect(p, JSON.stringify(problems)).toBeDefined();
    expect(p!.path).toBe(path);
    expect(p!.message).toMatch(message);
  });

  it('rejects a non-object document', () => {
    for (const raw of [null, [], 'x', 3]) {
      const v = validateTallyInput(raw);
      expect(v.ok).toBe(false);
      if (!v.ok) expect(v.problems[0].code).toBe('tally.invalid_shape');
    }
  });

  it('reports every problem, not just the first', () => {
    const codes = problemsOf((r) => {
      r.units[0].registeredArea = 1.234;
      r.ballots.push({ owner: 'bob', choice: 'yes' });
      r.matter = 'x';
    }).map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['tally.invalid_area', 'tally.unknown_matter']));
  });

  it('tallyVote throws a typed TallyInputError on invalid typed input', () => {
    const bad: TallyInput = {
      matter: 'use_fund',
      units: [
        { id: 'u1', owner: 'a', registeredArea: 100 },
        { id: 'u1', owner: 'b' },
      ],
      ballots: [
        { owner: 'a', choice: 'yes' },
        { owner: 'a', choice: 'no' },
        { owner: 'z', choice: 'yes' },
      ],
    };
    let caught: unknown;
    try {
      tallyVote(bad);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(TallyInputError);
    expect((caught as TallyInputError).problems.map((p) => p.code)).toEqual([
      'tally.duplicate_unit_id',
      'tally.unit_without_area',
      'tally.duplicate_ballot',
      'tally.ballot_unknown_owner',
    ]);
    expect(() =>
      tallyVote({ matter: 'x' as Matter, units: [{ id: 'u', owner: 'a', contractArea: 1 }], ballots: [] }),
    ).toThrow(/unknown matter "x"/);
    expect(() => tallyVote({ matter: 'use_fund', units: [], ballots: [] })).toThrow(TallyInputError);
    expect(
      checkTallyInput({
        matter: 'use_fund',
        units: [{ id: 'u', owner: 'a', contractArea: 1.5 }],
        ballots: [],
      }),
    ).toEqual([expect.objectContaining({ code: 'tally.invalid_area' })]);
  });
});

// Speed is measured by bench/tally.ts (bare tallyVote baseline beside the API figure), not by a timed test.
describe('a compound of 10,000 units', () => {
  it('counts every person once: 500 developer units are one owner, 9,500 others one each', () => {
    const units: TallyUnit[] = [];
    const ballots: TallyBallot[] = [];
    for (let i = 0; i < 10_000; i++) {
      const owner = i < 500 ? 'developer' : `o${i}`;
      units.push({ id: `u${i}`, owner, registeredArea: i % 3 ? 8_950 + i : null, surveyedArea: 9_001 });
      if (i >= 500 || i === 0) ballots.push({ owner, choice: CHOICES[i % 3] });
    }
    const r = tallyVote({ matter: 'raise_fund', units, ballots });
    expect(r.totalPersons).toBe(9_501);
    expect(r.participatingPersons).toBe(9_501);
  });
});
