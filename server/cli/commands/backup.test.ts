import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db/database.js';
import { migrate } from '../../platform/db/migrate.js';

const gongzhi = (args: string[], env: Record<string, string>) =>
  spawnSync('bin/gongzhi', args, { env: { ...process.env, ...env }, encoding: 'utf8' });

describe('gongzhi backup / restore (SQLite)', () => {
  it('takes an online backup and restores it over a changed database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gz-backup-'));
    const url = `sqlite:${join(dir, 'live.db')}`;
    const db = await openDatabase(url);
    await migrate(db);
    const now = new Date().toISOString();
    await db.db
      .insertInto('settings')
      .values({ key: 'marker', value_json: '"before"', updated_at: now })
      .execute();
    // The backup is taken while this connection is still open (online backup).
    const out = join(dir, 'copy.db');
    const backup = gongzhi(['backup', '--out', out], { DATABASE_URL: url });
    expect(backup.status).toBe(0);
    expect(existsSync(out)).toBe(true);
    await db.db.updateTable('settings').set({ value_json: '"after"' }).where('key', '=', 'marker').execute();
    await db.close();

    expect(gongzhi(['restore', out], { DATABASE_URL: url }).status).toBe(0);
    const restored = await openDatabase(url);
    const row = await restored.db
      .selectFrom('settings')
      .select('value_json')
      .where('key', '=', 'marker')
      .executeTakeFirstOrThrow();
    await restored.close();
    expect(row.value_json).toBe('"before"');
    const missing = gongzhi(['restore', join(dir, 'nope.db')], { DATABASE_URL: url });
    expect(missing.status).toBe(2);
  });

  it('restores into a data folder that does not exist yet (a fresh machine)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gz-restore-'));
    const source = await openDatabase(`sqlite:${join(dir, 'source.db')}`);
    await migrate(source);
    await source.close();
    const target = join(dir, 'fresh', 'data', 'gongzhi.db');
    const res = gongzhi(['restore', join(dir, 'source.db')], { DATABASE_URL: `sqlite:${target}` });
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    const restored = await openDatabase(`sqlite:${target}`);
    // The migrated schema came across (the query fails on an empty file).
    const settings = await restored.db.selectFrom('settings').select('key').execute();
    await restored.close();
    expect(Array.isArray(settings)).toBe(true);
  });
});
