import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { fixedClock } from '../../platform/clock.js';
import { openDatabase } from '../../platform/db/database.js';
import { migrate } from '../../platform/db/migrate.js';
import { seedSynthetic } from '../../seed/synthetic.js';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { createApiKey } from '../auth/apikeys.service.js';
import { escapeXml, toXml } from './open311.xml.js';

const HUAMU = '310115016';
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
const ISO_SHANGHAI = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

/** A strict little well-formedness check: declaration, one root, balanced tags, only known entities. */
function wellFormed(xml: string): boolean {
  const decl = /^<\?xml version="1\.0" encoding="utf-8"\?>\n/;
  if (!decl.test(xml)) return false;
  const body = xml.replace(decl, '').trim();
  const token = /<(\/?)([A-Za-z_][\w.-]*)(\/?)>|([^<]+)/y;
  const stack: string[] = [];
  let roots = 0;
  let end = 0;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    end = token.lastIndex;
    const [, closing, name, empty, text] = m;
    if (text !== undefined) {
      if (!stack.length) return false;
      if (/&(?!(?:amp|lt|gt|quot|apos);)/.test(text)) return false;
    } else if (closing) {
      if (stack.pop() !== name) return false;
      if (!stack.length) roots++;
    } else if (empty) {
      if (!stack.length) roots++;
    } else stack.push(name);
  }
  return end === body.length && !stack.length && roots === 1;
}

const form = (fields: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(fields).map(([k, v]): [string, string] => [k, String(v)])).toString();

describe('open311 XML serializer', () => {
  it('escapes the five special characters and drops characters XML cannot carry', () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
    expect(escapeXml('bell\u0007tab\tok')).toBe('belltab\tok');
    const xml = toXml('service_requests', [
      { service_request_id: '1', description: '<b>&"x"</b>', lat: null },
    ]);
    expect(xml).toContain('<description>&lt;b&gt;&amp;&quot;x&quot;&lt;/b&gt;</description><lat/>');
    expect(wellFormed(xml)).toBe(true);
    expect(wellFormed('<?xml version="1.0" encoding="utf-8"?>\n<a><b></a></b>')).toBe(false);
  });
});

