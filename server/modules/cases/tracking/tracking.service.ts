// Residents follow a case (no account) by its number and their phone, or by a signed link; they see public
// steps only (domain/case-public-steps.ts) and the handler's result — its note and evidence photos — before
// they verify it, and rate it once closed.
import {
  actionsOpenTo,
  allowedActions,
  CASE_ACTION_LABELS,
  type CaseStatus,
  type Relation,
} from '../../../../domain/case-lifecycle.js';
import {
  PUBLIC_STEP_LABELS,
  publicTimeline,
  STATUS_PUBLIC_STEP,
} from '../../../../domain/case-public-steps.js';
import type { ActionInput } from '../../../../contracts/cases.js';
import { AppError, badRequest, notFound } from '../../../platform/http/errors.js';
import type { Executor } from '../../../platform/db/database.js';
import type { CaseTable } from '../../../platform/db/schema.js';
import type { Deps } from '../../../platform/deps.js';
import { trackLinkKey, verifyTrackLink } from '../../../platform/signed-links.js';
import * as casesRepo from '../cases.repo.js';
import { caseReference } from '../cases.reference.js';
import { categoryName, stateOf } from '../cases.view.js';
import { applyAction, type ActingAs } from '../actions/actions.service.js';
import * as repo from './tracking.repo.js';
import { trackLinkFor } from './tracking.notices.js';

export { trackLinkFor };

const REPORTER = new Set<Relation>(['reporter']);

/** How a resident proves access: number + phone, or a signed link's token. */
export interface TrackAccess {
  caseNo?: string;
  phone?: string;
  token?: string;
}

function normalisePhone(p: string): string {
  return p.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
}

/** The case a token is for: 410 when it expired, 404 when it is not one of ours (tampered, other key). */
function caseIdOfToken(deps: Deps, token: string): string {
  const check = verifyTrackLink(trackLinkKey(deps.config, deps.database), token, deps.clock.now());
  if (check.ok) return check.caseId;
  if (check.reason === 'expired') throw new AppError('cases.track_link_expired', 410);
  throw notFound('cases.track_link_invalid');
}

/** The case the resident proved access to (else 404, whichever part is wrong). */
async function trackedCase(deps: Deps, db: Executor, access: TrackAccess): Promise<CaseTable> {
  if (access.token) {
    const c = await casesRepo.findCase(db, caseIdOfToken(deps, access.token));
    if (!c) throw notFound('cases.track_link_invalid');
    return c;
  }
  if (!access.caseNo || !access.phone) throw badRequest('cases.track_access_required');
  const c = await casesRepo.findCaseByNo(db, access.caseNo);
  if (!c || !c.reporter_phone || normalisePhone(c.reporter_phone) !== normalisePhone(access.phone))
    throw notFound('cases.track_not_found');
  return c;
}

type EventRow = Awaited<ReturnType<typeof casesRepo.eventsOf>>[number];

/** The handler's latest report back: its note and evidence photos (URLs that need the signed token). */
async function resultOf(db: Executor, c: CaseTable, events: EventRow[], token: string) {
  const last = [...events].reverse().find((e) => e.action === 'reportBack');
  if (!last) return null;
  const data = JSON.parse(last.data_json) as { note?: unknown };
  const photos = await repo.photosOfEvent(db, c.id, last.seq);
  return {
    at: last.at,
    note: typeof data.note === 'string' ? data.note : null,
    photos: photos.map((p) => ({
      url: `/api/v1/public/case-photos/${p.id}?token=${encodeURIComponent(token)}`,
    })),
  };
}

async function placeOf(db: Executor, c: CaseTable): Promise<string | null> {
  const compound = c.compound_id ? await casesRepo.compoundLocation(db, c.compound_id) : undefined;
  const { building, unit } = await casesRepo.buildingAndUnit(db, c.building_id, c.unit_id);
  const parts = [compound?.name, building?.name, unit?.number].filter(Boolean);
  return parts.length ? parts.join(' ') : c.address;
}

async function present(deps: Deps, c: CaseTable) {
  const db = deps.database.db;
  const ref = await caseReference(db);
  const events = await casesRepo.eventsOf(db, c.id);
  const lead = c.lead_org_id ? (await casesRepo.organisationsByIds(db, [c.lead_org_id]))[0] : undefined;
  const link = trackLinkFor(deps, c.id);
  const step = STATUS_PUBLIC_STEP[c.status as CaseStatus];
  return {
    caseNo: c.case_no,
    status: c.status,
    step,
    statusLabel: PUBLIC_STEP_LABELS[step],
    categoryName: categoryName(ref, c.category_code),
    place: await placeOf(db, c),
    createdAt: c.created_at,
    leadOrgName: lead?.name ?? null,
    timeline: publicTimeline(events.map((e) => ({ at: e.at, action: e.action, toStatus: e.to_status }))).map(
      (e) => ({ ...e, label: PUBLIC_STEP_LABELS[e.step] }),
    ),
    result: await resultOf(db, c, events, link.token),
    allowedActions: allowedActions(stateOf(c), REPORTER),
    version: c.version,
    link: { token: link.token, expiresAt: link.expiresAt },
  };
}

export async function trackCase(deps: Deps, access: TrackAccess) {
  return present(deps, await trackedCase(deps, deps.database.db, access));
}

/** A reporter may only verify and rate (the actions open to the reporter relation). */
export async function reporterAction(
  deps: Deps,
  access: TrackAccess,
  body: ActionInput,
  requestId: string | null,
) {
  const db = deps.database.db;
  const c = await trackedCase(deps, db, access);
  if (!actionsOpenTo('reporter').includes(body.action))
    throw new AppError('cases.action_forbidden', 403, { action: CASE_ACTION_LABELS[body.action].zh });
  const ref = await caseReference(db);
  const who: ActingAs = {
    id: null,
    name: c.reporter_name ? `居民 ${c.reporter_name}` : '居民',
    orgId: null,
    audit: { id: null, name: 'reporter' },
  };
  return applyAction(deps, ref, who, c, REPORTER, body, requestId, (saved) => present(deps, saved));
}

/**
 * An evidence photo of the handler's report back, for a resident holding the case's signed link; any other
 * photo, case or token: 404 (nothing tells which).
 */
export async function publicCasePhoto(deps: Deps, photoId: string, token: string) {
  const caseId = caseIdOfToken(deps, token);
  const p = await repo.photoWithEvent(deps.database.db, photoId);
  if (!p || !p.content || p.case_id !== caseId || p.action !== 'reportBack')
    throw notFound('cases.not_found');
  return { mime: p.mime, content: p.content };
}
