// gongzhi apikey create --channel CHANNEL [--name NAME] — prints the new key as the last line.
// gongzhi apikey list — one line per key: id, channel, prefix, created, revoked (or "active"), name.
// gongzhi apikey revoke ID — refuses the key from the next request on; exit 2 when no active key has that id.
import {
  API_KEY_CHANNELS,
  createApiKey,
  listApiKeys,
  revokeApiKey,
} from '../../modules/auth/apikeys.service.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { withDeps } from '../context.js';

const USAGE = `usage: gongzhi apikey create --channel ${API_KEY_CHANNELS.join('|')} [--name NAME]
       gongzhi apikey list
       gongzhi apikey revoke ID`;

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    parseCommandArgs(rest, { name: 'apikey list', usage: USAGE, options: {} });
    return withDeps(async (deps) => {
      for (const k of await listApiKeys(deps)) {
        console.log(
          [k.id, k.channel, `${k.key_prefix}…`, k.created_at, k.revoked_at ?? 'active', k.name].join('\t'),
        );
      }
      return 0;
    });
  }
  if (sub === 'revoke') {
    const { positionals } = parseCommandArgs(rest, {
      name: 'apikey revoke',
      usage: USAGE,
      options: {},
      positionals: true,
    });
    const id = positionals[0];
    if (!id || positionals.length !== 1) throw new UsageError(USAGE);
    return withDeps(async (deps) => {
      if (!(await revokeApiKey(deps, { id: null, name: 'cli' }, id, null))) {
        process.stderr.write(`gongzhi apikey: no active API key ${id}\n`);
        return 2;
      }
      console.log(`revoked API key ${id}`);
      return 0;
    });
  }
  if (sub !== 'create') throw new UsageError(USAGE);
  const { values } = parseCommandArgs(rest, {
    name: 'apikey create',
    usage: USAGE,
    options: { channel: { type: 'string' }, name: { type: 'string' } },
  });
  const channel = values.channel;
  if (!channel || !(API_KEY_CHANNELS as readonly string[]).includes(channel)) throw new UsageError(USAGE);
  return withDeps(async (deps) => {
    const { id, key } = await createApiKey(
      deps,
      { id: null, name: 'cli' },
      { channel, name: values.name ?? `${channel} integration` },
      null,
    );
    console.log(`created API key ${id} for channel ${channel}`);
    console.log(key);
    return 0;
  });
}
