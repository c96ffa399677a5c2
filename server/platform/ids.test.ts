import { describe, expect, it } from 'vitest';
import { validate, version } from 'uuid';
import { newId, randomToken } from './ids.js';

/** The 48-bit unix_ts_ms field of a UUIDv7. */
const msOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

function expectStrictlyIncreasingV7(ids: string[]) {
  for (let i = 0; i < ids.length; i++) {
    expect(validate(ids[i]), ids[i]).toBe(true);
    expect(version(ids[i]), ids[i]).toBe(7);
    if (i > 0 && !(ids[i - 1] < ids[i])) throw new Error(`not increasing at ${i}: ${ids[i - 1]} ≥ ${ids[i]}`);
  }
}

describe('newId (UUIDv7 from the uuid package)', () => {
  it('10,000 ids in the same millisecond are valid v7 and strictly increasing', () => {
    const ms = Date.UTC(2026, 10, 26, 1, 30);
    const ids = Array.from({ length: 10_000 }, () => newId(ms));
    expectStrictlyIncreasingV7(ids);
    expect(new Set(ids).size).toBe(10_000);
    // 10,000 fit in the counter of one millisecond: the timestamp is the caller's clock
    expect(ids.every((id) => msOf(id) === ms)).toBe(true);
  });

  it('stamps the injected clock, not Date.now()', () => {
    const ms = Date.UTC(2031, 0, 1);
    const id = newId(ms);
    expect(msOf(id)).toBe(ms);
    expect(id.slice(0, 13)).toBe(
      `${ms.toString(16).padStart(12, '0').slice(0, 8)}-${ms.toString(16).padStart(12, '0').slice(8)}`,
    );
  });

  it('stays increasing when the clock goes back, and with the default clock', () => {
    const ms = Date.UTC(2032, 0, 1);
    const ids = [newId(ms), newId(ms - 60_000), newId(ms - 1), newId(ms + 1), newId(), newId(), newId()];
    expectStrictlyIncreasingV7(ids);
    expect(msOf(ids[1])).toBe(ms); // the earlier clock reading reuses the last millisecond
    expect(msOf(ids[3])).toBe(ms + 1);
    // the default clock (now, before 2032) continues after the latest millisecond used
    expect(msOf(ids[4])).toBeGreaterThanOrEqual(ms + 1);
  });

  it('ids made with Date.now() are v7 near now', () => {
    const before = Date.now();
    const id = newId();
    expect(version(id)).toBe(7);
    expect(msOf(id)).toBeGreaterThanOrEqual(before);
  });

  it('refuses timestamps a UUIDv7 cannot hold', () => {
    for (const bad of [NaN, -1, 1.5, 2 ** 48, Infinity]) expect(() => newId(bad)).toThrow(RangeError);
  });
});

describe('randomToken', () => {
  it('is base64url of the requested length', () => {
    expect(randomToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken(16)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(randomToken()).not.toBe(randomToken());
  });
});
