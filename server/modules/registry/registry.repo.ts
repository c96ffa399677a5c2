// Registry queries. Scoped reads take a compound-scope condition built by platform/scope.ts.
import { sql, type ExpressionBuilder, type Insertable } from 'kysely';
import type { Grant } from '../../../domain/access.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { bulkInserter } from '../../platform/db/bulk.js';
import { batchSize } from '../../platform/db/locks.js';
import { keysetPage } from '../../platform/db/keyset.js';
import { containsText } from '../../platform/db/database.js';
import type { CompoundTable, DB, OrganisationTable } from '../../platform/db/schema.js';
import { compoundScopeCondition } from '../../platform/scope.js';

const COMPOUND_COLS = {
  id: 'compounds.id',
  district: 'compounds.district_code',
  street: 'compounds.street_code',
};

function scoped(grants: readonly Grant[]) {
  return (eb: ExpressionBuilder<DB, 'compounds'>) =>
    compoundScopeCondition(eb, grants, COMPOUND_COLS) ?? eb.lit(true);
}

export async function listDivisions(db: Executor, filter: { parent?: string; level?: string }) {
  let q = db.selectFrom('divisions').selectAll().orderBy('code');
  if (filter.parent) q = q.where('parent_code', '=', filter.parent);
  if (filter.level) q = q.where('level', '=', filter.level as never);
  return q.execute();
}

