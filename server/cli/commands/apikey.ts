// gongzhi apikey create --channel CHANNEL [--name NAME] — prints the new key as the last line.
import { createApiKey, API_KEY_CHANNELS } from '../../modules/auth/apikeys.service.js';
import { parseArgs, stringFlag, UsageError } from '../args.js';
import { withDeps } from '../context.js';

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const p = parseArgs(rest);
  const channel = stringFlag(p, 'channel');
  if (sub !== 'create' || !channel || !(API_KEY_CHANNELS as readonly string[]).includes(channel)) {
    throw new UsageError(
      `usage: gongzhi apikey create --channel ${API_KEY_CHANNELS.join('|')} [--name NAME]`,
    );
  }
  return withDeps(async (deps) => {
    const { id, key } = await createApiKey(
      deps,
      { id: null, name: 'cli' },
      { channel, name: stringFlag(p, 'name') ?? `${channel} integration` },
      null,
    );
    console.log(`created API key ${id} for channel ${channel}`);
    console.log(key);
    return 0;
  });
}
