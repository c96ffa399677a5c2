// Sign-in with lockout, sessions, API keys.
import { createHash } from 'node:crypto';
import {
  permissionsOf,
  roleDefinition,
  type Permission,
  type Role,
  type ScopeType,
} from '../../../domain/access.js';
import { AppError } from '../../platform/http/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import { randomToken } from '../../platform/ids.js';
import { formatShanghaiMinute } from '../../platform/time.js';
import type { Executor } from '../../platform/db/database.js';
import { REFERENCE_FRESHNESS_MS, ttlCache, type TtlCache } from '../../platform/cache.js';
import * as repo from './auth.repo.js';
import { dummyPasswordHash, hashPassword, newPasswordProblem, verifyPassword } from './passwords.js';
import type { Config } from '../../config.js';

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export interface LoginResult {
  token: string;
  expiresAt: Date;
  me: Me;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  locale: string;
  csrfToken: string;
  roles: { role: Role; roleName: { zh: string; en: string }; scopeType: ScopeType; scopeId: string }[];
  permissions: Permission[];
}

export async function login(
  deps: Deps,
  input: { username: string; password: string },
  requestId: string,
): Promise<LoginResult> {
  const { db } = deps.database;
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const user = await repo.findUserByUsername(db, input.username);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw new AppError('auth.invalid_credentials', 401);
  }
  const actor = { id: user.id, name: user.username };
  // The attempt is counted before the slow hash check, so parallel guesses cannot all slip under the limit;
  // its outcome is audited below (auth.login_failed / auth.locked / auth.login).
  const attempt = await writeTx(deps, actor, requestId, (trx) =>
    repo.reserveLoginAttempt(trx, user.id, nowIso),
  );
  if (attempt === undefined) throw await lockedError(deps, user.id);
  const max = deps.config.LOGIN_MAX_FAILURES;
  // More attempts in flight than the limit allows: lock without checking this one.
  const ok = attempt <= max && (await verifyPassword(user.password_hash, input.password));
  if (!ok) {
    await recordFailure(deps, actor, requestId, attempt, now);
    if (attempt >= max) throw await lockedError(deps, user.id);
    throw new AppError('auth.invalid_credentials', 401);
  }
  if (user.disabled) throw new AppError('auth.disabled', 403);

  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + deps.config.SESSION_TTL_HOURS * 3_600_000);
  const signedIn = await writeTx(deps, actor, requestId, async (trx, audit) => {
    // Refuse success while locked, or while more guesses than the limit are in flight: a parallel guess may
    // have locked the account, or be about to, during this hash check.
    if (!(await repo.clearFailuresUnlessLocked(trx, user.id, nowIso, max))) return false;
    await repo.insertSession(trx, {
      token_hash: sha256(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: nowIso,
      expires_at: expiresAt.toISOString(),
    });
    await audit({ action: 'auth.login', targetType: 'user', targetId: user.id });
    return true;
  });
  if (!signedIn) throw await lockedError(deps, user.id);
  return { token, expiresAt, me: await describeUser(deps, user.id, csrfToken) };
}

/** A failed attempt (already counted): audited, and the account locked once it reaches the limit. */
async function recordFailure(
  deps: Deps,
  actor: { id: string; name: string },
  requestId: string,
  failures: number,
  now: Date,
): Promise<void> {
  await writeTx(deps, actor, requestId, async (trx, audit) => {
    await audit({ action: 'auth.login_failed', targetType: 'user', targetId: actor.id, after: { failures } });
    if (failures < deps.config.LOGIN_MAX_FAILURES) return;
    const until = new Date(now.getTime() + deps.config.LOGIN_LOCK_MINUTES * 60_000).toISOString();
    if (await repo.lockUser(trx, actor.id, until, now.toISOString()))
      await audit({ action: 'auth.locked', targetType: 'user', targetId: actor.id, after: { until } });
  });
}

async function lockedError(deps: Deps, userId: string): Promise<AppError> {
  const user = await repo.findUserById(deps.database.db, userId);
  const until = user?.locked_until ? new Date(user.locked_until) : deps.clock.now();
  return new AppError('auth.locked', 423, { until: formatShanghaiMinute(until) });
}

