// Queries of dispute mediation (矛盾调解): disputes with their parties and sessions, the places and names they
// show, the street's mediation committees and mediators, and the facts the statistics count.
import type { Grant } from '../../../domain/access.js';
import { inList, type Executor } from '../../platform/db/database.js';
import type {
  MediationDisputeTable,
  MediationPartyTable,
  MediationSessionTable,
} from '../../platform/db/schema-mediation.js';
import { compoundScopeCondition } from '../../platform/scope.js';

const SCOPE_COLS = {
  id: 'mediation_disputes.compound_id',
  district: 'mediation_disputes.district_code',
  street: 'mediation_disputes.street_code',
};

export async function compound(db: Executor, id: string) {
  return db
    .selectFrom('compounds')
    .select(['id', 'name', 'street_code', 'district_code'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function committee(db: Executor, id: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'type', 'division_code'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The mediation committees of a street (organisations of type mediation_committee in its division). */
export async function committeesOf(db: Executor, streetCode: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('type', '=', 'mediation_committee')
    .where('division_code', 'like', `${streetCode}%`)
    .orderBy('name')
    .execute();
}

/** Accounts holding the mediator role on a street. */
export async function mediatorsOf(db: Executor, streetCode: string) {
  return db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['users.id', 'users.display_name as name'])
    .where('user_roles.role', '=', 'mediator')
    .where('user_roles.scope_type', '=', 'street')
    .where('user_roles.scope_id', '=', streetCode)
    .where('users.disabled', '=', 0)
    .orderBy('users.display_name')
    .distinct()
    .execute();
}

export async function insertDispute(db: Executor, row: MediationDisputeTable) {
  await db.insertInto('mediation_disputes').values(row).execute();
}
export async function insertParties(db: Executor, rows: MediationPartyTable[]) {
  if (rows.length) await db.insertInto('mediation_parties').values(rows).execute();
}
export async function insertSession(db: Executor, row: MediationSessionTable) {
  await db.insertInto('mediation_sessions').values(row).execute();
}

export async function dispute(db: Executor, id: string) {
  return db.selectFrom('mediation_disputes').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Names a dispute shows: compound, street, committee, mediator. */
export async function namesOf(
  db: Executor,
  rows: readonly {
    compound_id: string;
    street_code: string;
    committee_org_id: string;
    mediator_user_id: string | null;
  }[],
) {
  const ids = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];
  const compounds = ids(rows.map((r) => r.compound_id));
  const streets = ids(rows.map((r) => r.street_code));
  const orgs = ids(rows.map((r) => r.committee_org_id));
  const users = ids(rows.map((r) => r.mediator_user_id));
  const [c, s, o, u] = await Promise.all([
    db.selectFrom('compounds').select(['id', 'name']).where('id', 'in', inList(compounds)).execute(),
    db.selectFrom('divisions').select(['code as id', 'name']).where('code', 'in', inList(streets)).execute(),
    db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', inList(orgs)).execute(),
    db.selectFrom('users').select(['id', 'display_name as name']).where('id', 'in', inList(users)).execute(),
  ]);
  const map = (xs: { id: string; name: string }[]) => new Map(xs.map((x) => [x.id, x.name]));
  return { compounds: map(c), streets: map(s), orgs: map(o), users: map(u) };
}

export async function partiesOf(db: Executor, disputeIds: readonly string[]) {
  if (disputeIds.length === 0) return [];
  return db
    .selectFrom('mediation_parties')
    .selectAll()
    .where('dispute_id', 'in', [...disputeIds])
    .orderBy('dispute_id')
    .orderBy('seq')
    .execute();
}

export async function party(db: Executor, disputeId: string, id: string) {
  return db
    .selectFrom('mediation_parties')
    .selectAll()
    .where('dispute_id', '=', disputeId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function sessionsOf(db: Executor, disputeId: string) {
  return db
    .selectFrom('mediation_sessions')
    .selectAll()
    .where('dispute_id', '=', disputeId)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
}

/** The disputes the grants reach, newest first (keyset on id). */
export async function disputesInScope(
  db: Executor,
  grants: readonly Grant[],
  q: { status?: string; open?: boolean; cursor: string | null; limit: number },
) {
  let query = db.selectFrom('mediation_disputes').selectAll();
  query = query.where((eb) => compoundScopeCondition(eb, grants, SCOPE_COLS) ?? eb.lit(true));
  if (q.status) query = query.where('status', '=', q.status as MediationDisputeTable['status']);
  if (q.open !== undefined)
    query = query.where('status', q.open ? 'in' : 'not in', [
      'registered',
      'mediating',
      'agreed',
      'effective',
    ]);
  if (q.cursor) query = query.where('id', '<', q.cursor);
  return query
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

/** The facts the street statistics count, for the disputes the grants reach. */
export async function statsFacts(
  db: Executor,
  grants: readonly Grant[],
  area: { district?: string; street?: string },
) {
  let query = db
    .selectFrom('mediation_disputes')
    .select(['street_code', 'type', 'status', 'received_on', 'effective_on', 'closed_on']);
  query = query.where((eb) => compoundScopeCondition(eb, grants, SCOPE_COLS) ?? eb.lit(true));
  if (area.street) query = query.where('street_code', '=', area.street);
  if (area.district) query = query.where('district_code', '=', area.district);
  return query.orderBy('street_code').execute();
}
