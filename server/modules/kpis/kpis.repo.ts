// KPI and campaign queries. The KPI figures are one aggregate statement per request (GROUP BY with
// SUM(CASE …)); places are filtered by street code so the (street_code, created_at) index serves it.
import { sql, type RawBuilder } from 'kysely';
import { SATISFIED_RESULTS, type KpiCounts } from '../../../domain/kpis.js';
import type { Executor } from '../../platform/db/database.js';
import type { CampaignTable } from '../../platform/db/schema.js';

export type KpiGroupBy = 'street' | 'department' | 'company' | 'compound' | 'category';

/** One way of reaching cases: the whole city, a district, a street, or the cases led by organisations. */
export type ScopePart =
  | { kind: 'all' }
  | { kind: 'district'; code: string }
  | { kind: 'street'; code: string }
  | { kind: 'orgs'; ids: string[] };

export interface KpiFilter {
  fromIso: string; // created_at >= fromIso
  toIso: string; // created_at < toIso
  scope: ScopePart[]; // OR-ed
  district?: string;
  street?: string;
}

export interface KpiCountRow extends KpiCounts {
  key: string;
  name: string;
}

// Cases carry their district: a direct filter lets the planner use (district_code, created_at) once
// instead of probing each street of the district.
const streetsOf = (district: string) => sql`cases.district_code = ${district}`;

/** The lead organisation, and (for companies) the two parents above it: project office → branch → company. */
const COMPANY_OF = (col: 'id' | 'name') =>
  sql.raw(
    `case when lead.type = 'property_company' then lead.${col}` +
      ` when p1.type = 'property_company' then p1.${col}` +
      ` when p2.type = 'property_company' then p2.${col} end`,
  );

const NO_NAMES = { namesJoin: sql``, namesCol: sql`cast(null as text)` };

/**
 * Per grouping: the key and name of a case's group, the tables they come from, and — for streets — the names
 * joined after grouping (a district's month has ~40,000 cases but ~40 streets: one lookup per street, not per
 * case).
 */
const GROUPS: Record<
  KpiGroupBy,
  {
    key: RawBuilder<unknown>;
    name: RawBuilder<unknown>;
    from: RawBuilder<unknown>;
    namesJoin: RawBuilder<unknown>;
    namesCol: RawBuilder<unknown>;
  }
> = {
  street: {
    key: sql`cases.street_code`,
    name: sql`cast(null as text)`,
    from: sql`cases`,
    namesJoin: sql`left join divisions n on n.code = a.group_key`,
    namesCol: sql`n.name`,
  },
  compound: {
    key: sql`g.id`,
    name: sql`g.name`,
    from: sql`cases join compounds g on g.id = cases.compound_id`,

    ...NO_NAMES,
  },
  // A squadron's (中队) cases roll up into its bureau: the group is the lead's parent when that is a department.
  department: {
    key: sql`coalesce(up.id, lead.id)`,
    name: sql`coalesce(up.name, lead.name)`,
    from: sql`cases join organisations lead on lead.id = cases.lead_org_id and lead.type in ('department', 'utility')
        left join organisations up on up.id = lead.parent_id and up.type = lead.type`,

    ...NO_NAMES,
  },
  // Categories are few (~60): their names are joined after grouping, like streets.
  category: {
    key: sql`cases.category_code`,
    name: sql`cast(null as text)`,
    from: sql`cases`,
    namesJoin: sql`left join case_categories n on n.code = a.group_key`,
    namesCol: sql`n.name_zh`,
  },
  company: {
    key: COMPANY_OF('id'),
    name: COMPANY_OF('name'),
    from: sql`cases join organisations lead on lead.id = cases.lead_org_id
        and lead.type in ('property_company', 'company_branch', 'project_office')
        left join organisations p1 on p1.id = lead.parent_id
        left join organisations p2 on p2.id = p1.parent_id`,
    ...NO_NAMES,
  },
};

