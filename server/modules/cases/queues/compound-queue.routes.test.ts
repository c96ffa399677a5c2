// A 居委会 account (the demo `rc`, bound to one compound) has the case queue in the permission table
// (domain/access.ts: cases.queue + cases.read): it sees the cases of its own compound — read-only — and its
// home counts them. Before, the queue answered 403 (only districts, streets and organisations had a queue).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../../test/harness.js';

describe.each(DB_KINDS)('cases: a residents’ committee’s queue is its compound’s cases (%s)', (kind) => {
  let t: TestApp;
  let rc: Session;
  let ownCase: string;
  let otherCase: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const hotline = await t.login('hotline');
    rc = await t.login('rc');
    const own = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id as string;
    const all = (await hotline.request({ method: 'GET', url: '/api/v1/compounds?limit=50' })).json()
      .items as { id: string }[];
    const other = all.find((c) => c.id !== own)!.id;
    const report = async (compoundId: string, description: string) => {
      const res = await hotline.request({
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          channel: 'hotline12345',
          categoryCode: 'repair.ordinary',
          attributes: { part: 'common' },
          description,
          compoundId,
        },
      });
      expect(res.statusCode).toBe(200);
      return res.json().id as string;
    };
    ownCase = await report(own, '单元门禁损坏');
    otherCase = await report(other, '路灯不亮');
  });
  afterAll(() => t.close());

  it('lists the cases of its own compound and no other', async () => {
    const res = await rc.request({ method: 'GET', url: '/api/v1/cases?queue=all&limit=100' });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((c: { id: string }) => c.id);
    expect(ids).toContain(ownCase);
    expect(ids).not.toContain(otherCase);
    const toDispatch = await rc.request({ method: 'GET', url: '/api/v1/cases?queue=toDispatch' });
    expect(toDispatch.json().items.map((c: { id: string }) => c.id)).toContain(ownCase);
  });

  it('reads its compound’s case without any action, and cannot open another compound’s', async () => {
    const page = await rc.request({ method: 'GET', url: `/api/v1/cases/${ownCase}` });
    expect(page.statusCode).toBe(200);
    expect(page.json().allowedActions).toEqual([]);
    const act = await rc.request({
      method: 'POST',
      url: `/api/v1/cases/${ownCase}/actions`,
      payload: { version: page.json().version, action: 'accept' },
    });
    expect(act.statusCode).toBeGreaterThanOrEqual(400);
    expect((await rc.request({ method: 'GET', url: `/api/v1/cases/${otherCase}` })).statusCode).toBe(404);
  });

  it('counts its compound’s cases on its home', async () => {
    const res = await rc.request({ method: 'GET', url: '/api/v1/home' });
    expect(res.statusCode).toBe(200);
    expect(res.json().queues).not.toBeNull();
    expect(res.json().queues.toDispatch).toBeGreaterThanOrEqual(1);
  });
});
