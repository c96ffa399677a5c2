// Queries of owners' decisions: the decision rows, the roll (decision_units) and the ballots.
import type { Updateable } from 'kysely';
import type { Grant } from '../../../../domain/access.js';
import type { Database, Executor } from '../../../platform/db/database.js';
import { bulkInserter } from '../../../platform/db/bulk.js';
import { containsText } from '../../../platform/db/database.js';
import { keysetPage } from '../../../platform/db/keyset.js';
import { forShare } from '../../../platform/db/locks.js';
import type { BallotTable, DecisionTable, DecisionUnitTable } from '../../../platform/db/schema.js';
import { scoped } from '../governance.repo.js';

/** Units (with building name) of a compound, optionally restricted to some buildings. */
export async function unitsFor(db: Executor, compoundId: string, buildingIds: readonly string[] | null) {
  let q = db
    .selectFrom('units')
    .innerJoin('buildings', 'buildings.id', 'units.building_id')
    .select([
      'units.id',
      'units.building_id',
      'buildings.name as building_name',
      'units.number',
      'units.registered_area',
      'units.surveyed_area',
      'units.contract_area',
      'units.delivered_on',
    ])
    .where('units.compound_id', '=', compoundId);
  if (buildingIds) q = q.where('units.building_id', 'in', buildingIds);
  return q.orderBy('buildings.name').orderBy('units.number').orderBy('units.id').execute();
}

/** Owners (id, kind) of every unit of a compound. */
export async function unitOwnersOf(db: Executor, compoundId: string) {
  return db
    .selectFrom('unit_owners')
    .innerJoin('owners', 'owners.id', 'unit_owners.owner_id')
    .select(['unit_owners.unit_id', 'owners.id', 'owners.kind', 'owners.name'])
    .where('unit_owners.compound_id', '=', compoundId)
    .execute();
}

/** Every decision column but the two counting documents (large; read only when counting). */
const DECISION_COLUMNS = [
  'decisions.id',
  'decisions.compound_id',
  'decisions.scope',
  'decisions.building_ids_json',
  'decisions.matter',
  'decisions.method',
  'decisions.title',
  'decisions.description',
  'decisions.opens_at',
  'decisions.closes_at',
  'decisions.status',
  'decisions.notice_posted_on',
  'decisions.notice_days',
  'decisions.unit_count',
  'decisions.ballot_count',
  'decisions.result_json',
  'decisions.opened_at',
  'decisions.closed_at',
  'decisions.publish_due_on',
  'decisions.published_at',
  'decisions.notice_ends_on',
  'decisions.statute_clause',
  'decisions.created_by',
  'decisions.created_at',
  'decisions.updated_at',
  'decisions.version',
] as const;

