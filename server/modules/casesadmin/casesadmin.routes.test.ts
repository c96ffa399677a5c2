import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

const reference = JSON.parse(
  readFileSync(new URL('../../../reference/responsibility-list.json', import.meta.url), 'utf8'),
) as { rules: Record<string, unknown>[] };

/** A multipart/form-data body with one file in the field "file". */
function multipart(name: string, data: Buffer, type: string) {
  const boundary = 'casesadminboundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const HEADER = [
  'id',
  'priority',
  'categoryCode',
  'conditions',
  'districtCode',
  'orgType',
  'orgKind',
  'coHandlers',
  'source',
];
const asCells = (r: any) => [
  r.id,
  r.priority,
  r.categoryCode,
  Object.entries(r.conditions)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(';'),
  r.districtCode ?? '',
  r.orgType,
  r.orgKind ?? '',
  r.coHandlers.map((h: any) => (h.orgKind ? `${h.orgType}:${h.orgKind}` : h.orgType)).join(';'),
  r.source,
];
const csvOf = (rows: unknown[][]) =>
  rows
    .map((r) =>
      r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(','),
    )
    .join('\n');

describe.each(DB_KINDS)('cases administration (%s)', (kind) => {
  let t: TestApp;
  let admin: Session;
  let hotline: Session;
  let huamu: Session;
  let compoundId: string;

  const intake = async (payload: Record<string, unknown>) => {
    const res = await hotline.request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { channel: 'hotline12345', description: '热线来电', compoundId, ...payload },
    });
    if (res.statusCode !== 200) throw new Error(`intake → ${res.statusCode} ${res.body}`);
    return (await huamu.request({ method: 'GET', url: `/api/v1/cases/${res.json().id}` })).json();
  };
  const versions = async () =>
    (await admin.request({ method: 'GET', url: '/api/v1/admin/responsibility-lists' })).json().items;

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.login('admin');
    hotline = await t.login('hotline');
    huamu = await t.login('huamu');
    const rc = await t.login('rc');
    compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
  });
  afterAll(() => t.close());

  it('refuses everyone but the administrator', async () => {
    const requests = [
      { method: 'GET', url: '/api/v1/admin/case-categories' },
      {
        method: 'POST',
        url: '/api/v1/admin/case-categories',
        payload: { code: 'x', nameZh: 'x', nameEn: 'x' },
      },
      { method: 'PATCH', url: '/api/v1/admin/case-categories/noise', payload: { version: 1, urgent: true } },
      { method: 'GET', url: '/api/v1/admin/responsibility-lists' },
      { method: 'GET', url: '/api/v1/admin/responsibility-lists/1' },
      { method: 'POST', url: '/api/v1/admin/responsibility-lists/1/activate' },
      { method: 'GET', url: '/api/v1/admin/sla-policies' },
      { method: 'PATCH', url: '/api/v1/admin/sla-policies/S001', payload: { version: 1, duration: '1h' } },
      { method: 'GET', url: '/api/v1/admin/calendar' },
      { method: 'PUT', url: '/api/v1/admin/calendar/2027', payload: { holidays: [], workdays: [] } },
    ] as const;
    for (const who of ['city', 'pudong', 'huamu', 'hotline', 'wuye']) {
      const s = await t.login(who);
      for (const r of requests) {
        const res = await s.request(r as never);
        expect(res.statusCode, `${who} ${r.method} ${r.url}`).toBe(403);
      }
    }
    const me = (await admin.request({ method: 'GET', url: '/api/v1/auth/me' })).json();
    expect(me.permissions).toContain('cases.configure');
  });

  it('creates and changes categories; intake sees them at once', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/case-categories',
      payload: {
        code: 'shared_bikes',
        nameZh: '共享单车乱停放',
        nameEn: 'Shared bikes parked badly',
        attributes: [],
      },
    });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ code: 'shared_bikes', active: true, version: 1, sort: 26 });
    const again = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/case-categories',
      payload: { code: 'shared_bikes', nameZh: '重复', nameEn: 'Duplicate' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('shared_bikes');
    let publicList = (await t.app.inject({ method: 'GET', url: '/api/v1/case-categories' })).json().items;
    expect(publicList.map((c: { code: string }) => c.code)).toContain('shared_bikes');
    const view = await intake({ categoryCode: 'shared_bikes', description: '小区门口共享单车堆放' });
    expect(view.routing.rule).toBe('fallback'); // not in the responsibility list yet

    const patched = await admin.request({
      method: 'PATCH',
      url: '/api/v1/admin/case-categories/shared_bikes',
      payload: { version: 1, nameZh: '共享单车乱停', active: false },
    });
    expect(patched.json()).toMatchObject({ nameZh: '共享单车乱停', active: false, version: 2 });
    const stale = await admin.request({
      method: 'PATCH',
      url: '/api/v1/admin/case-categories/shared_bikes',
      payload: { version: 1, urgent: true },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.version).toBe(2);
    publicList = (await t.app.inject({ method: 'GET', url: '/api/v1/case-categories' })).json().items;
    expect(publicList.find((c: { code: string }) => c.code === 'shared_bikes').active).toBe(false);
    const refused = await hotline.request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { channel: 'hotline12345', categoryCode: 'shared_bikes', description: '停用类别', compoundId },
    });
    expect(refused.json().error.code).toBe('cases.category_unknown');
    expect(
      (
        await admin.request({
          method: 'PATCH',
          url: '/api/v1/admin/case-categories/nope',
          payload: { version: 1 },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('routes new cases by a new version of the responsibility list; old cases keep theirs', async () => {
    const before = await intake({ categoryCode: 'noise', description: '夜间噪声' });
    expect(before.routing.rule).toBe('v1:R018');
    expect(before.suggestedOrg.name).toMatch(/公安/);
    expect(await versions()).toEqual([
      expect.objectContaining({ version: 1, active: true, ruleCount: reference.rules.length }),
    ]);
    const v1 = (await admin.request({ method: 'GET', url: '/api/v1/admin/responsibility-lists/1' })).json();
    expect(v1.rules).toHaveLength(reference.rules.length);

    const rules = v1.rules.map((r: { id: string }) =>
      r.id === 'R018' ? { ...r, orgType: 'department', orgKind: 'urbanManagementEnforcement' } : r,
    );
    const saved = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/responsibility-lists',
      payload: { note: '装修噪声改由城管执法', rules },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, active: true, ruleCount: rules.length });

    const after = await intake({ categoryCode: 'noise', description: '装修噪声' });
    expect(after.routing.rule).toBe('v2:R018');
    expect(after.suggestedOrg.name).toMatch(/城管执法/);
    expect(
      (await huamu.request({ method: 'GET', url: `/api/v1/cases/${before.id}` })).json().routing.rule,
    ).toBe('v1:R018');
    expect(
      (await versions()).map((v: { version: number; active: boolean }) => [v.version, v.active]),
    ).toEqual([
      [2, true],
      [1, false],
    ]);

    // Back to version 1.
    const activated = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/responsibility-lists/1/activate',
    });
    expect(activated.json()).toMatchObject({ version: 1, active: true });
    expect((await intake({ categoryCode: 'noise', description: '又有噪声' })).routing.rule).toBe('v1:R018');
    expect(
      (await admin.request({ method: 'POST', url: '/api/v1/admin/responsibility-lists/99/activate' }))
        .statusCode,
    ).toBe(404);
  });

  it('a district may route 违法搭建 to 规划资源, never to a third body (拆违 Art 3 ¶3, 《规定》 Art 84; issue 14 item 29)', async () => {
    const active = (await versions()).find((v: { active: boolean }) => v.active).version;
    const current = (
      await admin.request({ method: 'GET', url: `/api/v1/admin/responsibility-lists/${active}` })
    ).json().rules;
    const r015 = current.find((r: { id: string }) => r.id === 'R015');
    const row = (over: Record<string, unknown>) => ({
      ...r015,
      id: 'PD-R015',
      districtCode: '310115',
      source: '《规定》 Art 84: 浦东按职责分工由规划资源部门拆除',
      ...over,
    });
    const police = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/responsibility-lists',
      payload: { note: '违建交公安', rules: [...current, row({ orgType: 'department', orgKind: 'police' })] },
    });
    expect(police.statusCode).toBe(400);
    expect(police.json().error.details.errors).toEqual([
      {
        row: current.length + 1,
        column: 'orgType',
        message:
          '类别“illegal_construction”的主办单位依法应为城管执法部门或规划资源部门（《上海市拆除违法建筑若干规定》第三条第三款；《上海市住宅物业管理规定》第八十四条）',
      },
    ]);
    const street = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/responsibility-lists',
      headers: { 'accept-language': 'en' },
      payload: { note: '违建交街镇', rules: [...current, row({ orgType: 'street_office', orgKind: null })] },
    });
    expect(street.json().error.details.errors[0].message).toBe(
      'By law the lead for "illegal_construction" is urban management enforcement or planning and natural resources (Shanghai Provisions on the Demolition of Illegal Buildings, Art 3(3); Shanghai Regulations on Residential Property Management, Art 84)',
    );

    const saved = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/responsibility-lists',
      payload: { note: '浦东违建由规划资源拆除', rules: [...current, row({ orgKind: 'planning' })] },
    });
    expect(saved.statusCode).toBe(200);
    const view = await intake({ categoryCode: 'illegal_construction', description: '楼顶加盖阳光房' });
    expect(view.routing.rule).toBe(`v${saved.json().version}:PD-R015`);
    expect(view.suggestedOrg.name).toMatch(/规划和自然资源局/);
    expect(
      (await admin.request({ method: 'POST', url: `/api/v1/admin/responsibility-lists/${active}/activate` }))
        .statusCode,
    ).toBe(200);
    expect(
      (await intake({ categoryCode: 'illegal_construction', description: '违建' })).suggestedOrg.name,
    ).toMatch(/城管执法/);
  });

  it('reports every bad row of a list and saves nothing', async () => {
    const count = (await versions()).length;
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/responsibility-lists',
      headers: { 'accept-language': 'en' },
      payload: {
        note: '有错的清单',
        rules: [
          {
            id: 'A1',
            priority: 10,
            categoryCode: 'repair.urgent.*',
            orgType: 'property_company',
            source: 'x',
          },
          { id: 'A1', priority: -1, categoryCode: 'nope', orgType: 'wizard', source: 'x' },
          {
            id: 'A3',
            priority: 10,
            categoryCode: 'noise',
            conditions: { meterPosition: 'before' },
            districtCode: '310115016',
            orgType: 'department',
            orgKind: '9bad',
            coHandlers: [{ orgType: 'ghost' }],
            source: ' ',
          },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('casesadmin.invalid_rows');
    expect(body.error.details.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, 'id'],
      [2, 'priority'],
      [2, 'categoryCode'],
      [2, 'orgType'],
      [3, 'conditions'],
      [3, 'districtCode'],
      [3, 'orgKind'],
      [3, 'coHandlers'],
      [3, 'source'],
    ]);
    expect(body.error.details.errors[0].message).toBe('The id A1 repeats row 1');
    expect(body.error.message).toContain('9 error');
    expect((await versions()).length).toBe(count);
  });

  it('imports a list from .csv: one bad row saves nothing and is reported by its spreadsheet row', async () => {
    const count = (await versions()).length;
    const rows = reference.rules.slice(0, 3).map(asCells);
    rows[1][2] = 'no.such.category'; // spreadsheet row 3
    const csv = csvOf([HEADER, ...rows]);
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/responsibility-lists/import',
      ...multipart('list.csv', Buffer.from(csv), 'text/csv'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('casesadmin.invalid_rows');
    expect(res.json().error.details.errors).toEqual([
      { row: 3, column: 'categoryCode', message: expect.stringContaining('no.such.category') },
    ]);
    expect((await versions()).length).toBe(count);

    const malformed = csvOf([
      HEADER,
      [...asCells(reference.rules[0]).slice(0, 3), 'meterPosition', '', 'utility', 'water', 'a:b:c', 'src'],
    ]);
    const bad = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/responsibility-lists/import',
      ...multipart('list.csv', Buffer.from(malformed), 'text/csv'),
    });
    expect(bad.json().error.details.errors.map((e: { column: string }) => e.column)).toEqual([
      'conditions',
      'coHandlers',
    ]);
    const noHeader = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/responsibility-lists/import',
      ...multipart('list.csv', Buffer.from('a,b\n1,2\n'), 'text/csv'),
    });
    expect(noHeader.json().error.code).toBe('casesadmin.header_missing');
    expect(noHeader.json().error.message).toContain('id, priority, categoryCode, orgType, source');
    // The same column twice (编号 is the Chinese label of id) is refused rather than read from the first.
    const twice = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/responsibility-lists/import',
      ...multipart(
        'list.csv',
        Buffer.from(csvOf([[...HEADER, '编号'], asCells(reference.rules[0])])),
        'text/csv',
      ),
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.code).toBe('casesadmin.header_duplicate');
    const gbk = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/responsibility-lists/import',
      ...multipart('list.csv', Buffer.from([0xb1, 0xe0, 0xba, 0xc5, 0x0a]), 'text/csv'), // 编号 in GBK
    });
    expect(gbk.json().error.code).toBe('casesadmin.encoding');
  });

  it('imports a full list from .xlsx (Chinese headers) and routes by it', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('责任清单');
    sheet.addRow([
      '编号',
      '优先级',
      '问题类别',
      '条件',
      '适用区',
      '主办单位类型',
      '主办单位专业',
      '协办单位',
      '依据',
    ]);
    for (const r of reference.rules) sheet.addRow(asCells(r));
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/responsibility-lists/import?note=' + encodeURIComponent('2026 年修订'),
      ...multipart('list.xlsx', data, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    });
    expect(res.statusCode).toBe(200);
    const saved = res.json();
    expect(saved).toMatchObject({ note: '2026 年修订', active: true, ruleCount: reference.rules.length });
    const v1 = (await admin.request({ method: 'GET', url: '/api/v1/admin/responsibility-lists/1' })).json();
    expect(saved.rules).toEqual(v1.rules);
    const view = await intake({
      categoryCode: 'repair.urgent.water_burst',
      attributes: { meterPosition: 'before' },
      description: '表前漏水',
    });
    expect(view.routing.rule).toBe(`v${saved.version}:R001`);
  });

  it('changes the deadlines of new cases when an SLA policy changes', async () => {
    const policies = (await admin.request({ method: 'GET', url: '/api/v1/admin/sla-policies' })).json().items;
    const s001 = policies.find((p: { id: string }) => p.id === 'S001');
    expect(s001).toMatchObject({ stage: 'accept', duration: '24h', version: 1 });
    const now = t.clock.now().getTime();
    const before = await intake({ categoryCode: 'parking', description: '停车难' });
    expect(new Date(before.deadlines.accept).getTime() - now).toBe(24 * 3_600_000);

    const bad = await admin.request({
      method: 'PATCH',
      url: '/api/v1/admin/sla-policies/S001',
      payload: { version: 1, duration: '3x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('casesadmin.duration_invalid');
    const patched = await admin.request({
      method: 'PATCH',
      url: '/api/v1/admin/sla-policies/S001',
      payload: {
        version: 1,
        duration: '48h',
        sourceKind: 'policy',
        sourceRef: '区联席会议 2026 年第 3 次会议纪要',
      },
    });
    expect(patched.json()).toMatchObject({ duration: '48h', sourceKind: 'policy', version: 2 });
    const after = await intake({ categoryCode: 'parking', description: '停车难' });
    expect(new Date(after.deadlines.accept).getTime() - now).toBe(48 * 3_600_000);
    expect(
      (
        await admin.request({
          method: 'PATCH',
          url: '/api/v1/admin/sla-policies/S001',
          payload: { version: 1, duration: '12h' },
        })
      ).statusCode,
    ).toBe(409);

    // A new, more specific policy: 12345 noise cases must be accepted within 2 hours.
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/sla-policies',
      payload: {
        id: 'S100',
        stage: 'accept',
        categoryCode: 'noise',
        channel: 'hotline12345',
        duration: '2h',
        warnBeforeMinutes: 30,
        sourceKind: 'unverified',
        sourceRef: '试行',
      },
    });
    expect(created.statusCode).toBe(200);
    const noise = await intake({ categoryCode: 'noise', description: '噪声' });
    expect(new Date(noise.deadlines.accept).getTime() - now).toBe(2 * 3_600_000);
    const duplicate = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/sla-policies',
      payload: { id: 'S100', stage: 'accept', duration: '2h', sourceKind: 'unverified', sourceRef: 'x' },
    });
    expect(duplicate.statusCode).toBe(409);
    const unknown = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/sla-policies',
      payload: {
        stage: 'accept',
        categoryCode: 'noise',
        conditions: { part: 'own' },
        duration: '2h',
        sourceKind: 'unverified',
        sourceRef: 'x',
      },
    });
    expect(unknown.json().error.code).toBe('casesadmin.condition_unknown');
  });

  it('replaces a year of the calendar and warns about a missing next year', async () => {
    let cal = (await admin.request({ method: 'GET', url: '/api/v1/admin/calendar' })).json();
    expect(cal.coveredYears).toEqual([2025, 2026]);
    expect(cal.warnings).toEqual(['2027 年节假日安排尚未录入']);
    const en = await admin.request({
      method: 'GET',
      url: '/api/v1/admin/calendar',
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().warnings).toEqual(['The 2027 public-holiday schedule has not been entered yet']);

    // Signing is due by the end of the next working day: Friday 27 November.
    const dispatch = async () => {
      const view = await intake({
        categoryCode: 'repair.ordinary',
        attributes: { part: 'common' },
        description: '报修',
      });
      const res = await huamu.request({
        method: 'POST',
        url: `/api/v1/cases/${view.id}/actions`,
        payload: { action: 'dispatch', version: view.version },
      });
      return res.json().deadlines.sign as string;
    };
    expect(await dispatch()).toBe('2026-11-27T16:00:00.000Z');

    // Declare Friday 27 November a holiday: signing moves to Monday 30 November.
    const y2026 = (await admin.request({ method: 'GET', url: '/api/v1/admin/calendar?year=2026' })).json()
      .days;
    const holidays = y2026
      .filter((d: { kind: string }) => d.kind === 'holiday')
      .map((d: { date: string }) => d.date);
    const workdays = y2026
      .filter((d: { kind: string }) => d.kind === 'workday')
      .map((d: { date: string }) => d.date);
    const replaced = await admin.request({
      method: 'PUT',
      url: '/api/v1/admin/calendar/2026',
      payload: { holidays: [...holidays, '2026-11-27'], workdays },
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().days.filter((d: { kind: string }) => d.kind === 'holiday')).toHaveLength(
      holidays.length + 1,
    );
    expect(await dispatch()).toBe('2026-11-30T16:00:00.000Z');

    // Errors are listed by date and nothing changes.
    const bad = await admin.request({
      method: 'PUT',
      url: '/api/v1/admin/calendar/2027',
      payload: {
        holidays: ['2027-13-01', '2028-03-01', '2027-02-06'],
        workdays: ['2027-01-04', '2027-02-06'],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('casesadmin.calendar_invalid');
    expect(bad.json().error.details.errors.map((e: { date: string }) => e.date)).toEqual([
      '2027-01-04',
      '2027-02-06',
      '2027-13-01',
      '2028-03-01',
    ]);
    cal = (await admin.request({ method: 'GET', url: '/api/v1/admin/calendar' })).json();
    expect(cal.coveredYears).toEqual([2025, 2026]);

    // 2027, with its New Year holiday starting on 31 December 2026.
    const y2027 = await admin.request({
      method: 'PUT',
      url: '/api/v1/admin/calendar/2027',
      payload: {
        holidays: ['2026-12-31', '2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09'],
        workdays: ['2027-02-13'],
      },
    });
    expect(y2027.statusCode).toBe(200);
    expect(y2027.json()).toMatchObject({ coveredYears: [2025, 2026, 2027], warnings: [] });
    expect(y2027.json().days.map((d: { date: string; year: number }) => [d.date, d.year])).toContainEqual([
      '2026-12-31',
      2027,
    ]);
    // Replacing 2026 again leaves the 2027 schedule's 31 December alone, and cannot claim it.
    const again = await admin.request({
      method: 'PUT',
      url: '/api/v1/admin/calendar/2026',
      payload: { holidays: [...holidays, '2026-12-31'], workdays },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details.errors).toEqual([
      { date: '2026-12-31', message: '2026-12-31 已列入 2027 年的节假日安排' },
    ]);
    await admin.request({
      method: 'PUT',
      url: '/api/v1/admin/calendar/2026',
      payload: { holidays, workdays },
    });
    cal = (await admin.request({ method: 'GET', url: '/api/v1/admin/calendar?year=2027' })).json();
    expect(cal.days.map((d: { date: string }) => d.date)).toContain('2026-12-31');
    expect(await dispatch()).toBe('2026-11-27T16:00:00.000Z');

    const audit = await t.deps.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'casesadmin.calendar.replace')
      .execute();
    expect(audit).toHaveLength(3);
  });
});
