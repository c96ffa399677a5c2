// Reading a responsibility list from .xlsx or .csv: the header row (English keys or Chinese labels), then one
// rule per row with its spreadsheet row number. Cell formats: conditions `k=v;k=v` (true/false become
// booleans), co-handlers `type:kind;type:kind` (kind optional).
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import {
  MAX_RULES,
  RULE_COLUMNS,
  type RuleColumn,
  type ResponsibilityRuleInput,
} from '../../../contracts/casesadmin.js';
import { parseCsvRecords } from '../../platform/csv.js';
import { AppError } from '../../platform/http/errors.js';

export interface RowProblem {
  row: number;
  column: RuleColumn;
  code: string;
  params?: Record<string, string | number>;
}

export interface NumberedRule {
  row: number;
  rule: ResponsibilityRuleInput;
}

type Cell = string | number | boolean | null;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (data: Buffer, magic: number[]) => magic.every((b, i) => data[i] === b);
const HEADER_SEARCH_ROWS = 5;

async function readRows(name: string, data: Buffer): Promise<{ row: number; cells: Cell[] }[]> {
  const ext = extname(name).toLowerCase();
  if (startsWith(data, OLE_MAGIC)) throw new AppError('casesadmin.unsupported_format', 400, { name });
  if (startsWith(data, ZIP_MAGIC)) {
    if (ext !== '.xlsx' && ext !== '') throw new AppError('casesadmin.unsupported_format', 400, { name });
    return readXlsx(data);
  }
  if (ext === '.xlsx') throw new AppError('casesadmin.unreadable', 400);
  if (ext !== '.csv' && ext !== '.txt' && ext !== '')
    throw new AppError('casesadmin.unsupported_format', 400, { name });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new AppError('casesadmin.encoding', 400);
  }
  const rows: { row: number; cells: Cell[] }[] = [];
  parseCsvRecords(text).forEach((record, i) => {
    const cells = record.map((c) => (c.trim() === '' ? null : c.trim()));
    if (cells.some((c) => c !== null)) rows.push({ row: i + 1, cells });
  });
  return rows;
}

async function readXlsx(data: Buffer): Promise<{ row: number; cells: Cell[] }[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as never);
  } catch {
    throw new AppError('casesadmin.unreadable', 400);
  }
  const sheet = workbook.worksheets.find((w) => w.state === 'visible') ?? workbook.worksheets[0];
  if (!sheet) return [];
  const rows: { row: number; cells: Cell[] }[] = [];
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
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return xlsxCell(v.richText.map((t) => t.text).join(''));
    if ('formula' in v || 'sharedFormula' in v) return xlsxCell((v as { result?: ExcelJS.CellValue }).result);
    if ('text' in v) return xlsxCell((v as { text?: ExcelJS.CellValue }).text);
  }
  return String(v);
}

const normalise = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_*-]/g, '');
const HEADERS = new Map<string, RuleColumn>(
  RULE_COLUMNS.flatMap((c) => [
    [normalise(c.key), c.key],
    [normalise(c.zh), c.key],
  ]),
);

const text = (c: Cell | undefined): string | null =>
  c === null || c === undefined ? null : String(c).trim() || null;

/** `k=v;k=v` → conditions ('true'/'false' become booleans); null when malformed. */
export function parseConditions(s: string | null): Record<string, string | boolean> | null {
  const out: Record<string, string | boolean> = {};
  if (!s) return out;
  for (const part of s.split(/[;；]/)) {
    const p = part.trim();
    if (!p) continue;
    const eq = p.indexOf('=');
    if (eq <= 0) return null;
    const key = p.slice(0, eq).trim();
    const value = p.slice(eq + 1).trim();
    if (!/^[A-Za-z][A-Za-z0-9]{0,39}$/.test(key) || !value || value.length > 40 || key in out) return null;
    out[key] = value === 'true' ? true : value === 'false' ? false : value;
  }
  return out;
}

/** `type:kind;type` → co-handlers; null when malformed. */
export function parseCoHandlers(s: string | null): { orgType: string; orgKind: string | null }[] | null {
  if (!s) return [];
  const out: { orgType: string; orgKind: string | null }[] = [];
  for (const part of s.split(/[;；]/)) {
    const p = part.trim();
    if (!p) continue;
    const [type, kind, ...rest] = p.split(/[:：]/).map((x) => x.trim());
    if (rest.length || !type) return null;
    out.push({ orgType: type, orgKind: kind ? kind : null });
  }
  return out;
}

/**
 * The rules of an uploaded file with their spreadsheet row numbers, and the cells that could not be read
 * (the service validates the rules themselves). Throws AppError for file-level problems.
 */
export async function readRules(
  name: string,
  data: Buffer,
): Promise<{ rules: NumberedRule[]; problems: RowProblem[] }> {
  const rows = await readRows(name, data);
  if (rows.length === 0) throw new AppError('casesadmin.empty_file', 400);
  let header: { at: number; keys: (RuleColumn | null)[] } | null = null;
  for (let at = 0; at < Math.min(rows.length, HEADER_SEARCH_ROWS) && !header; at++) {
    const keys = rows[at].cells.map((c) => (c === null ? null : (HEADERS.get(normalise(String(c))) ?? null)));
    if (RULE_COLUMNS.filter((c) => c.required).every((c) => keys.includes(c.key))) header = { at, keys };
  }
  if (!header) {
    const first = rows[0].cells.map((c) => (c === null ? null : (HEADERS.get(normalise(String(c))) ?? null)));
    const missing = RULE_COLUMNS.filter((c) => c.required && !first.includes(c.key)).map((c) => c.key);
    throw new AppError('casesadmin.header_missing', 400, { missing: missing.join(', ') });
  }
  const body = rows.slice(header.at + 1);
  if (body.length === 0) throw new AppError('casesadmin.empty_file', 400);
  if (body.length > MAX_RULES) throw new AppError('casesadmin.too_many_rows', 400, { max: MAX_RULES });
  const problems: RowProblem[] = [];
  const rules: NumberedRule[] = [];
  for (const { row, cells } of body) {
    const get = (key: RuleColumn): Cell => {
      const i = header.keys.indexOf(key);
      return i < 0 ? null : (cells[i] ?? null);
    };
    const priorityCell = get('priority');
    let priority = Number.NaN;
    if (typeof priorityCell === 'number') priority = priorityCell;
    else if (typeof priorityCell === 'string' && /^-?\d+$/.test(priorityCell))
      priority = Number(priorityCell);
    if (!Number.isSafeInteger(priority)) {
      problems.push({
        row,
        column: 'priority',
        code: 'priority_invalid',
        params: { value: text(priorityCell) ?? '' },
      });
      priority = 0;
    }
    const conditions = parseConditions(text(get('conditions')));
    if (!conditions) problems.push({ row, column: 'conditions', code: 'conditions_format' });
    const coHandlers = parseCoHandlers(text(get('coHandlers')));
    if (!coHandlers) problems.push({ row, column: 'coHandlers', code: 'cohandlers_format' });
    rules.push({
      row,
      rule: {
        id: text(get('id')) ?? '',
        priority,
        categoryCode: text(get('categoryCode')) ?? '',
        conditions: conditions ?? {},
        districtCode: text(get('districtCode')),
        orgType: text(get('orgType')) ?? '',
        orgKind: text(get('orgKind')),
        coHandlers: coHandlers ?? [],
        source: text(get('source')) ?? '',
      },
    });
  }
  return { rules, problems };
}
