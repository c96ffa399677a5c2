import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { keysetPage } from '../../platform/db/keyset.js';
import type { DB, NotificationTable } from '../../platform/db/schema.js';

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
