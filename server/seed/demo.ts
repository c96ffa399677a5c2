// The demo data of `npm start` (demo mode, empty database): 浦东新区's registry on the real division codes,
// then each module's demo through its services where a user would act, in the order their data depends on
// each other; the start-up log names what was made and lists the demo accounts.
import type { Deps } from '../platform/deps.js';
import { seedAssessmentDemo } from './assessment-demo.js';
import { seedCaseHistory } from './case-history.js';
import { seedCoordinationDemo } from './coordination-demo.js';
import { DEMO_PASSWORD, demoJourneyCompound, seedDemoAccounts } from './demo-accounts.js';
import { seedFundDemo } from './fund-demo.js';
import { seedGovernanceDemo } from './governance-demo.js';
import { seedIndustryDemo } from './industry-demo.js';
import { seedMediationDemo } from './mediation-demo.js';
import { seedPlanDemo } from './plan-demo.js';
import { seedSynthetic } from './synthetic.js';

export async function seedDemo(deps: Deps, log: (line: string) => void): Promise<void> {
  const { database } = deps;
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
    `  maintenance fund: ${f.accounts} accounts, ${f.entries} entries, ${f.payments} payments, ${f.emergencies} emergency reports, ${f.applications} applications in ${((Date.now() - fundStarted) / 1000).toFixed(1)} s`,
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
  const assessed = await seedAssessmentDemo(deps);
  log(
    `  assessment: ${assessed.period ?? '—'} of 浦东新区 published (${assessed.streets} streets, ${assessed.departments} departments, ${assessed.ratings} two-way ratings); 网络舆情 cases ${assessed.onlineMediaCases.join(', ') || '—'}`,
  );
  log(
    `Demo data: ${r.compounds} compounds, ${r.units} units, ${r.owners} owners in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  log(`Demo accounts (password "${DEMO_PASSWORD}"):`);
  for (const a of accounts) log(`  ${a.username.padEnd(11)} ${a.describe}`);
}
