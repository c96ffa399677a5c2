import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calendarFromYears } from './calendar.js';
import { challengeWindows } from './governance-challenge.js';
import { decisionChangeDay, filingCompletionDue, filingReceiptProblem } from './governance-filings.js';
import {
  earlyReelectionStage,
  inactiveSixMonths,
  lastWorkOn,
  reelectionElectionDue,
  reelectionGroupBasis,
} from './governance-reelection.js';
import { formatCitation } from './citations.js';
import { ownerGroupProblems, reelectionFreezeProblem } from './governance.js';

const cal = calendarFromYears(
  JSON.parse(readFileSync(new URL('../reference/china-holidays.json', import.meta.url), 'utf8')),
);

describe('《规定》 Art 34: the 20 days run from 受理', () => {
  it('counts from the acceptance day, across a month end', () => {
    // Accepted 2026-01-12 (Mon): day 20 is 2026-02-01, a Sunday → Monday 02-02.
    expect(filingCompletionDue(cal, '2026-01-12').lastDay).toBe('2026-02-02');
    // Accepted a week after the submission: the last day moves with it.
    expect(filingCompletionDue(cal, '2026-01-19').nominalLastDay).toBe('2026-02-08');
  });
  it('受理 comes after the submission, once', () => {
    expect(filingReceiptProblem({ submittedOn: null, receivedOn: null, on: '2026-01-01' })?.code).toBe(
      'filing_not_submitted',
    );
    expect(
      filingReceiptProblem({ submittedOn: '2026-01-31', receivedOn: null, on: '2026-01-30' })?.code,
    ).toBe('date_before');
    expect(
      filingReceiptProblem({ submittedOn: '2026-01-31', receivedOn: null, on: '2026-01-31' }),
    ).toBeNull();
    expect(
      filingReceiptProblem({ submittedOn: '2026-01-31', receivedOn: '2026-02-01', on: '2026-02-02' })?.code,
    ).toBe('filing_already_received');
  });
});

describe('《规定》 Art 33 ¶1: a decision changes things when it is made', () => {
  it('is the Shanghai day voting closed (16:00Z is the next day)', () => {
    expect(decisionChangeDay('2026-01-31T15:59:59.000Z')).toBe('2026-01-31');
    expect(decisionChangeDay('2026-01-31T16:00:00.000Z')).toBe('2026-02-01');
  });
});

describe('区分所有权解释 Art 12: one year from knowing', () => {
  it('voters from the close; the others at least a year from the posting (leap day and month ends)', () => {
    const w = challengeWindows(cal, { closedOn: '2027-02-28', publishedOn: '2027-03-02' });
    expect(w.voters!.nominalLastDay).toBe('2028-02-28');
    expect(w.othersAtLeast!.nominalLastDay).toBe('2028-03-02');
    // Closed on 2028-02-29: no corresponding day in 2029 → 02-28 (民法典 Art 202).
    expect(challengeWindows(cal, { closedOn: '2028-02-29', publishedOn: null }).voters!.nominalLastDay).toBe(
      '2029-02-28',
    );
    expect(challengeWindows(cal, { closedOn: null, publishedOn: null })).toEqual({
      voters: null,
      othersAtLeast: null,
    });
  });
});

describe('《规定》 Art 32 ¶2 (二) and ¶3', () => {
  const none = { lastMeetingOn: null, lastFilingOn: null, lastDecisionOn: null, lastNoticeOn: null };
  it('counts filings, decisions and notices as work, not only meetings', () => {
    expect(lastWorkOn('2025-01-01', none)).toBe('2025-01-01');
    expect(
      lastWorkOn('2025-01-01', { ...none, lastMeetingOn: '2025-03-01', lastFilingOn: '2025-08-31' }),
    ).toBe('2025-08-31');
    expect(lastWorkOn('2025-01-01', { ...none, lastDecisionOn: '2025-09-01' })).toBe('2025-09-01');
    expect(lastWorkOn('2025-01-01', { ...none, lastNoticeOn: '2025-09-02' })).toBe('2025-09-02');
  });
  it('is inactive the day after six months (month end: 08-31 + 6 months = 02-28)', () => {
    expect(inactiveSixMonths('2025-08-31', '2026-02-28')).toBe(false);
    expect(inactiveSixMonths('2025-08-31', '2026-03-01')).toBe(true);
  });
  it('the street convenes first; the group only after a passed decision', () => {
    expect(earlyReelectionStage({ grounds: [], decision: null, groupFormed: false })).toBe('none');
    expect(earlyReelectionStage({ grounds: ['x'], decision: null, groupFormed: false })).toBe('convene');
    expect(earlyReelectionStage({ grounds: ['x'], decision: { passed: false }, groupFormed: false })).toBe(
      'rejected',
    );
    expect(earlyReelectionStage({ grounds: ['x'], decision: { passed: true }, groupFormed: false })).toBe(
      'form_group',
    );
    const basis = (earlyStage: ReturnType<typeof earlyReelectionStage>) =>
      reelectionGroupBasis({ reported: false, reelectionReminder: false, earlyStage });
    expect(basis('convene')).toBeNull();
    expect(basis('form_group')).toBe('art32');
    expect(reelectionGroupBasis({ reported: true, reelectionReminder: false, earlyStage: 'none' })).toBe(
      'art28',
    );
  });
});

