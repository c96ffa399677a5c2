import type { ExpressionBuilder, Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { keysetPage } from '../../platform/db/keyset.js';
import type { DB, NotificationTable, ResidentMessageTable } from '../../platform/db/schema.js';

/** Whose notifications: those addressed to some organisations and/or to one user account. */
export interface Inbox {
  orgIds: readonly string[];
  userId: string | null;
}

function addressedTo(inbox: Inbox) {
  return (eb: ExpressionBuilder<DB, 'notifications'>) => {
    const terms = [];
    if (inbox.orgIds.length > 0) terms.push(eb('org_id', 'in', inbox.orgIds));
    if (inbox.userId) terms.push(eb('user_id', '=', inbox.userId));
    return terms.length > 0 ? eb.or(terms) : eb.lit(false);
  };
}

export async function listFor(
  db: Executor,
  inbox: Inbox,
  f: { unread?: boolean; before: [string, string] | null; limit: number },
) {
  let q = db.selectFrom('notifications').selectAll().where(addressedTo(inbox));
  if (f.unread) q = q.where('read_at', 'is', null);
  return keysetPage(q, 'created_at', 'id', f.before, f.limit, 'desc').execute();
}

export async function markRead(db: Executor, inbox: Inbox, id: string, at: string) {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('id', '=', id)
    .where(addressedTo(inbox))
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function organisationsOfStreets(db: Executor, streets: readonly string[]) {
  if (streets.length === 0) return [];
  return (
    await db.selectFrom('organisations').select('id').where('division_code', 'in', streets).execute()
  ).map((r) => r.id);
}

export async function insertNotifications(db: Executor, rows: NotificationTable[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('notifications').values(rows).execute();
}

/** Records a message to a resident (outbox); false when the same step of the case was recorded already. */
export async function insertResidentMessage(db: Executor, row: Insertable<ResidentMessageTable>) {
  const r = await db
    .insertInto('resident_messages')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function residentMessage(db: Executor, id: string) {
  return db
    .selectFrom('resident_messages')
    .innerJoin('cases', 'cases.id', 'resident_messages.case_id')
    .select([
      'resident_messages.id',
      'resident_messages.step',
      'resident_messages.recipient',
      'resident_messages.text',
      'resident_messages.status',
      'resident_messages.attempts',
      'cases.case_no',
    ])
    .where('resident_messages.id', '=', id)
    .executeTakeFirst();
}

export async function markResidentMessage(
  db: Executor,
  id: string,
  changes: Pick<ResidentMessageTable, 'status' | 'attempts' | 'last_error' | 'adapter' | 'sent_at'>,
) {
  await db.updateTable('resident_messages').set(changes).where('id', '=', id).execute();
}
