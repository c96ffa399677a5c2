// Work-queue, case-page and KPI latency on a district (or city) with a large case history.
// usage: npm run bench:queue -- [--scale district|city] [--db sqlite|postgres|sqlite,postgres]
//        [--cases N] [--samples 300] [--keep] [--url DATABASE_URL (an already prepared database)]
//
// Per database: a fresh database seeded with `gongzhi seed --scale <scale>`, then 1,000,000 cases
// (5,000,000 at city scale) generated with bench/lib/cases.ts straight into cases + case_events, users
// made with `gongzhi user create`, and the app built with buildApp on that database. Requests go
// in-process through app.inject (no sockets) with a logged-in office user. Measured after a warm-up:
// (a) every tab of an organisation's work queue (overdue, all, toSign, inProgress, dueSoon, returned,
// toDispatch, toVerify), first page by deadline, and the district's "all" queue by location; (b) the case page with its timeline;
// (c) the monthly KPI table per street (the KPI endpoint when it exists, else the equivalent SQL);
// baselines: a primary-key lookup of one case row, and GET /healthz through the same app.
// EXPLAIN QUERY PLAN / EXPLAIN ANALYZE of the queries behind (a)–(c). Appends to bench/results/queue.md.
import { appendFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, sql } from 'kysely';
import { shanghaiPeriod } from '../domain/kpis.js';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { systemClock } from '../server/platform/clock.js';
import { openDatabase, type Database } from '../server/platform/db/database.js';
import { arg } from './lib/args.js';
import { END, generateCases, START } from './lib/cases.js';
import { scratchPg } from './lib/pg.js';
import { gongzhi, ROOT } from './lib/proc.js';
import { ms, sample, type Summary } from './lib/stats.js';
import { machineNote } from './machine.js';

const scale = arg('scale', 'district') as 'district' | 'city';
const dbs = arg('db', 'sqlite').split(',') as ('sqlite' | 'postgres')[];
const totalCases = Number(arg('cases', scale === 'city' ? '5000000' : '1000000'));
const samples = Number(arg('samples', '300'));
const reuseUrl = arg('url', '');
const keep = process.argv.includes('--keep');
const DISTRICT = '310115';
const MONTH = { from: '2026-10-01', to: '2026-10-31' };
// The month in Shanghai time, as stored UTC instants.
const { fromIso: MONTH_FROM, toIso: MONTH_TO } = shanghaiPeriod(MONTH.from, MONTH.to);
const PASSWORD = 'bench-queue-2026';
const TARGETS = { queue: 20, casePage: 20, kpi: 200 };
// Every tab of the work queue (server/modules/cases/queues/queues.service.ts), the busy organisation's.
const TABS = ['overdue', 'all', 'toSign', 'inProgress', 'dueSoon', 'returned', 'toDispatch', 'toVerify'];

const log = (s: string) => process.stderr.write(`${s}\n`);

interface Measure {
  name: string;
  what: string;
  summary: Summary;
  target: number | null;
}

interface Outcome {
  db: string;
  prepared: string;
  measures: Measure[];
  plans: string[];
  notes: string[];
}

