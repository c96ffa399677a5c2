import type { Executor } from '../../platform/db/database.js';
import { keysetPage } from '../../platform/db/keyset.js';

export async function listForOrgs(
  db: Executor,
  orgIds: readonly string[],
  f: { unread?: boolean; before: [string, string] | null; limit: number },
) {
  let q = db.selectFrom('notifications').selectAll().where('org_id', 'in', orgIds);
  if (f.unread) q = q.where('read_at', 'is', null);
  return keysetPage(q, 'created_at', 'id', f.before, f.limit, 'desc').execute();
}

export async function markRead(db: Executor, orgIds: readonly string[], id: string, at: string) {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('org_id', 'in', orgIds)
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
