// Queries of the committee's records: change filings, trainings, posted resolutions, owner groups, fee
// arrears, and what the notice board shows.
import type { Executor } from '../../../platform/db/database.js';
import { keysetPage } from '../../../platform/db/keyset.js';
import type {
  CommitteeChangeTable,
  FeeArrearTable,
  GovTrainingTable,
  OwnerGroupTable,
} from '../../../platform/db/schema.js';

export async function changesOf(db: Executor, committeeId: string) {
  return db
    .selectFrom('committee_changes')
    .selectAll()
    .where('committee_id', '=', committeeId)
    .orderBy('changed_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function change(db: Executor, id: string) {
  return db.selectFrom('committee_changes').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function trainingsOf(db: Executor, committeeId: string) {
  return db
    .selectFrom('gov_trainings')
    .selectAll()
    .where('committee_id', '=', committeeId)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function ownerGroupsOf(db: Executor, compoundId: string) {
  return db
    .selectFrom('owner_groups')
    .innerJoin('buildings', 'buildings.id', 'owner_groups.building_id')
    .selectAll('owner_groups')
    .select('buildings.name as building_name')
    .where('owner_groups.compound_id', '=', compoundId)
    .orderBy('buildings.name')
    .orderBy('owner_groups.formed_on', 'desc')
    .execute();
}

export async function ownerGroup(db: Executor, id: string) {
  return db.selectFrom('owner_groups').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Building ids of the compound's building-scoped decisions (not cancelled), to count a group's decisions. */
export async function buildingDecisionScopes(db: Executor, compoundId: string) {
  return db
    .selectFrom('decisions')
    .select('building_ids_json')
    .where('compound_id', '=', compoundId)
    .where('scope', '=', 'buildings')
    .where('status', '!=', 'cancelled')
    .execute();
}

export async function buildingCount(db: Executor, compoundId: string): Promise<number> {
  const r = await db
    .selectFrom('buildings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('compound_id', '=', compoundId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Owners (by id) who hold a unit in a building — in one of its entrances when given — with their names. */
export async function ownersInBuilding(
  db: Executor,
  buildingId: string,
  ownerIds: readonly string[],
  entrance: string | null = null,
) {
  if (ownerIds.length === 0) return [];
  return db
    .selectFrom('owners')
    .select(['owners.id', 'owners.name'])
    .where('owners.id', 'in', ownerIds)
    .where('owners.kind', '!=', 'developer')
    .where('owners.id', 'in', (eb) => {
      let q = eb
        .selectFrom('unit_owners')
        .innerJoin('units', 'units.id', 'unit_owners.unit_id')
        .select('unit_owners.owner_id')
        .where('units.building_id', '=', buildingId);
      if (entrance !== null) q = q.where('units.entrance', '=', entrance);
      return q;
    })
    .execute();
}

/** The entrances (单元) recorded on a building's units, in order. */
export async function entrancesOf(db: Executor, buildingId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('units')
    .select('entrance')
    .distinct()
    .where('building_id', '=', buildingId)
    .where('entrance', 'is not', null)
    .orderBy('entrance')
    .execute();
  return rows.map((r) => r.entrance!);
}

export async function ownerNames(db: Executor, ownerIds: readonly string[]) {
  if (ownerIds.length === 0) return [];
  return db.selectFrom('owners').select(['id', 'name']).where('id', 'in', ownerIds).execute();
}

/**
 * Whether a property-company grant (company or project office) serves the compound: it holds the compound's
 * latest contract that has started. An expired contract with no successor still runs (民法典 Art 948:
 * 不定期物业服务合同), so the end date does not end the service.
 */
export async function companyServes(
  db: Executor,
  orgIds: readonly string[],
  compoundId: string,
  today: string,
) {
  if (orgIds.length === 0) return false;
  const latest = await db
    .selectFrom('service_contracts')
    .select(['company_id', 'project_office_id'])
    .where('compound_id', '=', compoundId)
    .where('starts_on', '<=', today)
    .orderBy('starts_on', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) return false;
  return (
    orgIds.includes(latest.company_id) ||
    (!!latest.project_office_id && orgIds.includes(latest.project_office_id))
  );
}

const ARREAR_COLUMNS = [
  'fee_arrears.id',
  'fee_arrears.compound_id',
  'fee_arrears.unit_id',
  'fee_arrears.kind',
  'fee_arrears.amount',
  'fee_arrears.period_from',
  'fee_arrears.period_to',
  'fee_arrears.recorded_on',
  'fee_arrears.settled_on',
  'fee_arrears.note',
  'fee_arrears.created_at',
  'fee_arrears.version',
] as const;

export async function listArrears(
  db: Executor,
  compoundId: string,
  f: { unit?: string; open?: boolean; after: [string, string] | null; limit: number },
) {
  let q = db
    .selectFrom('fee_arrears')
    .innerJoin('units', 'units.id', 'fee_arrears.unit_id')
    .innerJoin('buildings', 'buildings.id', 'units.building_id')
    .select(ARREAR_COLUMNS)
    .select(['units.number as unit_number', 'buildings.name as building_name'])
    .where('fee_arrears.compound_id', '=', compoundId);
  if (f.unit) q = q.where('fee_arrears.unit_id', '=', f.unit);
  if (f.open === true) q = q.where('fee_arrears.settled_on', 'is', null);
  if (f.open === false) q = q.where('fee_arrears.settled_on', 'is not', null);
  return keysetPage(q, 'fee_arrears.created_at', 'fee_arrears.id', f.after, f.limit, 'desc').execute();
}

export async function arrear(db: Executor, id: string) {
  return db
    .selectFrom('fee_arrears')
    .innerJoin('units', 'units.id', 'fee_arrears.unit_id')
    .innerJoin('buildings', 'buildings.id', 'units.building_id')
    .select(ARREAR_COLUMNS)
    .select(['units.number as unit_number', 'buildings.name as building_name'])
    .where('fee_arrears.id', '=', id)
    .executeTakeFirst();
}

export async function unitInCompound(db: Executor, compoundId: string, unitId: string) {
  return db
    .selectFrom('units')
    .select('id')
    .where('id', '=', unitId)
    .where('compound_id', '=', compoundId)
    .executeTakeFirst();
}

export async function publishedMeetings(db: Executor, committeeId: string, limit: number) {
  return db
    .selectFrom('committee_meetings')
    .select(['id', 'held_on', 'published_on', 'resolutions_json', 'expected_count'])
    .where('committee_id', '=', committeeId)
    .where('published_on', 'is not', null)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function publishedDecisions(db: Executor, compoundId: string, limit: number) {
  return db
    .selectFrom('decisions')
    .select(['id', 'title', 'matter', 'scope', 'closed_at', 'published_at', 'notice_ends_on', 'result_json'])
    .where('compound_id', '=', compoundId)
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertChange(db: Executor, row: CommitteeChangeTable): Promise<void> {
  await db.insertInto('committee_changes').values(row).execute();
}

export async function insertTraining(db: Executor, row: GovTrainingTable): Promise<void> {
  await db.insertInto('gov_trainings').values(row).execute();
}

/** A member's training day is the first training they attended. */
export async function markTrained(db: Executor, memberIds: readonly string[], heldOn: string, now: string) {
  await db
    .updateTable('committee_members')
    .set((eb) => ({ trained_on: heldOn, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', 'in', memberIds)
    .where((eb) => eb.or([eb('trained_on', 'is', null), eb('trained_on', '>', heldOn)]))
    .execute();
}

export async function meetingOf(db: Executor, committeeId: string, meetingId: string) {
  return db
    .selectFrom('committee_meetings')
    .selectAll()
    .where('id', '=', meetingId)
    .where('committee_id', '=', committeeId)
    .executeTakeFirst();
}

export async function publishMeeting(db: Executor, meetingId: string, on: string, rcInformedOn: string) {
  await db
    .updateTable('committee_meetings')
    .set({ published_on: on, rc_informed_on: rcInformedOn })
    .where('id', '=', meetingId)
    .where('published_on', 'is', null)
    .execute();
}

export async function insertOwnerGroup(db: Executor, row: OwnerGroupTable): Promise<void> {
  await db.insertInto('owner_groups').values(row).execute();
}

/** Dissolves an active group at that version; returns whether a row changed. */
export async function dissolveOwnerGroup(db: Executor, id: string, version: number, on: string, now: string) {
  const r = await db
    .updateTable('owner_groups')
    .set({ status: 'dissolved', dissolved_on: on, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertArrear(db: Executor, row: FeeArrearTable): Promise<void> {
  await db.insertInto('fee_arrears').values(row).execute();
}

/** Settles an open arrear at that version; returns whether a row changed. */
export async function settleArrear(db: Executor, id: string, version: number, on: string, now: string) {
  const r = await db
    .updateTable('fee_arrears')
    .set({ settled_on: on, updated_at: now, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('settled_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
