// Dispute mediation (矛盾调解, 人民调解): disputes with their parties (phones stored, shown masked), the mediation
// committee (an organisation) and mediator (an account), sessions, and the outcome — the agreement (调解协议书)
// with its performance terms and judicial confirmation, a referral to arbitration or court, a withdrawal, or a
// return to a case. Runs unchanged on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mediation_disputes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
    .addColumn('district_code', 'text', (c) => c.notNull())
    .addColumn('street_code', 'text', (c) => c.notNull())
    .addColumn('committee_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('mediator_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text') // the case it was turned from
    .addColumn('returned_case_id', 'text') // the case it went back to
    .addColumn('agreement_json', 'text') // terms, performance method and deadline (人民调解法 第二十九条 [U])
    .addColumn('agreed_on', 'text')
    .addColumn('effective_on', 'text') // signed and sealed
    .addColumn('referral_json', 'text') // route (arbitration | court), body, note
    .addColumn('confirmation_json', 'text') // court, appliedOn, ruledOn, rulingNo (第三十三条 [U])
    .addColumn('closed_on', 'text')
    .addColumn('close_note', 'text')
    .addColumn('session_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('mediation_disputes_street')
    .on('mediation_disputes')
    .columns(['street_code', 'id'])
    .execute();
  await db.schema
    .createIndex('mediation_disputes_compound')
    .on('mediation_disputes')
    .column('compound_id')
    .execute();

  await db.schema
    .createTable('mediation_parties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dispute_id', 'text', (c) => c.notNull().references('mediation_disputes.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('owner_id', 'text') // when the party is a registered owner
    .execute();
  await db.schema
    .createIndex('mediation_parties_dispute')
    .on('mediation_parties')
    .columns(['dispute_id', 'seq'])
    .execute();

  await db.schema
    .createTable('mediation_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dispute_id', 'text', (c) => c.notNull().references('mediation_disputes.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mediation_sessions_dispute')
    .on('mediation_sessions')
    .columns(['dispute_id', 'held_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mediation_sessions').execute();
  await db.schema.dropTable('mediation_parties').execute();
  await db.schema.dropTable('mediation_disputes').execute();
}
