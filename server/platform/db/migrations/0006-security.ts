// Idempotency of intake scoped to the integration: an external reference (Idempotency-Key, work order number)
// is unique per integration — an API key, or the staff console per channel family (the three hotlines are one
// family) — instead of per channel, and the request's fingerprint is kept so a reused key with a different
// body is answered 422 with the existing case. Runs unchanged on SQLite and PostgreSQL.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('idempotency_scope', 'text').execute();
  await db.schema.alterTable('cases').addColumn('request_hash', 'text').execute();
  // Existing references: the API key that recorded the case (from its audit record), else the staff
  // console per channel (no two existing rows can collide: the old index was unique per channel).
  await sql`
    update cases set idempotency_scope = coalesce(
      (select min(a.actor_id) from audit_log a
        where a.action = 'cases.receive' and a.target_type = 'case' and a.target_id = cases.id
          and a.actor_id like 'apikey:%'),
      'staff:' || channel)
    where external_ref is not null`.execute(db);
  await db.schema.dropIndex('cases_channel_ref').execute();
  await db.schema
    .createIndex('cases_idempotency')
    .on('cases')
    .columns(['idempotency_scope', 'external_ref'])
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_idempotency').execute();
  await db.schema
    .createIndex('cases_channel_ref')
    .on('cases')
    .columns(['channel', 'external_ref'])
    .unique()
    .execute();
  await db.schema.alterTable('cases').dropColumn('request_hash').execute();
  await db.schema.alterTable('cases').dropColumn('idempotency_scope').execute();
}
