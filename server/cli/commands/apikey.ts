// gongzhi apikey create --channel CHANNEL [--name NAME] — prints the new key as the last line.
// gongzhi apikey list — one line per key: id, channel, prefix, created, revoked (or "active"), name.
// gongzhi apikey revoke ID — refuses the key from the next request on; exit 2 when no active key has that id.
// gongzhi apikey limit ID PER_MINUTE|default — the key's own Open311 create limit (default:
// OPEN311_KEY_RATE_LIMIT); exit 2 when no active key has that id. `create --rate-limit N` sets it at once.
import {
  API_KEY_CHANNELS,
  createApiKey,
  listApiKeys,
  revokeApiKey,
} from '../../modules/auth/apikeys.service.js';
import { setCreatesPerMinute } from '../../modules/open311/open311.service.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { withDeps } from '../context.js';

const USAGE = `usage: gongzhi apikey create --channel ${API_KEY_CHANNELS.join('|')} [--name NAME] [--rate-limit PER_MINUTE]
       gongzhi apikey list
       gongzhi apikey revoke ID
       gongzhi apikey limit ID PER_MINUTE|default`;

/** A positive whole number of creates per minute, or null for "default". */
function perMinute(value: string | undefined): number | null {
  if (value === 'default') return null;
  if (!value || !/^[1-9]\d{0,6}$/.test(value)) throw new UsageError(USAGE);
  return Number(value);
}

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
  if (sub === 'limit') {
    const { positionals } = parseCommandArgs(rest, {
      name: 'apikey limit',
      usage: USAGE,
      options: {},
      positionals: true,
    });
    if (positionals.length !== 2) throw new UsageError(USAGE);
    const [id, value] = positionals;
    const limit = perMinute(value);
    return withDeps(async (deps) => {
      if (!(await setCreatesPerMinute(deps, { id: null, name: 'cli' }, id, limit))) {
        process.stderr.write(`gongzhi apikey: no active API key ${id}\n`);
        return 2;
      }
      console.log(
        `API key ${id}: ${limit === null ? 'default create limit' : `${limit} creates per minute`}`,
      );
      return 0;
    });
  }
  if (sub !== 'create') throw new UsageError(USAGE);
  const { values } = parseCommandArgs(rest, {
    name: 'apikey create',
    usage: USAGE,
    options: { channel: { type: 'string' }, name: { type: 'string' }, 'rate-limit': { type: 'string' } },
  });
  const channel = values.channel;
  if (!channel || !(API_KEY_CHANNELS as readonly string[]).includes(channel)) throw new UsageError(USAGE);
  const limit = values['rate-limit'] === undefined ? null : perMinute(values['rate-limit']);
  return withDeps(async (deps) => {
    const { id, key } = await createApiKey(
      deps,
      { id: null, name: 'cli' },
      { channel, name: values.name ?? `${channel} integration` },
      null,
    );
    if (limit !== null) await setCreatesPerMinute(deps, { id: null, name: 'cli' }, id, limit);
    console.log(`created API key ${id} for channel ${channel}`);
    console.log(key);
    return 0;
  });
}
