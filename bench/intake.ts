// Hotline intake throughput against a baseline, over HTTP, real server processes.
// usage: npm run bench:intake -- [--db sqlite|postgres|sqlite,postgres] [--duration 15] [--warmup 3]
//        [--connections 10] [--grow 1000000] [--profile]   (--profile: the intake server runs with --cpu-prof;
//        the hottest functions are printed and the .cpuprofile is kept; --grow 0 skips the grown database)
//
// Per database: a fresh database seeded with `gongzhi seed --scale demo`, an API key from `gongzhi
// apikey create --channel hotline12345`, the real server (`server/main.ts`, production mode, job worker
// off) and autocannon posting realistic hotline work orders to POST /api/v1/intake/hotline, each with
// its own Idempotency-Key (every request creates a case: validate, route, deadlines, case + event +
// outbox jobs + audit in one transaction). Baseline in the same run: bench/lib/baseline.ts, a bare
// Fastify route inserting one row into a database opened with the same openDatabase settings.
// Also in the same run: the app's floor (the same route, same key, a work order refused by the service
// before any write: an unknown category) and intake again after --grow cases (bench/lib/cases.ts) and as
// many audit records (bench/lib/audit-fill.ts) were added to the same database: cost must not grow.
// Appends to bench/results/intake.md; the last line is `intake <db>: … ratio <r>` for the last db.
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase } from '../server/platform/db/database.js';
import { prng } from '../server/seed/synthetic.js';
import { arg } from './lib/args.js';
import { load, type LoadResult } from './lib/load.js';
import { scratchPg } from './lib/pg.js';
import { freePort, gongzhi, lastLine, ROOT, startNode } from './lib/proc.js';
import { hotFunctions } from './lib/profile.js';
import { machineNote } from './machine.js';
import { fillAudit } from './lib/audit-fill.js';
import { generateCases } from './lib/cases.js';

const dbs = arg('db', 'sqlite').split(',') as ('sqlite' | 'postgres')[];
const duration = Number(arg('duration', '15'));
const warmup = Number(arg('warmup', '3'));
const connections = Number(arg('connections', '10'));
const profile = process.argv.includes('--profile');
const grow = Number(arg('grow', '1000000'));
const TARGET_RATIO = 0.3;
/** Intake on the grown database within this share of the empty one (issue: within 10 %). */
const TARGET_GROWTH = 0.9;
const TARGET_P99_MS = 25;

interface Outcome {
  db: string;
  intake: LoadResult;
  baseline: LoadResult;
  floor: LoadResult;
  single: LoadResult | null;
  grown: LoadResult | null;
  ratio: number;
  cases: number;
  profileNote: string | null;
}

const log = (s: string) => process.stderr.write(`${s}\n`);

/** Realistic hotline work orders over the seeded compounds (bodies reused; keys never). */
async function workOrders(url: string): Promise<string[]> {
  const database = await openDatabase(url);
  try {
    const compounds = await database.db.selectFrom('compounds').select(['id']).orderBy('id').execute();
    const categories = await database.db
      .selectFrom('case_categories')
      .select(['code', 'name_zh', 'attributes_json'])
      .where('active', '=', 1)
      .execute();
    const r = prng(42);
    const values: Record<string, (string | boolean)[]> = {
      meterPosition: ['before', 'at', 'after'],
      part: ['common', 'own'],
      underConstruction: [true, false],
    };
    const surnames = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
    const bodies: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const c = r.pick(categories);
      const attributes: Record<string, string | boolean> = {};
      for (const k of JSON.parse(c.attributes_json) as string[])
        attributes[k] = r.pick(values[k] ?? ['unknown']);
      bodies.push(
        JSON.stringify({
          categoryCode: c.code,
          attributes,
          description: `市民来电反映：${c.name_zh}，${r.int(1, 30)}号楼${r.int(1, 6)}0${r.int(1, 4)}室附近，已持续${r.int(1, 10)}天，要求尽快处理。`,
          compoundId: r.pick(compounds).id,
          reporter: {
            name: `${r.pick(surnames)}${r.chance(0.5) ? '先生' : '女士'}`,
            phone: `13${r.int(0, 9)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`,
          },
        }),
      );
    }
    return bodies;
  } finally {
    await database.close();
  }
}

async function casesIn(url: string): Promise<number> {
  const database = await openDatabase(url);
  try {
    const row = await database.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await database.close();
  }
}

/** Warm-up (discarded), then the measured run. */
async function hammer(
  url: string,
  path: string,
  headers: Record<string, string>,
  bodies: string[],
  keyPrefix: string,
): Promise<LoadResult> {
  const run = (seconds: number, phase: string) =>
    load({
      url,
      connections,
      duration: seconds,
      request: { method: 'POST', path, headers: { 'content-type': 'application/json', ...headers } },
      next: (n) => ({
        headers: { 'idempotency-key': `${keyPrefix}-${phase}-${n}` },
        body: bodies[n % bodies.length],
      }),
    });
  const w = await run(warmup, 'w');
  if (w.non2xx || w.errors)
    log(`  warm-up: ${w.non2xx} non-2xx, ${w.errors} errors ${JSON.stringify(w.statusCodes)}`);
  return run(duration, 'm');
}

