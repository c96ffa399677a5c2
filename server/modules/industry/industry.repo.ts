// Queries of the property-service industry: companies (organisations of the property-company tree) with their
// profiles and qualification facts, project managers and postings, service contracts in scope, the credit rule
// table, records with their objections and corrections, and the names they show.
import type { Grant } from '../../../domain/access.js';
import { inList, type Executor } from '../../platform/db/database.js';
import type {
  CreditCorrectionTable,
  CreditObjectionTable,
  CreditRecordTable,
  IndustryCompanyProfileTable,
  IndustryManagerTable,
  IndustryPostingTable,
  IndustryQualificationTable,
} from '../../platform/db/schema-industry.js';
import { compoundScopeCondition } from '../../platform/scope.js';

export const COMPANY_TYPES = ['property_company', 'company_branch', 'project_office'] as const;

export async function org(db: Executor, id: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'type', 'division_code', 'parent_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The organisation and its parent chain (a project office → its branch → its company). */
export async function ancestorsOf(db: Executor, orgId: string) {
  const chain: { id: string; type: string; name: string }[] = [];
  let current: string | null = orgId;
  for (let i = 0; current && i < 5; i++) {
    const row: { id: string; type: string; name: string; parent_id: string | null } | undefined = await db
      .selectFrom('organisations')
      .select(['id', 'type', 'name', 'parent_id'])
      .where('id', '=', current)
      .executeTakeFirst();
    if (!row) break;
    chain.push(row);
    current = row.parent_id;
  }
  return chain;
}

/** Branches and project offices beneath a company (two levels). */
export async function descendantsOf(db: Executor, orgId: string) {
  const children = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'type'])
    .where('parent_id', '=', orgId)
    .orderBy('name')
    .execute();
  const grandchildren = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'type'])
    .where('parent_id', 'in', inList(children.map((c) => c.id)))
    .orderBy('name')
    .execute();
  return [...children, ...grandchildren];
}

/** Head companies (type property_company), by name, optionally only some ids or a name filter. */
export async function headCompanies(
  db: Executor,
  q: { ids?: readonly string[]; name?: string; cursor?: string | null; limit: number },
) {
  let query = db
    .selectFrom('organisations')
    .leftJoin('industry_company_profiles as p', 'p.id', 'organisations.id')
    .select(['organisations.id', 'organisations.name', 'p.credit_code'])
    .where('organisations.type', '=', 'property_company');
  if (q.ids) query = query.where('organisations.id', 'in', inList(q.ids));
  if (q.name) query = query.where('organisations.name', 'like', `%${q.name}%`);
  if (q.cursor) query = query.where('organisations.id', '>', q.cursor);
  return query
    .orderBy('organisations.id')
    .limit(q.limit + 1)
    .execute();
}

