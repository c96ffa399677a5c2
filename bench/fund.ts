// Maintenance fund (issue 11 targets): a payment apportioned over a 3,000-unit compound with its ledger entries
// written (p95 ≤ 200 ms), the compound's ledger statement (p95 ≤ 100 ms), and `fund verify` at district scale
// (≈ 1.8 M unit ledgers, < 60 s). In-process through the services (no HTTP). Baseline in the same run: the
// bare arithmetic (domain apportionCost over the same 3,000 areas), so the payment's cost reads as arithmetic
// plus the database work.
// usage: npm run bench:fund -- [--db sqlite,postgres] [--units 3000] [--runs 40] [--verify-units 1800000]
// Results are appended to bench/results/fund.md.
import { appendFileSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { apportionCost } from '../domain/fund.js';
import { loadConfig } from '../server/config.js';
import { fixedClock } from '../server/platform/clock.js';
import { bulkInserter } from '../server/platform/db/bulk.js';
import { openDatabase, type Database } from '../server/platform/db/database.js';
import { migrate } from '../server/platform/db/migrate.js';
import type { Deps } from '../server/platform/deps.js';
import type { Actor } from '../server/platform/http/context.js';
import { newId } from '../server/platform/ids.js';
import { seedSynthetic } from '../server/seed/synthetic.js';
import * as fund from '../server/modules/fund/fund.service.js';
import { arg } from './lib/args.js';
import { scratchPg } from './lib/pg.js';
import { ms, sample, type Summary } from './lib/stats.js';
import { machineNote } from './machine.js';

const dbs = arg('db', 'sqlite,postgres').split(',');
const UNITS = Number(arg('units', '3000'));
const RUNS = Number(arg('runs', '40'));
const VERIFY_UNITS = Number(arg('verify-units', '1800000'));
const PER_BUILDING = 100;

const actor = (grants: Actor['grants']): Actor => ({
  userId: 'bench',
  username: 'bench',
  displayName: 'bench',
  grants,
  csrfToken: '',
  via: 'session',
});

interface Row {
  db: string;
  payment: Summary;
  arithmetic: Summary;
  statement: Summary;
  building: Summary;
  verifySeconds: number;
  verifyUnits: number;
}

async function open(kind: string): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const database = await openDatabase(`sqlite:${join(mkdtempSync(join(tmpdir(), 'gz-fund-')), 'fund.db')}`);
    return { database, drop: () => database.close() };
  }
  const scratch = await scratchPg('gz_bench_fund');
  const database = await openDatabase(scratch.url);
  return {
    database,
    drop: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}

