// Reading a responsibility list from .xlsx or .csv (through platform/spreadsheet.ts): the header row (English
// keys or Chinese labels), then one rule per row with its spreadsheet row number. Cell formats: conditions `k=v;k=v` (true/false become
// booleans), co-handlers `type:kind;type:kind` (kind optional).
import {
  MAX_RULES,
  RULE_COLUMNS,
  type RuleColumn,
  type ResponsibilityRuleInput,
} from '../../../contracts/casesadmin.js';
import { AppError } from '../../platform/http/errors.js';
import { readTable, SpreadsheetError, type Cell, type DataRow } from '../../platform/spreadsheet.js';

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

/** A header cell names a column by its English key or its Chinese label. */
const HEADER = RULE_COLUMNS.map((c) => ({ key: c.key, required: c.required, labels: [c.key, c.zh] }));

/** The file as a whole refused: the spreadsheet problem as a casesadmin.* error. */
function fileError(e: SpreadsheetError): AppError {
  const p = e.problem;
  switch (p.code) {
    case 'header_missing':
      return new AppError('casesadmin.header_missing', 400, { missing: p.missing.join(', ') });
    case 'unsupported_format':
      return new AppError('casesadmin.unsupported_format', 400, { name: p.name });
    case 'too_many_rows':
      return new AppError('casesadmin.too_many_rows', 400, { count: p.count, max: p.max });
    case 'header_duplicate':
      return new AppError('casesadmin.header_duplicate', 400, { column: p.column });
    default:
      return new AppError(`casesadmin.${p.code}`, 400);
  }
}

async function readRows(file: { name: string; data: Buffer }): Promise<DataRow[]> {
  try {
    return await readTable(file, HEADER, { maxRows: MAX_RULES });
  } catch (e) {
    throw e instanceof SpreadsheetError ? fileError(e) : e;
  }
}

/** A cell as text; a date cell (xlsx) as its YYYY-MM-DD. */
const text = (c: Cell | undefined): string | null => {
  if (c === null || c === undefined) return null;
  return (c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim()) || null;
};

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
  const body = await readRows({ name, data });
  const problems: RowProblem[] = [];
  const rules: NumberedRule[] = [];
  for (const { row, values } of body) {
    const get = (key: RuleColumn): Cell => values.get(key) ?? null;
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
