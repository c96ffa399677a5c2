// The one spreadsheet reader and writer of the server. Every upload (.xlsx/.csv) is read here — format by
// content first, the first visible worksheet or UTF-8 CSV (BOM or not), blank rows dropped, each row with the
// row number a spreadsheet shows, cells as trimmed text | number | Date | null, the header row found among
// the first rows and matched by normalised label — and every download (.csv UTF-8 with BOM, .xlsx) is written
// here, with the formula-injection guard of csv.ts (a text cell starting with = + - @ tab or CR gets a leading
// apostrophe) on both formats. Modules keep only their columns, their limits and their error codes:
// file-level problems are thrown as SpreadsheetError for the caller to turn into its own AppError.
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { neutraliseFormula, parseCsvRecords, toCsvLine } from './csv.js';

// ---- reading ----

/** A cell as read: text (trimmed, never empty), a number, a date (xlsx only), or null when blank. */
export type Cell = string | number | Date | null;

export interface SheetRow {
  /** Spreadsheet row number (1-based, blank rows counted; the header is normally row 1). */
  row: number;
  cells: Cell[];
}

export type SheetFormat = 'csv' | 'xlsx';

/** What is wrong with a file as a whole; the caller renders it with its own message codes. */
export type SheetProblem =
  | { code: 'unsupported_format'; name: string }
  | { code: 'unreadable' }
  | { code: 'encoding' }
  | { code: 'empty_file' }
  | { code: 'too_many_rows'; count: number; max: number }
  | { code: 'header_missing'; missing: string[] }
  | { code: 'header_duplicate'; column: string };

export class SpreadsheetError extends Error {
  constructor(readonly problem: SheetProblem) {
    super(`spreadsheet.${problem.code}`);
    this.name = 'SpreadsheetError';
  }
}

function fail(problem: SheetProblem): never {
  throw new SpreadsheetError(problem);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // legacy .xls (BIFF)
const startsWith = (data: Buffer, magic: number[]) => magic.every((b, i) => data[i] === b);
/** How many rows above the header (a title row, notes) are tolerated. */
export const HEADER_SEARCH_ROWS = 10;

/** By content first (an .xlsx is a zip, also when saved under a .csv name), then by extension. */
export function detectFormat(name: string, data: Buffer): SheetFormat {
  const ext = extname(name).toLowerCase();
  if (startsWith(data, ZIP_MAGIC) && (ext === '.xlsx' || ext === '.csv' || ext === '')) return 'xlsx';
  if (startsWith(data, OLE_MAGIC) || startsWith(data, ZIP_MAGIC)) fail({ code: 'unsupported_format', name });
  if (ext === '.xlsx') fail({ code: 'unreadable' });
  if (ext === '.csv' || ext === '.txt' || ext === '') return 'csv';
  return fail({ code: 'unsupported_format', name });
}

export interface ReadOptions {
  /** Most data rows accepted; a file clearly over it is refused before its cells are read. */
  maxRows: number;
}

/** All non-blank rows of the first visible worksheet (xlsx) or of the CSV text. */
export async function readSheet(name: string, data: Buffer, opts: ReadOptions): Promise<SheetRow[]> {
  return detectFormat(name, data) === 'xlsx' ? readXlsx(data, opts) : readCsv(data, opts);
}

function normaliseText(s: string): string | null {
  const t = s.trim();
  return t === '' ? null : t;
}

function tooMany(count: number, max: number): never {
  return fail({ code: 'too_many_rows', count, max });
}

function readCsv(data: Buffer, { maxRows }: ReadOptions): SheetRow[] {
  let text = '';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    fail({ code: 'encoding' });
  }
  const records = parseCsvRecords(text);
  if (records.length > maxRows + HEADER_SEARCH_ROWS + 1) {
    const nonBlank = records.filter((r) => r.some((c) => c.trim() !== '')).length;
    if (nonBlank > maxRows + 1) tooMany(nonBlank - 1, maxRows);
  }
  const rows: SheetRow[] = [];
  records.forEach((record, i) => {
    const cells = record.map(normaliseText);
    if (cells.some((c) => c !== null)) rows.push({ row: i + 1, cells });
  });
  return rows;
}

