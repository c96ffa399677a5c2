// Account administration: accounts, role grants bound to data scopes, lockout release.
import { isValidGrant, maskPhone, ROLES, type Grant, type Role } from '../../../domain/access.js';
import type { Actor } from '../../platform/http/context.js';
import { auditActor, requirePermission } from '../../platform/http/context.js';
import { AppError, badRequest, notFound } from '../../platform/http/errors.js';
import { decodeCursor, pageFrom } from '../../platform/http/pagination.js';
import { writeTx, type Audit, type Deps } from '../../platform/deps.js';
import type { Executor } from '../../platform/db/database.js';
import { newId } from '../../platform/ids.js';
import type { AuditActor } from '../../platform/audit/audit.js';
import {
  accountById as findUserById,
  accountByUsername as findUserByUsername,
  hashNewPassword as hashPassword,
} from '../auth/auth.service.js';
import { updateVersioned } from '../../platform/db/writes.js';
import * as repo from './users.repo.js';

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

type NamedGrant = Grant & { scopeName: string | null };

/** Grants with the name of their scope (the city is 上海市 whatever its id), for people to read. */
async function named(db: Executor, grants: Grant[]): Promise<NamedGrant[]> {
  const names = await repo.scopeNames(db, grants);
  return grants.map((g) => ({
    ...g,
    scopeName: g.scopeType === 'city' ? '上海市' : (names.get(`${g.scopeType}:${g.scopeId}`) ?? null),
  }));
}

function presentUser(u: UserRow, grants: NamedGrant[], now: string) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    locale: u.locale,
    phone: maskPhone(u.phone),
    disabled: !!u.disabled,
    locked: !!u.locked_until && u.locked_until > now,
    lockedUntil: u.locked_until,
    failedLogins: u.failed_logins,
    roles: grants,
    createdAt: u.created_at,
    version: u.version,
  };
}

const toGrant = (r: { role: string; scope_type: string; scope_id: string }): Grant =>
  ({ role: r.role, scopeType: r.scope_type, scopeId: r.scope_id }) as Grant;

export function listRoles(actor: Actor) {
  requirePermission(actor, 'users.manage');
  return ROLES.map((r) => ({
    role: r.role,
    zh: r.zh,
    en: r.en,
    scopes: [...r.scopes],
    permissions: [...r.permissions],
  }));
}

export async function listUsers(
  deps: Deps,
  actor: Actor,
  f: { q?: string; role?: Role; cursor?: string; limit: number },
) {
  requirePermission(actor, 'users.manage');
  const db = deps.database.db;
  const after = decodeCursor(f.cursor, 2) as [string, string] | null;
  const page = pageFrom(await repo.listUsers(db, { ...f, after }), f.limit, (u) => [u.username, u.id]);
  const grants = await repo.grantsOfUsers(
    db,
    page.items.map((u) => u.id),
  );
  const all = await named(db, grants.map(toGrant));
  const key = (g: Grant) => `${g.role}:${g.scopeType}:${g.scopeId}`;
  const byKey = new Map(all.map((g) => [key(g), g]));
  const now = deps.clock.now().toISOString();
  return {
    items: page.items.map((u) =>
      presentUser(
        u,
        grants.filter((g) => g.user_id === u.id).map((g) => byKey.get(key(toGrant(g)))!),
        now,
      ),
    ),
    nextCursor: page.nextCursor,
  };
}

export async function getUser(deps: Deps, actor: Actor, id: string) {
  requirePermission(actor, 'users.manage');
  const db = deps.database.db;
  const user = await findUserById(db, id);
  if (!user) throw notFound('users.not_found');
  const grants = await named(db, (await repo.grantsOfUsers(db, [id])).map(toGrant));
  return presentUser(user, grants, deps.clock.now().toISOString());
}

async function checkGrants(db: Executor, grants: readonly Grant[]) {
  for (const g of grants) {
    if (!isValidGrant(g) || !(await repo.scopeTargetExists(db, g))) {
      throw badRequest('users.grant_invalid', { role: g.role, scopeType: g.scopeType, scopeId: g.scopeId });
    }
  }
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  locale: string;
  phone: string | null;
  roles: Grant[];
}

/** Inserts an account inside an open transaction. */
async function insertAccount(
  trx: Executor,
  audit: Audit,
  input: NewUser,
  passwordHash: string,
  now: string,
): Promise<string> {
  await checkGrants(trx, input.roles);
  if (await findUserByUsername(trx, input.username))
    throw new AppError('users.username_taken', 409, { username: input.username });
  const id = newId();
  await repo.insertUser(
    trx,
    {
      id,
      username: input.username,
      display_name: input.displayName,
      password_hash: passwordHash,
      locale: input.locale,
      phone: input.phone,
    },
    now,
  );
  await repo.replaceGrants(trx, id, input.roles, now);
  await audit({
    action: 'users.create',
    targetType: 'user',
    targetId: id,
    after: { username: input.username, displayName: input.displayName, roles: input.roles },
  });
  return id;
}

/** Creates an account (used by the API, the CLI and the demo seed); the password passes the one rule. */
export async function createAccount(
  deps: Deps,
  actor: AuditActor,
  input: NewUser,
  requestId: string | null,
): Promise<string> {
  const now = deps.clock.now().toISOString();
  const passwordHash = await hashPassword(deps.config, input.password);
  return writeTx(deps, actor, requestId, (trx, audit) => insertAccount(trx, audit, input, passwordHash, now));
}

export async function createUser(deps: Deps, actor: Actor, input: NewUser, requestId: string) {
  requirePermission(actor, 'users.manage');
  const id = await createAccount(deps, auditActor(actor), input, requestId);
  return getUser(deps, actor, id);
}

export async function updateUser(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: {
    displayName?: string;
    locale?: string;
    disabled?: boolean;
    roles?: Grant[];
    password?: string;
    unlock?: boolean;
    version: number;
  },
  requestId: string,
) {
  requirePermission(actor, 'users.manage');
  const now = deps.clock.now().toISOString();
  const passwordHash = patch.password ? await hashPassword(deps.config, patch.password) : undefined;
  await writeTx(deps, auditActor(actor), requestId, async (trx, audit) => {
    const before = await findUserById(trx, id);
    if (!before) throw notFound('users.not_found');
    if (patch.roles) await checkGrants(trx, patch.roles);
    const changes = {
      ...(patch.displayName !== undefined && { display_name: patch.displayName }),
      ...(patch.locale !== undefined && { locale: patch.locale }),
      ...(patch.disabled !== undefined && { disabled: patch.disabled ? 1 : 0 }),
      ...(passwordHash && { password_hash: passwordHash }),
      ...(patch.unlock && { locked_until: null, failed_logins: 0 }),
    };
    await updateVersioned(
      trx,
      'users',
      id,
      patch.version,
      { ...changes, updated_at: now },
      {
        currentVersion: before.version,
      },
    );
    if (patch.roles) await repo.replaceGrants(trx, id, patch.roles, now);
    if (patch.disabled || passwordHash) await repo.deleteSessionsOfUser(trx, id);
    const { password_hash: _hash, ...safeChanges } = changes as typeof changes & { password_hash?: string };
    await audit({
      action: 'users.update',
      targetType: 'user',
      targetId: id,
      before: {
        displayName: before.display_name,
        disabled: !!before.disabled,
        lockedUntil: before.locked_until,
      },
      after: { ...safeChanges, passwordChanged: !!passwordHash, roles: patch.roles },
    });
  });
  return getUser(deps, actor, id);
}
