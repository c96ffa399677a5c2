// Append-only, hash-chained audit log of every write. Each record's hash covers its content and the
// previous record's hash, so changing or deleting any record breaks the chain from there on.
import { createHash } from 'node:crypto';
import { lockChain, type Dialect, type Executor } from '../db/database.js';
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
  dialect: Dialect,
  actor: AuditActor,
  entry: AuditEntry,
  at: string,
): Promise<AuditRecord> {
  await lockChain(trx, dialect, AUDIT_CHAIN_LOCK);
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const partial = {
    seq: last ? Number(last.seq) + 1 : 1,
    id: newId(),
    at,
    actor_id: actor.id,
    actor_name: actor.name,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    before_json: toJson(entry.before),
    after_json: toJson(entry.after),
    request_id: entry.requestId ?? null,
    prev_hash: last ? last.hash : GENESIS_HASH,
  };
  const record = { ...partial, hash: hashRecord(partial) };
  await trx.insertInto('audit_log').values(record).execute();
  return record;
}

export type VerifyResult =
  { ok: true; count: number } | { ok: false; count: number; seq: number; reason: string };

/** Walks the chain in order; reports the first record whose content, link or sequence is wrong. */
export async function verifyAuditChain(db: Executor, batch = 5000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = (await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batch)
      .execute()) as AuditRecord[];
    if (rows.length === 0) return { ok: true, count };
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq)
        return { ok: false, count, seq: expectedSeq, reason: `record ${expectedSeq} is missing` };
      if (row.prev_hash !== prevHash)
        return { ok: false, count, seq, reason: 'link to the previous record is broken' };
      if (hashRecord({ ...row, seq }) !== row.hash)
        return { ok: false, count, seq, reason: 'content does not match its hash' };
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
  }
}