export async function branchCounts(db: Executor, ids: readonly string[]) {
  const rows = await db
    .selectFrom('organisations')
    .select(['parent_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('parent_id', 'in', inList(ids))
    .groupBy('parent_id')
    .execute();
  return new Map(rows.map((r) => [r.parent_id as string, Number(r.n)]));
}

export async function profile(db: Executor, id: string) {
  return db.selectFrom('industry_company_profiles').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function insertProfile(db: Executor, row: IndustryCompanyProfileTable) {
  await db.insertInto('industry_company_profiles').values(row).execute();
}
export async function qualifications(db: Executor, companyId: string) {
  return db
    .selectFrom('industry_qualifications')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('granted_on')
    .execute();
}
export async function insertQualification(db: Executor, row: IndustryQualificationTable) {
  await db.insertInto('industry_qualifications').values(row).execute();
}

// ---- managers ----

export async function manager(db: Executor, id: string) {
  return db.selectFrom('industry_managers').selectAll().where('id', '=', id).executeTakeFirst();
}
export async function managersOf(db: Executor, companyIds: readonly string[]) {
  return db
    .selectFrom('industry_managers')
    .selectAll()
    .where('company_id', 'in', inList(companyIds))
    .orderBy('name')
    .orderBy('id')
    .execute();
}
export async function insertManager(db: Executor, row: IndustryManagerTable) {
  await db.insertInto('industry_managers').values(row).execute();
}
export async function postingsOf(db: Executor, managerIds: readonly string[]) {
  return db
    .selectFrom('industry_postings')
    .innerJoin('compounds', 'compounds.id', 'industry_postings.compound_id')
    .selectAll('industry_postings')
    .select('compounds.name as compound_name')
    .where('manager_id', 'in', inList(managerIds))
    .orderBy('from_on', 'desc')
    .orderBy('industry_postings.id')
    .execute();
}
export async function insertPosting(db: Executor, row: IndustryPostingTable) {
  await db.insertInto('industry_postings').values(row).execute();
}
/** Ends the manager's open postings the day before `toOn`… or on it (the caller passes the day). */
export async function endOpenPostings(db: Executor, managerId: string, toOn: string) {
  await db
    .updateTable('industry_postings')
    .set({ to_on: toOn })
    .where('manager_id', '=', managerId)
    .where('to_on', 'is', null)
    .execute();
}

// ---- compounds and contracts ----

export async function compound(db: Executor, id: string) {
  return db
    .selectFrom('compounds')
    .select(['id', 'name', 'street_code', 'district_code'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Whether one of the organisations serves the compound under a contract. */
export async function serves(db: Executor, compoundId: string, orgIds: readonly string[]) {
  const row = await db
    .selectFrom('service_contracts')
    .select('id')
    .where('compound_id', '=', compoundId)
    .where((eb) =>
      eb.or([eb('company_id', 'in', inList(orgIds)), eb('project_office_id', 'in', inList(orgIds))]),
    )
    .executeTakeFirst();
  return !!row;
}

const contractColumns = [
  'service_contracts.id',
  'service_contracts.compound_id',
  'service_contracts.company_id',
  'service_contracts.project_office_id',
  'service_contracts.kind',
  'service_contracts.service_level',
  'service_contracts.signed_on',
  'service_contracts.starts_on',
  'service_contracts.ends_on',
  'service_contracts.fee_fen_per_m2_month',
  'service_contracts.filed_on',
  'service_contracts.version',
  'compounds.name as compound_name',
  'compounds.street_code',
  'compounds.district_code',
  'organisations.name as company_name',
] as const;

export async function contract(db: Executor, id: string) {
  return db
    .selectFrom('service_contracts')
    .innerJoin('compounds', 'compounds.id', 'service_contracts.compound_id')
    .innerJoin('organisations', 'organisations.id', 'service_contracts.company_id')
    .select(contractColumns)
    .where('service_contracts.id', '=', id)
    .executeTakeFirst();
}

/** Contracts of the compounds the grants reach (keyset on id); `unfiled` keeps signed, unfiled ones only. */
export async function contractsInScope(
  db: Executor,
  grants: readonly Grant[],
  q: {
    compoundId?: string;
    companyIds?: readonly string[];
    unfiled?: boolean;
    cursor: string | null;
    limit: number;
  },
) {
  let query = db
    .selectFrom('service_contracts')
    .innerJoin('compounds', 'compounds.id', 'service_contracts.compound_id')
    .innerJoin('organisations', 'organisations.id', 'service_contracts.company_id')
    .select(contractColumns)
    .where(
      (eb) =>
        compoundScopeCondition(eb, grants, {
          id: 'compounds.id',
          district: 'compounds.district_code',
          street: 'compounds.street_code',
        }) ?? eb.lit(true),
    );
  if (q.compoundId) query = query.where('service_contracts.compound_id', '=', q.compoundId);
  if (q.companyIds) query = query.where('service_contracts.company_id', 'in', inList(q.companyIds));
  if (q.unfiled)
    query = query
      .where('service_contracts.filed_on', 'is', null)
      .where('service_contracts.signed_on', 'is not', null);
  if (q.cursor) query = query.where('service_contracts.id', '>', q.cursor);
  return query
    .orderBy('service_contracts.id')
    .limit(q.limit + 1)
    .execute();
}

// ---- credit ----

export async function rules(db: Executor) {
  return db
    .selectFrom('credit_rules')
    .selectAll()
    .orderBy('subject')
    .orderBy('kind')
    .orderBy('code')
    .execute();
}
export async function rule(db: Executor, code: string) {
  return db.selectFrom('credit_rules').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function insertRecord(db: Executor, row: CreditRecordTable) {
  await db.insertInto('credit_records').values(row).execute();
}
export async function record(db: Executor, id: string) {
  return db.selectFrom('credit_records').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records of a company tree (head id or one of its orgs), or of a manager; `published` = published only. */
export async function recordsOf(
  db: Executor,
  of: { headId?: string; companyIds?: readonly string[]; managerId?: string; publishedOnly?: boolean },
) {
  let query = db.selectFrom('credit_records').selectAll();
  if (of.headId) query = query.where('head_id', '=', of.headId);
  if (of.companyIds) query = query.where('company_id', 'in', inList(of.companyIds));
  if (of.managerId) query = query.where('manager_id', '=', of.managerId);
  if (of.publishedOnly) query = query.where('status', '=', 'published');
  return query.orderBy('occurred_on', 'desc').orderBy('id', 'desc').execute();
}

/** Published company records' standing facts of many head companies (managers have their own standing). */
export async function publishedFactsOf(db: Executor, headIds: readonly string[]) {
  return db
    .selectFrom('credit_records')
    .select(['head_id', 'kind', 'status', 'points', 'expires_on'])
    .where('status', '=', 'published')
    .where('subject', '=', 'company')
    .where('head_id', 'in', inList(headIds))
    .execute();
}

/** Records for the list, newest first: filters only; the service keeps what the caller may see. */
export async function recordsPage(
  db: Executor,
  q: {
    status?: CreditRecordTable['status'];
    companyIds?: readonly string[];
    compoundId?: string;
    cursor: string | null;
    limit: number;
  },
) {
  let query = db.selectFrom('credit_records').selectAll();
  if (q.status) query = query.where('status', '=', q.status);
  if (q.companyIds) query = query.where('company_id', 'in', inList(q.companyIds));
  if (q.compoundId) query = query.where('compound_id', '=', q.compoundId);
  if (q.cursor) query = query.where('id', '<', q.cursor);
  return query
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

/** Published records of the same rule against the same subject, published after `since`. */
export async function sameTypeSince(db: Executor, r: CreditRecordTable, since: string) {
  let query = db
    .selectFrom('credit_records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('rule_code', '=', r.rule_code)
    .where('id', '!=', r.id)
    .where('status', 'in', ['published', 'corrected', 'withdrawn'])
    .where('published_on', '>', since);
  query = r.manager_id
    ? query.where('manager_id', '=', r.manager_id)
    : query.where('company_id', '=', r.company_id).where('manager_id', 'is', null);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export async function objectionsOf(db: Executor, recordIds: readonly string[]) {
  return db.selectFrom('credit_objections').selectAll().where('record_id', 'in', inList(recordIds)).execute();
}
export async function insertObjection(db: Executor, row: CreditObjectionTable) {
  await db.insertInto('credit_objections').values(row).execute();
}
export async function correctionsOf(db: Executor, recordIds: readonly string[]) {
  return db
    .selectFrom('credit_corrections')
    .selectAll()
    .where('record_id', 'in', inList(recordIds))
    .orderBy('applied_on')
    .orderBy('id')
    .execute();
}
export async function insertCorrection(db: Executor, row: CreditCorrectionTable) {
  await db.insertInto('credit_corrections').values(row).execute();
}

/** Names records show: organisations, managers, compounds. */
export async function namesOf(
  db: Executor,
  rows: readonly { company_id: string; manager_id: string | null; compound_id: string | null }[],
) {
  const ids = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];
  const [o, m, c] = await Promise.all([
    db
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('id', 'in', inList(ids(rows.map((r) => r.company_id))))
      .execute(),
    db
      .selectFrom('industry_managers')
      .select(['id', 'name'])
      .where('id', 'in', inList(ids(rows.map((r) => r.manager_id))))
      .execute(),
    db
      .selectFrom('compounds')
      .select(['id', 'name'])
      .where('id', 'in', inList(ids(rows.map((r) => r.compound_id))))
      .execute(),
  ]);
  const map = (xs: { id: string; name: string }[]) => new Map(xs.map((x) => [x.id, x.name]));
  return { orgs: map(o), managers: map(m), compounds: map(c) };
}