describe('《规定》 Art 28 ¶1–2: the day the next committee must be elected', () => {
  it('before the term ends, by the law; after it, 90 days from the group — a product default, not Art 28', () => {
    expect(reelectionElectionDue(cal, { termEndsOn: '2026-06-30', groupOn: '2026-06-30' })).toEqual({
      dueOn: '2026-06-30',
      legalRef: '《规定》 Art 28 ¶1, Art 32 ¶3',
    });
    // Formed the day after the term ended: 90 days from 07-01 is 09-29 (a Tuesday, a working day).
    const late = reelectionElectionDue(cal, { termEndsOn: '2026-06-30', groupOn: '2026-07-01' });
    expect(late).toEqual({ dueOn: '2026-09-29', legalRef: '《规定》 Art 28 ¶2 (product default)' });
    expect(formatCitation(late.legalRef, 'zh-CN')).toMatch(
      /^《上海市住宅物业管理规定》第二十八条第二款.*默认/,
    );
    // A last day in the National Day holiday moves to the next working day (民法典 Art 203 ¶1).
    expect(reelectionElectionDue(cal, { termEndsOn: '2026-06-30', groupOn: '2026-07-03' }).dueOn).toBe(
      '2026-10-08',
    );
  });
});

describe('《规定》 Art 28 ¶4: the freeze item by item', () => {
  it('(二) fees are frozen as their own item; (三) repairs the 管理规约 provides for are not', () => {
    expect(reelectionFreezeProblem('adjust_fees', true)).toEqual({
      code: 'reelection_freeze',
      params: { matter: 'adjust_fees', item: '二' },
    });
    expect(reelectionFreezeProblem('use_fund', true)?.params?.item).toBe('三');
    expect(reelectionFreezeProblem('use_fund', true, '管理规约第十二条')).toBeNull();
    expect(reelectionFreezeProblem('hire_or_dismiss_manager', true, '管理规约第三条')?.code).toBe(
      'statute_clause_not_repair',
    );
    expect(reelectionFreezeProblem('adjust_fees', false)).toBeNull();
    expect(reelectionFreezeProblem('elect_committee', true)).toBeNull();
  });
});

describe('《规定》 Art 35: owner groups per building or entrance (单元)', () => {
  const base = {
    buildingsInCompound: 2,
    entrance: '1单元' as string | null,
    entrancesInBuilding: ['1单元', '2单元'],
    activeGroupsOnBuilding: [] as (string | null)[],
    representatives: [{ name: '王伟', ownsInPlace: true }],
  };
  const codes = (x: Partial<typeof base>) => ownerGroupProblems({ ...base, ...x }).map((p) => p.code);
  it('allows one group per entrance, not beside a whole-building group', () => {
    expect(codes({})).toEqual([]);
    expect(codes({ activeGroupsOnBuilding: ['2单元'] })).toEqual([]);
    expect(codes({ activeGroupsOnBuilding: ['1单元'] })).toEqual(['owner_group_exists']);
    expect(codes({ activeGroupsOnBuilding: [null] })).toEqual(['owner_group_overlaps']);
    expect(codes({ entrance: null, activeGroupsOnBuilding: ['2单元'] })).toEqual(['owner_group_overlaps']);
    expect(codes({ entrance: '3单元' })).toEqual(['owner_group_entrance_unknown']);
    expect(codes({ buildingsInCompound: 1 })).toEqual(['owner_group_single_building']);
    expect(codes({ representatives: [{ name: '李', ownsInPlace: false }] })).toEqual([
      'owner_group_representative_outside',
    ]);
  });
});
