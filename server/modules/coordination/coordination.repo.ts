// Queries of joint meetings (联席会议): bodies and their member units, meetings with agenda, attendance and
// decisions, requests from a lower level, action items with their cooperating units, and the names they show.
import type { Grant } from '../../../domain/access.js';
import { inList, type Executor } from '../../platform/db/database.js';
import type {
  CoordActionItemTable,
  CoordAgendaItemTable,
  CoordAttendanceTable,
  CoordBodyTable,
  CoordDecisionTable,
  CoordMeetingTable,
  CoordRequestTable,
} from '../../platform/db/schema-coordination.js';
import { compoundScopeCondition } from '../../platform/scope.js';

// ---------------------------------------------------------------------------------------------------------
// Bodies

export async function insertBody(db: Executor, row: CoordBodyTable) {
  await db.insertInto('coord_bodies').values(row).execute();
}
export async function body(db: Executor, id: string) {
  return db.selectFrom('coord_bodies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The bodies the (location) grants reach: a district grant its district's and streets' bodies. */
export async function bodiesInScope(db: Executor, grants: readonly Grant[]) {
  return db
    .selectFrom('coord_bodies')
    .selectAll()
    .where(
      (eb) =>
        compoundScopeCondition(eb, grants, {
          id: 'coord_bodies.id',
          district: 'coord_bodies.district_code',
          street: 'coord_bodies.street_code',
        }) ?? eb.lit(true),
    )
    .orderBy('division_code')
    .execute();
}

export async function members(db: Executor, bodyIds: readonly string[]) {
  return db
    .selectFrom('coord_members')
    .innerJoin('organisations', 'organisations.id', 'coord_members.org_id')
    .select(['coord_members.body_id', 'organisations.id', 'organisations.name'])
    .where('coord_members.body_id', 'in', inList(bodyIds))
    .orderBy('organisations.name')
    .execute();
}

export async function replaceMembers(db: Executor, bodyId: string, orgIds: readonly string[]) {
  await db.deleteFrom('coord_members').where('body_id', '=', bodyId).execute();
  if (orgIds.length)
    await db
      .insertInto('coord_members')
      .values(orgIds.map((org_id) => ({ body_id: bodyId, org_id })))
      .execute();
}

/** Organisations by id (to check that named units exist). */
export async function orgs(db: Executor, ids: readonly string[]) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'type'])
    .where('id', 'in', inList(ids))
    .execute();
}

