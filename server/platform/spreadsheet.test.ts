import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import {
  csvBuffer,
  detectFormat,
  mapColumns,
  normaliseHeader,
  readSheet,
  readTable,
  SpreadsheetError,
  writeSheet,
  xlsxBuffer,
  type HeaderColumn,
  type SheetProblem,
} from './spreadsheet.js';

const COLUMNS: HeaderColumn[] = [
  { key: 'code', required: true, labels: ['小区编码', 'code', 'Code', 'compoundCode'] },
  { key: 'area', required: false, labels: ['建筑面积(㎡)', 'area', 'Building area (m²)'] },
  { key: 'name', required: true, labels: ['小区名称', 'name', 'Name'] },
];
const LIMIT = { maxRows: 100 };
const csv = (text: string) => ({ name: 'f.csv', data: Buffer.from(text, 'utf8') });

async function xlsxOf(rows: unknown[][], setup?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  setup?.(wb);
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function problemOf(p: Promise<unknown> | (() => unknown)): Promise<SheetProblem> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof SpreadsheetError) return e.problem;
    throw e;
  }
  throw new Error('no SpreadsheetError');
}

const plain = (rows: { row: number; values: Map<string, unknown> }[]) =>
  rows.map((r) => ({ row: r.row, ...Object.fromEntries(r.values) }));

