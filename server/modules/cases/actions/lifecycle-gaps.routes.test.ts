// The exits the lifecycle lacked (issue 9 §8): 改派 and 撤回 before signing, 督办 by the dispatching street,
// an extension request that lapses when the work is reported (and the requester told of every decision), and
// 销账 — a parked case resumes where it stood with its clocks shifted by the time parked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../../test/harness.js';

describe.each(DB_KINDS)('cases: lifecycle exits (%s)', (kind) => {
  let t: TestApp;
  let hotline: Session;
  let huamu: Session;
  let pudong: Session;
  let wuye: Session;
  let compoundId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    hotline = await t.login('hotline');
    huamu = await t.login('huamu');
    pudong = await t.login('pudong');
    wuye = await t.login('wuye');
    compoundId = (await (await t.login('rc')).request({ method: 'GET', url: '/api/v1/compounds' })).json()
      .items[0].id;
  });
  afterAll(() => t.close());

  const view = async (s: Session, id: string) =>
    (await s.request({ method: 'GET', url: `/api/v1/cases/${id}` })).json();
  const act = async (s: Session, id: string, body: Record<string, unknown>) => {
    const current = await view(s, id);
    return s.request({
      method: 'POST',
      url: `/api/v1/cases/${id}/actions`,
      payload: { version: current.version, ...body },
    });
  };
  const ok = async (s: Session, id: string, body: Record<string, unknown>) => {
    const res = await act(s, id, body);
    if (res.statusCode !== 200) throw new Error(`${String(body.action)} → ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const newCase = async (description: string) =>
    (
      await hotline.request({
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          channel: 'hotline12345',
          categoryCode: 'repair.urgent.water_burst',
          attributes: { meterPosition: 'after', part: 'common' },
          description,
          compoundId,
        },
      })
    ).json().id as string;
  const notes = async (s: Session) =>
    (await s.request({ method: 'GET', url: '/api/v1/notifications' }))
      .json()
      .items.map((n: { text: string }) => n.text) as string[];

  it('re-dispatches to another lead before signing, and recalls a dispatch; both need a note', async () => {
    const id = await newCase('改派测试：水管漏水');
    const dispatched = await ok(huamu, id, { action: 'dispatch' });
    const company = dispatched.leadOrg;
    expect(dispatched.allowedActions).toEqual(expect.arrayContaining(['redispatch', 'recall']));
    const street = (
      await huamu.request({ method: 'GET', url: '/api/v1/organisations?q=花木街道办事处' })
    ).json().items[0];
    const noNote = await act(huamu, id, { action: 'redispatch', leadOrgId: street.id });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.code).toBe('cases.field_required');
    const same = await act(huamu, id, { action: 'redispatch', leadOrgId: company.id, note: '改派' });
    expect(same.json().error.code).toBe('cases.lead_unchanged');
    const moved = await ok(huamu, id, { action: 'redispatch', leadOrgId: street.id, note: '属地先行处置' });
    expect(moved.status).toBe('dispatched');
    expect(moved.leadOrg.id).toBe(street.id);
    expect((await notes(wuye)).some((n) => n.includes('已改派其他单位'))).toBe(true);
    // The company is no longer the lead: the case is no longer its to see or sign for.
    expect((await wuye.request({ method: 'GET', url: `/api/v1/cases/${id}` })).statusCode).toBe(404);

    const recalled = await ok(huamu, id, { action: 'recall', note: '信息有误，撤回重派' });
    expect(recalled.status).toBe('accepted');
    expect(recalled.leadOrg).toBeNull();
    expect(recalled.allowedActions).toContain('dispatch');
  });

  it('lets the dispatching street press (督办) the unit it dispatched to', async () => {
    const id = await newCase('督办测试：水管漏水');
    await ok(huamu, id, { action: 'dispatch' });
    const pressed = await ok(huamu, id, { action: 'supervise', note: '请加快处置' });
    expect(pressed.supervisionLevel).toBe(1);
    expect((await notes(wuye)).some((n) => n.includes('被督办'))).toBe(true);
  });

  it('tells the requester of an extension decision, and lets a pending request lapse on reporting back', async () => {
    const id = await newCase('延期测试：水管漏水');
    await ok(huamu, id, { action: 'dispatch' });
    await ok(wuye, id, { action: 'signFor' });
    await ok(wuye, id, { action: 'requestExtension', extension: '2wd', note: '需采购配件' });
    await ok(huamu, id, { action: 'refuseExtension' });
    expect((await notes(wuye)).some((n) => n.includes('延期申请未获批准'))).toBe(true);
    await ok(wuye, id, { action: 'requestExtension', extension: '1wd', note: '仍需配件' });
    expect((await view(huamu, id)).extensionPending).toBe(true);
    const reported = await ok(wuye, id, { action: 'reportBack', note: '已修复' });
    expect(reported.extensionPending).toBe(false);
    expect(reported.allowedActions).not.toContain('approveExtension');
    const last = reported.events.at(-1);
    expect(last.data).toMatchObject({ extensionLapsed: true });
  });

  it('takes a parked case off the register: it resumes where it stood, clocks shifted by the time parked', async () => {
    const id = await newCase('挂账测试：水管漏水');
    await ok(huamu, id, { action: 'dispatch' });
    await ok(wuye, id, { action: 'signFor' });
    const before = await view(huamu, id);
    const parked = await ok(pudong, id, { action: 'parkLongTerm', note: '需大修资金' });
    expect(parked.status).toBe('parked');
    expect(parked.allowedActions).toEqual(['unpark']);
    expect((await act(huamu, id, { action: 'unpark', note: 'x' })).statusCode).toBe(403);
    t.clock.advance(3 * 24 * 3_600_000);
    const later = await t.login('pudong');
    const back = await ok(later, id, { action: 'unpark', note: '维修资金已到位' });
    expect(back.status).toBe('signed');
    const shift = (a: string, b: string) => new Date(a).getTime() - new Date(b).getTime();
    expect(shift(back.deadlines.resolve, before.deadlines.resolve)).toBe(3 * 24 * 3_600_000);
    expect((await notes(await t.login('wuye'))).some((n) => n.includes('已销账'))).toBe(true);
  });
});
