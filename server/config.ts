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
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  JOB_WORKER: z.enum(['0', '1']).default('1'),
  TEST_DATABASE_URL: z.string().optional(),
  WEB_DIST: z.string().default('dist/web'),
  /**
   * The audit chain's HMAC key (≥ 32 characters). Kept outside the database; when unset the key is read
   * from AUDIT_KEY_FILE (created with a random key if missing). docs/decisions/0007-keyed-audit-chain.md
   */
  AUDIT_KEY: z.string().min(32).optional(),
  /** File holding the audit key; default `audit.key` in the data directory (beside the SQLite file, or ./data). */
  AUDIT_KEY_FILE: z.string().min(1).optional(),
  /** Where the signed chain head is written after each seal; default beside the key file. */
  AUDIT_HEAD_FILE: z.string().min(1).optional(),
  /** Open311 creates per minute per API key, unless the key has its own (`gongzhi apikey limit`). */
  OPEN311_KEY_RATE_LIMIT: z.coerce.number().int().positive().default(1200),
  /** Open311 creates per minute per client address without a valid key. */
  OPEN311_IP_RATE_LIMIT: z.coerce.number().int().positive().default(120),
  /** `gongzhi user create` reads the password from here when --password is not given (keeps it out of ps). */
  GONGZHI_PASSWORD: z.string().optional(),
});

export type Config = z.infer<typeof EnvSchema>;

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
