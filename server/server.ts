// Starts one server instance: database → migrate → (demo data) → app → listen → job worker.
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { buildApp } from './app.js';
import { systemClock, type Clock } from './platform/clock.js';
import { openDatabase } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import type { Deps } from './platform/deps.js';
import { JobWorker } from './platform/jobs/jobs.js';
import { auditChain, chainPaths } from './platform/audit/chain.js';
import { sealAuditLog, startSealer } from './platform/audit/seal.js';
import { jobHandlers, scheduleDailyJobs } from './jobs.js';
import { seedSynthetic } from './seed/synthetic.js';
import { DEMO_PASSWORD, demoJourneyCompound, seedDemoAccounts } from './seed/demo-accounts.js';
import { seedGovernanceDemo } from './seed/governance-demo.js';
import { seedCaseHistory } from './seed/case-history.js';
import { seedFundDemo } from './seed/fund-demo.js';
import { seedMediationDemo } from './seed/mediation-demo.js';
import { seedIndustryDemo } from './seed/industry-demo.js';
import { seedCoordinationDemo } from './seed/coordination-demo.js';
import { seedPlanDemo } from './seed/plan-demo.js';

export interface Running {
  app: FastifyInstance;
  deps: Deps;
  url: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** The clock of requests and jobs (tests inject one; the process uses the system clock). */
  clock?: Clock;
}

export async function startServer(
  config: Config,
  log: (line: string) => void = console.log,
  options: StartOptions = {},
): Promise<Running> {
  const database = await openDatabase(config.DATABASE_URL, {
    synchronous: config.SQLITE_SYNCHRONOUS,
    groupCommit: config.SQLITE_GROUP_COMMIT === '1',
    poolSize: config.DB_POOL_SIZE,
  });
  const deps: Deps = { database, clock: options.clock ?? systemClock, config };
  await migrate(database);
  if (config.GONGZHI_MODE === 'demo') {
    const empty = !(await database.db.selectFrom('compounds').select('id').limit(1).executeTakeFirst());
    if (empty) {
      log('Seeding demo data (浦东新区, ~300 compounds)…');
      const started = Date.now();
      const r = await seedSynthetic(database, 'demo', 1, (_p, done, total) => {
        if (done % 100 === 0 || done === total) log(`  compounds ${done}/${total}`);
      });
      const journey = await demoJourneyCompound(deps);
      const g = await seedGovernanceDemo(deps, new Set(journey ? [journey.id] : []));
      log(`  governance: ${g.committees} committees (${g.meetings} meetings), ${g.formations} formations`);
      const fundStarted = Date.now();
      const f = await seedFundDemo(deps);
      log(
        `  maintenance fund: ${f.accounts} accounts, ${f.entries} entries, ${f.payments} payments in ${((Date.now() - fundStarted) / 1000).toFixed(1)} s`,
      );
      const accounts = await seedDemoAccounts(deps);
      const ind = await seedIndustryDemo(deps);
      log(
        `  industry: ${ind.profiles} company profiles, ${ind.managers} managers, ${ind.records} credit records`,
      );
      const casesStarted = Date.now();
      const h = await seedCaseHistory(deps);
      log(
        `  cases: a year of history, ${h.cases} cases (${h.open} open), ${h.events} events in ${((Date.now() - casesStarted) / 1000).toFixed(1)} s`,
      );
      const m = await seedMediationDemo(deps);
      log(`  mediation: ${m.disputes} disputes in 花木街道 (${m.sessions} sessions)`);
      const c = await seedCoordinationDemo(deps);
      log(
        `  joint meetings: ${c.bodies} bodies, ${c.meetings} meetings held, ${c.actionItems} action items (hot case ${c.hotCaseNo ?? '—'})`,
      );
      const p = await seedPlanDemo(deps);
      log(
        `  action plan (sample, illustrative): ${p.tasks} tasks, ${p.milestones} milestones, ${p.reports} progress reports`,
      );
      log(
        `Demo data: ${r.compounds} compounds, ${r.units} units, ${r.owners} owners in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      log(`Demo accounts (password "${DEMO_PASSWORD}"):`);
      for (const a of accounts) log(`  ${a.username.padEnd(11)} ${a.describe}`);
    }
  }
  const app = await buildApp(deps, { logger: config.LOG_LEVEL !== 'silent', webDist: config.WEB_DIST });
  await app.listen({ port: config.PORT, host: config.HOST });
  const worker = config.JOB_WORKER === '1' ? new JobWorker(database, deps.clock, jobHandlers(deps)) : null;
  if (worker) {
    worker.start();
    await scheduleDailyJobs(deps).catch((err) => app.log.error({ err }, 'scheduling daily jobs failed'));
  }
  // Seal new audit records into the keyed hash chain about once a second (safe on several instances: they
  // take turns on one lock; AUDIT_SEALER=0 leaves sealing to other instances, docs/deploy.md).
  const chain = auditChain(config, database);
  const paths = chainPaths(config, database.url);
  if (paths.defaulted && paths.keyFile && config.GONGZHI_MODE === 'production')
    log(`Warning: AUDIT_KEY_FILE is not set; the audit key is kept in ${paths.keyFile}, beside the data.`);
  const sealer =
    config.AUDIT_SEALER === '1'
      ? startSealer(database, chain, (err) => app.log.error({ err }, 'audit sealing failed'))
      : null;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://localhost:${port}`;
  log(`Gongzhi 共治 is running at ${url} (database: ${database.dialect}, mode: ${config.GONGZHI_MODE})`);
  let stopped: Promise<void> | null = null;
  return {
    app,
    deps,
    url,
    // Once, however often asked (a signal and a shutdown hook may both ask).
    stop() {
      stopped ??= (async () => {
        await sealer?.stop();
        await worker?.stop();
        if (sealer) await sealAuditLog(database, chain).catch(() => 0);
        await app.close();
        await database.close();
      })();
      return stopped;
    },
  };
}
