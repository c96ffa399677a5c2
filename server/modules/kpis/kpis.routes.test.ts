import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../platform/csv.js';
import { DB_KINDS, readXlsx, startTestApp, type Session, type TestApp } from '../../test/harness.js';

const HUAMU = '310115016';
const ZHANGJIANG = '310115125';
const DAY = 'from=2026-11-26&to=2026-11-26';

describe.each(DB_KINDS)('case KPIs (%s)', (kind) => {
  let t: TestApp;
  let compoundId: string;
  let companyId: string;
  let squadOrgId: string;

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
  const intake = async (s: Session, payload: Record<string, unknown>) => {
    const res = await s.request({ method: 'POST', url: '/api/v1/cases', payload });
    if (res.statusCode !== 200) throw new Error(`intake → ${res.statusCode} ${res.body}`);
    return res.json().id as string;
  };
  const kpis = (s: Session, query: string) =>
    s.request({ method: 'GET', url: `/api/v1/kpis/cases?${query}` });
  // Sign-ins are rate limited: the export tests sign each user in once.
  const sessions = new Map<string, Session>();
  const as = async (who: string) => sessions.get(who) ?? sessions.set(who, await t.login(who)).get(who)!;
  const exportKpis = (s: Session, query: string, lang?: string) =>
    s.request({
      method: 'GET',
      url: `/api/v1/kpis/cases/export?${query}`,
      ...(lang ? { headers: { 'accept-language': lang } } : {}),
    });

  beforeAll(async () => {
    t = await startTestApp(kind);
    const hotline = await t.login('hotline');
    let huamu = await t.login('huamu');
    const wuye = await t.login('wuye');
    const grid = await t.login('grid');
    const pudong = await t.login('pudong');
    const rc = await t.login('rc');
    compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
    companyId = (await wuye.request({ method: 'GET', url: '/api/v1/auth/me' })).json().roles[0].scopeId;
    const hotlineCase = (categoryCode: string, attributes: Record<string, string> = {}) =>
      intake(hotline, {
        channel: 'hotline12345',
        categoryCode,
        attributes,
        description: '热线来电',
        compoundId,
      });

    // 花木: seven cases created on 2026-11-26 (Shanghai).
    const a = await hotlineCase('repair.ordinary', { part: 'common' });
    await intake(wuye, {
      channel: 'propertyCompany',
      categoryCode: 'repair.ordinary',
      attributes: { part: 'common' },
      description: '巡查发现楼道灯损坏',
      compoundId,
    }); // found by the company, and a repeat of A (same compound and category, A still open)
    const b = await intake(grid, {
      channel: 'gridInspection',
      categoryCode: 'illegal_construction',
      description: '网格巡查发现违法搭建',
      compoundId,
    });
    const d = await hotlineCase('noise');
    const e = await hotlineCase('repair.urgent.drain_overflow');
    const g = await hotlineCase('lift');
    const i = await hotlineCase('parking');
    // 张江: one reported case, never accepted.
    await intake(hotline, {
      channel: 'hotline12345',
      categoryCode: 'noise',
      description: '夜间噪声',
      streetCode: ZHANGJIANG,
    });

    const complete = async (id: string, resolved: boolean, satisfaction?: string) => {
      await act(huamu, id, { action: 'dispatch' });
      await act(wuye, id, { action: 'signFor' });
      await act(wuye, id, { action: 'arriveOnSite' }); // E: within its 2 h on-site limit; A, I have none
      await act(wuye, id, { action: 'reportBack', note: '已处理', resolved });
      await act(huamu, id, { action: 'verifyPass' });
      if (satisfaction) {
        await act(huamu, id, { action: 'close' });
        await act(huamu, id, { action: 'revisit', satisfaction });
      }
    };
    await complete(a, true, 'satisfied'); // closed on time, resolved, satisfied
    await complete(i, true, 'dissatisfied'); // closed on time, resolved, dissatisfied
    await complete(e, true); // verified; closed late below
    await act(huamu, g, { action: 'dispatch' });
    await act(wuye, g, { action: 'signFor' });
    await act(wuye, g, { action: 'reportBack', note: '需厂家更换部件', resolved: false }); // not resolved
    const parked = await act(huamu, b, { action: 'dispatch' });
    squadOrgId = parked.leadOrg.id;
    await act(pudong, b, { action: 'parkLongTerm', note: '历史违建，列入挂账' });

    // A day later: D accepted after its 24 h acceptance limit, E closed after its 24 h repair limit.
    t.clock.advance(25 * 3_600_000);
    huamu = await t.login('huamu'); // the earlier session expired with the clock
    await act(huamu, d, { action: 'accept' });
    await act(huamu, e, { action: 'close' });
    await act(huamu, e, { action: 'revisit', satisfaction: 'basicallySatisfied' });
  });
  afterAll(() => t.close());

  const huamuRow = {
    key: HUAMU,
    name: '花木街道',
    total: 7,
    proactive: 2,
    discoveryRate: 0.2857, // 2 / 7
    acceptedOnTimeRate: 0.8333, // 5 / 6 (C never accepted; D late)
    onTimeRate: 0.6667, // 2 / 3 (E late)
    resolutionRate: 0.75, // 3 / 4 (G not resolved)
    satisfactionRate: 0.6667, // (A satisfied + E basically) / 3
    repeatRate: 0.1429, // 1 / 7 (C)
    parked: 1,
    arrivalOnTimeRate: 1, // 1 / 1 (E on site in time; B's and G's clocks not come due)
  };
  const zhangjiangRow = {
    key: ZHANGJIANG,
    name: '张江镇',
    total: 1,
    proactive: 0,
    discoveryRate: 0,
    acceptedOnTimeRate: null,
    onTimeRate: null,
    resolutionRate: null,
    satisfactionRate: null,
    repeatRate: 0,
    parked: 0,
    arrivalOnTimeRate: null,
  };

  it('gives the exact figures per street to the district and the city', async () => {
    for (const who of ['pudong', 'city', 'admin']) {
      const s = await t.login(who);
      const res = await kpis(s, `groupBy=street&${DAY}`);
      expect(res.statusCode, who).toBe(200);
      const items = res.json().items;
      expect(items).toHaveLength(2);
      expect(items.find((r: { key: string }) => r.key === HUAMU)).toEqual(huamuRow);
      expect(items.find((r: { key: string }) => r.key === ZHANGJIANG)).toEqual(zhangjiangRow);
    }
    const pudong = await t.login('pudong');
    expect(
      (await kpis(pudong, `groupBy=street&district=310115&street=${HUAMU}&${DAY}`)).json().items,
    ).toEqual([huamuRow]);
  });

  it('counts by the Shanghai date of creation, `to` inclusive', async () => {
    const city = await t.login('city');
    expect((await kpis(city, 'from=2026-11-27&to=2026-12-31')).json().items).toEqual([]);
    expect((await kpis(city, 'from=2026-11-01&to=2026-11-25')).json().items).toEqual([]);
    expect((await kpis(city, 'from=2026-11-01&to=2026-11-26')).json().items).toHaveLength(2);
    const bad = await kpis(city, 'from=2026-11-27&to=2026-11-26');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('kpis.period_invalid');
    expect((await kpis(city, 'from=2026-02-30&to=2026-03-01')).statusCode).toBe(400);
    const mismatch = await kpis(city, `district=310101&street=${HUAMU}&${DAY}`);
    expect(mismatch.json().error.code).toBe('kpis.filter_mismatch');
  });

  it('groups by compound, department and company', async () => {
    const huamu = await t.login('huamu');
    const byCompound = (await kpis(huamu, `groupBy=compound&${DAY}`)).json().items;
    expect(byCompound).toEqual([{ ...huamuRow, key: compoundId, name: expect.any(String) }]);

    const pudong = await t.login('pudong');
    const byDepartment = (await kpis(pudong, `groupBy=department&${DAY}`)).json().items;
    expect(byDepartment).toEqual([
      {
        // The squadron that led B rolls up into its bureau (中队 → 区城管执法局).
        key: expect.not.stringMatching(squadOrgId),
        name: expect.stringMatching(/^浦东新区城市管理行政执法局$/),
        total: 1,
        proactive: 1,
        discoveryRate: 1,
        acceptedOnTimeRate: 1,
        onTimeRate: null,
        resolutionRate: null,
        satisfactionRate: null,
        repeatRate: 0,
        parked: 1,
        arrivalOnTimeRate: null,
      },
    ]);

    // The project office that led A, E, G and I belongs to the company through its branch.
    const companyRow = {
      key: companyId,
      name: expect.stringMatching(/物业管理有限公司$/),
      total: 4,
      proactive: 0,
      discoveryRate: 0,
      acceptedOnTimeRate: 1,
      onTimeRate: 0.6667,
      resolutionRate: 0.75,
      satisfactionRate: 0.6667,
      repeatRate: 0,
      parked: 0,
      arrivalOnTimeRate: 1,
    };
    expect((await kpis(pudong, `groupBy=company&${DAY}`)).json().items).toEqual([companyRow]);
    // The company itself sees its own row only — whatever the grouping.
    const wuye = await t.login('wuye');
    expect((await kpis(wuye, `groupBy=company&${DAY}`)).json().items).toEqual([companyRow]);
    const wuyeByStreet = (await kpis(wuye, `groupBy=street&${DAY}`)).json().items;
    expect(wuyeByStreet).toEqual([{ ...companyRow, key: HUAMU, name: '花木街道' }]);
    expect((await kpis(wuye, `groupBy=department&${DAY}`)).json().items).toEqual([]);
  });

  it('keeps every office to its area and departments to their own cases', async () => {
    const huamu = await t.login('huamu');
    expect((await kpis(huamu, `groupBy=street&${DAY}`)).json().items).toEqual([huamuRow]);
    expect((await kpis(huamu, `groupBy=street&district=310115&${DAY}`)).json().items).toEqual([huamuRow]);
    const zhangjiang = await t.login('zhangjiang');
    expect((await kpis(zhangjiang, `groupBy=street&${DAY}`)).json().items).toEqual([zhangjiangRow]);
    expect((await kpis(zhangjiang, `street=${HUAMU}&${DAY}`)).statusCode).toBe(403);
    expect((await kpis(huamu, `district=310101&${DAY}`)).statusCode).toBe(403);

    // The city-management squad that led B: its case only.
    const admin = await t.login('admin');
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        username: 'squad',
        displayName: '城管中队',
        password: 'squad-password',
        roles: [{ role: 'department', scopeType: 'department', scopeId: squadOrgId }],
      },
    });
    expect(created.statusCode).toBe(200);
    const squad = await t.login('squad', 'squad-password');
    const own = (await kpis(squad, `groupBy=street&${DAY}`)).json().items;
    expect(own).toEqual([expect.objectContaining({ key: HUAMU, total: 1, parked: 1 })]);

    for (const who of ['grid', 'hotline', 'rc', 'owner']) {
      const s = await t.login(who);
      expect((await kpis(s, DAY)).statusCode, who).toBe(403);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/kpis/cases?${DAY}` })).statusCode).toBe(401);
  });

  it('exports the same figures as .csv and .xlsx, with the page headers and the formula guard', async () => {
    const pudong = await as('pudong');
    const csv = await exportKpis(pudong, `groupBy=street&${DAY}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(
      'attachment; filename="kpis-street-20261126-20261126.csv"',
    );
    expect(csv.headers['cache-control']).toBe('no-store');
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv.body);
    expect(rows[0]).toEqual([
      '街镇',
      '案件数',
      '主动发现',
      '发现率',
      '受理及时率',
      '按时办结率',
      '解决率',
      '满意率',
      '重复投诉率',
      '挂账数',
      '到场及时率',
    ]);
    expect(rows.slice(1).sort((a, b) => a[0].localeCompare(b[0]))).toEqual(
      [
        ['花木街道', '7', '2', '28.57%', '83.33%', '66.67%', '75.00%', '66.67%', '14.29%', '1', '100.00%'],
        ['张江镇', '1', '0', '0.00%', '', '', '', '', '0.00%', '0', ''],
      ].sort((a, b) => a[0].localeCompare(b[0])),
    );

    const xlsx = await exportKpis(pudong, `groupBy=street&street=${HUAMU}&${DAY}&format=xlsx`, 'en');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers['content-disposition']).toBe(
      'attachment; filename="kpis-street-20261126-20261126.xlsx"',
    );
    const sheet = await readXlsx(xlsx.rawPayload);
    expect(sheet[0].slice(0, 4)).toEqual(['Street/town', 'Cases', 'Proactive', 'Discovery rate']);
    expect(sheet.slice(1)).toEqual([
      ['花木街道', 7, 2, 0.2857, 0.8333, 0.6667, 0.75, 0.6667, 0.1429, 1, 1], // rates are numbers (0.0%)
    ]);

    // A compound named like a formula is exported as text in both formats.
    const admin = await as('admin');
    const formula = '=HYPERLINK("http://evil.example","点我")';
    const current = (await admin.request({ method: 'GET', url: `/api/v1/compounds/${compoundId}` })).json();
    const renamed = await admin.request({
      method: 'PATCH',
      url: `/api/v1/compounds/${compoundId}`,
      payload: { version: current.version, name: formula },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const huamu = await as('huamu');
    const byCompound = parseCsv((await exportKpis(huamu, `groupBy=compound&${DAY}&format=csv`)).body);
    expect(byCompound[0][0]).toBe('小区');
    expect(byCompound.slice(1).map((r) => r.slice(0, 2))).toEqual([[`'${formula}`, '7']]);
    const compoundSheet = await readXlsx(
      (await exportKpis(huamu, `groupBy=compound&${DAY}&format=xlsx`)).rawPayload,
    );
    expect(compoundSheet.slice(1).map((r) => r.slice(0, 2))).toEqual([[`'${formula}`, 7]]);
  });

  it('exports only what the JSON route may show: 403 out of scope, 401 without a session', async () => {
    const zhangjiang = await as('zhangjiang');
    const theirs = await exportKpis(zhangjiang, `street=${HUAMU}&${DAY}&format=csv`);
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json().error.code).toBe('auth.forbidden');
    expect(theirs.body).not.toContain('花木');
    const own = parseCsv((await exportKpis(zhangjiang, `groupBy=street&${DAY}&format=csv`)).body);
    expect(own.slice(1).map((r) => r[0])).toEqual(['张江镇']);
    for (const who of ['grid', 'owner']) {
      const s = await as(who);
      expect((await exportKpis(s, `${DAY}&format=xlsx`)).statusCode, who).toBe(403);
    }
    const anonymous = await t.app.inject({
      method: 'GET',
      url: `/api/v1/kpis/cases/export?${DAY}&format=csv`,
    });
    expect(anonymous.statusCode).toBe(401);
    const city = await as('city');
    expect((await exportKpis(city, DAY)).statusCode).toBe(400); // no format
    expect((await exportKpis(city, `${DAY}&format=pdf`)).statusCode).toBe(400);
    const bad = await exportKpis(city, 'from=2026-11-27&to=2026-11-26&format=csv');
    expect(bad.json().error.code).toBe('kpis.period_invalid');
  });
});