describe.each(DB_KINDS)('open311 GeoReport v2 (%s)', (kind) => {
  let t: TestApp;
  let key: string;
  let hotlineKey: string;
  let huamu: Session;
  let admin: Session;
  let compound: { id: string; name: string; address: string; lat: number; lng: number };

  beforeAll(async () => {
    t = await startTestApp(kind);
    const system = { id: null, name: 'test' };
    key = (await createApiKey(t.deps, system, { channel: 'open311', name: 'Open311 app' }, null)).key;
    hotlineKey = (await createApiKey(t.deps, system, { channel: 'hotline12345', name: '12345' }, null)).key;
    const row = await t.deps.database.db
      .selectFrom('compounds')
      .select(['id', 'name', 'address', 'lat', 'lng'])
      .where('street_code', '=', HUAMU)
      .where('lat', 'is not', null)
      .orderBy('name')
      .limit(1)
      .executeTakeFirstOrThrow();
    compound = { ...row, lat: row.lat!, lng: row.lng! };
    huamu = await t.login('huamu');
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const post = (fields: Record<string, string | number>, format = 'json', headers = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/open311/v2/requests.${format}`,
      headers: { ...FORM, ...headers },
      payload: form(fields),
    });
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });
  const caseOf = (caseNo: string) =>
    t.deps.database.db
      .selectFrom('cases')
      .selectAll()
      .where('case_no', '=', caseNo)
      .executeTakeFirstOrThrow();
  const countCases = async () =>
    Number(
      (
        await t.deps.database.db
          .selectFrom('cases')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('publishes the discovery document in JSON and XML', async () => {
    const json = await get('/open311/v2/discovery.json');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    const doc = json.json();
    expect(doc.endpoints).toEqual([
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: expect.stringMatching(/\/open311\/v2$/),
        changeset: doc.changeset,
        type: 'production',
        formats: ['application/json', 'text/xml'],
      },
    ]);
    expect(doc.key_service).toContain('open311');
    const xml = await get('/open311/v2/discovery.xml');
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(wellFormed(xml.body)).toBe(true);
    expect(xml.body).toMatch(
      /<discovery><changeset>.*<endpoints><endpoint><specification>http:\/\/wiki\.open311\.org\/GeoReport_v2<\/specification>.*<formats><format>application\/json<\/format><format>text\/xml<\/format><\/formats>/,
    );
  });

  it('lists the active case categories as services, in Chinese by default', async () => {
    const res = await get('/open311/v2/services.json');
    expect(res.statusCode).toBe(200);
    const services = res.json() as { service_code: string }[];
    const byCode = new Map(services.map((s) => [s.service_code, s]));
    expect(byCode.get('repair.urgent.water_burst')).toEqual({
      service_code: 'repair.urgent.water_burst',
      service_name: '水管爆裂/大量漏水',
      description: '急修：水管爆裂/大量漏水',
      metadata: true,
      type: 'realtime',
      keywords: '水管爆裂, 大量漏水, 急修',
      group: '急修',
    });
    expect(byCode.get('repair.ordinary')).toMatchObject({ group: '报修', metadata: true });
    expect(byCode.get('noise')).toMatchObject({
      service_name: '噪声扰民',
      metadata: false,
      group: '社区治理',
    });

    const en = (await get('/open311/v2/services.json', { 'accept-language': 'en-GB,en;q=0.9' })).json();
    expect(en.find((s: { service_code: string }) => s.service_code === 'noise')).toMatchObject({
      service_name: 'Noise',
      group: 'Community governance',
    });
    const query = (await get('/open311/v2/services.json?locale=en')).json();
    expect(query[0].group).toBe('Urgent repairs');

    const xml = await get('/open311/v2/services.xml');
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(wellFormed(xml.body)).toBe(true);
    expect(xml.body).toContain(
      '<services><service><service_code>repair.urgent.water_burst</service_code><service_name>水管爆裂/大量漏水</service_name>',
    );
    expect(xml.body.match(/<service>/g)!.length).toBe(services.length);
  });

  it('defines the attributes of a service from the taxonomy, 404 for an unknown one', async () => {
    const res = await get('/open311/v2/services/repair.urgent.water_burst.json');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      service_code: 'repair.urgent.water_burst',
      attributes: [
        {
          variable: true,
          code: 'meterPosition',
          datatype: 'singlevaluelist',
          required: false,
          datatype_description: '请选择一项',
          order: 1,
          description: '分户计量表位置',
          values: [
            { key: 'before', name: '分户计量表前' },
            { key: 'at', name: '分户计量表本身' },
            { key: 'after', name: '分户计量表后' },
          ],
        },
        {
          variable: true,
          code: 'part',
          datatype: 'singlevaluelist',
          required: false,
          datatype_description: '请选择一项',
          order: 2,
          description: '部位',
          values: [
            { key: 'common', name: '共用部位' },
            { key: 'own', name: '自用部位' },
          ],
        },
      ],
    });
    const en = (await get('/open311/v2/services/illegal_construction.json?locale=en')).json();
    expect(en.attributes[0]).toMatchObject({
      code: 'underConstruction',
      description: 'Under construction',
      values: [
        { key: 'true', name: 'Yes' },
        { key: 'false', name: 'No' },
      ],
    });
    expect((await get('/open311/v2/services/noise.json')).json()).toEqual({
      service_code: 'noise',
      attributes: [],
    });

    const xml = await get('/open311/v2/services/repair.urgent.water_burst.xml');
    expect(wellFormed(xml.body)).toBe(true);
    expect(xml.body).toContain(
      '<service_definition><service_code>repair.urgent.water_burst</service_code><attributes><attribute><variable>true</variable><code>meterPosition</code>',
    );
    expect(xml.body).toContain('<values><value><key>before</key><name>分户计量表前</name></value>');

    const missing = await get('/open311/v2/services/no.such.service.json');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual([
      { code: 404, description: '未找到服务类型（service_code）：no.such.service' },
    ]);
    const missingXml = await get('/open311/v2/services/nope.xml', { 'accept-language': 'en' });
    expect(missingXml.statusCode).toBe(404);
    expect(missingXml.body).toContain(
      '<errors><error><code>404</code><description>service_code not found: nope</description></error></errors>',
    );
    expect(wellFormed(missingXml.body)).toBe(true);
  });

  it('creates a case from a form-encoded request at lat/long: channel open311, nearest compound, routed', async () => {
    const res = await post({
      api_key: key,
      jurisdiction_id: 'sh.gov.cn',
      service_code: 'repair.urgent.water_burst',
      lat: compound.lat,
      long: compound.lng,
      description: '地下车库入口水管爆裂，水流不止',
      first_name: '伟',
      last_name: '王',
      phone: '13812340000',
      email: 'wang@example.com',
      device_id: 'device-1',
      account_id: 'acct-1',
      media_url: 'https://img.example.com/burst.jpg',
      'attribute[meterPosition]': 'before',
      'attribute[part]': 'common',
    });
    expect(res.statusCode).toBe(200);
    const [created] = res.json();
    expect(created).toEqual({
      service_request_id: expect.stringMatching(/^310115\d{15,}$/),
      service_notice: expect.stringContaining(created.service_request_id),
      account_id: null,
    });
    const row = await caseOf(created.service_request_id);
    expect(row).toMatchObject({
      channel: 'open311',
      compound_id: compound.id,
      street_code: HUAMU,
      category_code: 'repair.urgent.water_burst',
      reporter_name: '王伟',
      reporter_phone: '13812340000',
      lat: compound.lat,
      lng: compound.lng,
    });
    expect(JSON.parse(row.attributes_json)).toEqual({ meterPosition: 'before', part: 'common' });
    const view = (await admin.request({ method: 'GET', url: `/api/v1/cases/${row.id}` })).json();
    expect(view.routing.rule).toBe('v1:R001'); // before the meter → the water utility
    expect(view.suggestedOrg.type).toBe('utility');
    expect(view.compound).toEqual({ id: compound.id, name: compound.name });
    expect(view.events[0]).toMatchObject({ action: 'receive', data: { channel: 'open311' } });

    // XML answer, JSON body, English notice.
    const xml = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      headers: { 'accept-language': 'en' },
      payload: {
        api_key: key,
        service_code: 'noise',
        lat: String(compound.lat),
        long: compound.lng,
        description: 'Loud music every night',
      },
    });
    expect(xml.statusCode).toBe(200);
    expect(wellFormed(xml.body)).toBe(true);
    expect(xml.body).toMatch(
      /^<\?xml version="1\.0" encoding="utf-8"\?>\n<service_requests><request><service_request_id>310115\d{15,}<\/service_request_id><service_notice>Your request was received as case 310115\d{15,}[^<]*<\/service_notice><account_id\/><\/request><\/service_requests>\n$/,
    );
  });

  it('finds the compound from address_string (its name, or a full address containing it) or address_id', async () => {
    const byName = await post({ api_key: key, service_code: 'dogs', address_string: compound.name });
    expect(byName.statusCode).toBe(200);
    expect((await caseOf(byName.json()[0].service_request_id)).compound_id).toBe(compound.id);

    const full = `${compound.address} ${compound.name} 3号楼 门口`;
    const byAddress = await post({ api_key: key, service_code: 'parking', address_string: full });
    expect(byAddress.statusCode).toBe(200);
    const row = await caseOf(byAddress.json()[0].service_request_id);
    expect(row.compound_id).toBe(compound.id);
    expect(row.address).toBe(full);

    const code = (
      await t.deps.database.db
        .selectFrom('compounds')
        .select('code')
        .where('id', '=', compound.id)
        .executeTakeFirstOrThrow()
    ).code;
    const byId = await post({ api_key: key, service_code: 'fire_lane', address_id: code });
    expect((await caseOf(byId.json()[0].service_request_id)).compound_id).toBe(compound.id);

    const nowhere = await post({ api_key: key, service_code: 'dogs', address_string: '火星基地一号' });
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json()).toEqual([{ code: 400, description: '找不到与地址“火星基地一号”对应的小区' }]);
    const vague = await post({ api_key: key, service_code: 'dogs', address_string: '浦东新区' });
    expect(vague.statusCode).toBe(400);
    expect(vague.json()[0].description).toMatch(/对应 \d+\+? 个小区/);
  });

  it('refuses without a valid open311 api_key (403) and writes nothing', async () => {
    const before = await countCases();
    const fields = { service_code: 'noise', lat: compound.lat, long: compound.lng, description: '噪声' };
    const none = await post(fields);
    expect(none.statusCode).toBe(403);
    expect(none.json()).toEqual([{ code: 403, description: '未提供 api_key，无法提交诉求' }]);
    const noneXml = await post(fields, 'xml', { 'accept-language': 'en' });
    expect(noneXml.statusCode).toBe(403);
    expect(noneXml.body).toContain('<errors><error><code>403</code><description>No api_key received');
    expect(wellFormed(noneXml.body)).toBe(true);
    // Even an invalid body answers 403 first: nothing is revealed without a key.
    expect((await post({ lat: 'x' })).statusCode).toBe(403);

    const wrong = await post({ ...fields, api_key: 'gz_not-a-real-key' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()[0]).toMatchObject({ code: 403 });
    const otherChannel = await post({ ...fields, api_key: hotlineKey });
    expect(otherChannel.statusCode).toBe(403);
    expect(otherChannel.json()).toEqual([
      { code: 403, description: 'api_key 无效、已吊销或不属于 Open311 渠道，无法提交诉求' },
    ]);
    // The 12345 key in the X-Api-Key header is not an Open311 key either.
    const header = await post(fields, 'json', { 'x-api-key': hotlineKey });
    expect(header.statusCode).toBe(403);

    // A revoked key stops working.
    const revoked = await createApiKey(
      t.deps,
      { id: null, name: 'test' },
      { channel: 'open311', name: 'old' },
      null,
    );
    await t.deps.database.db
      .updateTable('api_keys')
      .set({ revoked_at: '2026-01-01T00:00:00.000Z' })
      .where('id', '=', revoked.id)
      .execute();
    expect((await post({ ...fields, api_key: revoked.key })).statusCode).toBe(403);
    expect(await countCases()).toBe(before);
  });

  it('answers invalid input with 400 and an unknown service_code with 404, in the Open311 shape', async () => {
    const before = await countCases();
    const at = { api_key: key, lat: compound.lat, long: compound.lng };
    const unknown = await post({ ...at, service_code: 'no.such.service' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual([
      { code: 404, description: '未找到服务类型（service_code）：no.such.service' },
    ]);

    const noCode = await post({ api_key: key, lat: compound.lat, long: compound.lng }, 'json', {
      'accept-language': 'en',
    });
    expect(noCode.statusCode).toBe(400);
    expect(noCode.json()).toEqual([{ code: 400, description: 'service_code was not provided' }]);

    const noLocation = await post({ api_key: key, service_code: 'noise' });
    expect(noLocation.statusCode).toBe(400);
    expect(noLocation.json()[0].description).toBe(
      '请提供位置：lat 与 long，或 address_string，或 address_id',
    );
    expect(
      (await post({ api_key: key, service_code: 'noise', lat: compound.lat })).json()[0].description,
    ).toBe('lat 与 long 须同时提供');
    const far = await post({ api_key: key, service_code: 'noise', lat: 30, long: 120 });
    expect(far.statusCode).toBe(400);
    expect(far.json()[0].description).toMatch(/1 公里范围内没有登记的小区/);
    const badLat = await post({ api_key: key, service_code: 'noise', lat: 'north', long: 121 });
    expect(badLat.statusCode).toBe(400);
    expect(badLat.json()).toEqual([{ code: 400, description: '参数 lat 无效' }]);
    const badAttr = await post({
      ...at,
      service_code: 'repair.urgent.water_burst',
      'attribute[part]': 'roof',
    });
    expect(badAttr.statusCode).toBe(400);
    expect(badAttr.json()[0].description).toBe('属性 part 的取值无效：roof（可选：common, own）');
    const strayAttr = await post({ ...at, service_code: 'noise', 'attribute[part]': 'own' });
    expect(strayAttr.json()[0].description).toBe('服务类型 noise 没有属性 part');
    const badMedia = await post({ ...at, service_code: 'noise', media_url: 'javascript:alert(1)' });
    expect(badMedia.json()).toEqual([{ code: 400, description: '参数 media_url 无效' }]);
    const longText = await post({ ...at, service_code: 'noise', description: 'x'.repeat(4001) });
    expect(longText.statusCode).toBe(400);
    // Validation errors never use the platform envelope, in XML too.
    const xml = await post({ ...at, service_code: 'noise', email: 'not-an-email' }, 'xml');
    expect(xml.statusCode).toBe(400);
    expect(xml.body).toContain('<errors><error><code>400</code><description>参数 email 无效</description>');
    expect(await countCases()).toBe(before);
  });

  it('shows one request with public fields only; closed once the case is closed through the case actions', async () => {
    const created = await post({
      api_key: key,
      service_code: 'other',
      lat: compound.lat,
      long: compound.lng,
      description: '小区门口路灯不亮',
      first_name: '丽',
      last_name: '李',
      phone: '13955556666',
      email: 'li@example.com',
    });
    const caseNo: string = created.json()[0].service_request_id;
    const routedTo = (
      await huamu.request({ method: 'GET', url: `/api/v1/cases/${(await caseOf(caseNo)).id}` })
    ).json().suggestedOrg.name;
    const res = await get(`/open311/v2/requests/${caseNo}.json`);
    expect(res.statusCode).toBe(200);
    const [request] = res.json();
    expect(request).toMatchObject({
      service_request_id: caseNo,
      status: 'open',
      status_notes: '已受理',
      service_name: '其他',
      service_code: 'other',
      description: '小区门口路灯不亮',
      // Named from the moment the responsibility list routes it, before anyone dispatches.
      agency_responsible: routedTo,
      lat: compound.lat,
      long: compound.lng,
      media_url: null,
    });
    expect(request.requested_datetime).toMatch(ISO_SHANGHAI);
    expect(request.requested_datetime).toBe('2026-11-26T10:00:00+08:00');
    expect(request.updated_datetime).toMatch(ISO_SHANGHAI);
    expect(Object.keys(request).sort()).toEqual(
      [
        'address',
        'agency_responsible',
        'description',
        'expected_datetime',
        'lat',
        'long',
        'media_url',
        'requested_datetime',
        'service_code',
        'service_name',
        'service_notice',
        'service_request_id',
        'status',
        'status_notes',
        'updated_datetime',
      ].sort(),
    );
    for (const secret of ['13955556666', '李丽', 'li@example.com', '6666'])
      expect(res.body).not.toContain(secret);
    const xml = await get(`/open311/v2/requests/${caseNo}.xml`);
    expect(wellFormed(xml.body)).toBe(true);
    expect(xml.body).toContain(
      `<service_requests><request><service_request_id>${caseNo}</service_request_id>`,
    );
    expect(xml.body).toContain('<status>open</status>');
    expect(xml.body).not.toContain('13955556666');

    // The street office takes it through the lifecycle with the ordinary case API.
    const id = (await caseOf(caseNo)).id;
    const act = async (body: Record<string, unknown>) => {
      const current = (await huamu.request({ method: 'GET', url: `/api/v1/cases/${id}` })).json();
      const r = await huamu.request({
        method: 'POST',
        url: `/api/v1/cases/${id}/actions`,
        payload: { version: current.version, ...body },
      });
      if (r.statusCode !== 200) throw new Error(`${String(body.action)} → ${r.statusCode} ${r.body}`);
      return r.json();
    };
    await act({ action: 'accept' });
    const dispatched = await act({ action: 'dispatch' });
    const open = (await get(`/open311/v2/requests/${caseNo}.json?locale=en`)).json()[0];
    expect(open).toMatchObject({
      status: 'open',
      status_notes: 'Dispatched',
      service_name: 'Other',
      agency_responsible: dispatched.leadOrg.name,
    });
    expect(open.expected_datetime).toMatch(ISO_SHANGHAI);
    expect(open.service_notice).toBe(`Expected to be resolved by ${open.expected_datetime}`);
    await act({ action: 'signFor' });
    await act({ action: 'reportBack', note: '已更换灯泡' });
    await act({ action: 'verifyPass' });
    t.clock.advance(60_000);
    await act({ action: 'close' });
    const closed = (await get(`/open311/v2/requests/${caseNo}.json`)).json()[0];
    expect(closed).toMatchObject({ status: 'closed', status_notes: '已结案', service_notice: null });
    expect(closed.updated_datetime).toBe('2026-11-26T10:01:00+08:00');

    expect((await get('/open311/v2/requests/999999.json')).statusCode).toBe(404);
    const missingXml = await get('/open311/v2/requests/999999.xml');
    expect(missingXml.statusCode).toBe(404);
    expect(missingXml.body).toContain('<code>404</code>');
  });

  it('filters requests by id, service_code, status and dates (a range of 90 days at most)', async () => {
    const make = async (service_code: string) =>
      (await post({ api_key: key, service_code, lat: compound.lat, long: compound.lng })).json()[0]
        .service_request_id as string;
    const lift = await make('lift');
    const rubbish = await make('rubbish_sorting');
    const ids = (res: { json(): unknown }) =>
      (res.json() as { service_request_id: string }[]).map((r) => r.service_request_id);

    const all = await get('/open311/v2/requests.json');
    expect(all.statusCode).toBe(200);
    expect(ids(all)).toEqual(expect.arrayContaining([lift, rubbish]));
    for (const r of all.json()) {
      expect(r.requested_datetime).toMatch(ISO_SHANGHAI);
      expect(['open', 'closed']).toContain(r.status);
    }
    // No reporter data of any case (the seeded demo cases included) ever appears.
    const phones = await t.deps.database.db
      .selectFrom('cases')
      .select('reporter_phone')
      .where('reporter_phone', 'is not', null)
      .execute();
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(all.body).not.toContain(p.reporter_phone!);

    expect(ids(await get('/open311/v2/requests.json?service_code=lift'))).toEqual([lift]);
    expect(ids(await get('/open311/v2/requests.json?service_code=lift,rubbish_sorting')).sort()).toEqual(
      [lift, rubbish].sort(),
    );
    expect(
      ids(await get(`/open311/v2/requests.json?service_request_id=${lift},${rubbish},nope`)).sort(),
    ).toEqual([lift, rubbish].sort());
    // service_request_id overrides every other argument.
    expect(ids(await get(`/open311/v2/requests.json?service_request_id=${lift}&service_code=noise`))).toEqual(
      [lift],
    );

    const closed = (await get('/open311/v2/requests.json?status=closed')).json() as { status: string }[];
    expect(closed.length).toBeGreaterThan(0); // the case closed in the previous test
    expect(closed.every((r) => r.status === 'closed')).toBe(true);
    const open = await get('/open311/v2/requests.json?status=open&service_code=lift');
    expect(ids(open)).toEqual([lift]);
    expect(ids(await get('/open311/v2/requests.json?status=closed&service_code=lift'))).toEqual([]);
    expect(ids(await get('/open311/v2/requests.json?status=open,closed&service_code=lift'))).toEqual([lift]);

    // Dates: the cases were requested at 2026-11-26T10:00+08:00 (plus the minute of the closing test).
    const q = (s: string) => get(`/open311/v2/requests.json?service_code=lift&${s}`);
    expect(
      ids(await q('start_date=2026-11-26T00:00:00%2B08:00&end_date=2026-11-26T23:59:59%2B08:00')),
    ).toEqual([lift]);
    expect(ids(await q('start_date=2026-11-20&end_date=2026-11-26'))).toEqual([lift]);
    expect(ids(await q('end_date=2026-11-26T01:00:00Z'))).toEqual([]);
    expect(ids(await q('start_date=2026-11-27T00:00:00Z'))).toEqual([]);
    expect(ids(await q('start_date=2026-11-26T00:00:00+08:00'))).toEqual([lift]); // unencoded '+' repaired
    expect(ids(await q('end_date=2026-11-26T10:01:00%2B08:00'))).toEqual([lift]); // a whole second, inclusive
    const tooLong = await q('start_date=2026-01-01T00:00:00Z&end_date=2026-11-26T00:00:00Z');
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toEqual([{ code: 400, description: '查询时间范围不能超过 90 天' }]);
    const noZone = await q('start_date=2026-11-26T00:00:00');
    expect(noZone.statusCode).toBe(400);
    expect(noZone.json()[0].description).toMatch(/^start_date 须为带时区的 ISO 8601 时间/);
    expect((await q('status=pending')).statusCode).toBe(400);
    // The default window is the last 90 days.
    t.clock.advance(91 * 86_400_000);
    expect(ids(await q(''))).toEqual([]);
    t.clock.advance(-91 * 86_400_000);

    const xml = await get('/open311/v2/requests.xml?service_code=lift,rubbish_sorting');
    expect(xml.statusCode).toBe(200);
    expect(wellFormed(xml.body)).toBe(true);
    expect(xml.body.match(/<request>/g)!.length).toBe(2);
    expect(xml.body).toMatch(
      /<requested_datetime>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00<\/requested_datetime>/,
    );
  });

  it('resolves a token (the case id of an Open311 request) to its service_request_id', async () => {
    const caseNo = (
      await post({ api_key: key, service_code: 'noise', lat: compound.lat, long: compound.lng })
    ).json()[0].service_request_id;
    const id = (await caseOf(caseNo)).id;
    const res = await get(`/open311/v2/tokens/${id}.json`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ service_request_id: caseNo, token: id }]);
    const xml = await get(`/open311/v2/tokens/${id}.xml`);
    expect(xml.body).toContain(
      `<service_requests><request><service_request_id>${caseNo}</service_request_id><token>${id}</token></request></service_requests>`,
    );
    expect((await get('/open311/v2/tokens/unknown-token.json')).statusCode).toBe(404);
    // Cases from other channels have no token.
    const other = await t.deps.database.db
      .selectFrom('cases')
      .select('id')
      .where('channel', '!=', 'open311')
      .limit(1)
      .executeTakeFirst();
    if (other) expect((await get(`/open311/v2/tokens/${other.id}.json`)).statusCode).toBe(404);
  });

  it('answers unknown Open311 paths in the Open311 shape', async () => {
    const res = await get('/open311/v2/nothing-here.json');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual([{ code: 404, description: '未找到请求的 Open311 资源' }]);
    const bad = await get('/open311/v2/services.html');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()[0]).toMatchObject({ code: 400 });
  });
});

describe('gongzhi apikey create --channel open311', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongzhi-open311-'));
  const file = join(dir, 'cli.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a key as its last line, and the key works against an app on the same database', async () => {
    const seeded = await openDatabase(`sqlite:${file}`);
    await migrate(seeded);
    await seedSynthetic(seeded, 'test', 1);
    const near = await seeded.db
      .selectFrom('compounds')
      .select(['id', 'lat', 'lng'])
      .where('lat', 'is not', null)
      .orderBy('code')
      .limit(1)
      .executeTakeFirstOrThrow();
    await seeded.close();

    const root = resolve(import.meta.dirname, '../../..');
    const cli = spawnSync(join(root, 'bin/gongzhi'), ['apikey', 'create', '--channel', 'open311'], {
      env: { ...process.env, DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
    });
    expect(cli.status, cli.stderr).toBe(0);
    const apiKey = cli.stdout.trim().split('\n').pop()!;
    expect(apiKey).toMatch(/^gz_\S{20,}$/);

    const database = await openDatabase(`sqlite:${file}`);
    const app = await buildApp({
      database,
      clock: fixedClock('2026-11-26T02:00:00Z'),
      config: loadConfig({ LOG_LEVEL: 'silent' }),
    });
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: FORM,
        payload: form({
          api_key: apiKey,
          service_code: 'noise',
          lat: near.lat!,
          long: near.lng!,
          description: '夜间噪声',
        }),
      });
      expect(res.statusCode, res.body).toBe(200);
      const row = await database.db
        .selectFrom('cases')
        .select(['channel', 'compound_id'])
        .where('case_no', '=', res.json()[0].service_request_id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ channel: 'open311', compound_id: near.id });
      const forged = await app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: FORM,
        payload: form({ api_key: `${apiKey}x`, service_code: 'noise', lat: near.lat!, long: near.lng! }),
      });
      expect(forged.statusCode).toBe(403);
    } finally {
      await app.close();
      await database.close();
    }
  });
});
