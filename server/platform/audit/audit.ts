// Append-only, hash-chained audit log of every write.
//
// Writers only insert (inside the transaction of the write they describe): no lock, no read, so
// concurrent writers never queue behind each other. A sealer then links the new records into the chain
// in one place — chain position (seq), the previous record's hash and its own hash — serialised by a
// lock, so several server instances never fork the chain. Changing or deleting a sealed record breaks
// the chain from there on; the database refuses both (triggers), and `verifyAuditChain` finds what a
// bypass of the triggers changed. Unsealed records are exposed for at most one sealing interval (~1 s).
import { createHash } from 'node:crypto';
import type { Database, Executor } from '../db/database.js';
import { advisoryLock } from '../db/locks.js';
import { newId } from '../ids.js';
import type { AuditLogTable } from '../db/schema.js';

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_CHAIN_LOCK = 727_001;

export interface AuditActor {
  id: string | null;
  name: string;
}

export interface AuditEntry {
  action: string; // e.g. registry.compound.create
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

/** One stored record (the table row). */
export type AuditRecord = AuditLogTable;

export function hashRecord(r: Omit<AuditRecord, 'hash'>): string {
  const canonical = JSON.stringify([
    Number(r.seq),
    r.id,
    r.at,
    r.actor_id,
    r.actor_name,
    r.action,
    r.target_type,
    r.target_id,
    r.before_json,
    r.after_json,
    r.request_id,
    r.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

const toJson = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

/** Appends one record; call inside the transaction of the write it describes. */
export async function appendAudit(
  trx: Executor,
  actor: AuditActor,
  entry: AuditEntry,
  at: string,
): Promise<string> {
  const id = newId();
  await trx
    .insertInto('audit_log')
    .values({
      id,
      seq: null,
      at,
      actor_id: actor.id,
      actor_name: actor.name,
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      before_json: toJson(entry.before),
      after_json: toJson(entry.after),
      request_id: entry.requestId ?? null,
      prev_hash: null,
      hash: null,
    })
    .execute();
  return id;
}

/** Links committed, unsealed records into the chain (oldest first); returns how many it sealed. */
// Small batches: each is one short transaction, so other writers are not held up behind a long seal.
export async function sealAuditLog(database: Database, batch = 200): Promise<number> {
  let total = 0;
  for (;;) {
    const sealed = await database.db.transaction().execute(async (trx) => {
      await advisoryLock(trx, AUDIT_CHAIN_LOCK);
      const pending = await trx
        .selectFrom('audit_log')
        .selectAll()
        .where('hash', 'is', null)
        .orderBy('at')
        .orderBy('id')
        .limit(batch)
        .execute();
      if (pending.length === 0) return 0;
      const head = await trx
        .selectFrom('audit_log')
        .select(['seq', 'hash'])
        .where('seq', 'is not', null)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      let seq = head ? Number(head.seq) : 0;
      let prev = head?.hash ?? GENESIS_HASH;
      for (const row of pending) {
        seq += 1;
        const hash = hashRecord({ ...row, seq, prev_hash: prev });
        await trx
          .updateTable('audit_log')
          .set({ seq, prev_hash: prev, hash })
          .where('id', '=', row.id)
          .execute();
        prev = hash;
      }
      return pending.length;
    });
    total += sealed;
    if (sealed < batch) return total;
  }
}

export type VerifyResult =
  | { ok: true; count: number; pending: number }
  | { ok: false; count: number; pending: number; seq: number; reason: string };

/** Walks the sealed chain in order; reports the first record whose content, link or position is wrong. */
export async function verifyAuditChain(db: Executor, batch = 5000): Promise<VerifyResult> {
  const pendingRow = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('hash', 'is', null)
    .executeTakeFirstOrThrow();
  const pending = Number(pendingRow.n);
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    if (rows.length === 0) return { ok: true, count, pending };
    for (const row of rows) {
      const seq = Number(row.seq);
      const fail = (s: number, reason: string) => ({ ok: false as const, count, pending, seq: s, reason });
      if (seq !== expectedSeq) return fail(expectedSeq, `record ${expectedSeq} is missing`);
      if (row.prev_hash !== prevHash) return fail(seq, 'link to the previous record is broken');
      if (hashRecord({ ...row, seq }) !== row.hash) return fail(seq, 'content does not match its hash');
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
  }
}