export async function findDivision(db: Executor, code: string) {
  return db.selectFrom('divisions').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listOrganisations(
  db: Executor,
  f: {
    type?: string;
    division?: string;
    parent?: string;
    q?: string;
    after: [string, string] | null;
    limit: number;
  },
) {
  let q = db
    .selectFrom('organisations')
    .leftJoin('divisions', 'divisions.code', 'organisations.division_code')
    .selectAll('organisations')
    .select('divisions.name as division_name');
  if (f.type) q = q.where('organisations.type', '=', f.type);
  if (f.division) q = q.where('organisations.division_code', 'like', `${f.division}%`);
  if (f.parent) q = q.where('organisations.parent_id', '=', f.parent);
  if (f.q) q = q.where(containsText('organisations.name', f.q));
  return keysetPage(q, 'organisations.name', 'organisations.id', f.after, f.limit).execute();
}

export async function findOrganisation(db: Executor, id: string) {
  return db
    .selectFrom('organisations')
    .leftJoin('divisions', 'divisions.code', 'organisations.division_code')
    .selectAll('organisations')
    .select('divisions.name as division_name')
    .where('organisations.id', '=', id)
    .executeTakeFirst();
}

export async function coverageOf(db: Executor, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('organisation_coverage')
    .select('division_code')
    .where('organisation_id', '=', organisationId)
    .orderBy('division_code')
    .execute();
  return rows.map((r) => r.division_code);
}

export async function replaceCoverage(db: Executor, organisationId: string, codes: readonly string[]) {
  await db.deleteFrom('organisation_coverage').where('organisation_id', '=', organisationId).execute();
  if (codes.length) {
    await db
      .insertInto('organisation_coverage')
      .values(
        [...new Set(codes)].map((division_code) => ({ organisation_id: organisationId, division_code })),
      )
      .execute();
  }
}

function compoundListQuery(db: Executor) {
  return db
    .selectFrom('compounds')
    .innerJoin('divisions as d', 'd.code', 'compounds.district_code')
    .innerJoin('divisions as s', 's.code', 'compounds.street_code')
    .select([
      'compounds.id',
      'compounds.code',
      'compounds.name',
      'compounds.address',
      'compounds.district_code',
      'compounds.street_code',
      'compounds.building_area',
      'compounds.version',
      'd.name as district_name',
      's.name as street_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('units')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('units.compound_id', '=', 'compounds.id')
        .as('unit_count'),
      eb
        .selectFrom('service_contracts')
        .innerJoin('organisations', 'organisations.id', 'service_contracts.company_id')
        .select('organisations.name')
        .whereRef('service_contracts.compound_id', '=', 'compounds.id')
        .orderBy('service_contracts.starts_on', 'desc')
        .limit(1)
        .as('company_name'),
    ]);
}

export async function listCompounds(
  db: Executor,
  grants: readonly Grant[],
  f: { district?: string; street?: string; q?: string; after: [string, string] | null; limit: number },
) {
  let q = compoundListQuery(db).where(scoped(grants));
  if (f.district) q = q.where('compounds.district_code', '=', f.district);
  if (f.street) q = q.where('compounds.street_code', '=', f.street);
  if (f.q) q = q.where(containsText('compounds.name', f.q));
  return keysetPage(q, 'compounds.name', 'compounds.id', f.after, f.limit).execute();
}

export async function countCompounds(
  db: Executor,
  grants: readonly Grant[],
  f: { district?: string; street?: string; q?: string },
) {
  let q = db
    .selectFrom('compounds')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(scoped(grants));
  if (f.district) q = q.where('compounds.district_code', '=', f.district);
  if (f.street) q = q.where('compounds.street_code', '=', f.street);
  if (f.q) q = q.where(containsText('compounds.name', f.q));
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** A compound the grants can see, or undefined (callers answer 404 either way: no existence leak). */
export async function findCompound(db: Executor, grants: readonly Grant[], id: string) {
  return compoundListQuery(db)
    .leftJoin('organisations as rc', 'rc.id', 'compounds.residents_committee_id')
    .leftJoin('grid_cells as g', 'g.id', 'compounds.grid_cell_id')
    .select([
      'compounds.residents_committee_id',
      'rc.name as rc_name',
      'compounds.grid_cell_id',
      'g.name as grid_name',
      'compounds.lat',
      'compounds.lng',
      'compounds.first_delivery_on',
      'compounds.management_area_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('buildings')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('buildings.compound_id', '=', 'compounds.id')
        .as('building_count'),
      eb
        .selectFrom('unit_owners')
        .select(sql<number>`count(distinct unit_owners.owner_id)`.as('n'))
        .whereRef('unit_owners.compound_id', '=', 'compounds.id')
        .as('owner_count'),
    ])
    .where('compounds.id', '=', id)
    .where(scoped(grants))
    .executeTakeFirst();
}

export async function findCompoundRow(db: Executor, id: string) {
  return db.selectFrom('compounds').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function contractsOfCompound(db: Executor, compoundId: string) {
  return db
    .selectFrom('service_contracts')
    .innerJoin('organisations as c', 'c.id', 'service_contracts.company_id')
    .leftJoin('organisations as p', 'p.id', 'service_contracts.project_office_id')
    .select([
      'service_contracts.id',
      'service_contracts.company_id',
      'c.name as company_name',
      'p.name as project_office_name',
      'service_contracts.starts_on',
      'service_contracts.ends_on',
      'service_contracts.service_level',
    ])
    .where('service_contracts.compound_id', '=', compoundId)
    .orderBy('service_contracts.starts_on', 'desc')
    .execute();
}

export async function buildingsOfCompound(db: Executor, compoundId: string) {
  return db
    .selectFrom('buildings')
    .select(['buildings.id', 'buildings.compound_id', 'buildings.name', 'buildings.floors'])
    .select((eb) =>
      eb
        .selectFrom('units')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('units.building_id', '=', 'buildings.id')
        .as('unit_count'),
    )
    .where('buildings.compound_id', '=', compoundId)
    .orderBy('buildings.name')
    .execute();
}

export async function findBuilding(db: Executor, grants: readonly Grant[], id: string) {
  return db
    .selectFrom('buildings')
    .innerJoin('compounds', 'compounds.id', 'buildings.compound_id')
    .select(['buildings.id', 'buildings.compound_id', 'buildings.name'])
    .where('buildings.id', '=', id)
    .where(scoped(grants))
    .executeTakeFirst();
}

export async function unitsOfBuilding(db: Executor, buildingId: string) {
  return db.selectFrom('units').selectAll().where('building_id', '=', buildingId).orderBy('number').execute();
}

export async function ownersOfUnits(db: Executor, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('unit_owners')
    .innerJoin('owners', 'owners.id', 'unit_owners.owner_id')
    .select(['unit_owners.unit_id', 'owners.id', 'owners.name', 'owners.kind'])
    .where('unit_owners.unit_id', 'in', unitIds)
    .execute();
}

export async function listOwnersOfCompound(
  db: Executor,
  compoundId: string,
  f: { q?: string; after: [string, string] | null; limit: number },
) {
  let q = db
    .selectFrom('owners')
    .selectAll('owners')
    .where('owners.id', 'in', (eb) =>
      eb
        .selectFrom('unit_owners')
        .select('unit_owners.owner_id')
        .where('unit_owners.compound_id', '=', compoundId),
    );
  if (f.q) q = q.where(containsText('owners.name', f.q));
  return keysetPage(q, 'owners.name', 'owners.id', f.after, f.limit).execute();
}

export async function unitLabelsOfOwners(db: Executor, ownerIds: readonly string[], compoundId?: string) {
  if (ownerIds.length === 0) return [];
  let q = db
    .selectFrom('unit_owners')
    .innerJoin('units', 'units.id', 'unit_owners.unit_id')
    .innerJoin('buildings', 'buildings.id', 'units.building_id')
    .select(['unit_owners.owner_id', 'units.id', 'buildings.name as building_name', 'units.number'])
    .where('unit_owners.owner_id', 'in', ownerIds);
  if (compoundId) q = q.where('unit_owners.compound_id', '=', compoundId);
  return q.orderBy('buildings.name').orderBy('units.number').execute();
}

/** An owner visible to the grants: one of whose units lies in a compound in scope. */
export async function findOwnerInScope(db: Executor, grants: readonly Grant[], ownerId: string) {
  return db
    .selectFrom('owners')
    .selectAll('owners')
    .where('owners.id', '=', ownerId)
    .where('owners.id', 'in', (eb) =>
      eb
        .selectFrom('unit_owners')
        .innerJoin('compounds', 'compounds.id', 'unit_owners.compound_id')
        .select('unit_owners.owner_id')
        .where('unit_owners.owner_id', '=', ownerId)
        .where(scoped(grants) as any),
    )
    .executeTakeFirst();
}

/** The organisations and everything below them (company → branches → project offices), up to 3 levels. */
export async function withDescendants(db: Executor, orgIds: readonly string[]): Promise<string[]> {
  const all = new Set(orgIds);
  let frontier = [...orgIds];
  for (let depth = 0; depth < 3 && frontier.length; depth++) {
    const rows = await db
      .selectFrom('organisations')
      .select('id')
      .where('parent_id', 'in', frontier)
      .execute();
    frontier = rows.map((r) => r.id).filter((id) => !all.has(id));
    frontier.forEach((id) => all.add(id));
  }
  return [...all];
}

export async function insertOrganisation(db: Executor, row: Insertable<OrganisationTable>) {
  await db.insertInto('organisations').values(row).execute();
}

export async function insertCompound(db: Executor, row: Insertable<CompoundTable>) {
  await db.insertInto('compounds').values(row).execute();
}

export async function compoundIdByCode(db: Executor, code: string): Promise<string | undefined> {
  return (await db.selectFrom('compounds').select('id').where('code', '=', code).executeTakeFirst())?.id;
}

/** The registry tables an import may fill. */
export type RegistryTable =
  'compounds' | 'buildings' | 'units' | 'owners' | 'unit_owners' | 'organisations' | 'organisation_coverage';

/** Bulk insert in the given order (parents first), in batches the database accepts. */
export async function bulkInsert(
  database: Database,
  trx: Executor,
  rows: readonly { table: RegistryTable; row: Record<string, unknown> }[],
) {
  const writer = bulkInserter(database, trx, batchSize(trx));
  for (const r of rows) await writer.add(r.table, r.row as never);
  await writer.flush();
}

/** The public directory's columns of a compound: its name and where it is, nothing else. */
function publicCompoundQuery(db: Executor) {
  return db
    .selectFrom('compounds')
    .leftJoin('divisions as s', 's.code', 'compounds.street_code')
    .leftJoin('divisions as d', 'd.code', 'compounds.district_code')
    .select([
      'compounds.id',
      'compounds.name',
      's.name as street_name',
      'd.name as district_name',
      'compounds.lat',
      'compounds.lng',
    ]);
}

/** Compounds whose name contains `q`, by name (public directory). */
export async function publicCompoundsByName(db: Executor, q: string, limit: number) {
  return publicCompoundQuery(db)
    .where(containsText('compounds.name', q))
    .orderBy('compounds.name')
    .orderBy('compounds.id')
    .limit(limit)
    .execute();
}

/** Compounds with a position inside the box (public directory; the caller orders by distance). */
export async function publicCompoundsInBox(
  db: Executor,
  box: { south: number; north: number; west: number; east: number },
  limit: number,
) {
  return publicCompoundQuery(db)
    .where('compounds.lat', '>=', box.south)
    .where('compounds.lat', '<=', box.north)
    .where('compounds.lng', '>=', box.west)
    .where('compounds.lng', '<=', box.east)
    .limit(limit)
    .execute();
}

export async function buildingNamesOfCompound(db: Executor, compoundId: string) {
  return db
    .selectFrom('buildings')
    .select(['id', 'name'])
    .where('compound_id', '=', compoundId)
    .orderBy('name')
    .execute();
}

export async function unitNumbersOfBuilding(db: Executor, buildingId: string) {
  return db
    .selectFrom('units')
    .select(['id', 'number'])
    .where('building_id', '=', buildingId)
    .orderBy('number')
    .execute();
}

export async function compoundExists(db: Executor, id: string): Promise<boolean> {
  return !!(await db.selectFrom('compounds').select('id').where('id', '=', id).executeTakeFirst());
}

export async function buildingExists(db: Executor, id: string): Promise<boolean> {
  return !!(await db.selectFrom('buildings').select('id').where('id', '=', id).executeTakeFirst());
}

/** The units of owner records with their building, compound and street (an owner's own units). */
export async function ownUnitsOf(db: Executor, ownerIds: readonly string[]) {
  if (ownerIds.length === 0) return [];
  return db
    .selectFrom('unit_owners')
    .innerJoin('units', 'units.id', 'unit_owners.unit_id')
    .innerJoin('buildings', 'buildings.id', 'units.building_id')
    .innerJoin('compounds', 'compounds.id', 'unit_owners.compound_id')
    .innerJoin('divisions', 'divisions.code', 'compounds.street_code')
    .select([
      'units.id as unit_id',
      'units.number',
      'buildings.id as building_id',
      'buildings.name as building_name',
      'compounds.id as compound_id',
      'compounds.name as compound_name',
      'divisions.name as street_name',
    ])
    .where('unit_owners.owner_id', 'in', ownerIds)
    .distinct()
    .execute();
}