async function prepare(
  kind: 'sqlite' | 'postgres',
): Promise<{ url: string; note: string; cleanup: () => Promise<void> }> {
  if (reuseUrl) return { url: reuseUrl, note: `reused ${reuseUrl}`, cleanup: async () => {} };
  let url: string;
  let cleanup: () => Promise<void>;
  let size: () => Promise<number>;
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gz-queue-'));
    const file = join(dir, 'queue.db');
    url = `sqlite:${file}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
    size = async () => [file, `${file}-wal`].reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0);
  } else {
    const pg = await scratchPg(`gz_bench_queue_${scale}`);
    url = pg.url;
    cleanup = pg.drop;
    size = pg.size;
  }
  log(`${kind}: gongzhi seed --scale ${scale} …`);
  let t = performance.now();
  await gongzhi(['seed', '--scale', scale], { DATABASE_URL: url }, true);
  const seedSeconds = (performance.now() - t) / 1000;
  log(
    `\n${kind}: seeded in ${seedSeconds.toFixed(0)} s; generating ${totalCases.toLocaleString('en')} cases…`,
  );
  const database = await openDatabase(url);
  t = performance.now();
  let lastReport = 0;
  const g = await generateCases(database, totalCases, 7, (done, total, events) => {
    if (performance.now() - lastReport > 5000 || done === total) {
      lastReport = performance.now();
      const s = (performance.now() - t) / 1000;
      log(
        `  ${done.toLocaleString('en')}/${total.toLocaleString('en')} cases, ${events.toLocaleString('en')} events, ${s.toFixed(0)} s (${(done / s).toFixed(0)} cases/s)`,
      );
    }
  });
  if (database.dialect === 'postgres') {
    // What autovacuum's analyze would have done by the time anyone looks at a queue.
    await sql`analyze cases`.execute(database.db);
    await sql`analyze case_events`.execute(database.db);
  } else database.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
  await database.close();
  const bytes = await size();
  const dist = Object.entries(g.byStatus)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${((100 * v) / g.cases).toFixed(1)}%`)
    .join(', ');
  const due = Object.entries(g.byDueState)
    .map(([k, v]) => `${k} ${((100 * v) / g.cases).toFixed(2)}%`)
    .join(', ');
  const note =
    `seed --scale ${scale} ${seedSeconds.toFixed(0)} s; ${g.cases.toLocaleString('en')} cases + ${g.events.toLocaleString('en')} events generated in ${g.seconds.toFixed(0)} s ` +
    `(${(g.cases / g.seconds).toFixed(0)} cases/s); database ${(bytes / 2 ** 30).toFixed(2)} GiB${kind === 'postgres' ? ' (analyzed)' : ''}.\n` +
    `Statuses: ${dist}. Due state: ${due}.`;
  log(note);
  return {
    url,
    note,
    cleanup: keep
      ? async () => {
          log(`kept ${url}`);
        }
      : cleanup,
  };
}

/** Runs EXPLAIN QUERY PLAN (SQLite) / EXPLAIN ANALYZE (PostgreSQL) of a compiled query. */
async function explain(database: Database, q: CompiledQuery): Promise<string> {
  const prefix =
    database.dialect === 'sqlite' ? 'explain query plan ' : 'explain (analyze, buffers, costs off) ';
  const rows = (await database.db.executeQuery(CompiledQuery.raw(prefix + q.sql, [...q.parameters])))
    .rows as Record<string, unknown>[];
  return rows
    .map((r) => `    ${String(database.dialect === 'sqlite' ? r.detail : r['QUERY PLAN'])}`)
    .join('\n');
}

