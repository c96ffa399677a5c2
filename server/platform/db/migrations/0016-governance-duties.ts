// Duties of 《上海市住宅物业管理规定》 the first governance tables lacked (issue 14 items 6–10, 16):
// - gov_meeting_notices: the committee's written notice of an assembly meeting (a decision) to the 房管机构 and
//   the 居民委员会 (Art 25 ¶2; 《物业管理条例》 Art 14 ¶2) — a decision opens only when both are recorded.
// - gov_petitions: proposals for an extraordinary assembly meeting (20 % of owners, Art 25 ¶1) or an
//   extraordinary committee meeting (one third of members, Art 26 ¶1), with the share checked on receipt.
// - assembly_exemptions: a region exempt from forming an assembly (one owner, or all owners agree; Art 13 ¶2)
//   — the daily trigger scan skips it while the exemption holds.
// - committee_filing_materials: the six documents of the committee's filing (Art 23 ¶1).
// Runs unchanged on SQLite and PostgreSQL.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const versioned = (b: any) =>
    b
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c: any) => c.notNull())
      .addColumn('updated_at', 'text', (c: any) => c.notNull())
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1));

  await db.schema
    .createTable('gov_meeting_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('decision_id', 'text', (c) => c.notNull().references('decisions.id'))
    .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
    .addColumn('recipient', 'text', (c) => c.notNull()) // housing_office | residents_committee
    .addColumn('recipient_name', 'text', (c) => c.notNull()) // e.g. 花木街道房管办
    .addColumn('notified_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('gov_meeting_notices_decision_recipient')
    .on('gov_meeting_notices')
    .columns(['decision_id', 'recipient'])
    .unique()
    .execute();

  await versioned(
    db.schema
      .createTable('gov_petitions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
      .addColumn('committee_id', 'text', (c) => c.notNull().references('committees.id'))
      .addColumn('kind', 'text', (c) => c.notNull()) // assembly | committee
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('proposers', 'integer', (c) => c.notNull())
      .addColumn('base', 'integer', (c) => c.notNull()) // owners (persons) or serving members on receipt
      .addColumn('proposer_member_ids_json', 'text', (c) => c.notNull()) // committee kind; '[]' otherwise
      .addColumn('met', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // awaiting | convened | insufficient
      .addColumn('convened_on', 'text')
      .addColumn('convened_ref_id', 'text'), // the decision or the meeting that answered it
  ).execute();
  await db.schema
    .createIndex('gov_petitions_committee')
    .on('gov_petitions')
    .columns(['committee_id', 'received_on'])
    .execute();

  await versioned(
    db.schema
      .createTable('assembly_exemptions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
      .addColumn('reason', 'text', (c) => c.notNull()) // single_owner | unanimous
      .addColumn('agreed_on', 'text', (c) => c.notNull()) // the record's date (the agreement's, when unanimous)
      .addColumn('owners_at_record', 'integer', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('status', 'text', (c) => c.notNull()) // active | revoked
      .addColumn('revoked_on', 'text'),
  ).execute();
  await db.schema
    .createIndex('assembly_exemptions_active')
    .on('assembly_exemptions')
    .column('compound_id')
    .unique()
    .where(sql<boolean>`status = 'active'`)
    .execute();

  await versioned(
    db.schema
      .createTable('committee_filing_materials')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('committee_id', 'text', (c) => c.notNull().references('committees.id'))
      .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
      .addColumn('material', 'text', (c) => c.notNull()) // domain/governance-duties.ts FILING_MATERIALS
      .addColumn('provided_on', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('committee_filing_materials_one')
    .on('committee_filing_materials')
    .columns(['committee_id', 'material'])
    .unique()
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Down migrations are not supported: restore a backup instead.');
}
