// Queries for accounts, role grants, sessions and API keys.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { ApiKeyTable } from '../../platform/db/schema.js';
import type { Grant } from '../../../domain/access.js';

export async function findUserByUsername(db: Executor, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Executor, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function grantsOfUser(db: Executor, userId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom('user_roles')
    .select(['role', 'scope_type', 'scope_id'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ role: r.role, scopeType: r.scope_type, scopeId: r.scope_id }));
}

/**
 * Counts a sign-in attempt before its password is checked (one atomic UPDATE, so parallel guesses each get
 * their own number): the attempt's number among the failures since the last success, or undefined while the
 * account is locked. An expired lock is cleared and counting starts again at 1.
 */
export async function reserveLoginAttempt(
  db: Executor,
  userId: string,
  now: string,
): Promise<number | undefined> {
  const row = await db
    .updateTable('users')
    .set({
      failed_logins: sql<number>`case when locked_until is null then failed_logins + 1 else 1 end`,
      locked_until: null,
      updated_at: now,
    })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .returning('failed_logins')
    .executeTakeFirst();
  return row?.failed_logins;
}

/** Locks an account that is not locked yet; returns whether this call locked it. */
export async function lockUser(db: Executor, userId: string, until: string, now: string): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ locked_until: until, updated_at: now })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Releases a lock and clears the count (`gongzhi user unlock`). */
export async function resetFailedLogins(db: Executor, userId: string, now: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, updated_at: now })
    .where('id', '=', userId)
    .execute();
}

/**
 * After a right password: clears the count unless the account got locked meanwhile, or more attempts than the
 * limit were counted meanwhile (parallel guesses still being checked); returns whether it did.
 */
export async function clearFailuresUnlessLocked(
  db: Executor,
  userId: string,
  now: string,
  maxAttempts: number,
): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, updated_at: now })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .where('failed_logins', '<=', maxAttempts)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertSession(
  db: Executor,
  row: { token_hash: string; user_id: string; csrf_token: string; created_at: string; expires_at: string },
) {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSession(db: Executor, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.user_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'users.username',
      'users.display_name',
      'users.disabled',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function deleteSession(db: Executor, tokenHash: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: Executor, now: string) {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}

export async function findApiKey(db: Executor, keyHash: string) {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function listApiKeys(db: Executor) {
  return db
    .selectFrom('api_keys')
    .select(['id', 'name', 'channel', 'key_prefix', 'created_at', 'revoked_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Revokes a key that is still active; returns whether one was. */
export async function revokeApiKey(db: Executor, id: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('api_keys')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertApiKey(db: Executor, row: ApiKeyTable): Promise<void> {
  await db.insertInto('api_keys').values(row).execute();
}
