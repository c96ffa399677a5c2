import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  addDays,
  addMonths,
  addYears,
  calendarFromYears,
  dateOf,
  dayNumber,
  endOfShanghaiDay,
  isDayOff,
  isWorkingDay,
  statutoryDeadline,
} from './calendar.js';
import {
  absenceRecords,
  assemblyTrigger,
  checkWorkingGroup,
  committeeHealth,
  committeeSizeProblem,
  formationStepDue,
  governanceState,
  isExistingCompound,
  meetingQuorate,
  positionProblems,
  resolutionAdopted,
  termEndsOn,
  termProblem,
  type GroupMemberFacts,
  type GroupRole,
} from './governance.js';
import { decisionWindowProblems, requiredFor, thresholdChecks, voteOwnerOf } from './governance-decisions.js';
import { CHOICES, MATTERS, tallyVote, type TallyInput } from './vote-tally.js';

const cal = calendarFromYears(
  JSON.parse(readFileSync(new URL('../reference/china-holidays.json', import.meta.url), 'utf8')),
);

const dateArb = fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2040-12-31') }).map(dateOf);

describe('dates and statutory periods (民法典 Arts 200–204)', () => {
  it('counts from the next day and ends at 24:00 Shanghai', () => {
    const d = statutoryDeadline(cal, '2026-03-02', 30); // Monday → 2026-04-01 (Wednesday)
    expect(d).toEqual({
      lastDay: '2026-04-01',
      nominalLastDay: '2026-04-01',
      endsAt: new Date('2026-04-01T16:00:00.000Z'),
    });
    expect(endOfShanghaiDay('2026-04-01').toISOString()).toBe('2026-04-01T16:00:00.000Z');
  });

  it('moves a last day on a holiday or weekend to the next working day (调休 days are working days)', () => {
    // 2026-09-10 + 21 days = 2026-10-01, National Day: holidays to 10-07, 10-08 is a Thursday.
    expect(statutoryDeadline(cal, '2026-09-10', 21).lastDay).toBe('2026-10-08');
    // 2026-10-03 + 7 = 10-10, a Saturday declared a working day (调休): stays.
    expect(statutoryDeadline(cal, '2026-10-03', 7).lastDay).toBe('2026-10-10');
    // A plain Saturday moves to Monday.
    expect(statutoryDeadline(cal, '2026-11-07', 7).lastDay).toBe('2026-11-16');
  });

  it('month and year periods end on the corresponding day, else the month end (Art 202)', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-07-31', -5)).toBe('2026-02-28');
    expect(addYears('2024-02-29', 3)).toBe('2027-02-28');
    expect(termEndsOn('2026-05-10', 3)).toBe('2029-05-10');
  });

  it('property: the last day is the first working day on or after the nominal one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber('2025-01-01'), max: dayNumber('2026-11-30') }).map(dateOf),
        fc.integer({ min: 1, max: 120 }),
        (start, days) => {
          const d = statutoryDeadline(cal, start, days);
          expect(d.nominalLastDay).toBe(addDays(start, days));
          expect(isWorkingDay(cal, d.lastDay)).toBe(true);
          expect(isDayOff(cal, d.lastDay)).toBe(false);
          for (let x = d.nominalLastDay; x < d.lastDay; x = addDays(x, 1))
            expect(isDayOff(cal, x)).toBe(true);
        },
      ),
    );
  });

  it('property: addMonths never overshoots the target month and round-trips on early days', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -120, max: 120 }), (date, months) => {
        const r = addMonths(date, months);
        const index = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
        expect(index(r) - index(date)).toBe(months);
        if (Number(date.slice(8)) <= 28) expect(addMonths(r, -months)).toBe(date);
      }),
    );
  });

  it('pre-meeting notice is the meeting day minus 15, never moved', () => {
    expect(formationStepDue(cal, 'pre_meeting_notice', '2026-10-20').lastDay).toBe('2026-10-05');
    expect(formationStepDue(cal, 'first_meeting', '2026-03-02').lastDay).toBe('2026-06-01');
    expect(formationStepDue(cal, 'member_list_notice', '2026-03-02').lastDay).toBe('2026-03-09');
  });
});