function scopeCondition(part: ScopePart): RawBuilder<unknown> {
  switch (part.kind) {
    case 'all':
      return sql`1 = 1`;
    case 'district':
      return streetsOf(part.code);
    case 'street':
      return sql`cases.street_code = ${part.code}`;
    case 'orgs': {
      // The organisations, their children and grandchildren (a company's branches and project offices).
      const ids = sql.join(part.ids);
      return sql`cases.lead_org_id in (select o.id from organisations o where o.id in (${ids})
        or o.parent_id in (${ids})
        or o.parent_id in (select c.id from organisations c where c.parent_id in (${ids})))`;
    }
  }
}

/** The conditions every KPI aggregate shares: the period, the actor's scope, the district/street filter. */
function conditions(f: KpiFilter): RawBuilder<unknown> {
  const where: RawBuilder<unknown>[] = [
    sql`cases.created_at >= ${f.fromIso}`,
    sql`cases.created_at < ${f.toIso}`,
    sql`(${sql.join(f.scope.map(scopeCondition), sql` or `)})`,
  ];
  if (f.street) where.push(sql`cases.street_code = ${f.street}`);
  else if (f.district) where.push(streetsOf(f.district));
  return sql.join(where, sql` and `);
}

/** The sums of KpiCounts over the rows of `t` (one aggregate; columns as read by countsOf). */
function countColumns(): RawBuilder<unknown> {
  const satisfied = sql.join(SATISFIED_RESULTS.map((s) => sql`${s}`));
  return sql`count(*) as total,
        sum(case when t.proactive = 1 then 1 else 0 end) as proactive,
        count(t.accepted_ontime) as accepted,
        sum(case when t.accepted_ontime = 1 then 1 else 0 end) as accepted_on_time,
        count(t.ontime) as closed,
        sum(case when t.ontime = 1 then 1 else 0 end) as closed_on_time,
        count(t.resolved) as resolved_known,
        sum(case when t.resolved = 1 then 1 else 0 end) as resolved,
        count(t.satisfaction) as revisited,
        sum(case when t.satisfaction in (${satisfied}) then 1 else 0 end) as satisfied,
        count(t.duplicate_of_id) as repeats,
        sum(case when t.status = 'parked' then 1 else 0 end) as parked,
        count(t.arrived_ontime) as arrivals_due,
        sum(case when t.arrived_ontime = 1 then 1 else 0 end) as arrived_on_time`;
}

const CASE_COLUMNS = sql`cases.proactive, cases.accepted_ontime, cases.ontime, cases.resolved, cases.satisfaction,
          cases.duplicate_of_id, cases.status, cases.arrived_ontime`;

function countsOf(row: Record<string, unknown>): KpiCounts {
  const n = (k: string) => Number(row[k] ?? 0);
  return {
    total: n('total'),
    proactive: n('proactive'),
    accepted: n('accepted'),
    acceptedOnTime: n('accepted_on_time'),
    closed: n('closed'),
    closedOnTime: n('closed_on_time'),
    resolvedKnown: n('resolved_known'),
    resolved: n('resolved'),
    revisited: n('revisited'),
    satisfied: n('satisfied'),
    repeats: n('repeats'),
    parked: n('parked'),
    arrivalsDue: n('arrivals_due'),
    arrivedOnTime: n('arrived_on_time'),
  };
}

export async function kpiCounts(db: Executor, groupBy: KpiGroupBy, f: KpiFilter): Promise<KpiCountRow[]> {
  const g = GROUPS[groupBy];
  const result = await sql<Record<string, unknown>>`
    select a.*, coalesce(${g.namesCol}, a.gname, a.group_key) as group_name
    from (
      select t.gkey as group_key, max(t.gname) as gname, ${countColumns()}
      from (
        select ${g.key} as gkey, ${g.name} as gname, ${CASE_COLUMNS}
        from ${g.from}
        where ${conditions(f)}
      ) t
      where t.gkey is not null
      group by t.gkey
    ) a
    ${g.namesJoin}
    order by group_name, group_key`.execute(db);
  return result.rows.map((row) => ({
    key: String(row.group_key),
    name: String(row.group_name),
    ...countsOf(row),
  }));
}

