// Cases: intake from every channel, routing by the responsibility list, SLA clocks, the lifecycle
// actions, queues. Every write is one transaction: case row + event + audit (+ outbox jobs).
import {
  allowedActions,
  CASE_ACTION_LABELS,
  CASE_STATUS_LABELS,
  transition,
  type CaseAction,
  type CaseState,
  type CaseStatus,
  type Relation,
  type Satisfaction,
} from '../../../domain/case-lifecycle.js';
import { addDuration, parseDuration, shanghaiDate } from '../../../domain/calendar.js';
import { chooseRule, FALLBACK_ORG_TYPE, type RoutingFacts } from '../../../domain/routing.js';
import { deadline, dueState, policyFor, type SlaFacts, type SlaStage } from '../../../domain/sla.js';
import { hasPermission, INTAKE_CHANNEL_PERMISSION, maskPhone } from '../../../domain/access.js';
import { isProactiveChannel } from '../../../domain/kpis.js';
import type { ActionInput, IntakeInput } from '../../../contracts/cases.js';
import type { Actor } from '../../platform/http/context.js';
import { auditActor } from '../../platform/http/context.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { writeTx, type Audit, type Deps } from '../../platform/deps.js';
import { isUniqueViolation, nextSequenceValue, type Executor, type Tx } from '../../platform/db/database.js';
import type { CaseTable } from '../../platform/db/schema.js';
import { enqueueJob, enqueueJobs, type NewJob } from '../../platform/jobs/jobs.js';
import { newId } from '../../platform/ids.js';
import * as repo from './cases.repo.js';
import * as lookups from './cases.lookups.js';
import { NO_DEADLINE } from './cases.repo.js';
import { caseReference, type CaseReference } from './cases.reference.js';
import { actorOrgIds, canRead, locationReaches, relationsTo } from './cases.policy.js';
import { organisationsUnder } from '../registry/registry.service.js';

const MAX_PHOTO_BYTES = 1_500_000;

/** Who is recording a case: a signed-in user, an integration key, or a resident on the public form. */
export type Reporter = { kind: 'user'; actor: Actor } | { kind: 'apiKey'; actor: Actor } | { kind: 'public' };

export interface IntakeResult {
  id: string;
  caseNo: string;
  created: boolean; // false when an idempotent retry found the existing case
}

// ---------------------------------------------------------------------------------------------
// Intake

