// Fills the audit log straight with SQL to a size, for benchmarks: sealed records of realistic widths with
// fake but well-formed hashes, marked as sealed before keyed seals (seal_version null, like the records
// of an upgraded installation). The sealer checks only its newest record's keyed hash and the signed
// head, so it extends such a log as it extends a real one; `audit verify` would report the fake hashes.
import { sql } from 'kysely';
import type { Database } from '../../server/platform/db/database.js';

export const AFTER = JSON.stringify({
  status: 'dispatched',
  leadOrgId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  note: '已派单至街道办事处，请在规定时限内处理。',
});

/** Adds sealed records seq from+1 … to (fake but well-formed hashes; the sealer only reads the head). */
export async function fillAudit(database: Database, from: number, to: number): Promise<void> {
  const { db } = database;
  const step = 100_000;
  for (let lo = from; lo < to; lo += step) {
    const hi = Math.min(to, lo + step);
    if (database.dialect === 'sqlite')
      await sql`with recursive s(n) as (select ${lo + 1} union all select n + 1 from s where n < ${hi})
        insert into audit_log (id, seq, at, actor_id, actor_name, action, target_type, target_id,
          before_json, after_json, request_id, prev_hash, hash, seal_version)
        select printf('fill-%012d', n), n, '2026-01-01T00:00:00.000Z', 'u-bench', '基准', 'cases.case.dispatch',
          'case', printf('case-%012d', n), null, ${AFTER}, printf('req-%d', n),
          printf('%064d', n - 1), printf('%064d', n), null from s`.execute(db);
    else
      await sql`insert into audit_log (id, seq, at, actor_id, actor_name, action, target_type, target_id,
          before_json, after_json, request_id, prev_hash, hash, seal_version)
        select 'fill-' || lpad(n::text, 12, '0'), n, '2026-01-01T00:00:00.000Z', 'u-bench', '基准',
          'cases.case.dispatch', 'case', 'case-' || lpad(n::text, 12, '0'), null, ${AFTER}, 'req-' || n,
          lpad((n - 1)::text, 64, '0'), lpad(n::text, 64, '0'), null
        from generate_series(${lo + 1}::bigint, ${hi}::bigint) n`.execute(db);
  }
  if (database.dialect === 'postgres') await sql`analyze audit_log`.execute(db);
  else database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
}