async function benchDb(kind: 'sqlite' | 'postgres'): Promise<Outcome> {
  let url: string;
  let baselineUrl: string;
  const cleanups: (() => Promise<void>)[] = [];
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gz-intake-'));
    url = `sqlite:${join(dir, 'intake.db')}`;
    baselineUrl = `sqlite:${join(dir, 'baseline.db')}`;
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  } else {
    const a = await scratchPg('gz_bench_intake');
    const b = await scratchPg('gz_bench_intake_baseline');
    url = a.url;
    baselineUrl = b.url;
    cleanups.push(a.drop, b.drop);
  }
  try {
    log(`${kind}: seeding demo scale…`);
    await gongzhi(['seed', '--scale', 'demo'], { DATABASE_URL: url });
    const key = lastLine(
      await gongzhi(['apikey', 'create', '--channel', 'hotline12345'], { DATABASE_URL: url }),
    );
    const bodies = await workOrders(url);
    const casesBefore = await casesIn(url);

    log(`${kind}: baseline (${warmup} s warm-up, ${duration} s at ${connections} connections)…`);
    const basePort = await freePort();
    const base = await startNode('bench/lib/baseline.ts', {
      PORT: String(basePort),
      DATABASE_URL: baselineUrl,
    });
    let baseline: LoadResult;
    try {
      baseline = await hammer(base.url, '/insert', {}, bodies, 'b');
    } finally {
      await base.stop();
    }

    const keyDir = mkdtempSync(join(tmpdir(), 'gz-intake-key-'));
    cleanups.push(async () => rmSync(keyDir, { recursive: true, force: true }));
    const profDir = profile ? mkdtempSync(join(tmpdir(), 'gz-intake-prof-')) : null;
    /** The real server on the intake database, for one load run. */
    const withServer = async (
      fn: (serverUrl: string) => Promise<LoadResult>,
      profiled = false,
      env: Record<string, string> = {},
    ): Promise<LoadResult> => {
      const port = await freePort();
      const server = await startNode(
        'server/main.ts',
        {
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: url,
          GONGZHI_MODE: 'production',
          LOG_LEVEL: 'silent',
          JOB_WORKER: '0',
          AUDIT_KEY_FILE: join(keyDir, 'audit.key'),
          ...env,
        },
        '/healthz',
        profDir && profiled ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [],
      );
      try {
        return await fn(server.url);
      } finally {
        await server.stop();
      }
    };
    const hotline = (serverUrl: string, list: string[], prefix: string) =>
      hammer(serverUrl, '/api/v1/intake/hotline', { 'x-api-key': key }, list, prefix);

    log(`${kind}: app floor — the same route refused before the write (unknown category)…`);
    const refused = bodies.map((b) => JSON.stringify({ ...JSON.parse(b), categoryCode: 'no.such.category' }));
    const floor = await withServer((u) => hotline(u, refused, `f${Date.now()}`));
    if (floor.statusCodes['201'] || floor.statusCodes['200']) throw new Error('floor run created cases');

    log(`${kind}: intake (${warmup} s warm-up, ${duration} s at ${connections} connections)…`);
    const intake = await withServer((u) => hotline(u, bodies, `i${Date.now()}`), true);
    // SQLite: the same intake with one commit per write (group commit off), for the gain it brings.
    let single: LoadResult | null = null;
    if (kind === 'sqlite' && !profile) {
      log(`${kind}: intake with one commit per write (SQLITE_GROUP_COMMIT=0)…`);
      single = await withServer((u) => hotline(u, bodies, `s${Date.now()}`), false, {
        SQLITE_GROUP_COMMIT: '0',
      });
    }
    let profileNote: string | null = null;
    if (profDir) {
      // The main thread's profile is the largest (tsx's loader thread writes a small one too).
      const file = readdirSync(profDir)
        .filter((f) => f.endsWith('.cpuprofile'))
        .sort((a, b) => statSync(join(profDir, b)).size - statSync(join(profDir, a)).size)[0];
      if (file) {
        profileNote = `${join(profDir, file)}\n${hotFunctions(join(profDir, file), 30)}`;
        log(`  CPU profile of the intake server: ${profileNote}`);
      } else log('  (no CPU profile written)');
    }
    const cases = (await casesIn(url)) - casesBefore;
    let grown: LoadResult | null = null;
    if (grow > 0 && !profile) {
      log(`${kind}: growing the database by ${grow.toLocaleString('en')} cases and audit records…`);
      const t = performance.now();
      const database = await openDatabase(url);
      try {
        await generateCases(database, grow, 11);
        const top = await database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.max('seq').as('s'))
          .executeTakeFirst();
        const present = Number(top?.s ?? 0);
        await fillAudit(database, present, present + grow);
        if (database.dialect === 'postgres') {
          await sql`analyze cases`.execute(database.db);
          await sql`analyze case_events`.execute(database.db);
        } else database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        await database.close();
      }
      log(`  grown in ${((performance.now() - t) / 1000).toFixed(0)} s; intake again…`);
      grown = await withServer((u) => hotline(u, bodies, `g${Date.now()}`));
    }
    log(
      `  baseline ${baseline.rps.toFixed(0)} req/s p99 ${baseline.p99} ms; floor ${floor.rps.toFixed(0)} req/s;${single ? ` one commit each ${single.rps.toFixed(0)} req/s p99 ${single.p99} ms;` : ''} intake ${intake.rps.toFixed(0)} req/s p50 ${intake.p50} ms p99 ${intake.p99} ms${grown ? `; grown ${grown.rps.toFixed(0)} req/s p99 ${grown.p99} ms` : ''}; non-2xx ${intake.non2xx}/${baseline.non2xx}; cases created ${cases}`,
    );
    return {
      db: kind,
      intake,
      baseline,
      floor,
      single,
      grown,
      ratio: intake.rps / baseline.rps,
      cases,
      profileNote,
    };
  } finally {
    for (const c of cleanups) await c().catch((e: unknown) => log(`cleanup: ${String(e)}`));
  }
}

