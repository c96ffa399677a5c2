// What a committee did, for "连续六个月未开展工作" (《规定》 Art 32 ¶2 (二)): the latest of its meetings, filings,
// the assembly decisions it convened and the notices it posted, per committee (domain/governance-reelection.ts).
import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor } from '../../../platform/db/database.js';
import type { DB } from '../../../platform/db/schema.js';

const max = (col: string) => sql<string | null>`max(${sql.ref(col)})`;

/** The latest of a decisions column over the committee's compound (an early re-election is the street's). */
const decisionMax = (eb: ExpressionBuilder<DB, 'committees'>, col: string) =>
  eb
    .selectFrom('decisions')
    .select(max(`decisions.${col}`).as('m'))
    .whereRef('decisions.compound_id', '=', 'committees.compound_id')
    .where('decisions.status', '!=', 'cancelled')
    // An early re-election is convened by the street (Art 32 ¶2), not work of the committee.
    .where('decisions.matter', '!=', 'early_reelection');

/** Per committee id: the latest day (or instant, for decisions' close and posting) of each kind of work. */
export async function committeeWorkOf(db: Executor, committeeIds: readonly string[]) {
  if (committeeIds.length === 0) return [];
  return db
    .selectFrom('committees')
    .select((eb) => [
      'committees.id',
      'committees.filing_submitted_on',
      eb
        .selectFrom('committee_meetings')
        .select(max('committee_meetings.held_on').as('m'))
        .whereRef('committee_meetings.committee_id', '=', 'committees.id')
        .as('last_meeting_on'),
      eb
        .selectFrom('committee_meetings')
        .select(max('committee_meetings.published_on').as('m'))
        .whereRef('committee_meetings.committee_id', '=', 'committees.id')
        .as('last_resolution_notice_on'),
      eb
        .selectFrom('committee_changes')
        .select(max('committee_changes.submitted_on').as('m'))
        .whereRef('committee_changes.committee_id', '=', 'committees.id')
        .as('last_change_filing_on'),
      eb
        .selectFrom('gov_tasks')
        .select(max('gov_tasks.done_on').as('m'))
        .whereRef('gov_tasks.subject_id', '=', 'committees.id')
        .where('gov_tasks.kind', '=', 'election_notice')
        .as('names_posted_on'),
      decisionMax(eb, 'notice_posted_on').as('last_decision_notice_on'),
      decisionMax(eb, 'closed_at').as('last_decision_closed_at'),
      decisionMax(eb, 'published_at').as('last_decision_published_at'),
    ])
    .where('committees.id', 'in', committeeIds)
    .execute();
}

/** The latest closed or published assembly decision on an early re-election since `sinceIso` (not cancelled). */
export async function latestEarlyReelectionDecision(db: Executor, compoundId: string, sinceIso: string) {
  return db
    .selectFrom('decisions')
    .select(['id', 'title', 'status', 'closed_at', 'result_json'])
    .where('compound_id', '=', compoundId)
    .where('matter', '=', 'early_reelection')
    .where('status', 'in', ['closed', 'published'])
    .where('closed_at', '>=', sinceIso)
    .orderBy('closed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Current committees in id order after `after`, for the daily scan. */
export async function currentCommitteesAfter(db: Executor, after: string | null, limit: number) {
  let q = db
    .selectFrom('committees')
    .innerJoin('compounds', 'compounds.id', 'committees.compound_id')
    .selectAll('committees')
    .select(['compounds.name as compound_name', 'compounds.street_code', 'compounds.district_code'])
    .where('committees.status', '=', 'current');
  if (after) q = q.where('committees.id', '>', after);
  return q.orderBy('committees.id').limit(limit).execute();
}
