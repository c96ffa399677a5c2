import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../platform/csv.js';
import { DB_KINDS, readXlsx, startTestApp, type Session, type TestApp } from '../../test/harness.js';

const HUAMU = '310115016';
const ZHANGJIANG = '310115125';

/** A multipart/form-data body with one file in the field "file". */
function upload(fileName: string, content: Buffer | string, contentType = 'text/csv') {
  const boundary = `----gongzhi${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function xlsx(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface RowError {
  row: number;
  column: string;
  field: string;
  message: string;
}

describe.each(DB_KINDS)('transfer: import and export (%s)', (kind) => {
  let t: TestApp;
  let admin: Session;
  let huamu: Session;
  const count = async (
    table: 'compounds' | 'buildings' | 'units' | 'owners' | 'unit_owners' | 'organisations',
  ) =>
    Number(
      (
        await t.deps.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const importAs = (s: Session, kind: string, file: ReturnType<typeof upload>, query = '', lang?: string) =>
    s.request({
      method: 'POST',
      url: `/api/v1/imports/${kind}${query}`,
      payload: file.payload,
      headers: { ...file.headers, ...(lang ? { 'accept-language': lang } : {}) },
    });

  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.login('admin');
    huamu = await t.login('huamu');
  });
  afterAll(() => t.close());

  it('imports a valid CSV of compounds (BOM, Chinese headers) in one audited transaction', async () => {
    const before = await count('compounds');
    const csv =
      '\uFEFF小区编码,小区名称,地址,街镇代码,建筑面积（㎡）,首次交付日期,纬度,经度\r\n' +
      `IMP-C-001,导入花园一期,浦东新区花木路1号,${HUAMU},12345.6,2001-05-01,31.2,121.5\r\n` +
      `IMP-C-002,导入花园二期,浦东新区花木路2号,${HUAMU},,2003/7/9,,\r\n` +
      `\r\n` +
      `IMP-C-003,"导入花园,三期",浦东新区花木路3号,${ZHANGJIANG},100,,,\r\n`;
    const res = await importAs(admin, 'compounds', upload('compounds.csv', csv));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ kind: 'compounds', rows: 3, imported: 3, dryRun: false });
    expect(await count('compounds')).toBe(before + 3);
    const rows = await t.deps.database.db
      .selectFrom('compounds')
      .select(['code', 'name', 'district_code', 'building_area', 'first_delivery_on', 'lat'])
      .where('code', 'like', 'IMP-C-%')
      .orderBy('code')
      .execute();
    expect(rows).toEqual([
      {
        code: 'IMP-C-001',
        name: '导入花园一期',
        district_code: '310115',
        building_area: 1234560,
        first_delivery_on: '2001-05-01',
        lat: 31.2,
      },
      {
        code: 'IMP-C-002',
        name: '导入花园二期',
        district_code: '310115',
        building_area: 0,
        first_delivery_on: '2003-07-09',
        lat: null,
      },
      {
        code: 'IMP-C-003',
        name: '导入花园,三期',
        district_code: '310115',
        building_area: 10000,
        first_delivery_on: null,
        lat: null,
      },
    ]);
    const audit = await t.deps.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'after_json'])
      .where('action', 'like', 'registry.import.%')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'registry.import.compounds', actor_name: 'admin' });
    expect(JSON.parse(audit[0].after_json!)).toMatchObject({ rows: 3, fileName: 'compounds.csv' });
  });

  it('refuses a file with bad rows among good ones: every error by row and column, nothing imported', async () => {
    const before = await count('compounds');
    const auditBefore = await t.deps.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const csv =
      'code,name,address,streetCode,buildingArea,firstDeliveryOn\n' +
      `IMP-B-001,坏行测试一,花木路10号,${HUAMU},100.5,\n` + // row 2: good
      `IMP-B-002,坏行测试二,花木路11号,310115999,100,\n` + // row 3: unknown street
      `IMP-B-003,坏行测试三,花木路12号,${HUAMU},12.345,2020-02-30\n` + // row 4: area decimals, bad date
      `IMP-B-001,坏行测试四,花木路13号,${HUAMU},1,\n` + // row 5: duplicate of row 2
      `IMP-C-001,坏行测试五,,${HUAMU},1,\n` + // row 6: code already imported, address missing
      `IMP-B-006,坏行测试六,花木路14号,${HUAMU},1,\n`; // row 7: good
    const res = await importAs(admin, 'compounds', upload('bad.csv', csv));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('transfer.invalid_rows');
    expect(body.error.message).toContain('6 处');
    const errors = body.error.details.errors as RowError[];
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, '街镇代码'],
      [4, '建筑面积(㎡)'],
      [4, '首次交付日期'],
      [5, '小区编码'],
      [6, '小区编码'],
      [6, '地址'],
    ]);
    expect(errors[0].message).toBe('行政区划代码 310115999 不存在');
    expect(errors[1].message).toContain('两位小数');
    expect(errors[3].message).toBe('与第 2 行重复：IMP-B-001');
    expect(errors[4].message).toBe('小区编码 IMP-C-001 已存在');
    expect(errors[5].message).toBe('必填');
    expect(await count('compounds')).toBe(before);
    const auditAfter = await t.deps.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n));

    const en = await importAs(admin, 'compounds', upload('bad.csv', csv), '', 'en-US,en;q=0.9');
    expect(en.statusCode).toBe(400);
    expect(en.json().error.message).toContain('nothing was imported');
    const enErrors = en.json().error.details.errors as RowError[];
    expect(enErrors[0]).toEqual({
      row: 3,
      column: 'Street code',
      field: 'streetCode',
      message: 'unknown division code 310115999',
    });
    expect(enErrors[3].message).toBe('duplicates row 2: IMP-B-001');
    expect(await count('compounds')).toBe(before);
  });

  it('validates only on a dry run', async () => {
    const before = await count('compounds');
    const csv = `小区编码,小区名称,地址,街镇代码\nIMP-D-001,试运行花园,花木路20号,${HUAMU}\n`;
    const res = await importAs(admin, 'compounds', upload('dry.csv', csv), '?dryRun=true');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ kind: 'compounds', rows: 1, imported: 0, dryRun: true });
    expect(await count('compounds')).toBe(before);
  });

  it('explains unrecognised headers, a non-UTF-8 CSV and unsupported files', async () => {
    const gbk = Buffer.from([0xd0, 0xa1, 0xc7, 0xf8, 0xb1, 0xe0, 0xc2, 0xeb, 0x0a, 0x41, 0x0a]); // 小区编码 in GBK
    const enc = await importAs(admin, 'compounds', upload('gbk.csv', gbk));
    expect(enc.statusCode).toBe(400);
    expect(enc.json().error.code).toBe('transfer.encoding');
    expect(enc.json().error.message).toContain('UTF-8');
    const header = await importAs(admin, 'compounds', upload('h.csv', 'foo,bar\n1,2\n'));
    expect(header.statusCode).toBe(400);
    expect(header.json().error.code).toBe('transfer.header_unrecognised');
    expect(header.json().error.message).toContain('小区编码、小区名称、地址、街镇代码');
    const partial = await importAs(admin, 'compounds', upload('h.csv', '小区编码,小区名称\nA,B\n'), '', 'en');
    expect(partial.json().error.message).toContain('Address, Street code');
    const xls = await importAs(
      admin,
      'compounds',
      upload('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2])),
    );
    expect(xls.json().error.code).toBe('transfer.unsupported_format');
    const empty = await importAs(
      admin,
      'compounds',
      upload('e.csv', '\uFEFF小区编码,小区名称,地址,街镇代码\r\n'),
    );
    expect(empty.json().error.code).toBe('transfer.empty_file');
    const none = await admin.request({ method: 'POST', url: '/api/v1/imports/compounds', payload: {} });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('transfer.file_required');
  });

  it('imports buildings and then units from .xlsx with the three area fields', async () => {
    const compound = await t.deps.database.db
      .selectFrom('compounds')
      .select(['id', 'code'])
      .where('code', '=', 'IMP-C-001')
      .executeTakeFirstOrThrow();
    const buildings = await xlsx([
      ['小区编码', '楼栋', '层数'],
      [compound.code, '1号楼', 6],
      [compound.code, '2号楼', '18'],
    ]);
    const b = await importAs(admin, 'buildings', upload('b.xlsx', buildings, XLSX));
    expect(b.statusCode, b.body).toBe(200);
    expect(b.json().imported).toBe(2);

    const units = await xlsx([
      ['导入房屋清单（标题行）'],
      ['小区编码', '楼栋', '房号', '用途', '登记面积', '实测面积', '合同面积', '交付日期', '单元'],
      [compound.code, '1号楼', 101, '住宅', 89.5, null, null, new Date(Date.UTC(2001, 4, 1))],
      [compound.code, '1号楼', '102', '住宅', null, '90.12', null, '2001-05-01'],
      [compound.code, '1号楼', '103', '商业', null, null, '120', null],
      [compound.code, '2号楼', '1801', 'parking', '12.5', '12.40', '13', null],
    ]);
    const u = await importAs(admin, 'units', upload('u.xlsx', units, XLSX));
    expect(u.statusCode, u.body).toBe(200);
    expect(u.json()).toMatchObject({ rows: 4, imported: 4 });
    const rows = await t.deps.database.db
      .selectFrom('units')
      .select(['number', 'use', 'registered_area', 'surveyed_area', 'contract_area', 'delivered_on'])
      .where('compound_id', '=', compound.id)
      .orderBy('number')
      .execute();
    expect(rows).toEqual([
      {
        number: '101',
        use: 'residential',
        registered_area: 8950,
        surveyed_area: null,
        contract_area: null,
        delivered_on: '2001-05-01',
      },
      {
        number: '102',
        use: 'residential',
        registered_area: null,
        surveyed_area: 9012,
        contract_area: null,
        delivered_on: '2001-05-01',
      },
      {
        number: '103',
        use: 'commercial',
        registered_area: null,
        surveyed_area: null,
        contract_area: 12000,
        delivered_on: null,
      },
      {
        number: '1801',
        use: 'parking',
        registered_area: 1250,
        surveyed_area: 1240,
        contract_area: 1300,
        delivered_on: null,
      },
    ]);

    const bad = await xlsx([
      ['小区编码', '楼栋', '房号', '用途', '登记面积', '实测面积', '合同面积'],
      [compound.code, '1号楼', '104', '住宅', 89.555, null, null], // row 2: three decimals
      [compound.code, '1号楼', '101', '住宅', 80, null, null], // row 3: taken
      [compound.code, '9号楼', '901', '住宅', 80, null, null], // row 4: unknown building
      [compound.code, '1号楼', '105', '别墅', null, null, null], // row 5: bad use, no area
      ['NO-SUCH', '1号楼', '1', '住宅', 1, null, null], // row 6: unknown compound
      [compound.code, '1号楼', new Date(Date.UTC(2026, 2, 1)), '住宅', 50, null, null], // row 7: "3-1" became a date
    ]);
    const before = await count('units');
    const r = await importAs(admin, 'units', upload('bad.xlsx', bad, XLSX));
    expect(r.statusCode).toBe(400);
    const errors = r.json().error.details.errors as RowError[];
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'registeredArea'],
      [3, 'number'],
      [4, 'building'],
      [5, 'use'],
      [5, 'registeredArea'],
      [6, 'compoundCode'],
      [7, 'number'],
    ]);
    expect(errors[0].message).toBe('面积最多保留两位小数：89.555');
    expect(errors[6].message).toContain('识别成了日期（2026-03-01）');
    expect(await count('units')).toBe(before);
  });

  it('imports owners: matched by ID number when given, created otherwise, linked to units', async () => {
    const ownersBefore = await count('owners');
    const csv =
      '小区编码,楼栋,房号,业主姓名,类型,手机,证件号码\n' +
      'IMP-C-001,1号楼,101,钱多多,个人,13911112222,31011519800101123x\n' +
      'IMP-C-001,1号楼,102,钱多多,,13911112222,31011519800101123X\n' + // same person, second unit
      'IMP-C-001,1号楼,103,上海导入贸易有限公司,单位,,\n' +
      'IMP-C-001,2号楼,1801,孙小小,个人,,\n';
    const res = await importAs(admin, 'owners', upload('o.csv', csv));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: 4, imported: 4 });
    expect(await count('owners')).toBe(ownersBefore + 3);
    const again = await importAs(admin, 'owners', upload('o.csv', csv));
    expect(again.statusCode).toBe(400);
    expect((again.json().error.details.errors as RowError[]).map((e) => e.row)).toEqual([2, 3, 4, 5]);
    const conflicting =
      '小区编码,楼栋,房号,业主姓名,证件号码\nIMP-C-001,2号楼,1801,别人,31011519800101123X\n';
    const c = await importAs(admin, 'owners', upload('o2.csv', conflicting));
    expect(c.json().error.details.errors[0]).toMatchObject({ row: 2, field: 'idNumber' });
  });

  it('imports organisations with a parent in the same file and coverage', async () => {
    const csv =
      '类型,名称,行政区划代码,上级组织,统一社会信用代码,覆盖街镇\n' +
      `项目部,导入物业花木项目部,${HUAMU},导入物业浦东分公司,,\n` + // parent comes later in the file
      `分公司,导入物业浦东分公司,310115,导入物业有限公司,,\n` +
      `property_company,导入物业有限公司,310115,,91310000MA1FL0000X,${HUAMU}；${ZHANGJIANG}\n`;
    const res = await importAs(admin, 'organisations', upload('org.csv', csv));
    expect(res.statusCode, res.body).toBe(200);
    const orgs = await t.deps.database.db
      .selectFrom('organisations')
      .select(['id', 'name', 'type', 'parent_id'])
      .where('name', 'like', '导入物业%')
      .execute();
    const byName = new Map(orgs.map((o) => [o.name, o]));
    expect(byName.get('导入物业有限公司')).toMatchObject({ type: 'property_company', parent_id: null });
    expect(byName.get('导入物业浦东分公司')!.parent_id).toBe(byName.get('导入物业有限公司')!.id);
    expect(byName.get('导入物业花木项目部')!.parent_id).toBe(byName.get('导入物业浦东分公司')!.id);
    const coverage = await t.deps.database.db
      .selectFrom('organisation_coverage')
      .select('division_code')
      .where('organisation_id', '=', byName.get('导入物业有限公司')!.id)
      .orderBy('division_code')
      .execute();
    expect(coverage.map((r) => r.division_code)).toEqual([HUAMU, ZHANGJIANG]);

    const bad =
      '类型,名称,行政区划代码,上级组织,统一社会信用代码\n' +
      `居委会,导入居委会,${HUAMU},不存在的上级,ABC\n` +
      `不知道,导入物业有限公司,310115,,\n`;
    const r = await importAs(admin, 'organisations', upload('bad.csv', bad));
    expect((r.json().error.details.errors as RowError[]).map((e) => [e.row, e.field])).toEqual([
      [2, 'parentName'],
      [2, 'creditCode'],
      [3, 'type'],
    ]);
  });

  it('keeps a street office to its own street: rows elsewhere are refused and nothing is imported', async () => {
    const before = await count('compounds');
    const csv =
      '小区编码,小区名称,地址,街镇代码\n' +
      `IMP-S-001,花木自己的小区,花木路30号,${HUAMU}\n` +
      `IMP-S-002,张江的小区,张江路1号,${ZHANGJIANG}\n`;
    const res = await importAs(huamu, 'compounds', upload('scope.csv', csv));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.errors).toEqual([
      { row: 3, column: '街镇代码', field: 'streetCode', message: `${ZHANGJIANG} 不在您的导入数据范围内` },
    ]);
    expect(await count('compounds')).toBe(before);

    const foreign = await t.deps.database.db
      .selectFrom('compounds')
      .select('code')
      .where('street_code', '=', ZHANGJIANG)
      .limit(1)
      .executeTakeFirstOrThrow();
    const b = await importAs(
      huamu,
      'buildings',
      upload('b.csv', `小区编码,楼栋,层数\n${foreign.code},99号楼,6\n`),
    );
    expect(b.json().error.details.errors[0]).toMatchObject({ row: 2, field: 'compoundCode' });
    expect(b.json().error.details.errors[0].message).toContain('不存在，或不在您的导入数据范围内');

    const grid = await t.login('grid'); // registry.read only
    const denied = await importAs(grid, 'compounds', upload('scope.csv', csv));
    expect(denied.statusCode).toBe(403);

    const own = await importAs(huamu, 'compounds', upload('own.csv', csv.split('\n').slice(0, 2).join('\n')));
    expect(own.statusCode, own.body).toBe(200);
    const audit = await t.deps.database.db
      .selectFrom('audit_log')
      .select('actor_name')
      .where('action', '=', 'registry.import.compounds')
      .orderBy('id', 'desc') // UUIDv7: the newest record (seq is set only when sealed)
      .executeTakeFirstOrThrow();
    expect(audit.actor_name).toBe('huamu');
  });

  it('lets only one of two simultaneous imports of the same rows through', async () => {
    const before = await count('compounds');
    const csv =
      '小区编码,小区名称,地址,街镇代码\n' +
      Array.from({ length: 50 }, (_, i) => `IMP-P-${i},并发花园${i},花木路${i}号,${HUAMU}`).join('\n');
    const [a, b] = await Promise.all([
      importAs(admin, 'compounds', upload('p.csv', csv)),
      importAs(admin, 'compounds', upload('p.csv', csv)),
    ]);
    expect([a.statusCode, b.statusCode].filter((s) => s === 200)).toHaveLength(1);
    const loser = a.statusCode === 200 ? b : a;
    expect([400, 409]).toContain(loser.statusCode);
    expect(await count('compounds')).toBe(before + 50);
  });

  it('serves the import templates as UTF-8 CSV with a BOM', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/v1/imports/templates/units.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="units-template.csv"; filename*=UTF-8''${encodeURIComponent('房屋导入模板.csv')}`,
    );
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(res.body);
    expect(rows[0]).toEqual([
      '小区编码',
      '楼栋',
      '房号',
      '用途',
      '登记面积',
      '实测面积',
      '合同面积',
      '交付日期',
      '单元',
    ]);
    expect(rows).toHaveLength(2);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/imports/templates/units.csv' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('serves the import templates as .xlsx too', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/v1/imports/templates/compounds.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="compounds-template.xlsx"; filename*=UTF-8''${encodeURIComponent('小区导入模板.xlsx')}`,
    );
    const rows = await readXlsx(res.rawPayload);
    expect(rows[0]).toContain('小区编码');
    expect(rows).toHaveLength(2);
    expect(
      (await admin.request({ method: 'GET', url: '/api/v1/imports/templates/units.pdf' })).statusCode,
    ).toBe(400);
  });

  it('downloads the row-error report of a refused file, in the reader’s language, and imports nothing', async () => {
    const before = await count('compounds');
    const csv =
      'code,name,address,streetCode,buildingArea,firstDeliveryOn\n' +
      `IMP-R-001,报告测试一,花木路20号,310115999,100,\n` +
      `IMP-R-002,报告测试二,,${HUAMU},=1+1,\n`;
    const report = (lang: string, format: string) => {
      const file = upload('坏文件.csv', csv);
      return admin.request({
        method: 'POST',
        url: `/api/v1/imports/compounds/errors.${format}`,
        payload: file.payload,
        headers: { ...file.headers, 'accept-language': lang },
      });
    };
    const zh = await report('zh-CN', 'xlsx');
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-disposition']).toContain(encodeURIComponent('坏文件-错误报告.xlsx'));
    const rows = await readXlsx(zh.rawPayload);
    expect(rows[0]).toEqual(['行号', '列', '问题']);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      [2, '街镇代码'],
      [3, '地址'],
      [3, '建筑面积(㎡)'],
    ]);
    expect(rows[1][2]).toBe('行政区划代码 310115999 不存在');
    const en = await report('en', 'csv');
    const enRows = parseCsv(en.body.replace(/^\uFEFF/, ''));
    expect(enRows[0]).toEqual(['Row', 'Column', 'Problem']);
    expect(enRows[1]).toEqual(['2', 'Street code', 'unknown division code 310115999']);
    expect(await count('compounds')).toBe(before);
    const rc = await t.login('rc');
    const refused = await rc.request({
      method: 'POST',
      url: '/api/v1/imports/compounds/errors.csv',
      ...upload('x.csv', csv),
    });
    expect(refused.statusCode).toBe(403);
  });

  it('exports compounds with the filters of the list: same rows as the list total', async () => {
    const list = await admin.request({ method: 'GET', url: `/api/v1/compounds?street=${HUAMU}&limit=1` });
    const total = list.json().total as number;
    expect(total).toBeGreaterThan(3);
    const res = await admin.request({ method: 'GET', url: `/api/v1/exports/compounds.csv?street=${HUAMU}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="compounds-20261126.csv"');
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(res.body);
    expect(rows[0].slice(0, 3)).toEqual(['小区编码', '小区名称', '地址']);
    expect(rows.length - 1).toBe(total);
    expect(rows.slice(1).every((r) => r[5] === HUAMU)).toBe(true);

    const q = encodeURIComponent('导入花园');
    const xl = await admin.request({
      method: 'GET',
      url: `/api/v1/exports/compounds.xlsx?q=${q}`,
      headers: { 'accept-language': 'en' },
    });
    expect(xl.statusCode).toBe(200);
    expect(xl.headers['content-type']).toContain('spreadsheetml');
    const sheet = await readXlsx(xl.rawPayload);
    expect(sheet[0].slice(0, 3)).toEqual(['Code', 'Name', 'Address']);
    const byCode = new Map(sheet.slice(1).map((r) => [r[0], r]));
    expect([...byCode.keys()].sort()).toEqual(['IMP-C-001', 'IMP-C-002', 'IMP-C-003']);
    expect(byCode.get('IMP-C-001')![7]).toBe(12345.6); // areas are numbers in .xlsx

    // A street office exports only its street, whatever it asks for.
    const mine = await huamu.request({ method: 'GET', url: '/api/v1/exports/compounds.csv' });
    const mineRows = parseCsv(mine.body).slice(1);
    expect(mineRows.length).toBe(total);
    const theirs = await huamu.request({
      method: 'GET',
      url: `/api/v1/exports/compounds.csv?street=${ZHANGJIANG}`,
    });
    expect(parseCsv(theirs.body)).toHaveLength(1);
  });

  it('exports owners with phone and ID numbers masked exactly as the list shows them', async () => {
    const compound = (await huamu.request({ method: 'GET', url: '/api/v1/compounds?limit=1' })).json()
      .items[0];
    const listed: { name: string; phone: string | null; idNumber: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: typeof listed; nextCursor: string | null } = (
        await huamu.request({
          method: 'GET',
          url: `/api/v1/compounds/${compound.id}/owners?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        })
      ).json();
      listed.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const res = await huamu.request({
      method: 'GET',
      url: `/api/v1/exports/owners.csv?compound=${compound.id}`,
    });
    expect(res.statusCode).toBe(200);
    const rows = parseCsv(res.body);
    expect(rows[0]).toEqual(['业主姓名', '类型', '手机', '证件号码', '房屋']);
    expect(rows.length - 1).toBe(listed.length);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual(
      listed.map((o) => [o.name, o.phone ?? '', o.idNumber ?? '']),
    );
    const phones = rows
      .slice(1)
      .map((r) => r[2])
      .filter(Boolean);
    expect(phones.length).toBeGreaterThan(0);
    expect(phones.every((p) => /^1\d{2}\*{4}\d{4}$/.test(p))).toBe(true);
    expect(res.body).not.toMatch(/1\d{10}/);

    const missing = await huamu.request({ method: 'GET', url: '/api/v1/exports/owners.csv' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('transfer.compound_required');
    const rc = await t.login('owner'); // own-units grant: no owners list of neighbours, no export
    const denied = await rc.request({
      method: 'GET',
      url: `/api/v1/exports/owners.csv?compound=${compound.id}`,
    });
    expect(denied.statusCode).toBe(403);
  });

  it('exports users and the audit log only to those who may read them', async () => {
    const usersCsv = await admin.request({ method: 'GET', url: '/api/v1/exports/users.xlsx' });
    expect(usersCsv.statusCode).toBe(200);
    const sheet = await readXlsx(usersCsv.rawPayload);
    expect(sheet[0][0]).toBe('用户名');
    expect(sheet.slice(1).map((r) => r[0])).toContain('huamu');
    const audit = await admin.request({
      method: 'GET',
      url: '/api/v1/exports/audit.csv?action=registry.import.compounds',
    });
    const rows = parseCsv(audit.body);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.slice(1).every((r) => r[4] === 'registry.import.compounds')).toBe(true);
    for (const url of ['/api/v1/exports/users.csv', '/api/v1/exports/audit.csv']) {
      expect((await huamu.request({ method: 'GET', url })).statusCode).toBe(403);
    }
    const bad = await admin.request({ method: 'GET', url: '/api/v1/exports/compounds.pdf' });
    expect(bad.statusCode).toBe(400);
  });
});
