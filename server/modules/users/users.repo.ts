// Queries for account administration.
import type { Executor } from '../../platform/db/database.js';
import { keysetPage } from '../../platform/db/keyset.js';
import { containsText } from '../../platform/db/database.js';
import type { Grant, Role } from '../../../domain/access.js';
import { newId } from '../../platform/ids.js';

export async function listUsers(
  db: Executor,
  f: { q?: string; role?: Role; after: [string, string] | null; limit: number },
) {
  let q = db.selectFrom('users').selectAll();
  if (f.q) {
    const text = f.q;
    q = q.where((eb) => eb.or([containsText('username', text), containsText('display_name', text)]));
  }
  if (f.role)
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('user_roles').select('user_id').where('role', '=', f.role!),
    );
  return keysetPage(q, 'username', 'id', f.after, f.limit).execute();
}

export async function grantsOfUsers(db: Executor, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('user_roles')
    .selectAll()
    .where('user_id', 'in', userIds)
    .orderBy('created_at')
    .execute();
}

export async function insertUser(
  db: Executor,
  row: {
    id: string;
    username: string;
    display_name: string;
    password_hash: string;
    locale: string;
    phone: string | null;
  },
  now: string,
) {
  await db
    .insertInto('users')
    .values({
      ...row,
      failed_logins: 0,
      locked_until: null,
      disabled: 0,
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .execute();
}

export async function replaceGrants(db: Executor, userId: string, grants: readonly Grant[], now: string) {
  await db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (grants.length === 0) return;
  await db
    .insertInto('user_roles')
    .values(
      grants.map((g) => ({
        id: newId(),
        user_id: userId,
        role: g.role,
        scope_type: g.scopeType,
        scope_id: g.scopeId,
        created_at: now,
      })),
    )
    .execute();
}

export async function scopeTargetExists(db: Executor, g: Grant): Promise<boolean> {
  switch (g.scopeType) {
    case 'city':
      return g.scopeId === 'all' || g.scopeId === '310000';
    case 'district':
    case 'street':
      return !!(await db
        .selectFrom('divisions')
        .select('code')
        .where('code', '=', g.scopeId)
        .executeTakeFirst());
    case 'compound':
      return !!(await db.selectFrom('compounds').select('id').where('id', '=', g.scopeId).executeTakeFirst());
    case 'company':
    case 'department':
      return !!(await db
        .selectFrom('organisations')
        .select('id')
        .where('id', '=', g.scopeId)
        .executeTakeFirst());
    case 'own_units':
      return !!(await db.selectFrom('owners').select('id').where('id', '=', g.scopeId).executeTakeFirst());
  }
}

/** The names of grants' scopes (division, organisation, compound or owner), keyed `scopeType:scopeId`. */
export async function scopeNames(db: Executor, grants: readonly Grant[]): Promise<Map<string, string>> {
  const ids = (...types: string[]) => [
    ...new Set(grants.filter((g) => types.includes(g.scopeType)).map((g) => g.scopeId)),
  ];
  const names = new Map<string, string>();
  const put = (types: string[], rows: { id: string; name: string }[]) => {
    for (const r of rows) for (const t of types) names.set(`${t}:${r.id}`, r.name);
  };
  const divisions = ids('district', 'street', 'city');
  if (divisions.length)
    put(
      ['district', 'street', 'city'],
      await db
        .selectFrom('divisions')
        .select(['code as id', 'name'])
        .where('code', 'in', divisions)
        .execute(),
    );
  const orgs = ids('company', 'department');
  if (orgs.length)
    put(
      ['company', 'department'],
      await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', orgs).execute(),
    );
  const compounds = ids('compound');
  if (compounds.length)
    put(
      ['compound'],
      await db.selectFrom('compounds').select(['id', 'name']).where('id', 'in', compounds).execute(),
    );
  const owners = ids('own_units');
  if (owners.length)
    put(
      ['own_units'],
      await db.selectFrom('owners').select(['id', 'name']).where('id', 'in', owners).execute(),
    );
  return names;
}

export async function deleteSessionsOfUser(db: Executor, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
