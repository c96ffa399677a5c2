// What a case looks like to the rules (its CaseState) and to a reader with given relations (the case view with
// its timeline and the actions allowed now).
import {
  allowedActions,
  CASE_ACTION_LABELS,
  CASE_STATUS_LABELS,
  type CaseAction,
  type CaseState,
  type CaseStatus,
  type Relation,
  type Satisfaction,
} from '../../../domain/case-lifecycle.js';
import { maskPhone } from '../../../domain/access.js';
import { takesEnforcementNotice, violationReportState } from '../../../domain/case-duties.js';
import { formatCitation } from '../../../domain/citations.js';
import { policyFor, SLA_STAGES, type SlaStage } from '../../../domain/sla.js';
import type { Executor } from '../../platform/db/database.js';
import type { CaseTable } from '../../platform/db/schema.js';
import * as repo from './cases.repo.js';
import { NO_DEADLINE } from './cases.repo.js';
import type { CaseReference } from './cases.reference.js';
import { slaFacts } from './cases.sla.js';

export function stateOf(c: CaseTable): CaseState {
  return {
    status: c.status as CaseStatus,
    statusBeforeSuspension: (c.status_before_suspension as CaseStatus | null) ?? null,
    extensionPending: !!c.extension_pending,
    arrivedOnSite: !!c.arrived_at,
    satisfaction: (c.satisfaction as Satisfaction | null) ?? null,
    feedbackPending: !!c.feedback_due_at && !c.fed_back_at,
    violationReport: violationReportState({
      duty: !!c.violation_duty,
      reportDueAt: c.violation_report_due_at,
      reportedAt: c.violation_reported_at,
    }),
    enforcementNotice: takesEnforcementNotice(c.category_code),
  };
}

const DUE_OF: Record<SlaStage, (c: CaseTable) => string | null> = {
  accept: (c) => c.accept_due_at,
  sign: (c) => c.sign_due_at,
  arrive: (c) => c.arrive_due_at,
  resolve: (c) => c.resolve_due_at,
  feedback: (c) => c.feedback_due_at,
  report: (c) => c.violation_report_due_at,
};

const DEFAULT_BASIS = {
  zh: '本系统默认时限（未见法规规定，可由管理员调整）',
  en: 'this product’s default (no statute sets it; administrators may change it)',
};

/** The rule behind each clock the case has, as people cite it (law and policy), or said to be a default. */
export function deadlineBasis(ref: CaseReference, c: CaseTable) {
  const facts = slaFacts(c);
  return SLA_STAGES.flatMap((stage) => {
    const p = DUE_OF[stage](c) ? policyFor(ref.policies, stage, facts) : null;
    if (!p) return [];
    const cited = p.sourceKind !== 'unverified';
    return [
      {
        stage,
        law: p.sourceKind === 'law',
        zh: cited ? formatCitation(p.sourceRef, 'zh-CN') : DEFAULT_BASIS.zh,
        en: cited ? formatCitation(p.sourceRef, 'en') : DEFAULT_BASIS.en,
      },
    ];
  });
}

export const RECEIVE_LABEL = { zh: '受理', en: 'Received' };

export const actionLabel = (action: string) =>
  CASE_ACTION_LABELS[action as CaseAction] ?? { zh: action, en: action };

export const categoryName = (ref: CaseReference, code: string) => {
  const category = ref.categories.get(code);
  return { zh: category?.nameZh ?? code, en: category?.nameEn ?? code };
};

/** The responsibility-list row behind a routing (`v<edition>:<row id>`), as words for the case page. */
async function routingRow(db: Executor, ref: CaseReference, rule: string | null) {
  const m = rule ? /^v(\d+):(.+)$/.exec(rule) : null;
  if (!m) return null;
  const listVersion = Number(m[1]);
  const active = ref.rules.find((r) => r.listVersion === listVersion && r.id === m[2]);
  const row = active
    ? { category: active.categoryCode, conditions: active.conditions, orgType: active.orgType }
    : await repo.responsibilityRule(db, listVersion, m[2]).then(
        (r) =>
          r && {
            category: r.category_code,
            conditions: JSON.parse(r.conditions_json) as Record<string, string | boolean>,
            orgType: r.org_type,
          },
      );
  if (!row) return null;
  // A prefix row ('repair.urgent.*') is named after its group when the taxonomy has one.
  const code = row.category.endsWith('*') ? row.category.slice(0, -1).replace(/\.$/, '') : row.category;
  return {
    listVersion,
    categoryName: categoryName(ref, code),
    conditions: row.conditions,
    orgType: row.orgType,
  };
}

