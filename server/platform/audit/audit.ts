// Append-only, hash-chained audit log of every write.
//
// Writers only insert (inside the transaction of the write they describe): no lock, no read, so
// concurrent writers never queue behind each other. A sealer (seal.ts) then links the new records into
// the chain in one place — chain position (seq), the previous record's hash and its own keyed hash —
// serialised by a lock, so several server instances never fork the chain. Changing or deleting a sealed
// record breaks the chain from there on; the database refuses both (triggers), and `verifyAuditChain`
// (verify.ts) finds what a bypass of the triggers changed, against the signed head kept outside the
// database (chain.ts). Unsealed records are exposed for at most one sealing interval (~1 s).
import { createHash } from 'node:crypto';
import type { Executor } from '../db/database.js';
import { newId } from '../ids.js';
import type { AuditLogTable } from '../db/schema.js';
import { hmac } from './chain.js';

export const GENESIS_HASH = '0'.repeat(64);
/** seal_version of records sealed with HMAC-SHA256 (null: sealed before migration 0007, plain SHA-256). */
export const KEYED_SEAL = 2;

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

const canonical = (r: Omit<AuditRecord, 'hash' | 'seal_version'>) =>
  JSON.stringify([
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

/** The unkeyed hash of records sealed before migration 0007 (anyone can recompute it). */
export function legacyHash(r: Omit<AuditRecord, 'hash' | 'seal_version'>): string {
  return createHash('sha256').update(canonical(r)).digest('hex');
}

/** HMAC-SHA256 of a record under the chain key (version-tagged, so a legacy hash never collides). */
export function keyedHash(key: Buffer, r: Omit<AuditRecord, 'hash' | 'seal_version'>): string {
  return hmac(key, `v${KEYED_SEAL}:${canonical(r)}`);
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
      seal_version: null,
    })
    .execute();
  return id;
}
