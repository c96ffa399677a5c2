// gongzhi seed --scale demo|district|city [--seed N] [--accounts] [--cases | --no-cases] — deterministic
// synthetic data; with the demo district's year of case history (default for the demo and district scales).
import { parseCommandArgs, UsageError } from '../args.js';
import { withDeps } from '../context.js';
import { SCALES, seedSynthetic, type Scale } from '../../seed/synthetic.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../seed/demo-accounts.js';
import { seedCaseHistory } from '../../seed/case-history.js';

/** Scales that get the case history unless --no-cases (city scale: only with --cases; it covers 浦东新区). */
const CASES_BY_DEFAULT: readonly Scale[] = ['demo', 'district'];

export async function run(args: string[]): Promise<number> {
  const USAGE =
    'usage: gongzhi seed --scale demo|district|city [--seed N] [--accounts] [--cases | --no-cases]';
  const { values } = parseCommandArgs(args, {
    name: 'seed',
    usage: USAGE,
    options: {
      scale: { type: 'string' },
      seed: { type: 'string' },
      accounts: { type: 'boolean' },
      cases: { type: 'boolean' },
      'no-cases': { type: 'boolean' },
    },
  });
  const scale = (values.scale ?? 'demo') as Scale;
  const seed = Number(values.seed ?? '1');
  if (!(scale in SCALES) || !Number.isInteger(seed) || (values.cases && values['no-cases']))
    throw new UsageError(USAGE);
  const withCases = values.cases ?? (!values['no-cases'] && CASES_BY_DEFAULT.includes(scale));
  return withDeps(async (deps) => {
    const existing = await deps.database.db.selectFrom('compounds').select('id').limit(1).executeTakeFirst();
    if (existing) {
      process.stderr.write('gongzhi seed: the database already holds compounds; seed an empty database\n');
      return 2;
    }
    const started = Date.now();
    let lastPct = -1;
    const r = await seedSynthetic(deps.database, scale, seed, (_phase, done, total) => {
      const pct = Math.floor((done / total) * 100);
      if (pct !== lastPct) {
        lastPct = pct;
        process.stderr.write(`\r  seeding ${scale}: ${pct}% (${done}/${total} compounds)`);
      }
    });
    process.stderr.write('\n');
    if (values.accounts) {
      const accounts = await seedDemoAccounts(deps);
      console.log(`accounts (password ${DEMO_PASSWORD}): ${accounts.map((a) => a.username).join(', ')}`);
    }
    if (withCases) {
      const casesStarted = Date.now();
      const h = await seedCaseHistory(deps, { seed });
      console.log(
        `case history: ${h.cases} cases (${h.open} open), ${h.events} events in ${((Date.now() - casesStarted) / 1000).toFixed(1)} s`,
      );
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `seeded ${scale} (seed ${seed}): ${r.compounds} compounds, ${r.units} units, ${r.owners} owners, ${r.organisations} organisations in ${seconds.toFixed(1)} s`,
    );
    return 0;
  });
}
