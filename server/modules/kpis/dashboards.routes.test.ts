// The dashboard endpoints: the monthly trend, category grouping and the map layers, with their scopes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

const HUAMU = '310115016';
const ZHANGJIANG = '310115125';

describe.each(DB_KINDS)('dashboards: trend, categories, map (%s)', (kind) => {
  let t: TestApp;
  let huamu: Session;
  let zhangjiang: Session;
  let pudong: Session;
  let wuye: Session;
  let compound: { id: string; name: string };
  let otherCompoundName: string;
  let huamuCaseNo: string;

  const intake = async (s: Session, payload: Record<string, unknown>) => {
    const res = await s.request({ method: 'POST', url: '/api/v1/cases', payload });
    if (res.statusCode !== 200) throw new Error(`intake → ${res.statusCode} ${res.body}`);
    return res.json() as { id: string; caseNo: string };
  };
  const get = (s: Session, url: string) => s.request({ method: 'GET', url });

  beforeAll(async () => {
    t = await startTestApp(kind);
    const hotline = await t.login('hotline');
    huamu = await t.login('huamu');
    zhangjiang = await t.login('zhangjiang');
    pudong = await t.login('pudong');
    wuye = await t.login('wuye');
    const admin = await t.login('admin');
    // A compound of 花木 (its repairs go to the demo company), and one in 张江.
    const rc = await t.login('rc');
    const own = (await get(rc, '/api/v1/compounds')).json().items[0];
    compound = { id: own.id, name: own.name };
    const other = (await get(admin, `/api/v1/compounds?street=${ZHANGJIANG}&limit=1`)).json().items[0];
    otherCompoundName = other.name;
    const c = await intake(hotline, {
      channel: 'hotline12345',
      categoryCode: 'repair.ordinary',
      attributes: { part: 'common' },
      description: '楼道灯不亮',
      compoundId: compound.id,
      lat: 31.2155,
      lng: 121.5432,
    });
    huamuCaseNo = c.caseNo;
    // Dispatched to the suggested handler: the compound's property company.
    const current = (await get(huamu, `/api/v1/cases/${c.id}`)).json();
    const sent = await huamu.request({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/actions`,
      payload: { version: current.version, action: 'dispatch' },
    });
    expect(sent.statusCode).toBe(200);
    await intake(hotline, {
      channel: 'hotline12345',
      categoryCode: 'noise',
      description: '夜间噪声',
      compoundId: compound.id,
    });
    await intake(hotline, {
      channel: 'hotline12345',
      categoryCode: 'noise',
      description: '夜间施工',
      compoundId: other.id,
      lat: 31.2,
      lng: 121.6,
    });
  });
  afterAll(() => t.close());

  it('trend: one row per month up to `to`, the cases created in each (Shanghai months)', async () => {
    const res = await get(huamu, `/api/v1/kpis/trend?to=2026-11&months=3`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { month: string; total: number; closed: number }[];
    expect(items.map((i) => i.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(items[2]).toMatchObject({ total: 2, closed: 0, onTimeRate: null });
    expect(items[0].total).toBe(0);
    // The district sees both streets' cases; a month without cases is zero, not missing.
    const district = (await get(pudong, `/api/v1/kpis/trend?to=2026-12&months=2`)).json().items;
    expect(district).toMatchObject([
      { month: '2026-11', total: 3 },
      { month: '2026-12', total: 0 },
    ]);
  });

  it('trend: a street office cannot read another street’s trend; bad months are 400', async () => {
    expect((await get(zhangjiang, `/api/v1/kpis/trend?street=${HUAMU}&to=2026-11`)).statusCode).toBe(403);
    expect((await get(huamu, `/api/v1/kpis/trend?to=2026-13`)).statusCode).toBe(400);
    expect((await get(huamu, `/api/v1/kpis/trend?to=2026-11&months=25`)).statusCode).toBe(400);
  });

  it('category mix: KPIs grouped by category, named', async () => {
    const res = await get(pudong, '/api/v1/kpis/cases?groupBy=category&from=2026-11-01&to=2026-11-30');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { key: string; name: string; total: number }[];
    const noise = items.find((i) => i.key === 'noise');
    expect(noise).toMatchObject({ total: 2 });
    expect(noise?.name).not.toBe('noise');
    const street = (
      await get(huamu, '/api/v1/kpis/cases?groupBy=category&from=2026-11-01&to=2026-11-30')
    ).json().items as { key: string; total: number }[];
    expect(street.reduce((s, i) => s + i.total, 0)).toBe(2);
  });

  it('map: a street office sees its street’s compounds, open cases, pins and its street’s centroid', async () => {
    const res = await get(huamu, '/api/v1/kpis/map');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const names = body.compounds.map((c: { name: string }) => c.name);
    expect(names).toContain(compound.name);
    expect(names).not.toContain(otherCompoundName);
    expect(body.compounds.find((c: { id: string }) => c.id === compound.id)).toMatchObject({ openCases: 2 });
    // Newest first; a case without its own position is pinned at its compound's.
    expect(body.pins).toHaveLength(2);
    expect(body.pins[1]).toMatchObject({ caseNo: huamuCaseNo, lat: 31.2155, lng: 121.5432 });
    expect(body.streets).toHaveLength(1);
    expect(body.streets[0]).toMatchObject({ code: HUAMU, name: '花木街道', openCases: 2 });
    expect(body.streets[0].lat).toBeGreaterThan(30);
    expect(body.truncated).toEqual({ compounds: false, pins: false });
    // Governance state comes with governance access (the street office has it).
    expect(body.compounds[0].governanceState).toEqual(expect.any(String));
    expect((await get(zhangjiang, `/api/v1/kpis/map?street=${HUAMU}`)).statusCode).toBe(403);
  });

  it('map: the district sees both streets; a company only where its own open cases are', async () => {
    const district = (await get(pudong, '/api/v1/kpis/map')).json();
    expect(district.streets.map((s: { code: string }) => s.code)).toEqual(
      expect.arrayContaining([HUAMU, ZHANGJIANG]),
    );
    expect(district.pins).toHaveLength(3);
    const company = await get(wuye, '/api/v1/kpis/map');
    expect(company.statusCode).toBe(200);
    const body = company.json();
    const names = body.compounds.map((c: { name: string }) => c.name);
    expect(names).toEqual([compound.name]);
    expect(body.pins.map((p: { caseNo: string }) => p.caseNo)).toEqual([huamuCaseNo]);
    expect(body.compounds[0]).toMatchObject({ openCases: 1, governanceState: null });
    expect(body.streets.map((s: { code: string }) => s.code)).not.toContain(ZHANGJIANG);
  });

  it('map settings: no tile server unless configured (offline by default)', async () => {
    const res = await get(huamu, '/api/v1/map/settings');
    expect(res.json()).toEqual({ tileUrl: null, attribution: null });
  });
});
