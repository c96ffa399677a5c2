import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '../../../domain/calendar.js';
import { DB_KINDS, startTestApp, type TestApp } from '../../test/harness.js';
import { JobWorker } from '../../platform/jobs/jobs.js';
import { jobHandlers, scheduleDailyJobs } from '../../jobs.js';
import { SESSIONS_CLEANUP_QUEUE } from './auth.jobs.js';

describe.each(DB_KINDS)('expired sessions are cleaned up daily (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  const sessions = async () =>
    (await t.deps.database.db.selectFrom('sessions').select('token_hash').execute()).length;

  it('a server start schedules the cleanup; it deletes expired sessions only and schedules the next day', async () => {
    await t.login('huamu');
    expect(await sessions()).toBeGreaterThan(0);
    await scheduleDailyJobs(t.deps);
    const worker = new JobWorker(t.deps.database, t.deps.clock, jobHandlers(t.deps));
    t.clock.advance(60 * 86_400_000); // far past any session's expiry
    await t.login('pudong'); // a fresh session, not expired
    while ((await worker.tick()) > 0);
    expect(await sessions()).toBe(1);
    const next = await t.deps.database.db
      .selectFrom('jobs')
      .select(['dedupe_key', 'status'])
      .where('queue', '=', SESSIONS_CLEANUP_QUEUE)
      .where('status', '=', 'pending')
      .execute();
    expect(next).toEqual([
      { dedupe_key: `auth-sessions:${addDays(shanghaiDate(t.clock.now()), 1)}`, status: 'pending' },
    ]);
  });
});
