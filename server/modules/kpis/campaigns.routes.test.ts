import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

const HUAMU = '310115016';
const ZHANGJIANG = '310115125';

describe.each(DB_KINDS)('campaigns (%s)', (kind) => {
  let t: TestApp;
  let hotline: Session;
  let huamu: Session;
  let compoundId: string;
  const cases: Record<string, string> = {};

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
  const intake = async (payload: Record<string, unknown>) => {
    const res = await hotline.request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { channel: 'hotline12345', description: '热线来电', ...payload },
    });
    if (res.statusCode !== 200) throw new Error(`intake → ${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };
  const campaign = {
    name: '花木街道违法搭建集中整治',
    categoryCode: 'illegal_construction',
    divisionCode: HUAMU,
    target: 4,
    startsOn: '2026-11-01',
    endsOn: '2026-12-31',
  };

  beforeAll(async () => {
    t = await startTestApp(kind);
    hotline = await t.login('hotline');
    huamu = await t.login('huamu');
    const rc = await t.login('rc');
    compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
    cases.first = await intake({ categoryCode: 'illegal_construction', compoundId });
    cases.second = await intake({ categoryCode: 'illegal_construction', compoundId });
    cases.noise = await intake({ categoryCode: 'noise', compoundId });
    cases.elsewhere = await intake({ categoryCode: 'illegal_construction', streetCode: ZHANGJIANG });
  });
  afterAll(() => t.close());

  it('creates a campaign, adds the matching cases automatically and reports progress', async () => {
    const created = await huamu.request({ method: 'POST', url: '/api/v1/campaigns', payload: campaign });
    expect(created.statusCode).toBe(200);
    const c = created.json();
    expect(c).toMatchObject({
      name: campaign.name,
      categoryName: '违法搭建',
      divisionName: '花木街道',
      target: 4,
      progress: { total: 0, open: 0, closed: 0, percentOfTarget: 0 },
    });

    const auto = await huamu.request({
      method: 'POST',
      url: `/api/v1/campaigns/${c.id}/cases`,
      payload: { auto: true },
    });
    expect(auto.statusCode).toBe(200);
    expect(auto.json().added).toBe(2); // not the noise case, not the case in 张江
    expect(auto.json().campaign.progress).toMatchObject({
      total: 2,
      open: 2,
      closed: 0,
      byStatus: { received: 2 },
      percentOfTarget: 0,
    });

    // Take the first case to closed: dispatch → the squad signs and reports → verified → closed.
    const view = await act(huamu, cases.first, { action: 'dispatch' });
    const admin = await t.login('admin');
    await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        username: 'squad',
        displayName: '城管中队',
        password: 'squad-password',
        roles: [{ role: 'department', scopeType: 'department', scopeId: view.leadOrg.id }],
      },
    });
    const squad = await t.login('squad', 'squad-password');
    await act(squad, cases.first, { action: 'signFor' });
    await act(squad, cases.first, { action: 'reportBack', note: '已拆除' });
    await act(huamu, cases.first, { action: 'verifyPass' });
    await act(huamu, cases.first, { action: 'close' });

    const progress = (await huamu.request({ method: 'GET', url: `/api/v1/campaigns/${c.id}` })).json()
      .progress;
    expect(progress).toEqual({
      total: 2,
      open: 1,
      closed: 1,
      other: 0,
      byStatus: { received: 1, closed: 1 },
      percentOfTarget: 25,
    });

    // Running auto again adds only what is new.
    const again = await huamu.request({
      method: 'POST',
      url: `/api/v1/campaigns/${c.id}/cases`,
      payload: { auto: true },
    });
    expect(again.json().added).toBe(0);
    cases.third = await intake({ categoryCode: 'illegal_construction', compoundId });
    const third = await huamu.request({
      method: 'POST',
      url: `/api/v1/campaigns/${c.id}/cases`,
      payload: { caseIds: [cases.third, cases.first] },
    });
    expect(third.json().added).toBe(1);
    expect(third.json().campaign.progress).toMatchObject({
      total: 3,
      open: 2,
      closed: 1,
      percentOfTarget: 25,
    });

    const list = (await huamu.request({ method: 'GET', url: '/api/v1/campaigns' })).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const audit = await t.deps.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'campaigns.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'campaigns.create',
      'campaigns.add_cases',
      'campaigns.add_cases',
    ]);
  });

  it('adds nothing when one case is of another category or outside the division', async () => {
    const c = (await huamu.request({ method: 'POST', url: '/api/v1/campaigns', payload: campaign })).json();
    const res = await huamu.request({
      method: 'POST',
      url: `/api/v1/campaigns/${c.id}/cases`,
      payload: { caseIds: [cases.second, cases.noise, cases.elsewhere, 'no-such-case'] },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('kpis.campaign_cases_invalid');
    expect(body.error.details.errors).toEqual([
      { caseId: cases.noise, message: expect.stringContaining('违法搭建') },
      { caseId: cases.elsewhere, message: '案件不存在，或不在本次整治的区域内' },
      { caseId: 'no-such-case', message: '案件不存在，或不在本次整治的区域内' },
    ]);
    const after = (await huamu.request({ method: 'GET', url: `/api/v1/campaigns/${c.id}` })).json();
    expect(after.progress.total).toBe(0);
    // Neither caseIds nor auto, or both: a validation error.
    for (const payload of [{}, { auto: true, caseIds: [cases.second] }]) {
      const bad = await huamu.request({ method: 'POST', url: `/api/v1/campaigns/${c.id}/cases`, payload });
      expect(bad.statusCode).toBe(400);
    }
  });

  it('validates the campaign itself', async () => {
    const post = (payload: Record<string, unknown>) =>
      huamu.request({ method: 'POST', url: '/api/v1/campaigns', payload: { ...campaign, ...payload } });
    expect((await post({ categoryCode: 'nope' })).json().error.code).toBe('kpis.category_unknown');
    expect((await post({ startsOn: '2027-01-01' })).json().error.code).toBe('kpis.period_invalid');
    expect((await post({ target: 0 })).statusCode).toBe(400);
    expect((await post({ divisionCode: '310115' })).statusCode).toBe(403); // a street office, a district campaign
    const city = await t.login('city');
    const cityPost = await city.request({
      method: 'POST',
      url: '/api/v1/campaigns',
      payload: { ...campaign, divisionCode: '310000' },
    });
    expect(cityPost.json().error.code).toBe('kpis.division_invalid');
  });

  it('lets a district run a district-wide campaign and keeps streets to their own', async () => {
    const pudong = await t.login('pudong');
    const district = await pudong.request({
      method: 'POST',
      url: '/api/v1/campaigns',
      payload: { ...campaign, name: '浦东新区违法搭建集中整治', divisionCode: '310115', target: 10 },
    });
    expect(district.statusCode).toBe(200);
    const d = district.json();
    const auto = await pudong.request({
      method: 'POST',
      url: `/api/v1/campaigns/${d.id}/cases`,
      payload: { auto: true },
    });
    expect(auto.json().added).toBe(4); // three in 花木, one in 张江
    expect(auto.json().campaign.progress).toMatchObject({ total: 4, closed: 1, percentOfTarget: 10 });

    // 花木 sees its street campaigns, not the district one; 张江 sees none of them.
    const huamuList = (await huamu.request({ method: 'GET', url: '/api/v1/campaigns?limit=50' })).json();
    expect(huamuList.items.every((x: { divisionCode: string }) => x.divisionCode === HUAMU)).toBe(true);
    expect((await huamu.request({ method: 'GET', url: `/api/v1/campaigns/${d.id}` })).statusCode).toBe(404);
    const zhangjiang = await t.login('zhangjiang');
    expect((await zhangjiang.request({ method: 'GET', url: '/api/v1/campaigns' })).json().items).toEqual([]);
    const own = huamuList.items[0].id;
    expect((await zhangjiang.request({ method: 'GET', url: `/api/v1/campaigns/${own}` })).statusCode).toBe(
      404,
    );
    expect(
      (
        await zhangjiang.request({
          method: 'POST',
          url: `/api/v1/campaigns/${own}/cases`,
          payload: { auto: true },
        })
      ).statusCode,
    ).toBe(404);
    // The district and the city see every campaign; the administrator reads but does not run them.
    const pudongList = (await pudong.request({ method: 'GET', url: '/api/v1/campaigns?limit=2' })).json();
    expect(pudongList.items).toHaveLength(2);
    const next = (
      await pudong.request({
        method: 'GET',
        url: `/api/v1/campaigns?limit=2&cursor=${pudongList.nextCursor}`,
      })
    ).json();
    expect(next.items).toHaveLength(1);
    expect(next.nextCursor).toBeNull();
    const admin = await t.login('admin');
    expect((await admin.request({ method: 'GET', url: `/api/v1/campaigns/${d.id}` })).statusCode).toBe(200);
    expect(
      (await admin.request({ method: 'POST', url: '/api/v1/campaigns', payload: campaign })).statusCode,
    ).toBe(403);
    expect(
      (
        await admin.request({
          method: 'POST',
          url: `/api/v1/campaigns/${d.id}/cases`,
          payload: { auto: true },
        })
      ).statusCode,
    ).toBe(403);
    for (const who of ['grid', 'hotline', 'wuye', 'owner']) {
      const s = await t.login(who);
      expect((await s.request({ method: 'GET', url: '/api/v1/campaigns' })).statusCode, who).toBe(403);
    }
  });
});
