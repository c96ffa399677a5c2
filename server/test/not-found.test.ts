// Unknown paths: a browser opening a page route gets the web app (client-side routing); anything else — the
// API, a monitor probing /metrics, a missing file — gets the JSON 404 envelope, never a fake 200.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, isPageRequest } from '../app.js';
import { loadConfig } from '../config.js';
import { fixedClock } from '../platform/clock.js';
import { openTestDatabase, type TestDatabase } from './harness.js';
import type { FastifyInstance } from 'fastify';

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('not found', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    const web = mkdtempSync(join(tmpdir(), 'gz-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>共治</title>');
    db = await openTestDatabase('sqlite');
    const deps = {
      database: db.database,
      clock: fixedClock('2026-11-26T02:00:00Z'),
      config: loadConfig({ GONGZHI_MODE: 'demo', LOG_LEVEL: 'silent' }),
    };
    app = await buildApp(deps, { webDist: web });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await db.drop();
  });

  it('serves the web app to a browser opening a page route', async () => {
    const res = await app.inject({ method: 'GET', url: '/cases/123?tab=1', headers: { accept: HTML } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('共治');
  });

  it.each([
    ['/metrics', '*/*'],
    ['/metrics', HTML.replace('text/html,', '')],
    ['/api/v1/nothing', HTML],
    ['/api', HTML],
    ['/favicon-missing.png', HTML],
  ])('answers %s (accept %s) with the JSON 404 envelope', async (url, accept) => {
    const res = await app.inject({ method: 'GET', url, headers: { accept } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json().error.code).toBe('common.not_found');
  });

  it('tells a page request apart', () => {
    expect(isPageRequest('GET', '/governance/decisions/1', HTML)).toBe(true);
    expect(isPageRequest('POST', '/cases', HTML)).toBe(false);
    expect(isPageRequest('GET', '/metrics', undefined)).toBe(false);
  });
});
