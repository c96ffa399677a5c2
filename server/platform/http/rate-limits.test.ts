import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDatabase, type TestDatabase } from '../../test/harness.js';
import { countRequest, deleteEndedWindows, peekRequests } from './rate-limits.js';

describe.each(DB_KINDS)('rate limits in the database (%s)', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t.drop());

  it('counts per key in fixed windows, exactly under parallel requests, and forgets ended windows', async () => {
    const db = t.database.db;
    const at = new Date('2026-11-26T02:00:10Z');
    const counts = await Promise.all(Array.from({ length: 20 }, () => countRequest(db, 'k', 60_000, at)));
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(counts[0].ttlMs).toBe(50_000);
    expect((await countRequest(db, 'other', 60_000, at)).count).toBe(1);
    expect(await peekRequests(db, 'k', 60_000, at)).toEqual({ count: 20, ttlMs: 50_000 });
    const next = new Date('2026-11-26T02:01:00Z');
    expect(await peekRequests(db, 'k', 60_000, next)).toEqual({ count: 0, ttlMs: 0 });
    expect(await countRequest(db, 'k', 60_000, next)).toEqual({ count: 1, ttlMs: 60_000 });
    expect(await deleteEndedWindows(db, next)).toBe(2);
    expect((await peekRequests(db, 'k', 60_000, next)).count).toBe(1);
  });
});
