import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../../test/harness.js';

const PNG_1PX =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe.each(DB_KINDS)('网络舆情: cases found in online media (%s)', (kind) => {
  let t: TestApp;
  let huamu: Session;
  let grid: Session;
  let compoundId: string;

  const intake = (s: Session, payload: Record<string, unknown>) =>
    s.request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: { categoryCode: 'repair.ordinary', compoundId, ...payload },
    });
  const proactive = async (id: string) =>
    (
      await t.deps.database.db
        .selectFrom('cases')
        .select('proactive')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).proactive;

  beforeAll(async () => {
    t = await startTestApp(kind);
    [huamu, grid] = await Promise.all(['huamu', 'grid'].map((u) => t.login(u)));
    const rc = await t.login('rc');
    compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
  });
  afterAll(() => t?.close());

  it('needs its source link; a grid inspector may not record on this channel', async () => {
    const none = await intake(huamu, { channel: 'onlineMedia', description: '网帖反映小区电梯经常停运' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('cases.source_url_required');
    const bad = await intake(huamu, {
      channel: 'onlineMedia',
      description: '网帖',
      sourceUrl: 'javascript:alert(1)',
    });
    expect(bad.statusCode).toBe(400);
    const byGrid = await intake(grid, {
      channel: 'onlineMedia',
      description: '网帖反映小区电梯经常停运',
      sourceUrl: 'https://bbs.example.cn/t/1',
    });
    expect(byGrid.statusCode).toBe(403);
    expect(byGrid.json().error.code).toBe('cases.channel_not_allowed');
  });

  it('records the link and a screenshot; found before any complaint it counts as proactive discovery', async () => {
    const res = await intake(huamu, {
      channel: 'onlineMedia',
      description: '网帖反映小区电梯经常停运',
      sourceUrl: 'https://bbs.example.cn/t/12345',
      photos: [PNG_1PX],
    });
    expect(res.statusCode).toBe(200);
    const { id } = res.json();
    const view = (await huamu.request({ method: 'GET', url: `/api/v1/cases/${id}` })).json();
    expect(view).toMatchObject({ channel: 'onlineMedia', sourceUrl: 'https://bbs.example.cn/t/12345' });
    expect(view.photos).toHaveLength(1);
    expect(await proactive(id)).toBe(1);
  });

  it('a post that echoes an earlier complaint of the same problem is not a discovery', async () => {
    const category = 'other';
    const complaint = await intake(huamu, {
      channel: 'hotline12345',
      categoryCode: category,
      description: '居民来电：绿地被毁',
    });
    expect(complaint.statusCode).toBe(200);
    const post = await intake(huamu, {
      channel: 'onlineMedia',
      categoryCode: category,
      description: '网帖：小区绿地被毁',
      sourceUrl: 'https://weibo.example.cn/p/9',
    });
    expect(post.statusCode).toBe(200);
    expect(await proactive(post.json().id)).toBe(0);
  });
});
