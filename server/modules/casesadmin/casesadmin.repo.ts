// Queries of the cases reference data: categories, responsibility lists and rules, SLA policies, calendar.
import type { Kysely } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type {
  CalendarDayTable,
  CaseCategoryTable,
  DB,
  ResponsibilityRuleTable,
  SlaPolicyTable,
} from '../../platform/db/schema.js';

// --- Categories -----------------------------------------------------------------------------------

export async function categories(db: Executor) {
  return db.selectFrom('case_categories').selectAll().orderBy('sort').orderBy('code').execute();
}

export async function findCategory(db: Executor, code: string) {
  return db.selectFrom('case_categories').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function nextCategorySort(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('case_categories')
    .select((eb) => eb.fn.max<number | null>('sort').as('m'))
    .executeTakeFirst();
  return Number(row?.m ?? -1) + 1;
}

export async function insertCategory(db: Executor, row: CaseCategoryTable) {
  await db.insertInto('case_categories').values(row).execute();
}

/** Optimistic update: false when the version no longer matches. */
export async function updateCategory(
  db: Executor,
  code: string,
  version: number,
  changes: Partial<CaseCategoryTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('case_categories')
    .set({ ...changes, version: version + 1 })
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// --- Responsibility lists -----------------------------------------------------------------------------

export async function lists(db: Executor) {
  return db
    .selectFrom('responsibility_lists')
    .leftJoin('responsibility_rules', 'responsibility_rules.list_version', 'responsibility_lists.version')
    .select([
      'responsibility_lists.version',
      'responsibility_lists.note',
      'responsibility_lists.active',
      'responsibility_lists.created_by',
      'responsibility_lists.created_at',
      (eb) => eb.fn.count<number>('responsibility_rules.id').as('rule_count'),
    ])
    .groupBy([
      'responsibility_lists.version',
      'responsibility_lists.note',
      'responsibility_lists.active',
      'responsibility_lists.created_by',
      'responsibility_lists.created_at',
    ])
    .orderBy('responsibility_lists.version', 'desc')
    .execute();
}

export async function findList(db: Executor, version: number) {
  return db.selectFrom('responsibility_lists').selectAll().where('version', '=', version).executeTakeFirst();
}

export async function rulesOf(db: Executor, version: number) {
  return db
    .selectFrom('responsibility_rules')
    .selectAll()
    .where('list_version', '=', version)
    .orderBy('priority')
    .orderBy('id')
    .execute();
}

export async function activeListVersion(db: Executor): Promise<number | null> {
  const row = await db
    .selectFrom('responsibility_lists')
    .select('version')
    .where('active', '=', 1)
    .executeTakeFirst();
  return row?.version ?? null;
}

export async function maxListVersion(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('responsibility_lists')
    .select((eb) => eb.fn.max<number | null>('version').as('m'))
    .executeTakeFirst();
  return Number(row?.m ?? 0);
}

export async function insertList(
  db: Executor,
  list: { version: number; note: string; created_by: string | null; created_at: string },
  rules: ResponsibilityRuleTable[],
) {
  await db
    .insertInto('responsibility_lists')
    .values({ ...list, active: 0 })
    .execute();
  for (let i = 0; i < rules.length; i += 200) {
    await db
      .insertInto('responsibility_rules')
      .values(rules.slice(i, i + 200))
      .execute();
  }
}

/** Exactly one active version. */
export async function activateList(db: Executor, version: number) {
  await db.updateTable('responsibility_lists').set({ active: 0 }).where('version', '!=', version).execute();
  await db.updateTable('responsibility_lists').set({ active: 1 }).where('version', '=', version).execute();
}

export async function districtCodes(db: Executor, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .selectFrom('divisions')
    .select('code')
    .where('code', 'in', [...codes])
    .where('level', '=', 'district')
    .execute();
  return new Set(rows.map((r) => r.code));
}

// --- SLA policies -------------------------------------------------------------------------------------

export async function slaPolicies(db: Executor) {
  return db.selectFrom('sla_policies').selectAll().orderBy('id').execute();
}

export async function findSlaPolicy(db: Executor, id: string) {
  return db.selectFrom('sla_policies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSlaPolicy(db: Executor, row: SlaPolicyTable) {
  await db.insertInto('sla_policies').values(row).execute();
}

export async function updateSlaPolicy(
  db: Executor,
  id: string,
  version: number,
  changes: Partial<SlaPolicyTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('sla_policies')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// --- Calendar -----------------------------------------------------------------------------------------

/** calendar_days with the `year` column of migration 0004 (the schedule a day belongs to). */
type CalendarDayRow = CalendarDayTable & { year: number | null };
type CalendarDB = Omit<DB, 'calendar_days'> & { calendar_days: CalendarDayRow };
const cal = (db: Executor) => db as unknown as Kysely<CalendarDB>;

/** The schedule year of a row; rows written without one belong to the year of their date. */
export const yearOf = (r: { date: string; year: number | null }) => r.year ?? Number(r.date.slice(0, 4));

export async function calendarDays(db: Executor, year?: number) {
  let q = cal(db).selectFrom('calendar_days').selectAll();
  if (year !== undefined)
    q = q.where((eb) =>
      eb.or([
        eb('year', '=', year),
        eb.and([
          eb('year', 'is', null),
          eb('date', '>=', `${year}-01-01`),
          eb('date', '<=', `${year}-12-31`),
        ]),
      ]),
    );
  return q.orderBy('date').execute();
}

export async function daysAt(db: Executor, dates: readonly string[]) {
  if (dates.length === 0) return [];
  return cal(db)
    .selectFrom('calendar_days')
    .selectAll()
    .where('date', 'in', [...dates])
    .execute();
}

/** Every year that has at least one row (by schedule year). */
export async function coveredYears(db: Executor): Promise<number[]> {
  const rows = await cal(db).selectFrom('calendar_days').select(['date', 'year']).execute();
  return [...new Set(rows.map(yearOf))].sort((a, b) => a - b);
}

export async function replaceYear(
  db: Executor,
  year: number,
  rows: { date: string; kind: 'holiday' | 'workday'; source: string }[],
) {
  await cal(db)
    .deleteFrom('calendar_days')
    .where((eb) =>
      eb.or([
        eb('year', '=', year),
        eb.and([
          eb('year', 'is', null),
          eb('date', '>=', `${year}-01-01`),
          eb('date', '<=', `${year}-12-31`),
        ]),
      ]),
    )
    .execute();
  if (rows.length)
    await cal(db)
      .insertInto('calendar_days')
      .values(rows.map((r) => ({ ...r, year })))
      .execute();
}
