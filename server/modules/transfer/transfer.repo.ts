// Lookups for import validation (always in bulk, chunked `in` lists) and the import lock.
import type { Executor } from '../../platform/db/database.js';
import { advisoryLock } from '../../platform/db/locks.js';

/** Serialises imports on PostgreSQL (SQLite writers are already serial). */
const IMPORT_LOCK = 727_101;
/** Values per `in (…)` list: well below SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

export async function lockImports(trx: Executor): Promise<void> {
  await advisoryLock(trx, IMPORT_LOCK);
}

async function inChunks<T>(values: Iterable<string>, fn: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const all = [...new Set(values)];
  const out: T[] = [];
  for (let i = 0; i < all.length; i += CHUNK) out.push(...(await fn(all.slice(i, i + CHUNK))));
  return out;
}

export function divisionsByCodes(db: Executor, codes: Iterable<string>) {
  return inChunks(codes, (chunk) =>
    db
      .selectFrom('divisions')
      .select(['code', 'name', 'level', 'parent_code'])
      .where('code', 'in', chunk)
      .execute(),
  );
}

export function compoundsByCodes(db: Executor, codes: Iterable<string>) {
  return inChunks(codes, (chunk) =>
    db
      .selectFrom('compounds')
      .select(['id', 'code', 'street_code', 'district_code'])
      .where('code', 'in', chunk)
      .execute(),
  );
}

export function residentsCommitteesOfStreets(db: Executor, streetCodes: Iterable<string>) {
  return inChunks(streetCodes, (chunk) =>
    db
      .selectFrom('organisations')
      .select(['id', 'name', 'division_code'])
      .where('type', '=', 'residents_committee')
      .where('division_code', 'in', chunk)
      .execute(),
  );
}

export function buildingsOfCompounds(db: Executor, compoundIds: Iterable<string>) {
  return inChunks(compoundIds, (chunk) =>
    db
      .selectFrom('buildings')
      .select(['id', 'compound_id', 'name'])
      .where('compound_id', 'in', chunk)
      .execute(),
  );
}

export function unitsOfBuildings(db: Executor, buildingIds: Iterable<string>) {
  return inChunks(buildingIds, (chunk) =>
    db
      .selectFrom('units')
      .select(['id', 'building_id', 'compound_id', 'number'])
      .where('building_id', 'in', chunk)
      .execute(),
  );
}

export function ownersByIdNumbers(db: Executor, idNumbers: Iterable<string>) {
  return inChunks(idNumbers, (chunk) =>
    db
      .selectFrom('owners')
      .select(['id', 'name', 'id_number', 'created_at'])
      .where('id_number', 'in', chunk)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  );
}

export function ownersOfUnits(db: Executor, unitIds: Iterable<string>) {
  return inChunks(unitIds, (chunk) =>
    db
      .selectFrom('unit_owners')
      .innerJoin('owners', 'owners.id', 'unit_owners.owner_id')
      .select(['unit_owners.unit_id', 'owners.id', 'owners.name', 'owners.id_number'])
      .where('unit_owners.unit_id', 'in', chunk)
      .execute(),
  );
}

export function organisationsByNames(db: Executor, names: Iterable<string>) {
  return inChunks(names, (chunk) =>
    db
      .selectFrom('organisations')
      .select(['id', 'type', 'name', 'division_code'])
      .where('name', 'in', chunk)
      .execute(),
  );
}

/** A unique-index violation (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY). */
