// Owners' self-governance, the records the first governance migration lacked: publication of committee
// resolutions (《规定》 Art 26 ¶3), change filings (变更备案, Art 33), training records (Arts 15, 23), owner
// groups (业主小组, Art 35) and fee arrears (欠交物业服务费或者专项维修资金, Art 20 ¶2) for the eligibility
// check; and user-addressed notifications (committee members have no organisation to be addressed through).
// Runs unchanged on SQLite and PostgreSQL.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const versioned = (b: any) =>
    b
      .addColumn('created_at', 'text', (c: any) => c.notNull())
      .addColumn('updated_at', 'text', (c: any) => c.notNull())
      .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1));

  // Art 26 ¶3: adopted resolutions are posted within 3 days and the residents' committee informed.
  await db.schema.alterTable('committee_meetings').addColumn('published_on', 'text').execute();
  await db.schema.alterTable('committee_meetings').addColumn('rc_informed_on', 'text').execute();

  // Art 33: a change of name, area, members, 议事规则 or 管理规约 is filed with the street within 30 days;
  // the street decides within 20 days of accepting it (Art 34).
  await versioned(
    db.schema
      .createTable('committee_changes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('committee_id', 'text', (c) => c.notNull().references('committees.id'))
      .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
      .addColumn('kind', 'text', (c) => c.notNull()) // members | rules_of_procedure | management_statute | name | area
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('changed_on', 'text', (c) => c.notNull())
      .addColumn('source_type', 'text') // member | decision | null (recorded by hand)
      .addColumn('source_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull()) // pending | submitted | accepted | rejected
      .addColumn('submitted_on', 'text')
      .addColumn('decided_on', 'text')
      .addColumn('note', 'text')
      .addColumn('created_by', 'text'),
  ).execute();
  await db.schema
    .createIndex('committee_changes_committee')
    .on('committee_changes')
    .columns(['committee_id', 'changed_on'])
    .execute();

  // Training given by the street (Art 15 ¶3 for the 筹备组, Art 23 for the committee's filing).
  await db.schema
    .createTable('gov_trainings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
    .addColumn('committee_id', 'text', (c) => c.notNull().references('committees.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('trainer', 'text', (c) => c.notNull())
    .addColumn('hours', 'integer', (c) => c.notNull()) // in tenths of an hour (1.5 h = 15)
    .addColumn('attendee_ids_json', 'text', (c) => c.notNull()) // committee member ids
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('gov_trainings_committee')
    .on('gov_trainings')
    .columns(['committee_id', 'held_on'])
    .execute();

  // Art 35: owner groups per building (幢) in regions of two or more buildings.
  await versioned(
    db.schema
      .createTable('owner_groups')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
      .addColumn('building_id', 'text', (c) => c.notNull().references('buildings.id'))
      .addColumn('formed_on', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull()) // active | dissolved
      .addColumn('dissolved_on', 'text')
      .addColumn('representatives_json', 'text', (c) => c.notNull()) // [{ ownerId, name }] 业主代表
      .addColumn('created_by', 'text'),
  ).execute();
  await db.schema
    .createIndex('owner_groups_active_building')
    .on('owner_groups')
    .column('building_id')
    .unique()
    .where(sql<boolean>`status = 'active'`)
    .execute();
  await db.schema.createIndex('owner_groups_compound').on('owner_groups').column('compound_id').execute();

  // Arrears of property fees or maintenance-fund contributions, recorded by the serving property company or
  // the street; open while settled_on is null. A compound with any record has its arrears "recorded".
  await versioned(
    db.schema
      .createTable('fee_arrears')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
      .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
      .addColumn('kind', 'text', (c) => c.notNull()) // service_fee | maintenance_fund
      .addColumn('amount', 'integer', (c) => c.notNull()) // fen (分)
      .addColumn('period_from', 'text', (c) => c.notNull())
      .addColumn('period_to', 'text', (c) => c.notNull())
      .addColumn('recorded_on', 'text', (c) => c.notNull())
      .addColumn('settled_on', 'text')
      .addColumn('note', 'text')
      .addColumn('recorded_by', 'text'),
  ).execute();
  await db.schema
    .createIndex('fee_arrears_compound_unit')
    .on('fee_arrears')
    .columns(['compound_id', 'unit_id'])
    .execute();

  await db.schema
    .createIndex('notifications_user')
    .on('notifications')
    .columns(['user_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('notifications_user').ifExists().execute();
  for (const t of ['fee_arrears', 'owner_groups', 'gov_trainings', 'committee_changes']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.alterTable('committee_meetings').dropColumn('rc_informed_on').execute();
  await db.schema.alterTable('committee_meetings').dropColumn('published_on').execute();
}