describe('assembly trigger (《规定》 Art 13)', () => {
  const base = { firstDeliveryOn: null, today: '2026-11-26' };
  it('is met at exactly half of the area ("以上" includes the number)', () => {
    const r = assemblyTrigger({
      ...base,
      totalArea: 10_000,
      soldDelivered: [
        { on: '2026-03-01', area: 4_999 },
        { on: '2026-04-01', area: 1 },
      ],
    });
    expect(r).toMatchObject({ met: true, kind: 'area', on: '2026-04-01', areaMet: true });
    const below = assemblyTrigger({
      ...base,
      totalArea: 10_001,
      soldDelivered: [{ on: '2026-03-01', area: 5_000 }],
    });
    expect(below.met).toBe(false);
    expect(below.soldDeliveredArea).toBe(5_000);
  });

  it('is met two years after the first delivery, whichever comes first', () => {
    const r = assemblyTrigger({
      totalArea: 100,
      soldDelivered: [{ on: '2024-12-01', area: 10 }],
      firstDeliveryOn: '2024-11-26',
      today: '2026-11-26',
    });
    expect(r).toMatchObject({ met: true, kind: 'two_years', on: '2026-11-26', twoYearsOn: '2026-11-26' });
    expect(
      assemblyTrigger({
        totalArea: 100,
        soldDelivered: [],
        firstDeliveryOn: '2024-11-27',
        today: '2026-11-26',
      }).met,
    ).toBe(false);
    const area = assemblyTrigger({
      totalArea: 100,
      soldDelivered: [{ on: '2025-01-01', area: 60 }],
      firstDeliveryOn: '2024-11-26',
      today: '2026-11-26',
    });
    expect(area).toMatchObject({ kind: 'area', on: '2025-01-01' });
  });

  it('property: met iff 2·sold ≥ total or first delivery + 2 years ≤ today', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ on: dateArb, area: fc.integer({ min: 1, max: 20_000 }) }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 200_000 }),
        fc.option(dateArb, { nil: null }),
        dateArb,
        (soldDelivered, extra, firstDeliveryOn, today) => {
          const totalArea = soldDelivered.reduce((s, d) => s + d.area, 0) + extra;
          const r = assemblyTrigger({ totalArea, soldDelivered, firstDeliveryOn, today });
          const sold = soldDelivered.filter((d) => d.on <= today).reduce((s, d) => s + d.area, 0);
          const years = firstDeliveryOn !== null && addYears(firstDeliveryOn, 2) <= today;
          expect(r.met).toBe(2 * sold >= totalArea || years);
          if (r.met) expect(r.on! <= today).toBe(true);
        },
      ),
    );
  });
});

describe('working groups (Arts 15, 28)', () => {
  const m = (role: GroupRole, leader = false, disqualifications: string[] = []): GroupMemberFacts => ({
    name: `${role}${Math.random()}`,
    role,
    leader,
    disqualifications,
  });
  it('accepts an odd group with owners ≥ half led by the street', () => {
    const ok = [
      m('street', true),
      m('residents_committee'),
      m('developer'),
      m('owner'),
      m('owner'),
      m('owner'),
      m('owner'),
    ];
    expect(checkWorkingGroup('preparatory', ok)).toEqual([]);
    expect(checkWorkingGroup('reelection', ok).map((p) => p.code)).toEqual(['group_developer_not_allowed']);
  });
  it('names each composition problem', () => {
    const codes = (k: 'preparatory' | 'reelection', ms: GroupMemberFacts[]) =>
      checkWorkingGroup(k, ms).map((p) => p.code);
    const rcDev = [m('residents_committee'), m('developer')];
    const owners = (n: number) => Array.from({ length: n }, () => m('owner'));
    expect(codes('preparatory', [m('street', true), ...rcDev, ...owners(3)])).toEqual(['group_size_even']);
    expect(codes('preparatory', [m('street', true), ...rcDev, m('residents_committee'), m('owner')])).toEqual(
      ['group_owner_share'],
    );
    expect(codes('preparatory', [m('street'), ...rcDev, m('owner', true), ...owners(3)])).toEqual([
      'group_leader_not_street',
    ]);
    expect(codes('preparatory', [m('street', true), ...rcDev, m('owner', true), ...owners(3)])).toEqual([
      'group_leader_count',
    ]);
    expect(
      codes('preparatory', [
        m('street', true),
        ...rcDev,
        m('owner', false, ['illegal_construction']),
        ...owners(3),
      ]),
    ).toEqual(['group_owner_ineligible']);
  });
  it('needs the residents’ committee in both groups and the developer in the 筹备组 (Arts 15 ¶2, 28 ¶3)', () => {
    const codes = (k: 'preparatory' | 'reelection', ms: GroupMemberFacts[]) =>
      checkWorkingGroup(k, ms).map((p) => p.code);
    const owners = [m('owner'), m('owner'), m('owner')];
    // Odd, owners ≥ half, street leads — but a named party is absent.
    expect(codes('preparatory', [m('street', true), m('developer'), ...owners])).toEqual([
      'group_rc_missing',
    ]);
    expect(codes('preparatory', [m('street', true), m('residents_committee'), ...owners])).toEqual([
      'group_developer_missing',
    ]);
    expect(codes('reelection', [m('street', true), m('owner'), m('owner')])).toEqual(['group_rc_missing']);
    // The 换届改选小组 has no developer (Art 28 ¶3 does not name it).
    expect(codes('reelection', [m('street', true), m('residents_committee'), ...owners])).toEqual([]);
  });
  it('property: no problems iff odd, 2·owners ≥ size, one street leader, RC and developer present, owners eligible', () => {
    const member = fc.record({
      name: fc.string(),
      role: fc.constantFrom<GroupRole>('owner', 'developer', 'street', 'residents_committee'),
      leader: fc.boolean(),
      disqualifications: fc.constantFrom<string[]>([], [], ['illegal_renting']),
    });
    fc.assert(
      fc.property(fc.array(member, { maxLength: 11 }), (ms) => {
        const owners = ms.filter((x) => x.role === 'owner');
        const leaders = ms.filter((x) => x.leader);
        const valid =
          ms.length % 2 === 1 &&
          2 * owners.length >= ms.length &&
          leaders.length === 1 &&
          leaders[0].role === 'street' &&
          ms.some((x) => x.role === 'residents_committee') &&
          ms.some((x) => x.role === 'developer') &&
          owners.every((o) => o.disqualifications.length === 0);
        expect(checkWorkingGroup('preparatory', ms).length === 0).toBe(valid);
      }),
    );
  });
});

