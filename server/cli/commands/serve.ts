// gongzhi serve [--demo] — runs the server (PORT, DATABASE_URL from the environment).
import { loadConfig } from '../../config.js';
import { startServer } from '../../server.js';
import { parseArgs } from '../args.js';

export async function run(args: string[]): Promise<number> {
  const p = parseArgs(args, ['demo']);
  const config = loadConfig({ ...process.env, ...(p.flags.demo ? { GONGZHI_MODE: 'demo' } : {}) });
  const running = await startServer(config);
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  await running.stop();
  return 0;
}
