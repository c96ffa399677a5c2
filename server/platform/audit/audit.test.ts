import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDatabase, type TestDatabase } from '../../test/harness.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { appendAudit, verifyAuditChain } from './audit.js';

const actor = { id: 'u1', name: 'tester' };

describe.each(DB_KINDS)('audit hash chain (%s)', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    const { db, dialect } = t.database;
    for (let i = 0; i < 20; i++) {
      await db
        .transaction()
        .execute((trx) =>
          appendAudit(
            trx,
            dialect,
            actor,
            { action: 'test.write', targetType: 'thing', targetId: `t${i}`, after: { i } },
            `2026-11-26T00:00:${String(i).padStart(2, '0')}Z`,
          ),
        );
    }
  });
  afterAll(() => t.drop());

  it('chains concurrent appends without gaps or forks', async () => {
    const { db, dialect } = t.database;
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db
          .transaction()
          .execute((trx) =>
            appendAudit(
              trx,
              dialect,
              actor,
              { action: 'test.concurrent', targetType: 'thing', targetId: `c${i}` },
              '2026-11-26T01:00:00Z',
            ),
          ),
      ),
    );
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 30 });
  });

  it('refuses updates and deletes in the database itself', async () => {
    const { db } = t.database;
    await expect(
      db.updateTable('audit_log').set({ actor_name: 'mallory' }).where('seq', '=', 3).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('seq', '=', 3).execute()).rejects.toThrow(/append-only/);
  });

  it('reports the first tampered record when someone bypasses the guard', async () => {
    const { db, dialect } = t.database;
    if (dialect === 'postgres')
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db);
    else await sql`drop trigger audit_log_no_update`.execute(db);
    await db.updateTable('audit_log').set({ after_json: '{"i":999}' }).where('seq', '=', 7).execute();
    await db.updateTable('audit_log').set({ actor_name: 'mallory' }).where('seq', '=', 12).execute();
    const result = await verifyAuditChain(db, 5);
    expect(result).toMatchObject({ ok: false, seq: 7, count: 6 });
  });
});

describe('gongzhi audit verify', () => {
  it('exits 0 on an intact log and non-zero naming the record once tampered', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gz-audit-'));
    const url = `sqlite:${join(dir, 'a.db')}`;
    const database = await openDatabase(url);
    await migrate(database);
    for (let i = 0; i < 5; i++) {
      await database.db
        .transaction()
        .execute((trx) =>
          appendAudit(
            trx,
            'sqlite',
            actor,
            { action: 'x', targetType: 'y', targetId: null },
            '2026-11-26T00:00:00Z',
          ),
        );
    }
    const run = () =>
      spawnSync('bin/gongzhi', ['audit', 'verify'], {
        env: { ...process.env, DATABASE_URL: url },
        encoding: 'utf8',
      });
    const ok = run();
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('5 records');
    await sql`drop trigger audit_log_no_delete`.execute(database.db);
    await database.db.deleteFrom('audit_log').where('seq', '=', 4).execute();
    await database.close();
    const bad = run();
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('record 4');
  });
});
