// Reading and verifying the audit log (administrators).
import type { Actor } from '../../platform/http/context.js';
import { requirePermission } from '../../platform/http/context.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { auditChain } from '../../platform/audit/chain.js';
import { sealAuditLog } from '../../platform/audit/seal.js';
import { verifyAuditChain } from '../../platform/audit/verify.js';
import type { Deps } from '../../platform/deps.js';
import * as repo from './audit.repo.js';

const parse = (s: string | null) => (s === null ? null : (JSON.parse(s) as unknown));

export async function listAudit(
  deps: Deps,
  actor: Actor,
  f: {
    targetType?: string;
    targetId?: string;
    actorId?: string;
    action?: string;
    cursor?: string;
    limit: number;
  },
) {
  requirePermission(actor, 'audit.read');
  const before = decodeCursor(f.cursor, 2) as [string, string] | null;
  const rows = await repo.listAudit(deps.database.db, { ...f, before });
  const page = pageFrom(rows, f.limit, (r) => [r.at, r.id]);
  const names = await repo.targetNames(
    deps.database.db,
    page.items.flatMap((r) => (r.target_id ? [{ type: r.target_type, id: r.target_id }] : [])),
  );
  return {
    items: page.items.map((r) => ({
      id: r.id,
      seq: r.seq === null ? null : Number(r.seq),
      at: r.at,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      /** The target in words (case number and title, a person, a compound), when it has a name. */
      targetName: r.target_id ? (names.get(`${r.target_type}:${r.target_id}`) ?? null) : null,
      before: parse(r.before_json),
      after: parse(r.after_json),
      requestId: r.request_id,
      hash: r.hash,
    })),
    nextCursor: page.nextCursor,
  };
}

export async function verifyAudit(deps: Deps, actor: Actor) {
  requirePermission(actor, 'audit.read');
  const chain = auditChain(deps.config, deps.database);
  // A chain that no longer matches its signed head is not extended; verify then says where it broke.
  await sealAuditLog(deps.database, chain).catch(() => 0);
  const r = await verifyAuditChain(deps.database.db, chain);
  const base = { count: r.count, pending: r.pending, anchoredSeq: r.anchoredSeq };
  return r.ok
    ? { ok: true, ...base, firstBadSeq: null, reason: null }
    : { ok: false, ...base, firstBadSeq: r.seq, reason: r.reason };
}
