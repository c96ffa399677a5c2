// Durable job / outbox table. Enqueue inside the transaction of the write that causes the job
// (outbox); workers claim due jobs with a lease. On PostgreSQL claims use FOR UPDATE SKIP LOCKED, so
// several server instances never run one job at the same time; SQLite has a single writer.
import type { Database, Executor } from '../db/database.js';
import { skipLocked } from '../db/locks.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
  /** A job with the same dedupe key is enqueued only once (e.g. one escalation per case and deadline). */
  dedupeKey?: string;
}

export interface NewJob {
  queue: string;
  payload: unknown;
  options?: EnqueueOptions;
}

/** Enqueues several jobs in one statement; returns how many were new (dedupe keys already present are skipped). */
export async function enqueueJobs(trx: Executor, clock: Clock, jobs: readonly NewJob[]): Promise<number> {
  if (jobs.length === 0) return 0;
  const now = clock.now().toISOString();
  const result = await trx
    .insertInto('jobs')
    .values(
      jobs.map((j) => ({
        id: newId(),
        queue: j.queue,
        payload: JSON.stringify(j.payload),
        status: 'pending' as const,
        run_at: (j.options?.runAt ?? clock.now()).toISOString(),
        attempts: 0,
        max_attempts: j.options?.maxAttempts ?? 5,
        locked_by: null,
        locked_until: null,
        last_error: null,
        dedupe_key: j.options?.dedupeKey ?? null,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function enqueueJob(
  trx: Executor,
  clock: Clock,
  queue: string,
  payload: unknown,
  options: EnqueueOptions = {},
): Promise<boolean> {
  return (await enqueueJobs(trx, clock, [{ queue, payload, options }])) > 0;
}

export interface ClaimedJob {
  id: string;
  queue: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  /** The worker holding the lease (completeJobIn checks it is still this one). */
  lockedBy: string;
}

/** Claims up to `limit` due jobs (pending, or running with an expired lease) for this worker. */
export async function claimJobs(
  database: Database,
  clock: Clock,
  workerId: string,
  queues: readonly string[],
  limit = 10,
  leaseMs = 60_000,
): Promise<ClaimedJob[]> {
  if (queues.length === 0) return [];
  const now = clock.now().toISOString();
  const until = new Date(clock.now().getTime() + leaseMs).toISOString();
  return database.db.transaction().execute(async (trx) => {
    const query = trx
      .selectFrom('jobs')
      .select(['id'])
      .where('queue', 'in', queues)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
        ]),
      )
      .orderBy('run_at')
      .limit(limit);
    const ids = (await skipLocked(trx, query).execute()).map((r) => r.id);
    if (ids.length === 0) return [];
    const rows = await trx
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        locked_by: workerId,
        locked_until: until,
        attempts: eb('attempts', '+', 1),
        updated_at: now,
      }))
      .where('id', 'in', ids)
      .returning(['id', 'queue', 'payload', 'attempts', 'max_attempts', 'run_at'])
      .execute();
    // RETURNING order is unspecified: run jobs in due order.
    rows.sort((a, b) => a.run_at.localeCompare(b.run_at) || a.id.localeCompare(b.id));
    return rows.map((r) => ({
      id: r.id,
      queue: r.queue,
      payload: JSON.parse(r.payload) as unknown,
      attempts: r.attempts,
      maxAttempts: r.max_attempts,
      lockedBy: workerId,
    }));
  });
}

export async function completeJob(db: Executor, clock: Clock, id: string, workerId: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'done', locked_by: null, locked_until: null, updated_at: clock.now().toISOString() })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute();
}

/** The job's lease passed to another worker before this one finished (its work must not commit). */
export class JobLeaseLostError extends Error {
  constructor(readonly jobId: string) {
    super(`job ${jobId}: the lease passed to another worker`);
  }
}

/**
 * Marks a job done inside the handler's own transaction, so its work and its completion commit together:
 * a worker that dies after committing leaves no job to run again, and a worker whose lease expired (another
 * claimed the job meanwhile) throws JobLeaseLostError, rolling its work back. For handlers whose work must
 * happen exactly once (escalations, counters). The worker's completeJob afterwards then matches no row.
 */
export async function completeJobIn(trx: Executor, clock: Clock, job: ClaimedJob): Promise<void> {
  const r = await trx
    .updateTable('jobs')
    .set({ status: 'done', locked_by: null, locked_until: null, updated_at: clock.now().toISOString() })
    .where('id', '=', job.id)
    .where('locked_by', '=', job.lockedBy)
    .where('status', '=', 'running')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new JobLeaseLostError(job.id);
}

/** Retries with exponential back-off until max attempts, then marks the job failed. */
export async function failJob(db: Executor, clock: Clock, job: ClaimedJob, workerId: string, error: unknown) {
  const now = clock.now();
  const final = job.attempts >= job.maxAttempts;
  const delayMs = Math.min(2 ** job.attempts * 1000, 3_600_000);
  await db
    .updateTable('jobs')
    .set({
      status: final ? 'failed' : 'pending',
      run_at: new Date(now.getTime() + delayMs).toISOString(),
      locked_by: null,
      locked_until: null,
      last_error: error instanceof Error ? error.message : String(error),
      updated_at: now.toISOString(),
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', workerId)
    .execute();
}

export type JobHandler = (payload: unknown, job: ClaimedJob) => Promise<void>;

/** Polls the table and runs handlers; one per server instance. */
export class JobWorker {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private readonly workerId = `worker-${newId()}`;

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    private readonly handlers: Record<string, JobHandler>,
    private readonly intervalMs = 1000,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    while (this.running) await new Promise((r) => setTimeout(r, 20));
  }

  /** Runs one round; returns how many jobs it processed. */
  async tick(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const jobs = await claimJobs(this.database, this.clock, this.workerId, Object.keys(this.handlers));
      for (const job of jobs) {
        try {
          await this.handlers[job.queue](job.payload, job);
          await completeJob(this.database.db, this.clock, job.id, this.workerId);
        } catch (err) {
          await failJob(this.database.db, this.clock, job, this.workerId, err);
        }
      }
      return jobs.length;
    } finally {
      this.running = false;
    }
  }
}
