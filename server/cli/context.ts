// Opens the configured database for a CLI command (and migrates it).
import { loadConfig } from '../config.js';
import { systemClock } from '../platform/clock.js';
import { openDatabase } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrate.js';
import type { Deps } from '../platform/deps.js';

export async function withDeps<T>(fn: (deps: Deps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config.DATABASE_URL, { synchronous: config.SQLITE_SYNCHRONOUS });
  try {
    await migrate(database);
    return await fn({ database, clock: systemClock, config });
  } finally {
    await database.close();
  }
}
