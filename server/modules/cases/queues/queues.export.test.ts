// The work queue exported through the one export path (/api/v1/exports/cases.*): the same scope and filters as
// the queue on screen, words instead of codes, Shanghai times, and the formula guard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../../contracts/cases.js';
import { CHANNEL_LABELS } from '../../../../domain/case-labels.js';
import { parseCsv } from '../../../platform/csv.js';
import { DB_KINDS, readXlsx, startTestApp, type Session, type TestApp } from '../../../test/harness.js';

const HUAMU = '310115016';

it('has words for every channel of the contract', () => {
  expect(Object.keys(CHANNEL_LABELS).sort()).toEqual([...CHANNELS].sort());
});

describe.each(DB_KINDS)('cases: queue export (%s)', (kind) => {
  let t: TestApp;
  let hotline: Session;
  let huamu: Session;
  let zhangjiang: Session;
  let caseNo: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    hotline = await t.login('hotline');
    huamu = await t.login('huamu');
    zhangjiang = await t.login('zhangjiang');
    const compoundId = (
      await (await t.login('rc')).request({ method: 'GET', url: '/api/v1/compounds' })
    ).json().items[0].id;
    const intake = await hotline.request({
      method: 'POST',
      url: '/api/v1/intake/hotline',
      headers: { 'idempotency-key': 'EXPORT-0001' },
      payload: {
        categoryCode: 'repair.urgent.water_burst',
        attributes: { meterPosition: 'after', part: 'common' },
        title: '=HYPERLINK("http://evil.example","点我")',
        description: '3号楼地下室水管爆裂',
        compoundId,
        reporter: { name: '王先生', phone: '13812345678' },
      },
    });
    expect(intake.statusCode).toBe(200);
    caseNo = intake.json().caseNo;
  });
  afterAll(() => t.close());

  const rowsOf = (body: string) => parseCsv(body.replace(/^\uFEFF/, ''));

  it('exports the queue the street office sees, with Chinese words and the formula guard', async () => {
    const list = (await huamu.request({ method: 'GET', url: '/api/v1/cases?queue=all&limit=100' })).json();
    const res = await huamu.request({ method: 'GET', url: '/api/v1/exports/cases.csv?queue=all' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/cases-\d{8}\.csv/);
    const [header, ...rows] = rowsOf(res.body);
    expect(header).toEqual([
      '案件编号',
      '标题',
      '问题类别',
      '状态',
      '紧急程度',
      '来源渠道',
      '街镇',
      '小区',
      '主办单位',
      '处置时限',
      '时限状态',
      '督办次数',
      '受理时间',
    ]);
    expect(rows.length).toBe(list.items.length);
    const row = rows.find((r) => r[0] === caseNo)!;
    expect(row).toBeDefined();
    expect(row[1]).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(row[3]).toBe('已受理');
    expect(row[5]).toBe('12345 市民服务热线');
    expect(row[12]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // No internal codes or phone numbers leak into the file.
    expect(res.body).not.toContain('13812345678');
    expect(res.body).not.toContain('hotline12345');
  });

  it('applies the queue filters and the English words for an English reader', async () => {
    const none = await huamu.request({ method: 'GET', url: '/api/v1/exports/cases.csv?queue=toVerify' });
    expect(
      rowsOf(none.body)
        .slice(1)
        .some((r) => r[0] === caseNo),
    ).toBe(false);
    const en = await huamu.request({
      method: 'GET',
      url: `/api/v1/exports/cases.xlsx?queue=all&street=${HUAMU}`,
      headers: { 'accept-language': 'en' },
    });
    expect(en.statusCode).toBe(200);
    const [header, ...rows] = await readXlsx(en.rawPayload);
    expect(header[0]).toBe('Case number');
    const row = rows.find((r) => r[0] === caseNo)!;
    expect(row[3]).toBe('Received');
    expect(row[5]).toBe('12345 citizen hotline');
  });

  it('keeps another street to its own cases and refuses a street outside its scope', async () => {
    const other = await zhangjiang.request({ method: 'GET', url: '/api/v1/exports/cases.csv?queue=all' });
    expect(other.statusCode).toBe(200);
    expect(other.body).not.toContain(caseNo);
    const outside = await zhangjiang.request({
      method: 'GET',
      url: `/api/v1/exports/cases.csv?street=${HUAMU}`,
    });
    expect(outside.statusCode).toBe(403);
  });

  it('refuses a reader without a work queue', async () => {
    const owner = await t.login('owner');
    expect((await owner.request({ method: 'GET', url: '/api/v1/exports/cases.csv' })).statusCode).toBe(403);
  });
});
