// Import validation and planning, one validator per kind. Every row is checked (types, required fields,
// references, duplicates within the file and against the database, data scope); problems are collected,
// never thrown, so that the user gets the whole list at once. A validator returns the rows to insert
// (parents first); the caller inserts them only when there is no problem at all.
import type { RegistryInsert } from '../registry/registry.service.js';
import type { Grant } from '../../../domain/access.js';
import { tryParseAreaM2 } from '../../../domain/area.js';
import { ORGANISATION_TYPES } from '../../../contracts/registry.js';
import {
  IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  OWNER_KIND_LABELS,
  ORGANISATION_TYPE_LABELS,
  UNIT_USE_LABELS,
  type ImportColumn,
  type ImportKind,
} from '../../../contracts/transfer.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/http/messages.js';
import { newId } from '../../platform/ids.js';
import { readTable, SpreadsheetError, type Cell, type DataRow } from '../../platform/spreadsheet.js';
import { rowInScope } from './transfer.policy.js';
import * as repo from './transfer.repo.js';

export const columnLabel = (c: ImportColumn, locale: Locale) => (locale === 'zh-CN' ? c.zh : c.en);

/** The file as a whole refused: the spreadsheet problem as a transfer.* error in `locale`. */
function fileError(e: SpreadsheetError, columns: readonly ImportColumn[], locale: Locale): AppError {
  const p = e.problem;
  switch (p.code) {
    case 'header_missing': {
      const labels = p.missing.map((key) => {
        const column = columns.find((c) => c.key === key);
        return column ? columnLabel(column, locale) : key;
      });
      return new AppError('transfer.header_unrecognised', 400, {
        missing: labels.join(locale === 'zh-CN' ? '、' : ', '),
      });
    }
    case 'unsupported_format':
      return new AppError('transfer.unsupported_format', 400, { name: p.name });
    case 'too_many_rows':
      return new AppError('transfer.too_many_rows', 400, { count: p.count, max: p.max });
    case 'header_duplicate':
      return new AppError('transfer.header_duplicate', 400, { column: p.column });
    default:
      return new AppError(`transfer.${p.code}`, 400);
  }
}

/**
 * The data rows of an uploaded registry file keyed by import column (a column is named by its Chinese
 * label, key, English label or an alias), at most MAX_IMPORT_ROWS. Throws AppError for file-level problems.
 */
export async function readImportFile(
  kind: ImportKind,
  file: { name: string; data: Buffer },
  locale: Locale,
): Promise<DataRow[]> {
  const columns = IMPORT_COLUMNS[kind];
  const header = columns.map((c) => ({
    key: c.key,
    required: c.required,
    labels: [c.zh, c.key, c.en, ...(c.aliases ?? [])],
  }));
  try {
    return await readTable(file, header, { maxRows: MAX_IMPORT_ROWS });
  } catch (e) {
    throw e instanceof SpreadsheetError ? fileError(e, columns, locale) : e;
  }
}

export interface RowProblem {
  row: number;
  key: string;
  code: string;
  params: Record<string, string | number>;
}

export class Problems {
  readonly list: RowProblem[] = [];
  private readonly rows = new Set<number>();
  add(row: number, key: string, code: string, params: Record<string, string | number> = {}): void {
    this.list.push({ row, key, code, params });
    this.rows.add(row);
  }
  has(row: number): boolean {
    return this.rows.has(row);
  }
  get count(): number {
    return this.list.length;
  }
}

export type Insert = RegistryInsert;

export interface Plan {
  inserts: Insert[];
  /** Records of the imported kind created (owners: unit–owner links). */
  imported: number;
}

export interface ImportContext {
  db: Executor;
  grants: readonly Grant[];
  rows: readonly DataRow[];
  problems: Problems;
  now: string;
}

