// Opens the database named by a URL: `sqlite:<path>` (embedded, default) or `postgres://…`.
// Only this folder and the migrations know the dialect.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import type { DB } from './schema.js';
import { isPostgres } from './dialect.js';
import { groupCommitter } from './group-commit.js';

export type Dialect = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  url: string;
  /** SQLite only: the raw handle, for online backup. */
  sqlite?: SQLite.Database;
  /**
   * Runs fn in one transaction (the way every audited write runs: writeTx). On SQLite concurrent callers
   * share one commit, each in its own savepoint (group-commit.ts); on PostgreSQL each is its own transaction.
   */
  write<T>(fn: (trx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type Tx = Transaction<DB>;
export type Executor = Kysely<DB> | Tx;

// node-pg returns int8 (count(*), sum()) and numeric as strings by default: we want numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** Whether a DATABASE_URL names a PostgreSQL server (the CLI's backup/restore print pg_dump guidance then). */
export const isPostgresUrl = (url: string): boolean => dialectOf(url) === 'postgres';

export function dialectOf(url: string): Dialect {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return 'postgres';
  if (url.startsWith('sqlite:') || url === ':memory:') return 'sqlite';
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url}")`);
}

export interface OpenOptions {
  /** PostgreSQL: use this schema (created if missing) — lets tests isolate themselves. */
  schema?: string;
  /** SQLite synchronous mode (see docs/decisions/0002-sqlite-durability.md). */
  synchronous?: 'NORMAL' | 'FULL';
  /** SQLite: group concurrent writes into one commit (default true; group-commit.ts). */
  groupCommit?: boolean;
  poolSize?: number;
}

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const dialect = dialectOf(url);
  if (dialect === 'sqlite') {
    const file =
      url === ':memory:' || url === 'sqlite::memory:' ? ':memory:' : resolve(url.slice('sqlite:'.length));
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const handle = new SQLite(file);
    handle.pragma('journal_mode = WAL');
    handle.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    handle.pragma('busy_timeout = 5000');
    handle.pragma('foreign_keys = ON');
    handle.pragma('cache_size = -65536');
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(handle) }) });
    return {
      db,
      dialect,
      url,
      sqlite: handle,
      write: options.groupCommit === false ? (fn) => db.transaction().execute(fn) : groupCommitter(db),
      close: () => db.destroy(),
    };
  }
  const schema = options.schema;
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '')}"`);
    await admin.end();
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(schema ? { options: `-c search_path="${schema}"` } : {}),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect,
    url,
    write: (fn) => db.transaction().execute(fn),
    close: () => db.destroy(),
  };
}

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs more than running most of our
 * statements. Reuse prepared statements by SQL text (bounded; the driver runs one query at a time).
 */
function withStatementCache(handle: SQLite.Database, max = 2000) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => handle.close(),
    prepare(sqlText: string) {
      let stmt = cache.get(sqlText);
      if (!stmt) {
        stmt = handle.prepare(sqlText);
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
        cache.set(sqlText, stmt);
      }
      return stmt;
    },
  };
}

/**
 * Values for `where(column, 'in', …)`: an empty IN list is a syntax error on both databases, so an empty list
 * becomes [''] — which no id, code or name equals — and the condition matches nothing.
 */
export const inList = (xs: readonly string[]): string[] => (xs.length ? [...xs] : ['']);

/** A LIKE pattern for a literal substring (use with `escape '\\'`); case-sensitive on PostgreSQL, ASCII case-insensitive on SQLite. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * `column` contains `text`, ignoring (ASCII) case on both databases: SQLite's LIKE already does, PostgreSQL's
 * does not, so both sides are lowered. `column` is a trusted column reference such as 'compounds.name'.
 */
export function containsText(column: string, text: string) {
  return sql<boolean>`lower(${sql.ref(column)}) like ${likePattern(text.toLowerCase())} escape '\\'`;
}

/** A unique or primary-key violation, on either database (lets callers turn a lost race into 409). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * The next value of a named sequence: a PostgreSQL sequence (no row lock, so concurrent writers do not
 * queue), or a counter row on SQLite (writers are serial there anyway). Values are unique, not gapless.
 */
export async function nextSequenceValue(db: Executor, name: 'case_no_seq'): Promise<number> {
  if (isPostgres(db)) {
    const r = await sql<{ v: number }>`select nextval(${name}) as v`.execute(db);
    return Number(r.rows[0].v);
  }
  const row = await db
    .insertInto('case_counters')
    .values({ key: name, value: 1 })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb('case_counters.value', '+', 1) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

/** `count` values of the sequence at once (bulk seeding), ascending; unique like nextSequenceValue's. */
export async function nextSequenceValues(
  db: Executor,
  name: 'case_no_seq',
  count: number,
): Promise<number[]> {
  if (count <= 0) return [];
  if (isPostgres(db)) {
    const r = await sql<{
      v: number;
    }>`select nextval(${name}) as v from generate_series(1, ${count})`.execute(db);
    return r.rows.map((row) => Number(row.v)).sort((a, b) => a - b);
  }
  const row = await db
    .insertInto('case_counters')
    .values({ key: name, value: count })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({ value: eb('case_counters.value', '+', count) })),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return Array.from({ length: count }, (_, i) => row.value - count + 1 + i);
}
