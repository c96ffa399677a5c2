// The two write patterns every module repeats: the version-checked update (optimistic concurrency, 409 when
// someone else changed the row first) and turning a unique violation into a domain error code.
import type { Updateable } from 'kysely';
import type { Executor } from './database.js';
import { isUniqueViolation } from './database.js';
import type { DB } from './schema.js';
import { AppError, conflict } from '../http/errors.js';

type Versioned = { [T in keyof DB]: DB[T] extends { id: string; version: number } ? T : never }[keyof DB];

/**
 * `update <table> set …, version = version + 1 where id = ? and version = ?`. Throws 409
 * `common.version_conflict` (with `current` as details, when given) when no row had that version.
 */
export async function updateVersioned<T extends Versioned>(
  db: Executor,
  table: T,
  id: string,
  version: number,
  changes: Updateable<DB[T]>,
  current?: unknown,
): Promise<void> {
  // Kysely cannot type a table chosen by a type parameter; the signature above keeps callers typed.
  const result = await (db as unknown as { updateTable: (t: string) => any })
    .updateTable(table)
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw conflict('common.version_conflict', current);
}

/** Runs a write; a unique or primary-key violation becomes `AppError(code, status, params)` (a lost race → 409). */
export async function uniqueOr<T>(
  write: () => Promise<T>,
  code: string,
  params?: Record<string, string | number>,
  status = 409,
): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError(code, status, params);
    throw err;
  }
}
