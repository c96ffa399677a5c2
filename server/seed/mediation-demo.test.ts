import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type TestApp } from '../test/harness.js';
import { seedMediationDemo } from './mediation-demo.js';

describe.each(DB_KINDS)('mediation demo data (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t?.close());

  it('the demo mediator has 花木 disputes in every state, through the service rules', async () => {
    const hotline = await t.login('hotline');
    const rc = await t.login('rc');
    const compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
    const made = await hotline.request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        channel: 'hotline12345',
        categoryCode: 'noise',
        attributes: {},
        description: '楼上每晚十一点后还在跳绳，影响休息',
        compoundId,
        reporter: { name: '林女士', phone: '13900001111' },
      },
    });
    expect(made.statusCode).toBe(200);
    const r = await seedMediationDemo(t.deps);
    expect(r.disputes).toBe(9);
    const tj = await t.login('tiaojie');
    const page = (await tj.request({ method: 'GET', url: '/api/v1/mediation/disputes?limit=50' })).json();
    const statuses = new Set(page.items.map((d: { status: string }) => d.status));
    for (const s of ['registered', 'mediating', 'agreed', 'effective', 'confirmed', 'referred', 'withdrawn'])
      expect(statuses).toContain(s);
    // One dispute was turned from the case: it names the case by number, the case's timeline records it.
    const fromCase = page.items.find((d: { parties: string }) => d.parties.startsWith('林女士'));
    const d = (await tj.request({ method: 'GET', url: `/api/v1/mediation/disputes/${fromCase.id}` })).json();
    expect(d.caseNo).toMatch(/^310115/);
    expect(d.status).toBe('mediating');
    expect(d.parties[0]).toMatchObject({ name: '林女士', phone: '139****1111' });
    const huamu = await t.login('huamu');
    const stats = (await huamu.request({ method: 'GET', url: '/api/v1/mediation/stats' })).json();
    expect(stats.streets[0].streetName).toContain('花木');
    expect(stats.streets[0].agreements).toBe(2);
  });
});