async function benchDb(kind: 'sqlite' | 'postgres'): Promise<Outcome> {
  const { url, note, cleanup } = await prepare(kind);
  const notes: string[] = [];
  try {
    const database = await openDatabase(url);
    const db = database.db;
    // The busiest organisation by overdue cases, and an office user whose scope covers it.
    const busy = await db
      .selectFrom('cases')
      .innerJoin('organisations', 'organisations.id', 'cases.lead_org_id')
      .select(['organisations.id', 'organisations.name', 'organisations.division_code'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('cases.due_state', '=', 'overdue')
      .where('cases.district_code', '=', DISTRICT)
      .groupBy(['organisations.id', 'organisations.name', 'organisations.division_code'])
      .orderBy('n', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const leadTotal = await db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('lead_org_id', '=', busy.id)
      .executeTakeFirstOrThrow();
    const stamp = Date.now().toString(36);
    const queueUser = `bq-${busy.division_code.length === 9 ? 'street' : 'district'}-${stamp}`;
    const districtUser = `bq-district-${stamp}`;
    const env = { DATABASE_URL: url };
    await gongzhi(
      [
        'user',
        'create',
        '--username',
        districtUser,
        '--password',
        PASSWORD,
        '--role',
        'district_office',
        '--scope',
        `district:${DISTRICT}`,
      ],
      env,
    );
    if (busy.division_code.length === 9)
      await gongzhi(
        [
          'user',
          'create',
          '--username',
          queueUser,
          '--password',
          PASSWORD,
          '--role',
          'street_office',
          '--scope',
          `street:${busy.division_code}`,
        ],
        env,
      );
    const queueAs = busy.division_code.length === 9 ? queueUser : districtUser;
    notes.push(
      `busy organisation: ${busy.name} (${busy.division_code}): ${Number(busy.n).toLocaleString('en')} overdue of ${Number(leadTotal.n).toLocaleString('en')} cases it leads; queue read as a ${busy.division_code.length === 9 ? 'street' : 'district'} office user.`,
    );

    // Random case ids (and some ids for the PK baseline): probe the id order at random times.
    const randomIds = async (n: number, seed: number): Promise<string[]> => {
      const ids: string[] = [];
      let x = seed;
      while (ids.length < n) {
        x = (x * 1103515245 + 12345) % 2 ** 31;
        const at = START + (x / 2 ** 31) * (END - START);
        const prefix = Math.floor(at).toString(16).padStart(12, '0');
        const row = await db
          .selectFrom('cases')
          .select('id')
          .where('id', '>=', `${prefix.slice(0, 8)}-${prefix.slice(8)}`)
          .orderBy('id')
          .limit(1)
          .executeTakeFirst();
        if (row && !ids.includes(row.id)) ids.push(row.id);
      }
      return ids;
    };
    const pageIds = await randomIds(samples + 40, 11);
    const pkIds = await randomIds(samples + 40, 29);
    const street = await db
      .selectFrom('cases')
      .select('street_code')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('district_code', '=', DISTRICT)
      .where('created_at', '>=', MONTH_FROM)
      .where('created_at', '<', MONTH_TO)
      .groupBy('street_code')
      .orderBy('n', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();

    const deps = {
      database,
      clock: systemClock,
      config: loadConfig({ GONGZHI_MODE: 'production', LOG_LEVEL: 'silent', DATABASE_URL: url }),
    };
    const app = await buildApp(deps);
    await app.ready();
    // Capture the SQL of one request of each kind (non-transactional reads go through this executor).
    const executor = db.getExecutor() as unknown as { executeQuery: (q: CompiledQuery) => Promise<unknown> };
    const original = executor.executeQuery.bind(executor);
    let captured: CompiledQuery[] | null = null;
    executor.executeQuery = (q: CompiledQuery) => {
      captured?.push(q);
      return original(q);
    };
    const login = async (username: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      return `gz_session=${res.cookies.find((c) => c.name === 'gz_session')!.value}`;
    };
    const queueCookie = await login(queueAs);
    const districtCookie = await login(districtUser);
    const get = async (url: string, cookie: string | null) => {
      const res = await app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
      if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res;
    };
    const tabUrl = (tab: string) => `/api/v1/cases?queue=${tab}&orgId=${busy.id}`;
    const queueUrl = tabUrl('overdue');
    const districtAllUrl = '/api/v1/cases?queue=all';
    const firstPage = (await get(queueUrl, queueCookie)).json() as { items: { nextDueAt: string }[] };
    notes.push(
      `overdue queue first page: ${firstPage.items.length} items, oldest deadline ${firstPage.items[0]?.nextDueAt ?? '—'}.`,
    );

    const kpiUrl = `/api/v1/kpis/cases?groupBy=street&district=${DISTRICT}&from=${MONTH.from}&to=${MONTH.to}`;
    const kpiProbe = await app.inject({ method: 'GET', url: kpiUrl, headers: { cookie: districtCookie } });
    const kpiEndpoint = kpiProbe.statusCode === 200;
    const streetKpi = sql<{ status: string; ontime: number | null; satisfaction: string | null; n: number }>`
      select status, ontime, satisfaction, count(*) as n from cases
      where street_code = ${street.street_code} and created_at >= ${MONTH_FROM} and created_at < ${MONTH_TO}
      group by status, ontime, satisfaction`;
    const districtKpi = sql<Record<string, unknown>>`
      select street_code as key, count(*) as total, sum(proactive) as proactive,
        sum(case when accepted_ontime = 1 then 1 else 0 end) as accepted_ontime,
        sum(case when accepted_ontime is not null then 1 else 0 end) as accepted,
        sum(case when ontime = 1 then 1 else 0 end) as ontime,
        sum(case when ontime is not null then 1 else 0 end) as closed,
        sum(case when resolved = 1 then 1 else 0 end) as resolved,
        sum(case when resolved is not null then 1 else 0 end) as reported,
        sum(case when satisfaction in ('satisfied', 'basicallySatisfied') then 1 else 0 end) as satisfied,
        sum(case when satisfaction is not null then 1 else 0 end) as rated,
        sum(case when reopen_count > 0 then 1 else 0 end) as repeated,
        sum(case when status = 'parked' then 1 else 0 end) as parked
      from cases
      where district_code = ${DISTRICT} and created_at >= ${MONTH_FROM} and created_at < ${MONTH_TO}
      group by street_code`;
    const streetRows = (await streetKpi.execute(db)).rows;
    notes.push(
      kpiEndpoint
        ? `KPI endpoint present: ${(kpiProbe.json() as { items?: unknown[] }).items?.length ?? '?'} rows.`
        : `KPI endpoint not there yet (GET ${kpiUrl} → ${kpiProbe.statusCode}): measured the equivalent SQL aggregates directly (${street.street_code}: ${streetRows.reduce((a, r) => a + Number(r.n), 0)} cases in ${MONTH.from.slice(0, 7)}).`,
    );

    // The plans.
    const plans: string[] = [];
    const planOf = async (label: string, run: () => Promise<unknown>, only?: RegExp) => {
      captured = [];
      await run();
      const qs = captured as CompiledQuery[];
      captured = null;
      for (const q of qs) {
        if (only && !only.test(q.sql)) continue;
        plans.push(
          `${label}: ${q.sql.replace(/\s+/g, ' ').slice(0, 160)}${q.sql.length > 160 ? '…' : ''}\n${await explain(database, q)}`,
        );
      }
    };
    for (const tab of TABS)
      await planOf(`(a) queue ${tab}`, () => get(tabUrl(tab), queueCookie), /from "cases"/);
    await planOf('(a) queue all, district scope', () => get(districtAllUrl, districtCookie), /from "cases"/);
    await planOf(
      '(b) case page',
      () => get(`/api/v1/cases/${pageIds[0]}`, districtCookie),
      /"case_events"|from "cases"|"case_photos"|"case_cohandlers"/,
    );
    plans.push(
      `(c) street KPI: ${streetKpi.compile(db).sql.replace(/\s+/g, ' ').trim()}\n${await explain(database, streetKpi.compile(db))}`,
    );
    plans.push(
      `(c) district KPI by street: …where district_code = ? and created_at in month group by street_code\n${await explain(database, districtKpi.compile(db))}`,
    );
    if (kpiEndpoint) await planOf('(c) KPI endpoint', () => get(kpiUrl, districtCookie), /\bcases\b/);
    for (const p of plans) log(p);

    const measures: Measure[] = [];
    const measure = async (
      name: string,
      what: string,
      target: number | null,
      fn: (i: number) => Promise<unknown>,
    ) => {
      const summary = await sample(fn, samples, 30);
      measures.push({ name, what, summary, target });
      log(`  ${name}: median ${ms(summary.median)} ms, p95 ${ms(summary.p95)} ms, p99 ${ms(summary.p99)} ms`);
    };
    log(`${kind}: measuring (${samples} samples each after 30 warm-up calls)…`);
    await measure(
      'baseline: primary-key lookup',
      'select * from cases where id = ? (Kysely, no HTTP)',
      null,
      (i) =>
        db
          .selectFrom('cases')
          .selectAll()
          .where('id', '=', pkIds[i % pkIds.length])
          .executeTakeFirstOrThrow(),
    );
    await measure('baseline: GET /healthz', 'app.inject, one trivial query', null, () =>
      get('/healthz', null),
    );
    for (const tab of TABS)
      await measure(
        `(a) ${tab} queue, first page`,
        `GET ${tabUrl(tab).replace(busy.id, '<org>')}`,
        TARGETS.queue,
        () => get(tabUrl(tab), queueCookie),
      );
    await measure(
      '(a) all queue of the district, first page',
      `GET ${districtAllUrl} as the district office (location scope)`,
      TARGETS.queue,
      () => get(districtAllUrl, districtCookie),
    );
    await measure(
      '(b) case page with timeline',
      'GET /api/v1/cases/:id (a different case each time)',
      TARGETS.casePage,
      (i) => get(`/api/v1/cases/${pageIds[(i + 1) % pageIds.length]}`, districtCookie),
    );
    if (kpiEndpoint)
      await measure('(c) KPI endpoint, district by street, one month', `GET ${kpiUrl}`, TARGETS.kpi, () =>
        get(kpiUrl, districtCookie),
      );
    await measure(
      `(c) street monthly KPI (SQL${kpiEndpoint ? '' : ', endpoint missing'})`,
      'count by status/ontime/satisfaction, one street, one month',
      TARGETS.kpi,
      () => streetKpi.execute(db),
    );
    await measure(
      `(c) district KPI table by street (SQL${kpiEndpoint ? '' : ', endpoint missing'})`,
      'KpiRow counts for every street of the district, one month',
      TARGETS.kpi,
      () => districtKpi.execute(db),
    );
    await app.close();
    await database.close();
    return { db: kind, prepared: note, measures, plans, notes };
  } finally {
    await cleanup();
  }
}

const outcomes: Outcome[] = [];
for (const kind of dbs) outcomes.push(await benchDb(kind));

const out = join(ROOT, 'bench/results/queue.md');
if (!existsSync(out)) {
  appendFileSync(
    out,
    '# Work queues, case page and KPIs on a large case history\n\n' +
      '`npm run bench:queue -- --db sqlite,postgres` — `gongzhi seed --scale district`, then 1,000,000 generated cases\n' +
      '(bench/lib/cases.ts: two years, realistic statuses, 6–7 events per closed case) on a fresh database; requests\n' +
      'in-process through `app.inject` (buildApp on that database, no sockets) as a logged-in office user; 300 samples\n' +
      `each after 30 warm-up calls. Targets (p95): queue ≤ ${TARGETS.queue} ms, case page ≤ ${TARGETS.casePage} ms, KPI table ≤ ${TARGETS.kpi} ms. Ratios are\n` +
      'medians over the primary-key lookup baseline of the same run.\n',
  );
}
let section = `\n## ${new Date().toISOString().slice(0, 16)}Z — ${scale}, ${totalCases.toLocaleString('en')} cases — ${machineNote()}\n`;
for (const o of outcomes) {
  const pk = o.measures[0].summary.median;
  section +=
    `\n### ${o.db}\n\n${o.prepared}\n\n${o.notes.map((n) => `- ${n}`).join('\n')}\n\n` +
    '| measure | median | p95 | p99 | × PK lookup | target (p95) |\n|---|---|---|---|---|---|\n' +
    o.measures
      .map(
        (m) =>
          `| ${m.name} | ${ms(m.summary.median)} ms | ${ms(m.summary.p95)} ms | ${ms(m.summary.p99)} ms | ${(m.summary.median / pk).toFixed(1)} | ${
            m.target === null ? '—' : `≤ ${m.target} ms: ${m.summary.p95 <= m.target ? 'met' : '**missed**'}`
          } |`,
      )
      .join('\n') +
    `\n\n<details><summary>Query plans (${o.db === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN ANALYZE'})</summary>\n\n\`\`\`\n${o.plans.join('\n')}\n\`\`\`\n</details>\n`;
}
appendFileSync(out, section);
log(`appended to ${out}`);
for (const o of outcomes)
  for (const m of o.measures)
    console.log(
      `queue ${o.db}: ${m.name}: median ${ms(m.summary.median)} ms p95 ${ms(m.summary.p95)} ms p99 ${ms(m.summary.p99)} ms${m.target === null ? '' : m.summary.p95 <= m.target ? ' (target met)' : ` (TARGET ${m.target} ms MISSED)`}`,
    );
