// UUIDv7 identifiers made by the application (time-ordered, portable across databases), from the `uuid`
// package (RFC 9562).
import { randomBytes, randomInt } from 'node:crypto';
import { v7 } from 'uuid';

// uuid's v7() keeps a monotonic sequence only when it reads Date.now() itself: given `msecs` (the caller's
// clock) it uses the values it is given as they are. So the process-wide state lives here: the last
// millisecond used and a 32-bit counter in rand_a/rand_b (RFC 9562 §6.2 method 1), seeded at random below
// 2^31 each new millisecond (room for 2^31 more ids in it); when it would overflow, the next millisecond.
const SEQ_LIMIT = 0x1_0000_0000;
const MAX_MS = 2 ** 48 - 1;
let lastMs = -Infinity;
let seq = 0;

/**
 * A new UUIDv7 at `now` (epoch milliseconds, default Date.now()), strictly greater than every id made
 * before in this process — also when the clock stands still or goes back (then the last millisecond
 * used goes on counting).
 */
export function newId(now: number = Date.now()): string {
  if (!Number.isSafeInteger(now) || now < 0 || now > MAX_MS) {
    throw new RangeError(`newId: ${now} is not a millisecond timestamp a UUIDv7 can hold`);
  }
  if (now > lastMs) {
    lastMs = now;
    seq = randomInt(0x8000_0000);
  } else if (++seq >= SEQ_LIMIT) {
    lastMs += 1;
    seq = randomInt(0x8000_0000);
  }
  return v7({ msecs: lastMs, seq });
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
