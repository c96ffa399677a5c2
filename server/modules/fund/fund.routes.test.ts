import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../../domain/calendar.js';
import { newId } from '../../platform/ids.js';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { verifyLedgers } from './fund.service.js';

interface Unit {
  id: string;
  building_id: string;
  registered_area: number | null;
  surveyed_area: number | null;
  contract_area: number | null;
}

describe.each(DB_KINDS)('maintenance fund: account, ledgers, payments on a passed decision (%s)', (kind) => {
  let t: TestApp;
  let pudong: Session;
  let huamu: Session;
  let ywh: Session;
  let compoundId: string;
  let buildingId: string;
  let units: Unit[];
  const today = () => shanghaiDate(t.clock.now());

  /** A decision as the governance module leaves it (its vote is tested in decisions.routes.test.ts). */
  async function decision(matter: string, status: string, passed: boolean, buildingIds: string[] | null) {
    const id = newId();
    const now = t.clock.now().toISOString();
    await t.deps.database.db
      .insertInto('decisions')
      .values({
        id,
        compound_id: compoundId,
        scope: buildingIds ? 'buildings' : 'compound',
        building_ids_json: JSON.stringify(buildingIds ?? []),
        matter,
        method: 'written',
        title: `电梯维修（${matter}）`,
        description: '1 号楼两部电梯更换主机',
        opens_at: now,
        closes_at: now,
        status: status as 'published',
        notice_posted_on: today(),
        notice_days: 15,
        unit_count: 0,
        ballot_count: 0,
        result_json: JSON.stringify({ tally: { passed } }),
        roll_json: null,
        ballots_json: null,
        opened_at: now,
        closed_at: now,
        publish_due_on: today(),
        published_at: status === 'published' ? now : null,
        notice_ends_on: null,
        created_by: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    return id;
  }

  const fundOf = async (s: Session) =>
    (await s.request({ method: 'GET', url: `/api/v1/fund/compounds/${compoundId}` })).json();

  beforeAll(async () => {
    t = await startTestApp(kind);
    pudong = await t.login('pudong');
    huamu = await t.login('huamu');
    const rc = await t.login('rc');
    compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
    ywh = await t.account(
      'fund-ywh',
      [{ role: 'owners_committee_member', scopeType: 'compound', scopeId: compoundId }],
      '业委会 王主任',
    );
    units = await t.deps.database.db
      .selectFrom('units')
      .select(['id', 'building_id', 'registered_area', 'surveyed_area', 'contract_area'])
      .where('compound_id', '=', compoundId)
      .orderBy('id')
      .execute();
    buildingId = units[0].building_id;
  });
  afterAll(() => t.close());

  it('the district opens the account with a ledger per building and unit; the street may only look', async () => {
    const body = { bankName: '上海银行浦东分行', accountName: '专项维修资金专户', openedOn: today() };
    const refused = await huamu.request({
      method: 'POST',
      url: `/api/v1/fund/compounds/${compoundId}/account`,
      payload: body,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('区房屋行政管理部门');
    const opened = await pudong.request({
      method: 'POST',
      url: `/api/v1/fund/compounds/${compoundId}/account`,
      payload: body,
    });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().account).toMatchObject({ bankName: '上海银行浦东分行', balance: '0.00' });
    const buildings = new Set(units.map((u) => u.building_id));
    expect(opened.json().buildings).toHaveLength(buildings.size);
    const again = await pudong.request({
      method: 'POST',
      url: `/api/v1/fund/compounds/${compoundId}/account`,
      payload: body,
    });
    expect(again.statusCode).toBe(409);
    const seen = await fundOf(huamu);
    expect(seen).toMatchObject({ mayManage: false, mayPay: false });
    expect(seen.account.balance).toBe('0.00');
  });

  it('records initial deposits all or nothing: one bad amount and nothing is booked', async () => {
    const inBuilding = units.filter((u) => u.building_id === buildingId);
    const bad = await pudong.request({
      method: 'POST',
      url: `/api/v1/fund/compounds/${compoundId}/entries`,
      payload: {
        kind: 'initial_deposit',
        on: today(),
        memo: '首期交存',
        items: [
          { unitId: inBuilding[0].id, amount: '8000' },
          { unitId: inBuilding[1].id, amount: '80.001' },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect((await fundOf(pudong)).account.balance).toBe('0.00');
    const ok = await pudong.request({
      method: 'POST',
      url: `/api/v1/fund/compounds/${compoundId}/entries`,
      payload: {
        kind: 'initial_deposit',
        on: today(),
        memo: '首期交存',
        items: inBuilding.map((u) => ({ unitId: u.id, amount: '10000.00' })),
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ entries: inBuilding.length, total: `${inBuilding.length * 10000}.00` });
    const view = await fundOf(pudong);
    expect(view.account.balance).toBe(`${inBuilding.length * 10000}.00`);
    expect(view.buildings.find((b: { buildingId: string }) => b.buildingId === buildingId).balance).toBe(
      `${inBuilding.length * 10000}.00`,
    );
    expect((await verifyLedgers(t.deps.database.db)).ok).toBe(true);
  });

  it('pays only on a published, passed use_fund decision, in the words of the law', async () => {
    const payment = (decisionId: string, reference: string) => ({
      reference,
      title: '1 号楼电梯更换主机',
      cost: '12345.67',
      decisionId,
      paidOn: today(),
    });
    const cases: [string, string][] = [
      [await decision('use_fund', 'published', false, [buildingId]), '未通过'],
      [await decision('raise_fund', 'published', true, [buildingId]), '使用建筑物及其附属设施的维修资金'],
      [await decision('use_fund', 'closed', true, [buildingId]), '尚未公布'],
    ];
    for (const [id, words] of cases) {
      const r = await ywh.request({
        method: 'POST',
        url: `/api/v1/fund/compounds/${compoundId}/payments`,
        payload: payment(id, `V-${id}`),
      });
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().error.message).toContain(words);
    }
    const street = await huamu.request({
      method: 'POST',
      url: `/api/v1/fund/compounds/${compoundId}/payments`,
      payload: payment(cases[0][0], 'V-street'),
    });
    expect(street.statusCode).toBe(403);
    expect((await fundOf(pudong)).payments).toHaveLength(0);
  });

  it('shares the cost over the part’s units by area to the fen and debits each ledger once', async () => {
    const before = await fundOf(pudong);
    const d = await decision('use_fund', 'published', true, [buildingId]);
    const body = {
      reference: 'V-2026-001',
      title: '1 号楼电梯更换主机',
      cost: '12345.67',
      decisionId: d,
      paidOn: today(),
    };
    const paid = await ywh.request({
      method: 'POST',
      url: `/api/v1/fund/compounds/${compoundId}/payments`,
      payload: body,
    });
    expect(paid.statusCode, paid.body).toBe(200);
    const shares = paid.json().shares as { unitId: string; amount: string }[];
    expect(shares).toHaveLength(units.filter((u) => u.building_id === buildingId).length);
    const fen = shares.reduce((s, x) => s + Math.round(Number(x.amount) * 100), 0);
    expect(fen).toBe(1_234_567);
    const after = await fundOf(pudong);
    expect(
      Math.round(Number(before.account.balance) * 100) - Math.round(Number(after.account.balance) * 100),
    ).toBe(1_234_567);
    expect(after.payments[0]).toMatchObject({
      reference: 'V-2026-001',
      cost: '12345.67',
      decisionTitle: expect.stringContaining('电梯'),
    });

    const retry = await ywh.request({
      method: 'POST',
      url: `/api/v1/fund/compounds/${compoundId}/payments`,
      payload: body,
    });
    expect(retry.statusCode).toBe(409);
    expect(retry.json().error.message).toContain('V-2026-001');
    expect((await fundOf(pudong)).account.balance).toBe(after.account.balance);

    const ledger = await pudong.request({
      method: 'GET',
      url: `/api/v1/fund/units/${shares[0].unitId}/entries`,
    });
    expect(ledger.statusCode).toBe(200);
    expect(ledger.json().items[0]).toMatchObject({ kind: 'disbursement', amount: `-${shares[0].amount}` });
    expect((await verifyLedgers(t.deps.database.db)).ok).toBe(true);
  });

  it('never overdraws a ledger, even when payments race; a raced voucher is booked once', async () => {
    const d = await decision('use_fund', 'published', true, [buildingId]);
    const balance = Math.round(Number((await fundOf(pudong)).account.balance) * 100);
    // Five payments of 30 % of what is left: at most three fit.
    const cost = ((Math.floor(balance * 0.3) / 100) as number).toFixed(2);
    const results = await Promise.all(
      [1, 2, 3, 4, 5, 5].map((n) =>
        ywh.request({
          method: 'POST',
          url: `/api/v1/fund/compounds/${compoundId}/payments`,
          payload: { reference: `RACE-${n}`, title: `并发 ${n}`, cost, decisionId: d, paidOn: today() },
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200).length).toBeLessThanOrEqual(3);
    expect(codes.every((c) => c === 200 || c === 409)).toBe(true);
    const rows = await t.deps.database.db.selectFrom('fund_unit_ledgers').select('balance_fen').execute();
    expect(rows.every((r) => Number(r.balance_fen) >= 0)).toBe(true);
    const refs = await t.deps.database.db
      .selectFrom('fund_payments')
      .select('reference')
      .where('reference', '=', 'RACE-5')
      .execute();
    expect(refs.length).toBeLessThanOrEqual(1);
    const overdrawn = results.find((r) => r.statusCode === 409 && r.json().error.code === 'fund.overdrawn');
    expect(overdrawn?.json().error.message).toContain('第六十五条');
    expect((await verifyLedgers(t.deps.database.db)).ok).toBe(true);
  });

  it('an owner sees the ledger of the unit he owns with his share of each payment', async () => {
    const unitId = units.find((u) => u.building_id === buildingId)!.id;
    const owner = await t.deps.database.db
      .selectFrom('unit_owners')
      .select('owner_id')
      .where('unit_id', '=', unitId)
      .executeTakeFirstOrThrow();
    const me = await t.account('fund-owner', [
      { role: 'owner', scopeType: 'own_units', scopeId: owner.owner_id },
    ]);
    const mine = await me.request({ method: 'GET', url: '/api/v1/fund/mine' });
    expect(mine.statusCode, mine.body).toBe(200);
    const ledger = mine.json().items.find((i: { unitId: string }) => i.unitId === unitId);
    expect(ledger.items.some((e: { kind: string }) => e.kind === 'disbursement')).toBe(true);
    expect(ledger.items.some((e: { kind: string }) => e.kind === 'initial_deposit')).toBe(true);
    const other = await me.request({ method: 'GET', url: `/api/v1/fund/compounds/${compoundId}` });
    expect(other.statusCode).toBe(404);
  });

  it('fund verify names the first ledger that does not add up', async () => {
    const unitId = units.find((u) => u.building_id === buildingId)!.id;
    await t.deps.database.db
      .updateTable('fund_unit_ledgers')
      .set({ balance_fen: 1 })
      .where('unit_id', '=', unitId)
      .execute();
    const r = await verifyLedgers(t.deps.database.db);
    expect(r.ok).toBe(false);
    expect(r.mismatches[0]).toMatchObject({ level: 'unit', id: unitId, recorded: 1 });
    expect(r.mismatches.some((m) => m.level === 'building' && m.id === buildingId)).toBe(true);
  });
});
