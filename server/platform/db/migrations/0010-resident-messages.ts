// The outbox of messages to residents (issue 9 §3): one row per public step of a case the reporter is told of
// (SMS with the signed tracking link), written in the transaction of the change; a durable job delivers it
// through the configured adapter (log, or a gateway's webhook) and records the outcome here. The dedupe key
// (case + event) makes a retried or concurrent write tell of one step once. Runs on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('resident_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('step', 'text', (c) => c.notNull()) // PUBLIC_STEPS (domain/case-public-steps.ts)
    .addColumn('channel', 'text', (c) => c.notNull()) // sms
    .addColumn('recipient', 'text', (c) => c.notNull()) // the reporter's phone (never logged unmasked)
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // pending | sent | failed
    .addColumn('adapter', 'text') // log | webhook, once delivered
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('resident_messages_case')
    .on('resident_messages')
    .columns(['case_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('resident_messages').execute();
}
