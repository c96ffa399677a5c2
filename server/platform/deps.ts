// What services receive: the database, the clock and the configuration. No globals.
import type { Config } from '../config.js';
import type { Clock } from './clock.js';
import type { Database, Tx } from './db/database.js';
import { appendAudit, type AuditActor, type AuditEntry } from './audit/audit.js';

export interface Deps {
  database: Database;
  clock: Clock;
  config: Config;
}

export type Audit = (entry: AuditEntry) => Promise<void>;

/** Runs a write in one transaction together with its audit record(s) (on SQLite possibly sharing its commit: Database.write). */
export async function writeTx<T>(
  deps: Deps,
  actor: AuditActor,
  requestId: string | null,
  fn: (trx: Tx, audit: Audit) => Promise<T>,
): Promise<T> {
  return deps.database.write(async (trx) => {
    const at = deps.clock.now().toISOString();
    const audit: Audit = async (entry) => {
      await appendAudit(trx, actor, { requestId, ...entry }, at);
    };
    return fn(trx, audit);
  });
}
