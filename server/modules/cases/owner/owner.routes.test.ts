// The signed-in owner's own reports (issue 9 §4): report at one of their units, see only what they reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../../test/harness.js';

interface OwnUnit {
  unitId: string;
  buildingId: string;
  compoundId: string;
  compoundName: string;
  label: string;
}

describe.each(DB_KINDS)('an owner’s own reports (%s)', (kind) => {
  let t: TestApp;
  let owner: Session;
  let neighbour: Session;
  let units: OwnUnit[];
  let neighbourUnitId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    owner = await t.login('owner');
    const admin = await t.login('admin');
    units = (await owner.request({ method: 'GET', url: '/api/v1/owner/units' })).json().items;
    const me = (await owner.request({ method: 'GET', url: '/api/v1/auth/me' })).json();
    const owners = (
      await admin.request({ method: 'GET', url: `/api/v1/compounds/${units[0].compoundId}/owners?limit=200` })
    ).json().items as { id: string; kind: string; units: { id: string }[] }[];
    const other = owners.find(
      (o) =>
        o.id !== me.roles[0].scopeId &&
        o.kind === 'person' &&
        o.units.every((u) => !units.some((m) => m.unitId === u.id)),
    )!;
    neighbourUnitId = other.units[0].id;
    neighbour = await t.account('neighbour', [{ role: 'owner', scopeType: 'own_units', scopeId: other.id }]);
  });
  afterAll(() => t.close());

  const report = (s: Session, unitId: string, description = '楼道灯不亮，晚上看不见台阶') =>
    s.request({
      method: 'POST',
      url: '/api/v1/owner/cases',
      payload: { unitId, categoryCode: 'repair.ordinary', description },
    });

  it('lists the owner’s own units with building, compound and street', async () => {
    expect(units.length).toBeGreaterThan(0);
    expect(units[0]).toMatchObject({ streetName: '花木街道' });
    expect(units[0].label).toMatch(/\S+ \S+/);
    const huamu = await t.login('huamu');
    expect((await huamu.request({ method: 'GET', url: '/api/v1/owner/units' })).statusCode).toBe(403);
  });

  it('records a report at the owner’s unit, routed as a staff intake there would be', async () => {
    const res = await report(owner, units[0].unitId);
    expect(res.statusCode, res.body).toBe(200);
    const admin = await t.login('admin');
    const c = (await admin.request({ method: 'GET', url: `/api/v1/cases/${res.json().id}` })).json();
    expect(c).toMatchObject({ channel: 'residentWeb' });
    const row = await t.deps.database.db
      .selectFrom('cases')
      .select([
        'compound_id',
        'unit_id',
        'building_id',
        'reporter_user_id',
        'reporter_name',
        'suggested_org_id',
      ])
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      compound_id: units[0].compoundId,
      unit_id: units[0].unitId,
      building_id: units[0].buildingId,
    });
    expect(row.reporter_user_id).toBeTruthy();
    // The same problem taken on the hotline for the same unit goes to the same organisation.
    const hotline = await t.login('hotline');
    const staff = await hotline.request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        channel: 'hotline12345',
        categoryCode: 'repair.ordinary',
        description: '楼道灯不亮',
        unitId: units[0].unitId,
      },
    });
    const staffRow = await t.deps.database.db
      .selectFrom('cases')
      .select('suggested_org_id')
      .where('id', '=', staff.json().id)
      .executeTakeFirstOrThrow();
    expect(row.suggested_org_id).toBe(staffRow.suggested_org_id);
    expect(row.suggested_org_id).toBeTruthy();
  });

  it('refuses a unit the owner does not own', async () => {
    const res = await report(owner, neighbourUnitId);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('只能为您名下的房屋报告问题');
  });

  it('shows each owner only their own reports, in the reporter’s words', async () => {
    const theirs = await report(neighbour, neighbourUnitId, '邻居报告：地下车库积水');
    expect(theirs.statusCode, theirs.body).toBe(200);
    const mine = (await owner.request({ method: 'GET', url: '/api/v1/owner/cases' })).json();
    expect(mine.items.length).toBe(1);
    expect(mine.items[0]).toMatchObject({
      state: 'received',
      stateLabel: { zh: '已受理' },
      compoundName: units[0].compoundName,
      unitLabel: units[0].label,
      categoryName: { zh: expect.stringMatching(/\p{Script=Han}/u) },
    });
    expect(JSON.stringify(mine)).not.toContain('地下车库积水');
    const list = (await neighbour.request({ method: 'GET', url: '/api/v1/owner/cases' })).json();
    expect(list.items.map((c: { caseNo: string }) => c.caseNo)).toEqual([theirs.json().caseNo]);
    // Staff accounts have queues, not this list.
    const huamu = await t.login('huamu');
    expect((await huamu.request({ method: 'GET', url: '/api/v1/owner/cases' })).statusCode).toBe(403);
  });
});