const outcomes: Outcome[] = [];
for (const kind of dbs) outcomes.push(await benchDb(kind));

const fmt = (x: number) => x.toFixed(0);
const out = join(ROOT, 'bench/results/intake.md');
if (!profile && !existsSync(out)) {
  appendFileSync(
    out,
    '# Hotline intake throughput\n\n' +
      '`npm run bench:intake -- --db sqlite,postgres` — the real server (production mode, job worker off) on a fresh\n' +
      '`demo`-scale database; autocannon, 10 connections, 3 s warm-up then 15 s, POST /api/v1/intake/hotline with\n' +
      'an API key and a distinct Idempotency-Key per request (each request creates a case: validation, routing,\n' +
      'deadlines, case + event + outbox jobs + audit in one transaction). Baseline in the same run: a bare Fastify\n' +
      'route inserting one row (bench/lib/baseline.ts, same openDatabase settings). Targets on this 2-core machine:\n' +
      `ratio ≥ ${TARGET_RATIO}, p99 ≤ ${TARGET_P99_MS} ms, grown ≥ ${TARGET_GROWTH} × empty.\n`,
  );
}
const rows = outcomes.map((o) => {
  const growth = o.grown ? o.grown.rps / o.intake.rps : null;
  const missed = [
    o.ratio < TARGET_RATIO ? 'ratio' : '',
    o.intake.p99 > TARGET_P99_MS ? 'p99' : '',
    growth !== null && growth < TARGET_GROWTH ? 'growth' : '',
  ].filter(Boolean);
  const grown = o.grown ? `${fmt(o.grown.rps)} (p99 ${o.grown.p99} ms) = ${growth!.toFixed(2)} ×` : '—';
  return `| ${o.db} | ${fmt(o.intake.rps)} | ${o.intake.p50} ms | ${o.intake.p99} ms | ${fmt(o.baseline.rps)} | ${o.baseline.p99} ms | ${o.ratio.toFixed(2)} | ${fmt(o.floor.rps)} | ${o.single ? `${fmt(o.single.rps)} (p99 ${o.single.p99} ms)` : '—'} | ${grown} | ${o.intake.non2xx} | ${o.cases.toLocaleString('en')} | ${missed.length ? `**missed** (${missed.join(', ')})` : 'met'} |`;
});
// A profiled run is slower: it is for finding where the time goes, not for the record.
if (profile) log('profiled run: not recorded in bench/results/intake.md');
else
  appendFileSync(
    out,
    `\n## ${new Date().toISOString().slice(0, 16)}Z — ${machineNote()}\n\n` +
      `${connections} connections, ${warmup} s warm-up, ${duration} s measured; grown = the same database after ` +
      `${grow.toLocaleString('en')} more cases and audit records.\n\n` +
      '| database | intake req/s | p50 | p99 | baseline req/s | baseline p99 | ratio | app floor req/s | one commit each req/s | grown req/s | non-2xx | cases created | targets |\n' +
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|\n' +
      `${rows.join('\n')}\n`,
  );
if (!profile) log(`appended to ${out}`);

let failed = false;
for (const o of outcomes) {
  if (o.intake.non2xx || o.baseline.non2xx || o.intake.errors || o.baseline.errors) {
    failed = true;
    log(
      `FAIL ${o.db}: intake non-2xx ${o.intake.non2xx} errors ${o.intake.errors} ${JSON.stringify(o.intake.statusCodes)}; baseline non-2xx ${o.baseline.non2xx} errors ${o.baseline.errors}`,
    );
  }
}
for (const o of outcomes) {
  console.log(`non-2xx ${o.db}: intake ${o.intake.non2xx}, baseline ${o.baseline.non2xx}`);
}
for (const o of outcomes) {
  console.log(
    `intake ${o.db}: ${fmt(o.intake.rps)} req/s p99 ${o.intake.p99} ms; baseline ${fmt(o.baseline.rps)} req/s; ratio ${o.ratio.toFixed(2)}`,
  );
}
if (failed) process.exitCode = 1;
