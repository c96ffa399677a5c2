// `gongzhi fund verify`: every unit ledger equals the sum of its entries, every building ledger the sum of its
// unit ledgers, every account the sum of its building ledgers (Art 66 按幢立账、按户核算). Three grouped queries,
// however many units; the first mismatch is named.
import type { Executor } from '../../platform/db/database.js';
import * as repo from './fund.repo.js';

export async function verifyLedgers(db: Executor, limit = 20) {
  const [mismatches, counts] = await Promise.all([repo.ledgerMismatches(db, limit), repo.ledgerCounts(db)]);
  return { ok: mismatches.length === 0, mismatches, ...counts };
}