/** The period index of a case (a CASE over the boundaries) and the filter spanning all periods. */
function periodsOf(bounds: readonly string[], f: Omit<KpiFilter, 'fromIso' | 'toIso'>) {
  if (bounds.length < 2) throw new RangeError('at least one period');
  const arms = bounds.slice(1, -1).map((b, i) => sql`when cases.created_at < ${b} then ${sql.lit(i)}`);
  const bucket = arms.length
    ? sql`case ${sql.join(arms, sql` `)} else ${sql.lit(bounds.length - 2)} end`
    : sql`0`;
  return { bucket, filter: { ...f, fromIso: bounds[0], toIso: bounds[bounds.length - 1] } };
}

/** A case flagged at intake as repeating another (duplicate_of_id), with both cases' attributes. */
export interface RepeatPair {
  key: string;
  attributes: string; // attributes_json of the case
  repeatedAttributes: string; // attributes_json of the case it repeats
}

async function repeatPairsOf(
  db: Executor,
  key: RawBuilder<unknown>,
  from: RawBuilder<unknown>,
  f: KpiFilter,
): Promise<RepeatPair[]> {
  const result = await sql<{ gkey: unknown; a: string; b: string }>`
    select ${key} as gkey, cases.attributes_json as a, d.attributes_json as b
    from ${from} join cases d on d.id = cases.duplicate_of_id
    where ${conditions(f)} and cases.duplicate_of_id is not null`.execute(db);
  return result.rows
    .filter((r) => r.gkey !== null && r.gkey !== undefined)
    .map((r) => ({ key: String(r.gkey), attributes: r.a, repeatedAttributes: r.b }));
}

/** The flagged repeats of kpiCounts' groups (same filter, same group keys): the 重复投诉率 rule reads them. */
export function repeatPairs(db: Executor, groupBy: KpiGroupBy, f: KpiFilter): Promise<RepeatPair[]> {
  const g = GROUPS[groupBy];
  return repeatPairsOf(db, g.key, g.from, f);
}

/** The flagged repeats per period of kpiCountsByPeriod (key = the period's index). */
export function repeatPairsByPeriod(
  db: Executor,
  bounds: readonly string[],
  f: Omit<KpiFilter, 'fromIso' | 'toIso'>,
): Promise<RepeatPair[]> {
  const { bucket, filter } = periodsOf(bounds, f);
  return repeatPairsOf(db, bucket, sql`cases`, filter);
}

/**
 * KpiCounts per period of `bounds` (consecutive half-open intervals given by their starts plus the end):
 * one range scan of the created_at indexes over the whole span, each case put in its period by a CASE over
 * the boundaries (Shanghai months do not start at UTC midnight, so no string slicing).
 */