export async function countingDocuments(db: Executor, id: string) {
  return db
    .selectFrom('decisions')
    .select(['roll_json', 'ballots_json'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function decision(db: Executor, id: string) {
  return db
    .selectFrom('decisions')
    .innerJoin('compounds', 'compounds.id', 'decisions.compound_id')
    .select(DECISION_COLUMNS)
    .select(['compounds.name as compound_name', 'compounds.street_code', 'compounds.district_code'])
    .where('decisions.id', '=', id)
    .executeTakeFirst();
}

/** The decision row, share-locked so that closing waits for ballots in flight (and vice versa). */
export async function decisionForBallot(db: Executor, id: string) {
  return forShare(
    db,
    db.selectFrom('decisions').select(DECISION_COLUMNS).where('id', '=', id),
  ).executeTakeFirst();
}

export async function listDecisions(
  db: Executor,
  grants: readonly Grant[] | null,
  ownerIds: readonly string[],
  f: { compound?: string; street?: string; status?: string; after: [string, string] | null; limit: number },
) {
  let q = db
    .selectFrom('decisions')
    .innerJoin('compounds', 'compounds.id', 'decisions.compound_id')
    .select(DECISION_COLUMNS)
    .select(['compounds.name as compound_name']);
  if (grants) q = q.where(scoped(grants) as never);
  else {
    // Owners: published decisions of compounds where they hold a unit.
    q = q
      .where('decisions.status', '=', 'published')
      .where('decisions.compound_id', 'in', (eb) =>
        eb
          .selectFrom('unit_owners')
          .select('unit_owners.compound_id')
          .where('unit_owners.owner_id', 'in', ownerIds),
      );
  }
  if (f.compound) q = q.where('decisions.compound_id', '=', f.compound);
  if (f.street) q = q.where('compounds.street_code', '=', f.street);
  if (f.status) q = q.where('decisions.status', '=', f.status as never);
  return keysetPage(q, 'decisions.created_at', 'decisions.id', f.after, f.limit, 'desc').execute();
}

export async function ballotCount(db: Executor, decisionId: string): Promise<number> {
  const r = await db
    .selectFrom('ballots')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('decision_id', '=', decisionId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function invitationCount(db: Executor, decisionId: string): Promise<number> {
  const r = await db
    .selectFrom('decision_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('decision_id', '=', decisionId)
    .where('invite_hash', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function decisionUnitRows(db: Executor, decisionId: string) {
  return db.selectFrom('decision_units').selectAll().where('decision_id', '=', decisionId).execute();
}

export async function decisionUnit(db: Executor, decisionId: string, unitId: string) {
  return db
    .selectFrom('decision_units')
    .selectAll()
    .where('decision_id', '=', decisionId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

export async function unitByInviteHash(db: Executor, hash: string) {
  return db.selectFrom('decision_units').selectAll().where('invite_hash', '=', hash).executeTakeFirst();
}

export async function ballotsOf(db: Executor, decisionId: string) {
  return db
    .selectFrom('ballots')
    .select(['owner_id', 'choice', 'channel'])
    .where('decision_id', '=', decisionId)
    .orderBy('owner_id')
    .execute();
}

export async function ballotOfOwner(db: Executor, decisionId: string, ownerId: string) {
  return db
    .selectFrom('ballots')
    .selectAll()
    .where('decision_id', '=', decisionId)
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
}

export async function roll(
  db: Executor,
  decisionId: string,
  f: { q?: string; voted?: 'yes' | 'no'; after: [string, string] | null; limit: number },
) {
  let q = db
    .selectFrom('decision_units as du')
    .leftJoin('owners', 'owners.id', 'du.owner_id')
    .leftJoin('ballots as b', (j) =>
      j.onRef('b.decision_id', '=', 'du.decision_id').onRef('b.owner_id', '=', 'du.owner_id'),
    )
    .select([
      'du.unit_id',
      'du.label',
      'du.owner_id',
      'du.developer',
      'du.registered_area',
      'du.surveyed_area',
      'du.contract_area',
      'owners.name as owner_name',
      'b.channel',
    ])
    .where('du.decision_id', '=', decisionId);
  if (f.q) {
    const text = f.q;
    q = q.where((eb) => eb.or([containsText('du.label', text), containsText('owners.name', text)]));
  }
  if (f.voted === 'yes') q = q.where('b.id', 'is not', null);
  if (f.voted === 'no') q = q.where('b.id', 'is', null);
  return keysetPage(q, 'du.label', 'du.unit_id', f.after, f.limit).execute();
}

/** How many distinct owners are on the roll (everyone voted when it equals the ballot count). */
export async function rollOwnerCount(db: Executor, decisionId: string): Promise<number> {
  const r = await db
    .selectFrom('decision_units')
    .select((eb) => eb.fn.count<number>('owner_id').distinct().as('n'))
    .where('decision_id', '=', decisionId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertDecision(db: Executor, row: DecisionTable): Promise<void> {
  await db.insertInto('decisions').values(row).execute();
}

/**
 * Moves a decision on: `set …, version + 1 where id and version and status in (from)`. Returns whether a row
 * changed (the caller tells a stale version from a wrong status).
 */
export async function claimDecision(
  db: Executor,
  id: string,
  version: number,
  from: readonly DecisionTable['status'][],
  set: Updateable<DecisionTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('decisions')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Writes the counting documents and figures of a decision already claimed in this transaction. */
export async function setDecisionDocuments(
  db: Executor,
  id: string,
  set: Pick<
    Updateable<DecisionTable>,
    'unit_count' | 'roll_json' | 'ballots_json' | 'result_json' | 'ballot_count' | 'publish_due_on'
  >,
): Promise<void> {
  await db.updateTable('decisions').set(set).where('id', '=', id).execute();
}

export async function insertBallot(db: Executor, row: BallotTable): Promise<void> {
  await db.insertInto('ballots').values(row).execute();
}

/** Stores the hash of a unit's new invitation code. */
export async function setInvitation(
  db: Executor,
  decisionId: string,
  unitId: string,
  hash: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('decision_units')
    .set({ invite_hash: hash, invite_issued_at: at })
    .where('decision_id', '=', decisionId)
    .where('unit_id', '=', unitId)
    .execute();
}

/** Removes the roll rows of a decision (before they are written again in bulk). */
export async function deleteRoll(db: Executor, decisionId: string): Promise<void> {
  await db.deleteFrom('decision_units').where('decision_id', '=', decisionId).execute();
}

/** Writes roll rows in multi-row statements (call `flush` at the end). */
export function rollWriter(database: Database, db: Executor) {
  const bulk = bulkInserter(database, db);
  return {
    add: (row: DecisionUnitTable) => bulk.add('decision_units', row),
    flush: () => bulk.flush(),
  };
}

// --- An owner's own view and ballot (the account is the identity) -------------------------------------------

/** Open decisions of compounds where the owner records hold a unit, closing soonest first. */
export async function openDecisionsOfOwners(db: Executor, ownerIds: readonly string[]) {
  if (ownerIds.length === 0) return [];
  return db
    .selectFrom('decisions')
    .innerJoin('compounds', 'compounds.id', 'decisions.compound_id')
    .select(DECISION_COLUMNS)
    .select(['compounds.name as compound_name'])
    .where('decisions.status', '=', 'open')
    .where('decisions.compound_id', 'in', (eb) =>
      eb
        .selectFrom('unit_owners')
        .select('unit_owners.compound_id')
        .where('unit_owners.owner_id', 'in', ownerIds),
    )
    .orderBy('decisions.closes_at')
    .orderBy('decisions.id')
    .execute();
}

/**
 * The roll rows of the decisions that are the owners' own: counted under one of them (the vote owner, 解释
 * Art 9), or a unit one of them co-owns in the registry.
 */
export async function rollRowsOfOwners(
  db: Executor,
  decisionIds: readonly string[],
  ownerIds: readonly string[],
) {
  if (decisionIds.length === 0 || ownerIds.length === 0) return [];
  return db
    .selectFrom('decision_units')
    .select(['decision_id', 'unit_id', 'label', 'owner_id', 'developer'])
    .where('decision_id', 'in', decisionIds)
    .where((eb) =>
      eb.or([
        eb('owner_id', 'in', ownerIds),
        eb(
          'unit_id',
          'in',
          eb
            .selectFrom('unit_owners')
            .select('unit_owners.unit_id')
            .where('unit_owners.owner_id', 'in', ownerIds),
        ),
      ]),
    )
    .orderBy('label')
    .execute();
}

/** Whether one of the owner records holds the unit in the registry (today). */
export async function ownsUnit(db: Executor, unitId: string, ownerIds: readonly string[]): Promise<boolean> {
  if (ownerIds.length === 0) return false;
  const row = await db
    .selectFrom('unit_owners')
    .select('unit_id')
    .where('unit_id', '=', unitId)
    .where('owner_id', 'in', ownerIds)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/** The ballots cast under some vote owners in the decisions (choice and time). */
export async function ballotsOfOwners(
  db: Executor,
  decisionIds: readonly string[],
  ownerIds: readonly string[],
) {
  if (decisionIds.length === 0 || ownerIds.length === 0) return [];
  return db
    .selectFrom('ballots')
    .select(['decision_id', 'owner_id', 'unit_id', 'choice', 'channel', 'at'])
    .where('decision_id', 'in', decisionIds)
    .where('owner_id', 'in', ownerIds)
    .execute();
}

/** Ballots so far per decision. */
export async function ballotCounts(db: Executor, decisionIds: readonly string[]) {
  if (decisionIds.length === 0) return [];
  return db
    .selectFrom('ballots')
    .select(['decision_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('decision_id', 'in', decisionIds)
    .groupBy('decision_id')
    .execute();
}
