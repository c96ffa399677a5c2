// Cost that does not grow with the data, and a keyed audit chain (docs/decisions/0007):
// - audit_log.seal_version: 2 for records sealed with HMAC-SHA256 under the chain key; null for records
//   sealed before this migration with plain SHA-256 (they stay as they are and verify as before, up to
//   the legacy boundary in the signed chain head).
// - audit_log_pending: a partial index of the unsealed records only, in sealing order, so the sealer
//   finds its next batch without walking the sealed log (SQLite and PostgreSQL both have partial indexes).
// - Work queues (server/modules/cases/queues/queues.repo.ts): for each place column a queue is scoped
//   by (lead organisation, street, district), an index of that column followed by nothing (the "all"
//   tab), status (toSign, inProgress, toDispatch, toVerify, returned) or due state (dueSoon, overdue),
//   then (next_due_at, id), the keyset order. They replace the three earlier queue indexes, which
//   lacked the id tie-break (cases without a deadline all share NO_DEADLINE).
// - api_keys.rate_limit_per_minute: Open311 creates per minute of one integration (null: the default
//   from OPEN311_KEY_RATE_LIMIT), so a city hotline platform sending from one address is limited by its
//   key, not by the address it shares.
// Runs on SQLite and PostgreSQL.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('seal_version', 'integer').execute();
  await sql`create index audit_log_pending on audit_log (at, id) where hash is null`.execute(db);
  for (const old of ['cases_lead_queue', 'cases_lead_due', 'cases_street_status'])
    await db.schema.dropIndex(old).execute();
  const places = { lead: 'lead_org_id', street: 'street_code', district: 'district_code' };
  for (const [name, place] of Object.entries(places)) {
    await db.schema
      .createIndex(`cases_q_${name}`)
      .on('cases')
      .columns([place, 'next_due_at', 'id'])
      .execute();
    await db.schema
      .createIndex(`cases_q_${name}_status`)
      .on('cases')
      .columns([place, 'status', 'next_due_at', 'id'])
      .execute();
    await db.schema
      .createIndex(`cases_q_${name}_due`)
      .on('cases')
      .columns([place, 'due_state', 'next_due_at', 'id'])
      .execute();
  }
  await db.schema.alterTable('api_keys').addColumn('rate_limit_per_minute', 'integer').execute();
  if (isPostgres(db)) {
    // Sealing sets seal_version together with seq, prev_hash and hash, once.
    await sql`create or replace function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and old.hash is null and new.hash is not null
           and (to_jsonb(new) - array['seq','prev_hash','hash','seal_version'])
             = (to_jsonb(old) - array['seq','prev_hash','hash','seal_version'])
        then return new; end if;
        raise exception 'audit_log is append-only';
      end $$`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Down migrations are not supported: restore a backup instead.');
}
