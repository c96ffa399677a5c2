import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDatabase, type TestDatabase } from '../../test/harness.js';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { appendAudit, GENESIS_HASH, legacyHash } from './audit.js';
import { fileAnchorStore, type AuditChain } from './chain.js';
import { AuditChainBroken, sealAuditLog } from './seal.js';
import { verifyAuditChain } from './verify.js';

const actor = { id: 'u1', name: 'tester' };

async function append(database: Database, n: number, action = 'test.write', at = '2026-11-26T00:00:00Z') {
  for (let i = 0; i < n; i++) {
    await database.db
      .transaction()
      .execute((trx) =>
        appendAudit(trx, actor, { action, targetType: 'thing', targetId: `t${i}`, after: { i } }, at),
      );
  }
}

const newChain = (): AuditChain => ({
  key: randomBytes(32),
  anchors: fileAnchorStore(join(mkdtempSync(join(tmpdir(), 'gz-head-')), 'audit-head.json')),
});

/** What a forger with the database (and the code, not the key) can do once the trigger is gone. */
async function dropGuards(database: Database) {
  const { db, dialect } = database;
  if (dialect === 'postgres')
    await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db);
  else {
    await sql`drop trigger if exists audit_log_no_update`.execute(db);
    await sql`drop trigger if exists audit_log_no_delete`.execute(db);
  }
}

/** Deletes record `seq`, renumbers the later ones and re-hashes them with the unkeyed algorithm. */
async function deleteAndRechain(database: Database, seq: number, keepVersion: boolean) {
  const { db } = database;
  await db.deleteFrom('audit_log').where('seq', '=', seq).execute();
  const later = await db.selectFrom('audit_log').selectAll().where('seq', '>', seq).orderBy('seq').execute();
  const before = await db
    .selectFrom('audit_log')
    .select('hash')
    .where('seq', '=', seq - 1)
    .executeTakeFirst();
  let prev = before?.hash ?? GENESIS_HASH;
  for (const row of later) {
    const s = Number(row.seq) - 1;
    const hash = legacyHash({ ...row, seq: s, prev_hash: prev });
    await db
      .updateTable('audit_log')
      .set({ seq: s, prev_hash: prev, hash, seal_version: keepVersion ? row.seal_version : null })
      .where('id', '=', row.id)
      .execute();
    prev = hash;
  }
}

