// Open311 GeoReport v2 over the cases module: services = active case categories, service requests =
// cases (public fields only), POST = intake on channel `open311` through the cases service.
import { readFileSync } from 'node:fs';
import { CASE_STATUS_LABELS, type CaseStatus } from '../../../domain/case-lifecycle.js';
import { formatShanghai, isValidDate, startOfShanghaiDay } from '../../../domain/calendar.js';
import {
  OPEN311_SPEC,
  type CreateRequestBody,
  type RequestsQuery,
  type ServiceDefinition,
  type ServiceRequest,
  type Service,
} from '../../../contracts/open311.js';
import type { AuditActor } from '../../platform/audit/audit.js';
import { REFERENCE_FRESHNESS_MS, ttlCache, type TtlCache } from '../../platform/cache.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { message, type Locale } from '../../platform/http/messages.js';
import { resolveApiKey } from '../auth/auth.service.js';
import { caseCategories, intakeCase, type Category } from '../cases/cases.service.js';
import * as repo from './open311.repo.js';

export const OPEN311_CHANNEL = 'open311';
/** Cases in these statuses are `closed` for Open311; every other status is `open`. */
export const CLOSED_STATUSES = ['closed', 'revisited', 'declined', 'merged'] as const;
export const MAX_REQUESTS = 1000;
const DAY_MS = 86_400_000;
const MAX_SPAN_MS = 90 * DAY_MS;
/** The date the Open311 interface last changed (discovery `changeset`). */
const CHANGESET = formatShanghai(startOfShanghaiDay('2026-11-26'));

// ---------------------------------------------------------------------------------------------
// Reference: attribute labels and values live in reference/case-taxonomy.json (the database keeps only
// the attribute codes of each category).

interface AttributeDef {
  zh: string;
  en: string;
  values: Record<string, { zh: string; en: string }>;
}

let taxonomyAttributes: Record<string, AttributeDef> | null = null;

function attributeDefs(): Record<string, AttributeDef> {
  taxonomyAttributes ??= (
    JSON.parse(readFileSync(new URL('../../../reference/case-taxonomy.json', import.meta.url), 'utf8')) as {
      attributes: Record<string, AttributeDef>;
    }
  ).attributes;
  return taxonomyAttributes;
}

const pick = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);
const nameOf = (c: Category, locale: Locale) => pick(locale, c.nameZh, c.nameEn);

/** Service groups: urgent repairs (急修) first, then by the code's prefix (`repair.` → 报修). */
const PREFIX_GROUPS: Record<string, { zh: string; en: string }> = {
  repair: { zh: '报修', en: 'Repairs' },
};
const URGENT_GROUP = { zh: '急修', en: 'Urgent repairs' };
const DEFAULT_GROUP = { zh: '社区治理', en: 'Community governance' };

function groupOf(c: Category) {
  if (c.urgent) return URGENT_GROUP;
  const prefix = c.code.includes('.') ? c.code.split('.')[0] : '';
  return PREFIX_GROUPS[prefix] ?? DEFAULT_GROUP;
}

async function activeCategories(deps: Deps): Promise<Category[]> {
  return [...(await caseCategories(deps)).values()].filter((c) => c.active);
}

async function activeCategory(deps: Deps, code: string): Promise<Category> {
  const c = (await caseCategories(deps)).get(code);
  if (!c || !c.active) throw notFound('open311.service_not_found', { code });
  return c;
}

// ---------------------------------------------------------------------------------------------
// Discovery and services

export function discovery(baseUrl: string, locale: Locale) {
  return {
    changeset: CHANGESET,
    contact: message('open311.discovery_contact', locale),
    key_service: message('open311.discovery_key_service', locale),
    endpoints: [
      {
        specification: OPEN311_SPEC,
        url: `${baseUrl}/open311/v2`,
        changeset: CHANGESET,
        type: 'production' as const,
        formats: ['application/json', 'text/xml'],
      },
    ],
  };
}

export async function listServices(deps: Deps, locale: Locale): Promise<Service[]> {
  return (await activeCategories(deps)).map((c) => {
    const group = groupOf(c);
    const name = nameOf(c, locale);
    const keywords = [...name.split(/\s*[/／]\s*/), pick(locale, group.zh, group.en)];
    return {
      service_code: c.code,
      service_name: name,
      description: `${pick(locale, group.zh, group.en)}${pick(locale, '：', ': ')}${name}`,
      metadata: c.attributes.length > 0,
      type: 'realtime' as const,
      keywords: [...new Set(keywords.filter(Boolean))].join(', '),
      group: pick(locale, group.zh, group.en),
    };
  });
}

