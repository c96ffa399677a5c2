// Several server instances on one PostgreSQL (docs/deploy.md "Several instances"): two real instances
// (startServer: HTTP on two ports, each its own database pool, job worker, audit sealer and caches) on one
// fresh database, talked to over HTTP as a load balancer would, alternating between them. Runs when
// TEST_DATABASE_URL is set (CI sets it). The clock of both is one injected test clock, so deadlines pass
// without sleeping; only the cache freshness is waited for in real time (it is measured, not assumed).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, startOfShanghaiDay, shanghaiDate } from '../../domain/calendar.js';
import { loadConfig, type Config } from '../config.js';
import { startServer, type Running } from '../server.js';
import { fixedClock } from '../platform/clock.js';
import { openDatabase, type Database } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import { auditChain } from '../platform/audit/chain.js';
import { verifyAuditChain } from '../platform/audit/verify.js';
import { REFERENCE_FRESHNESS_MS } from '../platform/cache.js';
import { createApiKey } from '../modules/auth/apikeys.service.js';
import { setCreatesPerMinute } from '../modules/open311/open311.service.js';
import { seedSynthetic } from '../seed/synthetic.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../seed/demo-accounts.js';
import { postgresTestUrl } from './harness.js';

const HUAMU = '310115016';
const SYSTEM = { id: null, name: 'test' };

interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

/** A client behind the load balancer: its address arrives as X-Forwarded-For (the instances trust loopback). */
interface Caller {
  ip: string;
  cookie?: string;
  csrf?: string;
}

async function call(
  base: string,
  who: Caller,
  method: string,
  path: string,
  body?: unknown,
  form?: Record<string, string>,
): Promise<Reply> {
  const headers: Record<string, string> = { 'x-forwarded-for': who.ip, 'accept-language': 'zh-CN' };
  if (who.cookie) headers.cookie = who.cookie;
  if (who.csrf) headers['x-csrf-token'] = who.csrf;
  let payload: string | undefined;
  if (form) {
    headers['content-type'] = 'application/x-www-form-urlencoded; charset=utf-8';
    payload = new URLSearchParams(form).toString();
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${base}${path}`, { method, headers, body: payload });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

async function signIn(base: string, ip: string, username: string, password = DEMO_PASSWORD): Promise<Caller> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { csrfToken: string };
  if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.status} ${JSON.stringify(body)}`);
  const session = res.headers.getSetCookie().find((c) => c.startsWith('gz_session='))!;
  return { ip, cookie: session.split(';')[0], csrf: body.csrfToken };
}

/** Polls `check` until it returns true or `ms` pass; returns the milliseconds it took. */
async function within(ms: number, check: () => Promise<boolean>, every = 100): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await check()) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, every));
  }
}

