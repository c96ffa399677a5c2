import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate, statutoryDeadline } from '../../../../domain/calendar.js';
import { FILING_MATERIALS } from '../../../../domain/governance-duties.js';
import { workingCalendar } from '../../../platform/working-calendar.js';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../../test/harness.js';
import { triggerScanHandler } from '../governance.jobs.js';

const DAY = 86_400_000;

interface OwnerItem {
  id: string;
  kind: string;
  name: string;
}

describe.each(DB_KINDS)('governance duties of 《规定》 Arts 13, 23, 25, 26, 30, 33 (%s)', (kind) => {
  let t: TestApp;
  let huamu: Session;
  let rc: Session;
  let ywh: Session;
  let compoundId: string;
  let committeeId: string;
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
    const recorded = await huamu.request({
      method: 'POST',
      url: `/api/v1/governance/compounds/${compoundId}/committees`,
      payload: {
        electedOn: today(),
        termYears: 5,
        seats: 5,
        members: owners.slice(0, 5).map((o, i) => ({
          ownerId: o.id,
          position: i === 0 ? 'chair' : 'member',
          undertakingSigned: true,
        })),
      },
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    committeeId = recorded.json().id;
  });
  afterAll(() => t.close());

  const today = () => shanghaiDate(t.clock.now());
  const post = (s: Session, url: string, payload: Record<string, unknown>, lang = 'zh-CN') =>
    s.request({ method: 'POST', url, payload, headers: { 'accept-language': lang } });
  const get = async (s: Session, url: string) => {
    const res = await s.request({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const committee = () => get(huamu, `/api/v1/governance/committees/${committeeId}`);
  const lastDay = async (from: string, days: number) =>
    statutoryDeadline((await workingCalendar(t.deps.database.db)).calendar, from, days).lastDay;

  async function draft(opensAt: number) {
    const res = await post(ywh, '/api/v1/governance/decisions', {
      compoundId,
      matter: 'use_fund',
      method: 'written',
      title: '使用专项维修资金维修外墙',
      description: '外墙渗漏维修',
      opensAt: new Date(opensAt).toISOString(),
      closesAt: new Date(opensAt + 14 * DAY).toISOString(),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; version: number };
  }

  it('opens a decision only after written notice to the 房管机构 and the 居民委员会 (Art 25 ¶2)', async () => {
    const d = await draft(t.clock.now().getTime() + 16 * DAY);
    const open = (lang = 'zh-CN') =>
      post(
        ywh,
        `/api/v1/governance/decisions/${d.id}/actions`,
        { action: 'open', version: d.version, noticePostedOn: today() },
        lang,
      );
    const none = await open();
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('governance.meeting_notice_missing');
    expect(none.json().error.message).toContain('房管机构、居民委员会');
    expect(none.json().error.message).toContain('第二十五条第二款');
    expect((await open('en')).json().error.message).toContain('Art 25(2)');

    const notices = `/api/v1/governance/decisions/${d.id}/meeting-notices`;
    // The residents' committee sees the decision but records nothing for the owners' committee.
    expect(
      (await post(rc, notices, { recipient: 'housing_office', recipientName: 'x', notifiedOn: today() }))
        .statusCode,
    ).toBe(403);
    const one = await post(ywh, notices, {
      recipient: 'housing_office',
      recipientName: '花木街道房管办',
      notifiedOn: today(),
    });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ missing: ['residents_committee'], canRecord: true });
    const half = await open();
    expect(half.json().error.code).toBe('governance.meeting_notice_missing');
    expect(half.json().error.message).toContain('尚未登记对居民委员会的书面通知');
    // Once per recipient.
    expect(
      (
        await post(ywh, notices, {
          recipient: 'housing_office',
          recipientName: '又一次',
          notifiedOn: today(),
        })
      ).statusCode,
    ).toBe(409);
    const both = await post(ywh, notices, {
      recipient: 'residents_committee',
      recipientName: '东方居委会',
      notifiedOn: today(),
    });
    expect(both.json().missing).toEqual([]);
    const opened = await open();
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().status).toBe('open');
    // After it opened the notices are history.
    expect((await get(rc, notices)).canRecord).toBe(false);

    // "事先": a notice dated after the meeting began is refused.
    const past = await draft(t.clock.now().getTime() - 2 * DAY);
    const late = await post(ywh, `/api/v1/governance/decisions/${past.id}/meeting-notices`, {
      recipient: 'housing_office',
      recipientName: '花木街道房管办',
      notifiedOn: today(),
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe('governance.meeting_notice_late');
  });

  it('checks a petition of owners at 20 % (Art 25 ¶1) and of members at one third (Art 26 ¶1)', async () => {
    const url = `/api/v1/governance/committees/${committeeId}/petitions`;
    const first = await post(ywh, url, {
      kind: 'assembly',
      receivedOn: today(),
      subject: '召开临时会议讨论更换物业',
      proposers: 1,
    });
    expect(first.statusCode, first.body).toBe(200);
    const persons = first.json().items[0].base as number;
    expect(persons).toBeGreaterThan(5);
    // The boundary: the smallest count with 5·n ≥ owners reaches "百分之二十以上", one fewer does not.
    const least = Math.ceil(persons / 5);
    const below = await post(ywh, url, {
      kind: 'assembly',
      receivedOn: today(),
      subject: '少一人',
      proposers: least - 1,
    });
    expect(below.json().items[0]).toMatchObject({
      proposers: least - 1,
      met: false,
      status: 'insufficient',
      dueOn: null,
    });
    const at = await post(ywh, url, {
      kind: 'assembly',
      receivedOn: today(),
      subject: '正好达到',
      proposers: least,
    });
    const reached = at.json().items[0];
    expect(reached).toMatchObject({
      proposers: least,
      base: persons,
      met: true,
      status: 'awaiting',
      threshold: '20%',
    });
    // No period in Art 25 ¶1: 30 days, a product default, marked as such.
    expect(reached.dueOn).toBe(await lastDay(today(), 30));
    const tasks = (await get(huamu, `/api/v1/governance/tasks?compound=${compoundId}`)).items;
    expect(tasks).toContainEqual(
      expect.objectContaining({
        kind: 'extraordinary_assembly',
        subjectId: reached.id,
        responsible: 'committee',
        legalRef: '《规定》 Art 25 ¶1 (product default)',
      }),
    );
    const tooMany = await post(ywh, url, {
      kind: 'assembly',
      receivedOn: today(),
      subject: '多',
      proposers: persons + 1,
    });
    expect(tooMany.json().error.code).toBe('governance.petition_exceeds_owners');

    // Members: 2 of 5 reach one third (3·2 ≥ 5), 1 of 5 does not.
    const k = await committee();
    const ids = k.members.map((m: { id: string }) => m.id);
    const one = await post(ywh, url, {
      kind: 'committee',
      receivedOn: today(),
      subject: '一人',
      memberIds: [ids[1]],
    });
    expect(one.json().items[0]).toMatchObject({ met: false, base: 5, status: 'insufficient' });
    const two = await post(ywh, url, {
      kind: 'committee',
      receivedOn: today(),
      subject: '讨论电梯维修',
      memberIds: [ids[1], ids[2]],
    });
    const req = two.json().items[0];
    expect(req).toMatchObject({
      met: true,
      threshold: '1/3',
      status: 'awaiting',
      proposerNames: [owners[1].name, owners[2].name],
    });
    expect(req.dueOn).toBe(await lastDay(today(), 7));
    // A regular meeting does not answer it; the extraordinary one does.
    const meet = (kind: string) =>
      post(ywh, `/api/v1/governance/committees/${committeeId}/meetings`, {
        heldOn: today(),
        kind,
        minutes: '临时会议',
        attendance: ids.map((memberId: string) => ({ memberId, present: true })),
      });
    const regular = (await meet('regular')).json().meetings[0].id;
    const convene = (refId: string, version = req.version) =>
      post(ywh, `${url}/${req.id}/convene`, { version, refId });
    expect((await convene(regular)).json().error.code).toBe('governance.petition_answer_invalid');
    const extra = (await meet('extraordinary'))
      .json()
      .meetings.find((m: { kind: string }) => m.kind === 'extraordinary').id;
    const done = await convene(extra);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().items.find((p: { id: string }) => p.id === req.id)).toMatchObject({
      status: 'convened',
      convenedOn: today(),
    });
    expect((await convene(extra, req.version + 1)).statusCode).toBe(409);
    // The residents' committee reads them but records none.
    expect((await get(rc, url)).canRecord).toBe(false);
    expect(
      (await post(rc, url, { kind: 'assembly', receivedOn: today(), subject: 'x', proposers: 1 })).statusCode,
    ).toBe(403);
  });

  it('opens a 10-day handover when a membership ends (Art 30) and records it once', async () => {
    const k = await committee();
    const m = k.members.find((x: { position: string }) => x.position === 'member');
    const ended = await post(ywh, `/api/v1/governance/committees/${committeeId}/members/${m.id}/end`, {
      version: m.version,
      on: today(),
      reason: 'resigned',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    const task = ended
      .json()
      .tasks.find((x: { kind: string; subjectId: string }) => x.kind === 'member_handover');
    expect(task).toMatchObject({
      subjectId: m.id,
      responsible: 'committee',
      legalRef: '《规定》 Art 30',
      state: 'open',
    });
    expect(task.dueOn).toBe(await lastDay(today(), 10));
    const url = `/api/v1/governance/committees/${committeeId}/members/${m.id}/handover`;
    expect((await post(rc, url, { on: today() })).statusCode).toBe(403);
    const serving = k.members.find((x: { id: string; position: string }) => x.position === 'chair');
    expect(
      (
        await post(ywh, `/api/v1/governance/committees/${committeeId}/members/${serving.id}/handover`, {
          on: today(),
        })
      ).json().error.code,
    ).toBe('governance.handover_member_serving');
    const done = await post(ywh, url, { on: today() });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().tasks.find((x: { id: string }) => x.id === task.id)).toMatchObject({
      state: 'done',
      doneOn: today(),
    });
    expect((await post(ywh, url, { on: today() })).statusCode).toBe(409);
  });

  it('files a 注销备案 under Art 33 ¶2 within 30 days', async () => {
    const res = await post(ywh, `/api/v1/governance/committees/${committeeId}/changes`, {
      kind: 'deregistration',
      summary: '物业管理区域调整，并入相邻小区，业委会无法存续',
      changedOn: today(),
    });
    expect(res.statusCode, res.body).toBe(200);
    const ch = res.json().changes.find((x: { kind: string }) => x.kind === 'deregistration');
    expect(ch).toMatchObject({ status: 'pending', fileBy: await lastDay(today(), 30) });
    expect(res.json().tasks).toContainEqual(
      expect.objectContaining({ kind: 'change_filing', subjectId: ch.id, legalRef: '《规定》 Art 33 ¶2' }),
    );
  });

  it('refuses the filing until the six materials of Art 23 ¶1 are in the file', async () => {
    const url = `/api/v1/governance/committees/${committeeId}/filing-materials`;
    const empty = await get(ywh, url);
    expect(empty.gaps).toEqual([...FILING_MATERIALS]);
    const submit = async () => {
      const k = await committee();
      return post(ywh, `/api/v1/governance/committees/${committeeId}/actions`, {
        action: 'submit_filing',
        version: k.version,
        on: today(),
      });
    };
    const refused = await submit();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('governance.filing_materials_missing');
    expect(refused.json().error.message).toContain('第二十三条第一款');
    for (const material of FILING_MATERIALS) {
      const r = await post(ywh, url, { material, providedOn: today(), description: `${material} 原件` });
      expect(r.statusCode, r.body).toBe(200);
    }
    expect(
      (await post(ywh, url, { material: 'fund_statute', providedOn: today(), description: '再' })).statusCode,
    ).toBe(409);
    // All six are in the file, but (六) needs every serving member's training on record.
    const file = await get(ywh, url);
    expect(file.gaps).toEqual(['training_records']);
    expect((await submit()).json().error.code).toBe('governance.filing_materials_missing');
    const k = await committee();
    const trained = await post(huamu, `/api/v1/governance/committees/${committeeId}/trainings`, {
      heldOn: today(),
      topic: '业委会履职培训',
      trainer: '街道',
      hours: 2,
      memberIds: k.members
        .filter((m: { endedOn: string | null }) => !m.endedOn)
        .map((m: { id: string }) => m.id),
    });
    expect(trained.statusCode, trained.body).toBe(200);
    expect((await get(ywh, url)).gaps).toEqual([]);
    const ok = await submit();
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().filingStatus).toBe('submitted');
    expect((await get(ywh, url)).canRecord).toBe(false);
  });

  it('records an Art 13 ¶2 exemption and the trigger scan no longer chases the developer', async () => {
    const db = t.deps.database.db;
    const street = await db
      .selectFrom('compounds')
      .select(['id', 'street_code'])
      .where('id', '!=', compoundId)
      .orderBy('id')
      .limit(2)
      .execute();
    const admin = await t.login('admin');
    const [exempt, chased] = street;
    // Registered before their duty arose, so the scan counts it (see governance.jobs.test.ts).
    await db
      .updateTable('compounds')
      .set({ created_at: '1980-01-01T00:00:00.000Z' })
      .where('id', 'in', [exempt.id, chased.id])
      .execute();
    const url = `/api/v1/governance/compounds/${exempt.id}/exemption`;
    const view = await get(admin, url);
    expect(view).toMatchObject({ exemption: null, canRecord: true, legalRef: '《规定》 Art 13 ¶2' });
    const n = view.owners as number;
    expect(n).toBeGreaterThan(1);
    expect((await post(admin, url, { reason: 'single_owner', agreedOn: today() })).json().error.code).toBe(
      'governance.exemption_not_single_owner',
    );
    const short = await post(admin, url, { reason: 'unanimous', agreedOn: today(), agreedOwners: n - 1 });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toContain('全体业主一致同意');
    // The owners' committee (of another compound) and the residents' committee cannot record it.
    expect(
      (await post(rc, url, { reason: 'unanimous', agreedOn: today(), agreedOwners: n })).statusCode,
    ).toBeGreaterThanOrEqual(403);
    expect(
      (await post(ywh, url, { reason: 'unanimous', agreedOn: today(), agreedOwners: n })).statusCode,
    ).toBe(404);
    const ok = await post(admin, url, {
      reason: 'unanimous',
      agreedOn: addDays(today(), -3),
      agreedOwners: n,
      note: '全体业主书面同意由业主共同履行业主大会、业主委员会职责',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().exemption).toMatchObject({ reason: 'unanimous', ownersAtRecord: n, holds: true });
    expect(
      (await post(admin, url, { reason: 'unanimous', agreedOn: today(), agreedOwners: n })).statusCode,
    ).toBe(409);

    const scan = triggerScanHandler(t.deps, 50);
    const job = {
      id: 'test',
      queue: 'governance.scan',
      payload: {},
      attempts: 1,
      maxAttempts: 5,
      lockedBy: 'test',
    };
    await scan({}, job);
    const reports = async (id: string) =>
      db
        .selectFrom('gov_tasks')
        .select('id')
        .where('compound_id', '=', id)
        .where('kind', '=', 'developer_report')
        .execute();
    expect(await reports(exempt.id)).toEqual([]);
    expect(await reports(chased.id)).toHaveLength(1);

    // Revoked (a new owner did not agree): the next scan chases the developer again.
    const revoked = await post(admin, `${url}/revoke`, { version: ok.json().exemption.version, on: today() });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().exemption).toBeNull();
    await scan({}, job);
    expect(await reports(exempt.id)).toHaveLength(1);
  });
});
