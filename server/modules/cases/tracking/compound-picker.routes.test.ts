// The resident names the compound (issue 9 §2): a public directory of compounds (name and street only), their
// buildings and units; a report naming the compound is routed like staff intake; building and unit are
// checked against the compound and shown on the case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../../test/harness.js';

describe.each(DB_KINDS)('resident compound picker (%s)', (kind) => {
  let t: TestApp;
  let huamu: Session;
  let wuye: Session;
  let hotline: Session;
  let compound: { id: string; name: string; lat: number | null; lng: number | null };
  let other: { id: string };
  let buildings: { id: string; name: string }[];
  beforeAll(async () => {
    t = await startTestApp(kind);
    huamu = await t.login('huamu');
    wuye = await t.login('wuye');
    hotline = await t.login('hotline');
    const rc = await t.login('rc');
    const id = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
    compound = (await rc.request({ method: 'GET', url: `/api/v1/compounds/${id}` })).json();
    other = await t.deps.database.db
      .selectFrom('buildings')
      .select('compound_id as id')
      .where('compound_id', '!=', id)
      .limit(1)
      .executeTakeFirstOrThrow();
    buildings = (await t.app.inject({ url: `/api/v1/public/compounds/${id}/buildings` })).json().items;
  });
  afterAll(() => t.close());

  const countCases = async () =>
    Number(
      (
        await t.deps.database.db
          .selectFrom('cases')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('finds a compound by name without an account: name, street, district and nothing else', async () => {
    const res = await t.app.inject({
      url: `/api/v1/public/compounds?q=${encodeURIComponent(compound.name.slice(0, 4))}`,
    });
    expect(res.statusCode).toBe(200);
    const hit = res.json().items.find((c: { id: string }) => c.id === compound.id);
    expect(hit).toEqual({
      id: compound.id,
      name: compound.name,
      streetName: '花木街道',
      districtName: '浦东新区',
      distanceM: null,
    });
    for (const item of res.json().items) expect(Object.keys(item).sort()).toEqual(Object.keys(hit).sort());
    // A search needs a name of two characters or a position.
    expect((await t.app.inject({ url: '/api/v1/public/compounds?q=花' })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/v1/public/compounds' })).statusCode).toBe(400);
  });

  it('lists the nearest compounds to a position, nearest first, with their distance', async () => {
    expect(compound.lat).not.toBeNull();
    const res = await t.app.inject({
      url: `/api/v1/public/compounds?lat=${compound.lat}&lng=${compound.lng! + 0.0005}`,
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; distanceM: number }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(10);
    expect(items.map((i) => i.distanceM)).toEqual([...items.map((i) => i.distanceM)].sort((a, b) => a - b));
    const mine = items.find((i) => i.id === compound.id)!;
    expect(mine.distanceM).toBeGreaterThan(30);
    expect(mine.distanceM).toBeLessThan(70);
    // Far out at sea: nothing within reach.
    const sea = await t.app.inject({ url: '/api/v1/public/compounds?lat=30.5&lng=123.5' });
    expect(sea.json().items).toEqual([]);
  });

  it('lists a compound’s buildings and a building’s units by name, naturally sorted, names only', async () => {
    expect(buildings.length).toBeGreaterThan(0);
    for (const b of buildings) expect(Object.keys(b).sort()).toEqual(['id', 'name']);
    const names = buildings.map((b) => b.name);
    const num = (s: string) => Number(/\d+/.exec(s)?.[0] ?? 0);
    expect(names.map(num)).toEqual([...names.map(num)].sort((a, b) => a - b));
    const units = (await t.app.inject({ url: `/api/v1/public/buildings/${buildings[0].id}/units` })).json()
      .items;
    expect(units.length).toBeGreaterThan(0);
    for (const u of units) expect(Object.keys(u).sort()).toEqual(['id', 'number']);
    const numbers = units.map((u: { number: string }) => num(u.number));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect((await t.app.inject({ url: '/api/v1/public/compounds/nope/buildings' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/public/buildings/nope/units' })).statusCode).toBe(404);
  });

  it('routes a resident’s 报修 in the compound to its property company, with building and unit', async () => {
    const building = buildings[0];
    const unit = (await t.app.inject({ url: `/api/v1/public/buildings/${building.id}/units` })).json()
      .items[0];
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/reports',
      payload: {
        categoryCode: 'repair.ordinary',
        attributes: { part: 'common' },
        description: '楼道灯坏了一个星期，晚上看不见台阶',
        compoundId: compound.id,
        buildingId: building.id,
        unitId: unit.id,
        phone: '13911112222',
      },
    });
    expect(res.statusCode).toBe(200);
    const { id } = res.json();
    const view = (await huamu.request({ method: 'GET', url: `/api/v1/cases/${id}` })).json();
    expect(view.compound).toEqual({ id: compound.id, name: compound.name });
    expect(view.building).toEqual(building);
    expect(view.unit).toEqual(unit);
    expect(view.routing.rule).not.toBe('fallback');
    // The street dispatches it to the suggested organisation: the company sees it in its queue.
    await huamu.request({
      method: 'POST',
      url: `/api/v1/cases/${id}/actions`,
      payload: { action: 'dispatch', version: view.version },
    });
    const seen = await wuye.request({ method: 'GET', url: `/api/v1/cases/${id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().allowedActions).toContain('signFor');
  });

  it('refuses a building of another compound, or a unit of another building, and records nothing', async () => {
    const foreign = (await t.app.inject({ url: `/api/v1/public/compounds/${other.id}/buildings` })).json()
      .items[0];
    expect(foreign).toBeTruthy();
    const before = await countCases();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/reports',
      headers: { 'accept-language': 'zh-CN' },
      payload: {
        categoryCode: 'repair.ordinary',
        description: '楼道灯坏了一个星期',
        compoundId: compound.id,
        buildingId: foreign.id,
        phone: '13911112222',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('cases.building_not_in_compound');
    expect(res.json().error.message).toBe('所选楼栋不属于所选小区，请重新选择楼栋');
    const foreignUnit = (await t.app.inject({ url: `/api/v1/public/buildings/${foreign.id}/units` })).json()
      .items[0];
    const staff = await hotline.request({
      method: 'POST',
      url: '/api/v1/intake/hotline',
      payload: {
        categoryCode: 'repair.ordinary',
        description: '楼道灯坏了一个星期',
        compoundId: compound.id,
        buildingId: buildings[0].id,
        unitId: foreignUnit.id,
        reporter: { phone: '13911112222' },
      },
    });
    expect(staff.statusCode).toBe(400);
    expect(staff.json().error.code).toBe('cases.unit_not_in_building');
    expect(await countCases()).toBe(before);
  });

  it('stores the building and unit chosen at staff intake and shows them on the case', async () => {
    const building = buildings[buildings.length - 1];
    const unit = (await t.app.inject({ url: `/api/v1/public/buildings/${building.id}/units` })).json()
      .items[0];
    const res = await hotline.request({
      method: 'POST',
      url: '/api/v1/intake/hotline',
      payload: {
        categoryCode: 'repair.ordinary',
        attributes: { part: 'common' },
        description: '屋顶漏水到卧室',
        compoundId: compound.id,
        buildingId: building.id,
        unitId: unit.id,
        reporter: { phone: '13911113333' },
      },
    });
    expect(res.statusCode).toBe(200);
    const view = (await hotline.request({ method: 'GET', url: `/api/v1/cases/${res.json().id}` })).json();
    expect(view.building).toEqual(building);
    expect(view.unit).toEqual(unit);
  });
});
