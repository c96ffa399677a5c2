import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db/database.js';
import { migrate } from '../../platform/db/migrate.js';
import { findApiKey } from '../../modules/auth/auth.repo.js';
import { sha256 } from '../../modules/auth/auth.service.js';

const gongzhi = (args: string[], env: Record<string, string>) =>
  spawnSync('bin/gongzhi', args, { env: { ...process.env, ...env }, encoding: 'utf8' });

describe('gongzhi apikey (SQLite)', () => {
  it('creates, lists and revokes a key; a revoked key no longer resolves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gz-apikey-'));
    const url = `sqlite:${join(dir, 'keys.db')}`;
    const db = await openDatabase(url);
    await migrate(db);
    await db.close();
    const env = { DATABASE_URL: url };

    const created = gongzhi(['apikey', 'create', '--channel', 'open311', '--name', '区网格平台'], env);
    expect(created.status, created.stderr).toBe(0);
    const lines = created.stdout.trim().split('\n');
    const key = lines[lines.length - 1];
    const id = /created API key (\S+)/.exec(lines[0])![1];

    const listed = gongzhi(['apikey', 'list'], env);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain(`${id}\topen311\t${key.slice(0, 7)}…`);
    expect(listed.stdout).toContain('\tactive\t区网格平台');
    expect(listed.stdout).not.toContain(key);

    const check = await openDatabase(url);
    expect(await findApiKey(check.db, sha256(key))).toBeDefined();
    expect(gongzhi(['apikey', 'revoke', id], env).status).toBe(0);
    expect(await findApiKey(check.db, sha256(key))).toBeUndefined();
    const audit = await check.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['auth.apikey.create', 'auth.apikey.revoke']);
    await check.close();

    const again = gongzhi(['apikey', 'revoke', id], env);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(`no active API key ${id}`);
    expect(gongzhi(['apikey', 'list'], env).stdout).not.toContain('\tactive\t');
    expect(gongzhi(['apikey', 'revoke'], env).status).toBe(2);
  });
});

describe('gongzhi apikey limit (SQLite)', () => {
  it('sets a key its own Open311 create limit, back to the default, and refuses bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gz-apikey-'));
    const url = `sqlite:${join(dir, 'keys.db')}`;
    const env = { DATABASE_URL: url };
    const created = gongzhi(['apikey', 'create', '--channel', 'open311', '--rate-limit', '600'], env);
    expect(created.status, created.stderr).toBe(0);
    const lines = created.stdout.trim().split('\n');
    const key = lines[lines.length - 1];
    const id = /created API key (\S+)/.exec(lines[0])![1];
    const limitOf = async () => {
      const db = await openDatabase(url);
      try {
        return (await findApiKey(db.db, sha256(key)))!.rate_limit_per_minute;
      } finally {
        await db.close();
      }
    };
    expect(await limitOf()).toBe(600);
    expect(gongzhi(['apikey', 'limit', id, '3000'], env).status).toBe(0);
    expect(await limitOf()).toBe(3000);
    expect(gongzhi(['apikey', 'limit', id, 'default'], env).stdout).toContain('default create limit');
    expect(await limitOf()).toBeNull();
    expect(gongzhi(['apikey', 'limit', id, '0'], env).status).toBe(2);
    expect(gongzhi(['apikey', 'limit', id, '12.5'], env).status).toBe(2);
    expect(gongzhi(['apikey', 'limit', 'no-such-id', '10'], env).status).toBe(2);
  });
});
