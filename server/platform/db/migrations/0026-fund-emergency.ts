// Emergency use of the maintenance fund (《上海市住宅物业管理规定》第七十三条): the property company's report of one
// of the five listed situations with its plan, quotation and the named body's document; the approver's decision
// (the owners' committee, or the 房管机构 before the assembly), the district's order to repair on the owners'
// behalf (代为维修) after the committee's 7 days, the intermediary's cost review, and the payment it led to.
// Runs unchanged on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fund_emergencies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('fund_accounts.id'))
    .addColumn('situation', 'text', (c) => c.notNull()) // pump_tank | lift | fire_system | facade | leak
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull()) // 维修、更新方案
    .addColumn('quotation_fen', 'bigint', (c) => c.notNull())
    .addColumn('document_issuer', 'text') // the notice's or certificate's issuer
    .addColumn('document_number', 'text')
    .addColumn('scope', 'text', (c) => c.notNull()) // compound (全体共用) | buildings (部分共用)
    .addColumn('building_ids_json', 'text', (c) => c.notNull())
    .addColumn('safety_affected', 'integer', (c) => c.notNull()) // 0 | 1
    .addColumn('stage', 'text', (c) => c.notNull()) // before_assembly | assembly (at the report)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('committee_due_on', 'text') // 第七十三条第三款(二): last day of the committee's 7 days
    .addColumn('decided_on', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('reviewed_cost_fen', 'bigint') // 中介机构审价
    .addColumn('reviewer', 'text')
    .addColumn('review_report_no', 'text')
    .addColumn('reviewed_on', 'text')
    .addColumn('payment_id', 'text', (c) => c.references('fund_payments.id'))
    .addColumn('case_id', 'text', (c) => c.references('cases.id')) // the case it was raised from, if any
    .addColumn('reported_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('fund_emergencies_compound')
    .on('fund_emergencies')
    .columns(['compound_id', 'id'])
    .execute();
  await db.schema
    .createIndex('fund_emergencies_open')
    .on('fund_emergencies')
    .columns(['status', 'committee_due_on'])
    .execute();
  await db.schema
    .alterTable('fund_payments')
    .addColumn('emergency_id', 'text', (c) => c.references('fund_emergencies.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('fund_payments').dropColumn('emergency_id').execute();
  await db.schema.dropTable('fund_emergencies').execute();
}
