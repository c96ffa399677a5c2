// Governance queries only. Scoped lists take a compound-scope condition built by platform/scope.ts.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Grant } from '../../../domain/access.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { containsText } from '../../platform/db/database.js';
import { keysetPage } from '../../platform/db/keyset.js';
import type { DB, GovTaskTable } from '../../platform/db/schema.js';
import { compoundScopeCondition } from '../../platform/scope.js';

const COMPOUND_COLS = {
  id: 'compounds.id',
  district: 'compounds.district_code',
  street: 'compounds.street_code',
};

export function scoped(grants: readonly Grant[]) {
  return (eb: ExpressionBuilder<DB, 'compounds'>) =>
    compoundScopeCondition(eb, grants, COMPOUND_COLS) ?? eb.lit(true);
}

// --- Compounds and registry facts -------------------------------------------------------------------------

export async function compound(db: Executor, id: string) {
  return db
    .selectFrom('compounds')
    .select([
      'id',
      'name',
      'street_code',
      'district_code',
      'building_area',
      'first_delivery_on',
      'residents_committee_id',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function calendarDays(db: Executor) {
  return db.selectFrom('calendar_days').select(['date', 'kind']).execute();
}

export async function buildingsOf(db: Executor, compoundId: string, ids?: readonly string[]) {
  let q = db.selectFrom('buildings').select(['id', 'name']).where('compound_id', '=', compoundId);
  if (ids) {
    if (ids.length === 0) return [];
    q = q.where('id', 'in', ids);
  }
  return q.orderBy('name').execute();
}

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

/** Area facts for the assembly trigger of many compounds: per compound and delivery date, sold vs all. */
export async function triggerFacts(db: Executor, compoundIds: readonly string[]) {
  if (compoundIds.length === 0) return [];
  const area = sql<number>`coalesce(units.registered_area, units.surveyed_area, units.contract_area, 0)`;
  // A unit is sold when it has an owner who is not the developer.
  const sold = sql<number>`case when units.delivered_on is not null and exists (
      select 1 from unit_owners uo join owners o on o.id = uo.owner_id
      where uo.unit_id = units.id and o.kind <> 'developer') then 1 else 0 end`;
  return db
    .selectFrom('units')
    .select([
      'units.compound_id',
      'units.delivered_on',
      sql<number>`sum(${area})`.as('area'),
      sql<number>`sum(${area} * ${sold})`.as('sold_area'),
    ])
    .where('units.compound_id', 'in', compoundIds)
    .groupBy(['units.compound_id', 'units.delivered_on'])
    .execute();
}

export async function ownerInCompound(db: Executor, compoundId: string, ownerId: string) {
  return db
    .selectFrom('owners')
    .select(['owners.id', 'owners.name', 'owners.kind'])
    .where('owners.id', '=', ownerId)
    .where('owners.id', 'in', (eb) =>
      eb
        .selectFrom('unit_owners')
        .select('unit_owners.owner_id')
        .where('unit_owners.owner_id', '=', ownerId)
        .where('unit_owners.compound_id', '=', compoundId),
    )
    .executeTakeFirst();
}

/** Unresolved 违法搭建 / 群租 cases on the units an owner holds in a compound (Art 20 ¶2 "未改正"). */
export async function openDisqualifyingCases(db: Executor, compoundId: string, ownerId: string) {
  return db
    .selectFrom('cases')
    .select(['cases.case_no', 'cases.category_code'])
    .where('cases.category_code', 'in', ['illegal_construction', 'group_renting'])
    .where('cases.status', 'not in', ['declined', 'closed', 'revisited', 'merged'])
    .where('cases.unit_id', 'in', (eb) =>
      eb
        .selectFrom('unit_owners')
        .select('unit_owners.unit_id')
        .where('unit_owners.owner_id', '=', ownerId)
        .where('unit_owners.compound_id', '=', compoundId),
    )
    .orderBy('cases.case_no')
    .execute();
}

// --- Decisions ----------------------------------------------------------------------------------------------

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

/**
 * Locks the compound's row on PostgreSQL until the transaction ends, so that two writers deciding from "nothing
 * has started here yet" (the daily trigger scan, startFormation) take turns. SQLite has a single writer.
 */
export async function lockCompound(db: Executor, dialect: Database['dialect'], compoundId: string) {
  if (dialect !== 'postgres') return;
  await db.selectFrom('compounds').select('id').where('id', '=', compoundId).forUpdate().execute();
}

/** The decision row, share-locked on PostgreSQL so that closing waits for ballots in flight (and vice versa). */
export async function decisionForBallot(db: Executor, dialect: Database['dialect'], id: string) {
  let q = db.selectFrom('decisions').select(DECISION_COLUMNS).where('id', '=', id);
  if (dialect === 'postgres') q = q.forShare();
  return q.executeTakeFirst();
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

// --- Formation, groups, committees ------------------------------------------------------------------------

export async function activeFormation(db: Executor, compoundId: string) {
  return db
    .selectFrom('gov_formations')
    .selectAll()
    .where('compound_id', '=', compoundId)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function formation(db: Executor, id: string) {
  return db.selectFrom('gov_formations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function groupOf(db: Executor, subjectId: string, kind: 'preparatory' | 'reelection') {
  const g = await db
    .selectFrom('gov_groups')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .where('kind', '=', kind)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!g) return null;
  const members = await db
    .selectFrom('gov_group_members')
    .selectAll()
    .where('group_id', '=', g.id)
    .orderBy('seq')
    .execute();
  return { ...g, members };
}

export async function objections(db: Executor, formationId: string) {
  return db
    .selectFrom('gov_objections')
    .selectAll()
    .where('formation_id', '=', formationId)
    .orderBy('received_on')
    .orderBy('id')
    .execute();
}

export async function currentCommittee(db: Executor, compoundId: string) {
  return db
    .selectFrom('committees')
    .selectAll()
    .where('compound_id', '=', compoundId)
    .where('status', '=', 'current')
    .executeTakeFirst();
}

export async function committee(db: Executor, id: string) {
  return db.selectFrom('committees').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function pastCommittees(db: Executor, compoundId: string) {
  return db
    .selectFrom('committees')
    .select(['id', 'term_no', 'elected_on', 'term_ends_on'])
    .where('compound_id', '=', compoundId)
    .where('status', '!=', 'current')
    .orderBy('term_no', 'desc')
    .execute();
}

export async function lastTermNo(db: Executor, compoundId: string): Promise<number> {
  const r = await db
    .selectFrom('committees')
    .select((eb) => eb.fn.max('term_no').as('n'))
    .where('compound_id', '=', compoundId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function members(db: Executor, committeeId: string) {
  return db
    .selectFrom('committee_members')
    .selectAll()
    .where('committee_id', '=', committeeId)
    .orderBy('joined_on')
    .orderBy('id')
    .execute();
}

export async function meetings(db: Executor, committeeId: string) {
  return db
    .selectFrom('committee_meetings')
    .selectAll()
    .where('committee_id', '=', committeeId)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function attendance(db: Executor, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  return db.selectFrom('committee_attendance').selectAll().where('meeting_id', 'in', meetingIds).execute();
}

// --- Tasks --------------------------------------------------------------------------------------------------

export type TaskRow = GovTaskTable;

/** Inserts a task unless its subject has one of that kind; returns whether a row was inserted. */
export async function insertTask(db: Executor, row: GovTaskTable): Promise<boolean> {
  const r = await db
    .insertInto('gov_tasks')
    .values(row)
    .onConflict((oc) => oc.columns(['subject_id', 'kind']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function taskOf(db: Executor, subjectId: string, kind: string) {
  return db
    .selectFrom('gov_tasks')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

/** A task with its compound's name (for a reminder). */
export async function taskWithCompound(db: Executor, id: string) {
  return db
    .selectFrom('gov_tasks')
    .innerJoin('compounds', 'compounds.id', 'gov_tasks.compound_id')
    .selectAll('gov_tasks')
    .select('compounds.name as compound_name')
    .where('gov_tasks.id', '=', id)
    .executeTakeFirst();
}

/**
 * When a formation starts, the developer_report task the daily scan put on the compound becomes the
 * formation's (one row per compound: the unique index is on subject and kind). Returns whether one moved.
 */
export async function moveDeveloperReportToFormation(
  db: Executor,
  compoundId: string,
  formationId: string,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('gov_tasks')
    .set((eb) => ({
      subject_type: 'formation',
      subject_id: formationId,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('subject_id', '=', compoundId)
    .where('kind', '=', 'developer_report')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Marks a pending task done; returns whether a row changed. */
export async function completeTask(
  db: Executor,
  subjectId: string,
  kind: string,
  doneOn: string,
  now: string,
) {
  const r = await db
    .updateTable('gov_tasks')
    .set((eb) => ({ done_on: doneOn, updated_at: now, version: eb('version', '+', 1) }))
    .where('subject_id', '=', subjectId)
    .where('kind', '=', kind)
    .where('done_on', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function updateTaskDue(
  db: Executor,
  subjectId: string,
  kind: string,
  due: { due_on: string; nominal_due_on: string },
  now: string,
) {
  await db
    .updateTable('gov_tasks')
    .set((eb) => ({ ...due, updated_at: now, version: eb('version', '+', 1) }))
    .where('subject_id', '=', subjectId)
    .where('kind', '=', kind)
    .where('done_on', 'is', null)
    .execute();
}

/** Re-opens a task with a new due date (e.g. a filing submitted again after a refusal). */
export async function reopenTask(
  db: Executor,
  subjectId: string,
  kind: string,
  due: { due_on: string; nominal_due_on: string },
  now: string,
) {
  await db
    .updateTable('gov_tasks')
    .set((eb) => ({ ...due, done_on: null, updated_at: now, version: eb('version', '+', 1) }))
    .where('subject_id', '=', subjectId)
    .where('kind', '=', kind)
    .execute();
}

/** Closes every pending task of a subject (e.g. a cancelled formation). */
export async function closeTasksOf(db: Executor, subjectId: string, doneOn: string, now: string) {
  await db
    .updateTable('gov_tasks')
    .set((eb) => ({ done_on: doneOn, updated_at: now, version: eb('version', '+', 1) }))
    .where('subject_id', '=', subjectId)
    .where('done_on', 'is', null)
    .execute();
}

/** Closes every pending task of a committee and of its meetings and change filings (it was succeeded). */
export async function closeCommitteeTasks(db: Executor, committeeId: string, doneOn: string, now: string) {
  await db
    .updateTable('gov_tasks')
    .set((eb) => ({ done_on: doneOn, updated_at: now, version: eb('version', '+', 1) }))
    .where('done_on', 'is', null)
    .where((eb) =>
      eb.or([
        eb('subject_id', '=', committeeId),
        eb(
          'subject_id',
          'in',
          eb.selectFrom('committee_meetings').select('id').where('committee_id', '=', committeeId),
        ),
        eb(
          'subject_id',
          'in',
          eb.selectFrom('committee_changes').select('id').where('committee_id', '=', committeeId),
        ),
      ]),
    )
    .execute();
}

export async function tasksOfSubjects(db: Executor, subjectIds: readonly string[]) {
  if (subjectIds.length === 0) return [];
  return db
    .selectFrom('gov_tasks')
    .innerJoin('compounds', 'compounds.id', 'gov_tasks.compound_id')
    .selectAll('gov_tasks')
    .select('compounds.name as compound_name')
    .where('gov_tasks.subject_id', 'in', subjectIds)
    .orderBy('gov_tasks.due_on')
    .orderBy('gov_tasks.id')
    .execute();
}

export async function listTasks(
  db: Executor,
  grants: readonly Grant[],
  f: {
    street?: string;
    compound?: string;
    state: 'pending' | 'overdue' | 'done' | 'all';
    today: string;
    after: [string, string] | null;
    limit: number;
  },
) {
  let q = db
    .selectFrom('gov_tasks')
    .innerJoin('compounds', 'compounds.id', 'gov_tasks.compound_id')
    .selectAll('gov_tasks')
    .select('compounds.name as compound_name')
    .where(scoped(grants) as never);
  if (f.street) q = q.where('gov_tasks.street_code', '=', f.street);
  if (f.compound) q = q.where('gov_tasks.compound_id', '=', f.compound);
  if (f.state === 'pending') q = q.where('gov_tasks.done_on', 'is', null);
  if (f.state === 'overdue')
    q = q.where('gov_tasks.done_on', 'is', null).where('gov_tasks.due_on', '<', f.today);
  if (f.state === 'done') q = q.where('gov_tasks.done_on', 'is not', null);
  return keysetPage(q, 'gov_tasks.due_on', 'gov_tasks.id', f.after, f.limit).execute();
}

// --- Reminders and the daily trigger scan -----------------------------------------------------------------

/**
 * The street's office for governance matters: its 房管办 (housing office), else the 街道办事处 / 镇政府. One
 * organisation, since a street-office account reads every organisation of its street (two would show twice).
 */
export async function streetOfficeOf(db: Executor, streetCode: string): Promise<string | null> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('division_code', '=', streetCode)
    .where('type', 'in', ['housing_office', 'street_office'])
    .orderBy(sql`case when type = 'housing_office' then 0 else 1 end`)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Enabled accounts holding an owners' committee member grant on the compound. */
export async function committeeMemberUsers(db: Executor, compoundId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('users.id')
    .distinct()
    .where('user_roles.role', '=', 'owners_committee_member')
    .where('user_roles.scope_type', '=', 'compound')
    .where('user_roles.scope_id', '=', compoundId)
    .where('users.disabled', '=', 0)
    .orderBy('users.id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * One keyset batch (by id) of compounds that may still owe the developer's report (《规定》 Arts 13–14): no
 * committee in term, no formation under way and no developer_report task of the compound yet — each an
 * index lookup (literal statuses, so SQLite can use the partial indexes), so compounds already handled drop
 * out cheaply. Completed formations: `completedFormationsOf`.
 */
export async function compoundsAwaitingAssembly(db: Executor, afterId: string | null, limit: number) {
  let q = db
    .selectFrom('compounds')
    .select(['compounds.id', 'compounds.name', 'compounds.street_code', 'compounds.district_code'])
    .select('compounds.first_delivery_on')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('committees')
            .select('committees.id')
            .whereRef('committees.compound_id', '=', 'compounds.id')
            .where('committees.status', '=', sql.lit('current')),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('gov_formations')
            .select('gov_formations.id')
            .whereRef('gov_formations.compound_id', '=', 'compounds.id')
            .where('gov_formations.status', '=', sql.lit('in_progress')),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('gov_tasks')
            .select('gov_tasks.id')
            .whereRef('gov_tasks.subject_id', '=', 'compounds.id')
            .where('gov_tasks.kind', '=', 'developer_report'),
        ),
      ),
    );
  if (afterId) q = q.where('compounds.id', '>', afterId);
  return q.orderBy('compounds.id').limit(limit).execute();
}

/** Which of the compounds ever completed a formation (gov_formations has no plain compound index: one pass). */
export async function completedFormationsOf(db: Executor, compoundIds: readonly string[]) {
  if (compoundIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('gov_formations')
    .select('compound_id')
    .where('status', '=', 'completed')
    .where('compound_id', 'in', compoundIds)
    .execute();
  return new Set(rows.map((r) => r.compound_id));
}

// --- Overview -----------------------------------------------------------------------------------------------

export async function overviewCompounds(
  db: Executor,
  grants: readonly Grant[],
  f: { street?: string; after: [string, string] | null; limit: number },
) {
  let q = db
    .selectFrom('compounds')
    .innerJoin('divisions as s', 's.code', 'compounds.street_code')
    .select([
      'compounds.id',
      'compounds.name',
      'compounds.street_code',
      'compounds.district_code',
      'compounds.first_delivery_on',
      's.name as street_name',
    ])
    .where(scoped(grants));
  if (f.street) q = q.where('compounds.street_code', '=', f.street);
  return keysetPage(q, 'compounds.name', 'compounds.id', f.after, f.limit).execute();
}

export async function formationsOf(db: Executor, compoundIds: readonly string[]) {
  if (compoundIds.length === 0) return [];
  return db
    .selectFrom('gov_formations')
    .select(['id', 'compound_id'])
    .where('compound_id', 'in', compoundIds)
    .where('status', '=', 'in_progress')
    .execute();
}

export async function currentCommitteesOf(db: Executor, compoundIds: readonly string[]) {
  if (compoundIds.length === 0) return [];
  return db
    .selectFrom('committees')
    .select([
      'committees.id',
      'committees.compound_id',
      'committees.seats',
      'committees.elected_on',
      'committees.term_ends_on',
    ])
    .select((eb) => [
      eb
        .selectFrom('committee_members')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('committee_members.committee_id', '=', 'committees.id')
        .where('committee_members.ended_on', 'is', null)
        .as('active_members'),
      eb
        .selectFrom('committee_meetings')
        .select(sql<string | null>`max(committee_meetings.held_on)`.as('m'))
        .whereRef('committee_meetings.committee_id', '=', 'committees.id')
        .as('last_meeting_on'),
    ])
    .where('committees.compound_id', 'in', compoundIds)
    .where('committees.status', '=', 'current')
    .execute();
}

export async function taskCounts(db: Executor, compoundIds: readonly string[], today: string) {
  if (compoundIds.length === 0) return [];
  return db
    .selectFrom('gov_tasks')
    .select([
      'compound_id',
      sql<number>`count(*)`.as('pending'),
      sql<number>`sum(case when due_on < ${today} then 1 else 0 end)`.as('overdue'),
      sql<string>`min(due_on)`.as('next_due_on'),
    ])
    .where('compound_id', 'in', compoundIds)
    .where('done_on', 'is', null)
    .groupBy('compound_id')
    .execute();
}

// --- Committee records: change filings, trainings, owner groups, fee arrears -------------------------------

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

/** Owners (by id) who hold a unit in a building, with their names. */
export async function ownersInBuilding(db: Executor, buildingId: string, ownerIds: readonly string[]) {
  if (ownerIds.length === 0) return [];
  return db
    .selectFrom('owners')
    .select(['owners.id', 'owners.name'])
    .where('owners.id', 'in', ownerIds)
    .where('owners.kind', '!=', 'developer')
    .where('owners.id', 'in', (eb) =>
      eb
        .selectFrom('unit_owners')
        .innerJoin('units', 'units.id', 'unit_owners.unit_id')
        .select('unit_owners.owner_id')
        .where('units.building_id', '=', buildingId),
    )
    .execute();
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

/**
 * Arrears facts for the eligibility check: whether the compound keeps arrears records at all, and whether
 * the owner has an open arrear on a unit they hold there.
 */
export async function arrearsFacts(db: Executor, compoundId: string, ownerId: string) {
  const [any, open] = await Promise.all([
    db
      .selectFrom('fee_arrears')
      .select('id')
      .where('compound_id', '=', compoundId)
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('fee_arrears')
      .select('id')
      .where('compound_id', '=', compoundId)
      .where('settled_on', 'is', null)
      .where('unit_id', 'in', (eb) =>
        eb
          .selectFrom('unit_owners')
          .select('unit_owners.unit_id')
          .where('unit_owners.owner_id', '=', ownerId)
          .where('unit_owners.compound_id', '=', compoundId),
      )
      .limit(1)
      .executeTakeFirst(),
  ]);
  return { recorded: !!any, open: !!open };
}

// --- The compound's notice board (公告栏) -----------------------------------------------------------------

/** Whether any of the owner ids holds a unit in the compound. */
export async function ownsInCompound(db: Executor, compoundId: string, ownerIds: readonly string[]) {
  if (ownerIds.length === 0) return false;
  const row = await db
    .selectFrom('unit_owners')
    .select('unit_id')
    .where('compound_id', '=', compoundId)
    .where('owner_id', 'in', ownerIds)
    .limit(1)
    .executeTakeFirst();
  return !!row;
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
    .select(['id', 'title', 'matter', 'scope', 'published_at', 'notice_ends_on', 'result_json'])
    .where('compound_id', '=', compoundId)
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
