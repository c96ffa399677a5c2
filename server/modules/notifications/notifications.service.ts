// In-app notifications addressed to organisations (a case dispatched to them, due soon, overdue, …) or to one
// user account (an owners' committee member, who belongs to no organisation).
import { grantsWith, organisationIdsOf } from '../../../domain/access.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { Locale } from '../../platform/http/messages.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import type { Deps } from '../../platform/deps.js';
import type { Executor } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import { enqueueJob } from '../../platform/jobs/jobs.js';
import type { Clock } from '../../platform/clock.js';
import * as repo from './notifications.repo.js';
import { organisationsUnder } from '../registry/registry.service.js';

/**
 * The actor's inbox: the organisations whose notifications it reads (its own, or its street's offices) and,
 * for a signed-in user, the rows addressed to the account itself. An API key has no account inbox: 403 when
 * it has no organisation either.
 */
async function inboxOf(deps: Deps, actor: Actor): Promise<repo.Inbox> {
  const inboxGrants = grantsWith(actor.grants, 'notifications.read');
  const own = organisationIdsOf(inboxGrants);
  const streets = inboxGrants.filter((g) => g.scopeType === 'street').map((g) => g.scopeId);
  const orgIds = [
    ...(await organisationsUnder(deps, own)),
    ...(await repo.organisationsOfStreets(deps.database.db, streets)),
  ];
  const userId = actor.via === 'session' ? actor.userId : null;
  if (orgIds.length === 0 && !userId) throw new AppError('auth.forbidden', 403);
  return { orgIds, userId };
}

export async function listNotifications(
  deps: Deps,
  actor: Actor,
  locale: Locale,
  f: { unread?: boolean; cursor?: string; limit: number },
) {
  const inbox = await inboxOf(deps, actor);
  const before = decodeCursor(f.cursor, 2) as [string, string] | null;
  const rows = await repo.listFor(deps.database.db, inbox, { unread: f.unread, before, limit: f.limit });
  const page = pageFrom(rows, f.limit, (r) => [r.created_at, r.id]);
  return {
    items: page.items.map((n) => ({
      id: n.id,
      kind: n.kind,
      text: locale === 'en' ? n.text_en : n.text_zh,
      caseId: n.case_id,
      createdAt: n.created_at,
      read: !!n.read_at,
    })),
    nextCursor: page.nextCursor,
  };
}

/** Marking read is a per-recipient flag, not a business write: it is not audited. */
export async function markNotificationRead(deps: Deps, actor: Actor, id: string) {
  const inbox = await inboxOf(deps, actor);
  const n = await repo.markRead(deps.database.db, inbox, id, deps.clock.now().toISOString());
  if (n === 0) throw notFound('notifications.not_found');
  return { ok: true as const };
}

/** Who a notification is for: organisations (their members read it) and/or user accounts. */
export interface Recipients {
  orgIds?: readonly (string | null)[];
  userIds?: readonly string[];
}

export interface NotificationText {
  kind: string; // e.g. `case.dispatch`, `governance.task_warning`
  zh: string;
  en: string;
  caseId?: string | null;
}

/**
 * The one way to notify: inside the caller's transaction, one row per recipient. Other modules call this;
 * only this module writes the notifications table. An org id of null means "no organisation yet" and is kept
 * (the street's inbox reads those of its cases).
 */
export async function notify(
  db: Executor,
  to: Recipients,
  text: NotificationText,
  now: string,
): Promise<void> {
  const base = {
    case_id: text.caseId ?? null,
    kind: text.kind,
    text_zh: text.zh,
    text_en: text.en,
    created_at: now,
    read_at: null,
  };
  await repo.insertNotifications(db, [
    ...(to.orgIds ?? []).map((orgId) => ({ ...base, id: newId(), org_id: orgId, user_id: null })),
    ...(to.userIds ?? []).map((userId) => ({ ...base, id: newId(), org_id: null, user_id: userId })),
  ]);
}

/** The durable job queue delivering messages to residents (notifications.jobs.ts). */
export const RESIDENT_MESSAGE_QUEUE = 'notify.resident';

export interface MessageToResident {
  caseId: string;
  /** The event that changed the public step: one message per case and event, however often it is retried. */
  eventSeq: number;
  step: string;
  phone: string;
  text: string;
}

/**
 * Tells a resident of a public step of their case: inside the caller's transaction, the message is recorded in
 * the outbox and its delivery queued as a durable job (a crash before delivery loses nothing; the job retries).
 * Returns false when this event's message was recorded already.
 */
export async function tellResident(db: Executor, clock: Clock, m: MessageToResident): Promise<boolean> {
  const id = newId();
  const inserted = await repo.insertResidentMessage(db, {
    id,
    case_id: m.caseId,
    step: m.step,
    channel: 'sms',
    recipient: m.phone,
    text: m.text,
    status: 'pending',
    adapter: null,
    attempts: 0,
    last_error: null,
    dedupe_key: `${m.caseId}:${m.eventSeq}`,
    created_at: clock.now().toISOString(),
    sent_at: null,
  });
  if (inserted)
    await enqueueJob(
      db,
      clock,
      RESIDENT_MESSAGE_QUEUE,
      { messageId: id },
      { dedupeKey: `resident-message:${id}` },
    );
  return inserted;
}