describe('reading', () => {
  it('matches header variants: Chinese, key, English, alias, full-width brackets, units, *, spaces, case', async () => {
    expect(normaliseHeader('建筑面积（㎡）')).toBe(normaliseHeader('建筑面积'));
    expect(normaliseHeader(' 小区编码* ')).toBe('小区编码');
    expect(normaliseHeader('Building Area (m²)')).toBe(normaliseHeader('building_area'));
    for (const header of [
      '小区编码,小区名称',
      'code,name',
      'Code,Name',
      'CODE , NAME ',
      'compound_code,name',
      '小区编码*,小区名称*',
      '小区编码（必填）,小区名称',
    ]) {
      const rows = await readTable(csv(`${header}\nA-1,花园\n`), COLUMNS, LIMIT);
      // Only the columns of the header are in a row.
      expect(plain(rows), header).toEqual([{ row: 2, code: 'A-1', name: '花园' }]);
    }
    const area = await readTable(csv('建筑面积（㎡）,name,code\n12.5,花园,A-1\n'), COLUMNS, LIMIT);
    expect(plain(area)).toEqual([{ row: 2, area: '12.5', name: '花园', code: 'A-1' }]);
  });

  it('finds the header below title rows, refuses a repeated column and names the missing ones', async () => {
    const titled = await readTable(csv('小区名册\n\n小区编码,小区名称,备注\nA-1,花园,x\n'), COLUMNS, LIMIT);
    expect(plain(titled)).toEqual([{ row: 4, code: 'A-1', name: '花园' }]);
    expect(await problemOf(readTable(csv('code,小区编码,name\n1,2,3\n'), COLUMNS, LIMIT))).toEqual({
      code: 'header_duplicate',
      column: '小区编码',
    });
    expect(await problemOf(readTable(csv('foo,小区名称\n1,2\n'), COLUMNS, LIMIT))).toEqual({
      code: 'header_missing',
      missing: ['code'],
    });
    // Only the first rows are searched for the header.
    const late = `${'note\n'.repeat(10)}code,name\nA,B\n`;
    expect((await problemOf(readTable(csv(late), COLUMNS, LIMIT))).code).toBe('header_missing');
  });

  it('reads a CSV with or without a BOM and refuses one that is not UTF-8', async () => {
    const withBom = await readSheet('f.csv', Buffer.from('\uFEFFcode,name\r\nA,花园\r\n'), LIMIT);
    const without = await readSheet('f.csv', Buffer.from('code,name\r\nA,花园\r\n'), LIMIT);
    expect(withBom).toEqual(without);
    expect(withBom[0]).toEqual({ row: 1, cells: ['code', 'name'] });
    const gbk = Buffer.from([0xd0, 0xa1, 0xc7, 0xf8, 0x0a, 0x41, 0x0a]); // 小区 in GBK
    expect(await problemOf(readSheet('gbk.csv', gbk, LIMIT))).toEqual({ code: 'encoding' });
  });

  it('drops blank rows but keeps spreadsheet row numbers; blank cells are null, text is trimmed', async () => {
    const text = 'code,name,area\n\nA, 花园 ,\n , ,\n"B","多\n行",12\n,,\nC,东园,  \n';
    const rows = await readTable(csv(text), COLUMNS, LIMIT);
    expect(plain(rows)).toEqual([
      { row: 3, code: 'A', name: '花园', area: null },
      { row: 5, code: 'B', name: '多\n行', area: '12' },
      { row: 7, code: 'C', name: '东园', area: null },
    ]);
    const xlsx = await xlsxOf([['code', 'name'], [], ['A', '花园'], [null, '  '], ['B', '西园']]);
    expect(plain(await readTable({ name: 'f.xlsx', data: xlsx }, COLUMNS, LIMIT))).toEqual([
      { row: 3, code: 'A', name: '花园' },
      { row: 5, code: 'B', name: '西园' },
    ]);
    expect(await problemOf(readTable(csv('code,name\n\n,\n'), COLUMNS, LIMIT))).toEqual({
      code: 'empty_file',
    });
    expect(await problemOf(readTable(csv('\n \n'), COLUMNS, LIMIT))).toEqual({ code: 'empty_file' });
  });

  it('keeps numbers, dates and booleans of .xlsx typed; CSV cells are text', async () => {
    const day = new Date(Date.UTC(2026, 2, 1));
    const data = await xlsxOf([
      ['code', 'name', 'area'],
      [
        { richText: [{ text: ' 富' }, { text: '文本 ' }] },
        { formula: '1+1', result: 2 },
        day,
        true,
        { text: '链接', hyperlink: 'https://example.org' },
      ],
    ]);
    const [, row] = await readSheet('f.xlsx', data, LIMIT);
    expect(row).toEqual({ row: 2, cells: ['富文本', 2, day, 'TRUE', '链接'] });
    const [, csvRow] = await readSheet('f.csv', Buffer.from('code,name\n1,2026-03-01\n'), LIMIT);
    expect(csvRow.cells).toEqual(['1', '2026-03-01']);
  });

  it('reads the first visible worksheet', async () => {
    const data = await xlsxOf(
      [
        ['code', 'name'],
        ['V', '可见'],
      ],
      (wb) => {
        const hidden = wb.addWorksheet('hidden', { state: 'hidden' });
        hidden.addRow(['code', 'name']);
        hidden.addRow(['H', '隐藏']);
      },
    );
    expect(plain(await readTable({ name: 'f.xlsx', data }, COLUMNS, LIMIT))).toEqual([
      { row: 2, code: 'V', name: '可见' },
    ]);
  });

  it('detects the format by content first, then by extension', async () => {
    const zip = await xlsxOf([['code']]);
    expect(detectFormat('list.xlsx', zip)).toBe('xlsx');
    expect(detectFormat('list.csv', zip)).toBe('xlsx'); // an .xlsx saved under a .csv name
    expect(detectFormat('list', Buffer.from('a,b'))).toBe('csv');
    expect(detectFormat('list.txt', Buffer.from('a,b'))).toBe('csv');
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]);
    expect(await problemOf(() => detectFormat('old.xls', ole))).toEqual({
      code: 'unsupported_format',
      name: 'old.xls',
    });
    expect((await problemOf(() => detectFormat('a.zip', zip))).code).toBe('unsupported_format');
    expect((await problemOf(() => detectFormat('a.pdf', Buffer.from('%PDF')))).code).toBe(
      'unsupported_format',
    );
    expect(await problemOf(() => detectFormat('fake.xlsx', Buffer.from('a,b')))).toEqual({
      code: 'unreadable',
    });
    const broken = Buffer.concat([zip.subarray(0, 40)]);
    expect(await problemOf(readSheet('broken.xlsx', broken, LIMIT))).toEqual({ code: 'unreadable' });
  });

  it('refuses more data rows than the limit, counting them', async () => {
    const rows = (n: number) => `code,name\n${Array.from({ length: n }, (_, i) => `C${i},N${i}\n`).join('')}`;
    expect((await readTable(csv(rows(3)), COLUMNS, { maxRows: 3 })).length).toBe(3);
    expect(await problemOf(readTable(csv(rows(4)), COLUMNS, { maxRows: 3 }))).toEqual({
      code: 'too_many_rows',
      count: 4,
      max: 3,
    });
    // Far over the limit: refused before the cells are mapped.
    expect(await problemOf(readSheet('f.csv', Buffer.from(rows(40)), { maxRows: 3 }))).toEqual({
      code: 'too_many_rows',
      count: 40,
      max: 3,
    });
    const big = await xlsxOf([['code', 'name'], ...Array.from({ length: 5 }, (_, i) => [`C${i}`, 'n'])]);
    expect(await problemOf(readSheet('f.xlsx', big, { maxRows: 3 }))).toEqual({
      code: 'too_many_rows',
      count: 5,
      max: 3,
    });
    expect(() => mapColumns([], COLUMNS, LIMIT)).toThrow(SpreadsheetError);
  });
});

