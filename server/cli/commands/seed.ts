// gongzhi seed --scale demo|district|city [--seed N] [--accounts] — deterministic synthetic data.
import { parseCommandArgs, UsageError } from '../args.js';
import { withDeps } from '../context.js';
import { SCALES, seedSynthetic, type Scale } from '../../seed/synthetic.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../seed/demo-accounts.js';

export async function run(args: string[]): Promise<number> {
  const USAGE = 'usage: gongzhi seed --scale demo|district|city [--seed N] [--accounts]';
  const { values } = parseCommandArgs(args, {
    name: 'seed',
    usage: USAGE,
    options: { scale: { type: 'string' }, seed: { type: 'string' }, accounts: { type: 'boolean' } },
  });
  const scale = (values.scale ?? 'demo') as Scale;
  const seed = Number(values.seed ?? '1');
  if (!(scale in SCALES) || !Number.isInteger(seed)) throw new UsageError(USAGE);
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
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `seeded ${scale} (seed ${seed}): ${r.compounds} compounds, ${r.units} units, ${r.owners} owners, ${r.organisations} organisations in ${seconds.toFixed(1)} s`,
    );
    return 0;
  });
}