async function readXlsx(data: Buffer, { maxRows }: ReadOptions): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as never);
  } catch {
    fail({ code: 'unreadable' });
  }
  const sheet = workbook.worksheets.find((w) => w.state === 'visible') ?? workbook.worksheets[0];
  if (!sheet) return [];
  if (sheet.actualRowCount > maxRows + 1) tooMany(sheet.actualRowCount - 1, maxRows);
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values : [];
    const cells: Cell[] = [];
    for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
    if (cells.some((c) => c !== null)) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/** Booleans read as Excel shows them (TRUE/FALSE); a formula as its cached result; an error as its text. */
function xlsxCell(v: ExcelJS.CellValue | undefined): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return normaliseText(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'object') {
    if ('richText' in v) return normaliseText(v.richText.map((t) => t.text).join(''));
    if ('formula' in v || 'sharedFormula' in v) return xlsxCell((v as { result?: ExcelJS.CellValue }).result);
    if ('hyperlink' in v) {
      const text = (v as { text?: unknown }).text;
      return typeof text === 'string' ? normaliseText(text) : xlsxCell(text as ExcelJS.CellValue);
    }
    if ('error' in v) return String((v as { error: unknown }).error);
  }
  return normaliseText(String(v));
}

/** Header matching: NFKC, lower case, no spaces/underscores/dashes/asterisks, no trailing "(unit)". */
export function normaliseHeader(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^()]*\)\s*$/, '')
    .replace(/[\s_*-]/g, '');
}

/** A column of an import: its key, whether the header must name it, and every label that names it. */
export interface HeaderColumn {
  key: string;
  required: boolean;
  labels: readonly string[];
}

export interface DataRow {
  /** Spreadsheet row number, for error reports. */
  row: number;
  /** Cells by column key (every column of the header; unknown header cells are ignored). */
  values: Map<string, Cell>;
}

/**
 * Finds the header row (row 1, or the first row within the first HEADER_SEARCH_ROWS that names every
 * required column) and returns the data rows below it keyed by column key. A column named twice in the
 * header is refused; when no row names every required column, the ones the first row misses are reported.
 */
export function mapColumns(rows: SheetRow[], columns: readonly HeaderColumn[], opts: ReadOptions): DataRow[] {
  if (rows.length === 0) fail({ code: 'empty_file' });
  const index = new Map<string, HeaderColumn>();
  for (const c of columns) for (const label of c.labels) index.set(normaliseHeader(label), c);
  const required = columns.filter((c) => c.required);
  let header: { at: number; keys: (string | null)[] } | null = null;
  let firstMissing: HeaderColumn[] | null = null;
  for (let at = 0; at < Math.min(rows.length, HEADER_SEARCH_ROWS); at++) {
    const keys: (string | null)[] = [];
    const seen = new Set<string>();
    let duplicate: string | null = null;
    for (const cell of rows[at].cells) {
      const column = cell === null ? undefined : index.get(normaliseHeader(String(cell)));
      if (column && seen.has(column.key)) duplicate ??= String(cell);
      if (column) seen.add(column.key);
      keys.push(column ? column.key : null);
    }
    const missing = required.filter((c) => !seen.has(c.key));
    firstMissing ??= missing;
    if (missing.length === 0) {
      if (duplicate) fail({ code: 'header_duplicate', column: duplicate });
      header = { at, keys };
      break;
    }
  }
  if (!header) return fail({ code: 'header_missing', missing: (firstMissing ?? required).map((c) => c.key) });
  const data = rows.slice(header.at + 1);
  if (data.length === 0) fail({ code: 'empty_file' });
  if (data.length > opts.maxRows) tooMany(data.length, opts.maxRows);
  const keys = header.keys;
  return data.map((r) => {
    const values = new Map<string, Cell>();
    keys.forEach((key, i) => {
      if (key && !values.has(key)) values.set(key, r.cells[i] ?? null);
    });
    return { row: r.row, values };
  });
}

