import type { Executor } from '../../platform/db/database.js';

export async function listAudit(
  db: Executor,
  f: {
    targetType?: string;
    targetId?: string;
    actorId?: string;
    action?: string;
    beforeSeq: number | null;
    limit: number;
  },
) {
  let q = db.selectFrom('audit_log').selectAll();
  if (f.targetType) q = q.where('target_type', '=', f.targetType);
  if (f.targetId) q = q.where('target_id', '=', f.targetId);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.beforeSeq !== null) q = q.where('seq', '<', f.beforeSeq);
  return q
    .orderBy('seq', 'desc')
    .limit(f.limit + 1)
    .execute();
}
