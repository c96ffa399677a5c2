// gongzhi migrate — brings the configured database to the latest schema.
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../platform/db/database.js';
import { migrate } from '../../platform/db/migrate.js';
import { parseCommandArgs } from '../args.js';

export async function run(args: string[] = []): Promise<number> {
  parseCommandArgs(args, { name: 'migrate', usage: 'usage: gongzhi migrate', options: {} });
  const config = loadConfig();
  const database = await openDatabase(config.DATABASE_URL);
  try {
    const applied = await migrate(database);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'already up to date');
    return 0;
  } finally {
    await database.close();
  }
}