describe('committee composition, term and eligibility (Art 20)', () => {
  it('allows 3 seats only up to 10,000.00 m² (以下 includes the number)', () => {
    expect(committeeSizeProblem(3, 1_000_000)).toBeNull();
    expect(committeeSizeProblem(3, 1_000_001)?.code).toBe('committee_size_too_small');
    // An area not on record (0) is not "10,000 m² 以下": 3 seats wait for the area (issue 14 item 12).
    expect(committeeSizeProblem(3, 0)?.code).toBe('committee_size_area_unknown');
    expect(committeeSizeProblem(5, 0)).toBeNull();
    expect(committeeSizeProblem(5, 99_000_000)).toBeNull();
    expect(committeeSizeProblem(6, 1)?.code).toBe('committee_size_even');
    expect(committeeSizeProblem(1, 1)?.code).toBe('committee_size_too_small');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 10_000_000 }), (seats, area) => {
        const ok = seats % 2 === 1 && (seats >= 5 || (seats === 3 && area <= 1_000_000));
        expect(committeeSizeProblem(seats, area) === null).toBe(ok);
      }),
    );
  });
  it('takes terms of 3 to 5 years and one chair', () => {
    expect([2, 3, 4, 5, 6].map((y) => termProblem(y)?.code ?? null)).toEqual([
      'committee_term_invalid',
      null,
      null,
      null,
      'committee_term_invalid',
    ]);
    expect(
      positionProblems([
        { key: 'a', position: 'chair' },
        { key: 'b', position: 'vice_chair' },
      ]),
    ).toEqual([]);
    expect(positionProblems([{ key: 'a', position: 'member' }]).map((p) => p.code)).toEqual([
      'committee_chair_count',
    ]);
    expect(
      positionProblems([
        { key: 'a', position: 'chair' },
        { key: 'a', position: 'member' },
      ]).map((p) => p.code),
    ).toEqual(['committee_member_duplicate']);
  });
});