export async function serviceDefinition(
  deps: Deps,
  code: string,
  locale: Locale,
): Promise<ServiceDefinition> {
  const c = await activeCategory(deps, code);
  const defs = attributeDefs();
  return {
    service_code: c.code,
    attributes: c.attributes.map((attr, i) => {
      const def = defs[attr];
      return {
        variable: true,
        code: attr,
        datatype: 'singlevaluelist' as const,
        required: false,
        datatype_description: pick(locale, '请选择一项', 'Choose one'),
        order: i + 1,
        description: def ? pick(locale, def.zh, def.en) : attr,
        values: Object.entries(def?.values ?? {}).map(([key, v]) => ({
          key,
          name: pick(locale, v.zh, v.en),
        })),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Creating a request

/** The API key of a POST: valid, unrevoked and bound to channel open311, else 403. */
// A key's limit may be read up to REFERENCE_FRESHNESS_MS after it was changed on another instance (one
// cache per database handle, i.e. per instance).
const keyLimitCaches = new WeakMap<object, TtlCache<number>>();
function keyLimits(deps: Deps): TtlCache<number> {
  let c = keyLimitCaches.get(deps.database.db);
  if (!c) keyLimitCaches.set(deps.database.db, (c = ttlCache<number>(REFERENCE_FRESHNESS_MS)));
  return c;
}

/** Open311 creates per minute allowed to the API key of `actor` (its own limit or the default). */
export async function createsPerMinute(deps: Deps, actor: Actor): Promise<number> {
  const keyId = actor.userId.replace(/^apikey:/, '');
  return keyLimits(deps).get(keyId, async () => {
    const own = await repo.apiKeyRateLimit(deps.database.db, keyId);
    return own ?? deps.config.OPEN311_KEY_RATE_LIMIT;
  });
}

/** Gives an integration's key its own create limit (null: back to the default); audited. */
export async function setCreatesPerMinute(
  deps: Deps,
  by: AuditActor,
  keyId: string,
  perMinute: number | null,
): Promise<boolean> {
  if (perMinute !== null && (!Number.isInteger(perMinute) || perMinute < 1))
    throw badRequest('common.validation', { fields: 'rate limit' });
  const done = await writeTx(deps, by, null, async (trx, audit) => {
    if (!(await repo.setApiKeyRateLimit(trx, keyId, perMinute))) return false;
    await audit({
      action: 'open311.apikey.rate_limit',
      targetType: 'api_key',
      targetId: keyId,
      after: { perMinute },
    });
    return true;
  });
  keyLimits(deps).clear();
  return done;
}

export async function open311Actor(deps: Deps, apiKey: string | undefined | null): Promise<Actor> {
  if (!apiKey) throw new AppError('open311.api_key_missing', 403);
  const actor = await resolveApiKey(deps, apiKey);
  if (!actor || actor.channel !== OPEN311_CHANNEL) throw new AppError('open311.api_key_invalid', 403);
  return actor;
}

/** attribute[code]=value → the case attributes, checked against the service definition. */
function caseAttributes(c: Category, given: Record<string, string> | undefined) {
  const defs = attributeDefs();
  const out: Record<string, string | boolean> = {};
  for (const [code, value] of Object.entries(given ?? {})) {
    if (!c.attributes.includes(code))
      throw badRequest('open311.attribute_unknown', { service: c.code, code });
    const allowed = Object.keys(defs[code]?.values ?? {});
    if (allowed.length && !allowed.includes(value))
      throw badRequest('open311.attribute_value_invalid', { code, value, allowed: allowed.join(', ') });
    // Yes/no attributes are booleans in the responsibility list and the SLA policies.
    const boolean = allowed.length === 2 && allowed.includes('true') && allowed.includes('false');
    out[code] = boolean ? value === 'true' : value;
  }
  return out;
}

async function locateCompound(deps: Deps, b: CreateRequestBody): Promise<{ id: string; name: string }> {
  const db = deps.database.db;
  const hasLat = b.lat !== undefined;
  const hasLong = b.long !== undefined;
  if (hasLat !== hasLong) throw badRequest('open311.lat_long_pair');
  if (hasLat && hasLong) {
    const near = await repo.nearestCompound(db, b.lat!, b.long!);
    if (near) return near;
    if (!b.address_string && !b.address_id)
      throw badRequest('open311.location_no_compound', { lat: b.lat!, long: b.long! });
  }
  if (b.address_id) {
    const c = await repo.compoundByIdOrCode(db, b.address_id);
    if (!c) throw badRequest('open311.address_id_not_found', { id: b.address_id });
    return c;
  }
  if (b.address_string) {
    const text = b.address_string;
    const containing = await repo.compoundsContaining(db, text, 20);
    const exact = containing.find((c) => c.name === text);
    if (exact) return exact;
    if (containing.length === 1) return containing[0];
    if (containing.length > 1)
      throw badRequest('open311.address_ambiguous', {
        address: text,
        count: containing.length >= 20 ? '20+' : containing.length,
      });
    // A full address usually contains the compound's name: "花木路 100 弄 锦绣苑 3 号楼".
    const named = await repo.compoundsNamedIn(db, text, 2);
    if (named.length === 1 || (named.length === 2 && named[0].name.length > named[1].name.length))
      return named[0];
    if (named.length > 1)
      throw badRequest('open311.address_ambiguous', { address: text, count: named.length });
    throw badRequest('open311.address_not_found', { address: text });
  }
  throw badRequest('open311.location_required');
}

function reporterName(first?: string, last?: string): string | undefined {
  const f = first?.trim() ?? '';
  const l = last?.trim() ?? '';
  if (!f && !l) return undefined;
  // Chinese names are written family name first, without a space.
  const cjk = /[\u3400-\u9fff]/.test(f + l);
  return (cjk ? `${l}${f}` : [f, l].filter(Boolean).join(' ')).slice(0, 50);
}

export async function createRequest(
  deps: Deps,
  actor: Actor,
  b: CreateRequestBody,
  locale: Locale,
  requestId: string | null,
  idempotencyKey?: string,
) {
  const category = await activeCategory(deps, b.service_code);
  const attributes = caseAttributes(category, b.attribute);
  const compound = await locateCompound(deps, b);
  const description = b.description?.trim() || category.nameZh;
  const created = await intakeCase(
    deps,
    { kind: 'apiKey', actor },
    {
      channel: OPEN311_CHANNEL,
      categoryCode: category.code,
      attributes,
      description,
      compoundId: compound.id,
      address: b.address_string,
      lat: b.lat,
      lng: b.long,
      reporter: { name: reporterName(b.first_name, b.last_name), phone: b.phone, email: b.email },
      mediaUrls: b.media_url ? [b.media_url] : [],
      externalRef: idempotencyKey, // a retry with the same Idempotency-Key answers the same request
    },
    requestId,
  );
  return [
    {
      service_request_id: created.caseNo,
      service_notice: message(
        category.urgent ? 'open311.created_notice_urgent' : 'open311.created_notice',
        locale,
        { caseNo: created.caseNo },
      ),
      account_id: null,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Reading requests

const open311Status = (status: string) =>
  (CLOSED_STATUSES as readonly string[]).includes(status) ? ('closed' as const) : ('open' as const);

async function present(deps: Deps, rows: repo.PublicCaseRow[], locale: Locale): Promise<ServiceRequest[]> {
  const categories = await caseCategories(deps);
  const media = await repo.mediaUrls(
    deps.database.db,
    rows.map((r) => r.id),
  );
  const iso = (v: string) => formatShanghai(new Date(v));
  return rows.map((r) => {
    const status = open311Status(r.status);
    const category = categories.get(r.category_code);
    const label = CASE_STATUS_LABELS[r.status as CaseStatus];
    const expected = status === 'open' && r.resolve_due_at ? iso(r.resolve_due_at) : null;
    return {
      service_request_id: r.case_no,
      status,
      status_notes: label ? pick(locale, label.zh, label.en) : r.status,
      service_name: category ? nameOf(category, locale) : r.category_code,
      service_code: r.category_code,
      description: r.description || null,
      agency_responsible: r.lead_name ?? null,
      service_notice: expected ? message('open311.expected_notice', locale, { at: expected }) : null,
      requested_datetime: iso(r.created_at),
      updated_datetime: iso(status === 'closed' && r.closed_at ? r.closed_at : r.updated_at),
      expected_datetime: r.resolve_due_at ? iso(r.resolve_due_at) : null,
      address: r.address ?? null,
      lat: r.lat ?? null,
      long: r.lng ?? null,
      media_url: media.get(r.id) ?? null,
    };
  });
}

const list = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * A w3 datetime (time zone required) or a date (a whole Shanghai day). A `+` that arrived as a space
 * (an unencoded query string) is repaired. Returns the first and last millisecond it designates.
 */
export function parseW3(value: string, field: string): { first: number; last: number } {
  const text = value.trim().replace(/(\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:?\d{2})$/, '$1+$2');
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    if (!isValidDate(text)) throw badRequest('open311.date_invalid', { field });
    const first = startOfShanghaiDay(text).getTime();
    return { first, last: first + DAY_MS - 1 };
  }
  const m = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.exec(text);
  // Date.parse rolls 2026-02-30 over into March; a date that does not exist is refused instead.
  const t =
    m && isValidDate(text.slice(0, 10)) ? Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : NaN;
  if (!m || Number.isNaN(t)) throw badRequest('open311.date_invalid', { field });
  // Without milliseconds the value names a whole second (as requested_datetime is printed).
  return { first: t, last: m[2] ? t : m[1] ? t + 999 : t + 59_999 };
}

/**
 * Only cases the public reported themselves (Open311, the resident web form) are published: hotline and
 * staff records often carry names and room numbers in their text.
 */
const PUBLIC_CHANNELS = [OPEN311_CHANNEL, 'residentWeb'];

export async function listRequests(deps: Deps, q: RequestsQuery, locale: Locale): Promise<ServiceRequest[]> {
  const db = deps.database.db;
  const ids = list(q.service_request_id);
  if (ids.length) {
    // service_request_id overrides every other argument.
    if (ids.length > MAX_REQUESTS) throw badRequest('open311.too_many_ids', { max: MAX_REQUESTS });
    return present(
      deps,
      await repo.publicCases(db, {
        caseNos: [...new Set(ids)],
        channels: PUBLIC_CHANNELS,
        limit: MAX_REQUESTS,
      }),
      locale,
    );
  }
  const statuses = list(q.status);
  for (const s of statuses)
    if (s !== 'open' && s !== 'closed') throw badRequest('open311.status_invalid', { status: s });
  const wantOpen = !statuses.length || statuses.includes('open');
  const wantClosed = !statuses.length || statuses.includes('closed');

  const start = q.start_date ? parseW3(q.start_date, 'start_date') : null;
  const end = q.end_date ? parseW3(q.end_date, 'end_date') : null;
  let from: number;
  let to: number;
  if (start && end) {
    from = start.first;
    to = end.last;
    if (from > to) throw badRequest('open311.date_range_reversed');
    if (to - from > MAX_SPAN_MS) throw badRequest('open311.date_range_too_long');
  } else if (start) {
    from = start.first;
    to = from + MAX_SPAN_MS;
  } else if (end) {
    to = end.last;
    from = to - MAX_SPAN_MS;
  } else {
    to = deps.clock.now().getTime();
    from = to - MAX_SPAN_MS;
  }
  const codes = list(q.service_code);
  const rows = await repo.publicCases(db, {
    channels: PUBLIC_CHANNELS,
    categoryCodes: codes.length ? [...new Set(codes)] : undefined,
    statuses:
      wantOpen && wantClosed ? undefined : wantClosed ? { in: CLOSED_STATUSES } : { notIn: CLOSED_STATUSES },
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    limit: MAX_REQUESTS,
  });
  return present(deps, rows, locale);
}

export async function getRequest(deps: Deps, caseNo: string, locale: Locale): Promise<ServiceRequest[]> {
  const rows = await repo.publicCases(deps.database.db, {
    caseNos: [caseNo],
    channels: PUBLIC_CHANNELS,
    limit: 1,
  });
  if (!rows.length) throw notFound('open311.request_not_found', { id: caseNo });
  return present(deps, rows, locale);
}

/** Tokens: requests get their id at once (type realtime), so a token is the id of an Open311 case. */
export async function tokenLookup(deps: Deps, token: string) {
  const rows = await repo.publicCases(deps.database.db, { id: token, channel: OPEN311_CHANNEL, limit: 1 });
  if (!rows.length) throw notFound('open311.token_not_found', { token });
  return [{ service_request_id: rows[0].case_no, token }];
}
