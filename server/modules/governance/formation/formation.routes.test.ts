import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../../../domain/calendar.js';
import { FILING_MATERIALS } from '../../../../domain/governance-duties.js';
import { takeDecision } from '../../../test/governance-vote.js';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../../test/harness.js';

const HUAMU = '310115016';
const DAY = 86_400_000;

interface OwnerItem {
  id: string;
  kind: string;
  name: string;
  units: { id: string; label: string }[];
}

describe.each(DB_KINDS)('governance: formation, committees, tasks and overview (%s)', (kind) => {
  let t: TestApp;
  let huamu: Session;
  let rc: Session;
  let ywh: Session;
  let compoundId: string;
  let owners: OwnerItem[];

  beforeAll(async () => {
    t = await startTestApp(kind);
    rc = await t.login('rc');
    huamu = await t.login('huamu');
    compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
    ywh = await t.account(
      'ywh',
      [{ role: 'owners_committee_member', scopeType: 'compound', scopeId: compoundId }],
      '业委会 王主任',
    );
    owners = (await huamu.request({ method: 'GET', url: `/api/v1/compounds/${compoundId}/owners?limit=200` }))
      .json()
      .items.filter((o: OwnerItem) => o.kind === 'person');
    expect(owners.length).toBeGreaterThan(10);
  });
  afterAll(() => t.close());

  const today = () => shanghaiDate(t.clock.now());
  const plus = (days: number) =>
    new Date(Date.parse(`${today()}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
  async function advance(ms: number) {
    t.clock.advance(ms);
    [huamu, rc, ywh] = await Promise.all([t.login('huamu'), t.login('rc'), t.login('ywh', 'ywh-password-1')]);
  }
  const gov = async (s: Session = huamu) =>
    (await s.request({ method: 'GET', url: `/api/v1/governance/compounds/${compoundId}` })).json();
  const formationAct = async (body: Record<string, unknown>) => {
    const g = await gov();
    return huamu.request({
      method: 'POST',
      url: `/api/v1/governance/formations/${g.formation.id}/actions`,
      payload: { version: g.formation.version, ...body },
    });
  };
  const committeeAct = async (s: Session, id: string, body: Record<string, unknown>) => {
    const k = (await s.request({ method: 'GET', url: `/api/v1/governance/committees/${id}` })).json();
    return s.request({
      method: 'POST',
      url: `/api/v1/governance/committees/${id}/actions`,
      payload: { version: k.version, ...body },
    });
  };

  it('takes a compound from the trigger to a committee in term, then to an early re-election', async () => {
    let g = await gov();
    // Delivered years before it was registered (2026): an existing compound (既有小区) whose state is not
    // recorded yet — not "no assembly yet"; the street may still start its formation.
    expect(g).toMatchObject({
      state: 'existing_unrecorded',
      canStartFormation: true,
      formation: null,
      committee: null,
    });
    expect(g.trigger.met).toBe(true); // the seed's compounds were delivered years ago
    expect(['area', 'two_years']).toContain(g.trigger.kind);

    // Only the street starts it; two officers at once start it once.
    const denied = await rc.request({
      method: 'POST',
      url: `/api/v1/governance/compounds/${compoundId}/formation`,
      payload: {},
    });
    expect(denied.statusCode).toBe(403);
    const starts = await Promise.all(
      [0, 1].map(() =>
        huamu.request({
          method: 'POST',
          url: `/api/v1/governance/compounds/${compoundId}/formation`,
          payload: {},
        }),
      ),
    );
    expect(starts.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    g = await gov();
    expect(g.state).toBe('forming');
    expect(g.formation.allowedActions).toEqual(['record_report', 'cancel']);
    expect(g.formation.steps).toEqual([
      expect.objectContaining({ kind: 'developer_report', responsible: 'developer', state: 'overdue' }),
    ]);

    // The developer's report (late), then the 筹备组 within 60 days.
    expect(
      (await formationAct({ action: 'record_report', on: today(), reportKind: 'developer' })).statusCode,
    ).toBe(200);
    const tasks = (
      await huamu.request({ method: 'GET', url: `/api/v1/governance/tasks?street=${HUAMU}` })
    ).json().items;
    const groupTask = tasks.find((x: { kind: string }) => x.kind === 'preparatory_group');
    expect(groupTask).toMatchObject({ responsible: 'street', compoundId, nominalDueOn: plus(60) });

    // An owner with an open 违法搭建 case cannot represent owners (Art 15 → Art 20 ¶2).
    const hotline = await t.login('hotline');
    const bad = owners[0];
    const report = await hotline.request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        channel: 'hotline12345',
        categoryCode: 'illegal_construction',
        description: '阳台违法搭建',
        unitId: bad.units[0].id,
      },
    });
    expect(report.statusCode, report.body).toBe(200);
    const caseNo = report.json().caseNo;
    const person = (o: OwnerItem) => ({ name: o.name, role: 'owner', ownerId: o.id });
    const staff = [
      { name: '街道 张老师', role: 'street', leader: true },
      { name: '居委 周书记', role: 'residents_committee' },
      { name: '开发商代表', role: 'developer' },
    ];
    const even = await formationAct({
      action: 'form_group',
      on: today(),
      members: [...staff, ...owners.slice(1, 4).map(person)],
    });
    expect(even.statusCode).toBe(400);
    expect(even.json().error.code).toBe('governance.group_size_even');
    const tainted = await formationAct({
      action: 'form_group',
      on: today(),
      members: [...staff, ...owners.slice(0, 4).map(person)],
    });
    expect(tainted.statusCode).toBe(400);
    expect(tainted.json().error.code).toBe('governance.group_owner_ineligible');
    const led = await formationAct({
      action: 'form_group',
      on: today(),
      members: [
        { name: '街道 张老师', role: 'street' },
        { name: '居委 周书记', role: 'residents_committee', leader: true },
        { name: '开发商代表', role: 'developer' },
        ...owners.slice(1, 5).map(person),
      ],
    });
    expect(led.json().error.code).toBe('governance.group_leader_not_street');
    // Arts 15 ¶2: the developer's and the residents' committee's representatives must be there, not only the
    // size and the owners' half.
    const noDeveloper = await formationAct({
      action: 'form_group',
      on: today(),
      members: [staff[0], staff[1], ...owners.slice(1, 4).map(person)],
    });
    expect(noDeveloper.json().error.code).toBe('governance.group_developer_missing');
    expect(noDeveloper.json().error.message).toContain('第十五条第二款');
    const noRc = await formationAct({
      action: 'form_group',
      on: today(),
      members: [staff[0], staff[2], ...owners.slice(1, 4).map(person)],
    });
    expect(noRc.json().error.code).toBe('governance.group_rc_missing');
    const formed = await formationAct({
      action: 'form_group',
      on: today(),
      members: [...staff, ...owners.slice(1, 5).map(person)],
    });
    expect(formed.statusCode, formed.body).toBe(200);
    g = formed.json();
    expect(g.formation.group.members).toHaveLength(7);
    const steps = Object.fromEntries(g.formation.steps.map((s: { kind: string }) => [s.kind, s]));
    expect(steps.preparatory_group.doneOn).toBe(today());
    expect(steps.member_list_notice.nominalDueOn).toBe(plus(7));
    expect(steps.first_meeting.nominalDueOn).toBe(plus(90));

    expect((await formationAct({ action: 'post_member_list', on: today() })).statusCode).toBe(200);
    // The meeting materials must be posted 15 days before the meeting.
    expect((await formationAct({ action: 'schedule_meeting', meetingOn: plus(10) })).statusCode).toBe(200);
    const late = await formationAct({ action: 'post_meeting_notice', on: today() });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe('governance.meeting_notice_late');
    expect((await formationAct({ action: 'schedule_meeting', meetingOn: plus(20) })).statusCode).toBe(200);
    g = (await formationAct({ action: 'post_meeting_notice', on: today() })).json();
    expect(g.formation.steps.find((s: { kind: string }) => s.kind === 'pre_meeting_notice')).toMatchObject({
      dueOn: plus(5),
      doneOn: today(),
      state: 'done',
    });
    g = (
      await formationAct({
        action: 'record_objection',
        receivedOn: today(),
        fromName: '业主 陈',
        content: '候选人名单未公示联系方式',
      })
    ).json();
    const objection = g.formation.objections[0];

    await advance(20 * DAY);
    const unanswered = await formationAct({ action: 'hold_first_meeting', on: today() });
    expect(unanswered.statusCode).toBe(409);
    expect(unanswered.json().error.code).toBe('governance.objections_unanswered');
    expect(
      (
        await formationAct({
          action: 'answer_objection',
          objectionId: objection.id,
          on: today(),
          answer: '已补充公示',
        })
      ).statusCode,
    ).toBe(200);
    expect((await formationAct({ action: 'hold_first_meeting', on: today() })).statusCode).toBe(200);

    // The election result: size, term, chair, eligibility and undertakings are checked.
    const members = owners.slice(5, 10).map((o, i) => ({
      ownerId: o.id,
      position: i === 0 ? 'chair' : i === 1 ? 'vice_chair' : 'member',
      undertakingSigned: true,
    }));
    const record = (body: Record<string, unknown>, lang = 'zh-CN') =>
      huamu.request({
        method: 'POST',
        url: `/api/v1/governance/compounds/${compoundId}/committees`,
        headers: { 'accept-language': lang },
        payload: { electedOn: today(), termYears: 5, seats: 5, members, ...body },
      });
    expect((await record({ seats: 4 })).json().error.code).toBe('governance.committee_size_even');
    expect((await record({ seats: 1, members: members.slice(0, 1) })).json().error.code).toBe(
      'governance.committee_size_too_small',
    );
    expect((await record({ termYears: 6 })).json().error.code).toBe('governance.committee_term_invalid');
    const ineligible = await record({
      members: [{ ownerId: bad.id, position: 'member', undertakingSigned: true }, ...members.slice(0, 4)],
    });
    expect(ineligible.json().error.code).toBe('governance.member_ineligible');
    expect(ineligible.json().error.message).toContain(caseNo);
    const ineligibleEn = await record(
      { members: [{ ownerId: bad.id, position: 'member', undertakingSigned: true }, ...members.slice(0, 4)] },
      'en',
    );
    expect(ineligibleEn.json().error.message).toMatch(/Illegal construction not corrected/);
    const noUndertaking = await record({
      members: [{ ...members[0], undertakingSigned: false }, ...members.slice(1)],
    });
    expect(noUndertaking.json().error.code).toBe('governance.undertaking_missing');
    const elig = await huamu.request({
      method: 'GET',
      url: `/api/v1/governance/compounds/${compoundId}/eligibility?owner=${bad.id}`,
    });
    expect(elig.json()).toMatchObject({
      eligible: false,
      reasons: [{ code: 'illegal_construction', caseNos: [caseNo] }],
    });
    // Art 20 ¶2: every ground is listed with what was checked; without a register and arrears, four are not.
    expect(elig.json().unchecked.map((u: { code: string }) => u.code)).toEqual([
      'load_bearing',
      'facade',
      'change_of_use',
      'unpaid_fees',
      'other_statutory',
    ]);
    expect(
      elig.json().grounds.map((g: { ground: string; checked: boolean }) => [g.ground, g.checked]),
    ).toEqual([
      ['load_bearing', false],
      ['illegal_construction', true],
      ['facade', false],
      ['change_of_use', false],
      ['unpaid_fees', false],
      ['illegal_renting', true],
    ]);

    const elected = await record({});
    expect(elected.statusCode, elected.body).toBe(200);
    const k = elected.json();
    expect(k).toMatchObject({
      termNo: 1,
      seats: 5,
      state: 'in_term',
      filingStatus: 'none',
      termEndsOn: `${Number(today().slice(0, 4)) + 5}${today().slice(4)}`,
    });
    const kTasks = Object.fromEntries(k.tasks.map((x: { kind: string }) => [x.kind, x]));
    expect(kTasks.committee_filing.nominalDueOn).toBe(plus(30));
    expect(kTasks.election_notice.nominalDueOn).toBe(plus(3));
    g = await gov();
    expect(g.state).toBe('in_term');
    expect(g.formation).toBeNull();
    expect(g.committee.id).toBe(k.id);

    // The names are posted (Art 21: 3 days) — once.
    expect(
      (await committeeAct(ywh, k.id, { action: 'post_names', on: today() })).json().tasks,
    ).toContainEqual(expect.objectContaining({ kind: 'election_notice', doneOn: today(), state: 'done' }));
    expect((await committeeAct(ywh, k.id, { action: 'post_names', on: today() })).statusCode).toBe(409);
    // 备案: the committee files within 30 days, the street decides within 20.
    expect((await committeeAct(rc, k.id, { action: 'submit_filing', on: today() })).statusCode).toBe(403);
    // Art 23 ¶1: not before the file holds its six materials, training records included.
    const bare = await committeeAct(ywh, k.id, { action: 'submit_filing', on: today() });
    expect(bare.json().error.code).toBe('governance.filing_materials_missing');
    const trained = await huamu.request({
      method: 'POST',
      url: `/api/v1/governance/committees/${k.id}/trainings`,
      payload: {
        heldOn: today(),
        topic: '业委会履职培训',
        trainer: '街道',
        hours: 2,
        memberIds: k.members.map((m: { id: string }) => m.id),
      },
    });
    expect(trained.statusCode, trained.body).toBe(200);
    for (const material of FILING_MATERIALS) {
      const r = await ywh.request({
        method: 'POST',
        url: `/api/v1/governance/committees/${k.id}/filing-materials`,
        payload: { material, providedOn: today(), description: '备案材料' },
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    expect((await committeeAct(ywh, k.id, { action: 'submit_filing', on: today() })).statusCode).toBe(200);
    expect(
      (await committeeAct(ywh, k.id, { action: 'decide_filing', on: today(), accepted: true })).statusCode,
    ).toBe(403);
    // Art 34: accepted (受理) first — the street's 20 days run from that day, not from the submission.
    const notYet = await committeeAct(huamu, k.id, { action: 'decide_filing', on: today(), accepted: true });
    expect(notYet.json().error.code).toBe('governance.filing_not_received');
    const received = await committeeAct(huamu, k.id, { action: 'receive_filing', on: today() });
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json().filingReceivedOn).toBe(today());
    expect(received.json().allowedActions).toContain('decide_filing');
    expect(received.json().allowedActions).not.toContain('receive_filing');
    const filed = await committeeAct(huamu, k.id, { action: 'decide_filing', on: today(), accepted: true });
    expect(filed.json()).toMatchObject({ filingStatus: 'accepted', filingDecidedOn: today() });

    // Meetings with attendance; a member absent from half the meetings of the year is flagged.
    const ids = k.members.map((m: { id: string }) => m.id);
    const meeting = (heldOn: string, absent: string[], signedBy: string[] = []) =>
      ywh.request({
        method: 'POST',
        url: `/api/v1/governance/committees/${k.id}/meetings`,
        payload: {
          heldOn,
          minutes: '讨论电梯维修方案',
          attendance: ids.map((memberId: string) => ({ memberId, present: !absent.includes(memberId) })),
          resolutions: signedBy.length ? [{ title: '启动电梯维修资金使用表决', signedBy }] : [],
        },
      });
    expect(
      (
        await ywh.request({
          method: 'POST',
          url: `/api/v1/governance/committees/${k.id}/meetings`,
          payload: { heldOn: today(), minutes: 'x', attendance: [{ memberId: ids[0], present: true }] },
        })
      ).json().error.code,
    ).toBe('governance.attendance_mismatch');
    await advance(30 * DAY);
    let m1 = (await meeting(plus(-1), [ids[4]], ids.slice(0, 3))).json();
    expect(m1.meetings[0]).toMatchObject({
      quorate: true,
      presentCount: 4,
      resolutions: [{ signatures: 3, adopted: true }],
    });
    m1 = (await meeting(today(), [ids[3], ids[4], ids[2]], ids.slice(0, 2))).json();
    expect(m1.meetings[0]).toMatchObject({ quorate: false, resolutions: [{ adopted: false }] });
    const flags = Object.fromEntries(
      m1.members.map((m: { id: string; absence: { flagged: boolean } }) => [m.id, m.absence.flagged]),
    );
    expect(flags[ids[4]]).toBe(true); // 2 of 2
    expect(flags[ids[3]]).toBe(true); // 1 of 2: 一半以上 includes half
    expect(flags[ids[0]]).toBe(false);

    // Two resignations: 3 of 5 — a by-election is possible (Art 32 ¶1).
    const end = async (memberId: string, reason: string) => {
      const cur = (await ywh.request({ method: 'GET', url: `/api/v1/governance/committees/${k.id}` })).json();
      const m = cur.members.find((x: { id: string }) => x.id === memberId);
      return ywh.request({
        method: 'POST',
        url: `/api/v1/governance/committees/${k.id}/members/${memberId}/end`,
        payload: { version: m.version, on: today(), reason },
      });
    };
    expect((await end(ids[4], 'resigned')).statusCode).toBe(200);
    const k2 = (await end(ids[3], 'resigned')).json();
    expect(k2.health).toMatchObject({ vacancies: 2, byElectionAllowed: true, earlyReelection: [] });
    const by = await huamu.request({
      method: 'POST',
      url: `/api/v1/governance/committees/${k.id}/members`,
      payload: { on: today(), ownerId: owners[10].id, position: 'member', undertakingSigned: true },
    });
    expect(by.statusCode, by.body).toBe(200);
    expect(by.json().health.vacancies).toBe(1);
    // Then down to 2 of 5: early re-election (Art 32 ¶2), no by-election.
    await end(ids[2], 'not_owner');
    const k3 = (await end(ids[1], 'absence')).json();
    expect(k3.health).toMatchObject({ byElectionAllowed: false, earlyReelection: ['members_below_half'] });
    expect(k3.state).toBe('dysfunctional');
    expect(k3.allowedActions).toEqual(['report_reelection']); // the committee's view
    const streetView = (
      await huamu.request({ method: 'GET', url: `/api/v1/governance/committees/${k.id}` })
    ).json();
    // Art 32 ¶2–3: a ground alone does not let the street form the group; it convenes the assembly first.
    expect(streetView.allowedActions).toEqual(['report_reelection']);
    expect(streetView.earlyReelection).toMatchObject({ stage: 'convene', decisionId: null });
    const noBy = await huamu.request({
      method: 'POST',
      url: `/api/v1/governance/committees/${k.id}/members`,
      payload: { on: today(), ownerId: owners[11].id, position: 'member', undertakingSigned: true },
    });
    expect(noBy.json().error.code).toBe('governance.by_election_not_allowed');

    // The overview shows it; the residents' committee sees only its compound.
    const ov = (
      await huamu.request({ method: 'GET', url: `/api/v1/governance/overview?street=${HUAMU}&limit=100` })
    ).json();
    const row = ov.items.find((x: { compoundId: string }) => x.compoundId === compoundId);
    expect(row).toMatchObject({ state: 'dysfunctional', members: 2, seats: 5, committeeId: k.id });
    const district = (
      await (await t.login('pudong')).request({ method: 'GET', url: '/api/v1/governance/overview?limit=100' })
    ).json();
    expect(district.items.length).toBeGreaterThan(10);
    // Keyset pages, with and without a state filter, cover every compound once.
    for (const filter of ['', '&state=existing_unrecorded']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { compoundId: string }[]; nextCursor: string | null } = (
          await huamu.request({
            method: 'GET',
            url: `/api/v1/governance/overview?limit=7${filter}${cursor ? `&cursor=${cursor}` : ''}`,
          })
        ).json();
        seen.push(...page.items.map((x) => x.compoundId));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      if (!filter) expect(seen).toEqual([compoundId]);
    }
    const pd = await t.login('pudong');
    const all: string[] = [];
    let cur: string | null = null;
    do {
      const page: { items: { compoundId: string; state: string }[]; nextCursor: string | null } = (
        await pd.request({
          method: 'GET',
          url: `/api/v1/governance/overview?limit=7&state=existing_unrecorded${cur ? `&cursor=${cur}` : ''}`,
        })
      ).json();
      expect(page.items.every((x) => x.state === 'existing_unrecorded')).toBe(true);
      all.push(...page.items.map((x) => x.compoundId));
      cur = page.nextCursor;
    } while (cur);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(
      district.items.filter((x: { state: string }) => x.state === 'existing_unrecorded').length,
    );
    expect(
      district.items.filter(
        (x: { state: string; triggerMet: boolean }) => x.state === 'existing_unrecorded' && x.triggerMet,
      ).length,
    ).toBeGreaterThan(0);
    // None of the seeded compounds (all older than their record) is noise under "no assembly yet".
    expect(district.items.filter((x: { state: string }) => x.state === 'no_assembly')).toEqual([]);
    const onlyBad = (
      await huamu.request({
        method: 'GET',
        url: `/api/v1/governance/overview?street=${HUAMU}&state=dysfunctional&limit=2`,
      })
    ).json();
    expect(onlyBad.items.map((x: { compoundId: string }) => x.compoundId)).toEqual([compoundId]);
    expect(onlyBad.nextCursor).toBeNull();
    const rcView = (await rc.request({ method: 'GET', url: '/api/v1/governance/overview' })).json();
    expect(rcView.items.map((x: { compoundId: string }) => x.compoundId)).toEqual([compoundId]);

    // Early re-election: the group only after the assembly decided so (Art 32 ¶3).
    const tooSoon = await committeeAct(huamu, k.id, {
      action: 'form_reelection_group',
      on: today(),
      members: [staff[0], staff[1], ...owners.slice(11, 14).map(person)],
    });
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.json().error.code).toBe('governance.early_reelection_needs_decision');
    await takeDecision({
      t,
      session: () => huamu,
      compoundId,
      matter: 'early_reelection',
      title: '提前换届改选业主委员会',
      advance,
    });
    const decided = (
      await huamu.request({ method: 'GET', url: `/api/v1/governance/committees/${k.id}` })
    ).json();
    expect(decided.earlyReelection.stage).toBe('form_group');
    expect(decided.allowedActions).toContain('form_reelection_group');
    expect(decided.tasks.find((x: { kind: string }) => x.kind === 'early_reelection_group')).toMatchObject({
      responsible: 'street',
      doneOn: null,
    });
    // The street forms the 换届改选小组 (no developer), then the new committee succeeds.
    const withDev = await committeeAct(huamu, k.id, {
      action: 'form_reelection_group',
      on: today(),
      members: [...staff, ...owners.slice(11, 15).map(person)],
    });
    expect(withDev.json().error.code).toBe('governance.group_developer_not_allowed');
    const rg = await committeeAct(huamu, k.id, {
      action: 'form_reelection_group',
      on: today(),
      members: [staff[0], staff[1], ...owners.slice(11, 14).map(person)],
    });
    expect(rg.statusCode, rg.body).toBe(200);
    expect(rg.json().reelectionGroup.members).toHaveLength(5);
    const next = await record({
      members: owners
        .slice(11, 16)
        .map((o, i) => ({ ownerId: o.id, position: i === 0 ? 'chair' : 'member', undertakingSigned: true })),
      termYears: 3,
    });
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json()).toMatchObject({ termNo: 2, state: 'in_term' });
    g = await gov();
    expect(g.pastCommittees).toEqual([expect.objectContaining({ id: k.id, termNo: 1 })]);
    // The first committee's open deadlines are closed with it.
    const open = (
      await huamu.request({ method: 'GET', url: `/api/v1/governance/tasks?compound=${compoundId}` })
    ).json().items;
    // … but not a leaving member's own duty to hand over (《规定》 Art 30), which outlives the term.
    const left = open.filter((x: { kind: string }) => x.kind === 'member_handover');
    expect(left.length).toBeGreaterThan(0);
    expect(left.every((x: { dueOn: string; legalRef: string }) => x.legalRef === '《规定》 Art 30')).toBe(
      true,
    );
    expect(
      open
        .filter((x: { kind: string }) => x.kind !== 'member_handover')
        .every((x: { subjectId: string }) => x.subjectId === next.json().id),
    ).toBe(true);
  });

  it('starts a formation on the owners’ written request and lists the street’s deadlines in order', async () => {
    // Another compound (花木 has few in the test seed): the administrator acts with street rights anywhere.
    const admin = await t.login('admin');
    const listed = await admin.request({ method: 'GET', url: '/api/v1/compounds?district=310115&limit=50' });
    const other = listed
      .json()
      .items.find(
        (c: { id: string; streetCode: string }) => c.id !== compoundId && c.streetCode !== '310115125',
      );
    const res = await admin.request({
      method: 'POST',
      url: `/api/v1/governance/compounds/${other.id}/formation`,
      payload: { triggerKind: 'owners_request', requestedOn: today() },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().formation).toMatchObject({
      triggerKind: 'owners_request',
      reportKind: 'owners_request',
      reportOn: today(),
    });
    expect(res.json().formation.allowedActions[0]).toBe('form_group');
    const list = (
      await huamu.request({
        method: 'GET',
        url: `/api/v1/governance/tasks?street=${HUAMU}&state=all&limit=200`,
      })
    ).json().items as { dueOn: string }[];
    expect(list.map((x) => x.dueOn)).toEqual([...list.map((x) => x.dueOn)].sort());
    // Another street sees none of it.
    const zj = await t.login('zhangjiang');
    expect(
      (await zj.request({ method: 'GET', url: `/api/v1/governance/tasks?street=${HUAMU}` })).json().items,
    ).toEqual([]);
    expect(
      (await zj.request({ method: 'GET', url: `/api/v1/governance/compounds/${other.id}` })).statusCode,
    ).toBe(404);
    // Owners have no governance lists.
    const owner = await t.login('owner');
    expect((await owner.request({ method: 'GET', url: '/api/v1/governance/overview' })).statusCode).toBe(403);
  });
});
