// Intake from every channel: who may record on which channel and where, routing by the responsibility list,
// the first SLA clock. One transaction: case row + first event (+ photos) + outbox jobs + audit.
import { createHash } from 'node:crypto';
import { shanghaiDate } from '../../../../domain/calendar.js';
import { duplicateWindowStart, findDuplicate as duplicateOf } from '../../../../domain/case-duplicates.js';
import { hasPermission, INTAKE_CHANNEL_PERMISSION } from '../../../../domain/access.js';
import { countsAsProactive } from '../../../../domain/kpis.js';
import type { IntakeInput } from '../../../../contracts/cases.js';
import type { Actor } from '../../../platform/http/context.js';
import { auditActor } from '../../../platform/http/context.js';
import { AppError, badRequest } from '../../../platform/http/errors.js';
import { writeTx, type Audit, type Deps } from '../../../platform/deps.js';
import {
  isUniqueViolation,
  nextSequenceValue,
  type Executor,
  type Tx,
} from '../../../platform/db/database.js';
import type { CaseTable } from '../../../platform/db/schema.js';
import { newId } from '../../../platform/ids.js';
import { NO_DEADLINE } from '../cases.repo.js';
import { appendEvent, saveMediaUrls, savePhotos, type EventActor } from '../cases.events.js';
import { caseReference, type CaseReference, type Category } from '../cases.reference.js';
import { actorOrgIds, locationReaches } from '../cases.policy.js';
import { refreshDue, scheduleSla, slaFacts, stageDeadline } from '../cases.sla.js';
import { tellReporter } from '../tracking/tracking.notices.js';
import * as repo from './intake.repo.js';
import { resolveLocation, routeCase, type Location, type Routing } from './intake.routing.js';

/**
 * Who is recording a case: a signed-in user, an integration key, a resident on the public form, or a signed-in
 * owner reporting at one of their own units (the owner service checked the unit; the case keeps the account).
 */
export type Reporter =
  | { kind: 'user'; actor: Actor }
  | { kind: 'apiKey'; actor: Actor }
  | { kind: 'public' }
  | { kind: 'owner'; actor: Actor };

export interface IntakeResult {
  id: string;
  caseNo: string;
  created: boolean; // false when an idempotent retry found the existing case
}

export type IntakeRequest = IntakeInput & { photos?: string[] };

function checkChannel(reporter: Reporter, channel: string): void {
  const deny = () => new AppError('cases.channel_not_allowed', 403, { channel });
  if (reporter.kind === 'public' || reporter.kind === 'owner') {
    if (channel !== 'residentWeb') throw deny();
    return;
  }
  if (reporter.kind === 'apiKey') {
    if (reporter.actor.channel !== channel) throw deny();
    return;
  }
  const permission = INTAKE_CHANNEL_PERMISSION[channel];
  if (!permission || !hasPermission(reporter.actor.grants, permission)) throw deny();
}

/** Data-scope check: a signed-in reporter records cases only where their scope reaches. */
async function checkReporterScope(db: Executor, reporter: Reporter, channel: string, loc: Location) {
  if (reporter.kind !== 'user') return;
  const actor = reporter.actor;
  const place = { district_code: loc.districtCode, street_code: loc.streetCode };
  if (channel === 'propertyCompany') {
    const provider = loc.compoundId ? await repo.currentServiceProvider(db, loc.compoundId) : undefined;
    const orgs = actorOrgIds(actor);
    if (
      provider &&
      (orgs.includes(provider.company_id) ||
        (provider.project_office_id && orgs.includes(provider.project_office_id)))
    )
      return;
    throw new AppError('auth.forbidden', 403);
  }
  if (locationReaches(actor, place)) return;
  // Departments and utilities refer cases within the streets they cover.
  const orgs = actorOrgIds(actor);
  if (
    channel === 'departmentReferral' &&
    orgs.length &&
    (await repo.organisationsCoveringStreet(db, orgs, loc.streetCode))
  )
    return;
  throw new AppError('auth.forbidden', 403);
}

function displayName(reporter: Reporter, input: IntakeInput): EventActor {
  if (reporter.kind === 'public')
    return { id: null, name: input.reporter.name ? `居民 ${input.reporter.name}` : '居民', orgId: null };
  if (reporter.kind === 'owner')
    return { id: reporter.actor.userId, name: `业主 ${reporter.actor.displayName}`, orgId: null };
  return {
    id: reporter.actor.userId,
    name: reporter.actor.username,
    orgId: actorOrgIds(reporter.actor)[0] ?? null,
  };
}

/** The open case this report repeats (重复投诉, domain/case-duplicates.ts), or null. */
async function findDuplicate(db: Executor, f: IntakeFacts, now: Date): Promise<string | null> {
  const compoundId = f.loc.compoundId;
  if (!compoundId) return null;
  const since = duplicateWindowStart(now).toISOString();
  const rows = await repo.duplicateCandidates(db, compoundId, f.category.code, since);
  const report = {
    compoundId,
    categoryCode: f.category.code,
    attributes: f.attributes,
    createdAt: now.toISOString(),
  };
  const found = duplicateOf(report, rows.map(candidateOf));
  return found?.id ?? null;
}

