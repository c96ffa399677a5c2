// The sealer: links committed, unsealed audit records into the keyed chain and anchors the new head.
//
// Cost per batch does not depend on the size of the log: pending records come from the partial index
// `audit_log_pending` (only unsealed rows, migration 0007), the head and the anchored record are looked
// up by their unique seq. Each batch is one short transaction; between batches the sealer yields to the
// event loop, and one tick seals at most `maxBatches` batches, so requests are never held up for long.
// The sealer refuses to extend a chain that no longer matches its signed head (truncated or re-chained):
// it would otherwise sign the tampered chain into a new, valid-looking head. It also refuses to extend a
// chain whose newest record does not verify under its own key — on several instances, the sign of an
// instance configured with a different audit key, which would otherwise fork the chain into two keys.
//
// Several instances (docs/deploy.md "Several instances"): batches take turns on one advisory lock, so there
// is one chain; the signed head is written while holding that lock and names the chain's newest record at
// that moment, so a head file shared by the instances only ever moves forwards.
import { sql } from 'kysely';
import type { Database, Executor } from '../db/database.js';
import { advisoryLock, underAdvisoryLock } from '../db/locks.js';
import { GENESIS_HASH, KEYED_SEAL, keyedHash } from './audit.js';
import { anchorSignatureValid, signAnchor, type AuditChain, type ChainAnchor } from './chain.js';

const AUDIT_CHAIN_LOCK = 727_001;

export class AuditChainBroken extends Error {}

export interface SealOptions {
  /** Records per transaction. */
  batch?: number;
  /** Batches per call (the work of one sealer tick); unbounded when omitted. */
  maxBatches?: number;
}

interface Head {
  seq: number;
  hash: string;
}

async function newestSealed(trx: Executor) {
  return trx
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

async function chainHead(trx: Executor): Promise<Head | null> {
  const head = await newestSealed(trx);
  return head ? { seq: Number(head.seq), hash: head.hash! } : null;
}

/** The newest record and the head it gives, after checking it was sealed under this chain's key. */
async function keyedChainHead(trx: Executor, chain: AuditChain): Promise<Head | null> {
  const row = await newestSealed(trx);
  if (!row) return null;
  const seq = Number(row.seq);
  if (Number(row.seal_version) === KEYED_SEAL && keyedHash(chain.key, { ...row, seq }) !== row.hash)
    throw new AuditChainBroken(
      `audit record ${seq} does not match its keyed hash under this instance's audit key (changed, or sealed ` +
        'with another key: every instance needs the same AUDIT_KEY or AUDIT_KEY_FILE contents)',
    );
  return { seq, hash: row.hash! };
}

/** Throws when the database no longer holds the chain the last signed head describes. */
async function checkAgainstAnchor(trx: Executor, chain: AuditChain, head: Head | null): Promise<void> {
  const anchor = chain.anchors.read();
  if (!anchor) return;
  if (!anchorSignatureValid(chain.key, anchor))
    throw new AuditChainBroken(`the signed chain head in ${chain.anchors.location} is not valid`);
  if (!head || head.seq < anchor.seq)
    throw new AuditChainBroken(`audit log truncated: record ${(head?.seq ?? 0) + 1} is missing`);
  const at = await trx
    .selectFrom('audit_log')
    .select('hash')
    .where('seq', '=', anchor.seq)
    .executeTakeFirst();
  if (at?.hash !== anchor.hash)
    throw new AuditChainBroken(`audit record ${anchor.seq} does not match the signed chain head`);
}

/** The last record sealed without a key (first anchoring after the upgrade to keyed seals). */
async function legacyBoundary(trx: Executor): Promise<number> {
  const row = await trx
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('seq').as('s'))
    .where('seq', 'is not', null)
    .where('seal_version', 'is', null)
    .executeTakeFirst();
  return Number(row?.s ?? 0);
}

interface Link {
  id: string;
  seq: number;
  prev: string;
  hash: string;
}

/** One statement for the whole batch (VALUES columns are column1… on both databases). */
async function writeLinks(trx: Executor, links: Link[]): Promise<void> {
  const rows = links.map((l) => sql`(${l.id}, cast(${l.seq} as bigint), ${l.prev}, ${l.hash})`);
  await sql`update audit_log set seq = v.column2, prev_hash = v.column3, hash = v.column4,
      seal_version = ${KEYED_SEAL}
    from (values ${sql.join(rows)}) as v where audit_log.id = v.column1`.execute(trx);
}

