// The maintenance fund (专项维修资金, 《上海市住宅物业管理规定》 Arts 64–73): one account per compound with its bank,
// ledgers per building and per unit (Art 66 按幢立账、按户核算), an append-only entry for every movement in integer
// fen, and payments (disbursements) with the basis they were paid on. Ledger balances are kept beside the
// entries in the same transaction; `gongzhi fund verify` proves they equal the entries' sums at every level.
// A payment's reference is unique per account, so a payment retried is never written twice.
// Runs unchanged on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('fund_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('compound_id', 'text', (c) => c.notNull().unique().references('compounds.id'))
    .addColumn('bank_name', 'text', (c) => c.notNull())
    .addColumn('account_name', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('balance_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('fund_building_ledgers')
    .addColumn('building_id', 'text', (c) => c.primaryKey().references('buildings.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('fund_accounts.id'))
    .addColumn('balance_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('fund_building_ledgers_account')
    .on('fund_building_ledgers')
    .column('account_id')
    .execute();

  await db.schema
    .createTable('fund_unit_ledgers')
    .addColumn('unit_id', 'text', (c) => c.primaryKey().references('units.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('fund_accounts.id'))
    .addColumn('building_id', 'text', (c) => c.notNull().references('buildings.id'))
    .addColumn('initial_fen', 'bigint', (c) => c.notNull().defaultTo(0)) // 首期 deposited (Art 65's base)
    .addColumn('balance_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('fund_unit_ledgers_building')
    .on('fund_unit_ledgers')
    .columns(['building_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('fund_unit_ledgers_account')
    .on('fund_unit_ledgers')
    .column('account_id')
    .execute();

  await db.schema
    .createTable('fund_payments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('fund_accounts.id'))
    .addColumn('reference', 'text', (c) => c.notNull()) // the payer's voucher number; unique per account
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('cost_fen', 'bigint', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull()) // decision (Art 69) | emergency (Art 73)
    .addColumn('decision_id', 'text', (c) => c.references('decisions.id'))
    .addColumn('scope', 'text', (c) => c.notNull()) // compound (全体共用) | buildings (部分共用)
    .addColumn('building_ids_json', 'text', (c) => c.notNull())
    .addColumn('unit_count', 'integer', (c) => c.notNull())
    .addColumn('paid_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('fund_payments_reference')
    .on('fund_payments')
    .columns(['account_id', 'reference'])
    .unique()
    .execute();

  await db.schema
    .createTable('fund_entries')
    .addColumn('id', 'text', (c) => c.primaryKey()) // UUIDv7: ordered by time of writing
    .addColumn('account_id', 'text', (c) => c.notNull().references('fund_accounts.id'))
    .addColumn('building_id', 'text', (c) => c.notNull().references('buildings.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    // initial_deposit | developer_advance | interest | top_up | disbursement | refund
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull()) // credit > 0, debit < 0
    .addColumn('entry_on', 'text', (c) => c.notNull()) // Shanghai date of the movement
    .addColumn('payment_id', 'text', (c) => c.references('fund_payments.id'))
    .addColumn('memo', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fund_entries_unit').on('fund_entries').columns(['unit_id', 'id']).execute();
  await db.schema
    .createIndex('fund_entries_account')
    .on('fund_entries')
    .columns(['account_id', 'id'])
    .execute();
  await db.schema.createIndex('fund_entries_payment').on('fund_entries').column('payment_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'fund_entries',
    'fund_payments',
    'fund_unit_ledgers',
    'fund_building_ledgers',
    'fund_accounts',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
