import { describe, expect, it } from 'vitest';
import {
  assemblyPetitionMet,
  committeeRequestMet,
  exemptionHolds,
  exemptionProblems,
  FILING_MATERIALS,
  filingMaterialGaps,
  meetingNoticeProblems,
  petitionProblems,
} from './governance-duties.js';

describe('written notice of an assembly meeting (《规定》 Art 25 ¶2)', () => {
  it('needs both recipients notified on or before the opening day', () => {
    const hn = { recipient: 'housing_office' as const, notifiedOn: '2026-03-01' };
    const rc = { recipient: 'residents_committee' as const, notifiedOn: '2026-03-10' };
    expect(meetingNoticeProblems([hn, rc], '2026-03-10')).toEqual([]);
    expect(meetingNoticeProblems([], '2026-03-10')[0].params).toEqual({
      recipients: 'housing_office,residents_committee',
    });
    expect(meetingNoticeProblems([hn], '2026-03-10')[0].params).toEqual({
      recipients: 'residents_committee',
    });
    // The day after the opening is no longer "事先".
    expect(meetingNoticeProblems([hn, rc], '2026-03-09')[0].params).toEqual({
      recipients: 'residents_committee',
    });
  });
});

describe('petitions for extraordinary meetings (Arts 25 ¶1, 26 ¶1; 以上 includes the number)', () => {
  it('owners: exactly 20 % passes, just below does not', () => {
    expect(assemblyPetitionMet(5, 25)).toBe(true); // exactly 20 %
    expect(assemblyPetitionMet(4, 25)).toBe(false); // 16 %
    expect(assemblyPetitionMet(200, 1000)).toBe(true);
    expect(assemblyPetitionMet(199, 1000)).toBe(false); // 19.9 %
    expect(assemblyPetitionMet(21, 101)).toBe(true); // 20.79 %
    expect(assemblyPetitionMet(20, 101)).toBe(false); // 19.80 %
    expect(assemblyPetitionMet(1, 0)).toBe(false);
  });
  it('members: exactly one third passes, just below does not', () => {
    expect(committeeRequestMet(3, 9)).toBe(true); // exactly 1/3
    expect(committeeRequestMet(2, 9)).toBe(false);
    expect(committeeRequestMet(1, 3)).toBe(true);
    expect(committeeRequestMet(2, 5)).toBe(true); // 40 %
    expect(committeeRequestMet(1, 5)).toBe(false); // 20 %
    expect(committeeRequestMet(2, 7)).toBe(false); // 28.6 %
    expect(committeeRequestMet(3, 7)).toBe(true);
  });
  it('refuses more proposers than owners, or none', () => {
    expect(petitionProblems(0, 10).map((p) => p.code)).toEqual(['petition_proposers_invalid']);
    expect(petitionProblems(11, 10).map((p) => p.code)).toEqual(['petition_exceeds_owners']);
    expect(petitionProblems(10, 10)).toEqual([]);
  });
});

describe('exemption from forming an assembly (Art 13 ¶2)', () => {
  it('single owner only with one owner; unanimity only when every owner agreed', () => {
    expect(exemptionProblems({ reason: 'single_owner', owners: 1, agreed: null })).toEqual([]);
    expect(exemptionProblems({ reason: 'single_owner', owners: 2, agreed: null })[0].code).toBe(
      'exemption_not_single_owner',
    );
    expect(exemptionProblems({ reason: 'unanimous', owners: 6, agreed: 6 })).toEqual([]);
    expect(exemptionProblems({ reason: 'unanimous', owners: 6, agreed: 5 })[0].code).toBe(
      'exemption_not_unanimous',
    );
    expect(exemptionProblems({ reason: 'unanimous', owners: 6, agreed: null })[0].code).toBe(
      'exemption_not_unanimous',
    );
  });
  it('stops holding when owners are added', () => {
    expect(exemptionHolds({ reason: 'single_owner', ownersAtRecord: 1 }, 1)).toBe(true);
    expect(exemptionHolds({ reason: 'single_owner', ownersAtRecord: 1 }, 2)).toBe(false);
    expect(exemptionHolds({ reason: 'unanimous', ownersAtRecord: 6 }, 6)).toBe(true);
    expect(exemptionHolds({ reason: 'unanimous', ownersAtRecord: 6 }, 7)).toBe(false);
  });
});

describe('the filing file (Art 23 ¶1)', () => {
  it('lists each of the six materials missing; (五)/(六) also need every member covered', () => {
    const all = new Set(FILING_MATERIALS);
    expect(FILING_MATERIALS).toHaveLength(6);
    expect(filingMaterialGaps({ provided: all, undertakingsSigned: true, membersTrained: true })).toEqual([]);
    expect(
      filingMaterialGaps({ provided: new Set(), undertakingsSigned: true, membersTrained: true }),
    ).toEqual([...FILING_MATERIALS]);
    const noFund = new Set(FILING_MATERIALS.filter((m) => m !== 'fund_statute'));
    expect(filingMaterialGaps({ provided: noFund, undertakingsSigned: true, membersTrained: true })).toEqual([
      'fund_statute',
    ]);
    expect(filingMaterialGaps({ provided: all, undertakingsSigned: false, membersTrained: false })).toEqual([
      'member_list',
      'training_records',
    ]);
  });
});
