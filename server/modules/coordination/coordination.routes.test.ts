import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coordinationScanHandler } from './coordination.jobs.js';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

describe.each(DB_KINDS)('coordination: joint meetings, hot cases, decisions, action items (%s)', (kind) => {
  let t: TestApp;
  let pudong: Session;
  let huamu: Session;
  let zhangjiang: Session;
  let chengguan: Session;
  let wuye: Session;
  let chengguanOrg: string;
  let wuyeOrg: string;
  let compoundId: string;
  let bodyId: string;
  let meetingId: string;
  let hotCaseId: string;
  const base = '/api/v1/coordination';

  const orgOf = async (username: string) =>
    (
      await t.deps.database.db
        .selectFrom('user_roles')
        .innerJoin('users', 'users.id', 'user_roles.user_id')
        .select('user_roles.scope_id')
        .where('users.username', '=', username)
        .executeTakeFirstOrThrow()
    ).scope_id;
  const newCase = async (description: string) => {
    const res = await huamu.request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { channel: 'gridInspection', categoryCode: 'repair.ordinary', description, compoundId },
    });
    expect(res.statusCode).toBe(200);
    return res.json() as { id: string; caseNo: string };
  };
  const caseNotes = async (caseId: string) =>
    (
      await t.deps.database.db
        .selectFrom('case_events')
        .select(['action', 'data_json'])
        .where('case_id', '=', caseId)
        .execute()
    )
      .filter((e) => e.action === 'comment')
      .map((e) => (JSON.parse(e.data_json) as { note: string }).note);

  beforeAll(async () => {
    t = await startTestApp(kind);
    [pudong, huamu, zhangjiang, chengguan, wuye] = await Promise.all(
      ['pudong', 'huamu', 'zhangjiang', 'chengguan', 'wuye'].map((u) => t.login(u)),
    );
    chengguanOrg = await orgOf('chengguan');
    wuyeOrg = await orgOf('wuye');
    const rc = await t.login('rc');
    compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
  });
  afterAll(() => t?.close());

  it('the district office sets up the district joint meeting; a street office may not, nor see it', async () => {
    const payload = {
      divisionCode: '310115',
      name: '浦东新区住宅小区综合管理联席会议',
      convenor: '分管副区长',
      memberOrgIds: [chengguanOrg, wuyeOrg],
    };
    expect((await huamu.request({ method: 'POST', url: `${base}/bodies`, payload })).statusCode).toBe(403);
    const res = await pudong.request({ method: 'POST', url: `${base}/bodies`, payload });
    expect(res.statusCode).toBe(200);
    bodyId = res.json().id;
    expect((await pudong.request({ method: 'POST', url: `${base}/bodies`, payload })).json().error.code).toBe(
      'coordination.body_exists',
    );
    const body = (await pudong.request({ method: 'GET', url: `${base}/bodies/${bodyId}` })).json();
    expect(body).toMatchObject({ level: 'district', divisionName: '浦东新区', members: 2, mayManage: true });
    expect((await huamu.request({ method: 'GET', url: `${base}/bodies/${bodyId}` })).statusCode).toBe(404);
    expect((await zhangjiang.request({ method: 'GET', url: `${base}/bodies` })).json().items).toEqual([]);
    const city = await t.login('city');
    const cityView = (await city.request({ method: 'GET', url: `${base}/bodies/${bodyId}` })).json();
    expect(cityView.mayManage).toBe(false);
  });

  it('lists hot cases with their reasons; an agenda takes a hot case (the case records it), not a quiet one', async () => {
    const hot = await newCase('楼道堆物长期未清理，多次投诉');
    hotCaseId = hot.id;
    const quiet = await newCase('路灯不亮');
    await t.deps.database.db
      .updateTable('cases')
      .set({ next_due_at: '2026-11-20T00:00:00.000Z' })
      .where('id', '=', hot.id)
      .execute();
    const list = (await pudong.request({ method: 'GET', url: `${base}/bodies/${bodyId}/hot-cases` })).json();
    const found = list.items.find((c: { id: string }) => c.id === hot.id);
    expect(found.reasons).toEqual(['overdue']);
    expect(list.items.some((c: { id: string }) => c.id === quiet.id)).toBe(false);

    const m = await pudong.request({
      method: 'POST',
      url: `${base}/bodies/${bodyId}/meetings`,
      payload: { meetingOn: '2026-11-26', title: '2026年第四季度联席会议' },
    });
    meetingId = m.json().id;
    const addQuiet = await pudong.request({
      method: 'POST',
      url: `${base}/meetings/${meetingId}/agenda`,
      payload: { source: 'case', version: 1, caseId: quiet.id },
    });
    expect(addQuiet.json().error.code).toBe('coordination.case_not_hot');
    const add = await pudong.request({
      method: 'POST',
      url: `${base}/meetings/${meetingId}/agenda`,
      payload: { source: 'case', version: 1, caseId: hot.id },
    });
    expect(add.statusCode).toBe(200);
    const stale = await pudong.request({
      method: 'POST',
      url: `${base}/meetings/${meetingId}/agenda`,
      payload: { source: 'other', version: 1, title: '上次会议交办事项办理情况' },
    });
    expect(stale.statusCode).toBe(409);
    const twice = await pudong.request({
      method: 'POST',
      url: `${base}/meetings/${meetingId}/agenda`,
      payload: { source: 'case', version: 2, caseId: hot.id },
    });
    expect(twice.json().error.code).toBe('coordination.case_on_agenda');
    expect(
      (await caseNotes(hot.id)).some((n) => n.includes('已列入浦东新区住宅小区综合管理联席会议议题')),
    ).toBe(true);
  });

  it('a case returned by two departments is hot as returned and disputed (条与条)', async () => {
    const c = await newCase('化粪池满溢，城管与物业互相推诿');
    const returned = (seq: number, orgId: string) => ({
      id: `${c.id.slice(0, 30)}-${seq}`,
      case_id: c.id,
      seq,
      at: '2026-11-25T02:00:00.000Z',
      actor_id: null,
      actor_name: '测试',
      actor_org_id: orgId,
      action: 'returnCase',
      from_status: 'dispatched',
      to_status: 'accepted',
      data_json: JSON.stringify({ returnReason: 'not_our_jurisdiction', previousLeadOrgId: orgId }),
    });
    await t.deps.database.db
      .insertInto('case_events')
      .values([returned(100, chengguanOrg), returned(101, wuyeOrg)])
      .execute();
    const list = (await pudong.request({ method: 'GET', url: `${base}/bodies/${bodyId}/hot-cases` })).json();
    expect(list.items.find((x: { id: string }) => x.id === c.id)).toMatchObject({
      returns: 2,
      reasons: ['returned', 'disputed'],
    });
  });

  it('a street asks the district for coordination; the request becomes an agenda item', async () => {
    const c = await newCase('相邻小区围墙归属争议');
    const req = await huamu.request({
      method: 'POST',
      url: `${base}/bodies/${bodyId}/requests`,
      payload: { subject: '围墙归属需区级协调', details: '涉及规划和房管两个部门', caseId: c.id },
    });
    expect(req.statusCode).toBe(200);
    // A district office does not "ask" its own body; another district's street cannot reach it.
    expect(
      (
        await pudong.request({
          method: 'POST',
          url: `${base}/bodies/${bodyId}/requests`,
          payload: { subject: '自提', details: '自提申请' },
        })
      ).statusCode,
    ).toBe(404);
    const body = (await pudong.request({ method: 'GET', url: `${base}/bodies/${bodyId}` })).json();
    expect(body.requests[0]).toMatchObject({
      fromDivisionName: '花木街道',
      status: 'pending',
      caseNo: c.caseNo,
    });
    const add = await pudong.request({
      method: 'POST',
      url: `${base}/meetings/${meetingId}/agenda`,
      payload: { source: 'request', version: 2, requestId: req.json().id },
    });
    expect(add.statusCode).toBe(200);
    const again = await pudong.request({
      method: 'POST',
      url: `${base}/meetings/${meetingId}/agenda`,
      payload: { source: 'request', version: 3, requestId: req.json().id },
    });
    expect(again.json().error.code).toBe('coordination.request_scheduled');
    const sent = (await huamu.request({ method: 'GET', url: `${base}/requests` })).json().items;
    expect(sent).toEqual([
      expect.objectContaining({
        subject: '围墙归属需区级协调',
        status: 'scheduled',
        bodyName: '浦东新区住宅小区综合管理联席会议',
        meetingTitle: '2026年第四季度联席会议',
        meetingHeld: false,
      }),
    ]);
    expect((await zhangjiang.request({ method: 'GET', url: `${base}/requests` })).json().items).toEqual([]);
  });

  it('the meeting is held: attendance, minutes, decisions → action items the units see in their queue', async () => {
    const m = (await pudong.request({ method: 'GET', url: `${base}/meetings/${meetingId}` })).json();
    expect(m.agenda.map((a: { source: string }) => a.source)).toEqual(['case', 'request']);
    expect(m.agenda[1].fromDivisionName).toBe('花木街道');
    const hold = (attendance: unknown[], extra: Record<string, unknown> = {}) =>
      pudong.request({
        method: 'POST',
        url: `${base}/meetings/${meetingId}/hold`,
        payload: {
          version: m.version,
          attendance,
          minutes: '会议听取了花木街道楼道堆物问题汇报，明确责任分工。',
          decisions: [
            {
              agendaItemId: m.agenda[0].id,
              text: '由城管执法局牵头、物业配合，十个工作日内清理完毕',
              actions: [
                {
                  title: '清理楼道堆物并建立长效管理',
                  leadOrgId: chengguanOrg,
                  cooperatingOrgIds: [wuyeOrg],
                  deadline: { workingDays: 10 },
                },
              ],
            },
            {
              text: '物业公司完善巡查台账',
              actions: [{ title: '建立楼道巡查台账', leadOrgId: wuyeOrg, deadline: { date: '2026-11-27' } }],
            },
          ],
          ...extra,
        },
      });
    const noName = await hold([
      { orgId: chengguanOrg, attendance: 'present' },
      { orgId: wuyeOrg, attendance: 'deputy' },
    ]);
    expect(noName.json().error.code).toBe('coordination.deputy_name_missing');
    const badDeadline = await hold([{ orgId: chengguanOrg, attendance: 'present' }], {
      decisions: [{ text: 'x', actions: [{ title: 'y', leadOrgId: wuyeOrg, deadline: { workingDays: 0 } }] }],
    });
    expect(badDeadline.json().error.code).toBe('coordination.deadline_invalid');
    const res = await hold([
      { orgId: chengguanOrg, attendance: 'present' },
      { orgId: wuyeOrg, attendance: 'deputy', deputyName: '项目经理 王' },
    ]);
    expect(res.statusCode).toBe(200);
    const held = res.json();
    expect(held.status).toBe('held');
    expect(held.attendance.find((a: { orgId: string }) => a.orgId === wuyeOrg)).toMatchObject({
      attendance: 'deputy',
      deputyName: '项目经理 王',
    });
    // 10 working days after Thu 2026-11-26 (no holiday in between): Thu 2026-12-10.
    expect(held.decisions[0].actionItems[0]).toMatchObject({ dueOn: '2026-12-10', dueState: 'ok' });
    expect(held.decisions[1].actionItems[0]).toMatchObject({ dueOn: '2026-11-27', dueState: 'warning' });
    expect((await caseNotes(hotCaseId)).some((n) => n.includes('决定：由城管执法局牵头'))).toBe(true);
    expect((await hold([{ orgId: chengguanOrg, attendance: 'present' }])).statusCode).toBe(409);

    const mine = (await chengguan.request({ method: 'GET', url: `${base}/action-items?mine=true` })).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ mayComplete: true, maySupervise: false });
    const wuyeItems = (await wuye.request({ method: 'GET', url: `${base}/action-items?mine=true` })).json();
    expect(wuyeItems.items).toHaveLength(2);
    const notified = await t.deps.database.db
      .selectFrom('notifications')
      .select('org_id')
      .where('kind', '=', 'coordination.action_item')
      .execute();
    expect(notified).toHaveLength(3);
    expect((await zhangjiang.request({ method: 'GET', url: `${base}/action-items` })).json().items).toEqual(
      [],
    );
  });

  it('the lead marks done with evidence; the office supervises (督办) an open item; the next meeting hears back', async () => {
    const items = (await pudong.request({ method: 'GET', url: `${base}/action-items` })).json().items;
    const cg = items.find((i: { leadOrgId: string }) => i.leadOrgId === chengguanOrg);
    const wy = items.find((i: { leadOrgId: string }) => i.leadOrgId === wuyeOrg);
    const done = (s: Session, evidence: string, version = cg.version) =>
      s.request({
        method: 'POST',
        url: `${base}/action-items/${cg.id}/done`,
        payload: { version, evidence },
      });
    expect((await done(wuye, '已清理完毕，附照片')).json().error.code).toBe('coordination.lead_only');
    expect((await done(chengguan, '已清理')).json().error.code).toBe('coordination.evidence_insufficient');
    expect((await done(chengguan, '已清理完毕，附现场照片三张及居民签字', 99)).statusCode).toBe(409);
    const ok = await done(chengguan, '已清理完毕，附现场照片三张及居民签字');
    expect(ok.json()).toMatchObject({ status: 'done', dueState: 'done', mayComplete: false });

    const sup = (s: Session) =>
      s.request({
        method: 'POST',
        url: `${base}/action-items/${wy.id}/supervise`,
        payload: { version: wy.version, note: '请抓紧落实' },
      });
    expect((await sup(huamu)).statusCode).toBe(404);
    const res = await sup(pudong);
    expect(res.json()).toMatchObject({ supervisionCount: 1 });
    const notes = await t.deps.database.db
      .selectFrom('notifications')
      .select(['org_id', 'text_zh'])
      .where('kind', '=', 'coordination.supervise')
      .execute();
    expect(notes).toEqual([{ org_id: wuyeOrg, text_zh: expect.stringContaining('督办：建立楼道巡查台账') }]);

    const next = await pudong.request({
      method: 'POST',
      url: `${base}/bodies/${bodyId}/meetings`,
      payload: { meetingOn: '2027-01-15', title: '2027年第一季度联席会议' },
    });
    const view = (await pudong.request({ method: 'GET', url: `${base}/meetings/${next.json().id}` })).json();
    expect(view.reportBack.map((i: { status: string }) => i.status).sort()).toEqual(['done', 'open']);
    const audits = await t.deps.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'coordination.%')
      .execute();
    expect(new Set(audits.map((a) => a.action))).toEqual(
      new Set([
        'coordination.body.create',
        'coordination.meeting.create',
        'coordination.agenda.add',
        'coordination.request.create',
        'coordination.meeting.hold',
        'coordination.item.complete',
        'coordination.item.supervise',
      ]),
    );
  });

  it('the daily scan warns the lead of an item due soon, then of it overdue — each once', async () => {
    const scan = coordinationScanHandler(t.deps, 1);
    const job = {
      id: 'test',
      queue: 'coordination.scan',
      payload: {},
      attempts: 1,
      maxAttempts: 5,
      lockedBy: 'test',
    };
    const warned = async () =>
      t.deps.database.db
        .selectFrom('notifications')
        .select(['kind', 'org_id'])
        .where('kind', 'like', 'coordination.item_%')
        .orderBy('kind')
        .execute();
    await scan({}, job);
    await scan({}, job);
    expect(await warned()).toEqual([{ kind: 'coordination.item_warning', org_id: wuyeOrg }]);
    t.clock.set(new Date('2026-11-30T02:00:00Z')); // Monday: the item was due on Friday
    await scan({}, job);
    await scan({}, job);
    expect(await warned()).toEqual([
      { kind: 'coordination.item_overdue', org_id: wuyeOrg },
      { kind: 'coordination.item_warning', org_id: wuyeOrg },
    ]);
    const fresh = await t.login('wuye'); // the earlier session lapsed over the weekend
    const items = (
      await fresh.request({ method: 'GET', url: `${base}/action-items?mine=true&status=open` })
    ).json();
    expect(items.items.map((i: { dueState: string }) => i.dueState)).toEqual(['overdue']);
  });
});