function checkChannel(reporter: Reporter, channel: string): void {
  const deny = () => new AppError('cases.channel_not_allowed', 403, { channel });
  if (reporter.kind === 'public') {
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

interface Location {
  districtCode: string;
  streetCode: string;
  compoundId: string | null;
  compoundName: string | null;
  buildingId: string | null;
  unitId: string | null;
  gridCellId: string | null;
  lat: number | null;
  lng: number | null;
  address: string | null;
}

async function resolveLocation(
  db: Executor,
  input: Pick<IntakeInput, 'compoundId' | 'buildingId' | 'unitId' | 'streetCode' | 'lat' | 'lng' | 'address'>,
): Promise<Location> {
  let compoundId = input.compoundId ?? null;
  let buildingId = input.buildingId ?? null;
  const unitId = input.unitId ?? null;
  if (unitId) {
    const unit = await repo.unitLocation(db, unitId);
    if (!unit) throw badRequest('cases.location_unknown', { what: 'unitId' });
    buildingId = unit.building_id;
    compoundId = unit.compound_id;
  } else if (buildingId) {
    const building = await repo.buildingLocation(db, buildingId);
    if (!building) throw badRequest('cases.location_unknown', { what: 'buildingId' });
    compoundId = building.compound_id;
  }
  if (compoundId) {
    const c = await lookups.compoundLocation(db, compoundId);
    if (!c) throw badRequest('cases.location_unknown', { what: 'compoundId' });
    return {
      districtCode: c.district_code,
      streetCode: c.street_code,
      compoundId: c.id,
      compoundName: c.name,
      buildingId,
      unitId,
      gridCellId: c.grid_cell_id,
      lat: input.lat ?? c.lat,
      lng: input.lng ?? c.lng,
      address: input.address ?? c.address,
    };
  }
  if (input.streetCode) {
    const street = await db
      .selectFrom('divisions')
      .select(['code', 'parent_code', 'level'])
      .where('code', '=', input.streetCode)
      .executeTakeFirst();
    if (!street || !street.parent_code || street.level === 'district')
      throw badRequest('cases.location_unknown', { what: 'streetCode' });
    return {
      districtCode: street.parent_code,
      streetCode: street.code,
      compoundId: null,
      compoundName: null,
      buildingId: null,
      unitId: null,
      gridCellId: null,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      address: input.address ?? null,
    };
  }
  throw badRequest('cases.location_required');
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

/** Routing: the responsibility-list row, then the concrete organisation covering the place. */
export async function routeCase(db: Executor, ref: CaseReference, facts: RoutingFacts, loc: Location) {
  const rule = chooseRule(ref.rules, facts);
  const concrete = async (
    orgType: string,
    orgKind: string | null,
  ): Promise<{ id: string; name: string } | null> => {
    if (orgType === 'property_company') {
      if (!loc.compoundId) return null;
      const provider = await lookups.currentServiceProvider(db, loc.compoundId);
      const id = provider?.project_office_id ?? provider?.company_id;
      return id ? ((await lookups.organisation(db, id)) ?? null) : null;
    }
    return (await lookups.organisationsCovering(db, orgType, orgKind, loc.streetCode))[0] ?? null;
  };
  if (rule) {
    const org = await concrete(rule.orgType, rule.orgKind);
    if (org) {
      const co: string[] = [];
      for (const h of rule.coHandlers) {
        const o = await concrete(h.orgType, h.orgKind);
        if (o && o.id !== org.id) co.push(o.id);
      }
      return { orgId: org.id, coHandlerIds: co, rule: `v${rule.listVersion}:${rule.id}`, note: rule.source };
    }
  }
  const fallback = await concrete(FALLBACK_ORG_TYPE, null);
  return {
    orgId: fallback?.id ?? null,
    coHandlerIds: [] as string[],
    rule: 'fallback',
    note: rule
      ? `清单 ${rule.id} 指向的单位在此地无覆盖，转街镇协调（属地管理）`
      : '责任清单无匹配，转街镇协调（属地管理）',
  };
}

function slaFacts(c: Pick<CaseTable, 'category_code' | 'channel' | 'attributes_json'>): SlaFacts {
  return { categoryCode: c.category_code, channel: c.channel, attributes: JSON.parse(c.attributes_json) };
}

function stageDeadline(ref: CaseReference, facts: SlaFacts, stage: SlaStage, from: Date): string | null {
  const p = policyFor(ref.policies, stage, facts);
  return p ? deadline(ref.calendar, from, p).toISOString() : null;
}

/** The earliest pending deadline for the status, its stage and policy. */
export function nextDeadline(c: CaseTable): { at: string; stage: SlaStage } | null {
  const pending: [SlaStage, string | null][] =
    c.status === 'received'
      ? [['accept', c.accept_due_at]]
      : c.status === 'dispatched'
        ? [
            ['sign', c.sign_due_at],
            ['resolve', c.resolve_due_at],
          ]
        : c.status === 'signed'
          ? [
              ['arrive', c.arrived_at ? null : c.arrive_due_at],
              ['resolve', c.resolve_due_at],
            ]
          : c.status === 'accepted'
            ? [['resolve', c.resolve_due_at]]
            : [];
  let best: { at: string; stage: SlaStage } | null = null;
  for (const [stage, at] of pending) if (at && (!best || at < best.at)) best = { at, stage };
  return best;
}

function refreshDue(ref: CaseReference, c: CaseTable, now: Date): void {
  const next = nextDeadline(c);
  c.next_due_at = next?.at ?? NO_DEADLINE;
  const policy = next ? policyFor(ref.policies, next.stage, slaFacts(c)) : null;
  c.due_state = dueState(now, next ? new Date(next.at) : null, policy?.warnBeforeMinutes ?? 0);
}

/** Outbox: SLA checks at the warning time and at the deadline (exactly once per case and deadline). */
async function scheduleSla(trx: Tx, deps: Deps, ref: CaseReference, c: CaseTable): Promise<void> {
  const next = nextDeadline(c);
  if (!next) return;
  const policy = policyFor(ref.policies, next.stage, slaFacts(c));
  const due = new Date(next.at);
  const payload = { caseId: c.id, dueAt: next.at, stage: next.stage };
  const jobs: NewJob[] = [
    {
      queue: 'cases.sla',
      payload: { ...payload, kind: 'due' },
      options: { runAt: due, dedupeKey: `sla:${c.id}:${next.at}:due` },
    },
  ];
  if (policy && policy.warnBeforeMinutes > 0) {
    const warnAt = new Date(due.getTime() - policy.warnBeforeMinutes * 60_000);
    jobs.push({
      queue: 'cases.sla',
      payload: { ...payload, kind: 'warn' },
      options: { runAt: warnAt, dedupeKey: `sla:${c.id}:${next.at}:warn` },
    });
  }
  await enqueueJobs(trx, deps.clock, jobs);
}

async function appendEvent(
  trx: Tx,
  c: CaseTable,
  actor: { id: string | null; name: string; orgId: string | null },
  action: string,
  from: string | null,
  data: Record<string, unknown>,
  at: string,
): Promise<number> {
  const seq = c.event_count + 1;
  c.event_count = seq;
  await repo.insertEvent(trx, {
    id: newId(),
    case_id: c.id,
    seq,
    at,
    actor_id: actor.id,
    actor_name: actor.name,
    actor_org_id: actor.orgId,
    action,
    from_status: from,
    to_status: c.status,
    data_json: JSON.stringify(data),
  });
  return seq;
}

async function savePhotos(trx: Tx, caseId: string, seq: number, dataUrls: readonly string[], now: string) {
  for (const url of dataUrls) {
    const match = /^data:(image\/(?:png|jpeg|webp));base64,(.*)$/.exec(url);
    if (!match) continue;
    const content = Buffer.from(match[2], 'base64');
    if (content.length > MAX_PHOTO_BYTES) throw badRequest('cases.photo_too_large');
    const id = newId();
    await repo.insertPhoto(trx, {
      id,
      case_id: caseId,
      event_seq: seq,
      mime: match[1],
      bytes: content.length,
      content,
      url: `/api/v1/case-photos/${id}`,
      created_at: now,
    });
  }
}

function displayName(reporter: Reporter, input: IntakeInput) {
  if (reporter.kind === 'public')
    return { id: null, name: input.reporter.name ? `居民 ${input.reporter.name}` : '居民', orgId: null };
  return {
    id: reporter.actor.userId,
    name: reporter.actor.username,
    orgId: actorOrgIds(reporter.actor)[0] ?? null,
  };
}

export async function intakeCase(
  deps: Deps,
  reporter: Reporter,
  input: IntakeInput & { photos?: string[] },
  requestId: string | null,
): Promise<IntakeResult> {
  checkChannel(reporter, input.channel);
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
  const nowIso = now.toISOString();
  const id = newId();
  const actor = displayName(reporter, input);
  try {
    return await writeTx(
      deps,
      reporter.kind === 'public' ? { id: null, name: 'resident' } : auditActor(reporter.actor),
      requestId,
      async (trx, audit) => {
        const day = shanghaiDate(now).replace(/-/g, '');
        // District + Shanghai date + a city-wide sequence: unique, readable, and no hot counter row.
        const seq = await nextSequenceValue(trx, 'case_no_seq');
        const caseNo = `${loc.districtCode}${day}${String(seq).padStart(7, '0')}`;
        const duplicate = loc.compoundId
          ? await findDuplicate(trx, loc.compoundId, category.code, now)
          : null;
        const row: CaseTable = {
          id,
          case_no: caseNo,
          channel: input.channel,
          external_ref: input.externalRef ?? null,
          category_code: category.code,
          attributes_json: JSON.stringify(attributes),
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
          proactive: isProactiveChannel(input.channel) ? 1 : 0,
          lead_org_id: null,
          suggested_org_id: routing.orgId,
          routing_rule: routing.rule,
          routing_note: routing.note,
          accept_due_at: null,
          sign_due_at: null,
          arrive_due_at: null,
          resolve_due_at: null,
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
        row.accept_due_at = stageDeadline(ref, slaFacts(row), 'accept', now);
        refreshDue(ref, row, now);
        // The case and its first event (seq 1) together: no second write to bump event_count.
        await repo.insertCase(trx, { ...row, event_count: 1 });
        const seqNo = await appendEvent(
          trx,
          row,
          actor,
          'receive',
          null,
          {
            channel: input.channel,
            suggestedOrgId: routing.orgId,
            rule: routing.rule,
            coHandlerIds: routing.coHandlerIds,
            duplicateOf: duplicate,
          },
          nowIso,
        );
        if (input.photos?.length) await savePhotos(trx, id, seqNo, input.photos, nowIso);
        for (const url of input.mediaUrls ?? []) {
          await repo.insertPhoto(trx, {
            id: newId(),
            case_id: id,
            event_seq: seqNo,
            mime: 'url',
            bytes: 0,
            content: null,
            url,
            created_at: nowIso,
          });
        }
        await scheduleSla(trx, deps, ref, row);
        await audit({
          action: 'cases.receive',
          targetType: 'case',
          targetId: id,
          after: { caseNo, channel: input.channel, category: category.code, suggestedOrgId: routing.orgId },
        });
        return { id, caseNo, created: true };
      },
    );
  } catch (err) {
    // A concurrent retry with the same idempotency key won the insert: answer with its case.
    if (input.externalRef && isUniqueViolation(err)) {
      const existing = await repo.findCaseByExternalRef(db, input.channel, input.externalRef);
      if (existing) return { ...(await caseNumbers(db, existing.id)), created: false };
    }
    throw err;
  }
}

async function caseNumbers(db: Executor, id: string) {
  const c = (await repo.findCase(db, id))!;
  return { id: c.id, caseNo: c.case_no };
}

/** An open case of the same category in the same compound in the last 7 days (重复投诉). */
async function findDuplicate(
  db: Executor,
  compoundId: string,
  category: string,
  now: Date,
): Promise<string | null> {
  const since = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const row = await db
    .selectFrom('cases')
    .select('id')
    .where('compound_id', '=', compoundId)
    .where('category_code', '=', category)
    .where('created_at', '>=', since)
    .where('status', 'in', ['received', 'accepted', 'dispatched', 'signed', 'reported', 'suspended'])
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

// ---------------------------------------------------------------------------------------------
// Reading

function stateOf(c: CaseTable): CaseState {
  return {
    status: c.status as CaseStatus,
    statusBeforeSuspension: (c.status_before_suspension as CaseStatus | null) ?? null,
    extensionPending: !!c.extension_pending,
    arrivedOnSite: !!c.arrived_at,
    satisfaction: (c.satisfaction as Satisfaction | null) ?? null,
  };
}

export async function presentCase(
  db: Executor,
  ref: CaseReference,
  c: CaseTable,
  relations: ReadonlySet<Relation>,
  withEvents: boolean,
) {
  const orgIds = [c.lead_org_id, c.suggested_org_id].filter((x): x is string => !!x);
  const [orgs, co, photos, street, events, compound, duplicate] = await Promise.all([
    repo.organisationsByIds(db, orgIds),
    repo.cohandlers(db, c.id),
    repo.photosOf(db, c.id),
    repo.streetName(db, c.street_code),
    withEvents ? repo.eventsOf(db, c.id) : Promise.resolve([]),
    c.compound_id ? repo.compoundLocation(db, c.compound_id) : Promise.resolve(undefined),
    c.duplicate_of_id ? repo.findCase(db, c.duplicate_of_id) : Promise.resolve(undefined),
  ]);
  const org = (id: string | null) => {
    const o = orgs.find((x) => x.id === id);
    return o ? { id: o.id, name: o.name, type: o.type } : null;
  };
  const category = ref.categories.get(c.category_code);
  const staff = relations.has('dispatcher') || relations.has('supervisor');
  return {
    id: c.id,
    caseNo: c.case_no,
    channel: c.channel,
    categoryCode: c.category_code,
    categoryName: { zh: category?.nameZh ?? c.category_code, en: category?.nameEn ?? c.category_code },
    attributes: JSON.parse(c.attributes_json),
    urgency: c.urgency,
    status: c.status,
    statusLabel: CASE_STATUS_LABELS[c.status as CaseStatus],
    title: c.title,
    description: c.description,
    address: c.address,
    districtCode: c.district_code,
    streetCode: c.street_code,
    streetName: street,
    compound: compound ? { id: compound.id, name: compound.name } : null,
    lat: c.lat,
    lng: c.lng,
    reporterName: c.reporter_name,
    reporterPhone: maskPhone(c.reporter_phone),
    proactive: !!c.proactive,
    leadOrg: org(c.lead_org_id),
    suggestedOrg: org(c.suggested_org_id),
    coHandlers: co,
    routing: { rule: c.routing_rule, note: c.routing_note },
    deadlines: {
      accept: c.accept_due_at,
      sign: c.sign_due_at,
      arrive: c.arrive_due_at,
      resolve: c.resolve_due_at,
      next: c.next_due_at === NO_DEADLINE ? null : c.next_due_at,
    },
    dueState: c.due_state,
    extensionPending: !!c.extension_pending,
    supervisionLevel: c.supervision_level,
    satisfaction: c.satisfaction,
    reopenCount: c.reopen_count,
    mergedIntoId: c.merged_into_id,
    duplicateOf: duplicate ? { id: duplicate.id, caseNo: duplicate.case_no, status: duplicate.status } : null,
    photos: photos.map((p) => ({ id: p.id, url: p.url ?? '' })),
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    closedAt: c.closed_at,
    version: c.version,
    allowedActions: allowedActions(stateOf(c), relations),
    ...(withEvents
      ? {
          events: events.map((e) => ({
            seq: e.seq,
            at: e.at,
            actorName: staff || e.action !== 'receive' ? e.actor_name : '—',
            actorOrgName: e.org_name ?? null,
            action: e.action,
            actionLabel:
              e.action === 'receive'
                ? { zh: '受理', en: 'Received' }
                : e.action === 'autoSupervise'
                  ? { zh: '自动督办', en: 'Automatic supervision' }
                  : (CASE_ACTION_LABELS[e.action as CaseAction] ?? { zh: e.action, en: e.action }),
            fromStatus: e.from_status,
            toStatus: e.to_status,
            data: JSON.parse(e.data_json) as Record<string, unknown>,
          })),
        }
      : {}),
  };
}

export async function getCase(deps: Deps, actor: Actor, id: string) {
  const db = deps.database.db;
  const c = await repo.findCase(db, id);
  if (!c) throw notFound('cases.not_found');
  const relations = await relationsTo(db, actor, c);
  if (!canRead(actor, c, relations)) throw notFound('cases.not_found');
  return presentCase(db, await caseReference(db), c, relations, true);
}

// ---------------------------------------------------------------------------------------------
// Actions

function need<T>(value: T | undefined, action: string, field: string): T {
  if (value === undefined || value === null || value === '')
    throw badRequest('cases.field_required', { action, field });
  return value;
}

export async function actOnCase(
  deps: Deps,
  actor: Actor,
  id: string,
  body: ActionInput,
  requestId: string | null,
) {
  const db = deps.database.db;
  const ref = await caseReference(db);
  const current = await repo.findCase(db, id);
  if (!current) throw notFound('cases.not_found');
  const relations = await relationsTo(db, actor, current);
  if (!canRead(actor, current, relations)) throw notFound('cases.not_found');
  return applyAction(
    deps,
    ref,
    {
      id: actor.userId,
      name: actor.username,
      orgId: actorOrgIds(actor)[0] ?? null,
      audit: auditActor(actor),
    },
    current,
    relations,
    body,
    requestId,
    (c, rel) => presentCase(db, ref, c, rel, true),
  );
}

interface ActingAs {
  id: string | null;
  name: string;
  orgId: string | null;
  audit: { id: string | null; name: string };
}

/** Applies one action under optimistic concurrency; the loser of a race gets 409 with the fresh view. */
export async function applyAction<T>(
  deps: Deps,
  ref: CaseReference,
  who: ActingAs,
  current: CaseTable,
  relations: ReadonlySet<Relation>,
  body: ActionInput,
  requestId: string | null,
  present: (c: CaseTable, relations: ReadonlySet<Relation>) => Promise<T>,
): Promise<T> {
  const db = deps.database.db;
  const label = CASE_ACTION_LABELS[body.action].zh;
  if (body.version !== current.version) {
    throw new AppError('cases.version_conflict', 409, {}, await present(current, relations));
  }
  const result = transition(stateOf(current), body.action, relations);
  if (!result.ok) {
    throw new AppError(
      result.reason === 'not_allowed_for_actor' ? 'cases.action_forbidden' : 'cases.action_not_allowed',
      result.reason === 'not_allowed_for_actor' ? 403 : 409,
      { action: label },
    );
  }
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const c: CaseTable = { ...current, status: result.to };
  const from = current.status;
  const data: Record<string, unknown> = {};
  if (body.note) data.note = body.note;
  const facts = slaFacts(c);
  let cohandlers: string[] | null = null;
  let mergeTarget: CaseTable | undefined;

  switch (body.action) {
    case 'accept':
      markAccepted(c, ref, facts, now);
      break;
    case 'decline':
      need(body.note, label, 'note');
      c.closed_at = nowIso;
      break;
    case 'dispatch': {
      const lead = body.leadOrgId ?? c.suggested_org_id;
      if (!lead || !(await repo.organisationsByIds(db, [lead])).length)
        throw badRequest('cases.lead_invalid');
      if (from === 'received') markAccepted(c, ref, facts, now);
      c.lead_org_id = lead;
      c.dispatched_at = nowIso;
      c.sign_due_at = stageDeadline(ref, facts, 'sign', now);
      c.resolve_due_at ??= stageDeadline(ref, facts, 'resolve', now);
      const suggested = (
        (JSON.parse((await firstEventData(db, c.id)) ?? '{}') as { coHandlerIds?: string[] }).coHandlerIds ??
        []
      ).filter((o) => o !== lead);
      cohandlers = body.coHandlerOrgIds ?? (lead === c.suggested_org_id ? suggested : []);
      if (
        cohandlers.length &&
        (await repo.organisationsByIds(db, cohandlers)).length !== new Set(cohandlers).size
      )
        throw badRequest('cases.lead_invalid');
      data.leadOrgId = lead;
      data.coHandlerOrgIds = cohandlers;
      break;
    }
    case 'signFor':
      c.signed_at = nowIso;
      c.sign_due_at = null;
      c.arrive_due_at = stageDeadline(ref, facts, 'arrive', now);
      break;
    case 'returnCase':
      data.returnReason = need(body.returnReason, label, 'returnReason');
      need(body.note, label, 'note');
      data.previousLeadOrgId = c.lead_org_id;
      c.lead_org_id = null;
      c.sign_due_at = null;
      c.arrive_due_at = null;
      c.signed_at = null;
      break;
    case 'arriveOnSite':
      c.arrived_at = nowIso;
      break;
    case 'reportBack':
      need(body.note, label, 'note');
      data.resolved = body.resolved ?? true;
      c.resolved = body.resolved === false ? 0 : 1;
      c.reported_at = nowIso;
      break;
    case 'requestExtension':
      data.extension = need(body.extension, label, 'extension');
      need(body.note, label, 'note');
      c.extension_pending = 1;
      break;
    case 'approveExtension': {
      const requested = (await lastEventData(db, c.id, 'requestExtension'))?.extension as string | undefined;
      const extension = body.extension ?? requested ?? '1wd';
      const base = c.resolve_due_at ? new Date(c.resolve_due_at) : now;
      c.resolve_due_at = addDuration(ref.calendar, base, parseDuration(extension)).toISOString();
      c.extension_pending = 0;
      data.extension = extension;
      data.resolveDueAt = c.resolve_due_at;
      break;
    }
    case 'refuseExtension':
      c.extension_pending = 0;
      break;
    case 'verifyPass':
      data.verifiedBy = [...relations][0];
      break;
    case 'verifyFail':
      need(body.note, label, 'note');
      c.reported_at = null;
      break;
    case 'close':
      c.closed_at = nowIso;
      c.ontime = c.resolve_due_at && nowIso > c.resolve_due_at ? 0 : 1;
      break;
    case 'revisit':
      c.satisfaction = need(body.satisfaction, label, 'satisfaction');
      data.satisfaction = c.satisfaction;
      break;
    case 'reopen':
      c.reopen_count += 1;
      c.closed_at = null;
      c.reported_at = null;
      c.signed_at = null;
      c.arrived_at = null;
      c.ontime = null;
      c.resolved = null;
      c.satisfaction = null;
      c.sign_due_at = stageDeadline(ref, facts, 'sign', now);
      c.resolve_due_at = stageDeadline(ref, facts, 'resolve', now);
      break;
    case 'suspend':
      need(body.note, label, 'note');
      c.status_before_suspension = from;
      c.suspended_at = nowIso;
      break;
    case 'resume': {
      // The clock was paused: every pending deadline moves by the time spent suspended.
      const paused = c.suspended_at ? now.getTime() - new Date(c.suspended_at).getTime() : 0;
      const shift = (v: string | null) => (v ? new Date(new Date(v).getTime() + paused).toISOString() : v);
      c.accept_due_at = shift(c.accept_due_at);
      c.sign_due_at = shift(c.sign_due_at);
      c.arrive_due_at = shift(c.arrive_due_at);
      c.resolve_due_at = shift(c.resolve_due_at);
      c.status_before_suspension = null;
      c.suspended_at = null;
      data.pausedMs = paused;
      break;
    }
    case 'supervise':
      c.supervision_level += 1;
      data.level = c.supervision_level;
      break;
    case 'parkLongTerm':
      need(body.note, label, 'note');
      break;
    case 'merge': {
      const targetNo = need(body.mergeIntoCaseNo, label, 'mergeIntoCaseNo');
      mergeTarget = await repo.findCaseByNo(db, targetNo);
      if (
        !mergeTarget ||
        mergeTarget.id === c.id ||
        !['received', 'accepted', 'dispatched', 'signed', 'reported'].includes(mergeTarget.status)
      ) {
        throw badRequest('cases.merge_target_invalid', { caseNo: targetNo });
      }
      c.merged_into_id = mergeTarget.id;
      c.closed_at = nowIso;
      data.mergedInto = targetNo;
      break;
    }
    case 'comment':
      need(body.note, label, 'note');
      break;
  }
  refreshDue(ref, c, now);
  c.updated_at = nowIso;
  c.version = current.version + 1;

  const saved = await writeTx(
    deps,
    who.audit,
    requestId,
    async (trx, audit: Audit): Promise<CaseTable | null> => {
      const { id: _id, case_no: _no, created_at: _created, ...changes } = c;
      const updated = await trx
        .updateTable('cases')
        .set({ ...changes, event_count: c.event_count + 1 })
        .where('id', '=', c.id)
        .where('version', '=', current.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return null;
      const seq = await appendEvent(trx, c, who, body.action, from, data, nowIso);
      if (body.photos?.length) await savePhotos(trx, c.id, seq, body.photos, nowIso);
      if (cohandlers) await repo.replaceCohandlers(trx, c.id, cohandlers);
      if (mergeTarget) {
        // The target gains an event: it must not have changed since it was read (else roll back → 409).
        const target = await trx
          .updateTable('cases')
          .set({
            event_count: mergeTarget.event_count + 1,
            updated_at: nowIso,
            version: mergeTarget.version + 1,
          })
          .where('id', '=', mergeTarget.id)
          .where('version', '=', mergeTarget.version)
          .executeTakeFirst();
        if (Number(target.numUpdatedRows) === 0) throw new ConcurrentChange();
        await repo.insertEvent(trx, {
          id: newId(),
          case_id: mergeTarget.id,
          seq: mergeTarget.event_count + 1,
          at: nowIso,
          actor_id: who.id,
          actor_name: who.name,
          actor_org_id: who.orgId,
          action: 'comment',
          from_status: mergeTarget.status,
          to_status: mergeTarget.status,
          data_json: JSON.stringify({ note: `合并案件 ${c.case_no}`, merged: c.case_no }),
        });
      }
      await notifyFor(trx, deps, c, body.action, nowIso);
      await scheduleSla(trx, deps, ref, c);
      await audit({
        action: `cases.${body.action}`,
        targetType: 'case',
        targetId: c.id,
        before: { status: from, version: current.version },
        after: { status: c.status, version: c.version, ...data },
      });
      return c;
    },
  ).catch((err: unknown) => {
    if (err instanceof ConcurrentChange) return null;
    throw err;
  });
  if (!saved) {
    const fresh = (await repo.findCase(db, current.id))!;
    throw new AppError('cases.version_conflict', 409, {}, await present(fresh, relations));
  }
  return present(saved, relations);
}

function markAccepted(c: CaseTable, ref: CaseReference, facts: SlaFacts, now: Date) {
  const nowIso = now.toISOString();
  c.accepted_at = nowIso;
  c.accepted_ontime = c.accept_due_at && nowIso > c.accept_due_at ? 0 : 1;
  c.resolve_due_at = stageDeadline(ref, facts, 'resolve', now);
}

/** Thrown inside a transaction to roll it back when a second row changed concurrently (→ 409). */
class ConcurrentChange extends Error {}

async function firstEventData(db: Executor, caseId: string): Promise<string | undefined> {
  return (
    await db
      .selectFrom('case_events')
      .select('data_json')
      .where('case_id', '=', caseId)
      .where('seq', '=', 1)
      .executeTakeFirst()
  )?.data_json;
}

async function lastEventData(
  db: Executor,
  caseId: string,
  action: string,
): Promise<Record<string, unknown> | undefined> {
  const row = await db
    .selectFrom('case_events')
    .select('data_json')
    .where('case_id', '=', caseId)
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? (JSON.parse(row.data_json) as Record<string, unknown>) : undefined;
}

/** In-app notifications and the outbox for SMS/e-mail (log adapter by default). */
async function notifyFor(trx: Tx, deps: Deps, c: CaseTable, action: CaseAction, now: string) {
  const texts: Partial<Record<CaseAction, [string | null, string, string]>> = {
    dispatch: [
      c.lead_org_id,
      `新派遣案件 ${c.case_no}：${c.title}`,
      `New case ${c.case_no} dispatched: ${c.title}`,
    ],
    returnCase: [
      null,
      `案件 ${c.case_no} 被退单，请重新派遣`,
      `Case ${c.case_no} was returned; dispatch it again`,
    ],
    verifyFail: [
      c.lead_org_id,
      `案件 ${c.case_no} 核查未通过，请继续处置`,
      `Case ${c.case_no} failed verification`,
    ],
    reopen: [c.lead_org_id, `案件 ${c.case_no} 已重办`, `Case ${c.case_no} was reopened`],
    supervise: [
      c.lead_org_id,
      `案件 ${c.case_no} 被督办（第 ${c.supervision_level} 次）`,
      `Case ${c.case_no} is under supervision (${c.supervision_level})`,
    ],
  };
  const t = texts[action];
  if (t) {
    await trx
      .insertInto('notifications')
      .values({
        id: newId(),
        org_id: t[0],
        user_id: null,
        case_id: c.id,
        kind: `case.${action}`,
        text_zh: t[1],
        text_en: t[2],
        created_at: now,
        read_at: null,
      })
      .execute();
  }
  if (action === 'close' && c.reporter_phone) {
    await enqueueJob(trx, deps.clock, 'notify.send', {
      channel: 'sms',
      recipient: c.reporter_phone,
      text: `【共治】您反映的问题（${c.case_no}）已办结，欢迎评价。`,
      caseId: c.id,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Queues

export async function listQueue(
  deps: Deps,
  actor: Actor,
  query: {
    queue: string;
    orgId?: string;
    street?: string;
    status?: string;
    category?: string;
    q?: string;
    cursor?: string;
    limit: number;
  },
) {
  const db = deps.database.db;
  const orgs = actorOrgIds(actor);
  const locationGrants = actor.grants.filter((g) =>
    ['city', 'district', 'street', 'compound'].includes(g.scopeType),
  );
  if (!orgs.length && !locationGrants.length) throw new AppError('auth.forbidden', 403);
  let orgIds: string[] | null = null;
  let streetCodes: string[] | null = null;
  let districtCodes: string[] | null = null;
  if (query.orgId) {
    // A specific organisation's queue: its members, or offices whose location covers it.
    if (!orgs.includes(query.orgId) && !locationGrants.some((g) => g.scopeType === 'city')) {
      const org = (await repo.organisationsByIds(db, [query.orgId]))[0];
      if (
        !org ||
        !locationGrants.some(
          (g) =>
            (g.scopeType === 'district' || g.scopeType === 'street') &&
            org.division_code.startsWith(g.scopeId),
        )
      ) {
        throw new AppError('auth.forbidden', 403);
      }
    }
    orgIds = [query.orgId];
  } else if (orgs.length) {
    orgIds = await organisationsUnder(deps, orgs);
  } else if (!locationGrants.some((g) => g.scopeType === 'city')) {
    streetCodes = locationGrants.filter((g) => g.scopeType === 'street').map((g) => g.scopeId);
    districtCodes = locationGrants.filter((g) => g.scopeType === 'district').map((g) => g.scopeId);
    if (districtCodes.length && !streetCodes.length) streetCodes = null;
    else if (streetCodes.length && !districtCodes.length) districtCodes = null;
    else if (!streetCodes.length && !districtCodes.length) throw new AppError('auth.forbidden', 403);
    else {
      // Mixed grants: fall back to streets of the districts as well.
      const streets = await db
        .selectFrom('divisions')
        .select('code')
        .where('parent_code', 'in', districtCodes)
        .execute();
      streetCodes = [...streetCodes, ...streets.map((s) => s.code)];
      districtCodes = null;
    }
  }
  if (query.street) {
    if (streetCodes && !streetCodes.includes(query.street)) throw new AppError('auth.forbidden', 403);
    if (districtCodes && !districtCodes.some((d) => query.street!.startsWith(d)))
      throw new AppError('auth.forbidden', 403);
    streetCodes = [query.street];
  }
  const byQueue: Record<
    string,
    { statuses: string[] | null; dueStates: string[] | null; returned?: boolean }
  > = {
    toSign: { statuses: ['dispatched'], dueStates: null },
    inProgress: { statuses: ['signed'], dueStates: null },
    dueSoon: { statuses: ['received', 'accepted', 'dispatched', 'signed'], dueStates: ['warning'] },
    overdue: { statuses: null, dueStates: ['overdue'] },
    returned: { statuses: null, dueStates: null, returned: true },
    toDispatch: { statuses: ['received', 'accepted'], dueStates: null },
    toVerify: { statuses: ['reported'], dueStates: null },
    all: { statuses: query.status ? [query.status] : null, dueStates: null },
  };
  const spec = byQueue[query.queue] ?? byQueue.all;
  const after = decodeCursor(query.cursor, 2) as [string, string] | null;
  const rows = await repo.queue(db, {
    orgIds,
    streetCodes,
    districtCodes,
    statuses: spec.statuses,
    dueStates: spec.dueStates,
    returned: !!spec.returned,
    category: query.category,
    q: query.q,
    after,
    limit: query.limit,
  });
  const page = pageFrom(rows, query.limit, (r) => [r.next_due_at, r.id]);
  return {
    items: page.items.map((r) => ({
      id: r.id,
      caseNo: r.case_no,
      title: r.title,
      categoryCode: r.category_code,
      categoryName: r.category_name ?? r.category_code,
      status: r.status,
      urgency: r.urgency,
      channel: r.channel,
      streetName: r.street_name ?? null,
      compoundName: r.compound_name ?? null,
      leadOrgName: r.lead_name ?? null,
      nextDueAt: r.next_due_at === NO_DEADLINE ? null : r.next_due_at,
      dueState: r.due_state,
      supervisionLevel: r.supervision_level,
      createdAt: r.created_at,
    })),
    nextCursor: page.nextCursor,
  };
}

// ---------------------------------------------------------------------------------------------
// Residents: follow a case by number + phone, verify and rate it

export async function trackCase(deps: Deps, caseNo: string, phone: string) {
  const db = deps.database.db;
  const c = await repo.findCaseByNo(db, caseNo);
  if (!c || !c.reporter_phone || normalisePhone(c.reporter_phone) !== normalisePhone(phone))
    throw notFound('cases.track_not_found');
  const ref = await caseReference(db);
  const events = await repo.eventsOf(db, c.id);
  const lead = c.lead_org_id ? (await repo.organisationsByIds(db, [c.lead_org_id]))[0] : undefined;
  const category = ref.categories.get(c.category_code);
  return {
    caseNo: c.case_no,
    status: c.status,
    statusLabel: CASE_STATUS_LABELS[c.status as CaseStatus],
    categoryName: { zh: category?.nameZh ?? c.category_code, en: category?.nameEn ?? c.category_code },
    createdAt: c.created_at,
    leadOrgName: lead?.name ?? null,
    timeline: events.map((e) => ({
      at: e.at,
      action: e.action,
      label:
        e.action === 'receive'
          ? { zh: '受理', en: 'Received' }
          : (CASE_ACTION_LABELS[e.action as CaseAction] ?? { zh: e.action, en: e.action }),
    })),
    allowedActions: allowedActions(stateOf(c), new Set<Relation>(['reporter'])),
    version: c.version,
  };
}

export async function reporterAction(
  deps: Deps,
  caseNo: string,
  phone: string,
  body: ActionInput,
  requestId: string | null,
) {
  const db = deps.database.db;
  const c = await repo.findCaseByNo(db, caseNo);
  if (!c || !c.reporter_phone || normalisePhone(c.reporter_phone) !== normalisePhone(phone))
    throw notFound('cases.track_not_found');
  if (!['verifyPass', 'verifyFail', 'revisit'].includes(body.action))
    throw new AppError('cases.action_forbidden', 403, { action: CASE_ACTION_LABELS[body.action].zh });
  const ref = await caseReference(db);
  const who = {
    id: null,
    name: c.reporter_name ? `居民 ${c.reporter_name}` : '居民',
    orgId: null,
    audit: { id: null, name: 'reporter' },
  };
  await applyAction(deps, ref, who, c, new Set<Relation>(['reporter']), body, requestId, async () => null);
  return trackCase(deps, caseNo, phone);
}

function normalisePhone(p: string): string {
  return p.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
}

export async function listCategories(deps: Deps) {
  const ref = await caseReference(deps.database.db);
  return [...ref.categories.values()];
}

export async function casePhoto(deps: Deps, actor: Actor | null, photoId: string) {
  const db = deps.database.db;
  const p = await repo.photo(db, photoId);
  if (!p || !p.content) throw notFound('cases.not_found');
  const c = await repo.findCase(db, p.case_id);
  if (!c || !actor) throw notFound('cases.not_found');
  const relations = await relationsTo(db, actor, c);
  if (!canRead(actor, c, relations)) throw notFound('cases.not_found');
  return { mime: p.mime, content: p.content };
}
