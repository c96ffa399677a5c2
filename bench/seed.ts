// Seed timings and database sizes per scale, on SQLite and PostgreSQL.
// usage: npm run bench:seed -- [--scale demo,district,city] [--db sqlite,postgres]
// PostgreSQL needs BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres, used to
// create a scratch database per run). Results are appended to bench/results/seed.md.
import { appendFileSync, existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../server/platform/db/database.js';
import { migrate } from '../server/platform/db/migrate.js';
import { seedSynthetic, type Scale } from '../server/seed/synthetic.js';
import { seedCaseHistory } from '../server/seed/case-history.js';
import { loadConfig } from '../server/config.js';
import { systemClock } from '../server/platform/clock.js';
import { machineNote } from './machine.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const scales = arg('scale', 'demo,district').split(',') as Scale[];
const dbs = arg('db', 'sqlite,postgres').split(',');
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const results: string[] = [];
for (const scale of scales) {
  for (const kind of dbs) {
    let url: string;
    let size: () => Promise<number>;
    let cleanup = async () => {};
    if (kind === 'sqlite') {
      const file = join(mkdtempSync(join(tmpdir(), 'gz-seed-')), 'seed.db');
      url = `sqlite:${file}`;
      size = async () =>
        [file, `${file}-wal`].reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0);
    } else {
      const name = `gz_bench_seed_${scale}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${name}`);
      await admin.query(`create database ${name}`);
      url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
      size = async () => Number((await admin.query(`select pg_database_size('${name}') as n`)).rows[0].n);
      cleanup = async () => {
        await admin.query(`drop database if exists ${name}`);
        await admin.end();
      };
    }
    const database = await openDatabase(url);
    await migrate(database);
    const started = performance.now();
    const r = await seedSynthetic(database, scale, 1, (_p, done, total) => {
      if (done % 200 === 0) process.stderr.write(`\r  ${scale}/${kind}: ${done}/${total}`);
    });
    const seconds = (performance.now() - started) / 1000;
    // The demo district's year of case history (gongzhi seed's default for demo and district scale).
    const casesStarted = performance.now();
    const config = loadConfig({ GONGZHI_MODE: 'production', LOG_LEVEL: 'silent', DATABASE_URL: url });
    const h = scale === 'city' ? null : await seedCaseHistory({ database, clock: systemClock, config });
    const caseSeconds = (performance.now() - casesStarted) / 1000;
    if (database.sqlite) database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await database.close();
    const bytes = await size();
    await cleanup();
    const history = h
      ? `${h.cases.toLocaleString('en')} cases, ${h.events.toLocaleString('en')} events in ${caseSeconds.toFixed(1)} s`
      : '—';
    const line = `| ${scale} | ${kind} | ${r.compounds.toLocaleString('en')} | ${r.units.toLocaleString('en')} | ${r.owners.toLocaleString('en')} | ${seconds.toFixed(1)} s | ${history} | ${(bytes / 2 ** 20).toFixed(0)} MiB |`;
    process.stderr.write('\n');
    console.log(line);
    results.push(line);
  }
}

const out = new URL('./results/seed.md', import.meta.url).pathname;
if (!existsSync(out)) {
  appendFileSync(
    out,
    '# Seed timings per scale\n\n`npm run bench:seed` — wall time of `seedSynthetic` (one transaction), of the case history (`seedCaseHistory`, from 2026-12-02) and database size after both.\n',
  );
}
appendFileSync(
  out,
  `\n## ${new Date().toISOString().slice(0, 16)}Z — ${machineNote()}\n\n| scale | database | compounds | units | owners | time | case history | size |\n|---|---|---|---|---|---|---|---|\n${results.join('\n')}\n`,
);
console.log(`appended to ${out}`);
