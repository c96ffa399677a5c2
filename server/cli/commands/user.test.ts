import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const gongzhi = (args: string[], env: Record<string, string>) =>
  spawnSync('bin/gongzhi', args, { env: { ...process.env, ...env }, encoding: 'utf8' });

describe('gongzhi user create (SQLite)', () => {
  it('refuses a weak password with the server’s rule (exit 2), and creates the account with a good one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gz-user-'));
    const env = { DATABASE_URL: `sqlite:${join(dir, 'users.db')}`, GONGZHI_MODE: 'production' };
    const create = (password: string) =>
      gongzhi(['user', 'create', '--username', 'ops', '--password', password], env);
    const short = create('12345678');
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('at least 10 characters');
    for (const weak of ['password2026', 'gongzhi-demo', 'Gongzhi@2026']) {
      const res = create(weak);
      expect(res.status, weak).toBe(2);
      expect(res.stderr).toContain('too common or easy to guess');
    }
    const ok = create('night-ferry-lantern-9');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('created user ops');
  });
});
