// Queries of the maintenance fund (专项维修资金). Entries are only ever inserted; the three ledger levels (unit,
// building, account) are moved by the same statements in the same transaction (applyEntries), so a balance is
// always the sum of its entries — `gongzhi fund verify` (ledgerMismatches) proves it.
import { sql } from 'kysely';
import { TOPUP_THRESHOLD_PERCENT } from '../../../domain/fund.js';
import type { Executor } from '../../platform/db/database.js';
import { batchSize } from '../../platform/db/locks.js';
import type {
  FundAccountTable,
  FundEmergencyTable,
  FundEntryTable,
  FundPaymentTable,
} from '../../platform/db/schema-fund.js';

export async function compound(db: Executor, id: string) {
  return db
    .selectFrom('compounds')
    .select(['id', 'name', 'street_code', 'district_code'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function account(db: Executor, compoundId: string) {
  return db.selectFrom('fund_accounts').selectAll().where('compound_id', '=', compoundId).executeTakeFirst();
}

export async function insertAccount(db: Executor, row: FundAccountTable) {
  await db.insertInto('fund_accounts').values(row).execute();
}

/** Every building and unit of the compound gets its ledger when the account opens (按幢立账、按户核算). */
export async function openLedgers(db: Executor, accountId: string, compoundId: string, now: string) {
  await db
    .insertInto('fund_building_ledgers')
    .columns(['building_id', 'account_id', 'balance_fen', 'updated_at'])
    .expression(
      db
        .selectFrom('buildings')
        .select([
          'id',
          sql<string>`${accountId}`.as('account_id'),
          sql.lit(0).as('balance_fen'),
          sql<string>`${now}`.as('t'),
        ])
        .where('compound_id', '=', compoundId),
    )
    .execute();
  await db
    .insertInto('fund_unit_ledgers')
    .columns(['unit_id', 'account_id', 'building_id', 'initial_fen', 'balance_fen', 'updated_at'])
    .expression(
      db
        .selectFrom('units')
        .select([
          'id',
          sql<string>`${accountId}`.as('account_id'),
          'building_id',
          sql.lit(0).as('initial_fen'),
          sql.lit(0).as('balance_fen'),
          sql<string>`${now}`.as('t'),
        ])
        .where('compound_id', '=', compoundId),
    )
    .execute();
}

/** The units of a compound (or of some of its buildings) with their areas, in building and unit order. */
export async function sharingUnits(db: Executor, compoundId: string, buildingIds: readonly string[] | null) {
  let q = db
    .selectFrom('units')
    .innerJoin('buildings', 'buildings.id', 'units.building_id')
    .select([
      'units.id',
      'units.building_id',
      'units.number',
      'buildings.name as building_name',
      'units.registered_area',
      'units.surveyed_area',
      'units.contract_area',
    ])
    .where('units.compound_id', '=', compoundId);
  if (buildingIds) q = q.where('units.building_id', 'in', buildingIds.length ? [...buildingIds] : ['']);
  return q.orderBy('buildings.name').orderBy('units.id').execute();
}

export async function unitBalances(db: Executor, accountId: string, unitIds: readonly string[]) {
  const out = new Map<string, number>();
  const size = batchSize(db);
  for (let i = 0; i < unitIds.length; i += size) {
    const rows = await db
      .selectFrom('fund_unit_ledgers')
      .select(['unit_id', 'balance_fen'])
      .where('account_id', '=', accountId)
      .where('unit_id', 'in', unitIds.slice(i, i + size))
      .execute();
    for (const r of rows) out.set(r.unit_id, Number(r.balance_fen));
  }
  return out;
}

/** Units of the compound that have a ledger in this account (a unit added to the registry later has none). */
export async function unitsWithLedger(db: Executor, accountId: string, unitIds: readonly string[]) {
  return new Set((await unitBalances(db, accountId, unitIds)).keys());
}

export type NewEntry = Omit<FundEntryTable, 'created_at'>;

/**
 * Inserts the entries and moves the unit, building and account balances by their sums (initial deposits and
 * the developer's advance also raise the unit's 首期 base, Art 65). One statement per level and batch.
 */
export async function applyEntries(
  db: Executor,
  accountId: string,
  entries: readonly NewEntry[],
  now: string,
) {
  const size = Math.max(1, Math.floor(batchSize(db) / 2));
  for (let i = 0; i < entries.length; i += size) {
    await db
      .insertInto('fund_entries')
      .values(entries.slice(i, i + size).map((e) => ({ ...e, created_at: now })))
      .execute();
  }
  const byUnit = new Map<string, { amount: number; initial: number }>();
  const byBuilding = new Map<string, number>();
  let total = 0;
  for (const e of entries) {
    const u = byUnit.get(e.unit_id) ?? { amount: 0, initial: 0 };
    u.amount += e.amount_fen;
    if (e.kind === 'initial_deposit' || e.kind === 'developer_advance') u.initial += e.amount_fen;
    byUnit.set(e.unit_id, u);
    byBuilding.set(e.building_id, (byBuilding.get(e.building_id) ?? 0) + e.amount_fen);
    total += e.amount_fen;
  }
  // One UPDATE per batch, the amounts chosen by CASE on the primary key (index lookups for the IN list on both
  // databases; an UPDATE … FROM (VALUES …) made SQLite scan the ledgers once per value).
  const units = [...byUnit];
  for (let i = 0; i < units.length; i += size) {
    const batch = units.slice(i, i + size);
    const amount = sql.join(
      batch.map(([id, v]) => sql`when ${id} then cast(${v.amount} as bigint)`),
      sql` `,
    );
    const initial = sql.join(
      batch.map(([id, v]) => sql`when ${id} then cast(${v.initial} as bigint)`),
      sql` `,
    );
    await db
      .updateTable('fund_unit_ledgers')
      .set({
        balance_fen: sql`balance_fen + case unit_id ${amount} else 0 end`,
        initial_fen: sql`initial_fen + case unit_id ${initial} else 0 end`,
        updated_at: now,
      })
      .where(
        'unit_id',
        'in',
        batch.map(([id]) => id),
      )
      .execute();
  }
  for (const [buildingId, amount] of byBuilding) {
    await db
      .updateTable('fund_building_ledgers')
      .set({ balance_fen: sql`balance_fen + ${amount}`, updated_at: now })
      .where('building_id', '=', buildingId)
      .execute();
  }
  await db
    .updateTable('fund_accounts')
    .set({ balance_fen: sql`balance_fen + ${total}`, updated_at: now, version: sql`version + 1` })
    .where('id', '=', accountId)
    .execute();
}

/** Unit ledgers under the Art 65 threshold (balance < 30 % of a positive initial deposit), in integers. */
export async function belowTopUpThreshold(db: Executor, accountId: string) {
  const r = await db
    .selectFrom('fund_unit_ledgers')
    .select((e) => e.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('initial_fen', '>', 0)
    .where(sql<boolean>`100 * balance_fen < ${TOPUP_THRESHOLD_PERCENT} * initial_fen`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function paymentByReference(db: Executor, accountId: string, reference: string) {
  return db
    .selectFrom('fund_payments')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('reference', '=', reference)
    .executeTakeFirst();
}

export async function insertPayment(db: Executor, row: FundPaymentTable) {
  await db.insertInto('fund_payments').values(row).execute();
}

export async function payments(db: Executor, accountId: string, limit: number) {
  return db
    .selectFrom('fund_payments')
    .leftJoin('decisions', 'decisions.id', 'fund_payments.decision_id')
    .leftJoin('fund_emergencies', 'fund_emergencies.id', 'fund_payments.emergency_id')
    .select([
      'fund_payments.id',
      'fund_payments.reference',
      'fund_payments.title',
      'fund_payments.cost_fen',
      'fund_payments.basis',
      'fund_payments.scope',
      'fund_payments.unit_count',
      'fund_payments.paid_on',
      'decisions.title as decision_title',
      'fund_emergencies.title as emergency_title',
    ])
    .where('fund_payments.account_id', '=', accountId)
    .orderBy('fund_payments.paid_on', 'desc')
    .orderBy('fund_payments.id', 'desc')
    .limit(limit)
    .execute();
}

export async function buildingLedgers(db: Executor, accountId: string) {
  return db
    .selectFrom('fund_building_ledgers')
    .innerJoin('buildings', 'buildings.id', 'fund_building_ledgers.building_id')
    .select([
      'buildings.id',
      'buildings.name',
      'fund_building_ledgers.balance_fen',
      (eb) =>
        eb
          .selectFrom('fund_unit_ledgers')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('fund_unit_ledgers.building_id', '=', 'buildings.id')
          .as('unit_count'),
      (eb) =>
        eb
          .selectFrom('fund_unit_ledgers')
          .select((e) => e.fn.sum<number>('initial_fen').as('s'))
          .whereRef('fund_unit_ledgers.building_id', '=', 'buildings.id')
          .as('initial_fen'),
    ])
    .where('fund_building_ledgers.account_id', '=', accountId)
    .orderBy('buildings.name')
    .execute();
}

export async function unitLedgersOfBuilding(db: Executor, accountId: string, buildingId: string) {
  return db
    .selectFrom('fund_unit_ledgers')
    .innerJoin('units', 'units.id', 'fund_unit_ledgers.unit_id')
    .select([
      'units.id',
      'units.number',
      'units.registered_area',
      'units.surveyed_area',
      'units.contract_area',
      'fund_unit_ledgers.initial_fen',
      'fund_unit_ledgers.balance_fen',
    ])
    .where('fund_unit_ledgers.account_id', '=', accountId)
    .where('fund_unit_ledgers.building_id', '=', buildingId)
    .execute();
}

export async function unitLedger(db: Executor, unitId: string) {
  return db
    .selectFrom('fund_unit_ledgers')
    .innerJoin('units', 'units.id', 'fund_unit_ledgers.unit_id')
    .innerJoin('buildings', 'buildings.id', 'units.building_id')
    .innerJoin('compounds', 'compounds.id', 'units.compound_id')
    .select([
      'units.id',
      'units.number',
      'units.compound_id',
      'buildings.name as building_name',
      'compounds.name as compound_name',
      'compounds.street_code',
      'compounds.district_code',
      'fund_unit_ledgers.initial_fen',
      'fund_unit_ledgers.balance_fen',
    ])
    .where('fund_unit_ledgers.unit_id', '=', unitId)
    .executeTakeFirst();
}

/** A unit's entries, newest first, keyset on the (time-ordered) id. */
export async function unitEntries(db: Executor, unitId: string, before: string | null, limit: number) {
  let q = db
    .selectFrom('fund_entries')
    .leftJoin('fund_payments', 'fund_payments.id', 'fund_entries.payment_id')
    .select([
      'fund_entries.id',
      'fund_entries.kind',
      'fund_entries.amount_fen',
      'fund_entries.entry_on',
      'fund_entries.memo',
      'fund_payments.title as payment_title',
      'fund_payments.cost_fen as payment_cost_fen',
    ])
    .where('fund_entries.unit_id', '=', unitId);
  if (before) q = q.where('fund_entries.id', '<', before);
  return q
    .orderBy('fund_entries.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** Unit ids an owner holds (unit_owners). */
export async function unitsOfOwners(db: Executor, ownerIds: readonly string[]) {
  if (ownerIds.length === 0) return [];
  const rows = await db
    .selectFrom('unit_owners')
    .select('unit_id')
    .where('owner_id', 'in', [...ownerIds])
    .execute();
  return [...new Set(rows.map((r) => r.unit_id))];
}

export interface LedgerMismatch {
  level: 'unit' | 'building' | 'account';
  id: string;
  recorded: number;
  computed: number;
}

/**
 * Ledgers whose recorded balance differs from what their entries (units) or their units (buildings, accounts)
 * add up to — in id order, so the first one named is the same every run. One grouped query per level.
 */
export async function ledgerMismatches(db: Executor, limit: number): Promise<LedgerMismatch[]> {
  const units = await sql<{ id: string; recorded: number; computed: number }>`
    select l.unit_id as id, l.balance_fen as recorded, coalesce(e.s, 0) as computed
    from fund_unit_ledgers l
    left join (select unit_id, sum(amount_fen) as s from fund_entries group by unit_id) e on e.unit_id = l.unit_id
    where l.balance_fen <> coalesce(e.s, 0)
    order by l.unit_id limit ${limit}`.execute(db);
  const buildings = await sql<{ id: string; recorded: number; computed: number }>`
    select b.building_id as id, b.balance_fen as recorded, coalesce(u.s, 0) as computed
    from fund_building_ledgers b
    left join (select building_id, sum(balance_fen) as s from fund_unit_ledgers group by building_id) u
      on u.building_id = b.building_id
    where b.balance_fen <> coalesce(u.s, 0)
    order by b.building_id limit ${limit}`.execute(db);
  const accounts = await sql<{ id: string; recorded: number; computed: number }>`
    select a.id as id, a.balance_fen as recorded, coalesce(b.s, 0) as computed
    from fund_accounts a
    left join (select account_id, sum(balance_fen) as s from fund_building_ledgers group by account_id) b
      on b.account_id = a.id
    where a.balance_fen <> coalesce(b.s, 0)
    order by a.id limit ${limit}`.execute(db);
  const n = (r: { id: string; recorded: number; computed: number }) => ({
    id: r.id,
    recorded: Number(r.recorded),
    computed: Number(r.computed),
  });
  return [
    ...units.rows.map((r) => ({ level: 'unit' as const, ...n(r) })),
    ...buildings.rows.map((r) => ({ level: 'building' as const, ...n(r) })),
    ...accounts.rows.map((r) => ({ level: 'account' as const, ...n(r) })),
  ];
}

export async function ledgerCounts(db: Executor) {
  const r = await db
    .selectFrom('fund_unit_ledgers')
    .select((e) => e.fn.countAll<number>().as('units'))
    .executeTakeFirstOrThrow();
  const a = await db
    .selectFrom('fund_accounts')
    .select((e) => e.fn.countAll<number>().as('accounts'))
    .executeTakeFirstOrThrow();
  return { units: Number(r.units), accounts: Number(a.accounts) };
}

// --- Emergency reports (第七十三条) -----------------------------------------------------------------------------

export async function insertEmergency(db: Executor, row: FundEmergencyTable) {
  await db.insertInto('fund_emergencies').values(row).execute();
}

const EMERGENCY_COLUMNS = [
  'fund_emergencies.id',
  'fund_emergencies.compound_id',
  'fund_emergencies.account_id',
  'fund_emergencies.situation',
  'fund_emergencies.title',
  'fund_emergencies.plan',
  'fund_emergencies.quotation_fen',
  'fund_emergencies.document_issuer',
  'fund_emergencies.document_number',
  'fund_emergencies.scope',
  'fund_emergencies.building_ids_json',
  'fund_emergencies.safety_affected',
  'fund_emergencies.stage',
  'fund_emergencies.status',
  'fund_emergencies.reported_on',
  'fund_emergencies.committee_due_on',
  'fund_emergencies.decided_on',
  'fund_emergencies.decision_note',
  'fund_emergencies.reviewed_cost_fen',
  'fund_emergencies.reviewer',
  'fund_emergencies.review_report_no',
  'fund_emergencies.reviewed_on',
  'fund_emergencies.payment_id',
  'fund_emergencies.case_id',
  'fund_emergencies.version',
] as const;

export async function emergencies(db: Executor, compoundId: string, limit: number) {
  return db
    .selectFrom('fund_emergencies')
    .leftJoin('fund_payments', 'fund_payments.id', 'fund_emergencies.payment_id')
    .leftJoin('cases', 'cases.id', 'fund_emergencies.case_id')
    .select([...EMERGENCY_COLUMNS, 'fund_payments.paid_on', 'cases.case_no'])
    .where('fund_emergencies.compound_id', '=', compoundId)
    .orderBy('fund_emergencies.id', 'desc')
    .limit(limit)
    .execute();
}

export async function emergency(db: Executor, id: string) {
  return db
    .selectFrom('fund_emergencies')
    .leftJoin('fund_payments', 'fund_payments.id', 'fund_emergencies.payment_id')
    .leftJoin('cases', 'cases.id', 'fund_emergencies.case_id')
    .select([...EMERGENCY_COLUMNS, 'fund_payments.paid_on', 'cases.case_no'])
    .where('fund_emergencies.id', '=', id)
    .executeTakeFirst();
}

export async function updateEmergency(
  db: Executor,
  id: string,
  version: number,
  set: Partial<Omit<FundEmergencyTable, 'id' | 'version'>>,
) {
  const r = await db
    .updateTable('fund_emergencies')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * The company and project office serving the compound on `today`: those of its latest contract that has started.
 * An expired contract with no successor still runs (民法典第九百四十八条: 不定期物业服务合同), as for the arrears
 * (governance records.repo companyServes).
 */
export async function servingOrganisations(db: Executor, compoundId: string, today: string) {
  const c = await db
    .selectFrom('service_contracts')
    .select(['company_id', 'project_office_id'])
    .where('compound_id', '=', compoundId)
    .where('starts_on', '<=', today)
    .orderBy('starts_on', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return c ? [c.company_id, ...(c.project_office_id ? [c.project_office_id] : [])] : [];
}

export async function buildingsOfCompound(db: Executor, compoundId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('buildings')
    .select(['id', 'name'])
    .where('compound_id', '=', compoundId)
    .where('id', 'in', ids)
    .orderBy('name')
    .execute();
}
