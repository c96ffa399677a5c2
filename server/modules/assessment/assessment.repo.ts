// Queries of assessments (考核): periods, their computed results, manual scores and two-way ratings, and the
// names of the units they show.
import type { AssessedLevel } from '../../../domain/assessment.js';
import { inList, type Executor } from '../../platform/db/database.js';
import { forUpdate } from '../../platform/db/locks.js';
import type {
  AssessManualScoreTable,
  AssessPeriodTable,
  AssessRatingTable,
  AssessResultTable,
} from '../../platform/db/schema-assessment.js';

// ---------------------------------------------------------------------------------------------------------
// Periods

export async function insertPeriod(db: Executor, row: AssessPeriodTable) {
  await db.insertInto('assess_periods').values(row).execute();
}

export async function period(db: Executor, id: string) {
  return db.selectFrom('assess_periods').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Periods of the given divisions (null: all), newest first. */
export async function periodsOf(db: Executor, divisions: readonly string[] | null) {
  let q = db.selectFrom('assess_periods').selectAll();
  if (divisions) q = q.where('division_code', 'in', inList(divisions));
  return q.orderBy('from_on', 'desc').orderBy('division_code').execute();
}

export async function divisionNames(db: Executor, codes: readonly string[]) {
  const rows = await db
    .selectFrom('divisions')
    .select(['code', 'name'])
    .where('code', 'in', inList(codes))
    .execute();
  return new Map(rows.map((r) => [r.code, r.name]));
}

// ---------------------------------------------------------------------------------------------------------
// Results

export async function replaceResults(db: Executor, periodId: string, rows: readonly AssessResultTable[]) {
  await db.deleteFrom('assess_results').where('period_id', '=', periodId).execute();
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('assess_results')
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function results(db: Executor, periodId: string, level: AssessedLevel, unitKey?: string) {
  let q = db
    .selectFrom('assess_results')
    .selectAll()
    .where('period_id', '=', periodId)
    .where('level', '=', level);
  if (unitKey !== undefined) q = q.where('unit_key', '=', unitKey);
  return q.execute();
}

export async function resultCount(db: Executor, periodId: string, level: AssessedLevel) {
  const r = await db
    .selectFrom('assess_results')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('period_id', '=', periodId)
    .where('level', '=', level)
    .where('rank', 'is not', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

// ---------------------------------------------------------------------------------------------------------
// Manual scores and ratings

/** One score per unit and indicator: a new entry replaces the old one (in the caller's transaction). */
export async function putManualScore(db: Executor, row: AssessManualScoreTable) {
  await db
    .deleteFrom('assess_manual_scores')
    .where('period_id', '=', row.period_id)
    .where('level', '=', row.level)
    .where('unit_key', '=', row.unit_key)
    .where('indicator_code', '=', row.indicator_code)
    .execute();
  await db.insertInto('assess_manual_scores').values(row).execute();
}

export async function manualScores(db: Executor, periodId: string) {
  return db
    .selectFrom('assess_manual_scores')
    .selectAll()
    .where('period_id', '=', periodId)
    .orderBy('entered_at')
    .execute();
}

export async function insertRating(db: Executor, row: AssessRatingTable) {
  await db.insertInto('assess_ratings').values(row).execute();
}

export async function ratings(db: Executor, periodId: string, f: { raterKeys?: readonly string[] } = {}) {
  let q = db.selectFrom('assess_ratings').selectAll().where('period_id', '=', periodId);
  if (f.raterKeys) q = q.where('rater_key', 'in', inList(f.raterKeys));
  return q.orderBy('created_at').execute();
}

/**
 * The period row locked (the caller's transaction): scores, ratings, compute and publish of one period take
 * turns, so a score entered while the office publishes either lands before (and the publish sees a new version)
 * or sees the period published.
 */
export async function periodLocked(db: Executor, id: string) {
  return forUpdate(db, db.selectFrom('assess_periods').selectAll().where('id', '=', id)).executeTakeFirst();
}

/** A score or rating came in: a computed period needs computing again (the version moves on). */
export async function markStale(db: Executor, id: string, version: number, now: string) {
  await db
    .updateTable('assess_periods')
    .set({ status: 'draft', version: version + 1, updated_at: now })
    .where('id', '=', id)
    .execute();
}
