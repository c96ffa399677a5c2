// Residents follow a case by its number and their phone (no account), verify the result and rate it.
import {
  actionsOpenTo,
  allowedActions,
  CASE_ACTION_LABELS,
  CASE_STATUS_LABELS,
  type CaseStatus,
  type Relation,
} from '../../../../domain/case-lifecycle.js';
import type { ActionInput } from '../../../../contracts/cases.js';
import { AppError, notFound } from '../../../platform/http/errors.js';
import type { Executor } from '../../../platform/db/database.js';
import type { Deps } from '../../../platform/deps.js';
import * as casesRepo from '../cases.repo.js';
import { caseReference } from '../cases.reference.js';
import { actionLabel, categoryName, RECEIVE_LABEL, stateOf } from '../cases.view.js';
import { applyAction, type ActingAs } from '../actions/actions.service.js';

const REPORTER = new Set<Relation>(['reporter']);

function normalisePhone(p: string): string {
  return p.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
}

/** The case with that number, when the phone is the reporter's (else 404, whichever part is wrong). */
async function trackedCase(db: Executor, caseNo: string, phone: string) {
  const c = await casesRepo.findCaseByNo(db, caseNo);
  if (!c || !c.reporter_phone || normalisePhone(c.reporter_phone) !== normalisePhone(phone))
    throw notFound('cases.track_not_found');
  return c;
}

export async function trackCase(deps: Deps, caseNo: string, phone: string) {
  const db = deps.database.db;
  const c = await trackedCase(db, caseNo, phone);
  const ref = await caseReference(db);
  const events = await casesRepo.eventsOf(db, c.id);
  const lead = c.lead_org_id ? (await casesRepo.organisationsByIds(db, [c.lead_org_id]))[0] : undefined;
  return {
    caseNo: c.case_no,
    status: c.status,
    statusLabel: CASE_STATUS_LABELS[c.status as CaseStatus],
    categoryName: categoryName(ref, c.category_code),
    createdAt: c.created_at,
    leadOrgName: lead?.name ?? null,
    timeline: events.map((e) => ({
      at: e.at,
      action: e.action,
      label: e.action === 'receive' ? RECEIVE_LABEL : actionLabel(e.action),
    })),
    allowedActions: allowedActions(stateOf(c), REPORTER),
    version: c.version,
  };
}

/** A reporter may only verify and rate (the actions open to the reporter relation). */
export async function reporterAction(
  deps: Deps,
  caseNo: string,
  phone: string,
  body: ActionInput,
  requestId: string | null,
) {
  const db = deps.database.db;
  const c = await trackedCase(db, caseNo, phone);
  if (!actionsOpenTo('reporter').includes(body.action))
    throw new AppError('cases.action_forbidden', 403, { action: CASE_ACTION_LABELS[body.action].zh });
  const ref = await caseReference(db);
  const who: ActingAs = {
    id: null,
    name: c.reporter_name ? `居民 ${c.reporter_name}` : '居民',
    orgId: null,
    audit: { id: null, name: 'reporter' },
  };
  await applyAction(deps, ref, who, c, REPORTER, body, requestId, async () => null);
  return trackCase(deps, caseNo, phone);
}
