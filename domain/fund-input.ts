// Validation of the documents `gongzhi fund share` and `gongzhi fund topup` read (CONTRACTS.md, maintenance fund),
// into the exact integers domain/fund.ts computes with. Pure. Unknown keys are ignored; every problem is
// reported with its path, and nothing is computed while any remains.
import { tryParseAreaM2 } from './area.js';
import type { ShareUnit } from './fund.js';

export interface FundProblem {
  path: string;
  message: string;
}

export type FundValidation<T> = { ok: true; value: T } | { ok: false; problems: FundProblem[] };

/** A unit or ledger id as given: a non-empty string, or a whole number (echoed back unchanged). */
export type FundId = string | number;

export interface ShareInput {
  costFen: number;
  units: (ShareUnit & { given: FundId })[];
}

export interface TopUpInput {
  ledgers: { id: FundId; initialFen: number; balanceFen: number }[];
}

const AREA_FIELDS = ['registeredArea', 'surveyedArea', 'contractArea'] as const;

/** `{"cost": C, "units": [{"id", "registeredArea"?, "surveyedArea"?, "contractArea"?}]}`. */
export function validateShareInput(raw: unknown): FundValidation<ShareInput> {
  const problems: FundProblem[] = [];
  if (!isRecord(raw)) return invalid('', `the input must be a JSON object, not ${kind(raw)}`);
  const costFen = amount(raw.cost, 'cost', 'the cost', true, problems);
  const units: ShareInput['units'] = [];
  const list = raw.units;
  if (!Array.isArray(list)) {
    problems.push({ path: 'units', message: `"units" must be an array, not ${kind(list)}` });
  } else if (list.length === 0) {
    problems.push({ path: 'units', message: 'the units list is empty: there is no one to share the cost' });
  } else {
    const seen = new Map<string, number>();
    list.forEach((u: unknown, i: number) => {
      const path = `units[${i}]`;
      if (!isRecord(u)) {
        problems.push({ path, message: `${path} must be an object, not ${kind(u)}` });
        return;
      }
      const id = checkId(u.id, path, seen, i, problems);
      const label = id === null ? path : `unit ${JSON.stringify(id)}`;
      const centi = unitArea(u, path, label, problems);
      if (id !== null && centi !== null) units.push({ id: String(id), given: id, centi });
    });
  }
  if (problems.length > 0 || costFen === null) return { ok: false, problems };
  return { ok: true, value: { costFen, units } };
}

/** `{"ledgers": [{"id", "initial": Y, "balance": Y}]}`. */
export function validateTopUpInput(raw: unknown): FundValidation<TopUpInput> {
  const problems: FundProblem[] = [];
  if (!isRecord(raw)) return invalid('', `the input must be a JSON object, not ${kind(raw)}`);
  const ledgers: TopUpInput['ledgers'] = [];
  const list = raw.ledgers;
  if (!Array.isArray(list)) {
    problems.push({ path: 'ledgers', message: `"ledgers" must be an array, not ${kind(list)}` });
  } else if (list.length === 0) {
    problems.push({ path: 'ledgers', message: 'the ledgers list is empty' });
  } else {
    const seen = new Map<string, number>();
    list.forEach((l: unknown, i: number) => {
      const path = `ledgers[${i}]`;
      if (!isRecord(l)) {
        problems.push({ path, message: `${path} must be an object, not ${kind(l)}` });
        return;
      }
      const id = checkId(l.id, path, seen, i, problems);
      const label = id === null ? path : `ledger ${JSON.stringify(id)}`;
      const initialFen = amount(l.initial, `${path}.initial`, `${label}: initial`, true, problems);
      const balanceFen = amount(l.balance, `${path}.balance`, `${label}: balance`, false, problems);
      if (id !== null && initialFen !== null && balanceFen !== null)
        ledgers.push({ id, initialFen, balanceFen });
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { ledgers } };
}

function invalid<T>(path: string, message: string): FundValidation<T> {
  return { ok: false, problems: [{ path, message }] };
}

/** A yuan amount (number or decimal string, at most two decimals) in fen; `positive` refuses 0. */
function amount(
  v: unknown,
  path: string,
  label: string,
  positive: boolean,
  problems: FundProblem[],
): number | null {
  if (v === undefined || v === null) {
    problems.push({ path, message: `${label} is missing (a sum in yuan with at most two decimals)` });
    return null;
  }
  if (typeof v !== 'number' && typeof v !== 'string') {
    problems.push({ path, message: `${label} must be a number of yuan, not ${kind(v)}` });
    return null;
  }
  const r = tryParseAreaM2(v); // the same exact two-decimal parser as areas (domain/money.ts)
  if (!r.ok) {
    problems.push({ path, message: `${label} ${r.message.replace(/ m²/g, '')}` });
    return null;
  }
  if (positive && r.centi === 0) {
    problems.push({ path, message: `${label} is 0; it must be greater than 0` });
    return null;
  }
  return r.centi;
}

function checkId(
  v: unknown,
  path: string,
  seen: Map<string, number>,
  index: number,
  problems: FundProblem[],
): FundId | null {
  const ok = (typeof v === 'string' && v.length > 0) || (typeof v === 'number' && Number.isSafeInteger(v));
  if (!ok) {
    problems.push({
      path: `${path}.id`,
      message: `${path}: "id" must be a non-empty string, not ${kind(v)}`,
    });
    return null;
  }
  const id = v as FundId;
  const key = `${typeof id}:${String(id)}`;
  const first = seen.get(key);
  if (first !== undefined) {
    problems.push({
      path: `${path}.id`,
      message: `id ${JSON.stringify(id)} appears more than once (${path.replace(/\[\d+\]$/, '')}[${first}] and ${path})`,
    });
    return null;
  }
  seen.set(key, index);
  return id;
}

/** The unit's sharing area (区分所有权解释 Art 8 precedence): registered, else surveyed, else contract. */
function unitArea(
  u: Record<string, unknown>,
  path: string,
  label: string,
  problems: FundProblem[],
): number | null {
  for (const field of AREA_FIELDS) {
    const v = u[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' && typeof v !== 'string') {
      problems.push({
        path: `${path}.${field}`,
        message: `${label}: ${field} must be a number of m² or null, not ${kind(v)}`,
      });
      return null;
    }
    const r = tryParseAreaM2(v);
    if (!r.ok) {
      problems.push({ path: `${path}.${field}`, message: `${label}: ${field} ${r.message}` });
      return null;
    }
    if (r.centi === 0) {
      problems.push({
        path: `${path}.${field}`,
        message: `${label}: ${field} is 0; a unit must have a positive area`,
      });
      return null;
    }
    return r.centi;
  }
  problems.push({
    path,
    message: `${label} has no area (registeredArea, surveyedArea and contractArea are all missing)`,
  });
  return null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function kind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v);
  return typeof v;
}