/** readSheet + mapColumns: the data rows of an uploaded file, keyed by column. */
export async function readTable(
  file: { name: string; data: Buffer },
  columns: readonly HeaderColumn[],
  opts: ReadOptions,
): Promise<DataRow[]> {
  return mapColumns(await readSheet(file.name, file.data, opts), columns, opts);
}

// ---- writing ----

export type OutValue = string | number | null;

export interface OutColumn {
  header: string;
  /**
   * 'area': m² numbers shown with two decimals in .xlsx (exact strings in .csv); 'int': whole numbers;
   * 'percent': a fraction (0.2857) shown as a percentage in .xlsx and written as `28.57%` in .csv.
   */
  type?: 'text' | 'area' | 'int' | 'percent';
  width?: number;
}

export interface SheetData {
  /** Worksheet name (.xlsx; at most 31 characters are kept). */
  sheetName: string;
  columns: readonly OutColumn[];
  rows: readonly OutValue[][];
}

const percentText = (v: number) => `${(Math.round(v * 10_000) / 100).toFixed(2)}%`;

/** UTF-8 CSV with a BOM, so that Excel opens Chinese text correctly; text cells pass the formula guard. */
export function csvBuffer(columns: readonly OutColumn[], rows: readonly OutValue[][]): Buffer {
  const lines = [`\uFEFF${toCsvLine(columns.map((c) => c.header))}`];
  for (const r of rows) {
    lines.push(
      toCsvLine(
        r.map((v, i) => (columns[i]?.type === 'percent' && typeof v === 'number' ? percentText(v) : v)),
      ),
    );
  }
  return Buffer.from(lines.join(''), 'utf8');
}

const XLSX_CELL_MAX = 32_767;
const NUM_FMT: Partial<Record<NonNullable<OutColumn['type']>, string>> = {
  area: '0.00',
  int: '0',
  percent: '0.0%',
};

function xlsxValue(v: OutValue, type: OutColumn['type']): OutValue {
  if (v === null) return null;
  if (type && type !== 'text' && typeof v === 'string' && v !== '') return Number(v);
  if (typeof v !== 'string') return v;
  const safe = neutraliseFormula(v);
  return safe.length > XLSX_CELL_MAX ? `${safe.slice(0, XLSX_CELL_MAX - 1)}…` : safe;
}

/** One worksheet: a bold, frozen header row; numbers typed by column; text cells pass the formula guard. */
export async function xlsxBuffer(
  sheetName: string,
  columns: readonly OutColumn[],
  rows: readonly OutValue[][],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongzhi 共治';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: neutraliseFormula(c.header),
    width: c.width ?? Math.min(40, Math.max(10, c.header.length * 2 + 4)),
    style: c.type && NUM_FMT[c.type] ? { numFmt: NUM_FMT[c.type] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r.map((v, i) => xlsxValue(v, columns[i]?.type)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const CONTENT_TYPES: Record<SheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface SheetFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** A list as a download in either format: the one export path of every list. */
export async function writeSheet(format: SheetFormat, fileName: string, data: SheetData): Promise<SheetFile> {
  const body =
    format === 'csv'
      ? csvBuffer(data.columns, data.rows)
      : await xlsxBuffer(data.sheetName, data.columns, data.rows);
  return { fileName, contentType: CONTENT_TYPES[format], body };
}

/** RFC 6266 / 5987: an ASCII fallback, plus filename* when the name is not ASCII. */
export function contentDisposition(fileName: string, asciiFallback?: string): string {
  const ascii = asciiFallback ?? fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  if (ascii === fileName && /^[\x20-\x7e]*$/.test(fileName)) return `attachment; filename="${fileName}"`;
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The response headers of a download: type, attachment name, never cached (exports hold personal data). */
export function downloadHeaders(file: SheetFile): Record<string, string> {
  return {
    'content-type': file.contentType,
    'content-disposition': contentDisposition(file.fileName),
    'cache-control': 'no-store',
  };
}