async function cellsOf(xlsx: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as never);
  return wb.worksheets[0];
}

describe('writing', () => {
  const columns = [
    { header: '名称' },
    { header: '面积', type: 'area' as const },
    { header: '数量', type: 'int' as const },
    { header: '比率', type: 'percent' as const },
  ];
  const dangerous = ['=HYPERLINK("http://evil","x")', '+86 139', '-cmd', '@SUM(A1)', '\tx', '\rx'];

  it('neutralises formulas in CSV and .xlsx text cells, not plain numbers', async () => {
    const rows = [...dangerous.map((s) => [s, null, null, null]), ['-12.5', '-3.50', 7, 0.2857]];
    const text = csvBuffer(columns, rows).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = parseCsv(text);
    expect(parsed[0]).toEqual(['名称', '面积', '数量', '比率']);
    expect(parsed.slice(1, -1).map((r) => r[0])).toEqual(dangerous.map((s) => `'${s}`));
    expect(parsed.at(-1)).toEqual(['-12.5', '-3.50', '7', '28.57%']);

    const sheet = await cellsOf(await xlsxBuffer('Sheet', columns, rows));
    const names: unknown[] = [];
    sheet.eachRow((row, n) => n > 1 && names.push(row.getCell(1).value));
    // (XML turns the CR of the last one into LF; what matters is the leading apostrophe.)
    expect(names.map((v) => String(v).replace(/\n/g, '\r'))).toEqual([
      ...dangerous.map((s) => `'${s}`),
      '-12.5',
    ]);
    for (let r = 2; r <= dangerous.length + 1; r++)
      expect(sheet.getRow(r).getCell(1).formula).toBeUndefined();
  });

  it('round-trips .xlsx: typed numbers with their formats, text, blanks; read back by readSheet', async () => {
    const rows = [
      ['锦绣花园', '52340.50', 12, 0.6667],
      ['=1+1', null, 0, null],
      ['x'.repeat(40_000), '0.01', null, 1],
    ];
    const file = await writeSheet('xlsx', 'out.xlsx', { sheetName: '考核指标', columns, rows });
    expect(file.contentType).toContain('spreadsheetml');
    const sheet = await cellsOf(file.body);
    expect(sheet.name).toBe('考核指标');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getCell('B2').numFmt).toBe('0.00');
    expect(sheet.getCell('D2').numFmt).toBe('0.0%');
    const read = await readSheet(file.fileName, file.body, LIMIT);
    expect(read.map((r) => r.row)).toEqual([1, 2, 3, 4]);
    expect(read[0].cells).toEqual(['名称', '面积', '数量', '比率']);
    expect(read[1].cells).toEqual(['锦绣花园', 52340.5, 12, 0.6667]);
    expect(read[2].cells).toEqual(["'=1+1", null, 0]);
    const long = read[3].cells[0] as string;
    expect(long.length).toBe(32_767);
    expect(long.endsWith('…')).toBe(true);
    expect(read[3].cells.slice(1)).toEqual([0.01, null, 1]);

    const asCsv = await writeSheet('csv', 'out.csv', { sheetName: 'x', columns, rows: rows.slice(0, 2) });
    expect(asCsv.contentType).toBe('text/csv; charset=utf-8');
    const back = await readSheet(asCsv.fileName, asCsv.body, LIMIT);
    expect(back.map((r) => r.cells)).toEqual([
      ['名称', '面积', '数量', '比率'],
      ['锦绣花园', '52340.50', '12', '66.67%'],
      ["'=1+1", null, '0', null],
    ]);
  });
});
