// Group commit on SQLite: concurrent writes share one COMMIT, each unit keeps serial semantics, a failed
// unit changes nothing while the rest of its group commits, and nothing is acknowledged before COMMIT.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { DB } from './schema.js';
import { groupCommitter } from './group-commit.js';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

function open() {
  const file = join(mkdtempSync(join(tmpdir(), 'gz-group-')), 'g.db');
  const handle = new SQLite(file);
  handle.pragma('journal_mode = WAL');
  handle.exec('create table t (k text primary key, v integer not null)');
  let commits = 0;
  const db = new Kysely<DB>({
    dialect: new SqliteDialect({ database: handle }),
    log: (e) => {
      if (e.level === 'query' && e.query.sql === 'commit') commits++;
    },
  });
  cleanup = () => db.destroy();
  // A second connection: what another process would see (only committed data).
  const reader = new SQLite(file, { readonly: true });
  const committed = (k: string) =>
    reader.prepare('select v from t where k = ?').get(k) as { v: number } | undefined;
  return { db, write: groupCommitter(db), commits: () => commits, committed };
}

const put = (k: string, v: number) => async (trx: Kysely<DB>) => {
  await sql`insert into t (k, v) values (${k}, ${v})`.execute(trx);
  return k;
};

describe('group commit (SQLite)', () => {
  it('concurrent units share commits, each result after its group committed', async () => {
    const g = open();
    const seen: boolean[] = [];
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        g.write(put(`k${i}`, i)).then((k) => {
          seen.push(g.committed(k)?.v === i);
          return k;
        }),
      ),
    );
    expect(results).toHaveLength(40);
    expect(seen.every(Boolean)).toBe(true);
    expect(g.commits()).toBeLessThan(40);
    expect(g.commits()).toBeGreaterThanOrEqual(1);
  });

  it('a failing unit is rolled back alone and rejected; the others of its group commit', async () => {
    const g = open();
    const outcomes = await Promise.allSettled([
      g.write(put('a', 1)),
      g.write(async (trx) => {
        await put('b', 2)(trx);
        throw new Error('refused');
      }),
      g.write(put('a', 9)), // primary-key violation: rejected, changes nothing
      g.write(put('c', 3)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(g.committed('a')?.v).toBe(1);
    expect(g.committed('b')).toBeUndefined();
    expect(g.committed('c')?.v).toBe(3);
  });

  it('units see the effects of the units before them, in arrival order', async () => {
    const g = open();
    const reads = await Promise.all(
      [1, 2, 3].map((i) =>
        g.write(async (trx) => {
          await sql`insert into t (k, v) values (${`n${i}`}, ${i})`.execute(trx);
          const r = await sql<{ n: number }>`select count(*) as n from t`.execute(trx);
          return r.rows[0].n;
        }),
      ),
    );
    expect(reads).toEqual([1, 2, 3]);
  });

  it('a group that cannot commit rejects every unit in it and keeps nothing', async () => {
    const g = open();
    await sql`create table p (id integer primary key)`.execute(g.db);
    await sql`create table c (p integer references p(id) deferrable initially deferred)`.execute(g.db);
    await sql`pragma foreign_keys = on`.execute(g.db);
    const outcomes = await Promise.allSettled([
      g.write(put('x', 1)),
      // a deferred foreign-key violation fails only at COMMIT
      g.write(async (trx) => {
        await sql`insert into c (p) values (42)`.execute(trx);
      }),
    ]);
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
    expect(g.committed('x')).toBeUndefined();
    // the committer goes on working after a failed group
    await g.write(put('y', 2));
    expect(g.committed('y')?.v).toBe(2);
  });
});
