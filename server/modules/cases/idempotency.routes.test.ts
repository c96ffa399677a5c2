// Idempotency of intake: a key is the integration's own (API key; the staff console per channel family), a
// retry with the same body answers the same case, the same key with another body is refused with 422.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { createApiKey } from '../auth/apikeys.service.js';

describe.each(DB_KINDS)('intake idempotency (%s)', (kind) => {
  let t: TestApp;
  let hotline: Session;
  let compound: { id: string; lat: number; lng: number };
  const keys: Record<string, string> = {};
  beforeAll(async () => {
    t = await startTestApp(kind);
    hotline = await t.login('hotline');
    const system = { id: null, name: 'test' };
    for (const [name, channel] of [
      ['cityA', 'hotline12345'],
      ['cityB', 'hotline12345'],
      ['open311', 'open311'],
    ])
      keys[name] = (await createApiKey(t.deps, system, { channel, name }, null)).key;
    compound = await t.deps.database.db
      .selectFrom('compounds')
      .select(['id', 'lat', 'lng'])
      .where('street_code', '=', '310115016')
      .where('lat', 'is not', null)
      .orderBy('name')
      .limit(1)
      .executeTakeFirstOrThrow()
      .then((c) => ({ id: c.id, lat: c.lat!, lng: c.lng! }));
  });
  afterAll(() => t.close());

  const body = (description: string, channel = 'hotline12345') => ({
    channel,
    categoryCode: 'repair.urgent.water_burst',
    description,
    compoundId: compound.id,
    reporter: { name: '王先生', phone: '13812345678' },
  });
  const casesWithRef = (ref: string) =>
    t.deps.database.db
      .selectFrom('cases')
      .select(['id', 'channel'])
      .where('external_ref', '=', ref)
      .execute();

  it('answers a retry with its case, and the same key with another body with 422 naming that case', async () => {
    const send = (payload: object, lang = 'zh-CN') =>
      hotline.request({
        method: 'POST',
        url: '/api/v1/intake/hotline',
        headers: { 'idempotency-key': 'WO-IDEM-1', 'accept-language': lang },
        payload,
      });
    const first = await send(body('3号楼地下室水管爆裂'));
    expect(first.statusCode).toBe(200);
    const { id, caseNo } = first.json();
    expect((await send(body('3号楼地下室水管爆裂'))).json()).toEqual({ id, caseNo, created: false });

    const other = await send(body('另一处漏水，5号楼'));
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toMatchObject({
      code: 'cases.idempotency_key_reused',
      details: { id, caseNo },
    });
    expect(other.json().error.message).toContain(caseNo);
    const en = await send(body('another leak'), 'en');
    expect(en.json().error.message).toMatch(
      new RegExp(`already used for a different request, case ${caseNo}`),
    );
    // The three hotlines are one source: the key reused on 962121 still names the one case.
    const otherLine = await send(body('3号楼地下室水管爆裂', 'hotline962121'));
    expect(otherLine.statusCode).toBe(422);
    expect(otherLine.json().error.details.caseNo).toBe(caseNo);
    expect(await casesWithRef('WO-IDEM-1')).toEqual([{ id, channel: 'hotline12345' }]);
  });

  it('scopes the key to the integration: two API keys with one key make two cases, each retried safely', async () => {
    const send = (apiKey: string, description: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/intake/hotline',
        headers: { 'x-api-key': apiKey, 'idempotency-key': 'WO-SHARED' },
        payload: body(description),
      });
    const a = await send(keys.cityA, '甲平台：水管爆裂');
    const b = await send(keys.cityB, '乙平台：水管爆裂');
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().created && b.json().created).toBe(true);
    expect(a.json().id).not.toBe(b.json().id);
    expect((await send(keys.cityA, '甲平台：水管爆裂')).json()).toEqual({ ...a.json(), created: false });
    expect((await send(keys.cityB, '甲平台：水管爆裂')).statusCode).toBe(422);
    expect(await casesWithRef('WO-SHARED')).toHaveLength(2);
  });

  it('makes Open311 creates idempotent with Idempotency-Key (errors in the spec’s shape)', async () => {
    const create = (description: string) =>
      t.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'idempotency-key': 'o311-7' },
        payload: {
          api_key: keys.open311,
          service_code: 'noise',
          lat: compound.lat,
          long: compound.lng,
          description,
        },
      });
    const first = await create('每晚音乐声很大');
    expect(first.statusCode, first.body).toBe(200);
    const caseNo = first.json()[0].service_request_id;
    const again = await create('每晚音乐声很大');
    expect(again.json()[0].service_request_id).toBe(caseNo);
    const other = await create('另一件事：楼道堆物');
    expect(other.statusCode).toBe(400);
    expect(other.json()[0].description).toContain(caseNo);
    expect(await casesWithRef('o311-7')).toHaveLength(1);
  });
});