export async function kpiCountsByPeriod(
  db: Executor,
  bounds: readonly string[],
  f: Omit<KpiFilter, 'fromIso' | 'toIso'>,
): Promise<KpiCounts[]> {
  const { bucket, filter } = periodsOf(bounds, f);
  const result = await sql<Record<string, unknown>>`
    select t.bucket, ${countColumns()}
    from (select ${bucket} as bucket, ${CASE_COLUMNS} from cases where ${conditions(filter)}) t
    group by t.bucket`.execute(db);
  const out: KpiCounts[] = bounds.slice(1).map(() => countsOf({}));
  for (const row of result.rows) out[Number(row.bucket)] = countsOf(row);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Campaigns

export async function findCampaign(db: Executor, id: string) {
  return db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface CampaignFilter {
  /** null = every division; else campaigns whose division lies within one of these codes. */
  within: string[] | null;
  division?: string;
  category?: string;
  after: string | null; // id, descending
  limit: number;
}

export async function listCampaigns(db: Executor, f: CampaignFilter) {
  let q = db.selectFrom('campaigns').selectAll();
  if (f.within) {
    const within = f.within;
    q = q.where((eb) =>
      eb.or(within.map((code) => eb('division_code', 'like', `${code.replace(/\D/g, '')}%`))),
    );
  }
  if (f.division) q = q.where('division_code', '=', f.division);
  if (f.category) q = q.where('category_code', '=', f.category);
  if (f.after) q = q.where('id', '<', f.after);
  return q
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export async function insertCampaign(db: Executor, row: CampaignTable) {
  await db.insertInto('campaigns').values(row).execute();
}

/** Cases per campaign and status, for the progress of several campaigns in one query. */
export async function campaignStatusCounts(db: Executor, campaignIds: readonly string[]) {
  if (campaignIds.length === 0) return [];
  const rows = await db
    .selectFrom('campaign_cases')
    .innerJoin('cases', 'cases.id', 'campaign_cases.case_id')
    .select(['campaign_cases.campaign_id', 'cases.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaign_cases.campaign_id', 'in', campaignIds)
    .groupBy(['campaign_cases.campaign_id', 'cases.status'])
    .execute();
  return rows.map((r) => ({ campaignId: r.campaign_id, status: r.status, n: Number(r.n) }));
}

export async function categoryNames(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('case_categories')
    .select(['code', 'name_zh'])
    .where('code', 'in', codes)
    .execute();
  return new Map(rows.map((r) => [r.code, r.name_zh]));
}

export async function divisionsByCodes(db: Executor, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return db.selectFrom('divisions').select(['code', 'name', 'level']).where('code', 'in', codes).execute();
}

export async function categoryExists(db: Executor, code: string) {
  return !!(await db
    .selectFrom('case_categories')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst());
}

/** The facts needed to check that cases may join a campaign. */
export async function casesForCampaign(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('cases')
    .select(['id', 'category_code', 'street_code', 'district_code'])
    .where('id', 'in', ids)
    .execute();
}

/** Cases of the category in the division created within [fromIso, toIso), not yet in the campaign. */
export async function matchingCaseIds(
  db: Executor,
  c: Pick<CampaignTable, 'id' | 'category_code' | 'division_code'>,
  fromIso: string,
  toIso: string,
  excludeStatuses: readonly string[],
): Promise<string[]> {
  let q = db
    .selectFrom('cases')
    .select('cases.id')
    .where('cases.category_code', '=', c.category_code)
    .where('cases.created_at', '>=', fromIso)
    .where('cases.created_at', '<', toIso)
    .where('cases.status', 'not in', [...excludeStatuses])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('campaign_cases')
            .select('campaign_cases.case_id')
            .where('campaign_cases.campaign_id', '=', c.id)
            .whereRef('campaign_cases.case_id', '=', 'cases.id'),
        ),
      ),
    );
  q =
    c.division_code.length === 9
      ? q.where('cases.street_code', '=', c.division_code)
      : q.where(
          'cases.street_code',
          'in',
          db.selectFrom('divisions').select('code').where('parent_code', '=', c.division_code),
        );
  return (await q.orderBy('cases.created_at').execute()).map((r) => r.id);
}

export async function memberIds(db: Executor, campaignId: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('campaign_cases')
    .select('case_id')
    .where('campaign_id', '=', campaignId)
    .where('case_id', 'in', caseIds)
    .execute();
  return new Set(rows.map((r) => r.case_id));
}

export async function addMembers(db: Executor, campaignId: string, caseIds: readonly string[]) {
  for (let i = 0; i < caseIds.length; i += 400) {
    await db
      .insertInto('campaign_cases')
      .values(caseIds.slice(i, i + 400).map((case_id) => ({ campaign_id: campaignId, case_id })))
      .onConflict((oc) => oc.columns(['campaign_id', 'case_id']).doNothing())
      .execute();
  }
}

export async function touchCampaign(db: Executor, id: string, at: string) {
  await db
    .updateTable('campaigns')
    .set((eb) => ({ updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// Map layers: open cases per compound and street, case pins, compound points, street centroids

/** A location filter on compounds (`c`): the scope's places and the district/street filter. */
function compoundPlaces(scope: ScopePart[], f: { district?: string; street?: string }): RawBuilder<unknown> {
  const places = scope
    .map((p) =>
      p.kind === 'all'
        ? sql`1 = 1`
        : p.kind === 'district'
          ? sql`c.district_code = ${p.code}`
          : p.kind === 'street'
            ? sql`c.street_code = ${p.code}`
            : null,
    )
    .filter((x): x is RawBuilder<unknown> => x !== null);
  const where = [places.length ? sql`(${sql.join(places, sql` or `)})` : sql`1 = 0`];
  if (f.street) where.push(sql`c.street_code = ${f.street}`);
  else if (f.district) where.push(sql`c.district_code = ${f.district}`);
  return sql.join(where, sql` and `);
}

/** The open-case conditions (status among `statuses`) within the scope and filter. */
function openCases(
  scope: ScopePart[],
  f: { district?: string; street?: string },
  statuses: readonly string[],
) {
  const where: RawBuilder<unknown>[] = [
    sql`cases.status in (${sql.join(statuses.map((s) => sql`${s}`))})`,
    sql`(${sql.join(scope.map(scopeCondition), sql` or `)})`,
  ];
  if (f.street) where.push(sql`cases.street_code = ${f.street}`);
  else if (f.district) where.push(streetsOf(f.district));
  return sql.join(where, sql` and `);
}

export interface MapFilter {
  scope: ScopePart[];
  district?: string;
  street?: string;
  openStatuses: readonly string[];
}

/** Open cases per (street, compound): served by the (place, status, …) queue indexes. */
export async function openCaseCounts(db: Executor, f: MapFilter) {
  const rows = await sql<{ street_code: string; compound_id: string | null; n: number }>`
    select cases.street_code, cases.compound_id, count(*) as n from cases
    where ${openCases(f.scope, f, f.openStatuses)}
    group by cases.street_code, cases.compound_id`.execute(db);
  return rows.rows.map((r) => ({ streetCode: r.street_code, compoundId: r.compound_id, n: Number(r.n) }));
}

/** The newest open cases with a position (at most `limit`). */
export async function casePins(db: Executor, f: MapFilter, limit: number) {
  const rows = await sql<{
    id: string;
    case_no: string;
    title: string;
    status: string;
    due_state: string;
    lat: number;
    lng: number;
  }>`
    select cases.id, cases.case_no, cases.title, cases.status, cases.due_state, cases.lat, cases.lng from cases
    where ${openCases(f.scope, f, f.openStatuses)} and cases.lat is not null and cases.lng is not null
    order by cases.created_at desc, cases.id desc
    limit ${limit}`.execute(db);
  return rows.rows;
}

/** Compounds with coordinates in the scope's places, or among `extraIds` (at most `limit`, by name). */
export async function compoundPoints(db: Executor, f: MapFilter, extraIds: readonly string[], limit: number) {
  const extra = extraIds.length ? sql` or c.id in (${sql.join(extraIds)})` : sql``;
  const rows = await sql<{ id: string; name: string; street_code: string; lat: number; lng: number }>`
    select c.id, c.name, c.street_code, c.lat, c.lng from compounds c
    where c.lat is not null and c.lng is not null and ((${compoundPlaces(f.scope, f)})${extra})
    order by c.name, c.id
    limit ${limit}`.execute(db);
  return rows.rows;
}

/** Per street of the scope's places: the centroid of its compounds' coordinates and their number. */
export async function streetCentroids(db: Executor, f: MapFilter, extraStreets: readonly string[]) {
  const extra = extraStreets.length ? sql` or c.street_code in (${sql.join(extraStreets)})` : sql``;
  const rows = await sql<{ street_code: string; name: string | null; lat: number; lng: number; n: number }>`
    select s.street_code, d.name, s.lat, s.lng, s.n from (
      select c.street_code, avg(c.lat) as lat, avg(c.lng) as lng, count(*) as n from compounds c
      where c.lat is not null and c.lng is not null and ((${compoundPlaces(f.scope, f)})${extra})
      group by c.street_code
    ) s left join divisions d on d.code = s.street_code
    order by s.street_code`.execute(db);
  return rows.rows.map((r) => ({ ...r, lat: Number(r.lat), lng: Number(r.lng), n: Number(r.n) }));
}
