// gongzhi backup [--out FILE] — SQLite online backup (consistent while the server runs).
// On PostgreSQL it prints the pg_dump command to use instead.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadConfig } from '../../config.js';
import { isPostgresUrl, openDatabase } from '../../platform/db/database.js';
import { parseCommandArgs } from '../args.js';

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    name: 'backup',
    usage: 'usage: gongzhi backup [--out FILE]',
    options: { out: { type: 'string' } },
  });
  const config = loadConfig();
  if (isPostgresUrl(config.DATABASE_URL)) {
    console.log('PostgreSQL: use the standard tools, e.g.');
    console.log('  pg_dump --format=custom --file=gongzhi.dump "$DATABASE_URL"');
    console.log('  pg_restore --clean --if-exists --dbname="$DATABASE_URL" gongzhi.dump');
    return 0;
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = resolve(values.out ?? `data/backups/gongzhi-${stamp}.db`);
  mkdirSync(dirname(out), { recursive: true });
  const database = await openDatabase(config.DATABASE_URL);
  try {
    await database.sqlite!.backup(out);
    console.log(`backup written to ${out}`);
    return 0;
  } finally {
    await database.close();
  }
}
