// gongzhi restore FILE — replaces the SQLite database with a backup (stop the server first).
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../../config.js';
import { isPostgresUrl } from '../../platform/db/database.js';
import { parseCommandArgs, UsageError } from '../args.js';

export async function run(args: string[]): Promise<number> {
  const USAGE = 'usage: gongzhi restore <backup-file.db>';
  const { positionals } = parseCommandArgs(args, {
    name: 'restore',
    usage: USAGE,
    options: {},
    positionals: true,
  });
  const file = positionals[0];
  if (!file || !existsSync(file)) throw new UsageError(USAGE);
  const config = loadConfig();
  if (isPostgresUrl(config.DATABASE_URL)) {
    console.log('PostgreSQL: pg_restore --clean --if-exists --dbname="$DATABASE_URL" <file.dump>');
    return 2;
  }
  const check = new SQLite(file, { readonly: true });
  const ok = check.pragma('integrity_check', { simple: true });
  check.close();
  if (ok !== 'ok') throw new UsageError(`gongzhi restore: ${file} fails the integrity check (${String(ok)})`);
  const target = resolve(config.DATABASE_URL.slice('sqlite:'.length));
  // Restoring onto a fresh machine: the data folder may not exist yet.
  mkdirSync(dirname(target), { recursive: true });
  for (const suffix of ['-wal', '-shm']) if (existsSync(target + suffix)) rmSync(target + suffix);
  copyFileSync(file, target);
  console.log(`restored ${target} from ${file}`);
  return 0;
}
