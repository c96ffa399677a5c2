import type { Executor } from '../../platform/db/database.js';
import { keysetPage } from '../../platform/db/keyset.js';

export async function listAudit(
  db: Executor,
  f: {
    targetType?: string;
    targetId?: string;
    actorId?: string;
    action?: string;
    before: [string, string] | null;
    limit: number;
  },
) {
  let q = db.selectFrom('audit_log').selectAll();
  if (f.targetType) q = q.where('target_type', '=', f.targetType);
  if (f.targetId) q = q.where('target_id', '=', f.targetId);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.action) q = q.where('action', '=', f.action);
  return keysetPage(q, 'at', 'id', f.before, f.limit, 'desc').execute();
}