/** A stored case as the duplicate rule reads it. */
export function candidateOf(r: {
  id: string;
  compound_id: string | null;
  category_code: string;
  attributes_json: string;
  created_at: string;
  status: string;
}) {
  return {
    id: r.id,
    compoundId: r.compound_id,
    categoryCode: r.category_code,
    attributes: JSON.parse(r.attributes_json) as Record<string, unknown>,
    createdAt: r.created_at,
    status: r.status,
  };
}

/** The three hotlines (12345, 962121, 12319) are one source: a reference reused across them is one case. */
const HOTLINE_CHANNELS = new Set(['hotline12345', 'hotline962121', 'hotline12319']);

/**
 * Whose namespace an external reference (Idempotency-Key, work order number) lives in: the integration's API
 * key, or the staff console per channel family.
 */
function idempotencyScope(reporter: Reporter, channel: string): string {
  if (reporter.kind === 'public') return 'public';
  if (reporter.kind === 'apiKey') return reporter.actor.userId; // apikey:<key id>
  if (reporter.kind === 'owner') return `owner:${reporter.actor.userId}`;
  return `staff:${HOTLINE_CHANNELS.has(channel) ? 'hotline' : channel}`;
}

/** The request's fingerprint (reference aside): a retry has the same one, a reused key another. */
function requestHash(input: IntakeRequest): string {
  const { externalRef: _ref, ...rest } = input;
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([, x]) => x !== undefined)
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, x]) => [k, canonical(x)]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(rest)))
    .digest('hex');
}

/** What intake established about a report before numbering it (the demo history builds the same). */
export interface IntakeFacts {
  input: IntakeRequest;
  idempotency: { scope: string; hash: string } | null;
  category: Category;
  attributes: Record<string, unknown>;
  loc: Location;
  routing: Routing;
  /** The signed-in owner's account (Reporter kind 'owner'), kept on the case for "my reports". */
  reporterUserId: string | null;
}

/** The case number: district + Shanghai date + a city-wide sequence (unique, readable, no hot counter row). */
export function caseNumber(districtCode: string, now: Date, seq: number): string {
  return `${districtCode}${shanghaiDate(now).replace(/-/g, '')}${String(seq).padStart(7, '0')}`;
}

/** The new case row: received, routed, its accept clock running (due state as of `now`). */
export function receivedCase(
  ref: CaseReference,
  id: string,
  caseNo: string,
  duplicate: string | null,
  f: IntakeFacts,
  now: Date,
): CaseTable {
  const row = newCaseRow(id, caseNo, duplicate, f, now.toISOString());
  row.accept_due_at = stageDeadline(ref, slaFacts(row), 'accept', now);
  refreshDue(ref, row, now);
  return row;
}

/** The data of the intake event (seq 1): the routing's suggestion, which dispatch reads back. */
export function receiveEventData(f: IntakeFacts, duplicate: string | null): Record<string, unknown> {
  return {
    channel: f.input.channel,
    suggestedOrgId: f.routing.orgId,
    rule: f.routing.rule,
    coHandlerIds: f.routing.coHandlerIds,
    duplicateOf: duplicate,
  };
}

/** The new case row: received, routed, no deadline but the accept one yet. */
function newCaseRow(
  id: string,
  caseNo: string,
  duplicate: string | null,
  f: IntakeFacts,
  nowIso: string,
): CaseTable {
  const { input, category, loc, routing } = f;
  return {
    id,
    case_no: caseNo,
    channel: input.channel,
    external_ref: input.externalRef ?? null,
    idempotency_scope: f.idempotency?.scope ?? null,
    request_hash: f.idempotency?.hash ?? null,
    category_code: category.code,
    attributes_json: JSON.stringify(f.attributes),
    urgency: input.urgency ?? (category.urgent ? 'urgent' : 'normal'),
    status: 'received',
    status_before_suspension: null,
    title: input.title || `${loc.compoundName ?? ''}${category.nameZh}`.slice(0, 100),
    description: input.description,
    address: loc.address,
    district_code: loc.districtCode,
    street_code: loc.streetCode,
    compound_id: loc.compoundId,
    building_id: loc.buildingId,
    unit_id: loc.unitId,
    grid_cell_id: loc.gridCellId,
    lat: loc.lat,
    lng: loc.lng,
    reporter_name: input.reporter.name ?? null,
    reporter_phone: input.reporter.phone ?? null,
    reporter_email: input.reporter.email ?? null,
    reporter_user_id: f.reporterUserId,
    proactive: countsAsProactive(input.channel, duplicate !== null) ? 1 : 0,
    source_url: input.channel === 'onlineMedia' ? (input.sourceUrl ?? null) : null,
    lead_org_id: null,
    suggested_org_id: routing.orgId,
    routing_rule: routing.rule,
    routing_note: routing.note,
    accept_due_at: null,
    sign_due_at: null,
    arrive_due_at: null,
    resolve_due_at: null,
    feedback_due_at: null,
    fed_back_at: null,
    violation_duty: 0,
    violation_report_due_at: null,
    violation_reported_at: null,
    arrived_ontime: null,
    next_due_at: NO_DEADLINE,
    due_state: 'none',
    accepted_at: null,
    dispatched_at: null,
    signed_at: null,
    arrived_at: null,
    reported_at: null,
    closed_at: null,
    suspended_at: null,
    extension_pending: 0,
    supervision_level: 0,
    satisfaction: null,
    reopen_count: 0,
    merged_into_id: null,
    duplicate_of_id: duplicate,
    resolved: null,
    ontime: null,
    accepted_ontime: null,
    event_count: 0,
    created_at: nowIso,
    updated_at: nowIso,
    version: 1,
  };
}

