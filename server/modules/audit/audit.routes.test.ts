import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type TestApp } from '../../test/harness.js';

describe.each(DB_KINDS)('GET /api/v1/audit/verify (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('seals, anchors and verifies; reports a deletion of the newest records as truncation', async () => {
    const admin = await t.login('admin');
    const ok = await admin.request({ method: 'GET', url: '/api/v1/audit/verify' });
    expect(ok.statusCode).toBe(200);
    const body = ok.json() as { ok: boolean; count: number; anchoredSeq: number };
    expect(body).toMatchObject({ ok: true, firstBadSeq: null });
    expect(body.count).toBeGreaterThan(0);
    expect(body.anchoredSeq).toBe(body.count);
    const { db, dialect } = t.deps.database;
    if (dialect === 'postgres')
      await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db);
    else await sql`drop trigger audit_log_no_delete`.execute(db);
    await db.deleteFrom('audit_log').where('seq', '=', body.count).execute();
    const bad = (await admin.request({ method: 'GET', url: '/api/v1/audit/verify' })).json();
    expect(bad).toMatchObject({ ok: false, firstBadSeq: body.count, anchoredSeq: body.count });
  });

  it('names each record’s target in words (an account by its name)', async () => {
    await t.account(
      'audit-named',
      [{ role: 'street_office', scopeType: 'street', scopeId: '310115007' }],
      '审计 测试员',
    );
    const admin = await t.login('admin');
    const res = await admin.request({ method: 'GET', url: '/api/v1/audit?action=users.create&limit=50' });
    expect(res.statusCode).toBe(200);
    const items = (
      res.json() as { items: { targetType: string; targetId: string; targetName: string | null }[] }
    ).items;
    const created = items.find((r) => r.targetName === '审计 测试员');
    expect(created).toMatchObject({ targetType: 'user' });
  });
});