type EventRow = Awaited<ReturnType<typeof repo.eventsOf>>[number];

/** The timeline; who recorded a case is shown to staff (dispatchers, supervisors) only. */
function presentEvents(events: EventRow[], staff: boolean) {
  return events.map((e) => ({
    seq: e.seq,
    at: e.at,
    actorName: staff || e.action !== 'receive' ? e.actor_name : '—',
    actorOrgName: e.org_name ?? null,
    action: e.action,
    actionLabel:
      e.action === 'receive'
        ? RECEIVE_LABEL
        : e.action === 'autoSupervise'
          ? { zh: '自动督办', en: 'Automatic supervision' }
          : actionLabel(e.action),
    fromStatus: e.from_status,
    toStatus: e.to_status,
    data: JSON.parse(e.data_json) as Record<string, unknown>,
  }));
}

export async function presentCase(
  db: Executor,
  ref: CaseReference,
  c: CaseTable,
  relations: ReadonlySet<Relation>,
  withEvents: boolean,
) {
  const orgIds = [c.lead_org_id, c.suggested_org_id].filter((x): x is string => !!x);
  const [orgs, co, photos, street, events, compound, duplicate, place, row] = await Promise.all([
    repo.organisationsByIds(db, orgIds),
    repo.cohandlers(db, c.id),
    repo.photosOf(db, c.id),
    repo.streetName(db, c.street_code),
    withEvents ? repo.eventsOf(db, c.id) : Promise.resolve([]),
    c.compound_id ? repo.compoundLocation(db, c.compound_id) : Promise.resolve(undefined),
    c.duplicate_of_id ? repo.findCase(db, c.duplicate_of_id) : Promise.resolve(undefined),
    repo.buildingAndUnit(db, c.building_id, c.unit_id),
    routingRow(db, ref, c.routing_rule),
  ]);
  const org = (id: string | null) => {
    const o = orgs.find((x) => x.id === id);
    return o ? { id: o.id, name: o.name, type: o.type } : null;
  };
  // The co-handlers the responsibility list suggested at intake, by name (the dispatch dialog prefills them).
  const suggestedCoIds = events.find((e) => e.action === 'receive')?.data_json;
  const coIds = suggestedCoIds
    ? (JSON.parse(suggestedCoIds) as { coHandlerIds?: unknown }).coHandlerIds
    : null;
  const suggestedCo = Array.isArray(coIds)
    ? (
        await repo.organisationsByIds(
          db,
          coIds.filter((x): x is string => typeof x === 'string'),
        )
      ).map((o) => ({
        id: o.id,
        name: o.name,
        type: o.type,
      }))
    : [];
  const staff = relations.has('dispatcher') || relations.has('supervisor');
  return {
    id: c.id,
    caseNo: c.case_no,
    channel: c.channel,
    sourceUrl: c.source_url ?? null,
    categoryCode: c.category_code,
    categoryName: categoryName(ref, c.category_code),
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
    building: place.building,
    unit: place.unit,
    lat: c.lat,
    lng: c.lng,
    reporterName: c.reporter_name,
    reporterPhone: maskPhone(c.reporter_phone),
    proactive: !!c.proactive,
    leadOrg: org(c.lead_org_id),
    suggestedOrg: org(c.suggested_org_id),
    coHandlers: co,
    suggestedCoHandlers: suggestedCo,
    routing: { rule: c.routing_rule, note: c.routing_note, row },
    deadlines: {
      accept: c.accept_due_at,
      sign: c.sign_due_at,
      arrive: c.arrive_due_at,
      resolve: c.resolve_due_at,
      feedback: c.feedback_due_at,
      report: c.violation_report_due_at,
      next: c.next_due_at === NO_DEADLINE ? null : c.next_due_at,
    },
    dutiesDone: { feedback: c.fed_back_at, report: c.violation_reported_at },
    deadlineBasis: deadlineBasis(ref, c),
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
    ...(withEvents ? { events: presentEvents(events, staff) } : {}),
  };
}
