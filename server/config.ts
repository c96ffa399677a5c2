// The only reader of process.env: parsed once, fails fast with a clear message.
import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().default('sqlite:./data/gongzhi.db'),
  GONGZHI_MODE: z.enum(['demo', 'production']).default('production'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce.number().int().positive().default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().default(15),
  SQLITE_SYNCHRONOUS: z.enum(['NORMAL', 'FULL']).default('NORMAL'),
  /** SQLite: concurrent writes share one commit (docs/decisions/0011-group-commit.md); '0' = one commit each. */
  SQLITE_GROUP_COMMIT: z.enum(['0', '1']).default('1'),
  /** PostgreSQL connections per instance (instances × this must stay under the server's max_connections). */
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Which peers may set X-Forwarded-For/-Proto: '0' none, '1' any, or a comma-separated list of addresses,
   * subnets or the names loopback/linklocal/uniquelocal. Unset: none in demo mode; in production mode the
   * proxies a deployment puts in front (same machine or private network: loopback,linklocal,uniquelocal).
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(
      /^(0|1|[0-9a-fA-F.:/]+|loopback|linklocal|uniquelocal)(\s*,\s*([0-9a-fA-F.:/]+|loopback|linklocal|uniquelocal))*$/,
    )
    .optional(),
  /** The address users reach the server at (e.g. https://gongzhi.example.gov.cn); https ⇒ Secure cookies. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  JOB_WORKER: z.enum(['0', '1']).default('1'),
  TEST_DATABASE_URL: z.string().optional(),
  WEB_DIST: z.string().default('dist/web'),
  // Map tiles (e.g. an in-house tile server: https://tiles.example.gov.cn/{z}/{x}/{y}.png). Unset = no base
  // map: the maps draw only the project's own layers and make no request outside this origin.
  MAP_TILE_URL: z
    .string()
    .regex(/^https:\/\/[^/\s]+\/\S*\{z\}\S*\{x\}\S*\{y\}/, 'an https URL with {z}, {x} and {y}')
    .optional(),
  MAP_TILE_ATTRIBUTION: z.string().max(200).optional(),
  /**
   * The audit chain's HMAC key (≥ 32 characters). Kept outside the database; when unset the key is read
   * from AUDIT_KEY_FILE (created with a random key if missing). docs/decisions/0007-keyed-audit-chain.md
   */
  AUDIT_KEY: z.string().min(32).optional(),
  /** File holding the audit key; default `audit.key` in the data directory (beside the SQLite file, or ./data). */
  AUDIT_KEY_FILE: z.string().min(1).optional(),
  /** Where the signed chain head is written after each seal; default beside the key file. */
  AUDIT_HEAD_FILE: z.string().min(1).optional(),
  /**
   * Whether this instance seals new audit records into the chain. Several instances may all seal (they take
   * turns on one database lock); '0' on all but one when their head files are not shared (docs/deploy.md).
   */
  AUDIT_SEALER: z.enum(['0', '1']).default('1'),
  /**
   * The key signing residents' tracking links (HMAC over case id + expiry; ≥ 32 characters). A key of its own,
   * never the audit key; when unset it is read from TRACK_LINK_KEY_FILE (default `track-link.key` in the data
   * directory, created with a random key if missing).
   */
  TRACK_LINK_KEY: z.string().min(32).optional(),
  TRACK_LINK_KEY_FILE: z.string().min(1).optional(),
  /** How long a tracking link stays valid (days); every look at the case issues a fresh one. */
  TRACK_LINK_DAYS: z.coerce.number().int().positive().max(366).default(90),
  /**
   * Where messages to residents (SMS) are delivered: unset, they are recorded in the outbox and the log only;
   * an http(s) URL, each is POSTed there as JSON ({to, text, caseNo, step}) — an SMS gateway's webhook.
   */
  RESIDENT_MESSAGE_WEBHOOK: z.url({ protocol: /^https?$/ }).optional(),
  /** Open311 creates per minute per API key, unless the key has its own (`gongzhi apikey limit`). */
  OPEN311_KEY_RATE_LIMIT: z.coerce.number().int().positive().default(1200),
  /** Open311 creates per minute per client address without a valid key. */
  OPEN311_IP_RATE_LIMIT: z.coerce.number().int().positive().default(120),
  /** `gongzhi user create` reads the password from here when --password is not given (keeps it out of ps). */
  GONGZHI_PASSWORD: z.string().optional(),
});

export type Config = z.infer<typeof EnvSchema>;

/** Proxies the server trusts for the client address and protocol (Fastify's trustProxy). */
export function trustProxySetting(config: Config): boolean | string {
  const value = config.TRUST_PROXY ?? (config.GONGZHI_MODE === 'production' ? PRIVATE_PROXIES : '0');
  if (value === '0') return false;
  if (value === '1') return true;
  return value;
}
const PRIVATE_PROXIES = 'loopback,linklocal,uniquelocal';

/** Whether the session cookie must be Secure: the public address is https, or this request came over TLS. */
export function secureCookies(config: Config, requestProtocol: string): boolean {
  return requestProtocol === 'https' || !!config.PUBLIC_URL?.startsWith('https:');
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<Record<keyof Config, string>> = {},
): Config {
  const parsed = EnvSchema.safeParse({ ...env, ...overrides });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
