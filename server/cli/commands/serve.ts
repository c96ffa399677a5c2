// gongzhi serve [--demo] — runs the server (PORT, DATABASE_URL from the environment).
import { loadConfig } from '../../config.js';
import { startServer } from '../../server.js';
import { parseCommandArgs } from '../args.js';

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    name: 'serve',
    usage: 'usage: gongzhi serve [--demo]',
    options: { demo: { type: 'boolean' } },
  });
  const config = loadConfig(undefined, values.demo ? { GONGZHI_MODE: 'demo' } : {});
  const running = await startServer(config);
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  await running.stop();
  return 0;
}