describe('committee meetings and health (Arts 26, 28, 31, 32)', () => {
  it('needs more than half of ALL members for quorum and for a decision', () => {
    expect(meetingQuorate(3, 5)).toBe(true);
    expect(meetingQuorate(2, 5)).toBe(false);
    expect(resolutionAdopted(4, 7)).toBe(true);
    expect(resolutionAdopted(3, 7)).toBe(false);
    expect(resolutionAdopted(2, 4)).toBe(false);
  });

  it('flags a member absent from half or more of the meetings in the last year (一半以上)', () => {
    const meetings = ['2026-01-10', '2026-03-10', '2026-05-10', '2026-07-10'].map((heldOn, i) => ({
      heldOn,
      expected: ['a', 'b'],
      present: i < 2 ? ['a'] : ['a', 'b'],
    }));
    const old = { heldOn: '2025-06-01', expected: ['a', 'b'], present: [] };
    const r = absenceRecords([old, ...meetings], ['a', 'b'], '2026-11-26');
    expect(r).toEqual([
      { memberId: 'a', meetings: 4, absences: 0, flagged: false },
      { memberId: 'b', meetings: 4, absences: 2, flagged: true },
    ]);
    const r2 = absenceRecords(meetings.slice(1), ['b'], '2026-11-26');
    expect(r2[0]).toMatchObject({ meetings: 3, absences: 1, flagged: false });
  });

  const facts = {
    seats: 7,
    activeMembers: 7,
    electedOn: '2024-06-01',
    termEndsOn: '2027-06-01',
    lastMeetingOn: '2026-10-01' as string | null,
    lastWorkOn: null as string | null,
    succeeded: false,
    today: '2026-11-26',
  };
  it('computes meeting due, vacancies, by-election, early re-election and 换届 reminder', () => {
    expect(committeeHealth(facts)).toEqual({
      nextMeetingDue: '2026-12-01',
      meetingOverdue: false,
      lastWorkOn: '2026-10-01',
      vacancies: 0,
      byElectionAllowed: false,
      earlyReelection: [],
      reelectionReportDue: '2027-01-01',
      reelectionReminder: false,
      expired: false,
    });
    const h = committeeHealth({ ...facts, activeMembers: 4, lastMeetingOn: '2026-05-25' });
    expect(h).toMatchObject({ meetingOverdue: true, vacancies: 3, byElectionAllowed: true });
    expect(h.earlyReelection).toEqual(['inactive_six_months']);
    expect(committeeHealth({ ...facts, activeMembers: 3 }).earlyReelection).toEqual(['members_below_half']);
    expect(committeeHealth({ ...facts, activeMembers: 3 }).byElectionAllowed).toBe(false);
    expect(committeeHealth({ ...facts, today: '2027-01-01' }).reelectionReminder).toBe(true);
    expect(committeeHealth({ ...facts, today: '2027-06-01' }).expired).toBe(false);
    expect(committeeHealth({ ...facts, today: '2027-06-02' }).expired).toBe(true);
  });

  it('derives the overview state', () => {
    const h = committeeHealth(facts);
    expect(governanceState({ formationInProgress: false, committee: null })).toBe('no_assembly');
    expect(governanceState({ formationInProgress: true, committee: null })).toBe('forming');
    expect(governanceState({ formationInProgress: false, committee: h })).toBe('in_term');
    expect(
      governanceState({ formationInProgress: false, committee: { ...h, reelectionReminder: true } }),
    ).toBe('term_expiring');
    expect(
      governanceState({
        formationInProgress: false,
        committee: { ...h, earlyReelection: ['members_below_half'] },
      }),
    ).toBe('dysfunctional');
    expect(governanceState({ formationInProgress: false, committee: { ...h, expired: true } })).toBe(
      'expired',
    );
  });

  it('property: by-election and early re-election never both hold for an odd committee', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 21 }), (half, active) => {
        const seats = 2 * half + 1;
        const h = committeeHealth({ ...facts, seats, activeMembers: Math.min(active, seats) });
        expect(h.byElectionAllowed && h.earlyReelection.includes('members_below_half')).toBe(false);
      }),
    );
  });
});

