// API keys on the request path: an active key is looked up once per freshness period, not per request; a
// revocation through this instance is honoured from the next request, one made elsewhere (the CLI, another
// instance) within REFERENCE_FRESHNESS_MS; a key created after a refused attempt works at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_FRESHNESS_MS } from '../../platform/cache.js';
import { DB_KINDS, startTestApp, type TestApp } from '../../test/harness.js';
import { createApiKey, revokeApiKey } from './apikeys.service.js';
import { sha256 } from './auth.service.js';

describe.each(DB_KINDS)('API keys on requests (%s)', (kind) => {
  let t: TestApp;
  const system = { id: null, name: 'test' };
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t.close());

  // A hotline work order: 200 (a case) once the key is accepted, 401 when it is not.
  let n = 0;
  const send = async (key: string) => {
    const compound = await t.deps.database.db
      .selectFrom('compounds')
      .select('id')
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/intake/hotline',
      headers: { 'x-api-key': key, 'idempotency-key': `WO-KEY-${n++}` },
      payload: {
        categoryCode: 'noise',
        description: '夜间施工噪声扰民，持续三天',
        compoundId: compound.id,
        reporter: { name: '王先生', phone: '13812345678' },
      },
    });
  };
  const keyId = async (key: string) =>
    (
      await t.deps.database.db
        .selectFrom('api_keys')
        .select('id')
        .where('key_hash', '=', sha256(key))
        .executeTakeFirstOrThrow()
    ).id;

  it('refuses a key revoked through this instance from the next request on', async () => {
    const { key } = await createApiKey(t.deps, system, { channel: 'hotline12345', name: 'city-a' }, null);
    expect((await send(key)).statusCode).toBe(200);
    expect(await revokeApiKey(t.deps, system, await keyId(key), null)).toBe(true);
    expect((await send(key)).statusCode).toBe(401);
  });

  it('honours a revocation made by another process within the freshness period', async () => {
    const { key } = await createApiKey(t.deps, system, { channel: 'hotline12345', name: 'city-b' }, null);
    expect((await send(key)).statusCode).toBe(200);
    // as `gongzhi apikey revoke` does from its own process: straight in the database
    await t.deps.database.db
      .updateTable('api_keys')
      .set({ revoked_at: t.clock.now().toISOString() })
      .where('id', '=', await keyId(key))
      .execute();
    t.clock.advance(REFERENCE_FRESHNESS_MS);
    expect((await send(key)).statusCode).toBe(401);
  });

  it('does not remember a key it did not find', async () => {
    const { key } = await createApiKey(t.deps, system, { channel: 'hotline12345', name: 'city-c' }, null);
    const unknown = `${key}x`;
    expect((await send(unknown)).statusCode).toBe(401);
    expect((await send(key)).statusCode).toBe(200);
  });
});
