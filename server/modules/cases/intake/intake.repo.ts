// Intake queries: the location a report names, the organisations that may handle it there, idempotent retries
// and duplicates.
import type { Executor } from '../../../platform/db/database.js';
import type { CaseTable } from '../../../platform/db/schema.js';
import { DUPLICATE_OPEN_STATUSES } from '../../../../domain/case-duplicates.js';

/** The case an integration's external reference names (cases_idempotency). */
export async function findCaseByReference(db: Executor, scope: string, ref: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'case_no', 'request_hash'])
    .where('idempotency_scope', '=', scope)
    .where('external_ref', '=', ref)
    .executeTakeFirst();
}

export async function insertCase(db: Executor, row: CaseTable) {
  await db.insertInto('cases').values(row).execute();
}

/**
 * The open cases of the same category in the same compound created since `since`, oldest first: the
 * candidates domain/case-duplicates.ts chooses the repeated case from (重复投诉).
 */
export async function duplicateCandidates(db: Executor, compoundId: string, category: string, since: string) {
  return db
    .selectFrom('cases')
    .select(['id', 'compound_id', 'category_code', 'attributes_json', 'created_at', 'status'])
    .where('compound_id', '=', compoundId)
    .where('category_code', '=', category)
    .where('created_at', '>=', since)
    .where('status', 'in', [...DUPLICATE_OPEN_STATUSES])
    .orderBy('created_at')
    .orderBy('id')
    .limit(200)
    .execute();
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

export interface SimilarFilter {
  compoundId: string;
  categoryCode?: string; // the category (duplicate hints)
  caseNoPrefix?: string; // or the number's first digits (merge picker)
  since?: string; // created at or after
  leadOrgIds: readonly string[] | null; // only cases led by these (a handler's reach); null = all
  excludeId?: string;
  limit: number;
}

/** Open cases of a compound by category or number prefix, oldest first (similar-cases hints, merge picker). */
export async function similarCases(db: Executor, f: SimilarFilter) {
  let q = db
    .selectFrom('cases')
    .select([
      'id',
      'case_no',
      'compound_id',
      'category_code',
      'attributes_json',
      'created_at',
      'status',
      'description',
    ])
    .where('compound_id', '=', f.compoundId)
    .where('status', 'in', [...DUPLICATE_OPEN_STATUSES]);
  if (f.categoryCode) q = q.where('category_code', '=', f.categoryCode);
  if (f.caseNoPrefix) q = q.where('case_no', 'like', `${f.caseNoPrefix}%`);
  if (f.since) q = q.where('created_at', '>=', f.since);
  if (f.leadOrgIds) q = q.where('lead_org_id', 'in', f.leadOrgIds.length ? [...f.leadOrgIds] : ['']);
  if (f.excludeId) q = q.where('id', '<>', f.excludeId);
  return q.orderBy('created_at').orderBy('id').limit(f.limit).execute();
}
