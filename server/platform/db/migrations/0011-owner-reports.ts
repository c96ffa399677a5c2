// The owner's own reports (issue 9 §4): a case reported by a signed-in owner keeps the reporting account, so
// "my reports" is the cases that account reported — not a phone match, which would show an owner the cases
// someone else reported with a number they share. Cases from other channels leave it null. The index serves
// the owner's list (newest first, id as the keyset tie-break). Runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('cases')
    .addColumn('reporter_user_id', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('cases_reporter_user')
    .on('cases')
    .columns(['reporter_user_id', 'created_at', 'id'])
    .where('reporter_user_id', 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_reporter_user').execute();
  await db.schema.alterTable('cases').dropColumn('reporter_user_id').execute();
}