describe.runIf(!!postgresTestUrl)('two server instances on one PostgreSQL', () => {
  const name = `gz_two_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  const url = new URL(postgresTestUrl!);
  url.pathname = `/${name}`;
  const keyDir = mkdtempSync(join(tmpdir(), 'gz-instances-'));
  const clock = fixedClock('2026-11-26T02:00:00Z');
  let config: Config;
  let a: Running;
  let b: Running;
  let db: Database; // the test's own view of the shared database
  const base = () => [a.url, b.url] as const;
  /** Alternates instances: even → A, odd → B. */
  const at = (i: number) => base()[i % 2];

  async function admin(sql: string) {
    const c = new pg.Client({ connectionString: postgresTestUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  }

  beforeAll(async () => {
    await admin(`create database "${name}"`);
    config = loadConfig({
      DATABASE_URL: url.toString(),
      GONGZHI_MODE: 'production',
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: '0',
      WEB_DIST: join(keyDir, 'no-web'),
      // One key for every instance (it must be the same everywhere); the head file beside it is shared.
      AUDIT_KEY_FILE: join(keyDir, 'audit.key'),
    });
    db = await openDatabase(config.DATABASE_URL, { poolSize: 3 });
    await migrate(db);
    await seedSynthetic(db, 'test', 1);
    await seedDemoAccounts({ database: db, clock, config: { ...config, GONGZHI_MODE: 'demo' } });
    const quiet = () => undefined;
    // Started together: each migrates (a no-op under the migrator's lock) and schedules the daily jobs.
    [a, b] = await Promise.all([
      startServer(config, quiet, { clock }),
      startServer(config, quiet, { clock }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await db?.close();
    await admin(`drop database if exists "${name}" with (force)`);
    rmSync(keyDir, { recursive: true, force: true });
  });

  it('serves one session on both: made on A, used on B, signed out on A → refused on B', async () => {
    const s = await signIn(a.url, '198.51.100.10', 'admin');
    const me = await call(b.url, s, 'GET', '/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('admin');
    expect((await call(a.url, s, 'POST', '/api/v1/auth/logout', {})).status).toBe(200);
    expect((await call(b.url, s, 'GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await call(a.url, s, 'GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('holds the sign-in rate limit across A and B (30 a minute per address, attempts alternating)', async () => {
    const who = { ip: '198.51.100.20' };
    const statuses: number[] = [];
    // Two real guesses, then requests without a password (refused by validation, after the limit counted
    // them), so that the test does not spend its time hashing.
    for (let i = 0; i < 31; i++) {
      const res = await call(at(i), who, 'POST', '/api/v1/auth/login', {
        username: `nobody${i}`,
        ...(i < 2 ? { password: 'wrong-password-1' } : {}),
      });
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Each instance saw only 15 or 16 of them: a per-instance count would have let all 31 through.
    expect(statuses.slice(0, 30)).toEqual([401, 401, ...Array(28).fill(400)]);
    expect(statuses[30]).toBe(429);
    expect(
      (await call(a.url, who, 'POST', '/api/v1/auth/login', { username: 'x', password: 'y' })).status,
    ).toBe(429);
    // Another address is not affected.
    expect((await call(b.url, { ip: '198.51.100.21' }, 'POST', '/api/v1/auth/login', {})).status).toBe(400);
  });

  it('locks an account after 5 failures spread over A and B, and refuses the right password on both', async () => {
    const boss = await signIn(a.url, '198.51.100.30', 'admin');
    const created = await call(a.url, boss, 'POST', '/api/v1/users', {
      username: 'lockme',
      displayName: '锁定测试',
      password: 'Lock-me-if-you-can-7',
      roles: [{ role: 'street_office', scopeType: 'street', scopeId: HUAMU }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const who = { ip: '198.51.100.31' };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await call(at(i), who, 'POST', '/api/v1/auth/login', { username: 'lockme', password: `wrong-${i}` }))
          .status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    for (const instance of base()) {
      const right = await call(instance, who, 'POST', '/api/v1/auth/login', {
        username: 'lockme',
        password: 'Lock-me-if-you-can-7',
      });
      expect(right.status).toBe(423);
    }
  });

  it("holds an Open311 key's create limit across A and B", async () => {
    const key = await createApiKey(a.deps, SYSTEM, { channel: 'open311', name: '市民热线平台' }, null);
    expect(await setCreatesPerMinute(a.deps, SYSTEM, key.id, 3)).toBe(true);
    const compound = await db.db
      .selectFrom('compounds')
      .select('name')
      .where('street_code', '=', HUAMU)
      .orderBy('name')
      .limit(1)
      .executeTakeFirstOrThrow();
    const create = (i: number) =>
      call(at(i), { ip: `203.0.113.${i + 1}` }, 'POST', '/open311/v2/requests.json', undefined, {
        api_key: key.key,
        service_code: 'dogs',
        address_string: compound.name,
        description: `楼道里有狗 ${i}`,
      });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await create(i)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const over = await create(4);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it(`shows a taxonomy edit made on A on B within ${REFERENCE_FRESHNESS_MS / 1000} s`, async () => {
    const services = async (instance: string) =>
      (await call(instance, { ip: '198.51.100.40' }, 'GET', '/open311/v2/services.json?locale=zh-CN'))
        .body as { service_code: string; service_name: string }[];
    const before = (await services(b.url)).find((s) => s.service_code === 'dogs')!; // B has it cached now
    expect(before.service_name).not.toBe('犬只扰民（已改名）');
    const boss = await signIn(a.url, '198.51.100.41', 'admin');
    const cats = await call(a.url, boss, 'GET', '/api/v1/admin/case-categories');
    const dogs = cats.body.items.find((c: { code: string }) => c.code === 'dogs');
    const patched = await call(a.url, boss, 'PATCH', '/api/v1/admin/case-categories/dogs', {
      version: dogs.version,
      nameZh: '犬只扰民（已改名）',
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const seen = (s: { service_code: string; service_name: string }[]) =>
      s.find((x) => x.service_code === 'dogs')?.service_name === '犬只扰民（已改名）';
    expect(seen(await services(a.url))).toBe(true); // the editing instance dropped its cache at once
    // B loaded the taxonomy before the edit, so it must see the new name at most the freshness later (plus
    // the polling interval and one request's time, allowed a second on a busy machine).
    const took = await within(REFERENCE_FRESHNESS_MS + 3000, async () => seen(await services(b.url)));
    expect(took).toBeLessThanOrEqual(REFERENCE_FRESHNESS_MS + 1000);
  });

  /** Waits until no job is due (pending or running with run_at ≤ now): both workers have done their part. */
  async function jobsSettled(ms = 15_000) {
    await within(ms, async () => {
      const due = await db.db
        .selectFrom('jobs')
        .select('id')
        .where('status', 'in', ['pending', 'running'])
        .where('run_at', '<=', clock.now().toISOString())
        .execute();
      return due.length === 0;
    });
    const failed = await db.db
      .selectFrom('jobs')
      .select(['queue', 'last_error'])
      .where('status', '=', 'failed')
      .execute();
    expect(failed).toEqual([]);
  }

  it('runs the daily governance scan once although both instances scheduled it', async () => {
    await jobsSettled();
    const scans = await db.db
      .selectFrom('jobs')
      .select(['dedupe_key', 'status'])
      .where('queue', '=', 'governance.scan')
      .orderBy('dedupe_key')
      .execute();
    expect(scans).toEqual([
      { dedupe_key: 'gov-scan:2026-11-26', status: 'done' },
      { dedupe_key: 'gov-scan:2026-11-27', status: 'pending' },
    ]);
  });

  it("escalates overdue cases exactly once with both instances' workers polling", async () => {
    const hotline = await signIn(a.url, '198.51.100.50', 'hotline');
    const street = await signIn(b.url, '198.51.100.51', 'huamu');
    const rc = await signIn(a.url, '198.51.100.52', 'rc');
    const compoundId = (await call(b.url, rc, 'GET', '/api/v1/compounds')).body.items[0].id as string;
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await call(at(i), hotline, 'POST', '/api/v1/cases', {
        channel: 'hotline12345',
        categoryCode: 'repair.urgent.water_burst',
        attributes: { meterPosition: 'after', part: 'common' },
        description: `${i + 1}号楼地下室水管爆裂`,
        compoundId,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      const id = created.body.id as string;
      for (const action of ['accept', 'dispatch']) {
        const view = await call(at(i + 1), street, 'GET', `/api/v1/cases/${id}`);
        const done = await call(at(i), street, 'POST', `/api/v1/cases/${id}/actions`, {
          action,
          version: view.body.version,
        });
        expect(done.status, JSON.stringify(done.body)).toBe(200);
      }
      ids.push(id);
    }
    // Signing for an urgent repair is due within 1 h and escalates when missed (S013): 2 h later.
    clock.advance(2 * 3_600_000);
    await jobsSettled();
    const count = async (table: 'notifications' | 'case_events', column: 'kind' | 'action', value: string) =>
      db.db
        .selectFrom(table)
        .select('case_id')
        .where(column, '=', value)
        .where('case_id', 'in', ids)
        .execute();
    const overdue = await count('notifications', 'kind', 'case.overdue');
    const escalations = await count('case_events', 'action', 'autoSupervise');
    expect(overdue.map((r) => r.case_id).sort()).toEqual([...ids].sort());
    expect(escalations.map((r) => r.case_id).sort()).toEqual([...ids].sort());
    const levels = await db.db
      .selectFrom('cases')
      .select('supervision_level')
      .where('id', 'in', ids)
      .execute();
    expect(levels.map((l) => l.supervision_level)).toEqual([1, 1, 1, 1]);
  });

  it('sends a governance deadline reminder exactly once', async () => {
    const street = await signIn(b.url, '198.51.100.60', 'huamu');
    const compound = await db.db
      .selectFrom('compounds')
      .select(['id', 'name'])
      .where('street_code', '=', HUAMU)
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const started = await call(
      a.url,
      street,
      'POST',
      `/api/v1/governance/compounds/${compound.id}/formation`,
      {
        triggerKind: 'owners_request',
        requestedOn: shanghaiDate(clock.now()),
      },
    );
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const task = await db.db
      .selectFrom('gov_tasks')
      .select(['id', 'due_on'])
      .where('compound_id', '=', compound.id)
      .where('kind', '=', 'preparatory_group')
      .executeTakeFirstOrThrow();
    // The warning is due at 00:00 Shanghai five days before the last day (the daily scans run on the way).
    clock.set(startOfShanghaiDay(addDays(task.due_on, -5)));
    await jobsSettled();
    const reminders = await db.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'gov_task')
      .where('target_id', '=', task.id)
      .execute();
    expect(reminders.map((r) => r.action)).toEqual(['governance.task.warning']);
    const texts = await db.db
      .selectFrom('notifications')
      .select('text_zh')
      .where('kind', '=', 'governance.task.warning')
      .execute();
    expect(
      texts.filter((t) => t.text_zh.includes(compound.name) && t.text_zh.includes('组建筹备组')),
    ).toHaveLength(1);
  });

  it('seals the audit records written on both instances into one chain that verifies', async () => {
    await Promise.all([a.stop(), b.stop()]);
    const written = await db.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const n = Number(written.n);
    expect(n).toBeGreaterThan(50);
    // What `gongzhi audit verify` runs, with the same key and head file.
    const result = await verifyAuditChain(db.db, auditChain(config, db));
    expect(result).toEqual({ ok: true, count: n, pending: 0, anchoredSeq: n });
  });
});
