// Queries of the register of Art 20 ¶2 grounds (unit_violations, 《规定》 Art 20 ¶2 "且未改正").
import type { Executor } from '../../../platform/db/database.js';
import { keysetPage } from '../../../platform/db/keyset.js';
import type { UnitViolationTable } from '../../../platform/db/schema.js';

const COLUMNS = [
  'unit_violations.id',
  'unit_violations.compound_id',
  'unit_violations.unit_id',
  'unit_violations.ground',
  'unit_violations.found_on',
  'unit_violations.corrected_on',
  'unit_violations.note',
  'unit_violations.created_at',
  'unit_violations.version',
] as const;

const base = (db: Executor) =>
  db
    .selectFrom('unit_violations')
    .innerJoin('units', 'units.id', 'unit_violations.unit_id')
    .innerJoin('buildings', 'buildings.id', 'units.building_id')
    .select(COLUMNS)
    .select(['units.number as unit_number', 'buildings.name as building_name']);

export async function listViolations(
  db: Executor,
  compoundId: string,
  f: { unit?: string; open?: boolean; after: [string, string] | null; limit: number },
) {
  let q = base(db).where('unit_violations.compound_id', '=', compoundId);
  if (f.unit) q = q.where('unit_violations.unit_id', '=', f.unit);
  if (f.open === true) q = q.where('unit_violations.corrected_on', 'is', null);
  if (f.open === false) q = q.where('unit_violations.corrected_on', 'is not', null);
  return keysetPage(
    q,
    'unit_violations.created_at',
    'unit_violations.id',
    f.after,
    f.limit,
    'desc',
  ).execute();
}

export async function violation(db: Executor, id: string) {
  return base(db).where('unit_violations.id', '=', id).executeTakeFirst();
}

export async function insertViolation(db: Executor, row: UnitViolationTable): Promise<void> {
  await db.insertInto('unit_violations').values(row).execute();
}

/** Marks an entry corrected when it is not yet and its version matches; false otherwise. */
export async function correctViolation(db: Executor, id: string, version: number, on: string, now: string) {
  const r = await db
    .updateTable('unit_violations')
    .set({ corrected_on: on, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('corrected_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