describe.each(DB_KINDS)('audit hash chain (%s)', (kind) => {
  let t: TestDatabase;
  const chain = newChain();
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await append(t.database, 20);
  });
  afterAll(() => t.drop());

  it('appends without waiting for the chain, then seals every record exactly once and anchors the head', async () => {
    const { db } = t.database;
    expect(await verifyAuditChain(db, chain)).toEqual({ ok: true, count: 0, pending: 20, anchoredSeq: null });
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
    const sealed = await Promise.all([
      sealAuditLog(t.database, chain, { batch: 7 }),
      sealAuditLog(t.database, chain, { batch: 7 }),
    ]);
    expect(sealed[0] + sealed[1]).toBe(30);
    expect(await verifyAuditChain(db, chain)).toEqual({ ok: true, count: 30, pending: 0, anchoredSeq: 30 });
    expect(await sealAuditLog(t.database, chain)).toBe(0);
    const head = JSON.parse(readFileSync(chain.anchors.location, 'utf8')) as Record<string, unknown>;
    expect(head).toMatchObject({ seq: 30, legacyThrough: 0 });
    expect(head.mac).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(join(chain.anchors.location, '..'))).toEqual(['audit-head.json']); // no temp left
  });

  it('bounds the work of one call by maxBatches', async () => {
    await append(t.database, 25, 'test.bounded');
    expect(await sealAuditLog(t.database, chain, { batch: 10, maxBatches: 2 })).toBe(20);
    expect(await sealAuditLog(t.database, chain, { batch: 10, maxBatches: 2 })).toBe(5);
    expect(await verifyAuditChain(t.database.db, chain)).toMatchObject({
      ok: true,
      count: 55,
      anchoredSeq: 55,
    });
  });

  it('finds pending records through the partial index of unsealed records, not by walking the log', async () => {
    const { db, dialect } = t.database;
    const pendingQuery = 'select * from audit_log where hash is null order by at, id limit 100';
    if (dialect === 'sqlite') {
      const plan = await sql.raw<{ detail: string }>(`explain query plan ${pendingQuery}`).execute(db);
      expect(plan.rows.map((r) => r.detail).join('\n')).toMatch(/USING INDEX audit_log_pending/);
    } else {
      const def = await sql<{ indexdef: string }>`select indexdef from pg_indexes
        where indexname = 'audit_log_pending' and schemaname = current_schema()`.execute(db);
      expect(def.rows[0]?.indexdef).toMatch(/\(at, id\) WHERE \(hash IS NULL\)/);
      const plan = await db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        return sql.raw<{ 'QUERY PLAN': string }>(`explain ${pendingQuery}`).execute(trx);
      });
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/audit_log_pending/);
    }
  });

  it('refuses updates and deletes in the database itself, and any change to an unsealed record but its seal', async () => {
    const { db } = t.database;
    await expect(
      db.updateTable('audit_log').set({ actor_name: 'mallory' }).where('seq', '=', 3).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(
      db.updateTable('audit_log').set({ seal_version: null }).where('seq', '=', 3).execute(),
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
    expect(await sealAuditLog(t.database, chain)).toBe(1);
  });

  it('reports the first tampered record when someone bypasses the guard', async () => {
    const { db } = t.database;
    await dropGuards(t.database);
    await db.updateTable('audit_log').set({ after_json: '{"i":999}' }).where('seq', '=', 7).execute();
    await db.updateTable('audit_log').set({ actor_name: 'mallory' }).where('seq', '=', 12).execute();
    const result = await verifyAuditChain(db, chain, 5);
    expect(result).toMatchObject({ ok: false, seq: 7, count: 6 });
  });
});