describe('decisions: notice and the arithmetic of a result', () => {
  it('needs the notice posted at least 15 days before opening', () => {
    const w = (notice: string, opens: string) =>
      decisionWindowProblems({
        noticePostedOn: notice,
        opensAt: new Date(opens),
        closesAt: new Date('2027-01-01T00:00:00Z'),
        today: '2026-11-26',
      }).map((p) => p.code);
    expect(w('2026-11-01', '2026-11-16T01:00:00+08:00')).toEqual([]);
    expect(w('2026-11-01', '2026-11-15T23:59:00+08:00')).toEqual(['decision_notice_too_short']);
    expect(w('2026-11-27', '2026-12-30T00:00:00+08:00')).toEqual(['decision_notice_in_future']);
    expect(w('2026-11-01', '2027-01-02T00:00:00+08:00')).toEqual(['decision_window_empty']);
  });

  it('shows exact thresholds: ⌈2/3⌉, ⌈3/4⌉ and ⌊1/2⌋ + 1', () => {
    expect(requiredFor(2, 3, 10n, false)).toBe(7n);
    expect(requiredFor(2, 3, 9n, false)).toBe(6n);
    expect(requiredFor(3, 4, 8n, false)).toBe(6n);
    expect(requiredFor(1, 2, 8n, true)).toBe(5n);
    expect(requiredFor(1, 2, 7n, true)).toBe(4n);
  });

  it('property: the shown checks agree with tallyVote on quorum and passing', () => {
    const input = fc
      .record({
        matter: fc.constantFrom(...MATTERS),
        owners: fc.array(
          fc.record({
            areas: fc.array(fc.integer({ min: 1, max: 50_000 }), { minLength: 1, maxLength: 3 }),
            choice: fc.option(fc.constantFrom(...CHOICES), { nil: null }),
          }),
          { minLength: 1, maxLength: 30 },
        ),
      })
      .map(({ matter, owners }): TallyInput => ({
        matter,
        units: owners.flatMap((o, i) =>
          o.areas.map((a, j) => ({ id: `${i}/${j}`, owner: `o${i}`, registeredArea: a })),
        ),
        ballots: owners.flatMap((o, i) => (o.choice ? [{ owner: `o${i}`, choice: o.choice }] : [])),
      }));
    fc.assert(
      fc.property(input, (x) => {
        const r = tallyVote(x);
        const [qa, qp, aa, ap] = thresholdChecks(r);
        expect(qa.met && qp.met).toBe(r.quorumMet);
        expect(r.quorumMet && aa.met && ap.met).toBe(r.passed);
        for (const c of [qa, qp, aa, ap]) {
          // required is the least value that meets the fraction
          const meets = (v: bigint) =>
            c.strict
              ? BigInt(c.den) * v > BigInt(c.num) * c.base
              : BigInt(c.den) * v >= BigInt(c.num) * c.base;
          expect(meets(c.required)).toBe(true);
          if (c.required > 0n) expect(meets(c.required - 1n)).toBe(false);
        }
      }),
    );
  });
});

describe('who a unit is counted under (解释 Arts 1, 9)', () => {
  const dev = { id: 'dev', kind: 'developer' as const };
  const p = (id: string) => ({ id, kind: 'person' as const });
  it('counts unsold and sold-but-undelivered units under the developer, co-owners under one key', () => {
    expect(voteOwnerOf({ deliveredOn: '2020-01-01', owners: [dev] }, '2026-01-01', 'x')).toEqual({
      key: 'dev',
      developer: true,
    });
    expect(voteOwnerOf({ deliveredOn: null, owners: [p('b')] }, '2026-01-01', 'x')).toEqual({
      key: 'x',
      developer: true,
    });
    expect(voteOwnerOf({ deliveredOn: '2026-02-01', owners: [p('b'), dev] }, '2026-01-01', 'x')).toEqual({
      key: 'dev',
      developer: true,
    });
    expect(
      voteOwnerOf({ deliveredOn: '2020-01-01', owners: [p('c'), p('b'), dev] }, '2026-01-01', 'x'),
    ).toEqual({
      key: 'b',
      developer: false,
    });
    expect(voteOwnerOf({ deliveredOn: '2020-01-01', owners: [] }, '2026-01-01', 'x').key).toBe('x');
  });
});

describe('既有小区: compounds older than the system (isExistingCompound)', () => {
  const registered = '2026-01-01';
  it('is existing when the duty arose before the registration day, not on or after it', () => {
    expect(isExistingCompound({ on: '1987-06-01' }, registered)).toBe(true);
    expect(isExistingCompound({ on: '2025-12-31' }, registered)).toBe(true);
    expect(isExistingCompound({ on: '2026-01-01' }, registered)).toBe(false);
    expect(isExistingCompound({ on: '2026-01-02' }, registered)).toBe(false);
    expect(isExistingCompound({ on: null }, registered)).toBe(false);
  });
  it('shows as existing (state not recorded) until a formation or a committee is recorded', () => {
    expect(governanceState({ formationInProgress: false, committee: null, existing: true })).toBe(
      'existing_unrecorded',
    );
    expect(governanceState({ formationInProgress: false, committee: null, existing: false })).toBe(
      'no_assembly',
    );
    expect(governanceState({ formationInProgress: true, committee: null, existing: true })).toBe('forming');
  });
});
