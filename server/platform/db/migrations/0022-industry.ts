// The property-service industry (物业服务行业): company profiles (统一社会信用代码, registered address, legal
// representative) of property-company organisations, their historical qualification grades (资质, dated facts),
// project managers and their postings to compounds, the filing facts of service contracts (《上海市住宅物业管理
// 规定》第四十四条), and the credit record (《规定》第三十八条; the 2023 measures): the rule table (data, [U]), records,
// objections (异议, one per record) and corrections (修正). Runs unchanged on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';
import { DEFAULT_CREDIT_RULES } from '../../../../domain/credit.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('industry_company_profiles')
    .addColumn('id', 'text', (c) => c.primaryKey().references('organisations.id')) // the organisation
    .addColumn('credit_code', 'text', (c) => c.notNull().unique())
    .addColumn('registered_address', 'text', (c) => c.notNull())
    .addColumn('legal_representative', 'text', (c) => c.notNull())
    .addColumn('staff_count', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('industry_qualifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('company_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('grade', 'text', (c) => c.notNull()) // 一级 | 二级 | 三级 (资质, abolished 2018)
    .addColumn('certificate_no', 'text')
    .addColumn('granted_on', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('industry_qualifications_company')
    .on('industry_qualifications')
    .columns(['company_id', 'granted_on'])
    .execute();

  await db.schema
    .createTable('industry_managers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('certificate_no', 'text', (c) => c.notNull().unique())
    .addColumn('phone', 'text')
    .addColumn('company_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('industry_managers_company')
    .on('industry_managers')
    .column('company_id')
    .execute();

  await db.schema
    .createTable('industry_postings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('manager_id', 'text', (c) => c.notNull().references('industry_managers.id'))
    .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
    .addColumn('from_on', 'text', (c) => c.notNull())
    .addColumn('to_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('industry_postings_manager')
    .on('industry_postings')
    .columns(['manager_id', 'from_on'])
    .execute();
  await db.schema
    .createIndex('industry_postings_compound')
    .on('industry_postings')
    .column('compound_id')
    .execute();

  // Service contracts: kind, signing, fee per m² per month (fen), and the district's filing (备案).
  await db.schema
    .alterTable('service_contracts')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('regular')) // preliminary (前期) | regular
    .execute();
  await db.schema.alterTable('service_contracts').addColumn('signed_on', 'text').execute();
  await db.schema.alterTable('service_contracts').addColumn('fee_fen_per_m2_month', 'integer').execute();
  await db.schema.alterTable('service_contracts').addColumn('filed_on', 'text').execute();
  await db.schema.alterTable('service_contracts').addColumn('filed_by', 'text').execute();

  await db.schema
    .createTable('credit_rules')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('zh', 'text', (c) => c.notNull())
    .addColumn('en', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('expiry_months', 'integer', (c) => c.notNull())
    .addColumn('correction_min_months', 'integer')
    .addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text')
    .execute();
  await db
    .insertInto('credit_rules')
    .values(
      DEFAULT_CREDIT_RULES.map((r) => ({
        code: r.code,
        subject: r.subject,
        kind: r.kind,
        zh: r.zh,
        en: r.en,
        points: r.points,
        expiry_months: r.expiryMonths,
        correction_min_months: r.correctionMinMonths,
        verified: r.verified ? 1 : 0,
        source: r.source,
      })),
    )
    .execute();

  await db.schema
    .createTable('credit_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject', 'text', (c) => c.notNull()) // company | manager
    .addColumn('company_id', 'text', (c) => c.notNull().references('organisations.id')) // the org concerned
    .addColumn('head_id', 'text', (c) => c.notNull()) // its head company: a branch's record counts against it
    .addColumn('manager_id', 'text', (c) => c.references('industry_managers.id'))
    .addColumn('rule_code', 'text', (c) => c.notNull().references('credit_rules.code'))
    .addColumn('kind', 'text', (c) => c.notNull()) // bad | good
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('compound_id', 'text', (c) => c.references('compounds.id'))
    .addColumn('district_code', 'text', (c) => c.notNull()) // the district that confirms it
    .addColumn('street_code', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // recorded | published | withdrawn | corrected
    .addColumn('entered_on', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text')
    .addColumn('entered_by_name', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text')
    .addColumn('published_on', 'text')
    .addColumn('expires_on', 'text')
    .addColumn('ended_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('credit_records_head')
    .on('credit_records')
    .columns(['head_id', 'status'])
    .execute();
  await db.schema
    .createIndex('credit_records_company')
    .on('credit_records')
    .columns(['company_id', 'status'])
    .execute();
  await db.schema.createIndex('credit_records_manager').on('credit_records').column('manager_id').execute();
  await db.schema
    .createIndex('credit_records_district')
    .on('credit_records')
    .columns(['district_code', 'id'])
    .execute();

  await db.schema
    .createTable('credit_objections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull().unique().references('credit_records.id')) // once per record
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('filed_by', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // pending | upheld | dismissed
    .addColumn('decided_on', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decision_reasons', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('credit_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull().references('credit_records.id'))
    .addColumn('rectification', 'text', (c) => c.notNull())
    .addColumn('applied_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull()) // 5 working days (correctionDecisionDueOn)
    .addColumn('applied_by', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // pending | approved | refused
    .addColumn('decided_on', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decision_reasons', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('credit_corrections_record')
    .on('credit_corrections')
    .columns(['record_id', 'applied_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('credit_corrections').execute();
  await db.schema.dropTable('credit_objections').execute();
  await db.schema.dropTable('credit_records').execute();
  await db.schema.dropTable('credit_rules').execute();
  for (const col of ['filed_by', 'filed_on', 'fee_fen_per_m2_month', 'signed_on', 'kind'])
    await db.schema.alterTable('service_contracts').dropColumn(col).execute();
  await db.schema.dropTable('industry_postings').execute();
  await db.schema.dropTable('industry_managers').execute();
  await db.schema.dropTable('industry_qualifications').execute();
  await db.schema.dropTable('industry_company_profiles').execute();
}