export async function logout(deps: Deps, actor: Actor, token: string, requestId: string): Promise<void> {
  await writeTx(deps, { id: actor.userId, name: actor.username }, requestId, async (trx, audit) => {
    await repo.deleteSession(trx, sha256(token));
    await audit({ action: 'auth.logout', targetType: 'user', targetId: actor.userId });
  });
}

export async function resolveSession(deps: Deps, token: string): Promise<Actor | null> {
  const { db } = deps.database;
  const row = await repo.findSession(db, sha256(token));
  if (!row || row.disabled || row.expires_at <= deps.clock.now().toISOString()) return null;
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    grants: await repo.grantsOfUser(db, row.user_id),
    csrfToken: row.csrf_token,
    via: 'session',
  };
}

type ApiKeyRow = NonNullable<Awaited<ReturnType<typeof repo.findApiKey>>>;
const NO_SUCH_KEY = Symbol('no such key');
const apiKeyCaches = new WeakMap<object, TtlCache<ApiKeyRow>>();

/**
 * Active API keys, cached per database handle for REFERENCE_FRESHNESS_MS on the request clock: an
 * integration sends every request with its key, and the lookup was one query (on PostgreSQL one round
 * trip) per request. Only keys found are kept; a revocation through this instance clears the cache at
 * once (forgetApiKeys), one made elsewhere (the CLI, another instance) is honoured within 5 s.
 */
function apiKeyCache(deps: Deps): TtlCache<ApiKeyRow> {
  let c = apiKeyCaches.get(deps.database.db);
  if (!c) {
    c = ttlCache<ApiKeyRow>(REFERENCE_FRESHNESS_MS, 1_000, () => deps.clock.now().getTime());
    apiKeyCaches.set(deps.database.db, c);
  }
  return c;
}

/** Clears this instance's cached API keys (after a revocation). */
export const forgetApiKeys = (deps: Deps) => apiKeyCaches.get(deps.database.db)?.clear();

export async function resolveApiKey(deps: Deps, key: string): Promise<Actor | null> {
  const hash = sha256(key);
  const row = await apiKeyCache(deps)
    .get(hash, async () => {
      const found = await repo.findApiKey(deps.database.db, hash);
      if (!found) throw NO_SUCH_KEY; // not cached: a key created a moment later works at once
      return found;
    })
    .catch((err: unknown) => {
      if (err === NO_SUCH_KEY) return null;
      throw err;
    });
  if (!row) return null;
  return {
    userId: `apikey:${row.id}`,
    username: `apikey:${row.name}`,
    displayName: row.name,
    grants: [],
    csrfToken: '',
    via: 'apiKey',
    channel: row.channel,
  };
}

export async function describeUser(deps: Deps, userId: string, csrfToken: string): Promise<Me> {
  const { db } = deps.database;
  const user = await repo.findUserById(db, userId);
  if (!user) throw new AppError('auth.unauthenticated', 401);
  const grants = await repo.grantsOfUser(db, userId);
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    locale: user.locale,
    csrfToken,
    roles: grants.map((g) => {
      const def = roleDefinition(g.role);
      return {
        role: g.role,
        roleName: { zh: def?.zh ?? g.role, en: def?.en ?? g.role },
        scopeType: g.scopeType,
        scopeId: g.scopeId,
      };
    }),
    permissions: permissionsOf(grants),
  };
}

// ---------------------------------------------------------------------------------------------------------
// For account administration (users module): the account rows sign-in reads, and password hashing.

export const accountById = (db: Executor, id: string) => repo.findUserById(db, id);
export const accountByUsername = (db: Executor, username: string) => repo.findUserByUsername(db, username);

/** The hash of a new password, after the one rule for new passwords (length floor, blocklist): 400 if refused. */
export async function hashNewPassword(
  config: Pick<Config, 'GONGZHI_MODE'>,
  password: string,
): Promise<string> {
  const problem = newPasswordProblem(password, config.GONGZHI_MODE);
  if (problem) throw new AppError(problem.code, 400, problem.params);
  return hashPassword(password);
}
export { DEMO_PASSWORD } from './passwords.js';
