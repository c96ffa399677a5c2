import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { JobWorker } from '../../platform/jobs/jobs.js';
import { jobHandlers } from '../../jobs.js';

const HUAMU = '310115016';

describe.each(DB_KINDS)('cases (%s)', (kind) => {
  let t: TestApp;
  let hotline: Session;
  let huamu: Session;
  let wuye: Session;
  let compoundId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    hotline = await t.login('hotline');
    huamu = await t.login('huamu');
    wuye = await t.login('wuye');
    // The property company user's compound in 花木 (demo accounts are built around it).
    const rc = await t.login('rc');
    compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
  });
  afterAll(() => t.close());

  const act = async (s: Session, id: string, body: Record<string, unknown>) => {
    const current = (await s.request({ method: 'GET', url: `/api/v1/cases/${id}` })).json();
    const res = await s.request({
      method: 'POST',
      url: `/api/v1/cases/${id}/actions`,
      payload: { version: current.version, ...body },
    });
    if (res.statusCode !== 200) throw new Error(`${String(body.action)} → ${res.statusCode} ${res.body}`);
    return res.json();
  };

  it('takes a hotline case through return, extension, failed check, close, unsatisfied revisit and reopen', async () => {
    const intake = await hotline.request({
      method: 'POST',
      url: '/api/v1/intake/hotline',
      headers: { 'idempotency-key': 'WO-2026-0001' },
      payload: {
        categoryCode: 'repair.urgent.water_burst',
        attributes: { meterPosition: 'after', part: 'common' },
        description: '3号楼地下室水管爆裂，大量漏水',
        compoundId,
        reporter: { name: '王先生', phone: '13812345678' },
      },
    });
    expect(intake.statusCode).toBe(200);
    const { id, caseNo, created } = intake.json();
    expect(created).toBe(true);
    expect(caseNo).toMatch(/^310115\d{8}\d{7}$/);
    // A retry with the same key and body returns the same case.
    const retry = await hotline.request({
      method: 'POST',
      url: '/api/v1/intake/hotline',
      headers: { 'idempotency-key': 'WO-2026-0001' },
      payload: {
        categoryCode: 'repair.urgent.water_burst',
        attributes: { meterPosition: 'after', part: 'common' },
        description: '3号楼地下室水管爆裂，大量漏水',
        compoundId,
        reporter: { name: '王先生', phone: '13812345678' },
      },
    });
    expect(retry.json()).toEqual({ id, caseNo, created: false });

    let view = (await huamu.request({ method: 'GET', url: `/api/v1/cases/${id}` })).json();
    expect(view.status).toBe('received');
    expect(view.routing.rule).toBe('v1:R002'); // after the meter, common part → property company
    expect(view.suggestedOrg.type).toMatch(/project_office|property_company/);
    expect(view.reporterPhone).toBe('138****5678');
    expect(view.allowedActions).toEqual(expect.arrayContaining(['accept', 'decline', 'merge']));

    await act(huamu, id, { action: 'accept' });
    view = await act(huamu, id, { action: 'dispatch' });
    expect(view.status).toBe('dispatched');
    expect(view.deadlines.sign).not.toBeNull();
    // The company sees it in its queue to sign, and returns it with a formatted reason.
    const queue = (await wuye.request({ method: 'GET', url: '/api/v1/cases?queue=toSign' })).json();
    expect(queue.items.map((c: { id: string }) => c.id)).toContain(id);
    expect(
      (
        await wuye.request({
          method: 'POST',
          url: `/api/v1/cases/${id}/actions`,
          payload: { action: 'returnCase', version: view.version },
        })
      ).statusCode,
    ).toBe(400);
    view = await act(wuye, id, {
      action: 'returnCase',
      returnReason: 'insufficient_information',
      note: '请补充具体楼栋',
    });
    expect(view.status).toBe('accepted');
    await act(huamu, id, { action: 'dispatch' });
    view = await act(wuye, id, { action: 'signFor' });
    expect(view.deadlines.arrive).not.toBeNull(); // urgent repair: on site within 2 h
    view = await act(wuye, id, { action: 'arriveOnSite' });
    const resolveBefore = view.deadlines.resolve;
    view = await act(wuye, id, { action: 'requestExtension', extension: '2wd', note: '需更换主管道' });
    expect(view.allowedActions).not.toContain('requestExtension');
    view = await act(huamu, id, { action: 'approveExtension' });
    expect(new Date(view.deadlines.resolve).getTime()).toBeGreaterThan(new Date(resolveBefore).getTime());
    await act(wuye, id, { action: 'reportBack', note: '已更换阀门', resolved: true });
    view = await act(huamu, id, { action: 'verifyFail', note: '仍有渗水' });
    expect(view.status).toBe('signed');
    await act(wuye, id, { action: 'reportBack', note: '已彻底修复' });
    await act(huamu, id, { action: 'verifyPass' });
    view = await act(huamu, id, { action: 'close' });
    expect(view.status).toBe('closed');
    view = await act(huamu, id, { action: 'revisit', satisfaction: 'dissatisfied' });
    expect(view.allowedActions).toContain('reopen');
    view = await act(huamu, id, { action: 'reopen' });
    expect(view.status).toBe('dispatched');
    expect(view.reopenCount).toBe(1);
    const actions = view.events.map((e: { action: string }) => e.action);
    expect(actions).toEqual([
      'receive',
      'accept',
      'dispatch',
      'returnCase',
      'dispatch',
      'signFor',
      'arriveOnSite',
      'requestExtension',
      'approveExtension',
      'reportBack',
      'verifyFail',
      'reportBack',
      'verifyPass',
      'close',
      'revisit',
      'reopen',
    ]);
    // The reporter was told of closing (an SMS inviting a rating) through the outbox and the job queue.
    const worker = new JobWorker(t.deps.database, t.deps.clock, jobHandlers(t.deps));
    while ((await worker.tick()) > 0);
    const sms = await t.deps.database.db
      .selectFrom('resident_messages')
      .selectAll()
      .where('case_id', '=', id)
      .where('step', '=', 'closed')
      .execute();
    expect(sms[0]).toMatchObject({
      channel: 'sms',
      recipient: '13812345678',
      status: 'sent',
      adapter: 'log',
    });
  });

  it('lets exactly one of two concurrent handlers win; the other gets 409 with the fresh view', async () => {
    const { id } = (
      await hotline.request({
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          channel: 'hotline12345',
          categoryCode: 'repair.ordinary',
          attributes: { part: 'common' },
          description: '楼道灯不亮',
          compoundId,
        },
      })
    ).json();
    const v = (await huamu.request({ method: 'GET', url: `/api/v1/cases/${id}` })).json().version;
    const [a, b] = await Promise.all([
      huamu.request({
        method: 'POST',
        url: `/api/v1/cases/${id}/actions`,
        payload: { action: 'accept', version: v },
      }),
      huamu.request({
        method: 'POST',
        url: `/api/v1/cases/${id}/actions`,
        payload: { action: 'decline', version: v, note: '不属于受理范围' },
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.details.version).toBe(v + 1);
  });

  it('routes by the meter boundary and falls back to the street office when nothing matches', async () => {
    const before = (
      await hotline.request({
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          channel: 'hotline12345',
          categoryCode: 'repair.urgent.water_burst',
          attributes: { meterPosition: 'before' },
          description: '表前总管漏水',
          compoundId,
        },
      })
    ).json();
    const v1 = (await huamu.request({ method: 'GET', url: `/api/v1/cases/${before.id}` })).json();
    expect(v1.suggestedOrg.type).toBe('utility');
    expect(v1.routing.rule).toBe('v1:R001');
    // The same compound's open burst-pipe case (the first test's) is after the meter: another problem.
    expect(v1.duplicateOf).toBeNull();
    const other = (
      await hotline.request({
        method: 'POST',
        url: '/api/v1/cases',
        payload: { channel: 'hotline12345', categoryCode: 'other', description: '其他问题咨询', compoundId },
      })
    ).json();
    const v2 = (await huamu.request({ method: 'GET', url: `/api/v1/cases/${other.id}` })).json();
    expect(v2.routing.rule).toBe('fallback');
    expect(v2.suggestedOrg.type).toBe('street_office');
  });

  it('routes by the law (issue 14 items 27, 28, 30): the meter itself, an own part, parking not rented', async () => {
    const routed = async (categoryCode: string, attributes: Record<string, string>, description: string) => {
      const res = await hotline.request({
        method: 'POST',
        url: '/api/v1/cases',
        payload: { channel: 'hotline12345', categoryCode, attributes, description, compoundId },
      });
      expect(res.statusCode).toBe(200);
      return (await huamu.request({ method: 'GET', url: `/api/v1/cases/${res.json().id}` })).json();
    };
    // 《规定》 Art 60 "分户计量表和分户计量表前": the meter itself is the utility's.
    const meter = await routed(
      'repair.urgent.water_burst',
      { meterPosition: 'at', part: 'own' },
      '水表冻裂漏水',
    );
    expect(meter.routing.rule).toBe('v1:R029');
    expect(meter.suggestedOrg).toMatchObject({ type: 'utility' });
    expect(meter.suggestedOrg.name).toMatch(/自来水/);
    // Art 68 (一): an own part is the owner's duty; the company is named as the paid repair the owner may choose.
    const own = await routed('repair.ordinary', { part: 'own' }, '家里卫生间水龙头坏了');
    expect(own.routing.rule).toBe('v1:R032');
    expect(own.suggestedOrg.type).toMatch(/project_office|property_company/);
    expect(own.routing.note).toContain("(owner's duty)");
    // Arts 62 ¶1, 88: the district housing authority.
    const parking = await routed('parking_not_rented', {}, '开发商车位只售不租');
    expect(parking.routing.rule).toBe('v1:R033');
    expect(parking.suggestedOrg).toMatchObject({ type: 'housing_bureau', name: '浦东新区房屋管理局' });
  });

  it('marks a case overdue and escalates it automatically, exactly once', async () => {
    const { id } = (
      await hotline.request({
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          channel: 'hotline12345',
          categoryCode: 'illegal_construction',
          attributes: { underConstruction: true },
          description: '楼顶正在搭建彩钢板房',
          compoundId,
        },
      })
    ).json();
    let view = await act(huamu, id, { action: 'dispatch' });
    expect(view.leadOrg.name).toMatch(/城管/);
    // An account for the city-management squad that got the case.
    const admin = await t.login('admin');
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        username: 'squad',
        displayName: '城管中队',
        password: 'squad-password',
        roles: [{ role: 'department', scopeType: 'department', scopeId: view.leadOrg.id }],
      },
    });
    expect(created.statusCode).toBe(200);
    const squad = await t.login('squad', 'squad-password');
    view = await act(squad, id, { action: 'signFor' });
    // Construction under way: on site within 2 h (拆违规定 Art 7), escalated when missed.
    expect(new Date(view.deadlines.arrive).getTime() - new Date(view.updatedAt).getTime()).toBe(
      2 * 3_600_000,
    );
    t.clock.advance(3 * 3_600_000);
    const worker = new JobWorker(t.deps.database, t.deps.clock, jobHandlers(t.deps));
    for (let i = 0; i < 3; i++) await worker.tick();
    const later = await t.login('huamu'); // the earlier session expired with the clock
    view = (await later.request({ method: 'GET', url: `/api/v1/cases/${id}` })).json();
    expect(view.dueState).toBe('overdue');
    expect(view.supervisionLevel).toBe(1);
    expect(view.events.filter((e: { action: string }) => e.action === 'autoSupervise').length).toBe(1);
  });

  it('lets a resident report, then follow the case with number and phone only', async () => {
    const report = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/reports',
      payload: {
        categoryCode: 'fire_lane',
        description: '消防通道被私家车堵塞',
        compoundId,
        phone: '13900001111',
        name: '李女士',
      },
    });
    expect(report.statusCode).toBe(200);
    const { caseNo } = report.json();
    const track = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/cases/track?caseNo=${caseNo}&phone=13900001111`,
    });
    expect(track.json()).toMatchObject({
      caseNo,
      status: 'received',
      categoryName: { zh: '占用/堵塞消防通道' },
    });
    const wrong = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/cases/track?caseNo=${caseNo}&phone=13900002222`,
    });
    expect(wrong.statusCode).toBe(404);
    // Outside the hotline channels a resident cannot pretend to be a hotline.
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/reports',
      payload: { categoryCode: 'nope', description: '未知类别问题', compoundId, phone: '13900001111' },
    });
    expect(forged.statusCode).toBe(400);
  });

  it('hides a case from users with no relation to it', async () => {
    const { id } = (
      await hotline.request({
        method: 'POST',
        url: '/api/v1/cases',
        payload: { channel: 'hotline12345', categoryCode: 'noise', description: '夜间噪声扰民', compoundId },
      })
    ).json();
    const zhangjiang = await t.login('zhangjiang');
    expect((await zhangjiang.request({ method: 'GET', url: `/api/v1/cases/${id}` })).statusCode).toBe(404);
    expect(
      (await zhangjiang.request({ method: 'GET', url: `/api/v1/cases?street=${HUAMU}` })).statusCode,
    ).toBe(403);
    const owner = await t.login('owner');
    expect((await owner.request({ method: 'GET', url: `/api/v1/cases/${id}` })).statusCode).toBe(404);
  });
});