/** One compound of `units` units in buildings of 100, areas 60.00–179.99 m² (deterministic). */
async function bigCompound(database: Database, units: number) {
  const db = database.db;
  const street = await db
    .selectFrom('compounds')
    .select(['street_code', 'district_code'])
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const compoundId = newId();
  await db.transaction().execute(async (trx) => {
    const bulk = bulkInserter(database, trx);
    await bulk.add('compounds', {
      id: compoundId,
      code: `BENCH-${compoundId.slice(-6)}`,
      name: '基准测试大型小区',
      address: '基准路 1 号',
      district_code: street.district_code,
      street_code: street.street_code,
      residents_committee_id: null,
      grid_cell_id: null,
      lat: null,
      lng: null,
      building_area: 0,
      first_delivery_on: '2010-01-01',
      management_area_name: null,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    for (let b = 0; b * PER_BUILDING < units; b++) {
      const buildingId = newId();
      await bulk.add('buildings', {
        id: buildingId,
        compound_id: compoundId,
        name: `${b + 1}号楼`,
        floors: 25,
        created_at: now,
        updated_at: now,
        version: 1,
      });
      for (let u = 0; u < PER_BUILDING && b * PER_BUILDING + u < units; u++) {
        const i = b * PER_BUILDING + u;
        await bulk.add('units', {
          id: newId(),
          compound_id: compoundId,
          building_id: buildingId,
          number: `${Math.floor(u / 4) + 1}${String((u % 4) + 1).padStart(2, '0')}`,
          use: 'residential',
          registered_area: 6000 + ((i * 7919) % 12000),
          surveyed_area: null,
          contract_area: null,
          entrance: null,
          delivered_on: '2010-01-01',
          created_at: now,
          updated_at: now,
          version: 1,
        });
      }
    }
    await bulk.flush();
  });
  return compoundId;
}

/** A posted, passed use_fund decision of the whole compound (how the governance module leaves one). */
async function passedDecision(database: Database, compoundId: string) {
  const id = newId();
  const now = new Date().toISOString();
  await database.db
    .insertInto('decisions')
    .values({
      id,
      compound_id: compoundId,
      scope: 'compound',
      building_ids_json: '[]',
      matter: 'use_fund',
      method: 'written',
      title: '基准：全体共用部分维修',
      description: '',
      opens_at: now,
      closes_at: now,
      status: 'published',
      notice_posted_on: '2026-01-01',
      notice_days: 15,
      unit_count: 0,
      ballot_count: 0,
      result_json: JSON.stringify({ tally: { passed: true } }),
      roll_json: null,
      ballots_json: null,
      opened_at: now,
      closed_at: now,
      publish_due_on: '2026-01-01',
      published_at: now,
      notice_ends_on: null,
      created_by: null,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
  return id;
}

async function benchDb(kind: string): Promise<Row> {
  const { database, drop } = await open(kind);
  try {
    await migrate(database);
    await seedSynthetic(database, 'test', 1);
    const deps: Deps = {
      database,
      clock: fixedClock('2026-11-26T02:00:00Z'),
      config: loadConfig({ GONGZHI_MODE: 'demo', LOG_LEVEL: 'silent' }),
    };
    const compoundId = await bigCompound(database, UNITS);
    const admin = actor([{ role: 'admin', scopeType: 'city', scopeId: 'all' }]);
    const committee = actor([
      { role: 'owners_committee_member', scopeType: 'compound', scopeId: compoundId },
    ]);
    await fund.openAccount(
      deps,
      admin,
      compoundId,
      { bankName: 'b', accountName: 'a', openedOn: '2026-01-01' },
      'b',
    );
    const units = await database.db
      .selectFrom('units')
      .select(['id', 'registered_area', 'building_id'])
      .where('compound_id', '=', compoundId)
      .execute();
    await fund.recordEntries(
      deps,
      admin,
      compoundId,
      {
        kind: 'initial_deposit',
        on: '2026-01-02',
        memo: '首期',
        items: units.map((u) => ({ unitId: u.id, amount: '100000.00' })),
      },
      'b',
    );
    const decisionId = await passedDecision(database, compoundId);
    let voucher = 0;
    const payment = await sample(
      () =>
        fund.payOnDecision(
          deps,
          committee,
          compoundId,
          {
            reference: `B-${voucher++}`,
            title: '基准列支',
            cost: '12345.67',
            decisionId,
            paidOn: '2026-11-26',
          },
          'b',
        ),
      RUNS,
      3,
    );
    const areas = units.map((u) => ({ id: u.id, centi: u.registered_area! }));
    const arithmetic = await sample(async () => apportionCost(1_234_567, areas), RUNS, 3);
    const statement = await sample(() => fund.getFund(deps, admin, compoundId), RUNS, 3);
    const building = await sample(
      () => fund.buildingUnits(deps, admin, compoundId, units[0].building_id),
      RUNS,
      3,
    );
    // verify at district scale: the big compound's real ledgers plus generated ones
    const extra = Math.max(0, VERIFY_UNITS - UNITS);
    if (extra > 0) await verifyScale(database, extra);
    const t0 = performance.now();
    const v = await fund.verifyLedgers(database.db);
    const verifySeconds = (performance.now() - t0) / 1000;
    if (!v.ok) throw new Error(`verify found mismatches: ${JSON.stringify(v.mismatches[0])}`);
    return { db: kind, payment, arithmetic, statement, building, verifySeconds, verifyUnits: v.units };
  } finally {
    await drop();
  }
}

/** `n` more unit ledgers (and their units and one entry each), in accounts of 1,000, consistent at every level. */
async function verifyScale(database: Database, n: number) {
  const db = database.db;
  const pg = database.dialect === 'postgres';
  const c = await db
    .selectFrom('compounds')
    .select(['id', 'district_code', 'street_code'])
    .executeTakeFirstOrThrow();
  const t = '2026-01-01T00:00:00.000Z';
  const perAccount = 1000;
  const accounts = Math.ceil(n / perAccount);
  const gen = (count: number) =>
    pg
      ? sql.raw(`generate_series(0, ${count - 1}) as s(i)`)
      : sql.raw(
          `(with recursive r(i) as (select 0 union all select i + 1 from r where i < ${count - 1}) select i from r) as s`,
        );
  const pad = pg ? sql.raw(`lpad(i::text, 8, '0')`) : sql.raw(`substr('0000000' || i, -8)`);
  const acc = pg ? sql.raw(`(i / ${perAccount})`) : sql.raw(`(i / ${perAccount})`);
  await sql`insert into compounds (id, code, name, address, district_code, street_code, building_area, created_at, updated_at, version)
    select 'vc-' || i, 'VC' || i, 'v', 'v', ${c.district_code}, ${c.street_code}, 0, ${t}, ${t}, 1 from ${gen(accounts)}`.execute(
    db,
  );
  await sql`insert into buildings (id, compound_id, name, floors, created_at, updated_at, version)
    select 'vb-' || i, 'vc-' || i, 'v', 1, ${t}, ${t}, 1 from ${gen(accounts)}`.execute(db);
  await sql`insert into fund_accounts (id, compound_id, bank_name, account_name, opened_on, balance_fen, created_at, updated_at, version)
    select 'va-' || i, 'vc-' || i, 'b', 'a', '2026-01-01', 0, ${t}, ${t}, 1 from ${gen(accounts)}`.execute(
    db,
  );
  await sql`insert into units (id, compound_id, building_id, number, use, registered_area, created_at, updated_at, version)
    select 'vu-' || ${pad}, 'vc-' || ${acc}, 'vb-' || ${acc}, ${pad}, 'residential', 8000, ${t}, ${t}, 1 from ${gen(n)}`.execute(
    db,
  );
  await sql`insert into fund_unit_ledgers (unit_id, account_id, building_id, initial_fen, balance_fen, updated_at)
    select 'vu-' || ${pad}, 'va-' || ${acc}, 'vb-' || ${acc}, 640000, 640000, ${t} from ${gen(n)}`.execute(
    db,
  );
  await sql`insert into fund_entries (id, account_id, building_id, unit_id, kind, amount_fen, entry_on, memo, created_at)
    select 've-' || ${pad}, 'va-' || ${acc}, 'vb-' || ${acc}, 'vu-' || ${pad}, 'initial_deposit', 640000, '2026-01-01', '首期', ${t}
    from ${gen(n)}`.execute(db);
  await sql`insert into fund_building_ledgers (building_id, account_id, balance_fen, updated_at)
    select building_id, account_id, sum(balance_fen), ${t} from fund_unit_ledgers where building_id like 'vb-%'
    group by building_id, account_id`.execute(db);
  await sql`update fund_accounts set balance_fen = (select coalesce(sum(balance_fen), 0) from fund_building_ledgers b
    where b.account_id = fund_accounts.id) where id like 'va-%'`.execute(db);
}

const rows: Row[] = [];
for (const kind of dbs) {
  process.stderr.write(`fund bench on ${kind}…\n`);
  rows.push(await benchDb(kind));
}
const line = (r: Row) =>
  `| ${r.db} | ${ms(r.payment.median)} | ${ms(r.payment.p95)} | ${ms(r.arithmetic.median)} | ${ms(r.statement.median)} | ${ms(r.statement.p95)} | ${ms(r.building.p95)} | ${r.verifyUnits.toLocaleString('en')} | ${r.verifySeconds.toFixed(1)} s | ${
    [
      r.payment.p95 <= 200 ? '' : 'payment',
      r.statement.p95 <= 100 ? '' : 'statement',
      r.verifySeconds < 60 ? '' : 'verify',
    ]
      .filter(Boolean)
      .join(', ') || 'met'
  } |`;
const report = [
  `\n## ${new Date().toISOString().slice(0, 16)}Z — ${machineNote()}, load ${loadavg()[0].toFixed(1)}\n`,
  `${UNITS.toLocaleString('en')}-unit compound, ${RUNS} runs each (ms).\n`,
  '| database | payment p50 | payment p95 | arithmetic p50 | statement p50 | statement p95 | building (100 units) p95 | verify ledgers | verify | targets missed |',
  '|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map(line),
  '',
].join('\n');
process.stdout.write(report);
appendFileSync(join(import.meta.dirname, 'results', 'fund.md'), report);
