// Test harness: the same tests run on SQLite (always) and on PostgreSQL (when TEST_DATABASE_URL is set;
// CI always sets it). Each PostgreSQL database is an isolated schema, dropped afterwards.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { fixedClock } from '../platform/clock.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import type { Grant } from '../../domain/access.js';
import type { Deps } from '../platform/deps.js';
import { seedSynthetic, type Scale } from '../seed/synthetic.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../seed/demo-accounts.js';

export type DbKind = 'sqlite' | 'postgres';

const pgUrl = process.env.TEST_DATABASE_URL;
/** The PostgreSQL server of the tests (TEST_DATABASE_URL), or undefined when they run on SQLite only. */
export const postgresTestUrl = pgUrl;

/** The database kinds to run against: sqlite always, postgres when configured. */
export const DB_KINDS: DbKind[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase {
  database: Database;
  schema: string | null;
  drop(): Promise<void>;
}

export async function openTestDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const database = await openDatabase('sqlite::memory:');
    await migrate(database);
    return { database, schema: null, drop: () => database.close() };
  }
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const database = await openDatabase(pgUrl!, { schema, poolSize: 5 });
  await migrate(database, schema);
  return {
    database,
    schema,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop schema if exists "${schema}" cascade`);
      await c.end();
    },
  };
}

/** Demo-mode configuration with its own audit key and signed-head directory (one per test app). */
export function testConfig(overrides: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'gz-audit-key-'));
  return loadConfig({
    GONGZHI_MODE: 'demo',
    LOG_LEVEL: 'silent',
    AUDIT_KEY_FILE: join(dir, 'audit.key'),
    ...overrides,
  });
}

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  clock: ReturnType<typeof fixedClock>;
  db: TestDatabase;
  login(username: string, password?: string): Promise<Session>;
  /** Creates an account through the API (as the administrator) and signs it in. */
  account(username: string, roles: Grant[], displayName?: string): Promise<Session>;
  close(): Promise<void>;
}

export interface Session {
  cookie: string;
  csrf: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

/** A seeded app: synthetic registry at `scale` plus the demo accounts (password gongzhi-demo). */
export async function startTestApp(
  kind: DbKind,
  scale: Scale | null = 'test',
  configOverrides: Record<string, string> = {},
): Promise<TestApp> {
  const db = await openTestDatabase(kind);
  const clock = fixedClock('2026-11-26T02:00:00Z');
  const deps: Deps = {
    database: db.database,
    clock,
    config: testConfig(configOverrides),
  };
  if (scale) {
    await seedSynthetic(db.database, scale, 1);
    // Demo accounts exist only in demo mode; a production-mode test app still gets them to sign in with.
    await seedDemoAccounts({ ...deps, config: { ...deps.config, GONGZHI_MODE: 'demo' } });
  }
  const app = await buildApp(deps);
  await app.ready();
  const login = async (username: string, password = DEMO_PASSWORD): Promise<Session> => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
    });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = `gz_session=${res.cookies.find((c) => c.name === 'gz_session')!.value}`;
    const csrf = (res.json() as { csrfToken: string }).csrfToken;
    return {
      cookie,
      csrf,
      request: (opts: InjectOptions) =>
        app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } }),
    };
  };
  return {
    app,
    deps,
    clock,
    db,
    login,
    async account(username: string, roles: Grant[], displayName = username) {
      const admin = await login('admin');
      const password = `${username}-password-1`;
      const res = await admin.request({
        method: 'POST',
        url: '/api/v1/users',
        payload: { username, displayName, password, roles },
      });
      if (res.statusCode !== 200) throw new Error(`account ${username}: ${res.statusCode} ${res.body}`);
      return login(username, password);
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** The first worksheet of an .xlsx body as rows of cell values (for export tests). */
export async function readXlsx(body: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
