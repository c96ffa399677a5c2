import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDatabase, type TestDatabase } from '../../test/harness.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { appendAudit, sealAuditLog, verifyAuditChain } from './audit.js';

const actor = { id: 'u1', name: 'tester' };

describe.each(DB_KINDS)('audit hash chain (%s)', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    const { db } = t.database;
    for (let i = 0; i < 20; i++) {
      await db
        .transaction()
        .execute((trx) =>
          appendAudit(
            trx,
            actor,
            { action: 'test.write', targetType: 'thing', targetId: `t${i}`, after: { i } },
            `2026-11-26T00:00:${String(i).padStart(2, '0')}Z`,
          ),
        );
    }
  });
  afterAll(() => t.drop());

  it('appends without waiting for the chain, then seals every record exactly once', async () => {
    const { db } = t.database;
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 0, pending: 20 });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db
          .transaction()
          .execute((trx) =>
            appendAudit(
              trx,
              actor,
              { action: 'test.concurrent', targetType: 'thing', targetId: `c${i}` },
              '2026-11-26T01:00:00Z',
            ),
          ),
      ),
    );
    // Two sealers at once (as on two server instances) must not fork the chain.
    const sealed = await Promise.all([sealAuditLog(t.database, 7), sealAuditLog(t.database, 7)]);
    expect(sealed[0] + sealed[1]).toBe(30);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, count: 30, pending: 0 });
    expect(await sealAuditLog(t.database)).toBe(0);
  });

  it('refuses updates and deletes in the database itself, and any change to an unsealed record but its seal', async () => {
    const { db } = t.database;
    await expect(
      db.updateTable('audit_log').set({ actor_name: 'mallory' }).where('seq', '=', 3).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('seq', '=', 3).execute()).rejects.toThrow(/append-only/);
    const id = await db
      .transaction()
      .execute((trx) =>
        appendAudit(
          trx,
          actor,
          { action: 'test.late', targetType: 'thing', targetId: 'x' },
          '2026-11-26T02:00:00Z',
        ),
      );
    await expect(
      db
        .updateTable('audit_log')
        .set({ actor_name: 'mallory', hash: 'f'.repeat(64) })
        .where('id', '=', id)
        .execute(),
    ).rejects.toThrow(/append-only/);
    expect(await sealAuditLog(t.database)).toBe(1);
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
            actor,
            { action: 'x', targetType: 'y', targetId: null },
            `2026-11-26T00:00:0${i}Z`,
          ),
        );
    }
    await database.close();
    const run = () =>
      spawnSync('bin/gongzhi', ['audit', 'verify'], {
        env: { ...process.env, DATABASE_URL: url },
        encoding: 'utf8',
      });
    const ok = run();
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('5 records');
    const again = await openDatabase(url);
    await sql`drop trigger audit_log_no_delete`.execute(again.db);
    await again.db.deleteFrom('audit_log').where('seq', '=', 4).execute();
    await again.close();
    const bad = run();
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('record 4');
  });
});
