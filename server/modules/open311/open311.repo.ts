// Open311 queries: locating a compound for a report, the public projection of cases, and the create
// limit of an integration's API key. Cases are created only through the cases service.
// (api_keys.rate_limit_per_minute belongs with the auth module's key queries; it is here until that
// module's concurrent changes land, see docs/decisions/0007.)
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import { containsText } from '../../platform/db/database.js';

/** ±0.01° around the point (≈1.1 km north–south, ≈0.95 km east–west at Shanghai's latitude). */
export const NEAR_DEGREES = 0.01;

/** The nearest compound to a point within the ±0.01° box, by squared (longitude-scaled) distance. */
export async function nearestCompound(db: Executor, lat: number, lng: number) {
  const k = Math.cos((lat * Math.PI) / 180); // a degree of longitude is shorter than one of latitude
  return db
    .selectFrom('compounds')
    .select(['id', 'name'])
    .where('lat', '>=', lat - NEAR_DEGREES)
    .where('lat', '<=', lat + NEAR_DEGREES)
    .where('lng', '>=', lng - NEAR_DEGREES)
    .where('lng', '<=', lng + NEAR_DEGREES)
    .orderBy(sql`(lat - ${lat}) * (lat - ${lat}) + (lng - ${lng}) * (lng - ${lng}) * ${k * k}`, 'asc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** Compounds whose name or address contains the text (at most `limit`). */
export async function compoundsContaining(db: Executor, text: string, limit: number) {
  return db
    .selectFrom('compounds')
    .select(['id', 'name'])
    .where((eb) => eb.or([containsText('name', text), containsText('address', text)]))
    .orderBy('name')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Compounds whose (at least two-character) name occurs in the text, longest name first. */
export async function compoundsNamedIn(db: Executor, text: string, limit: number) {
  return db
    .selectFrom('compounds')
    .select(['id', 'name'])
    .where(sql<boolean>`length(name) >= 2`)
    .where(sql<boolean>`${text} like '%' || name || '%'`)
    .orderBy(sql`length(name)`, 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function compoundByIdOrCode(db: Executor, idOrCode: string) {
  return db
    .selectFrom('compounds')
    .select(['id', 'name'])
    .where((eb) => eb.or([eb('id', '=', idOrCode), eb('code', '=', idOrCode)]))
    .limit(1)
    .executeTakeFirst();
}

export interface PublicCaseFilter {
  caseNos?: string[];
  categoryCodes?: string[];
  statuses?: { in?: readonly string[]; notIn?: readonly string[] };
  from?: string; // ISO UTC, inclusive
  to?: string; // ISO UTC, inclusive
  channel?: string;
  /** Channels whose cases may be listed publicly (residents' own reports), when no single channel is given. */
  channels?: readonly string[];
  id?: string;
  limit: number;
}

/** Only the columns the public may see: no reporter name, phone or e-mail is ever selected. */
export async function publicCases(db: Executor, f: PublicCaseFilter) {
  let q = db
    .selectFrom('cases')
    // The responsible agency: the lead once dispatched, until then the one the responsibility list routed to.
    .leftJoin('organisations as lead', (join) =>
      join.on(sql<boolean>`lead.id = coalesce(cases.lead_org_id, cases.suggested_org_id)`),
    )
    .select([
      'cases.id',
      'cases.case_no',
      'cases.status',
      'cases.category_code',
      'cases.description',
      'cases.address',
      'cases.lat',
      'cases.lng',
      'cases.created_at',
      'cases.updated_at',
      'cases.closed_at',
      'cases.resolve_due_at',
      'lead.name as lead_name',
    ]);
  if (f.id) q = q.where('cases.id', '=', f.id);
  if (f.channel) q = q.where('cases.channel', '=', f.channel);
  if (f.channels) q = q.where('cases.channel', 'in', [...f.channels]);
  if (f.caseNos) q = q.where('cases.case_no', 'in', f.caseNos);
  if (f.categoryCodes) q = q.where('cases.category_code', 'in', f.categoryCodes);
  if (f.statuses?.in) q = q.where('cases.status', 'in', [...f.statuses.in]);
  if (f.statuses?.notIn) q = q.where('cases.status', 'not in', [...f.statuses.notIn]);
  if (f.from) q = q.where('cases.created_at', '>=', f.from);
  if (f.to) q = q.where('cases.created_at', '<=', f.to);
  return q.orderBy('cases.created_at', 'desc').orderBy('cases.id', 'desc').limit(f.limit).execute();
}
export type PublicCaseRow = Awaited<ReturnType<typeof publicCases>>[number];

/** The first external media URL of each case (uploaded photos need a session and are not public). */
export async function mediaUrls(db: Executor, caseIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!caseIds.length) return out;
  const rows = await db
    .selectFrom('case_photos')
    .select(['case_id', 'url'])
    .where('case_id', 'in', [...caseIds])
    .where('mime', '=', 'url')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const r of rows) if (r.url && !out.has(r.case_id)) out.set(r.case_id, r.url);
  return out;
}

/** The key's own create limit per minute (null: the configured default). */
export async function apiKeyRateLimit(db: Executor, keyId: string): Promise<number | null> {
  const row = await db
    .selectFrom('api_keys')
    .select('rate_limit_per_minute')
    .where('id', '=', keyId)
    .executeTakeFirst();
  return row?.rate_limit_per_minute ?? null;
}

/** Sets an active key's create limit; false when there is no active key with that id. */
export async function setApiKeyRateLimit(db: Executor, keyId: string, perMinute: number | null) {
  const r = await db
    .updateTable('api_keys')
    .set({ rate_limit_per_minute: perMinute })
    .where('id', '=', keyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
