// The case page: reading a case with the actions allowed now, and acting on it. applyAction is the common part
// of every action (one handler per action in actions.handlers.ts): version and lifecycle checks, required
// inputs, the handler, then one transaction of versioned update + event + photos + SLA jobs + notifications +
// audit. The loser of a race gets 409 with the fresh view.
import {
  CASE_ACTION_LABELS,
  requiredFields,
  transition,
  type CaseStatus,
  type Relation,
} from '../../../../domain/case-lifecycle.js';
import type { ActionInput } from '../../../../contracts/cases.js';
import type { Actor } from '../../../platform/http/context.js';
import { auditActor } from '../../../platform/http/context.js';
import { AppError, badRequest, notFound } from '../../../platform/http/errors.js';
import { writeTx, type Audit, type Deps } from '../../../platform/deps.js';
import type { Tx } from '../../../platform/db/database.js';
import type { CaseTable } from '../../../platform/db/schema.js';
import { newId } from '../../../platform/ids.js';
import * as casesRepo from '../cases.repo.js';
import { appendEvent, savePhotos, type EventActor } from '../cases.events.js';
import { caseReference, type CaseReference } from '../cases.reference.js';
import { actorOrgIds, canRead, relationsTo } from '../cases.policy.js';
import { refreshDue, scheduleSla, slaFacts } from '../cases.sla.js';
import { presentCase, stateOf } from '../cases.view.js';
import { ACTION_HANDLERS, databaseReads, type ActionContext, type ActionEffect } from './actions.handlers.js';
import * as repo from './actions.repo.js';
import { notifyFor } from './actions.notices.js';

/** Who acts: the event's actor and the audit record's. */
export interface ActingAs extends EventActor {
  audit: { id: string | null; name: string };
}

export async function getCase(deps: Deps, actor: Actor, id: string) {
  const db = deps.database.db;
  const c = await casesRepo.findCase(db, id);
  if (!c) throw notFound('cases.not_found');
  const relations = await relationsTo(db, actor, c);
  if (!canRead(actor, c, relations)) throw notFound('cases.not_found');
  return presentCase(db, await caseReference(db), c, relations, true);
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
  const current = await casesRepo.findCase(db, id);
  if (!current) throw notFound('cases.not_found');
  const relations = await relationsTo(db, actor, current);
  if (!canRead(actor, current, relations)) throw notFound('cases.not_found');
  const who: ActingAs = {
    id: actor.userId,
    name: actor.username,
    orgId: actorOrgIds(actor)[0] ?? null,
    audit: auditActor(actor),
  };
  return applyAction(deps, ref, who, current, relations, body, requestId, (c, rel) =>
    presentCase(db, ref, c, rel, true),
  );
}

/** 400 cases.field_required for the first required input (ACTION_REQUIREMENTS) the request lacks. */
function checkRequiredInputs(body: ActionInput, label: string): void {
  for (const field of requiredFields(body.action)) {
    const value = body[field];
    if (value === undefined || value === null || value === '')
      throw badRequest('cases.field_required', { action: label, field });
  }
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
    const forbidden = result.reason === 'not_allowed_for_actor';
    throw new AppError(
      forbidden ? 'cases.action_forbidden' : 'cases.action_not_allowed',
      forbidden ? 403 : 409,
      {
        action: label,
      },
    );
  }
  checkRequiredInputs(body, label);
  const now = deps.clock.now();
  const c: CaseTable = { ...current, status: result.to };
  const x: ActionContext = {
    reads: databaseReads(db),
    ref,
    body,
    relations,
    from: current.status as CaseStatus,
    now,
    nowIso: now.toISOString(),
    facts: slaFacts(c),
  };
  const effect = (await ACTION_HANDLERS[body.action](c, x)) ?? {};
  refreshDue(ref, c, now);
  c.updated_at = x.nowIso;
  c.version = current.version + 1;
  const saved = await writeTx(deps, who.audit, requestId, (trx, audit) =>
    recordAction(trx, audit, deps, ref, who, current, c, x, effect),
  ).catch((err: unknown) => {
    // The case (or the merge target) changed since it was read: nothing was written.
    if (err instanceof AppError && err.code === 'common.version_conflict') return null;
    throw err;
  });
  if (!saved) {
    const fresh = (await casesRepo.findCase(db, current.id))!;
    throw new AppError('cases.version_conflict', 409, {}, await present(fresh, relations));
  }
  return present(saved, relations);
}

/** Inside the transaction: the versioned update, the event (+ photos), what the handler adds, SLA, audit. */
async function recordAction(
  trx: Tx,
  audit: Audit,
  deps: Deps,
  ref: CaseReference,
  who: ActingAs,
  current: CaseTable,
  c: CaseTable,
  x: ActionContext,
  effect: ActionEffect,
): Promise<CaseTable> {
  const { body, nowIso } = x;
  const data: Record<string, unknown> = { ...(body.note ? { note: body.note } : {}), ...effect.data };
  await repo.saveActedCase(trx, c, current.version);
  const seq = await appendEvent(trx, c, who, body.action, current.status, data, nowIso);
  if (body.photos?.length) await savePhotos(trx, c.id, seq, body.photos, nowIso);
  if (effect.cohandlers) await repo.replaceCohandlers(trx, c.id, effect.cohandlers);
  if (effect.mergeTarget) await noteMerge(trx, effect.mergeTarget, c, who, nowIso);
  await notifyFor(
    trx,
    deps,
    c,
    body.action,
    nowIso,
    { from: current.status as CaseStatus, seq, byReporter: x.relations.has('reporter') },
    effect.data,
  );
  await scheduleSla(trx, deps, ref, c);
  await audit({
    action: `cases.${body.action}`,
    targetType: 'case',
    targetId: c.id,
    before: { status: current.status, version: current.version },
    after: { status: c.status, version: c.version, ...data },
  });
  return c;
}

/** The case merged into records the merge as a comment; it must not have changed since it was read. */
async function noteMerge(trx: Tx, target: CaseTable, merged: CaseTable, who: EventActor, now: string) {
  await repo.touchMergeTarget(trx, target, now);
  await casesRepo.insertEvent(trx, {
    id: newId(),
    case_id: target.id,
    seq: target.event_count + 1,
    at: now,
    actor_id: who.id,
    actor_name: who.name,
    actor_org_id: who.orgId,
    action: 'comment',
    from_status: target.status,
    to_status: target.status,
    data_json: JSON.stringify({ note: `合并案件 ${merged.case_no}`, merged: merged.case_no }),
  });
}

export async function casePhoto(deps: Deps, actor: Actor | null, photoId: string) {
  const db = deps.database.db;
  const p = await casesRepo.photo(db, photoId);
  if (!p || !p.content) throw notFound('cases.not_found');
  const c = await casesRepo.findCase(db, p.case_id);
  if (!c || !actor) throw notFound('cases.not_found');
  const relations = await relationsTo(db, actor, c);
  if (!canRead(actor, c, relations)) throw notFound('cases.not_found');
  return { mime: p.mime, content: p.content };
}