/** Inside the transaction: number the case, write it with its first event, photos, SLA jobs and audit. */
async function recordCase(
  trx: Tx,
  audit: Audit,
  deps: Deps,
  ref: CaseReference,
  id: string,
  actor: EventActor,
  f: IntakeFacts,
  now: Date,
): Promise<IntakeResult> {
  const { input, category, loc } = f;
  const nowIso = now.toISOString();
  const caseNo = caseNumber(loc.districtCode, now, await nextSequenceValue(trx, 'case_no_seq'));
  const duplicate = await findDuplicate(trx, f, now);
  const row = receivedCase(ref, id, caseNo, duplicate, f, now);
  // The case and its first event (seq 1) together: no second write to bump event_count.
  await repo.insertCase(trx, { ...row, event_count: 1 });
  const seqNo = await appendEvent(trx, row, actor, 'receive', null, receiveEventData(f, duplicate), nowIso);
  if (input.photos?.length) await savePhotos(trx, id, seqNo, input.photos, nowIso);
  await saveMediaUrls(trx, id, seqNo, input.mediaUrls ?? [], nowIso);
  await scheduleSla(trx, deps, ref, row);
  await tellReporter(trx, deps, row, 'receive', null, seqNo);
  await audit({
    action: 'cases.receive',
    targetType: 'case',
    targetId: id,
    after: { caseNo, channel: input.channel, category: category.code, suggestedOrgId: f.routing.orgId },
  });
  return { id, caseNo, created: true };
}

export async function intakeCase(
  deps: Deps,
  reporter: Reporter,
  input: IntakeRequest,
  requestId: string | null,
): Promise<IntakeResult> {
  checkChannel(reporter, input.channel);
  // 网络舆情: the post the problem was found in is the case's source; without it there is nothing to check.
  if (input.channel === 'onlineMedia' && !input.sourceUrl) throw badRequest('cases.source_url_required');
  const db = deps.database.db;
  const ref = await caseReference(db);
  const category = ref.categories.get(input.categoryCode);
  if (!category || !category.active) throw badRequest('cases.category_unknown', { code: input.categoryCode });
  // A retry with the same external reference is caught by the unique index (see the catch below).
  const loc = await resolveLocation(db, input);
  await checkReporterScope(db, reporter, input.channel, loc);
  const attributes = Object.fromEntries(
    Object.entries(input.attributes ?? {}).filter(([k]) => category.attributes.includes(k)),
  );
  const routing = await routeCase(
    db,
    ref,
    { categoryCode: category.code, attributes, districtCode: loc.districtCode },
    loc,
  );
  const now = deps.clock.now();
  const id = newId();
  const actor = displayName(reporter, input);
  const idempotency = input.externalRef
    ? { scope: idempotencyScope(reporter, input.channel), hash: requestHash(input) }
    : null;
  const reporterUserId = reporter.kind === 'owner' ? reporter.actor.userId : null;
  const facts: IntakeFacts = { input, idempotency, category, attributes, loc, routing, reporterUserId };
  try {
    return await writeTx(
      deps,
      reporter.kind === 'public' ? { id: null, name: 'resident' } : auditActor(reporter.actor),
      requestId,
      (trx, audit) => recordCase(trx, audit, deps, ref, id, actor, facts, now),
    );
  } catch (err) {
    // The reference is taken (a retry, maybe concurrent): the same request gets its case back; another
    // request under a reused key is refused with the case the key already names.
    if (idempotency && isUniqueViolation(err)) {
      const existing = await repo.findCaseByReference(db, idempotency.scope, input.externalRef!);
      if (existing?.request_hash && existing.request_hash !== idempotency.hash)
        throw new AppError(
          'cases.idempotency_key_reused',
          422,
          { caseNo: existing.case_no },
          {
            id: existing.id,
            caseNo: existing.case_no,
          },
        );
      if (existing) return { id: existing.id, caseNo: existing.case_no, created: false };
    }
    throw err;
  }
}

/** The taxonomy (every category, inactive ones included, in their order). */
export async function listCategories(deps: Deps) {
  const ref = await caseReference(deps.database.db);
  return [...ref.categories.values()];
}
