import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type TestApp } from '../../test/harness.js';

describe.each(DB_KINDS)('notifications (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('tells the lead organisation about a dispatched case, in its language, and marks it read', async () => {
    const hotline = await t.login('hotline');
    const huamu = await t.login('huamu');
    const wuye = await t.login('wuye');
    const rc = await t.login('rc');
    const compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
    const { id, caseNo } = (
      await hotline.request({
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          channel: 'hotline12345',
          categoryCode: 'parking',
          description: '小区内乱停车',
          compoundId,
        },
      })
    ).json();
    const view = (await huamu.request({ method: 'GET', url: `/api/v1/cases/${id}` })).json();
    await huamu.request({
      method: 'POST',
      url: `/api/v1/cases/${id}/actions`,
      payload: { action: 'dispatch', version: view.version },
    });

    const zh = (await wuye.request({ method: 'GET', url: '/api/v1/notifications?unread=true' })).json().items;
    expect(zh[0]).toMatchObject({ caseId: id, read: false, kind: 'case.dispatch' });
    expect(zh[0].text).toContain(caseNo);
    expect(zh[0].text).toContain('新派遣案件');
    const en = (
      await wuye.request({
        method: 'GET',
        url: '/api/v1/notifications',
        headers: { 'accept-language': 'en' },
      })
    ).json().items;
    expect(en[0].text).toMatch(/^New case/);
    expect(
      (await wuye.request({ method: 'POST', url: `/api/v1/notifications/${zh[0].id}/read` })).statusCode,
    ).toBe(200);
    expect(
      (await wuye.request({ method: 'GET', url: '/api/v1/notifications?unread=true' })).json().items,
    ).toEqual([]);
    // Another organisation can neither see nor mark it.
    const chengguan = await t.login('chengguan');
    expect(
      (await chengguan.request({ method: 'GET', url: '/api/v1/notifications' }))
        .json()
        .items.map((n: { id: string }) => n.id),
    ).not.toContain(zh[0].id);
    expect(
      (await chengguan.request({ method: 'POST', url: `/api/v1/notifications/${zh[0].id}/read` })).statusCode,
    ).toBe(404);
  });
});
