// Assessment (issue 13 target): computing a district's period — every 街镇 and department of 浦东新区 with the
// default systems [U] (case KPIs, action items, committee states, manual scores, ratings) — in under 10 s.
// In-process through the services (no HTTP), after the demo's registry, a year of case history and the joint
// meetings. usage: npm run bench:assessment -- [--db sqlite,postgres] [--scale demo] [--runs 3]
// Results are appended to bench/results/assessment.md.
import { appendFileSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../server/config.js';
import { fixedClock } from '../server/platform/clock.js';
import { openDatabase, type Database } from '../server/platform/db/database.js';
import { migrate } from '../server/platform/db/migrate.js';
import type { Deps } from '../server/platform/deps.js';
import type { Actor } from '../server/platform/http/context.js';
import { compute, createPeriod, getPeriod } from '../server/modules/assessment/assessment.service.js';
import { seedCaseHistory } from '../server/seed/case-history.js';
import { seedCoordinationDemo } from '../server/seed/coordination-demo.js';
import { seedDemoAccounts } from '../server/seed/demo-accounts.js';
import { seedGovernanceDemo } from '../server/seed/governance-demo.js';
import { seedSynthetic, type Scale } from '../server/seed/synthetic.js';
import { arg } from './lib/args.js';
import { scratchPg } from './lib/pg.js';
import { machineNote, median } from './machine.js';

const dbs = arg('db', 'sqlite,postgres').split(',');
const SCALE = arg('scale', 'demo') as Scale;
const RUNS = Number(arg('runs', '3'));

const district: Actor = {
  userId: 'bench',
  username: 'bench',
  displayName: 'bench',
  grants: [{ role: 'district_office', scopeType: 'district', scopeId: '310115' }],
  csrfToken: '',
  via: 'session',
};

async function open(kind: string): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const database = await openDatabase(`sqlite:${join(mkdtempSync(join(tmpdir(), 'gz-assess-')), 'a.db')}`);
    return { database, drop: () => database.close() };
  }
  const scratch = await scratchPg('gz_bench_assessment');
  const database = await openDatabase(scratch.url);
  return {
    database,
    drop: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}

interface Row {
  db: string;
  streets: number;
  departments: number;
  cases: number;
  seconds: number[];
}

const rows: Row[] = [];
for (const kind of dbs) {
  const { database, drop } = await open(kind);
  try {
    await migrate(database);
    const deps: Deps = {
      database,
      clock: fixedClock('2026-11-26T02:00:00Z'),
      config: loadConfig({ GONGZHI_MODE: 'demo', LOG_LEVEL: 'silent' }),
    };
    await seedSynthetic(database, SCALE, 1);
    await seedGovernanceDemo(deps, new Set());
    await seedDemoAccounts(deps);
    await seedCaseHistory(deps);
    await seedCoordinationDemo(deps);
    const { id } = await createPeriod(deps, district, { divisionCode: '310115', code: '2026-Q4' }, 'bench');
    const seconds: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { version } = await getPeriod(deps, district, id);
      const t0 = performance.now();
      await compute(deps, district, id, { version }, 'bench');
      seconds.push((performance.now() - t0) / 1000);
    }
    const results = await database.db.selectFrom('assess_results').select('level').execute();
    const cases = await database.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    rows.push({
      db: kind,
      streets: results.filter((r) => r.level === 'street').length,
      departments: results.filter((r) => r.level === 'department').length,
      cases: Number(cases.n),
      seconds,
    });
  } finally {
    await drop();
  }
}

const line = (r: Row) =>
  `| ${r.db} | ${r.streets} | ${r.departments} | ${r.cases.toLocaleString('en')} | ${median(r.seconds).toFixed(2)} s | ${Math.max(...r.seconds).toFixed(2)} s | ${Math.max(...r.seconds) < 10 ? 'met' : 'missed'} |`;
const report = [
  `\n## ${new Date().toISOString().slice(0, 16)}Z — ${machineNote()}, load ${loadavg()[0].toFixed(1)}\n`,
  `浦东新区 period 2026-Q4, scale ${SCALE}, ${RUNS} computes each.\n`,
  '| database | 街镇 | departments | cases | compute p50 | compute max | target < 10 s |',
  '|---|---|---|---|---|---|---|',
  ...rows.map(line),
  '',
].join('\n');
process.stdout.write(report);
appendFileSync(join(import.meta.dirname, 'results', 'assessment.md'), report);
process.exit(0);
