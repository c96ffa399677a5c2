// Fund use applications between the developer's report and the owners' assembly (《上海市住宅物业管理规定》第七十一条
// 第二款、第三款): the property company's repair plan and quotation, the residents' committee's consultation of the
// owners of the part (its counts and result), the named intermediary's cost review, and the payment it led to.
// Runs unchanged on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fund_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compound_id', 'text', (c) => c.notNull().references('compounds.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('fund_accounts.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('plan', 'text', (c) => c.notNull()) // 维修实施方案
    .addColumn('quotation_fen', 'bigint', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull()) // compound (全体共用) | buildings (部分共用)
    .addColumn('building_ids_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // proposed | consulted | rejected | paid
    .addColumn('proposed_on', 'text', (c) => c.notNull())
    .addColumn('consulted_on', 'text') // 征询业主意见: the day the result was recorded
    .addColumn('consultation_json', 'text') // the counts: total / participating / agreeing area and persons
    .addColumn('consultation_note', 'text')
    .addColumn('reviewed_cost_fen', 'bigint') // 市房屋行政管理部门指定的中介机构审价
    .addColumn('reviewer', 'text')
    .addColumn('review_report_no', 'text')
    .addColumn('reviewed_on', 'text')
    .addColumn('payment_id', 'text', (c) => c.references('fund_payments.id'))
    .addColumn('proposed_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('fund_applications_compound')
    .on('fund_applications')
    .columns(['compound_id', 'id'])
    .execute();
  await db.schema
    .alterTable('fund_payments')
    .addColumn('application_id', 'text', (c) => c.references('fund_applications.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('fund_payments').dropColumn('application_id').execute();
  await db.schema.dropTable('fund_applications').execute();
}
