// Case queries: reference data (taxonomy, list, policies, calendar), cases, events, queues.
import type { Executor } from '../../platform/db/database.js';
import { keysetPage } from '../../platform/db/keyset.js';
import { containsText } from '../../platform/db/database.js';
import type { CaseTable, CaseEventTable } from '../../platform/db/schema.js';

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

export async function slaPolicies(db: Executor) {
  return db.selectFrom('sla_policies').selectAll().execute();
}

export async function calendarDays(db: Executor) {
  return db.selectFrom('calendar_days').selectAll().execute();
}

export async function findCaseByExternalRef(db: Executor, channel: string, ref: string) {
  return db
    .selectFrom('cases')
    .select(['id'])
    .where('channel', '=', channel)
    .where('external_ref', '=', ref)
    .executeTakeFirst();
}

export async function insertCase(db: Executor, row: CaseTable) {
  await db.insertInto('cases').values(row).execute();
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

export async function replaceCohandlers(db: Executor, caseId: string, orgIds: readonly string[]) {
  await db.deleteFrom('case_cohandlers').where('case_id', '=', caseId).execute();
  if (orgIds.length)
    await db
      .insertInto('case_cohandlers')
      .values([...new Set(orgIds)].map((org_id) => ({ case_id: caseId, org_id })))
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

/** Lead handler candidates of a type/kind covering a street (street-level organisations first). */
export async function organisationsCovering(
  db: Executor,
  orgType: string,
  orgKind: string | null,
  streetCode: string,
) {
  let q = db
    .selectFrom('organisations')
    .select(['organisations.id', 'organisations.name', 'organisations.division_code'])
    .where('organisations.type', '=', orgType)
    .where((eb) =>
      eb.or([
        eb('organisations.division_code', '=', streetCode),
        eb(
          'organisations.id',
          'in',
          eb
            .selectFrom('organisation_coverage')
            .select('organisation_id')
            .where('division_code', '=', streetCode),
        ),
      ]),
    );
  if (orgKind) q = q.where('organisations.kind', '=', orgKind);
  const rows = await q.execute();
  return rows.sort((a, b) => b.division_code.length - a.division_code.length || a.name.localeCompare(b.name));
}

/** Whether any of the organisations covers the street (coverage rows or its own division). */
export async function organisationsCoveringStreet(
  db: Executor,
  orgIds: readonly string[],
  streetCode: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', 'in', orgIds)
    .where((eb) =>
      eb.or([
        eb('division_code', '=', streetCode),
        eb(
          'id',
          'in',
          eb
            .selectFrom('organisation_coverage')
            .select('organisation_id')
            .where('division_code', '=', streetCode),
        ),
      ]),
    )
    .executeTakeFirst();
  return !!row;
}

/** The compound's current property-service provider: the project office when there is one, else the company. */
export async function currentServiceProvider(db: Executor, compoundId: string) {
  return db
    .selectFrom('service_contracts')
    .select(['company_id', 'project_office_id'])
    .where('compound_id', '=', compoundId)
    .orderBy('starts_on', 'desc')
    .limit(1)
    .executeTakeFirst();
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

export async function unitLocation(db: Executor, id: string) {
  return db
    .selectFrom('units')
    .select(['id', 'building_id', 'compound_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function buildingLocation(db: Executor, id: string) {
  return db.selectFrom('buildings').select(['id', 'compound_id']).where('id', '=', id).executeTakeFirst();
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

export interface QueueFilter {
  orgIds: string[] | null; // lead organisation(s); null = by location scope
  streetCodes: string[] | null;
  districtCodes: string[] | null;
  statuses: string[] | null;
  dueStates: string[] | null;
  returned: boolean;
  category?: string;
  q?: string;
  after: [string, string] | null;
  limit: number;
}

export async function queue(db: Executor, f: QueueFilter) {
  let q = db
    .selectFrom('cases')
    .leftJoin('organisations as lead', 'lead.id', 'cases.lead_org_id')
    .leftJoin('compounds', 'compounds.id', 'cases.compound_id')
    .leftJoin('divisions as s', 's.code', 'cases.street_code')
    .leftJoin('case_categories as cat', 'cat.code', 'cases.category_code')
    .select([
      'cases.id',
      'cases.case_no',
      'cases.title',
      'cases.category_code',
      'cat.name_zh as category_name',
      'cases.status',
      'cases.urgency',
      'cases.channel',
      's.name as street_name',
      'compounds.name as compound_name',
      'lead.name as lead_name',
      'cases.next_due_at',
      'cases.due_state',
      'cases.supervision_level',
      'cases.created_at',
    ]);
  if (f.orgIds) q = q.where('cases.lead_org_id', 'in', f.orgIds);
  if (f.streetCodes) q = q.where('cases.street_code', 'in', f.streetCodes);
  if (f.districtCodes) q = q.where('cases.district_code', 'in', f.districtCodes);
  if (f.statuses) q = q.where('cases.status', 'in', f.statuses);
  if (f.dueStates) q = q.where('cases.due_state', 'in', f.dueStates);
  if (f.returned) q = q.where('cases.status', '=', 'accepted').where('cases.dispatched_at', 'is not', null);
  if (f.category) q = q.where('cases.category_code', '=', f.category);
  if (f.q) q = q.where((eb) => eb.or([eb('cases.case_no', '=', f.q!), containsText('cases.title', f.q!)]));
  // Deadline order (cases without a deadline carry NO_DEADLINE and come last): index-friendly keyset.
  return keysetPage(q, 'cases.next_due_at', 'cases.id', f.after, f.limit).execute();
}
