import type { Executor } from '../../platform/db/database.js';

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
  if (f.before) {
    const [at, id] = f.before;
    q = q.where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('id', '<', id)])]));
  }
  return q
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}