async function sealBatch(database: Database, chain: AuditChain, batch: number) {
  return database.db.transaction().execute(async (trx) => {
    await advisoryLock(trx, AUDIT_CHAIN_LOCK);
    const pending = await trx
      .selectFrom('audit_log')
      .selectAll()
      .where('hash', 'is', null)
      .orderBy('at')
      .orderBy('id')
      .limit(batch)
      .execute();
    if (pending.length === 0) return { sealed: 0, head: null, legacy: 0 };
    const head = await keyedChainHead(trx, chain);
    await checkAgainstAnchor(trx, chain, head);
    const legacy = chain.anchors.read() ? 0 : await legacyBoundary(trx);
    let seq = head?.seq ?? 0;
    let prev = head?.hash ?? GENESIS_HASH;
    const links: Link[] = [];
    for (const row of pending) {
      seq += 1;
      const hash = keyedHash(chain.key, { ...row, seq, prev_hash: prev });
      links.push({ id: row.id, seq, prev, hash });
      prev = hash;
    }
    await writeLinks(trx, links);
    return { sealed: pending.length, head: { seq, hash: prev }, legacy };
  });
}

const anchoring = new WeakMap<AuditChain, Promise<unknown>>();

/**
 * Writes the signed head after the seal committed, one write at a time per chain in this process and, on
 * PostgreSQL, under the chain's lock across instances: the head written is the chain's newest record then
 * (at least `sealed`, the head this seal reached), so writers sharing one head file never move it back.
 */
function anchor(database: Database, chain: AuditChain, sealed: Head, legacy: number): Promise<unknown> {
  const next = (anchoring.get(chain) ?? Promise.resolve())
    .catch(() => undefined)
    .then(() =>
      underAdvisoryLock(database.db, AUDIT_CHAIN_LOCK, async (db) => {
        const head = (await chainHead(db)) ?? sealed;
        return writeAnchor(chain, head.seq >= sealed.seq ? head : sealed, legacy);
      }),
    );
  anchoring.set(chain, next);
  return next;
}

/** Never moves the anchor backwards (another sealer may have anchored a later head already). */
async function writeAnchor(chain: AuditChain, head: Head, legacy: number): Promise<ChainAnchor | null> {
  const current = chain.anchors.read();
  if (current && current.seq >= head.seq) return null;
  const next = signAnchor(
    chain.key,
    { ...head, legacyThrough: current?.legacyThrough ?? legacy },
    new Date().toISOString(),
  );
  await chain.anchors.write(next);
  return next;
}

const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r));

/** Links committed, unsealed records into the chain (oldest first); returns how many it sealed. */
export async function sealAuditLog(
  database: Database,
  chain: AuditChain,
  options: SealOptions = {},
): Promise<number> {
  const batch = options.batch ?? 200;
  const maxBatches = options.maxBatches ?? Infinity;
  let total = 0;
  let head: Head | null = null;
  let legacy = 0;
  try {
    for (let n = 0; n < maxBatches; n++) {
      if (n > 0) await yieldToEventLoop();
      const r = await sealBatch(database, chain, batch);
      if (r.head) [head, legacy] = [r.head, Math.max(legacy, r.legacy)];
      total += r.sealed;
      if (r.sealed < batch) break;
    }
  } finally {
    if (head) await anchor(database, chain, head, legacy);
  }
  if (!head && !chain.anchors.read()) await anchorExisting(database, chain);
  return total;
}

/** A log with records but no head yet (upgraded from unkeyed seals, or a lost head file): anchor it. */
async function anchorExisting(database: Database, chain: AuditChain): Promise<void> {
  const found = await database.db.transaction().execute(async (trx) => {
    await advisoryLock(trx, AUDIT_CHAIN_LOCK);
    const head = await keyedChainHead(trx, chain);
    return head ? { head, legacy: await legacyBoundary(trx) } : null;
  });
  if (found) await anchor(database, chain, found.head, found.legacy);
}

export interface Sealer {
  stop(): Promise<void>;
}

/**
 * Seals about once a second, at most `maxBatches` × `batch` records per tick; when a tick used its whole
 * budget the next one follows at once (after other work queued on the event loop), so a backlog drains
 * without one long stall.
 */
export function startSealer(
  database: Database,
  chain: AuditChain,
  onError: (err: unknown) => void,
  options: SealOptions & { intervalMs?: number } = {},
): Sealer {
  const batch = options.batch ?? 100;
  const maxBatches = options.maxBatches ?? 20;
  const interval = options.intervalMs ?? 1000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    running = sealAuditLog(database, chain, { batch, maxBatches })
      .then(
        (n) => n,
        (err: unknown) => (onError(err), 0),
      )
      .then((n) => {
        running = null;
        if (stopped) return;
        timer = setTimeout(tick, n >= batch * maxBatches ? 0 : interval);
        timer.unref();
      });
  };
  timer = setTimeout(tick, interval);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
