import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type TestApp } from '../../test/harness.js';

describe.each(DB_KINDS)('auth routes (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  it('signs in with a session cookie and answers /me', async () => {
    const s = await t.login('admin');
    const me = await s.request({ method: 'GET', url: '/api/v1/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'admin', roles: [{ role: 'admin', scopeType: 'city' }] });
    const cookie = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'admin', password: 'gongzhi-demo' },
      })
    ).cookies[0];
    expect(cookie).toMatchObject({ name: 'gz_session', httpOnly: true, sameSite: 'Lax' });
  });

  it('refuses a wrong password in the caller’s language, without telling which part was wrong', async () => {
    const zh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody', password: 'x' },
    });
    expect(zh.statusCode).toBe(401);
    expect(zh.json().error).toMatchObject({ code: 'auth.invalid_credentials', message: '用户名或密码错误' });
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { username: 'city', password: 'wrong-password' },
    });
    expect(en.json().error.message).toBe('Wrong username or password');
    expect(en.json().error.requestId).toBeTruthy();
  });

  it('locks an account after repeated failures, even for the right password, until the lock expires', async () => {
    const attempt = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'zhangjiang', password },
      });
    for (let i = 0; i < 4; i++) expect((await attempt('bad-password')).statusCode).toBe(401);
    const fifth = await attempt('bad-password');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('auth.locked');
    expect((await attempt('gongzhi-demo')).statusCode).toBe(423);
    t.clock.advance(16 * 60_000);
    expect((await attempt('gongzhi-demo')).statusCode).toBe(200);
    const audit = await t.deps.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'auth.locked')
      .execute();
    expect(audit.length).toBe(1);
  });

  it('counts parallel guesses before checking them: 15 wrong and the right one at once → locked, refused', async () => {
    const attempt = (password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'huamu', password } });
    const wrong = Array.from({ length: 15 }, (_, i) => attempt(`wrong-guess-${i}`));
    const results = await Promise.all([...wrong.slice(0, 7), attempt('gongzhi-demo'), ...wrong.slice(7)]);
    const right = results[7];
    expect(right.statusCode).toBe(423);
    expect(right.json().error.code).toBe('auth.locked');
    expect(right.cookies.find((c) => c.name === 'gz_session')).toBeUndefined();
    expect(results.filter((r) => r.statusCode === 200)).toEqual([]);
    const user = await t.deps.database.db
      .selectFrom('users')
      .select(['failed_logins', 'locked_until'])
      .where('username', '=', 'huamu')
      .executeTakeFirstOrThrow();
    expect(user.failed_logins).toBeGreaterThanOrEqual(5); // not reset by the right password
    expect(user.locked_until! > t.clock.now().toISOString()).toBe(true);
    expect((await attempt('gongzhi-demo')).statusCode).toBe(423);
    const sessions = await t.deps.database.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select('sessions.token_hash')
      .where('users.username', '=', 'huamu')
      .execute();
    expect(sessions).toEqual([]);
  });

  it('requires the CSRF token for cookie-authenticated writes', async () => {
    const s = await t.login('admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf');
    const ok = await s.request({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(ok.statusCode).toBe(200);
    expect((await s.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('answers 401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/compounds' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.unauthenticated');
  });
});

describe.each(DB_KINDS)('session cookie behind a TLS proxy (%s)', (kind) => {
  const signIn = async (t: TestApp, headers: Record<string, string> = {}) =>
    (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers,
        payload: { username: 'admin', password: 'gongzhi-demo' },
      })
    ).cookies.find((c) => c.name === 'gz_session');

  it('is Secure whenever the public URL is https, even when the proxy says nothing', async () => {
    const t = await startTestApp(kind, 'test', { PUBLIC_URL: 'https://gongzhi.example.gov.cn' });
    try {
      expect(await signIn(t)).toMatchObject({ secure: true, httpOnly: true });
    } finally {
      await t.close();
    }
  });

  it('trusts a local proxy’s X-Forwarded-Proto by default in production mode, not in demo mode', async () => {
    const prod = await startTestApp(kind, 'test', { GONGZHI_MODE: 'production' });
    const demo = await startTestApp(kind, 'test');
    const off = await startTestApp(kind, 'test', { GONGZHI_MODE: 'production', TRUST_PROXY: '0' });
    try {
      const tls = { 'x-forwarded-proto': 'https' };
      expect((await signIn(prod, tls))?.secure).toBe(true);
      expect((await signIn(prod))?.secure).toBeFalsy();
      expect((await signIn(demo, tls))?.secure).toBeFalsy();
      expect((await signIn(off, tls))?.secure).toBeFalsy();
    } finally {
      await Promise.all([prod.close(), demo.close(), off.close()]);
    }
  });
});
