// In-app notifications addressed to organisations (a case dispatched to them, due soon, overdue, …).
import type { Actor } from '../../platform/http/context.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { registerMessages, type Locale } from '../../platform/http/messages.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import type { Deps } from '../../platform/deps.js';
import * as repo from './notifications.repo.js';
import { organisationsUnder } from '../registry/registry.service.js';

registerMessages({
  'notifications.not_found': { 'zh-CN': '未找到该通知', en: 'Notification not found' },
});

/** The organisations whose notifications the actor reads: its own, or its street's offices. */
async function recipientOrgs(deps: Deps, actor: Actor): Promise<string[]> {
  const own = actor.grants
    .filter((g) => g.scopeType === 'department' || g.scopeType === 'company')
    .map((g) => g.scopeId);
  const streets = actor.grants
    .filter((g) => g.scopeType === 'street' && g.role === 'street_office')
    .map((g) => g.scopeId);
  const orgs = [
    ...(await organisationsUnder(deps, own)),
    ...(await repo.organisationsOfStreets(deps.database.db, streets)),
  ];
  if (orgs.length === 0) throw new AppError('auth.forbidden', 403);
  return orgs;
}

export async function listNotifications(
  deps: Deps,
  actor: Actor,
  locale: Locale,
  f: { unread?: boolean; cursor?: string; limit: number },
) {
  const orgs = await recipientOrgs(deps, actor);
  const before = decodeCursor(f.cursor, 2) as [string, string] | null;
  const rows = await repo.listForOrgs(deps.database.db, orgs, { unread: f.unread, before, limit: f.limit });
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

/** Marking read is a per-organisation flag, not a business write: it is not audited. */
export async function markNotificationRead(deps: Deps, actor: Actor, id: string) {
  const orgs = await recipientOrgs(deps, actor);
  const n = await repo.markRead(deps.database.db, orgs, id, deps.clock.now().toISOString());
  if (n === 0) throw notFound('notifications.not_found');
  return { ok: true as const };
}
