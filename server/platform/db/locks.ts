// Row locks, share locks, SKIP LOCKED claims and advisory locks — the only place outside migrations that knows
// which database is underneath. SQLite has a single writer, so every lock here is a no-op there; on PostgreSQL
// each one is the real lock. Callers (repositories) never test the dialect themselves.
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Executor } from './database.js';
import type { DB } from './schema.js';
import { isPostgres } from './dialect.js';

type Select = SelectQueryBuilder<any, any, any>;

/** `select … for update` on PostgreSQL (rows stay locked until the transaction ends). */
export function forUpdate<Q extends Select>(db: Executor, q: Q): Q {
  return isPostgres(db) ? (q.forUpdate() as Q) : q;
}

/** `select … for share` on PostgreSQL: writers of the row wait, other readers do not. */
export function forShare<Q extends Select>(db: Executor, q: Q): Q {
  return isPostgres(db) ? (q.forShare() as Q) : q;
}

/** `for update skip locked` on PostgreSQL: concurrent claimers take different rows (job queues). */
export function skipLocked<Q extends Select>(db: Executor, q: Q): Q {
  return isPostgres(db) ? (q.modifyEnd(sql`for update skip locked`) as Q) : q;
}

/** Locks one row by id until the transaction ends, so that writers deciding from the same state take turns. */
export async function lockRow(
  db: Executor,
  table: 'compounds' | 'decisions' | 'cases' | 'fund_accounts' | 'industry_managers' | 'credit_records',
  id: string,
): Promise<void> {
  if (!isPostgres(db)) return;
  await db.selectFrom(table).select('id').where('id', '=', id).forUpdate().execute();
}

/** Serialises writers of one named chain (audit hash chain, imports) inside a transaction. */
export async function advisoryLock(db: Executor, key: number): Promise<void> {
  if (isPostgres(db)) await sql`select pg_advisory_xact_lock(${key})`.execute(db);
}

/**
 * Runs `fn` holding the named lock against other processes: on PostgreSQL in a transaction that took the
 * advisory lock (fn gets the transaction); SQLite has one server process, so fn runs on the handle as is
 * (no transaction that would hold its only connection while fn waits, e.g. for a file to be flushed).
 */
export async function underAdvisoryLock<T>(
  db: Kysely<DB>,
  key: number,
  fn: (db: Executor) => Promise<T>,
): Promise<T> {
  if (!isPostgres(db)) return fn(db);
  return db.transaction().execute(async (trx) => {
    await advisoryLock(trx, key);
    return fn(trx);
  });
}

/** Rows per multi-row statement: SQLite limits bound parameters per statement, PostgreSQL far less. */
export function batchSize(db: Executor): number {
  return isPostgres(db) ? 1000 : 400;
}
