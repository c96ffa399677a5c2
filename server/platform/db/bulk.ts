// Bulk inserts for seeding and imports. SQLite: one cached prepared single-row statement per table,
// run inside the caller's transaction (better-sqlite3 runs these at several hundred thousand rows/s).
// PostgreSQL: multi-row INSERT statements through Kysely.
import type SQLite from 'better-sqlite3';
import type { Database, Executor } from './database.js';
import type { DB } from './schema.js';

export interface BulkInserter {
  add<T extends keyof DB>(table: T, row: DB[T]): Promise<void>;
  /** Writes everything buffered, parents first (the order tables were first added). */
  flush(): Promise<void>;
}

export function bulkInserter(database: Database, trx: Executor, batchSize = 1000): BulkInserter {
  const order: (keyof DB)[] = [];
  const buffers = new Map<keyof DB, Record<string, unknown>[]>();
  const statements = new Map<string, SQLite.Statement>();
  const sqlite = database.dialect === 'sqlite' ? database.sqlite! : null;
  // A large page cache keeps index pages in memory during a bulk load (1 GiB; released on close).
  sqlite?.pragma('cache_size = -1048576');
  let buffered = 0;

  const toParam = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

  async function flushTable(table: keyof DB) {
    const rows = buffers.get(table);
    if (!rows?.length) return;
    buffers.set(table, []);
    if (sqlite) {
      const columns = Object.keys(rows[0]);
      const key = `${table}:${columns.join(',')}`;
      let stmt = statements.get(key);
      if (!stmt) {
        stmt = sqlite.prepare(
          `insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) values (${columns.map(() => '?').join(',')})`,
        );
        statements.set(key, stmt);
      }
      for (const row of rows) stmt.run(columns.map((c) => toParam(row[c])));
    } else {
      for (let i = 0; i < rows.length; i += batchSize) {
        await trx
          .insertInto(table)
          .values(rows.slice(i, i + batchSize) as never)
          .execute();
      }
    }
  }

  return {
    async add(table, row) {
      let buf = buffers.get(table);
      if (!buf) {
        buffers.set(table, (buf = []));
        order.push(table);
      }
      buf.push(row as unknown as Record<string, unknown>);
      if (++buffered >= batchSize) await this.flush();
    },
    async flush() {
      buffered = 0;
      for (const table of order) await flushTable(table);
    },
  };
}
