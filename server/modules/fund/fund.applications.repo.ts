// Queries of the fund's use applications before the assembly (第七十一条第二款、第三款).
import type { Executor } from '../../platform/db/database.js';
import type { FundApplicationTable } from '../../platform/db/schema-fund.js';

export async function insertApplication(db: Executor, row: FundApplicationTable) {
  await db.insertInto('fund_applications').values(row).execute();
}

const COLUMNS = [
  'fund_applications.id',
  'fund_applications.compound_id',
  'fund_applications.title',
  'fund_applications.plan',
  'fund_applications.quotation_fen',
  'fund_applications.scope',
  'fund_applications.building_ids_json',
  'fund_applications.status',
  'fund_applications.proposed_on',
  'fund_applications.consulted_on',
  'fund_applications.consultation_json',
  'fund_applications.consultation_note',
  'fund_applications.reviewed_cost_fen',
  'fund_applications.reviewer',
  'fund_applications.review_report_no',
  'fund_applications.reviewed_on',
  'fund_applications.payment_id',
  'fund_applications.version',
] as const;

export async function applications(db: Executor, compoundId: string, limit: number) {
  return db
    .selectFrom('fund_applications')
    .leftJoin('fund_payments', 'fund_payments.id', 'fund_applications.payment_id')
    .select([...COLUMNS, 'fund_payments.paid_on'])
    .where('fund_applications.compound_id', '=', compoundId)
    .orderBy('fund_applications.id', 'desc')
    .limit(limit)
    .execute();
}

export async function application(db: Executor, id: string) {
  return db
    .selectFrom('fund_applications')
    .leftJoin('fund_payments', 'fund_payments.id', 'fund_applications.payment_id')
    .select([...COLUMNS, 'fund_payments.paid_on'])
    .where('fund_applications.id', '=', id)
    .executeTakeFirst();
}

export async function updateApplication(
  db: Executor,
  id: string,
  version: number,
  set: Partial<Omit<FundApplicationTable, 'id' | 'version'>>,
) {
  const r = await db
    .updateTable('fund_applications')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The distinct owners of the units of the part (the whole compound, or some of its buildings). */
export async function ownerCountOfPart(
  db: Executor,
  compoundId: string,
  buildingIds: readonly string[] | null,
) {
  let q = db
    .selectFrom('unit_owners')
    .innerJoin('units', 'units.id', 'unit_owners.unit_id')
    .select((eb) => eb.fn.count<number>('unit_owners.owner_id').distinct().as('n'))
    .where('units.compound_id', '=', compoundId);
  if (buildingIds) q = q.where('units.building_id', 'in', buildingIds.length ? [...buildingIds] : ['']);
  return Number((await q.executeTakeFirst())?.n ?? 0);
}
