import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDatabase, type TestDatabase } from '../../test/harness.js';
import { fixedClock } from '../clock.js';
import { openDatabase } from '../db/database.js';
import { claimJobs, completeJob, enqueueJob, JobWorker } from './jobs.js';

describe.each(DB_KINDS)('durable jobs (%s)', (kind) => {
  let t: TestDatabase;
  const clock = fixedClock('2026-11-26T00:00:00Z');
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t.drop());

  it('enqueues once per dedupe key and runs a job only when due', async () => {
    const { db } = t.database;
    expect(
      await enqueueJob(
        db,
        clock,
        'q.a',
        { n: 1 },
        { dedupeKey: 'k1', runAt: new Date('2026-11-26T01:00:00Z') },
      ),
    ).toBe(true);
    expect(await enqueueJob(db, clock, 'q.a', { n: 2 }, { dedupeKey: 'k1' })).toBe(false);
    expect(await claimJobs(t.database, clock, 'w1', ['q.a'])).toEqual([]);
    clock.advance(3_600_000);
    const claimed = await claimJobs(t.database, clock, 'w1', ['q.a']);
    expect(claimed.map((j) => j.payload)).toEqual([{ n: 1 }]);
    await completeJob(db, clock, claimed[0].id, 'w1');
    expect(await claimJobs(t.database, clock, 'w1', ['q.a'])).toEqual([]);
  });

  it('retries a failing job with back-off, then marks it failed', async () => {
    let calls = 0;
    await enqueueJob(t.database.db, clock, 'q.fail', {}, { maxAttempts: 2 });
    const worker = new JobWorker(t.database, clock, {
      'q.fail': async () => {
        calls++;
        throw new Error('boom');
      },
    });
    await worker.tick();
    clock.advance(10_000);
    await worker.tick();
    clock.advance(10_000);
    await worker.tick();
    expect(calls).toBe(2);
    const row = await t.database.db
      .selectFrom('jobs')
      .selectAll()
      .where('queue', '=', 'q.fail')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('gives each job to exactly one of several concurrent workers (separate connections)', async () => {
    const { db } = t.database;
    for (let i = 0; i < 60; i++) await enqueueJob(db, clock, 'q.many', { i });
    // Separate database handles act as separate server instances.
    const others = await Promise.all(
      [1, 2].map(() =>
        kind === 'postgres'
          ? openDatabase(process.env.TEST_DATABASE_URL!, { schema: t.schema!, poolSize: 3 })
          : Promise.resolve(t.database),
      ),
    );
    const seen: number[] = [];
    const workers = [t.database, ...others].map(
      (database) =>
        new JobWorker(database, clock, { 'q.many': async (p) => void seen.push((p as { i: number }).i) }),
    );
    for (let round = 0; round < 10; round++) await Promise.all(workers.map((w) => w.tick()));
    expect(seen.length).toBe(60);
    expect(new Set(seen).size).toBe(60);
    if (kind === 'postgres') await Promise.all(others.map((o) => o.close()));
  });
});
