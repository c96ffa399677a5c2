import { describe, expect, it } from 'vitest';
import {
  agreementProblems,
  allowedDisputeActions,
  confirmationProblems,
  confirmationWindowEnd,
  DISPUTE_ACTIONS,
  DISPUTE_STATUSES,
  disputeTransition,
  isTerminal,
  MEDIATION_LAW,
  medianDays,
  streetStats,
} from './mediation.js';

describe('dispute lifecycle (transition table)', () => {
  it('registered: a session starts mediation; no agreement before any session', () => {
    expect(disputeTransition({ status: 'registered', sessions: 0 }, 'recordSession')).toEqual({
      ok: true,
      to: 'mediating',
    });
    expect(disputeTransition({ status: 'registered', sessions: 0 }, 'agree').ok).toBe(false);
    expect(disputeTransition({ status: 'mediating', sessions: 0 }, 'agree').ok).toBe(false);
    expect(disputeTransition({ status: 'mediating', sessions: 1 }, 'agree')).toEqual({
      ok: true,
      to: 'agreed',
    });
  });

  it('an agreement takes effect when signed; only an effective one can be confirmed', () => {
    expect(disputeTransition({ status: 'agreed', sessions: 2 }, 'sign')).toEqual({
      ok: true,
      to: 'effective',
    });
    expect(disputeTransition({ status: 'agreed', sessions: 2 }, 'confirm').ok).toBe(false);
    expect(disputeTransition({ status: 'effective', sessions: 2 }, 'confirm')).toEqual({
      ok: true,
      to: 'confirmed',
    });
  });

  it('failure refers; a party may also refuse to sign', () => {
    for (const status of ['registered', 'mediating', 'agreed'] as const)
      expect(disputeTransition({ status, sessions: 1 }, 'fail')).toEqual({ ok: true, to: 'referred' });
    expect(disputeTransition({ status: 'effective', sessions: 1 }, 'fail').ok).toBe(false);
  });

  it('only open disputes go back to a case or change mediator', () => {
    expect(allowedDisputeActions({ status: 'registered', sessions: 0 })).toEqual([
      'assign',
      'recordSession',
      'fail',
      'withdraw',
      'toCase',
    ]);
    expect(allowedDisputeActions({ status: 'agreed', sessions: 1 })).toEqual(['sign', 'fail', 'withdraw']);
  });

  it('terminal statuses allow nothing', () => {
    for (const status of DISPUTE_STATUSES.filter(isTerminal))
      for (const a of DISPUTE_ACTIONS) expect(disputeTransition({ status, sessions: 3 }, a).ok).toBe(false);
    expect(DISPUTE_STATUSES.filter(isTerminal)).toEqual(['confirmed', 'referred', 'withdrawn', 'returned']);
  });
});

describe('agreement contents (人民调解法 第二十九条 [U])', () => {
  const parties = [{ side: 'applicant' as const }, { side: 'respondent' as const }];
  const ok = {
    facts: '漏水',
    terms: '赔偿 500 元',
    performanceMethod: '现金',
    performanceDeadline: '2026-12-10',
  };
  it('a complete agreement has no problems; the deadline may be the day itself', () => {
    expect(agreementProblems(ok, '2026-12-10', parties)).toEqual([]);
  });
  it('names what is missing', () => {
    expect(
      agreementProblems(
        { facts: ' ', terms: '', performanceMethod: 'x', performanceDeadline: '2026-12-09' },
        '2026-12-10',
        [{ side: 'applicant' }],
      ),
    ).toEqual([
      'parties_missing',
      'facts_missing',
      'terms_missing',
      'performance_method_missing',
      'deadline_before_agreement',
    ]);
    expect(agreementProblems({ ...ok, performanceDeadline: '2026-02-30' }, '2026-01-01', parties)).toEqual([
      'deadline_invalid',
    ]);
  });
  it('the unverified articles are marked so', () => {
    expect(MEDIATION_LAW.confirmation.verified).toBe(false);
    expect(MEDIATION_LAW.propertyDisputes.verified).toBe(true);
  });
});

describe('judicial confirmation window (人民调解法 第三十三条 [U]: 三十日内)', () => {
  it('ends 30 days after the agreement takes effect, across a month end', () => {
    expect(confirmationWindowEnd('2026-12-04')).toBe('2027-01-03');
    expect(confirmationWindowEnd('2026-02-01')).toBe('2026-03-03');
  });
  it('day 30 is in, day 31 is out; before the effective day is out', () => {
    expect(confirmationProblems('2026-12-04', '2027-01-03', '2027-01-05')).toEqual([]);
    expect(confirmationProblems('2026-12-04', '2027-01-04', '2027-01-05')).toEqual(['applied_after_window']);
    expect(confirmationProblems('2026-12-04', '2026-12-03', '2026-12-03')).toEqual([
      'applied_before_effective',
    ]);
    expect(confirmationProblems('2026-12-04', '2026-12-10', '2026-12-09')).toEqual(['ruled_before_applied']);
  });
});

describe('street statistics', () => {
  it('median of odd and even counts; none is null', () => {
    expect(medianDays([])).toBeNull();
    expect(medianDays([9, 1, 5])).toBe(5);
    expect(medianDays([1, 2, 3, 10])).toBe(2.5);
  });
  it('counts types and outcomes; open disputes have no outcome day', () => {
    const s = streetStats([
      {
        type: 'owner_owner',
        status: 'effective',
        received_on: '2026-11-01',
        effective_on: '2026-11-11',
        closed_on: null,
      },
      {
        type: 'owner_owner',
        status: 'confirmed',
        received_on: '2026-11-01',
        effective_on: '2026-11-05',
        closed_on: '2026-11-20',
      },
      {
        type: 'owner_company',
        status: 'referred',
        received_on: '2026-11-01',
        effective_on: null,
        closed_on: '2026-11-21',
      },
      { type: 'other', status: 'mediating', received_on: '2026-11-01', effective_on: null, closed_on: null },
    ]);
    expect(s.total).toBe(4);
    expect(s.byType).toEqual({
      owner_owner: 2,
      owner_committee: 0,
      owner_company: 1,
      committee_company: 0,
      other: 1,
    });
    expect([s.agreements, s.referred, s.open]).toEqual([2, 1, 1]);
    expect(s.medianDaysToOutcome).toBe(10); // 10, 4, 20 → 10
  });
});
