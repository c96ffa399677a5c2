import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

const HUAMU = '310115016';

describe.each(DB_KINDS)('registry routes (%s)', (kind) => {
  let t: TestApp;
  let admin: Session;
  let huamu: Session;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.login('admin');
    huamu = await t.login('huamu');
  });
  afterAll(() => t.close());

  it('lists compounds with keyset pagination that visits every row once', async () => {
    const seen = new Set<string>();
    let cursor: string | null = null;
    let total: number;
    do {
      const res = await admin.request({
        method: 'GET',
        url: `/api/v1/compounds?limit=7${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      total = body.total;
      for (const c of body.items) {
        expect(seen.has(c.id)).toBe(false);
        seen.add(c.id);
      }
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.size).toBe(total);
    expect(total).toBe(40);
  });

  it('shows a street office only the compounds of its street', async () => {
    const res = await huamu.request({ method: 'GET', url: '/api/v1/compounds?limit=100' });
    const items = res.json().items as { streetCode: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((c) => c.streetCode === HUAMU)).toBe(true);
    const other = await admin.request({ method: 'GET', url: '/api/v1/compounds?street=310115125&limit=1' });
    const foreignId = other.json().items[0].id;
    const denied = await huamu.request({ method: 'GET', url: `/api/v1/compounds/${foreignId}` });
    expect(denied.statusCode).toBe(404);
    expect(denied.json().error.code).toBe('registry.compound_not_found');
  });

  it('returns a compound with buildings, units (areas as m² strings) and masked owners', async () => {
    const list = await huamu.request({ method: 'GET', url: '/api/v1/compounds?limit=1' });
    const id = list.json().items[0].id;
    const detail = (await huamu.request({ method: 'GET', url: `/api/v1/compounds/${id}` })).json();
    expect(detail).toMatchObject({ id, streetName: '花木街道', districtName: '浦东新区' });
    expect(detail.buildingCount).toBeGreaterThan(0);
    const buildings = (
      await huamu.request({ method: 'GET', url: `/api/v1/compounds/${id}/buildings` })
    ).json().items;
    const units = (
      await huamu.request({ method: 'GET', url: `/api/v1/buildings/${buildings[0].id}/units` })
    ).json().items;
    expect(units.length).toBe(buildings[0].unitCount);
    const u = units[0];
    expect(
      [u.registeredArea, u.surveyedArea, u.contractArea].some(
        (a: string | null) => a && /^\d+\.\d{2}$/.test(a),
      ),
    ).toBe(true);
    const owners = (
      await huamu.request({ method: 'GET', url: `/api/v1/compounds/${id}/owners?limit=50` })
    ).json().items;
    const person = owners.find((o: { phone: string | null }) => o.phone);
    expect(person.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(person.idNumber).toMatch(/^\d\*{16}[\dX]$/);

    const reveal = await huamu.request({ method: 'POST', url: `/api/v1/owners/${person.id}/reveal` });
    expect(reveal.statusCode).toBe(200);
    expect(reveal.json().phone).toMatch(/^1\d{10}$/);
    const audited = await t.deps.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name'])
      .where('target_id', '=', person.id)
      .execute();
    expect(audited).toEqual([{ action: 'registry.owner.reveal', actor_name: 'huamu' }]);
  });

  it('does not let a residents-committee user reveal personal numbers', async () => {
    const rc = await t.login('rc');
    const compound = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0];
    const owner = (await rc.request({ method: 'GET', url: `/api/v1/compounds/${compound.id}/owners` })).json()
      .items[0];
    const res = await rc.request({ method: 'POST', url: `/api/v1/owners/${owner.id}/reveal` });
    expect(res.statusCode).toBe(403);
  });

  it('creates and edits a compound with optimistic concurrency; the loser gets 409 and nothing changes', async () => {
    const created = await huamu.request({
      method: 'POST',
      url: '/api/v1/compounds',
      payload: {
        code: 'T-HM-001',
        name: '测试花园',
        address: '浦东新区花木路1号',
        streetCode: HUAMU,
        buildingArea: '12345.67',
      },
    });
    expect(created.statusCode).toBe(200);
    const c = created.json();
    expect(c).toMatchObject({ districtCode: '310115', buildingArea: '12345.67', version: 1 });
    const [a, b] = await Promise.all([
      huamu.request({
        method: 'PATCH',
        url: `/api/v1/compounds/${c.id}`,
        payload: { version: 1, name: '测试花园A' },
      }),
      huamu.request({
        method: 'PATCH',
        url: `/api/v1/compounds/${c.id}`,
        payload: { version: 1, name: '测试花园B' },
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const after = (await huamu.request({ method: 'GET', url: `/api/v1/compounds/${c.id}` })).json();
    expect(after.version).toBe(2);
    expect(['测试花园A', '测试花园B']).toContain(after.name);
    const dup = await huamu.request({
      method: 'POST',
      url: '/api/v1/compounds',
      payload: { code: 'T-HM-001', name: '重复', address: '浦东新区花木路2号', streetCode: HUAMU },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('T-HM-001');
  });

  it('refuses writes outside the writer’s street and invalid bodies, in zh-CN and en', async () => {
    const outside = await huamu.request({
      method: 'POST',
      url: '/api/v1/compounds',
      payload: { code: 'T-ZJ-001', name: '越权小区', address: '张江镇', streetCode: '310115125' },
    });
    expect(outside.statusCode).toBe(403);
    const invalid = await huamu.request({
      method: 'POST',
      url: '/api/v1/compounds',
      headers: { 'accept-language': 'en' },
      payload: { code: '', name: 'x', streetCode: 'abc' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('common.validation');
    expect(invalid.json().error.message).toMatch(/^The request is invalid/);
    const count = await t.deps.database.db
      .selectFrom('compounds')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('code', 'like', 'T-ZJ%')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('lists divisions: 16 districts and Pudong’s 36 streets and towns', async () => {
    const districts = (await huamu.request({ method: 'GET', url: '/api/v1/divisions?level=district' })).json()
      .items;
    expect(districts.length).toBe(16);
    const pudong = (await huamu.request({ method: 'GET', url: '/api/v1/divisions?parent=310115' })).json()
      .items;
    expect(pudong.filter((d: { level: string }) => d.level !== 'statistical').length).toBe(36);
  });

  it('creates an organisation with coverage and audits it', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: {
        type: 'department',
        kind: 'fireRescue',
        name: '测试消防救援站',
        divisionCode: '310115',
        coverage: [HUAMU],
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().coverage).toEqual([HUAMU]);
    const audit = await t.deps.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('registry.organisation.create');
  });
});
