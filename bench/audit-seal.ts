// Cost of one audit sealer tick against the size of the sealed log.
// usage: npm run bench:audit -- [--db sqlite|postgres|sqlite,postgres] [--sizes 10000,1000000]
//        [--ticks 30] [--batch 200]
//
// Per database: a fresh database, migrated; the log is filled straight with SQL to each size in turn
// (sealed records with realistic widths, the same kind of rows the sealer leaves), then `--ticks` times:
// 200 new records are appended (untimed, as writers do) and one sealer tick is timed — sealAuditLog with
// maxBatches 1, i.e. find the pending batch, check the chain head against its signed anchor, HMAC and
// link each record, commit, write the anchor file (fsync + rename). Reported: median and p95 per size,
// and, in the same run, the lookup of the next pending batch as the sealer did it before migration 0007
// (the partial index audit_log_pending set aside), which walked the sealed log. Appends to
// bench/results/audit-seal.md.
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { appendAudit } from '../server/platform/audit/audit.js';
import { fileAnchorStore, type AuditChain } from '../server/platform/audit/chain.js';
import { sealAuditLog } from '../server/platform/audit/seal.js';
import { openDatabase, type Database } from '../server/platform/db/database.js';
import { migrate } from '../server/platform/db/migrate.js';
import { randomBytes } from 'node:crypto';
import { arg } from './lib/args.js';
import { scratchPg } from './lib/pg.js';
import { ROOT } from './lib/proc.js';
import { ms, summarise, type Summary } from './lib/stats.js';
import { machineNote } from './machine.js';
import { AFTER, fillAudit as fill } from './lib/audit-fill.js';

const dbs = arg('db', 'sqlite,postgres').split(',') as ('sqlite' | 'postgres')[];
const sizes = arg('sizes', '10000,1000000').split(',').map(Number);
const ticks = Number(arg('ticks', '30'));
const batch = Number(arg('batch', '200'));
const log = (s: string) => process.stderr.write(`${s}\n`);

async function appendPending(database: Database, n: number, round: number): Promise<void> {
  const at = new Date(Date.UTC(2026, 11, 1, 0, 0, round)).toISOString();
  await database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < n; i++)
      await appendAudit(
        trx,
        { id: 'u-bench', name: '基准' },
        {
          action: 'cases.case.dispatch',
          targetType: 'case',
          targetId: `c${round}-${i}`,
          after: JSON.parse(AFTER),
        },
        at,
      );
  });
}

/** The pending lookup as it ran before migration 0007: no partial index, so it walks (at, id). */
async function oldPendingLookup(database: Database): Promise<number> {
  const { db } = database;
  const query = `select * from audit_log where hash is null order by at, id limit ${batch}`;
  if (database.dialect === 'sqlite') {
    const t = performance.now();
    await sql.raw(query.replace('audit_log', 'audit_log indexed by audit_log_at')).execute(db);
    return performance.now() - t;
  }
  // PostgreSQL: set the index aside inside a transaction that is rolled back.
  let elapsed = 0;
  const rollback = new Error('rollback');
  await db
    .transaction()
    .execute(async (trx) => {
      await sql`drop index audit_log_pending`.execute(trx);
      const t = performance.now();
      await sql.raw(query).execute(trx);
      elapsed = performance.now() - t;
      throw rollback;
    })
    .catch((err: unknown) => {
      if (err !== rollback) throw err;
    });
  return elapsed;
}

interface Row {
  db: string;
  size: number;
  tick: Summary;
  oldLookup: Summary;
  fill: number;
}

async function benchDb(kind: 'sqlite' | 'postgres'): Promise<Row[]> {
  let url: string;
  let cleanup: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'gz-audit-seal-'));
  if (kind === 'sqlite') {
    url = `sqlite:${join(dir, 'audit.db')}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const pg = await scratchPg('gz_bench_audit_seal');
    url = pg.url;
    cleanup = async () => {
      await pg.drop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const database = await openDatabase(url);
  const rows: Row[] = [];
  try {
    await migrate(database);
    let filled = 0;
    let round = 0;
    for (const size of sizes) {
      const t = performance.now();
      // Sealed records from earlier rounds count towards the size.
      const present = Number(
        (
          await database.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.max('seq').as('s'))
            .executeTakeFirst()
        )?.s ?? 0,
      );
      await fill(database, present, size);
      filled = (performance.now() - t) / 1000;
      log(`${kind}: ${size.toLocaleString('en')} sealed records (filled in ${filled.toFixed(1)} s)`);
      // A new head file per size: the fill's fake hashes are anchored by the first tick.
      const chain: AuditChain = {
        key: randomBytes(32),
        anchors: fileAnchorStore(join(dir, `head-${size}.json`)),
      };
      const times: number[] = [];
      const old: number[] = [];
      for (let i = -3; i < ticks; i++) {
        await appendPending(database, batch, round++);
        if (i >= 0 && i % 3 === 0) old.push(await oldPendingLookup(database));
        const t0 = performance.now();
        const n = await sealAuditLog(database, chain, { batch, maxBatches: 1 });
        const dt = performance.now() - t0;
        if (n !== batch) throw new Error(`sealed ${n}, expected ${batch}`);
        if (i >= 0) times.push(dt);
      }
      const row = { db: kind, size, tick: summarise(times), oldLookup: summarise(old), fill: filled };
      log(
        `  tick (${batch} records): median ${ms(row.tick.median)} ms, p95 ${ms(row.tick.p95)} ms; ` +
          `old pending lookup: median ${ms(row.oldLookup.median)} ms`,
      );
      rows.push(row);
    }
  } finally {
    await database.close();
    await cleanup();
  }
  return rows;
}

const all: Row[] = [];
for (const kind of dbs) all.push(...(await benchDb(kind)));
const table = [
  `| database | sealed records | seal tick median (ms) | p95 (ms) | pending lookup before 0007, median (ms) |`,
  `|---|---:|---:|---:|---:|`,
  ...all.map(
    (r) =>
      `| ${r.db} | ${r.size.toLocaleString('en')} | ${ms(r.tick.median)} | ${ms(r.tick.p95)} | ${ms(r.oldLookup.median)} |`,
  ),
];
const ratios = dbs.map((kind) => {
  const rs = all.filter((r) => r.db === kind);
  const first = rs[0];
  const last = rs[rs.length - 1];
  return `${kind}: tick at ${last.size.toLocaleString('en')} / at ${first.size.toLocaleString('en')} = ${(last.tick.median / first.tick.median).toFixed(2)}`;
});
const report = [
  `\n## ${new Date().toISOString()} — ${machineNote()}`,
  '',
  `${ticks} ticks per size, ${batch} new records per tick (one batch, maxBatches 1); sizes filled in turn in one run.`,
  '',
  ...table,
  '',
  ratios.join('; '),
  '',
].join('\n');
appendFileSync(join(ROOT, 'bench/results/audit-seal.md'), report);
process.stdout.write(`${report}\n`);
for (const r of ratios) console.log(`audit seal ${r}`);
