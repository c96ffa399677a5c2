import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

describe.each(DB_KINDS)('users routes (%s)', (kind) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const search = async (q: string) =>
    (await admin.request({ method: 'GET', url: `/api/v1/users?q=${encodeURIComponent(q)}` }))
      .json()
      .items.map((u: { username: string }) => u.username);

  it('searches names ignoring ASCII case on both databases, and takes % and _ literally', async () => {
    expect(await search('HUAMU')).toEqual(['huamu']);
    expect(await search('huaMu')).toEqual(['huamu']);
    expect(await search('花木街道房管办')).toEqual(['huamu']); // the display name
    expect(await search('%')).toEqual([]);
    expect(await search('h_amu')).toEqual([]);
  });

  const newUser = (username: string, password: string, lang = 'zh-CN') =>
    admin.request({
      method: 'POST',
      url: '/api/v1/users',
      headers: { 'accept-language': lang },
      payload: {
        username,
        displayName: username,
        password,
        roles: [{ role: 'city_office', scopeType: 'city', scopeId: 'all' }],
      },
    });

  it('refuses short, common and product-name passwords with a clear message, and accepts a good one', async () => {
    const short = await newUser('pw-short', '12345678');
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({
      code: 'auth.password_too_short',
      message: '密码至少需要 10 个字符',
    });
    for (const weak of [
      '1234567890',
      'password12',
      'Password2026!',
      'qwertyuiop',
      'gongzhi2026',
      '共治2026123456',
      'aaaaaaaaaaaa',
    ]) {
      const res = await newUser('pw-weak', weak, 'en');
      expect(res.statusCode, weak).toBe(400);
      expect(res.json().error.code, weak).toBe('auth.password_common');
      expect(res.json().error.message).toMatch(/too common or easy to guess/);
    }
    expect(await search('pw-')).toEqual([]);
    const good = await newUser('pw-good', 'lantern-harbour-57');
    expect(good.statusCode).toBe(200);
    // A reset goes through the same rule; the demo password keeps signing in (the rule is for new ones).
    const reset = await admin.request({
      method: 'PATCH',
      url: `/api/v1/users/${good.json().id}`,
      payload: { password: 'letmein2026', version: good.json().version },
    });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().error.code).toBe('auth.password_common');
    await t.login('pw-good', 'lantern-harbour-57');
    await t.login('huamu', 'gongzhi-demo');
  });

  it('refuses the published demo password outside demo mode', async () => {
    const prod = await startTestApp(kind, 'test', { GONGZHI_MODE: 'production' });
    try {
      const root = await prod.login('admin'); // set by the seed; signing in is not setting
      const res = await root.request({
        method: 'POST',
        url: '/api/v1/users',
        payload: {
          username: 'copycat',
          displayName: 'copycat',
          password: 'gongzhi-demo',
          roles: [{ role: 'city_office', scopeType: 'city', scopeId: 'all' }],
        },
      });
      expect(res.json().error?.code).toBe('auth.password_common');
    } finally {
      await prod.close();
    }
  });
});
