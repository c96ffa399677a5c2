// Case queries shared by the parts of the module: reference data (taxonomy, list, policies, calendar), cases,
// their events, photos and co-handlers, the organisations and places they name.
import type { Executor } from '../../platform/db/database.js';
import { forUpdate } from '../../platform/db/locks.js';
import type { CaseEventTable, CaseTable } from '../../platform/db/schema.js';

/** Stored in next_due_at when no deadline runs, so the deadline index orders every queue. */
export const NO_DEADLINE = '9999-12-31T23:59:59.999Z';

export async function categories(db: Executor) {
  return db.selectFrom('case_categories').selectAll().orderBy('sort').execute();
}

export async function activeRules(db: Executor) {
  return db
    .selectFrom('responsibility_rules')
    .innerJoin('responsibility_lists', 'responsibility_lists.version', 'responsibility_rules.list_version')
    .selectAll('responsibility_rules')
    .where('responsibility_lists.active', '=', 1)
    .execute();
}

/** One row of a responsibility list edition (a case keeps the row that routed it, even from an older edition). */
export async function responsibilityRule(db: Executor, listVersion: number, id: string) {
  return db
    .selectFrom('responsibility_rules')
    .selectAll()
    .where('list_version', '=', listVersion)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function slaPolicies(db: Executor) {
  return db.selectFrom('sla_policies').selectAll().execute();
}

export async function calendarDays(db: Executor) {
  return db.selectFrom('calendar_days').selectAll().execute();
}

export async function insertEvent(db: Executor, row: CaseEventTable) {
  await db.insertInto('case_events').values(row).execute();
}

export async function findCase(db: Executor, id: string) {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCaseByNo(db: Executor, caseNo: string) {
  return db.selectFrom('cases').selectAll().where('case_no', '=', caseNo).executeTakeFirst();
}

export async function cohandlers(db: Executor, caseId: string) {
  return db
    .selectFrom('case_cohandlers')
    .innerJoin('organisations', 'organisations.id', 'case_cohandlers.org_id')
    .select(['organisations.id', 'organisations.name', 'organisations.type'])
    .where('case_cohandlers.case_id', '=', caseId)
    .execute();
}

export async function eventsOf(db: Executor, caseId: string) {
  return db
    .selectFrom('case_events')
    .leftJoin('organisations', 'organisations.id', 'case_events.actor_org_id')
    .select([
      'case_events.seq',
      'case_events.at',
      'case_events.actor_name',
      'organisations.name as org_name',
      'case_events.action',
      'case_events.from_status',
      'case_events.to_status',
      'case_events.data_json',
    ])
    .where('case_events.case_id', '=', caseId)
    .orderBy('case_events.seq')
    .execute();
}

export async function photosOf(db: Executor, caseId: string) {
  return db
    .selectFrom('case_photos')
    .select(['id', 'url'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
}

export async function photo(db: Executor, id: string) {
  return db.selectFrom('case_photos').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPhoto(
  db: Executor,
  row: {
    id: string;
    case_id: string;
    event_seq: number;
    mime: string;
    bytes: number;
    content: Buffer | null;
    url: string | null;
    created_at: string;
  },
) {
  await db.insertInto('case_photos').values(row).execute();
}

export async function organisationsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'type', 'kind', 'division_code', 'parent_id'])
    .where('id', 'in', ids)
    .execute();
}

export async function compoundLocation(db: Executor, id: string) {
  return db
    .selectFrom('compounds')
    .select([
      'id',
      'name',
      'district_code',
      'street_code',
      'grid_cell_id',
      'lat',
      'lng',
      'address',
      'residents_committee_id',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The building's name and the unit's number a case names (either may be absent). */
export async function buildingAndUnit(db: Executor, buildingId: string | null, unitId: string | null) {
  const [building, unit] = await Promise.all([
    buildingId
      ? db.selectFrom('buildings').select(['id', 'name']).where('id', '=', buildingId).executeTakeFirst()
      : undefined,
    unitId
      ? db.selectFrom('units').select(['id', 'number']).where('id', '=', unitId).executeTakeFirst()
      : undefined,
  ]);
  return { building: building ?? null, unit: unit ?? null };
}

/** Organisation ids and their parent chain (a project office acts for its branch and company). */
export async function ancestorsOf(db: Executor, orgId: string): Promise<string[]> {
  const chain: string[] = [];
  let current: string | null = orgId;
  for (let i = 0; current && i < 5; i++) {
    chain.push(current);
    const row: { parent_id: string | null } | undefined = await db
      .selectFrom('organisations')
      .select('parent_id')
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.parent_id ?? null;
  }
  return chain;
}

export async function streetName(db: Executor, code: string) {
  return (
    (await db.selectFrom('divisions').select('name').where('code', '=', code).executeTakeFirst())?.name ??
    null
  );
}

/** The case, locked until the transaction ends (PostgreSQL): background work decides from its current state. */
export async function findCaseForUpdate(db: Executor, id: string) {
  return forUpdate(db, db.selectFrom('cases').selectAll().where('id', '=', id)).executeTakeFirst();
}

/** A background change of the case's deadline state (and supervision), read under findCaseForUpdate. */
export async function updateSlaState(
  db: Executor,
  id: string,
  changes: Pick<CaseTable, 'due_state' | 'supervision_level' | 'event_count' | 'version'> &
    Partial<Pick<CaseTable, 'arrived_ontime'>>,
) {
  await db.updateTable('cases').set(changes).where('id', '=', id).execute();
}

/** Hot-case candidates (联席会议 agenda) of an area: unfinished cases that are overdue, parked or were returned. */
export async function hotCandidates(
  db: Executor,
  area: { districtCode?: string | null; streetCode?: string | null },
  nowIso: string,
  limit: number,
) {
  let q = db
    .selectFrom('cases')
    .leftJoin('organisations', 'organisations.id', 'cases.lead_org_id')
    .leftJoin('divisions', 'divisions.code', 'cases.street_code')
    .select([
      'cases.id',
      'cases.case_no',
      'cases.title',
      'cases.status',
      'cases.next_due_at',
      'cases.district_code',
      'cases.street_code',
      'cases.created_at',
      'organisations.name as lead_name',
      'divisions.name as street_name',
    ])
    .where('cases.status', 'not in', ['declined', 'closed', 'revisited', 'merged'])
    .where((eb) =>
      eb.or([
        eb('cases.status', '=', 'parked'),
        eb.and([eb('cases.next_due_at', '<', nowIso), eb('cases.next_due_at', '>', '')]),
        eb(
          'cases.id',
          'in',
          eb
            .selectFrom('case_events')
            .select('case_events.case_id')
            .where('case_events.action', '=', 'returnCase'),
        ),
      ]),
    );
  if (area.districtCode) q = q.where('cases.district_code', '=', area.districtCode);
  if (area.streetCode) q = q.where('cases.street_code', '=', area.streetCode);
  return q.orderBy('cases.next_due_at').orderBy('cases.id').limit(limit).execute();
}

/** The 退单 events of cases: who returned each (the lead released) and the reason code. */
export async function returnsOf(db: Executor, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('case_events')
    .select(['case_id', 'actor_org_id', 'data_json'])
    .where('case_id', 'in', [...caseIds])
    .where('action', '=', 'returnCase')
    .orderBy('case_id')
    .orderBy('seq')
    .execute();
}

/** How many organisations co-handle (协办) each case. */
export async function cohandlerCounts(db: Executor, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('case_cohandlers')
    .select(['case_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('case_id', 'in', [...caseIds])
    .groupBy('case_id')
    .execute();
}

/**
 * The lead / co-handler pairs (主办、协办) of the cases created in [fromIso, toIso) in which `orgId` is either —
 * 条与条 co-handling, for assessment ratings.
 */
export async function coHandlingOrgs(db: Executor, orgId: string, fromIso: string, toIso: string) {
  const rows = await db
    .selectFrom('cases')
    .innerJoin('case_cohandlers as h', 'h.case_id', 'cases.id')
    .select(['cases.lead_org_id as lead', 'h.org_id as cohandler'])
    .where('cases.created_at', '>=', fromIso)
    .where('cases.created_at', '<', toIso)
    .where((eb) => eb.or([eb('cases.lead_org_id', '=', orgId), eb('h.org_id', '=', orgId)]))
    .execute();
  return rows;
}