describe.each(DB_KINDS)('keyed, anchored chain against a forger with the database (%s)', (kind) => {
  let t: TestDatabase;
  let chain: AuditChain;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(() => t.drop());
  const fresh = async (n: number) => {
    await t.drop();
    t = await openTestDatabase(kind);
    chain = newChain();
    await append(t.database, n);
    await sealAuditLog(t.database, chain);
    await dropGuards(t.database);
  };

  it('an intact chain verifies against its signed head', async () => {
    await fresh(12);
    expect(await verifyAuditChain(t.database.db, chain)).toEqual({
      ok: true,
      count: 12,
      pending: 0,
      anchoredSeq: 12,
    });
  });

  it('re-chaining after a deletion with the unkeyed algorithm is reported at the first record affected', async () => {
    for (const keepVersion of [false, true]) {
      await fresh(12);
      await deleteAndRechain(t.database, 8, keepVersion);
      const r = await verifyAuditChain(t.database.db, chain);
      expect(r).toMatchObject({ ok: false, seq: 8, count: 7 });
      if (!r.ok) expect(r.reason).toMatch(/re-chained/);
    }
  });

  it('deleting the newest records is reported as truncation with the first missing record', async () => {
    await fresh(12);
    await t.database.db.deleteFrom('audit_log').where('seq', '>=', 10).execute();
    const r = await verifyAuditChain(t.database.db, chain);
    expect(r).toMatchObject({ ok: false, seq: 10, count: 9, anchoredSeq: 12 });
    if (!r.ok) expect(r.reason).toMatch(/truncated: records 10–12 are missing/);
    // The sealer does not sign new records on top of the truncated chain (that would hide the deletion).
    await append(t.database, 3, 'test.after');
    await expect(sealAuditLog(t.database, chain)).rejects.toThrow(AuditChainBroken);
    expect(await verifyAuditChain(t.database.db, chain)).toMatchObject({ ok: false, seq: 10, pending: 3 });
  });

  it('an instance with another audit key refuses to extend the chain (several instances need one key)', async () => {
    await fresh(5);
    await append(t.database, 2, 'test.other-instance');
    const other = newChain(); // its own key (and head file): e.g. a second machine that generated a key file
    await expect(sealAuditLog(t.database, other)).rejects.toThrow(/another key/);
    expect(other.anchors.read()).toBeNull();
    expect(await sealAuditLog(t.database, chain)).toBe(2);
    expect(await verifyAuditChain(t.database.db, chain)).toMatchObject({
      ok: true,
      count: 7,
      anchoredSeq: 7,
    });
  });

  it('a forged or edited head file is reported', async () => {
    await fresh(5);
    const head = JSON.parse(readFileSync(chain.anchors.location, 'utf8')) as { seq: number };
    writeFileSync(chain.anchors.location, JSON.stringify({ ...head, seq: 3 }));
    const r = await verifyAuditChain(t.database.db, chain);
    expect(r).toMatchObject({ ok: false, seq: 3 });
    if (!r.ok) expect(r.reason).toMatch(/signature/);
  });

  it('records sealed before keyed sealing verify up to the legacy boundary, and only there', async () => {
    await t.drop();
    t = await openTestDatabase(kind);
    chain = newChain();
    await append(t.database, 6);
    // Seal the way the code did before migration 0007: plain SHA-256, no seal_version.
    const rows = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('at')
      .orderBy('id')
      .execute();
    let prev = GENESIS_HASH;
    for (const [i, row] of rows.entries()) {
      const hash = legacyHash({ ...row, seq: i + 1, prev_hash: prev });
      await t.database.db
        .updateTable('audit_log')
        .set({ seq: i + 1, prev_hash: prev, hash })
        .where('id', '=', row.id)
        .execute();
      prev = hash;
    }
    await sealAuditLog(t.database, chain); // nothing pending: anchors the legacy chain as it is
    await append(t.database, 4, 'test.keyed');
    expect(await sealAuditLog(t.database, chain)).toBe(4);
    expect(await verifyAuditChain(t.database.db, chain)).toMatchObject({
      ok: true,
      count: 10,
      anchoredSeq: 10,
    });
    expect(chain.anchors.read()).toMatchObject({ legacyThrough: 6 });
    await dropGuards(t.database);
    await deleteAndRechain(t.database, 9, false);
    expect(await verifyAuditChain(t.database.db, chain)).toMatchObject({ ok: false, seq: 9 });
  });
});

describe('gongzhi audit verify', () => {
  it('exits 0 on an intact log and non-zero naming the record once tampered or truncated', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gz-audit-'));
    const url = `sqlite:${join(dir, 'a.db')}`;
    const database = await openDatabase(url);
    await migrate(database);
    for (let i = 0; i < 6; i++) {
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
        env: { ...process.env, DATABASE_URL: url, GONGZHI_MODE: 'production' },
        encoding: 'utf8',
      });
    const ok = run();
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('6 records (signed head at 6');
    // Demo and unconfigured installs keep the key and the head beside the database file.
    expect(
      readdirSync(dir)
        .filter((f) => f.startsWith('audit'))
        .sort(),
    ).toEqual(['audit-head-a.json', 'audit.key']);
    const again = await openDatabase(url);
    await sql`drop trigger audit_log_no_delete`.execute(again.db);
    await again.db.deleteFrom('audit_log').where('seq', '=', 6).execute();
    await again.close();
    const truncated = run();
    expect(truncated.status).toBe(1);
    expect(truncated.stderr).toContain('record 6');
    expect(truncated.stderr).toContain('truncated');
    const third = await openDatabase(url);
    await third.db.deleteFrom('audit_log').where('seq', '=', 4).execute();
    await third.close();
    const bad = run();
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('record 4');
  });
});
