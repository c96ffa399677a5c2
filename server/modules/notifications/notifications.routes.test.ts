import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids.js';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

describe.each(DB_KINDS)('notifications (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('tells the lead organisation about a dispatched case, in its language, and marks it read', async () => {
    const hotline = await t.login('hotline');
    const huamu = await t.login('huamu');
    const wuye = await t.login('wuye');
    const rc = await t.login('rc');
    const compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
    const { id, caseNo } = (
      await hotline.request({
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          channel: 'hotline12345',
          categoryCode: 'parking',
          description: '小区内乱停车',
          compoundId,
        },
      })
    ).json();
    const view = (await huamu.request({ method: 'GET', url: `/api/v1/cases/${id}` })).json();
    await huamu.request({
      method: 'POST',
      url: `/api/v1/cases/${id}/actions`,
      payload: { action: 'dispatch', version: view.version },
    });

    const zh = (await wuye.request({ method: 'GET', url: '/api/v1/notifications?unread=true' })).json().items;
    expect(zh[0]).toMatchObject({ caseId: id, read: false, kind: 'case.dispatch' });
    expect(zh[0].text).toContain(caseNo);
    expect(zh[0].text).toContain('新派遣案件');
    const en = (
      await wuye.request({
        method: 'GET',
        url: '/api/v1/notifications',
        headers: { 'accept-language': 'en' },
      })
    ).json().items;
    expect(en[0].text).toMatch(/^New case/);
    expect(
      (await wuye.request({ method: 'POST', url: `/api/v1/notifications/${zh[0].id}/read` })).statusCode,
    ).toBe(200);
    expect(
      (await wuye.request({ method: 'GET', url: '/api/v1/notifications?unread=true' })).json().items,
    ).toEqual([]);
    // Another organisation can neither see nor mark it.
    const chengguan = await t.login('chengguan');
    expect(
      (await chengguan.request({ method: 'GET', url: '/api/v1/notifications' }))
        .json()
        .items.map((n: { id: string }) => n.id),
    ).not.toContain(zh[0].id);
    expect(
      (await chengguan.request({ method: 'POST', url: `/api/v1/notifications/${zh[0].id}/read` })).statusCode,
    ).toBe(404);
  });

  it('lists the rows addressed to the account itself, also for a member without organisation', async () => {
    const admin = await t.login('admin');
    const compoundId = (await admin.request({ method: 'GET', url: '/api/v1/compounds?limit=1' })).json()
      .items[0].id;
    const ywh = await t.account(
      'ywh',
      [{ role: 'owners_committee_member', scopeType: 'compound', scopeId: compoundId }],
      '业委会 王主任',
    );
    // No organisation and nothing addressed to the account yet: an empty list, not a 403.
    const empty = await ywh.request({ method: 'GET', url: '/api/v1/notifications' });
    expect(empty.statusCode).toBe(200);
    expect(empty.json().items).toEqual([]);

    const db = t.deps.database.db;
    const userId = async (username: string) =>
      (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
        .id;
    const [ywhId, wuyeId, hotlineId] = await Promise.all([userId('ywh'), userId('wuye'), userId('hotline')]);
    const row = (user: string, n: number) => ({
      id: newId(),
      org_id: null,
      user_id: user,
      case_id: null,
      kind: 'governance.task.warning',
      text_zh: `提醒 ${n}`,
      text_en: `Reminder ${n}`,
      // All at one instant but the last: the keyset must order by (created_at, id).
      created_at: n === 5 ? '2026-11-27T00:00:00.000Z' : '2026-11-26T03:00:00.000Z',
      read_at: null,
    });
    const mine = [1, 2, 3, 4, 5].map((n) => row(ywhId, n));
    const others = [row(hotlineId, 6), row(wuyeId, 7)];
    await db
      .insertInto('notifications')
      .values([...mine, ...others])
      .execute();

    // Pages of two, newest first, nothing twice, nothing of anyone else.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string; text: string }[]; nextCursor: string | null } = (
        await ywh.request({
          method: 'GET',
          url: `/api/v1/notifications?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          headers: { 'accept-language': 'en' },
        })
      ).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor;
    } while (cursor);
    const expected = [mine[4], ...mine.slice(0, 4).sort((a, b) => (a.id < b.id ? 1 : -1))].map((n) => n.id);
    expect(seen).toEqual(expected);

    // Marking read: one's own row yes, another account's row no.
    const mark = (s: Session, id: string) =>
      s.request({ method: 'POST', url: `/api/v1/notifications/${id}/read` });
    expect((await mark(ywh, mine[0].id)).statusCode).toBe(200);
    expect((await mark(ywh, others[0].id)).statusCode).toBe(404);
    const unread = (await ywh.request({ method: 'GET', url: '/api/v1/notifications?unread=true' })).json()
      .items;
    expect(unread.map((n: { id: string }) => n.id)).not.toContain(mine[0].id);
    expect(unread).toHaveLength(4);

    // An account with an organisation sees both: its organisation's rows and its own.
    const wuye = await t.login('wuye');
    const wuyeItems = (await wuye.request({ method: 'GET', url: '/api/v1/notifications?limit=100' })).json()
      .items;
    expect(wuyeItems.map((n: { id: string }) => n.id)).toContain(others[1].id);
    expect(wuyeItems.some((n: { kind: string }) => n.kind === 'case.dispatch')).toBe(true);
    expect(wuyeItems.map((n: { id: string }) => n.id)).not.toContain(others[0].id);
  });
});
