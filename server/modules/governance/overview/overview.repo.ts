// Queries of the street's view: the task queue and the overview of every compound's governance state.
import { sql } from 'kysely';
import type { Grant } from '../../../../domain/access.js';
import type { Executor } from '../../../platform/db/database.js';
import { keysetPage } from '../../../platform/db/keyset.js';
import { scoped } from '../governance.repo.js';

export async function listTasks(
  db: Executor,
  grants: readonly Grant[],
  f: {
    street?: string;
    compound?: string;
    state: 'pending' | 'overdue' | 'done' | 'all';
    today: string;
    after: [string, string] | null;
    limit: number;
  },
) {
  let q = db
    .selectFrom('gov_tasks')
    .innerJoin('compounds', 'compounds.id', 'gov_tasks.compound_id')
    .selectAll('gov_tasks')
    .select('compounds.name as compound_name')
    .where(scoped(grants) as never);
  if (f.street) q = q.where('gov_tasks.street_code', '=', f.street);
  if (f.compound) q = q.where('gov_tasks.compound_id', '=', f.compound);
  if (f.state === 'pending') q = q.where('gov_tasks.done_on', 'is', null);
  if (f.state === 'overdue')
    q = q.where('gov_tasks.done_on', 'is', null).where('gov_tasks.due_on', '<', f.today);
  if (f.state === 'done') q = q.where('gov_tasks.done_on', 'is not', null);
  return keysetPage(q, 'gov_tasks.due_on', 'gov_tasks.id', f.after, f.limit).execute();
}

/** A compound's overview columns (its place, first delivery, when it was registered), in the actor's scope. */
function overviewRows(db: Executor, grants: readonly Grant[]) {
  return db
    .selectFrom('compounds')
    .innerJoin('divisions as s', 's.code', 'compounds.street_code')
    .select([
      'compounds.id',
      'compounds.name',
      'compounds.street_code',
      'compounds.district_code',
      'compounds.first_delivery_on',
      'compounds.created_at',
      's.name as street_name',
    ])
    .where(scoped(grants));
}

export async function overviewCompounds(
  db: Executor,
  grants: readonly Grant[],
  f: { street?: string; after: [string, string] | null; limit: number },
) {
  let q = overviewRows(db, grants);
  if (f.street) q = q.where('compounds.street_code', '=', f.street);
  return keysetPage(q, 'compounds.name', 'compounds.id', f.after, f.limit).execute();
}

export async function currentCommitteesOf(db: Executor, compoundIds: readonly string[]) {
  if (compoundIds.length === 0) return [];
  return db
    .selectFrom('committees')
    .select([
      'committees.id',
      'committees.compound_id',
      'committees.seats',
      'committees.elected_on',
      'committees.term_ends_on',
    ])
    .select((eb) => [
      eb
        .selectFrom('committee_members')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('committee_members.committee_id', '=', 'committees.id')
        .where('committee_members.ended_on', 'is', null)
        .as('active_members'),
      eb
        .selectFrom('committee_meetings')
        .select(sql<string | null>`max(committee_meetings.held_on)`.as('m'))
        .whereRef('committee_meetings.committee_id', '=', 'committees.id')
        .as('last_meeting_on'),
    ])
    .where('committees.compound_id', 'in', compoundIds)
    .where('committees.status', '=', 'current')
    .execute();
}

export async function taskCounts(db: Executor, compoundIds: readonly string[], today: string) {
  if (compoundIds.length === 0) return [];
  return db
    .selectFrom('gov_tasks')
    .select([
      'compound_id',
      sql<number>`count(*)`.as('pending'),
      sql<number>`sum(case when due_on < ${today} then 1 else 0 end)`.as('overdue'),
      sql<string>`min(due_on)`.as('next_due_on'),
    ])
    .where('compound_id', 'in', compoundIds)
    .where('done_on', 'is', null)
    .groupBy('compound_id')
    .execute();
}

/** Current committees in scope whose term ends by `endsBy`: still in term (ends on/after `today`) or ended. */
export async function countCommitteesEndingBy(
  db: Executor,
  grants: readonly Grant[],
  today: string,
  endsBy: string,
) {
  const row = await db
    .selectFrom('committees')
    .innerJoin('compounds', 'compounds.id', 'committees.compound_id')
    .select([
      sql<number>`sum(case when committees.term_ends_on >= ${today} then 1 else 0 end)`.as('expiring'),
      sql<number>`sum(case when committees.term_ends_on < ${today} then 1 else 0 end)`.as('expired'),
    ])
    .where(scoped(grants))
    .where('committees.status', '=', 'current')
    .where('committees.term_ends_on', '<=', endsBy)
    .executeTakeFirst();
  return { expiring: Number(row?.expiring ?? 0), expired: Number(row?.expired ?? 0) };
}

/** The overview rows of the given compounds that lie in scope. */
export async function overviewCompoundsByIds(db: Executor, grants: readonly Grant[], ids: readonly string[]) {
  if (ids.length === 0) return [];
  return overviewRows(db, grants).where('compounds.id', 'in', ids).execute();
}
