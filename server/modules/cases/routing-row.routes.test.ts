// The case view names the responsibility-list row that routed a case (its category, conditions and the kind of
// unit), so the case page and its timeline say why in words — never the row's code ("v1:R002").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

describe.each(DB_KINDS)('cases: the routing row in words (%s)', (kind) => {
  let t: TestApp;
  let hotline: Session;
  let compoundId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    hotline = await t.login('hotline');
    const rc = await t.login('rc');
    compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
  });
  afterAll(() => t.close());

  it('carries the row of a burst pipe after the meter in a common part', async () => {
    const res = await hotline.request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        channel: 'hotline12345',
        categoryCode: 'repair.urgent.water_burst',
        attributes: { meterPosition: 'after', part: 'common' },
        description: '地下室水管爆裂',
        compoundId,
      },
    });
    expect(res.statusCode).toBe(200);
    const view = (await hotline.request({ method: 'GET', url: `/api/v1/cases/${res.json().id}` })).json();
    expect(view.routing.rule).toMatch(/^v\d+:/);
    expect(view.routing.row).toEqual({
      listVersion: 1,
      categoryName: { zh: '水管爆裂/大量漏水', en: 'Burst pipe / major leak' },
      conditions: { meterPosition: 'after', part: 'common' },
      orgType: 'property_company',
    });
  });

  it('names the co-handlers the row suggests (the dispatch dialog offers them by name)', async () => {
    const res = await hotline.request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        channel: 'hotline12345',
        categoryCode: 'repair.urgent.water_burst',
        attributes: {},
        description: '楼道水管漏水，不清楚是表前还是表后',
        compoundId,
      },
    });
    expect(res.statusCode).toBe(200);
    const view = (await hotline.request({ method: 'GET', url: `/api/v1/cases/${res.json().id}` })).json();
    expect(view.routing.row.conditions).toEqual({});
    expect(view.suggestedCoHandlers).toEqual([
      { id: expect.any(String), name: expect.stringMatching(/供水|自来水|水务/), type: 'utility' },
    ]);
  });

  it('has no row when nothing on the list matched (the street office coordinates)', async () => {
    const res = await hotline.request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { channel: 'hotline12345', categoryCode: 'other', description: '其他问题', compoundId },
    });
    expect(res.statusCode).toBe(200);
    const view = (await hotline.request({ method: 'GET', url: `/api/v1/cases/${res.json().id}` })).json();
    expect(view.routing.row).toBeNull();
  });
});