export async function divisionNames(db: Executor, codes: readonly string[]) {
  const rows = await db
    .selectFrom('divisions')
    .select(['code', 'name'])
    .where('code', 'in', inList(codes))
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function openItemCounts(db: Executor, bodyIds: readonly string[]) {
  return db
    .selectFrom('coord_action_items')
    .select(['body_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('body_id', 'in', inList(bodyIds))
    .where('status', '=', 'open')
    .groupBy('body_id')
    .execute();
}

// ---------------------------------------------------------------------------------------------------------
// Meetings

export async function insertMeeting(db: Executor, row: CoordMeetingTable) {
  await db.insertInto('coord_meetings').values(row).execute();
}
export async function meeting(db: Executor, id: string) {
  return db.selectFrom('coord_meetings').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function meetingsOf(db: Executor, bodyId: string) {
  return db
    .selectFrom('coord_meetings')
    .selectAll()
    .where('body_id', '=', bodyId)
    .orderBy('meeting_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function insertAgendaItem(db: Executor, row: CoordAgendaItemTable) {
  await db.insertInto('coord_agenda_items').values(row).execute();
}
export async function agendaOf(db: Executor, meetingId: string) {
  return db
    .selectFrom('coord_agenda_items')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('seq')
    .execute();
}

export async function insertAttendance(db: Executor, rows: CoordAttendanceTable[]) {
  if (rows.length) await db.insertInto('coord_attendance').values(rows).execute();
}
export async function attendanceOf(db: Executor, meetingId: string) {
  return db.selectFrom('coord_attendance').selectAll().where('meeting_id', '=', meetingId).execute();
}

export async function insertDecision(db: Executor, row: CoordDecisionTable) {
  await db.insertInto('coord_decisions').values(row).execute();
}
export async function decisionsOf(db: Executor, meetingId: string) {
  return db
    .selectFrom('coord_decisions')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('seq')
    .execute();
}

// ---------------------------------------------------------------------------------------------------------
// Requests from a lower level

export async function insertRequest(db: Executor, row: CoordRequestTable) {
  await db.insertInto('coord_requests').values(row).execute();
}
export async function request(db: Executor, id: string) {
  return db.selectFrom('coord_requests').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function requestsOf(db: Executor, bodyId: string) {
  return db
    .selectFrom('coord_requests')
    .selectAll()
    .where('body_id', '=', bodyId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Requests sent from these divisions (all when null: a city-wide grant), with the body and the meeting taking them. */
export async function requestsFrom(db: Executor, codes: readonly string[] | null) {
  let q = db
    .selectFrom('coord_requests as r')
    .innerJoin('coord_bodies as b', 'b.id', 'r.body_id')
    .leftJoin('coord_agenda_items as a', 'a.request_id', 'r.id')
    .leftJoin('coord_meetings as m', 'm.id', 'a.meeting_id')
    .selectAll('r')
    .select([
      'b.name as body_name',
      'm.title as meeting_title',
      'm.meeting_on',
      'm.status as meeting_status',
    ]);
  if (codes) q = q.where('r.from_division_code', 'in', inList(codes));
  return q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(200).execute();
}

// ---------------------------------------------------------------------------------------------------------
// Action items

export async function insertActionItem(
  db: Executor,
  row: CoordActionItemTable,
  cooperating: readonly string[],
) {
  await db.insertInto('coord_action_items').values(row).execute();
  if (cooperating.length)
    await db
      .insertInto('coord_action_orgs')
      .values(cooperating.map((org_id) => ({ action_item_id: row.id, org_id })))
      .execute();
}

export async function actionItem(db: Executor, id: string) {
  return db.selectFrom('coord_action_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface ItemFilter {
  ids?: readonly string[];
  meetingId?: string;
  /** Items of the body's earlier meetings (held before `before`). */
  bodyBefore?: { bodyId: string; before: string };
  /** Items whose lead or a cooperating unit is one of these organisations. */
  orgIds?: readonly string[];
  /** Items within the (location) grants' reach. */
  grants?: readonly Grant[];
  status?: 'open' | 'done';
}

/** Action items with what they show: the body, the meeting, the decision text, the lead's name. */
export async function actionItems(db: Executor, f: ItemFilter) {
  let q = db
    .selectFrom('coord_action_items as a')
    .innerJoin('coord_meetings as m', 'm.id', 'a.meeting_id')
    .innerJoin('coord_bodies as b', 'b.id', 'a.body_id')
    .innerJoin('coord_decisions as d', 'd.id', 'a.decision_id')
    .innerJoin('organisations as o', 'o.id', 'a.lead_org_id')
    .selectAll('a')
    .select([
      'm.title as meeting_title',
      'm.meeting_on',
      'b.name as body_name',
      'b.level',
      'b.division_code',
      'd.text as decision_text',
      'o.name as lead_name',
    ]);
  if (f.ids) q = q.where('a.id', 'in', inList(f.ids));
  if (f.meetingId) q = q.where('a.meeting_id', '=', f.meetingId);
  if (f.bodyBefore)
    q = q.where('a.body_id', '=', f.bodyBefore.bodyId).where('m.meeting_on', '<', f.bodyBefore.before);
  if (f.status) q = q.where('a.status', '=', f.status);
  const orgIds = f.orgIds;
  if (orgIds)
    q = q.where((eb) =>
      eb.or([
        eb('a.lead_org_id', 'in', inList(orgIds)),
        eb(
          'a.id',
          'in',
          eb
            .selectFrom('coord_action_orgs')
            .select('coord_action_orgs.action_item_id')
            .where('coord_action_orgs.org_id', 'in', inList(orgIds)),
        ),
      ]),
    );
  const grants = f.grants;
  if (grants)
    q = q.where(
      (eb) =>
        compoundScopeCondition(eb, grants, {
          id: 'a.id',
          district: 'a.district_code',
          street: 'a.street_code',
        }) ?? eb.lit(true),
    );
  return q.orderBy('a.due_on').orderBy('a.id').limit(500).execute();
}

export async function cooperatingOf(db: Executor, itemIds: readonly string[]) {
  return db
    .selectFrom('coord_action_orgs')
    .innerJoin('organisations', 'organisations.id', 'coord_action_orgs.org_id')
    .select(['coord_action_orgs.action_item_id', 'organisations.id', 'organisations.name'])
    .where('coord_action_orgs.action_item_id', 'in', inList(itemIds))
    .orderBy('organisations.name')
    .execute();
}

/** Open action items after `after` (keyset on id), with the body's office, for the daily warning scan. */
export async function openItemsAfter(db: Executor, after: string | null, limit: number) {
  let q = db
    .selectFrom('coord_action_items as a')
    .innerJoin('coord_bodies as b', 'b.id', 'a.body_id')
    .selectAll('a')
    .select(['b.name as body_name', 'b.office_org_id'])
    .where('a.status', '=', 'open');
  if (after) q = q.where('a.id', '>', after);
  return q.orderBy('a.id').limit(limit).execute();
}
