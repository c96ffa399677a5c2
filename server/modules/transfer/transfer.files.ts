// Spreadsheet files: reading .xlsx/.csv into rows keyed by import column (with spreadsheet row numbers),
// and writing .csv (UTF-8 with BOM) and .xlsx.
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { MAX_IMPORT_ROWS, type ImportColumn } from '../../../contracts/transfer.js';
import { parseCsvRecords, toCsvLine } from '../../platform/csv.js';
import { AppError } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/http/messages.js';

/** A cell as read: text (trimmed, never empty), a number, a date (xlsx), or null when blank. */
export type Cell = string | number | Date | null;

export interface SheetRow {
  /** Spreadsheet row number (1-based; the header is normally row 1). */
  row: number;
  cells: Cell[];
}

export interface DataRow {
  row: number;
  values: Map<string, Cell>;
}

export type FileFormat = 'csv' | 'xlsx';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // legacy .xls (BIFF)
const startsWith = (data: Buffer, magic: number[]) => magic.every((b, i) => data[i] === b);
/** How many rows above the header (a title row, notes) are tolerated. */
const HEADER_SEARCH_ROWS = 10;

/** By content first (an .xlsx is a zip), then by extension. */
export function detectFormat(name: string, data: Buffer): FileFormat {
  const ext = extname(name).toLowerCase();
  if (startsWith(data, ZIP_MAGIC) && (ext === '.xlsx' || ext === '.csv' || ext === '')) return 'xlsx';
  if (startsWith(data, OLE_MAGIC) || startsWith(data, ZIP_MAGIC)) {
    throw new AppError('transfer.unsupported_format', 400, { name });
  }
  if (ext === '.xlsx') throw new AppError('transfer.unreadable', 400);
  if (ext === '.csv' || ext === '.txt' || ext === '') return 'csv';
  throw new AppError('transfer.unsupported_format', 400, { name });
}

/** All non-blank rows of the first visible worksheet (xlsx) or of the CSV text. */
export async function readSheet(name: string, data: Buffer): Promise<SheetRow[]> {
  return detectFormat(name, data) === 'xlsx' ? readXlsx(data) : readCsv(data);
}

function normaliseText(s: string): string | null {
  const t = s.trim();
  return t === '' ? null : t;
}

function readCsv(data: Buffer): SheetRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new AppError('transfer.encoding', 400);
  }
  const records = parseCsvRecords(text);
  if (records.length > MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS + 1) {
    const nonBlank = records.filter((r) => r.some((c) => c.trim() !== '')).length;
    if (nonBlank > MAX_IMPORT_ROWS + 1) tooMany(nonBlank - 1);
  }
  const rows: SheetRow[] = [];
  records.forEach((record, i) => {
    const cells = record.map(normaliseText);
    if (cells.some((c) => c !== null)) rows.push({ row: i + 1, cells });
  });
  return rows;
}

function tooMany(count: number): never {
  throw new AppError('transfer.too_many_rows', 400, { count, max: MAX_IMPORT_ROWS });
}

async function readXlsx(data: Buffer): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as never);
  } catch {
    throw new AppError('transfer.unreadable', 400);
  }
  const sheet = workbook.worksheets.find((w) => w.state === 'visible') ?? workbook.worksheets[0];
  if (!sheet) return [];
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) tooMany(sheet.actualRowCount - 1);
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values : [];
    const cells: Cell[] = [];
    for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
    if (cells.some((c) => c !== null)) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

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

function headerIndex(columns: readonly ImportColumn[]): Map<string, ImportColumn> {
  const index = new Map<string, ImportColumn>();
  for (const c of columns) {
    for (const label of [c.zh, c.key, c.en, ...(c.aliases ?? [])]) index.set(normaliseHeader(label), c);
  }
  return index;
}

export const columnLabel = (c: ImportColumn, locale: Locale) => (locale === 'zh-CN' ? c.zh : c.en);

/**
 * Finds the header row (row 1, or the first row within the first few that names every required column)
 * and returns the data rows below it keyed by column key.
 */
export function mapColumns(rows: SheetRow[], columns: readonly ImportColumn[], locale: Locale): DataRow[] {
  if (rows.length === 0) throw new AppError('transfer.empty_file', 400);
  const index = headerIndex(columns);
  const required = columns.filter((c) => c.required);
  let header: { at: number; keys: (string | null)[] } | null = null;
  let firstMissing: ImportColumn[] | null = null;
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
      if (duplicate) throw new AppError('transfer.header_duplicate', 400, { column: duplicate });
      header = { at, keys };
      break;
    }
  }
  if (!header) {
    const list = (firstMissing ?? required).map((c) => columnLabel(c, locale));
    throw new AppError('transfer.header_unrecognised', 400, {
      missing: list.join(locale === 'zh-CN' ? '、' : ', '),
    });
  }
  const data = rows.slice(header.at + 1);
  if (data.length === 0) throw new AppError('transfer.empty_file', 400);
  if (data.length > MAX_IMPORT_ROWS) tooMany(data.length);
  const keys = header.keys;
  return data.map((r) => {
    const values = new Map<string, Cell>();
    keys.forEach((key, i) => {
      if (key && !values.has(key)) values.set(key, r.cells[i] ?? null);
    });
    return { row: r.row, values };
  });
}

// ---- writing ----

export type OutValue = string | number | null;

export interface OutColumn {
  header: string;
  /** 'area' cells are m² numbers shown with two decimals in .xlsx (exact strings in .csv). */
  type?: 'text' | 'area' | 'int';
  width?: number;
}

/** UTF-8 CSV with a BOM, so that Excel opens Chinese text correctly. */
export function csvBuffer(columns: readonly OutColumn[], rows: readonly OutValue[][]): Buffer {
  const lines = [`\uFEFF${toCsvLine(columns.map((c) => c.header))}`];
  for (const r of rows) lines.push(toCsvLine(r));
  return Buffer.from(lines.join(''), 'utf8');
}

const XLSX_CELL_MAX = 32_767;

export async function xlsxBuffer(
  sheetName: string,
  columns: readonly OutColumn[],
  rows: readonly OutValue[][],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongzhi 共治';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.min(40, Math.max(10, c.header.length * 2 + 4)),
    style: c.type === 'area' ? { numFmt: '0.00' } : c.type === 'int' ? { numFmt: '0' } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow(
      r.map((v, i) => {
        if (v === null) return null;
        const type = columns[i]?.type;
        if ((type === 'area' || type === 'int') && typeof v === 'string' && v !== '') return Number(v);
        if (typeof v === 'string' && v.length > XLSX_CELL_MAX) return `${v.slice(0, XLSX_CELL_MAX - 1)}…`;
        return v;
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
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

export const CONTENT_TYPES: Record<FileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
