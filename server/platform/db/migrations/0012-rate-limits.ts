// Several server instances on one database (docs/deploy.md "Several instances"): request rate limits are
// counted in the database, so that a limit holds across every instance behind the load balancer.
// - rate_limits: one row per limited key (route + client address, or route + API key) and fixed window;
//   a request adds one with an upsert on (key, window_start). Rows of past windows are deleted by the
//   instances now and then (expires_at index).
// Runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limits_pk', ['key', 'window_start'])
    .execute();
  await db.schema.createIndex('rate_limits_expires').on('rate_limits').column('expires_at').execute();
}

export async function down(): Promise<void> {
  throw new Error('Down migrations are not supported: restore a backup instead.');
}
