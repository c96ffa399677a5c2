// Governance queries shared by the sub-domains: the compound and its registry facts, the committee in term,
// working groups, deadline rows (gov_tasks) and what the jobs read. Each sub-domain keeps its own queries in
// <sub-domain>/<sub-domain>.repo.ts. Scoped lists take a compound-scope condition built by platform/scope.ts.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Grant } from '../../../domain/access.js';
import { CASE_CATEGORY_GROUNDS } from '../../../domain/governance-eligibility.js';
import type { Executor } from '../../platform/db/database.js';
import { lockRow } from '../../platform/db/locks.js';
import type { DB, GovGroupMemberTable, GovGroupTable, GovTaskTable } from '../../platform/db/schema.js';
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
      'created_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function buildingsOf(db: Executor, compoundId: string, ids?: readonly string[]) {
  let q = db.selectFrom('buildings').select(['id', 'name']).where('compound_id', '=', compoundId);
  if (ids) {
    if (ids.length === 0) return [];
    q = q.where('id', 'in', ids);
  }
  return q.orderBy('name').execute();
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
      sql<number>`sum(${sold})`.as('sold_units'),
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

/** Unresolved cases of an Art 20 ¶2 category (违法搭建 / 群租) on the units an owner holds ("未改正"). */
export async function openDisqualifyingCases(db: Executor, compoundId: string, ownerId: string) {
  return db
    .selectFrom('cases')
    .select(['cases.case_no', 'cases.category_code'])
    .where('cases.category_code', 'in', Object.keys(CASE_CATEGORY_GROUNDS))
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

/**
 * The register of Art 20 ¶2 grounds (unit_violations) for the eligibility check: whether the compound keeps it
 * at all, and the owner's uncorrected entries on units they hold there.
 */
export async function violationFacts(db: Executor, compoundId: string, ownerId: string) {
  const [any, open] = await Promise.all([
    db
      .selectFrom('unit_violations')
      .select('id')
      .where('compound_id', '=', compoundId)
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('unit_violations')
      .select(['ground', 'found_on'])
      .where('compound_id', '=', compoundId)
      .where('corrected_on', 'is', null)
      .where('unit_id', 'in', (eb) =>
        eb
          .selectFrom('unit_owners')
          .select('unit_owners.unit_id')
          .where('unit_owners.owner_id', '=', ownerId)
          .where('unit_owners.compound_id', '=', compoundId),
      )
      .orderBy('found_on')
      .execute(),
  ]);
  return { kept: !!any, open };
}

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

// --- Deadline rows (gov_tasks) ---

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

// --- The daily trigger scan and reminders ---

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
    .select(['compounds.first_delivery_on', 'compounds.created_at'])
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

/**
 * Locks the compound's row until the transaction ends, so that two writers deciding from "nothing has started
 * here yet" (the daily trigger scan, startFormation) take turns.
 */
export async function lockCompound(db: Executor, compoundId: string): Promise<void> {
  await lockRow(db, 'compounds', compoundId);
}

/** Inserts a working group (筹备组 or 换届改选小组) with its members in order. */
export async function insertGroup(
  db: Executor,
  group: GovGroupTable,
  members: readonly Omit<GovGroupMemberTable, 'group_id' | 'seq'>[],
): Promise<void> {
  await db.insertInto('gov_groups').values(group).execute();
  await db
    .insertInto('gov_group_members')
    .values(members.map((m, i) => ({ ...m, group_id: group.id, seq: i + 1 })))
    .execute();
}

/**
 * What the maintenance fund needs to know of a compound's assembly (《规定》第七十一条, 第七十三条第三款): whether the
 * developer's written report was made (a formation records it; or the developer_report task was done) and
 * whether an assembly was formed (a completed formation, or a committee on record).
 */
export async function fundStageFacts(db: Executor, compoundId: string) {
  const committee = await db
    .selectFrom('committees')
    .select('id')
    .where('compound_id', '=', compoundId)
    .limit(1)
    .executeTakeFirst();
  const formations = await db
    .selectFrom('gov_formations')
    .select(['status', 'report_on'])
    .where('compound_id', '=', compoundId)
    .execute();
  const reportTask = await db
    .selectFrom('gov_tasks')
    .select(['id', 'done_on'])
    .where('compound_id', '=', compoundId)
    .where('kind', '=', 'developer_report')
    .where('done_on', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  const reportDays = [
    ...formations.map((f) => f.report_on),
    reportTask?.done_on ? String(reportTask.done_on).slice(0, 10) : null,
  ].filter((d): d is string => !!d);
  return {
    assemblyFormed: !!committee || formations.some((f) => f.status === 'completed'),
    developerReported: !!reportTask || formations.some((f) => f.report_on !== null),
    /** The earliest day the developer's written report is known to have been made, if recorded. */
    developerReportedOn: reportDays.sort()[0] ?? null,
  };
}
