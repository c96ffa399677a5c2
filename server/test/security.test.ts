// Browser-facing protections: the Content-Security-Policy, no-store on API JSON, the API docs behind sign-in
// in production mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type TestApp } from './harness.js';

const directives = (header: unknown) =>
  Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );

describe.each(DB_KINDS)('security headers (%s)', (kind) => {
  let demo: TestApp;
  let prod: TestApp;
  beforeAll(async () => {
    [demo, prod] = await Promise.all([
      startTestApp(kind),
      startTestApp(kind, 'test', { GONGZHI_MODE: 'production' }),
    ]);
  });
  afterAll(() => Promise.all([demo.close(), prod.close()]));

  it('sends a Content-Security-Policy: scripts from self only, no framing', async () => {
    const res = await demo.app.inject({ method: 'GET', url: '/healthz' });
    const csp = directives(res.headers['content-security-policy']);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['script-src-attr']).toEqual(["'none'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(csp['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]); // antd CSS-in-JS
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
  });

  it('marks API JSON no-store, for signed-in callers and on sign-in', async () => {
    const login = await demo.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'gongzhi-demo' },
    });
    expect(login.headers['cache-control']).toBe('no-store');
    const s = await demo.login('admin');
    for (const url of ['/api/v1/auth/me', '/api/v1/compounds', '/api/v1/users']) {
      const res = await s.request({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('keeps the API docs open in demo mode, with their own policy', async () => {
    const page = await demo.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    const csp = directives(page.headers['content-security-policy']);
    expect(csp['script-src']?.[0]).toBe("'self'");
    expect(csp['script-src']).not.toContain("'unsafe-inline'"); // swagger-ui's inline scripts by hash
    expect(csp['script-src'].slice(1).every((s: string) => s.startsWith("'sha256-"))).toBe(true);
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect((await demo.app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(200);
  });

  it('puts the API docs behind sign-in in production mode', async () => {
    const page = await prod.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe('/login');
    const slash = await prod.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(slash.headers.location).toBe('/login');
    for (const url of ['/api/docs/json', '/api/docs/yaml', '/api/openapi.json']) {
      const res = await prod.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().error.code).toBe('auth.unauthenticated');
    }
    const s = await prod.login('admin');
    expect((await s.request({ method: 'GET', url: '/api/docs' })).statusCode).toBe(200);
    const doc = await s.request({ method: 'GET', url: '/api/docs/json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.json().openapi).toMatch(/^3\./);
  });
});
