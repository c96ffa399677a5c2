// Request rate limits counted in the database (table rate_limits, migration 0012), so that a limit holds
// across every server instance on one database (docs/deploy.md "Several instances"); one instance on
// SQLite takes the same path. A fixed window per key: the window a request falls in is
// floor(now / window) × window on the injected clock, and a request adds one to the counter of (key,
// window) with an upsert — one statement, atomic on both databases, so parallel requests to different
// instances never both see the last free place. Counters of past windows are deleted now and then.
//
// `databaseRateLimitStore` is a store for @fastify/rate-limit (its `store` option): every
// `config.rateLimit` of a route and every `app.rateLimit(…)` hook counts here.
import type { Clock } from '../clock.js';
import type { Database, Executor } from '../db/database.js';

export interface WindowCount {
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Milliseconds until the window ends. */
  ttlMs: number;
}

function windowOf(windowMs: number, now: Date) {
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  return {
    windowStart: new Date(start).toISOString(),
    expiresAt: new Date(start + windowMs).toISOString(),
    ttlMs: start + windowMs - now.getTime(),
  };
}

/** Counts one request of `key` in the current window and returns the window's count. */
export async function countRequest(
  db: Executor,
  key: string,
  windowMs: number,
  now: Date,
): Promise<WindowCount> {
  const w = windowOf(windowMs, now);
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: w.windowStart, count: 1, expires_at: w.expiresAt })
    .onConflict((oc) =>
      oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ count: eb('rate_limits.count', '+', 1) })),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), ttlMs: w.ttlMs };
}

/** The current window's count of `key` without counting a request. */
export async function peekRequests(
  db: Executor,
  key: string,
  windowMs: number,
  now: Date,
): Promise<WindowCount> {
  const w = windowOf(windowMs, now);
  const row = await db
    .selectFrom('rate_limits')
    .select('count')
    .where('key', '=', key)
    .where('window_start', '=', w.windowStart)
    .executeTakeFirst();
  return row ? { count: Number(row.count), ttlMs: w.ttlMs } : { count: 0, ttlMs: 0 };
}

/** Deletes the counters of windows that have ended; returns how many. */
export async function deleteEndedWindows(db: Executor, now: Date): Promise<number> {
  const r = await db
    .deleteFrom('rate_limits')
    .where('expires_at', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

const CLEANUP_EVERY_MS = 60_000;

/**
 * A @fastify/rate-limit store class over {@link countRequest}. A route's limit (`config.rateLimit`) counts
 * under "METHOD url|key", so two routes never share a counter; `app.rateLimit(…)` hooks count under their
 * own key generator's keys. About once a minute an instance deletes ended windows.
 */
export function databaseRateLimitStore(
  database: Database,
  clock: Clock,
  onError: (err: unknown) => void = () => undefined,
) {
  let lastCleanup = 0;
  const cleanup = (now: Date) => {
    if (now.getTime() - lastCleanup < CLEANUP_EVERY_MS) return;
    lastCleanup = now.getTime();
    deleteEndedWindows(database.db, now).catch(onError);
  };
  return class DatabaseRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly namespace = '',
    ) {}

    private key(key: string) {
      return this.namespace ? `${this.namespace}|${key}` : key;
    }

    incr(key: string, cb: Callback, timeWindow: number): void {
      const now = clock.now();
      countRequest(database.db, this.key(key), timeWindow, now).then(
        (r) => cb(null, { current: r.count, ttl: r.ttlMs }),
        (err: Error) => cb(err),
      );
      cleanup(now);
    }

    read(key: string, cb: Callback, timeWindow: number): void {
      peekRequests(database.db, this.key(key), timeWindow, clock.now()).then(
        (r) => cb(null, { current: r.count, ttl: r.ttlMs }),
        (err: Error) => cb(err),
      );
    }

    // The plugin passes the route's merged limit options, with the route under `routeInfo`.
    child(routeOptions: object) {
      const info = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      const method = Array.isArray(info?.method) ? info.method.join(',') : info?.method;
      return new DatabaseRateLimitStore(undefined, info?.url ? `${method ?? ''} ${info.url}` : '');
    }
  };
}
