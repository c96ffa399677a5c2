// 考核 (issue 13 "Assessment"): assessment periods of a district (or the city) with their indicator systems as
// data (one per assessed level, street and department), the computed results per unit with the arithmetic,
// manual scores entered with evidence, and the two-way ratings (条与块、条与条) each with a reason. Also the
// source link of a case found in online media (网络舆情, cases.source_url). Runs unchanged on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assess_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('division_code', 'text', (c) => c.notNull()) // the assessing division: the city or a district
    .addColumn('code', 'text', (c) => c.notNull()) // 2026-Q4, 2026
    .addColumn('name', 'text', (c) => c.notNull()) // 2026年第四季度
    .addColumn('from_on', 'text', (c) => c.notNull())
    .addColumn('to_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // draft | computed | published
    .addColumn('systems_json', 'text', (c) => c.notNull()) // { street: IndicatorSystem, department: IndicatorSystem }
    .addColumn('computed_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('assess_periods_division_code', ['division_code', 'code'])
    .execute();

  await db.schema
    .createTable('assess_results')
    .addColumn('period_id', 'text', (c) => c.notNull().references('assess_periods.id'))
    .addColumn('level', 'text', (c) => c.notNull()) // street | department
    .addColumn('unit_key', 'text', (c) => c.notNull()) // the street's division code or the department's id
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('total', 'double precision') // null: nothing measured
    .addColumn('rank', 'integer')
    .addColumn('breakdown_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assess_results_pk', ['period_id', 'level', 'unit_key'])
    .execute();

  await db.schema
    .createTable('assess_manual_scores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_id', 'text', (c) => c.notNull().references('assess_periods.id'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('unit_key', 'text', (c) => c.notNull())
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('points', 'double precision', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text')
    .addColumn('entered_by_name', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assess_manual_scores_unit', ['period_id', 'level', 'unit_key', 'indicator_code'])
    .execute();

  await db.schema
    .createTable('assess_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_id', 'text', (c) => c.notNull().references('assess_periods.id'))
    .addColumn('rater_level', 'text', (c) => c.notNull())
    .addColumn('rater_key', 'text', (c) => c.notNull())
    .addColumn('rated_level', 'text', (c) => c.notNull())
    .addColumn('rated_key', 'text', (c) => c.notNull())
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('points', 'double precision', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assess_ratings_pair', [
      'period_id',
      'rater_key',
      'rated_level',
      'rated_key',
      'indicator_code',
    ])
    .execute();
  await db.schema
    .createIndex('assess_ratings_rated')
    .on('assess_ratings')
    .columns(['period_id', 'rated_level', 'rated_key'])
    .execute();

  // 网络舆情: where an online-media case was found (the post's address); null for every other channel.
  await db.schema.alterTable('cases').addColumn('source_url', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').dropColumn('source_url').execute();
  await db.schema.dropTable('assess_ratings').execute();
  await db.schema.dropTable('assess_manual_scores').execute();
  await db.schema.dropTable('assess_results').execute();
  await db.schema.dropTable('assess_periods').execute();
}
