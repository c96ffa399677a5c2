import { describe, expect, it } from 'vitest';
import { ART20_GROUNDS, eligibility, type EligibilityFacts } from './governance-eligibility.js';

const clean: EligibilityFacts = {
  isOwner: true,
  openCases: [],
  violations: [],
  employedByManager: false,
  unpaidFees: false,
};

describe('《规定》 Art 20 ¶2 eligibility: every listed ground, 且未改正', () => {
  it('disqualifies on each of the six grounds, from cases, the register and arrears', () => {
    const e = eligibility({
      ...clean,
      openCases: [
        { caseNo: 'A1', category: 'illegal_construction' },
        { caseNo: 'B2', category: 'group_renting' },
        { caseNo: 'C3', category: 'noise' }, // not a ground
      ],
      violations: [
        { ground: 'load_bearing', foundOn: '2026-01-31' },
        { ground: 'facade', foundOn: '2026-02-28' },
        { ground: 'change_of_use', foundOn: '2026-03-01' },
        { ground: 'illegal_renting', foundOn: '2026-03-31' },
      ],
      unpaidFees: true,
      employedByManager: true,
    });
    expect(e.eligible).toBe(false);
    expect(e.reasons).toEqual([
      { code: 'load_bearing', foundOn: ['2026-01-31'] },
      { code: 'illegal_construction', caseNos: ['A1'] },
      { code: 'facade', foundOn: ['2026-02-28'] },
      { code: 'change_of_use', foundOn: ['2026-03-01'] },
      { code: 'unpaid_fees' },
      { code: 'illegal_renting', caseNos: ['B2'], foundOn: ['2026-03-31'] },
      { code: 'employed_by_manager' },
    ]);
    // Every ground was read: cases + register for the two with a case category, arrears for 欠交.
    expect(e.grounds.map((g) => [g.ground, g.sources])).toEqual([
      ['load_bearing', ['register']],
      ['illegal_construction', ['cases', 'register']],
      ['facade', ['register']],
      ['change_of_use', ['register']],
      ['unpaid_fees', ['arrears']],
      ['illegal_renting', ['cases', 'register']],
    ]);
    expect(e.unchecked).toEqual(['other_statutory']);
  });

  it('a corrected ground (not in the facts) does not disqualify: clean facts are eligible', () => {
    expect(eligibility(clean)).toMatchObject({ eligible: true, reasons: [], unchecked: ['other_statutory'] });
  });

  it('says which grounds could not be checked when the compound keeps no register or arrears', () => {
    const e = eligibility({ ...clean, violations: null, unpaidFees: null });
    expect(e.eligible).toBe(true);
    expect(e.unchecked).toEqual([
      'load_bearing',
      'facade',
      'change_of_use',
      'unpaid_fees',
      'other_statutory',
    ]);
    const renting = e.grounds.find((g) => g.ground === 'illegal_renting')!;
    expect(renting).toEqual({ ground: 'illegal_renting', sources: ['cases'], partial: true });
    expect(e.grounds.find((g) => g.ground === 'illegal_construction')!.partial).toBe(false);
    expect(e.grounds.map((g) => g.ground)).toEqual([...ART20_GROUNDS]);
  });

  it('not an owner is its own reason', () => {
    expect(eligibility({ ...clean, isOwner: false }).reasons).toEqual([{ code: 'not_owner' }]);
  });
});
