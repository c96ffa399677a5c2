// Scratch PostgreSQL databases for benchmarks: created fresh per run, dropped afterwards.
import pg from 'pg';

/** The admin URL (a database we may connect to in order to create others). */
export const PG_ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface ScratchDatabase {
  url: string;
  name: string;
  size(): Promise<number>;
  drop(): Promise<void>;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Drops (if present) and creates database `name` on the admin URL's server. */
export async function scratchPg(name: string): Promise<ScratchDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  await admin(async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
  });
  return {
    name,
    url: PG_ADMIN_URL.replace(/\/[^/?]*(\?.*)?$/, `/${name}`),
    size: () =>
      admin(async (c) => Number((await c.query(`select pg_database_size($1) as n`, [name])).rows[0].n)),
    drop: () =>
      admin(async (c) => {
        await c.query(`drop database if exists ${name} with (force)`);
      }),
  };
}
