// Organisations form a hierarchy (bureau → squadrons): an account bound to a unit sees and acts on the cases of
// the units beneath it, and its KPIs roll up. The demo pairs the 城管 bureau (`chengguan`) with its 花木
// squadron (`zhongdui`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../../../domain/calendar.js';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../../test/harness.js';

describe.each(DB_KINDS)('cases: the bureau sees its squadrons’ cases (%s)', (kind) => {
  let t: TestApp;
  let bureau: Session;
  let squadron: Session;
  let caseId: string;
  let leadOrgName: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const hotline = await t.login('hotline');
    const huamu = await t.login('huamu');
    bureau = await t.login('chengguan');
    squadron = await t.login('zhongdui');
    const compoundId = (
      await (await t.login('rc')).request({ method: 'GET', url: '/api/v1/compounds' })
    ).json().items[0].id;
    const created = await hotline.request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        channel: 'hotline12345',
        categoryCode: 'illegal_construction',
        attributes: { underConstruction: true },
        description: '楼顶正在搭建彩钢板房',
        compoundId,
      },
    });
    expect(created.statusCode).toBe(200);
    caseId = created.json().id;
    const view = (await huamu.request({ method: 'GET', url: `/api/v1/cases/${caseId}` })).json();
    const dispatched = await huamu.request({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/actions`,
      payload: { version: view.version, action: 'dispatch' },
    });
    expect(dispatched.statusCode).toBe(200);
    leadOrgName = dispatched.json().leadOrg.name;
  });
  afterAll(() => t.close());

  it('routes the street’s 违法搭建 to the squadron, which sees it to sign', async () => {
    expect(leadOrgName).toMatch(/城管执法局花木街道中队$/);
    const queue = (await squadron.request({ method: 'GET', url: '/api/v1/cases?queue=toSign' })).json();
    expect(queue.items.map((c: { id: string }) => c.id)).toContain(caseId);
  });

  it('shows the squadron’s case in the bureau’s queue and case page, and lets the bureau act on it', async () => {
    const queue = (await bureau.request({ method: 'GET', url: '/api/v1/cases?queue=toSign' })).json();
    expect(queue.items.map((c: { id: string }) => c.id)).toContain(caseId);
    const page = await bureau.request({ method: 'GET', url: `/api/v1/cases/${caseId}` });
    expect(page.statusCode).toBe(200);
    expect(page.json().allowedActions).toContain('signFor');
  });

  it('rolls the squadron’s case up into the bureau’s KPIs', async () => {
    const day = shanghaiDate(t.clock.now());
    const res = await bureau.request({
      method: 'GET',
      url: `/api/v1/kpis/cases?groupBy=street&from=${day}&to=${day}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({ total: 1 })]);
  });
});
