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

/** A query naming the targets of one type: id → words (a case number and title, a person, a compound, …). */
type NameQuery = (db: Executor, ids: string[]) => Promise<{ id: string; name: string }[]>;

const byCompound =
  (table: 'committees' | 'gov_formations' | 'owner_groups' | 'fee_arrears' | 'gov_tasks'): NameQuery =>
  (db, ids) =>
    db
      // Each of these tables has id and compound_id; typed as one of them so the query type-checks once.
      .selectFrom(`${table} as t` as 'committees as t')
      .innerJoin('compounds as c', 'c.id', 't.compound_id')
      .select(['t.id as id', 'c.name as name'])
      .where('t.id', 'in', ids)
      .execute();

const NAME_QUERIES: Record<string, NameQuery> = {
  case: async (db, ids) =>
    (await db.selectFrom('cases').select(['id', 'case_no', 'title']).where('id', 'in', ids).execute()).map(
      (r) => ({ id: r.id, name: `${r.case_no} ${r.title}` }),
    ),
  user: (db, ids) =>
    db.selectFrom('users').select(['id', 'display_name as name']).where('id', 'in', ids).execute(),
  compound: (db, ids) => db.selectFrom('compounds').select(['id', 'name']).where('id', 'in', ids).execute(),
  organisation: (db, ids) =>
    db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute(),
  decision: (db, ids) =>
    db.selectFrom('decisions').select(['id', 'title as name']).where('id', 'in', ids).execute(),
  api_key: (db, ids) => db.selectFrom('api_keys').select(['id', 'name']).where('id', 'in', ids).execute(),
  campaign: (db, ids) => db.selectFrom('campaigns').select(['id', 'name']).where('id', 'in', ids).execute(),
  committee: byCompound('committees'),
  formation: byCompound('gov_formations'),
  owner_group: byCompound('owner_groups'),
  fee_arrear: byCompound('fee_arrears'),
  gov_task: byCompound('gov_tasks'),
};

/** Names of the targets of a page of audit records, by `type:id`; types without a name table are left out. */
export async function targetNames(db: Executor, targets: { type: string; id: string }[]) {
  const ids = new Map<string, Set<string>>();
  for (const t of targets)
    if (NAME_QUERIES[t.type]) ids.set(t.type, (ids.get(t.type) ?? new Set()).add(t.id));
  const names = new Map<string, string>();
  for (const [type, set] of ids) {
    for (const r of await NAME_QUERIES[type](db, [...set])) names.set(`${type}:${r.id}`, r.name);
  }
  return names;
}
