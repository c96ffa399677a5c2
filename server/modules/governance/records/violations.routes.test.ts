import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../../../domain/calendar.js';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../../test/harness.js';

interface OwnerItem {
  id: string;
  kind: string;
  name: string;
  units: { id: string; label: string }[];
}

describe.each(DB_KINDS)('governance: the register of 《规定》 Art 20 ¶2 grounds (%s)', (kind) => {
  let t: TestApp;
  let huamu: Session;
  let rc: Session;
  let compoundId: string;
  let owner: OwnerItem;

  beforeAll(async () => {
    t = await startTestApp(kind);
    rc = await t.login('rc');
    huamu = await t.login('huamu');
    compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
    owner = (await huamu.request({ method: 'GET', url: `/api/v1/compounds/${compoundId}/owners?limit=200` }))
      .json()
      .items.find((o: OwnerItem) => o.kind === 'person' && o.units.length > 0);
  });
  afterAll(() => t.close());

  const today = () => shanghaiDate(t.clock.now());
  const eligibility = async () =>
    (
      await huamu.request({
        method: 'GET',
        url: `/api/v1/governance/compounds/${compoundId}/eligibility?owner=${owner.id}`,
      })
    ).json();

  it('a ground found and not corrected disqualifies; corrected, it does not; every ground says how it was checked', async () => {
    const before = await eligibility();
    expect(before.eligible).toBe(true);
    expect(before.unchecked.map((u: { code: string }) => u.code)).toContain('facade');

    const url = `/api/v1/governance/compounds/${compoundId}/violations`;
    const payload = {
      unitId: owner.units[0].id,
      ground: 'facade',
      foundOn: today(),
      note: '封闭阳台改变外立面',
    };
    expect((await rc.request({ method: 'POST', url, payload })).statusCode).toBe(403);
    const future = await huamu.request({
      method: 'POST',
      url,
      payload: { ...payload, foundOn: '2999-01-01' },
    });
    expect(future.statusCode).toBe(400);
    const recorded = await huamu.request({ method: 'POST', url, payload });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const v = recorded.json();
    expect(v).toMatchObject({ ground: 'facade', groundLabel: '破坏房屋外貌', correctedOn: null });

    const e = await eligibility();
    expect(e.eligible).toBe(false);
    expect(e.reasons).toEqual([
      expect.objectContaining({ code: 'facade', message: expect.stringContaining('破坏房屋外貌') }),
    ]);
    // The compound now keeps a register: the five register grounds are checked, 违法出租 fully.
    expect(e.unchecked.map((u: { code: string }) => u.code)).toEqual(['unpaid_fees', 'other_statutory']);
    expect(e.grounds.find((g: { ground: string }) => g.ground === 'illegal_renting')).toMatchObject({
      checked: true,
      partial: false,
    });

    const list = (await rc.request({ method: 'GET', url })).json();
    expect(list).toMatchObject({ canRecord: false, items: [expect.objectContaining({ id: v.id })] });

    const correct = (s: Session, version: number) =>
      s.request({
        method: 'POST',
        url: `/api/v1/governance/violations/${v.id}/correct`,
        payload: { version, on: today() },
      });
    expect((await correct(rc, 1)).statusCode).toBe(403);
    const done = await correct(huamu, 1);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().correctedOn).toBe(today());
    expect((await correct(huamu, 2)).statusCode).toBe(409);
    expect((await eligibility()).eligible).toBe(true);
  });

  it('owner groups per entrance: an entrance the registry does not record is refused (Art 35)', async () => {
    const buildings = (
      await huamu.request({ method: 'GET', url: `/api/v1/compounds/${compoundId}/buildings` })
    ).json();
    const b = (buildings.items ?? buildings)[0];
    const res = await huamu.request({
      method: 'POST',
      url: `/api/v1/governance/compounds/${compoundId}/owner-groups`,
      payload: { buildingId: b.id, entrance: '99单元', formedOn: today() },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { code: string }) => d.code)).toContain(
      'governance.owner_group_entrance_unknown',
    );
  });
});
