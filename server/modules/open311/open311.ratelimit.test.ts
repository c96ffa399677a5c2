// Open311 creates are limited per API key (each key its own budget, configurable per key, default from
// OPEN311_KEY_RATE_LIMIT), with 429 and Retry-After; requests without a valid key per client address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type TestApp } from '../../test/harness.js';
import { createApiKey } from '../auth/apikeys.service.js';
import { setCreatesPerMinute } from './open311.service.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
const SYSTEM = { id: null, name: 'test' };

describe.each(DB_KINDS)('open311 create limits (%s)', (kind) => {
  let t: TestApp;
  let compoundName: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    // Read at request time: a small default for keys without their own limit, and per address.
    t.deps.config.OPEN311_KEY_RATE_LIMIT = 2;
    t.deps.config.OPEN311_IP_RATE_LIMIT = 3;
    compoundName = (
      await t.deps.database.db
        .selectFrom('compounds')
        .select('name')
        .orderBy('name')
        .limit(1)
        .executeTakeFirstOrThrow()
    ).name;
  });
  afterAll(() => t.close());

  const newKey = async (name: string) => createApiKey(t.deps, SYSTEM, { channel: 'open311', name }, null);
  const post = (apiKey: string | null, ip = '203.0.113.7') =>
    t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      remoteAddress: ip,
      headers: FORM,
      payload: new URLSearchParams({
        ...(apiKey ? { api_key: apiKey } : {}),
        service_code: 'dogs',
        address_string: compoundName,
        description: '楼道里有狗',
      }).toString(),
    });

  it('gives two keys sending from one address separate budgets, each its own configured limit', async () => {
    const a = await newKey('city hotline A');
    const b = await newKey('city hotline B');
    expect(await setCreatesPerMinute(t.deps, SYSTEM, a.id, 5)).toBe(true);
    for (let i = 0; i < 5; i++) expect((await post(a.key)).statusCode, `A #${i + 1}`).toBe(200);
    const over = await post(a.key);
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(over.json()).toEqual([{ code: 429, description: expect.any(String) }]);
    // B, from the same address, has the default budget (2), untouched by A's 5 and by the per-address 3.
    expect((await post(b.key)).statusCode).toBe(200);
    expect((await post(b.key)).statusCode).toBe(200);
    const bOver = await post(b.key);
    expect(bOver.statusCode).toBe(429);
    expect(bOver.headers['retry-after']).toBeDefined();
  });

  it('limits requests without a valid key per client address (403 until the limit, then 429)', async () => {
    for (let i = 0; i < 3; i++) expect((await post(null, '198.51.100.9')).statusCode).toBe(403);
    const over = await post('not-a-key', '198.51.100.9');
    expect(over.statusCode).toBe(429);
    expect(over.headers['retry-after']).toBeDefined();
    expect((await post(null, '198.51.100.10')).statusCode).toBe(403); // another address
  });

  it('refuses a limit that is not a positive whole number, and a key that does not exist', async () => {
    const c = await newKey('c');
    await expect(setCreatesPerMinute(t.deps, SYSTEM, c.id, 0)).rejects.toMatchObject({ status: 400 });
    expect(await setCreatesPerMinute(t.deps, SYSTEM, 'no-such-key', 10)).toBe(false);
  });
});
