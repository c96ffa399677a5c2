// Group commit for SQLite's one connection (docs/decisions/0011-group-commit.md). Every audited write
// (writeTx) is one unit of work. On SQLite the units that arrive while one is running wait for the
// connection anyway; instead of one BEGIN … COMMIT each, the waiting units run one after another inside
// ONE transaction, each in its own SAVEPOINT, and the transaction commits once for the group: the pages
// the units share (index leaves, the counters, the audit tail) are written to the WAL once, not once per
// unit. Nothing changes for a unit's logic: units run strictly one at a time, see each other's effects
// in arrival order exactly as serial transactions would, and a unit that fails is rolled back to its
// savepoint and rejected at once, changing nothing. A unit's result is delivered only after the group's
// COMMIT returned: nothing is acknowledged before it is durable. With no concurrent writes a group is one
// unit (no waiting is added). A group is bounded in units and in time, so reads queued behind it on the
// connection wait for at most one bounded group.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.js';

type Tx = Transaction<DB>;

interface Unit {
  fn: (trx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

export interface GroupLimits {
  /** Most units in one transaction. */
  maxUnits: number;
  /** Stop taking new units into a group once it has been open this long (ms). */
  maxMs: number;
}

export const DEFAULT_GROUP_LIMITS: GroupLimits = { maxUnits: 64, maxMs: 25 };

/** A `write(fn)` that runs fn in a transaction, grouping concurrent callers into one commit. */
export function groupCommitter(db: Kysely<DB>, limits: GroupLimits = DEFAULT_GROUP_LIMITS) {
  const queue: Unit[] = [];
  let draining = false;

  async function runGroup(): Promise<void> {
    const taken: Unit[] = [];
    const done: { unit: Unit; value: unknown }[] = [];
    const opened = performance.now();
    try {
      await db.transaction().execute(async (trx) => {
        while (
          queue.length > 0 &&
          taken.length < limits.maxUnits &&
          (taken.length === 0 || performance.now() - opened < limits.maxMs)
        ) {
          const unit = queue.shift()!;
          taken.push(unit);
          await sql`savepoint gz_unit`.execute(trx);
          try {
            const value = await unit.fn(trx);
            await sql`release gz_unit`.execute(trx);
            done.push({ unit, value });
          } catch (err) {
            await sql`rollback to gz_unit`.execute(trx);
            await sql`release gz_unit`.execute(trx);
            unit.reject(err);
          }
        }
      });
    } catch (err) {
      // BEGIN, a savepoint statement or COMMIT failed: nothing of the group is committed. Every unit that
      // entered it is rejected (rejecting one already rejected does nothing); queued units go on.
      for (const u of taken) u.reject(err);
      return;
    }
    for (const d of done) d.unit.resolve(d.value);
  }

  // Before a group opens, one turn of the event loop: requests that arrived with this one finish their
  // reads on the connection (which the open transaction would hold) and join the group.
  const nextTurn = () => new Promise<void>((r) => setImmediate(r));

  async function drain(): Promise<void> {
    try {
      while (queue.length > 0) {
        await nextTurn();
        await runGroup();
      }
    } finally {
      draining = false;
    }
  }

  return function write<T>(fn: (trx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (!draining) {
        draining = true;
        void drain();
      }
    });
  };
}
