// Verification of the audit chain against the signed head kept outside the database.
//
// Walks the sealed records in order and reports the first one whose position, link or keyed hash is
// wrong, then compares the end of the chain with the last signed head: fewer records than anchored is
// truncation (reported with the first missing record), a different hash at the anchored position is
// re-chaining. Records sealed before migration 0007 (plain SHA-256) are accepted only up to the legacy
// boundary the head was signed with, so nobody can re-chain later records with the unkeyed algorithm.
import type { Executor } from '../db/database.js';
import { GENESIS_HASH, KEYED_SEAL, keyedHash, legacyHash, type AuditRecord } from './audit.js';
import { anchorSignatureValid, type AuditChain, type ChainAnchor } from './chain.js';

export type VerifyResult =
  | { ok: true; count: number; pending: number; anchoredSeq: number | null }
  | {
      ok: false;
      count: number;
      pending: number;
      anchoredSeq: number | null;
      seq: number;
      reason: string;
    };

/** Why `row` (at its expected position) is not a valid link of the chain, or null when it is. */
function recordFault(
  row: AuditRecord,
  expectedSeq: number,
  prevHash: string,
  chain: AuditChain,
  legacyThrough: number,
): string | null {
  if (Number(row.seq) !== expectedSeq) return `record ${expectedSeq} is missing`;
  if (row.prev_hash !== prevHash) return 'link to the previous record is broken';
  const r = { ...row, seq: expectedSeq };
  if (row.seal_version === null) {
    if (expectedSeq > legacyThrough)
      return 'sealed without the chain key after keyed sealing began (re-chained)';
    if (legacyHash(r) !== row.hash) return 'content does not match its hash';
    return null;
  }
  if (Number(row.seal_version) !== KEYED_SEAL) return `unknown seal version ${row.seal_version}`;
  if (keyedHash(chain.key, r) !== row.hash)
    return 'content does not match its keyed hash (changed or re-chained)';
  return null;
}

async function countPending(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('hash', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Walks the sealed chain in order; reports the first record whose content, link or position is wrong. */
export async function verifyAuditChain(db: Executor, chain: AuditChain, batch = 5000): Promise<VerifyResult> {
  // The head first: the database only grows after it was written, never the other way round.
  const anchor: ChainAnchor | null = chain.anchors.read();
  const pending = await countPending(db);
  const anchoredSeq = anchor?.seq ?? null;
  let count = 0;
  const fail = (seq: number, reason: string) =>
    ({ ok: false, count, pending, anchoredSeq, seq, reason }) as const;
  if (anchor && !anchorSignatureValid(chain.key, anchor))
    return fail(anchor.seq, `the signed chain head (${chain.anchors.location}) does not match its signature`);
  // Without a head (a new log), every record must be keyed.
  const legacyThrough = anchor ? anchor.legacyThrough : 0;
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const fault = recordFault(row, expectedSeq, prevHash, chain, legacyThrough);
      if (fault) return fail(expectedSeq, fault);
      if (anchor && expectedSeq === anchor.seq && row.hash !== anchor.hash)
        return fail(expectedSeq, 'does not match the signed chain head (re-chained)');
      prevHash = row.hash!;
      expectedSeq += 1;
      count += 1;
    }
  }
  if (anchor && count < anchor.seq)
    return fail(
      count + 1,
      `truncated: records ${count + 1}–${anchor.seq} are missing (the signed head is at ${anchor.seq})`,
    );
  return { ok: true, count, pending, anchoredSeq };
}
