// Background work of the auth module: expired sessions are deleted once a day (queue auth.sessions.cleanup).
// A session past expires_at is already refused on every request; the cleanup only keeps the table small.
import { addDays, shanghaiDate, startOfShanghaiDay } from '../../../domain/calendar.js';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { enqueueJob, type JobHandler } from '../../platform/jobs/jobs.js';
import { deleteExpiredSessions } from './auth.repo.js';

export const SESSIONS_CLEANUP_QUEUE = 'auth.sessions.cleanup';
const CLEANUP_HOUR = 3; // 03:00 Shanghai, a quiet hour

/** Enqueues the cleanup of `day`, once per day however many instances or restarts ask. */
export async function enqueueSessionsCleanup(
  db: Executor,
  clock: Clock,
  day: string = shanghaiDate(clock.now()),
): Promise<boolean> {
  const runAt = new Date(startOfShanghaiDay(day).getTime() + CLEANUP_HOUR * 3_600_000);
  return enqueueJob(db, clock, SESSIONS_CLEANUP_QUEUE, { day }, { runAt, dedupeKey: `auth-sessions:${day}` });
}

/** Deletes expired sessions and schedules tomorrow's run (from today, so a server down for days does not replay them). */
export function sessionsCleanupHandler(deps: Deps): JobHandler {
  return async () => {
    const db = deps.database.db;
    await enqueueSessionsCleanup(db, deps.clock, addDays(shanghaiDate(deps.clock.now()), 1));
    await deleteExpiredSessions(db, deps.clock.now().toISOString());
  };
}