const show = (v: Cell): string => {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

const STREET_LEVELS = new Set(['street', 'town', 'township']);
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Typed access to one row's cells; every problem is recorded against the row and column. */
class Reader {
  constructor(
    private readonly r: DataRow,
    private readonly problems: Problems,
  ) {}

  get row(): number {
    return this.r.row;
  }

  raw(key: string): Cell {
    return this.r.values.get(key) ?? null;
  }

  problem(key: string, code: string, params: Record<string, string | number> = {}): null {
    this.problems.add(this.r.row, key, code, params);
    return null;
  }

  private missing(key: string, required: boolean): null {
    return required ? this.problem(key, 'required') : null;
  }

  text(key: string, o: { required?: boolean; max: number; min?: number; pattern?: RegExp }): string | null {
    const v = this.raw(key);
    if (v === null) return this.missing(key, !!o.required);
    // Excel turns room numbers such as 3-1 into dates: refuse rather than store "2026-03-01".
    if (v instanceof Date) return this.problem(key, 'date_in_text', { value: show(v) });
    const s = String(v).trim();
    if (s.length > o.max) return this.problem(key, 'too_long', { max: o.max });
    if (o.min && s.length < o.min) return this.problem(key, 'too_short', { min: o.min });
    if (o.pattern && !o.pattern.test(s)) return this.problem(key, 'invalid_format', { value: show(v) });
    return s;
  }

  int(key: string, o: { required?: boolean; min: number; max: number }): number | null {
    const v = this.raw(key);
    if (v === null) return this.missing(key, !!o.required);
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < o.min || n > o.max) {
      return this.problem(key, 'not_integer', { min: o.min, max: o.max, value: show(v) });
    }
    return n;
  }

  number(key: string, o: { min: number; max: number }): number | null {
    const v = this.raw(key);
    if (v === null) return null;
    const n =
      typeof v === 'number' ? v : typeof v === 'string' && /^[+-]?\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
    if (!Number.isFinite(n) || n < o.min || n > o.max) {
      return this.problem(key, 'out_of_range', { min: o.min, max: o.max, value: show(v) });
    }
    return n;
  }

  /** m² (at most two decimals) → integer centi-m² via domain/area.ts. */
  area(key: string, o: { allowZero?: boolean } = {}): number | null {
    const v = this.raw(key);
    if (v === null) return null;
    if (v instanceof Date) return this.problem(key, 'area_not_a_number', { value: show(v) });
    const input = typeof v === 'number' ? v : v.replace(/\s*(㎡|m²|m2|平方米)$/i, '');
    const r = tryParseAreaM2(input);
    if (!r.ok) {
      const code =
        r.reason === 'too_many_decimals' || r.reason === 'negative' || r.reason === 'too_large'
          ? `area_${r.reason}`
          : 'area_not_a_number';
      return this.problem(key, code, { value: show(v) });
    }
    if (r.centi === 0 && !o.allowZero) return this.problem(key, 'area_zero');
    return r.centi;
  }

  /** YYYY-MM-DD (also YYYY/M/D, YYYY.M.D, YYYY年M月D日, an Excel date cell or serial number). */
  date(key: string): string | null {
    const v = this.raw(key);
    if (v === null) return null;
    let y: number, m: number, d: number;
    if (v instanceof Date) {
      [y, m, d] = [v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()];
    } else if (typeof v === 'number') {
      if (!Number.isInteger(v) || v < 1 || v > 2_958_465)
        return this.problem(key, 'invalid_date', { value: show(v) });
      const t = new Date(EXCEL_EPOCH_MS + v * 86_400_000);
      [y, m, d] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
    } else {
      const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
      if (!match) return this.problem(key, 'invalid_date', { value: show(v) });
      [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    }
    const t = new Date(Date.UTC(y, m - 1, d));
    if (y < 1900 || y > 2100 || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) {
      return this.problem(key, 'invalid_date', { value: show(v) });
    }
    return t.toISOString().slice(0, 10);
  }

  /** A Chinese label or a code (case-insensitive) → the code. */
  choice<T extends string>(
    key: string,
    labels: Record<string, T>,
    codes: readonly T[],
    o: { required?: boolean; fallback?: T },
  ): T | null {
    const v = this.raw(key);
    if (v === null) return o.fallback ?? this.missing(key, !!o.required);
    const s = String(v).trim();
    const found = labels[s] ?? codes.find((c) => c.toLowerCase() === s.toLowerCase());
    if (found) return found;
    const choices = Object.keys(labels).slice(0, 12).join('/');
    return this.problem(key, 'invalid_choice', { choices, value: show(v) });
  }
}

const keyOf = (...parts: string[]) => parts.join('\u0000');

/** Remembers the first row of each key; reports later rows as duplicates. */
function firstRows() {
  const seen = new Map<string, number>();
  return (key: string, r: Reader, column: string, value: string): boolean => {
    const other = seen.get(key);
    if (other !== undefined) {
      r.problem(column, 'duplicate_in_file', { other, value });
      return true;
    }
    seen.set(key, r.row);
    return false;
  };
}

const stamps = (now: string) => ({ created_at: now, updated_at: now, version: 1 });

interface CompoundRef {
  id: string;
  street_code: string;
}

/** Compounds named by code that exist and lie in the importer's scope (others are reported alike: no leak). */
async function resolveCompounds(ctx: ImportContext, readers: Reader[]) {
  const codes = readers.map((r) => r.text('compoundCode', { required: true, max: 40 }));
  const found = await repo.compoundsByCodes(
    ctx.db,
    codes.filter((c): c is string => !!c),
  );
  const byCode = new Map(found.map((c) => [c.code, c]));
  return readers.map((r, i): CompoundRef | null => {
    const code = codes[i];
    if (!code) return null;
    const c = byCode.get(code);
    if (!c || !rowInScope(ctx.grants, c.street_code)) {
      r.problem('compoundCode', 'compound_unknown', { value: code });
      return null;
    }
    return c;
  });
}

async function validateCompounds(ctx: ImportContext): Promise<Plan> {
  const readers = ctx.rows.map((row) => new Reader(row, ctx.problems));
  const parsed = readers.map((r) => ({
    r,
    code: r.text('code', { required: true, max: 40 }),
    name: r.text('name', { required: true, min: 2, max: 100 }),
    address: r.text('address', { required: true, min: 2, max: 200 }),
    streetCode: r.text('streetCode', { required: true, max: 9, pattern: /^\d{9}$/ }),
    rc: r.text('residentsCommittee', { max: 100 }),
    buildingArea: r.area('buildingArea', { allowZero: true }),
    firstDeliveryOn: r.date('firstDeliveryOn'),
    lat: r.number('lat', { min: -90, max: 90 }),
    lng: r.number('lng', { min: -180, max: 180 }),
    managementAreaName: r.text('managementAreaName', { max: 100 }),
  }));
  const streets = new Map(
    (
      await repo.divisionsByCodes(
        ctx.db,
        parsed.flatMap((p) => (p.streetCode ? [p.streetCode] : [])),
      )
    ).map((d) => [d.code, d]),
  );
  const taken = new Set(
    (
      await repo.compoundsByCodes(
        ctx.db,
        parsed.flatMap((p) => (p.code ? [p.code] : [])),
      )
    ).map((c) => c.code),
  );
  const rcs = await repo.residentsCommitteesOfStreets(ctx.db, streets.keys());
  const duplicate = firstRows();
  const inserts: Insert[] = [];
  for (const p of parsed) {
    const { r } = p;
    let street: { code: string; parent_code: string | null } | null = null;
    if (p.streetCode) {
      const d = streets.get(p.streetCode);
      if (!d) r.problem('streetCode', 'division_unknown', { value: p.streetCode });
      else if (!STREET_LEVELS.has(d.level) || !d.parent_code)
        r.problem('streetCode', 'not_street', { value: p.streetCode });
      else if (!rowInScope(ctx.grants, d.code))
        r.problem('streetCode', 'out_of_scope', { value: p.streetCode });
      else street = d;
    }
    if (p.code && !duplicate(p.code, r, 'code', p.code) && street && taken.has(p.code)) {
      r.problem('code', 'compound_code_taken', { value: p.code });
    }
    let rcId: string | null = null;
    if (p.rc && street) {
      const matches = rcs.filter((o) => o.division_code === street.code && o.name === p.rc);
      if (matches.length === 0) r.problem('residentsCommittee', 'rc_unknown', { value: p.rc });
      else if (matches.length > 1) r.problem('residentsCommittee', 'rc_ambiguous', { value: p.rc });
      else rcId = matches[0].id;
    }
    if (ctx.problems.has(r.row) || !street) continue;
    inserts.push({
      table: 'compounds',
      row: {
        id: newId(),
        code: p.code,
        name: p.name,
        address: p.address,
        district_code: street.parent_code,
        street_code: street.code,
        residents_committee_id: rcId,
        grid_cell_id: null,
        lat: p.lat,
        lng: p.lng,
        building_area: p.buildingArea ?? 0,
        first_delivery_on: p.firstDeliveryOn,
        management_area_name: p.managementAreaName,
        ...stamps(ctx.now),
      },
    });
  }
  return { inserts, imported: inserts.length };
}

async function validateBuildings(ctx: ImportContext): Promise<Plan> {
  const readers = ctx.rows.map((row) => new Reader(row, ctx.problems));
  const compounds = await resolveCompounds(ctx, readers);
  const parsed = readers.map((r, i) => ({
    r,
    compound: compounds[i],
    name: r.text('name', { required: true, max: 50 }),
    floors: r.int('floors', { required: true, min: 1, max: 200 }),
  }));
  const existing = await repo.buildingsOfCompounds(
    ctx.db,
    compounds.flatMap((c) => (c ? [c.id] : [])),
  );
  const taken = new Set(existing.map((b) => keyOf(b.compound_id, b.name)));
  const duplicate = firstRows();
  const inserts: Insert[] = [];
  for (const p of parsed) {
    if (p.compound && p.name) {
      const key = keyOf(p.compound.id, p.name);
      if (!duplicate(key, p.r, 'name', p.name) && taken.has(key))
        p.r.problem('name', 'building_taken', { value: p.name });
    }
    if (ctx.problems.has(p.r.row) || !p.compound) continue;
    inserts.push({
      table: 'buildings',
      row: { id: newId(), compound_id: p.compound.id, name: p.name, floors: p.floors, ...stamps(ctx.now) },
    });
  }
  return { inserts, imported: inserts.length };
}

const UNIT_USES = Object.values(UNIT_USE_LABELS);
const OWNER_KINDS = Object.values(OWNER_KIND_LABELS);

/** Compound → building (by name) for rows with compoundCode and building columns. */
async function resolveBuildings(ctx: ImportContext, readers: Reader[]) {
  const compounds = await resolveCompounds(ctx, readers);
  const names = readers.map((r) => r.text('building', { required: true, max: 50 }));
  const buildings = await repo.buildingsOfCompounds(
    ctx.db,
    compounds.flatMap((c) => (c ? [c.id] : [])),
  );
  const byKey = new Map(buildings.map((b) => [keyOf(b.compound_id, b.name), b]));
  return readers.map((r, i) => {
    const compound = compounds[i];
    const name = names[i];
    if (!compound || !name) return null;
    const b = byKey.get(keyOf(compound.id, name));
    if (!b) {
      r.problem('building', 'building_unknown', { value: name });
      return null;
    }
    return { compound, building: b };
  });
}

async function validateUnits(ctx: ImportContext): Promise<Plan> {
  const readers = ctx.rows.map((row) => new Reader(row, ctx.problems));
  const refs = await resolveBuildings(ctx, readers);
  const parsed = readers.map((r, i) => {
    const p = {
      r,
      ref: refs[i],
      number: r.text('number', { required: true, max: 20 }),
      use: r.choice('use', UNIT_USE_LABELS, UNIT_USES, { required: true }),
      registeredArea: r.area('registeredArea'),
      surveyedArea: r.area('surveyedArea'),
      contractArea: r.area('contractArea'),
      deliveredOn: r.date('deliveredOn'),
      entrance: r.text('entrance', { max: 20 }),
    };
    const anyArea = ['registeredArea', 'surveyedArea', 'contractArea'].some((k) => r.raw(k) !== null);
    if (!anyArea) r.problem('registeredArea', 'area_missing');
    return p;
  });
  const existing = await repo.unitsOfBuildings(
    ctx.db,
    refs.flatMap((x) => (x ? [x.building.id] : [])),
  );
  const taken = new Set(existing.map((u) => keyOf(u.building_id, u.number)));
  const duplicate = firstRows();
  const inserts: Insert[] = [];
  for (const p of parsed) {
    if (p.ref && p.number) {
      const key = keyOf(p.ref.building.id, p.number);
      if (!duplicate(key, p.r, 'number', p.number) && taken.has(key))
        p.r.problem('number', 'unit_taken', { value: p.number });
    }
    if (ctx.problems.has(p.r.row) || !p.ref) continue;
    inserts.push({
      table: 'units',
      row: {
        id: newId(),
        compound_id: p.ref.compound.id,
        building_id: p.ref.building.id,
        number: p.number,
        use: p.use,
        registered_area: p.registeredArea,
        surveyed_area: p.surveyedArea,
        contract_area: p.contractArea,
        delivered_on: p.deliveredOn,
        entrance: p.entrance,
        ...stamps(ctx.now),
      },
    });
  }
  return { inserts, imported: inserts.length };
}

async function validateOwners(ctx: ImportContext): Promise<Plan> {
  const readers = ctx.rows.map((row) => new Reader(row, ctx.problems));
  const refs = await resolveBuildings(ctx, readers);
  const numbers = readers.map((r) => r.text('number', { required: true, max: 20 }));
  const units = await repo.unitsOfBuildings(
    ctx.db,
    refs.flatMap((x) => (x ? [x.building.id] : [])),
  );
  const unitByKey = new Map(units.map((u) => [keyOf(u.building_id, u.number), u]));
  const parsed = readers.map((r, i) => {
    const ref = refs[i];
    const number = numbers[i];
    let unit: (typeof units)[number] | null = null;
    if (ref && number) {
      unit = unitByKey.get(keyOf(ref.building.id, number)) ?? null;
      if (!unit) r.problem('number', 'unit_unknown', { value: number });
    }
    const rawId = r.raw('idNumber');
    const idNumber =
      typeof rawId === 'number' && !Number.isSafeInteger(rawId)
        ? r.problem('idNumber', 'id_number_as_number')
        : (r.text('idNumber', { max: 30, pattern: /^[0-9A-Za-z()-]{4,30}$/ })?.toUpperCase() ?? null);
    return {
      r,
      unit,
      name: r.text('name', { required: true, max: 100 }),
      kind: r.choice('kind', OWNER_KIND_LABELS, OWNER_KINDS, { fallback: 'person' }),
      phone: r.text('phone', { max: 30, pattern: /^[0-9+()\- ]{3,30}$/ }),
      idNumber,
    };
  });
  const known = new Map<string, { id: string; name: string }>();
  for (const o of await repo.ownersByIdNumbers(
    ctx.db,
    parsed.flatMap((p) => (p.idNumber ? [p.idNumber] : [])),
  )) {
    if (o.id_number && !known.has(o.id_number)) known.set(o.id_number, o);
  }
  const links = await repo.ownersOfUnits(
    ctx.db,
    parsed.flatMap((p) => (p.unit ? [p.unit.id] : [])),
  );
  const duplicate = firstRows();
  const inFile = new Map<string, { row: number; name: string | null; id: string }>();
  const owners: Insert[] = [];
  const unitOwners: Insert[] = [];
  for (const p of parsed) {
    const { r } = p;
    const dbOwner = p.idNumber ? known.get(p.idNumber) : undefined;
    if (dbOwner && p.name && dbOwner.name !== p.name) {
      r.problem('idNumber', 'owner_name_mismatch', { value: p.idNumber! });
    }
    const first = p.idNumber ? inFile.get(p.idNumber) : undefined;
    if (first && p.name && first.name && first.name !== p.name) {
      r.problem('name', 'owner_name_mismatch_in_file', { value: p.idNumber!, other: first.row });
    }
    if (p.unit && p.name) {
      const key = keyOf(p.unit.id, p.idNumber ? `id:${p.idNumber}` : `name:${p.name}`);
      if (!duplicate(key, r, 'name', p.name)) {
        const linked = links.some(
          (l) =>
            l.unit_id === p.unit!.id &&
            (dbOwner ? l.id === dbOwner.id : p.idNumber ? l.id_number === p.idNumber : l.name === p.name),
        );
        if (linked) r.problem('name', 'owner_linked', { value: p.name });
      }
    }
    let ownerId = dbOwner?.id ?? first?.id;
    if (!ownerId) {
      ownerId = newId();
      if (p.idNumber) inFile.set(p.idNumber, { row: r.row, name: p.name, id: ownerId });
      owners.push({
        table: 'owners',
        row: {
          id: ownerId,
          kind: p.kind,
          name: p.name,
          phone: p.phone,
          id_number: p.idNumber,
          ...stamps(ctx.now),
        },
      });
    }
    if (ctx.problems.has(r.row) || !p.unit) continue;
    unitOwners.push({
      table: 'unit_owners',
      row: { unit_id: p.unit.id, owner_id: ownerId, compound_id: p.unit.compound_id },
    });
  }
  // Only reached for writing when there is no problem at all, so every new owner has its link.
  return { inserts: [...owners, ...unitOwners], imported: unitOwners.length };
}

const ORG_TYPES = [...ORGANISATION_TYPES];

async function validateOrganisations(ctx: ImportContext): Promise<Plan> {
  const readers = ctx.rows.map((row) => new Reader(row, ctx.problems));
  const parsed = readers.map((r) => {
    const rawCoverage = r.text('coverage', { max: 4000 });
    const coverage: string[] = [];
    for (const code of rawCoverage ? rawCoverage.split(/[;；、,，\s]+/).filter(Boolean) : []) {
      if (/^\d{9}$/.test(code)) coverage.push(code);
      else r.problem('coverage', 'coverage_unknown', { value: code });
    }
    const creditRaw = r.text('creditCode', { max: 30 })?.toUpperCase() ?? null;
    const creditCode =
      creditRaw && !/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(creditRaw)
        ? r.problem('creditCode', 'credit_code', { value: creditRaw })
        : creditRaw;
    return {
      r,
      id: newId(),
      type: r.choice('type', ORGANISATION_TYPE_LABELS, ORG_TYPES, { required: true }),
      kind: r.text('kind', { max: 50 }),
      name: r.text('name', { required: true, min: 2, max: 100 }),
      divisionCode: r.text('divisionCode', { required: true, max: 9, pattern: /^\d{6}(\d{3})?$/ }),
      parentName: r.text('parentName', { max: 100 }),
      creditCode,
      phone: r.text('phone', { max: 30 }),
      address: r.text('address', { max: 200 }),
      coverage: [...new Set(coverage)],
      parent: null as string | null,
      parentRow: null as number | null,
    };
  });
  const divisions = new Map(
    (
      await repo.divisionsByCodes(
        ctx.db,
        parsed.flatMap((p) => [...(p.divisionCode ? [p.divisionCode] : []), ...p.coverage]),
      )
    ).map((d) => [d.code, d]),
  );
  const names = parsed.flatMap((p) => [...(p.name ? [p.name] : []), ...(p.parentName ? [p.parentName] : [])]);
  const existing = await repo.organisationsByNames(ctx.db, names);
  const taken = new Set(existing.map((o) => keyOf(o.type, o.name)));
  const duplicate = firstRows();
  const byName = new Map<string, number[]>(); // name → indexes in parsed
  parsed.forEach((p, i) => {
    if (p.name) byName.set(p.name, [...(byName.get(p.name) ?? []), i]);
  });
  parsed.forEach((p, i) => {
    const { r } = p;
    if (p.divisionCode) {
      if (!divisions.has(p.divisionCode))
        r.problem('divisionCode', 'division_unknown', { value: p.divisionCode });
      else if (!rowInScope(ctx.grants, p.divisionCode))
        r.problem('divisionCode', 'out_of_scope', { value: p.divisionCode });
    }
    for (const code of p.coverage) {
      const d = divisions.get(code);
      if (!d || !STREET_LEVELS.has(d.level)) r.problem('coverage', 'coverage_unknown', { value: code });
    }
    if (p.type && p.name) {
      const key = keyOf(p.type, p.name);
      if (!duplicate(key, r, 'name', p.name) && taken.has(key))
        r.problem('name', 'organisation_taken', { value: p.name });
    }
    if (p.parentName) {
      const inDb = existing.filter((o) => o.name === p.parentName);
      const inFile = (byName.get(p.parentName) ?? []).filter((j) => j !== i);
      if (inDb.length + inFile.length === 0)
        r.problem('parentName', 'parent_unknown', { value: p.parentName });
      else if (inDb.length + inFile.length > 1)
        r.problem('parentName', 'parent_ambiguous', { value: p.parentName });
      else if (inDb.length === 1) p.parent = inDb[0].id;
      else p.parentRow = inFile[0];
    }
  });
  // Parents within the file: no cycles; insert parents first (by depth).
  const depth = new Map<number, number>();
  parsed.forEach((p, i) => {
    let d = 0;
    let j: number | null = p.parentRow;
    const path = [i];
    while (j !== null) {
      if (path.includes(j)) {
        p.r.problem('parentName', 'parent_cycle', { value: path.map((k) => parsed[k].name).join(' → ') });
        break;
      }
      path.push(j);
      d++;
      j = parsed[j].parentRow;
    }
    depth.set(i, d);
    if (p.parentRow !== null) p.parent = parsed[p.parentRow].id;
  });
  const order = parsed.map((_, i) => i).sort((a, b) => depth.get(a)! - depth.get(b)! || a - b);
  const organisations: Insert[] = [];
  const coverage: Insert[] = [];
  for (const i of order) {
    const p = parsed[i];
    if (ctx.problems.has(p.r.row)) continue;
    organisations.push({
      table: 'organisations',
      row: {
        id: p.id,
        type: p.type,
        kind: p.kind,
        name: p.name,
        short_name: null,
        division_code: p.divisionCode,
        parent_id: p.parent,
        credit_code: p.creditCode,
        phone: p.phone,
        address: p.address,
        ...stamps(ctx.now),
      },
    });
    for (const code of p.coverage)
      coverage.push({ table: 'organisation_coverage', row: { organisation_id: p.id, division_code: code } });
  }
  return { inserts: [...organisations, ...coverage], imported: organisations.length };
}

export const VALIDATORS: Record<ImportKind, (ctx: ImportContext) => Promise<Plan>> = {
  compounds: validateCompounds,
  buildings: validateBuildings,
  units: validateUnits,
  owners: validateOwners,
  organisations: validateOrganisations,
};
