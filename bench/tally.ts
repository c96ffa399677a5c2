// Tally of a 10,000-unit compound through the API: GET /api/v1/governance/decisions/:id/result with ~8,000
// ballots (median and p95 over repeated requests, app.inject — no network), plus the one-off costs of
// opening the decision (roll snapshot) and closing it (result frozen). Baselines measured in the same run: the
// bare counting (domain tallyVote on the same units and ballots, in memory) and the HTTP floor (GET /healthz
// through the same app.inject), so the result's cost can be read as floor + counting + reading the documents.
// usage: npm run bench:tally -- [--db sqlite,postgres] [--units 10000] [--ballots 8000] [--runs 50]
// PostgreSQL needs BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres, used to create a
// scratch database). Results are appended to bench/results/tally.md.
import { appendFileSync, existsSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { fixedClock } from '../server/platform/clock.js';
import { bulkInserter } from '../server/platform/db/bulk.js';
import { openDatabase } from '../server/platform/db/database.js';
import { migrate } from '../server/platform/db/migrate.js';
import type { Deps } from '../server/platform/deps.js';
import { newId } from '../server/platform/ids.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../server/seed/demo-accounts.js';
import { prng, seedSynthetic } from '../server/seed/synthetic.js';
import { tallyVote, type Choice } from '../domain/vote-tally.js';
import { machineNote, median, percentile } from './machine.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const dbs = arg('db', 'sqlite,postgres').split(',');
const UNITS = Number(arg('units', '10000'));
const BALLOTS = Number(arg('ballots', '8000'));
const RUNS = Number(arg('runs', '50'));
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const HUAMU = '310115016';
const DAY = 86_400_000;

async function bench(kind: string): Promise<string> {
  let url: string;
  let cleanup = async () => {};
  if (kind === 'sqlite') {
    url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'gz-tally-')), 'tally.db')}`;
  } else {
    const name = 'gz_bench_tally';
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
    cleanup = async () => {
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    };
  }
  const database = await openDatabase(url);
  await migrate(database);
  const clock = fixedClock('2026-11-26T02:00:00Z');
  const deps: Deps = { database, clock, config: loadConfig({ GONGZHI_MODE: 'demo', LOG_LEVEL: 'silent' }) };
  await seedSynthetic(database, 'test', 1);
  await seedDemoAccounts(deps);

  // A 10,000-unit compound: 100 buildings, ~3 % of owners hold two units, ~4 % unsold (the developer).
  const r = prng(7);
  const compoundId = newId();
  const stamp = {
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    version: 1,
  };
  await database.db.transaction().execute(async (trx) => {
    const b = bulkInserter(database, trx);
    const developer = newId();
    await b.add('compounds', {
      id: compoundId,
      code: `${HUAMU}-BENCH`,
      name: '基准测试万户小区',
      address: '浦东新区花木路1号',
      district_code: '310115',
      street_code: HUAMU,
      residents_committee_id: null,
      grid_cell_id: null,
      lat: null,
      lng: null,
      building_area: 0,
      first_delivery_on: '2015-06-01',
      management_area_name: null,
      ...stamp,
    });
    await b.add('owners', {
      id: developer,
      kind: 'developer',
      name: '基准置业',
      phone: null,
      id_number: null,
      ...stamp,
    });
    const perBuilding = Math.ceil(UNITS / 100);
    let previous: string | null = null;
    let area = 0;
    for (let k = 0; k < 100; k++) {
      const buildingId = newId();
      await b.add('buildings', {
        id: buildingId,
        compound_id: compoundId,
        name: `${k + 1}号楼`,
        floors: 25,
        ...stamp,
      });
      for (let u = 0; u < perBuilding && k * perBuilding + u < UNITS; u++) {
        const unitId = newId();
        const centi = r.int(60, 180) * 100 + r.int(0, 99);
        const p = r.next();
        area += centi;
        await b.add('units', {
          id: unitId,
          compound_id: compoundId,
          building_id: buildingId,
          number: `${Math.floor(u / 4) + 1}${String((u % 4) + 1).padStart(2, '0')}`,
          use: 'residential',
          registered_area: p < 0.9 ? centi : null,
          surveyed_area: p >= 0.9 && p < 0.97 ? centi : null,
          contract_area: p >= 0.97 ? centi : null,
          delivered_on: '2015-06-01',
          entrance: null,
          ...stamp,
        });
        let owner: string;
        if (r.chance(0.04)) owner = developer;
        else if (previous && r.chance(0.03)) owner = previous;
        else {
          owner = newId();
          previous = owner;
          await b.add('owners', {
            id: owner,
            kind: 'person',
            name: `业主${u}`,
            phone: null,
            id_number: null,
            ...stamp,
          });
        }
        await b.add('unit_owners', { unit_id: unitId, owner_id: owner, compound_id: compoundId });
      }
    }
    await b.flush();
    await trx.updateTable('compounds').set({ building_area: area }).where('id', '=', compoundId).execute();
  });

  const app = await buildApp(deps);
  await app.ready();
  const login = async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'huamu', password: DEMO_PASSWORD },
    });
    const cookie = `gz_session=${res.cookies.find((c) => c.name === 'gz_session')!.value}`;
    const csrf = (res.json() as { csrfToken: string }).csrfToken;
    return { cookie, 'x-csrf-token': csrf };
  };
  let headers = await login();
  const now = clock.now().getTime();
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/governance/decisions',
    headers,
    payload: {
      compoundId,
      matter: 'use_fund',
      method: 'written',
      title: '使用专项维修资金（基准）',
      opensAt: new Date(now + 16 * DAY).toISOString(),
      closesAt: new Date(now + 30 * DAY).toISOString(),
    },
  });
  const decision = created.json() as { id: string; version: number };
  // 《规定》 Art 25 ¶2: the written notices to the 房管机构 and the 居民委员会 before it opens.
  for (const recipient of ['housing_office', 'residents_committee']) {
    const n = await app.inject({
      method: 'POST',
      url: `/api/v1/governance/decisions/${decision.id}/meeting-notices`,
      headers,
      payload: { recipient, recipientName: '基准', notifiedOn: '2026-11-26' },
    });
    if (n.statusCode !== 200) throw new Error(`meeting notice: ${n.statusCode} ${n.body}`);
  }
  let t0 = performance.now();
  const opened = await app.inject({
    method: 'POST',
    url: `/api/v1/governance/decisions/${decision.id}/actions`,
    headers,
    payload: { action: 'open', version: decision.version, noticePostedOn: '2026-11-26' },
  });
  const openMs = performance.now() - t0;
  if (opened.statusCode !== 200) throw new Error(`open: ${opened.statusCode} ${opened.body}`);

  // ~8,000 ballots straight into the table (the API path is covered by the route tests).
  const owners = await database.db
    .selectFrom('decision_units')
    .select(['owner_id', 'unit_id'])
    .where('decision_id', '=', decision.id)
    .execute();
  const firstUnit = new Map<string, string>();
  for (const o of owners) if (!firstUnit.has(o.owner_id)) firstUnit.set(o.owner_id, o.unit_id);
  const voters = [...firstUnit].slice(0, BALLOTS);
  await database.db.transaction().execute(async (trx) => {
    const b = bulkInserter(database, trx);
    for (const [owner, unit] of voters) {
      const x = r.next();
      await b.add('ballots', {
        id: newId(),
        decision_id: decision.id,
        owner_id: owner,
        unit_id: unit,
        choice: x < 0.7 ? 'yes' : x < 0.9 ? 'no' : 'abstain',
        channel: x < 0.8 ? 'web' : 'desk',
        proxy_name: null,
        proxy_document: null,
        recorded_by: null,
        recorded_by_name: null,
        at: new Date(now + 17 * DAY).toISOString(),
      });
    }
    await b.flush();
  });

  clock.advance(31 * DAY);
  headers = await login();
  const view = (
    await app.inject({ method: 'GET', url: `/api/v1/governance/decisions/${decision.id}`, headers })
  ).json() as { version: number };
  t0 = performance.now();
  const closed = await app.inject({
    method: 'POST',
    url: `/api/v1/governance/decisions/${decision.id}/actions`,
    headers,
    payload: { action: 'close', version: view.version },
  });
  const closeMs = performance.now() - t0;
  if (closed.statusCode !== 200) throw new Error(`close: ${closed.statusCode} ${closed.body}`);

  const times: number[] = [];
  let tally: { totalPersons: number; participatingPersons: number; passed: boolean } | null = null;
  for (let i = 0; i < RUNS + 5; i++) {
    const s = performance.now();
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/governance/decisions/${decision.id}/result`,
      headers,
    });
    const ms = performance.now() - s;
    if (res.statusCode !== 200) throw new Error(`result: ${res.statusCode} ${res.body}`);
    if (i >= 5) times.push(ms); // warm-up
    tally = (res.json() as { tally: typeof tally }).tally;
  }
  // Baselines in the same process and run: the bare counting and the HTTP floor.
  const roll = await database.db
    .selectFrom('decision_units')
    .select(['unit_id', 'owner_id', 'registered_area', 'surveyed_area', 'contract_area'])
    .where('decision_id', '=', decision.id)
    .execute();
  const cast = await database.db
    .selectFrom('ballots')
    .select(['owner_id', 'choice'])
    .where('decision_id', '=', decision.id)
    .execute();
  const input = {
    matter: 'use_fund' as const,
    units: roll.map((u) => ({
      id: u.unit_id,
      owner: u.owner_id,
      registeredArea: u.registered_area,
      surveyedArea: u.surveyed_area,
      contractArea: u.contract_area,
    })),
    ballots: cast.map((b) => ({ owner: b.owner_id, choice: b.choice as Choice })),
  };
  const counting: number[] = [];
  for (let i = 0; i < RUNS + 5; i++) {
    const s = performance.now();
    tallyVote(input);
    if (i >= 5) counting.push(performance.now() - s);
  }
  const floor: number[] = [];
  for (let i = 0; i < RUNS + 5; i++) {
    const s = performance.now();
    await app.inject({ method: 'GET', url: '/healthz' });
    if (i >= 5) floor.push(performance.now() - s);
  }
  await app.close();
  await database.close();
  await cleanup();
  const line = `| ${kind} | ${UNITS.toLocaleString('en')} | ${voters.length.toLocaleString('en')} | ${tally!.totalPersons.toLocaleString('en')} | ${openMs.toFixed(0)} ms | ${closeMs.toFixed(0)} ms | ${median(times).toFixed(1)} ms | ${percentile(times, 95).toFixed(1)} ms | ${median(counting).toFixed(1)} ms | ${median(floor).toFixed(2)} ms |`;
  console.log(line);
  return line;
}

const lines: string[] = [];
for (const kind of dbs) lines.push(await bench(kind));

const out = new URL('./results/tally.md', import.meta.url).pathname;
if (!existsSync(out)) {
  appendFileSync(
    out,
    '# Tally of a 10,000-unit compound through the API\n\n' +
      '`npm run bench:tally` — `GET /api/v1/governance/decisions/:id/result` (Fastify `inject`, session cookie, ' +
      'scope check, the frozen roll and ballot documents read, `tallyVote` and the abstention split, JSON) over ' +
      `${RUNS} requests after 5 warm-ups; also the one-off open (roll snapshot) and close (result frozen). Target: under 100 ms.\n`,
  );
}
appendFileSync(
  out,
  `\n## ${new Date().toISOString().slice(0, 16)}Z — ${machineNote()}, load average ${loadavg()[0].toFixed(1)} at the end\n\n| database | units | ballots | persons | open (snapshot) | close | result median | result p95 | baseline: tallyVote median | baseline: HTTP floor median |\n|---|---|---|---|---|---|---|---|---|---|\n${lines.join('\n')}\n`,
);
console.log(`appended to ${out}`);
