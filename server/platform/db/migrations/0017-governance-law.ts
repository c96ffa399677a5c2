// Law fidelity of owners' self-governance (issue 14 items 15, 17, 22, 24): the day the street accepts (受理) a
// filing, from which its 20 days run (《上海市住宅物业管理规定》 Art 34); the 管理规约 clause under which a repair
// decision is exempt from the 换届 freeze (Art 28 ¶4 (三)); the 单元 (entrance) of a unit and owner groups per
// entrance (Art 35); and the register of Art 20 ¶2 grounds not corrected (损坏房屋承重结构, 违法搭建, 破坏房屋外貌,
// 擅自改变物业使用性质, 违法出租房屋) that the eligibility check reads beside cases and arrears.
// Runs unchanged on SQLite and PostgreSQL.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('committees').addColumn('filing_received_on', 'text').execute();
  await db.schema.alterTable('committee_changes').addColumn('received_on', 'text').execute();
  await db.schema.alterTable('decisions').addColumn('statute_clause', 'text').execute();
  await db.schema.alterTable('units').addColumn('entrance', 'text').execute();
  await db.schema.alterTable('owner_groups').addColumn('entrance', 'text').execute();
  // One active group per building, or per entrance of a building (null = the whole building).
  await db.schema.dropIndex('owner_groups_active_building').execute();
  await sql`create unique index owner_groups_active_place on owner_groups (building_id, coalesce(entrance, '')) where status = 'active'`.execute(
    db,
  );

  await db.schema
    .createTable('unit_violations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('ground', 'text', (c) => c.notNull()) // domain/governance-eligibility.ts VIOLATION_GROUNDS
    .addColumn('found_on', 'text', (c) => c.notNull())
    .addColumn('corrected_on', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('unit_violations_compound_unit')
    .on('unit_violations')
    .columns(['compound_id', 'unit_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unit_violations').ifExists().execute();
  await db.schema.dropIndex('owner_groups_active_place').ifExists().execute();
  await db.schema
    .createIndex('owner_groups_active_building')
    .on('owner_groups')
    .column('building_id')
    .unique()
    .where(sql<boolean>`status = 'active'`)
    .execute();
  await db.schema.alterTable('owner_groups').dropColumn('entrance').execute();
  await db.schema.alterTable('units').dropColumn('entrance').execute();
  await db.schema.alterTable('decisions').dropColumn('statute_clause').execute();
  await db.schema.alterTable('committee_changes').dropColumn('received_on').execute();
  await db.schema.alterTable('committees').dropColumn('filing_received_on').execute();
}
