// Queries of owners' committees (业主委员会): terms, members, meetings and attendance.
import type { Executor } from '../../../platform/db/database.js';
import type {
  CommitteeAttendanceTable,
  CommitteeMeetingTable,
  CommitteeMemberTable,
  CommitteeTable,
} from '../../../platform/db/schema.js';

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

export async function member(db: Executor, committeeId: string, memberId: string) {
  return db
    .selectFrom('committee_members')
    .selectAll()
    .where('id', '=', memberId)
    .where('committee_id', '=', committeeId)
    .executeTakeFirst();
}

export async function insertCommittee(db: Executor, row: CommitteeTable): Promise<void> {
  await db.insertInto('committees').values(row).execute();
}

/** The committee in term is succeeded by a newly elected one. */
export async function succeedCommittee(
  db: Executor,
  old: Pick<CommitteeTable, 'id' | 'version'>,
  now: string,
) {
  await db
    .updateTable('committees')
    .set({ status: 'succeeded', updated_at: now, version: old.version + 1 })
    .where('id', '=', old.id)
    .execute();
}

/** The serving members' terms end with their committee's. */
export async function endServingMembers(db: Executor, committeeId: string, on: string, now: string) {
  await db
    .updateTable('committee_members')
    .set({ ended_on: on, end_reason: 'term_end', updated_at: now })
    .where('committee_id', '=', committeeId)
    .where('ended_on', 'is', null)
    .execute();
}

/** A new version of the committee row after a change to its members (by-election). */
export async function touchCommittee(db: Executor, k: Pick<CommitteeTable, 'id' | 'version'>, now: string) {
  await db
    .updateTable('committees')
    .set({ updated_at: now, version: k.version + 1 })
    .where('id', '=', k.id)
    .execute();
}

export async function insertMember(db: Executor, row: CommitteeMemberTable): Promise<void> {
  await db.insertInto('committee_members').values(row).execute();
}

export async function insertMeeting(
  db: Executor,
  row: CommitteeMeetingTable,
  attendance: readonly CommitteeAttendanceTable[],
): Promise<void> {
  await db.insertInto('committee_meetings').values(row).execute();
  await db
    .insertInto('committee_attendance')
    .values([...attendance])
    .execute();
}
