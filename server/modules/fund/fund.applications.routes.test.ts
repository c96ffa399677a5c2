// Using the fund before the assembly exists (《上海市住宅物业管理规定》第七十一条第二款、第三款) through the HTTP API on
// both databases: refused before the developer's report and once the assembly exists; the serving company proposes,
// the residents' committee records the owners' consultation (a failed one closes the application), the district
// records the named intermediary's review and pays — shared by area over the part's ledgers; two consultations
// recorded at once: one wins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAreaM2 } from '../../../domain/area.js';
import { addDays, shanghaiDate } from '../../../domain/calendar.js';
import { newId } from '../../platform/ids.js';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { verifyLedgers } from './fund.service.js';

describe.each(DB_KINDS)('maintenance fund: use before the assembly (第七十一条第二款) (%s)', (kind) => {
  let t: TestApp;
  let pudong: Session;
  let company: Session;
  let rc: Session;
  /** [developer reported, no assembly; with an assembly; before the developer's report] */
  let compounds: { id: string }[];
  const today = () => shanghaiDate(t.clock.now());
  const fen = (y: string) => Math.round(Number(y) * 100);

  async function openFunded(compoundId: string) {
    const opened = await pudong.request({
      method: 'POST',
      url: `/api/v1/fund/compounds/${compoundId}/account`,
      payload: { bankName: '上海银行', accountName: '专项维修资金专户', openedOn: today() },
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const units = await t.deps.database.db
      .selectFrom('units')
      .select('id')
      .where('compound_id', '=', compoundId)
      .execute();
    const r = await pudong.request({
      method: 'POST',
      url: `/api/v1/fund/compounds/${compoundId}/entries`,
      payload: {
        kind: 'initial_deposit',
        on: today(),
        memo: '首期交存',
        items: units.map((u) => ({ unitId: u.id, amount: '5000' })),
      },
    });
    expect(r.statusCode, r.body).toBe(200);
  }

  async function formation(compoundId: string, status: 'completed' | 'in_progress') {
    const now = t.clock.now().toISOString();
    await t.deps.database.db
      .insertInto('gov_formations')
      .values({
        id: newId(),
        compound_id: compoundId,
        status,
        trigger_kind: 'area',
        trigger_on: addDays(today(), -400),
        report_kind: 'developer',
        report_on: addDays(today(), -380),
        group_formed_on: null,
        member_list_posted_on: null,
        meeting_planned_on: null,
        meeting_notice_posted_on: null,
        first_meeting_on: status === 'completed' ? addDays(today(), -300) : null,
        note: null,
        created_by: null,
        created_at: now,
        updated_at: now,
        version: 1,
      } as never)
      .execute();
  }

  /** The first building of the compound with its area (m²) and owners, as the registry has them. */
  async function firstBuilding(compoundId: string) {
    const db = t.deps.database.db;
    const b = await db
      .selectFrom('buildings')
      .select(['id', 'name'])
      .where('compound_id', '=', compoundId)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const units = await db
      .selectFrom('units')
      .select(['registered_area', 'surveyed_area', 'contract_area'])
      .where('building_id', '=', b.id)
      .execute();
    const centi = units.reduce(
      (s, u) => s + (u.registered_area ?? u.surveyed_area ?? u.contract_area ?? 0),
      0,
    );
    const owners = await db
      .selectFrom('unit_owners')
      .innerJoin('units', 'units.id', 'unit_owners.unit_id')
      .select('unit_owners.owner_id')
      .distinct()
      .where('units.building_id', '=', b.id)
      .execute();
    return { ...b, centi, owners: owners.length };
  }

  const propose = (s: Session, compoundId: string, over: Record<string, unknown> = {}) =>
    s.request({
      method: 'POST',
      url: `/api/v1/fund/compounds/${compoundId}/applications`,
      payload: {
        title: '1 号楼屋面防水翻修',
        plan: '屋面防水层整体翻修',
        quotation: '20000',
        proposedOn: today(),
        ...over,
      },
    });
  const act = (s: Session, id: string, body: Record<string, unknown>) =>
    s.request({
      method: 'POST',
      url: `/api/v1/fund/applications/${id}/actions`,
      payload: { on: today(), ...body },
    });

  beforeAll(async () => {
    t = await startTestApp(kind);
    pudong = await t.login('pudong');
    const rows = await t.deps.database.db
      .selectFrom('service_contracts')
      .innerJoin('compounds', 'compounds.id', 'service_contracts.compound_id')
      .select(['compounds.id', 'service_contracts.company_id'])
      .where('compounds.district_code', '=', '310115')
      .where('service_contracts.starts_on', '<=', '2026-11-26')
      .where((eb) =>
        eb.or([eb('service_contracts.ends_on', 'is', null), eb('service_contracts.ends_on', '>=', today())]),
      )
      .where('compounds.id', 'not in', (eb) => eb.selectFrom('committees').select('compound_id'))
      .where('compounds.id', 'not in', (eb) => eb.selectFrom('gov_formations').select('compound_id'))
      .where('compounds.id', 'not in', (eb) => eb.selectFrom('fund_accounts').select('compound_id'))
      .orderBy('compounds.id')
      .execute();
    const companyId = rows[0].company_id;
    compounds = rows.filter((r) => r.company_id === companyId).slice(0, 3);
    expect(compounds).toHaveLength(3);
    company = await t.account(
      'fund-app-company',
      [{ role: 'property_company', scopeType: 'company', scopeId: companyId }],
      '物业 项目经理',
    );
    rc = await t.account(
      'fund-app-rc',
      [{ role: 'residents_committee', scopeType: 'compound', scopeId: compounds[0].id }],
      '居委会 周书记',
    );
    await formation(compounds[0].id, 'in_progress');
    await formation(compounds[1].id, 'completed');
    for (const c of compounds) await openFunded(c.id);
  });
  afterAll(() => t.close());

  it('is refused before the developer’s report (第七十一条第一款) and once the assembly exists (第六十九条)', async () => {
    const before = await propose(company, compounds[2].id);
    expect(before.statusCode, before.body).toBe(409);
    expect(before.json().error.message).toContain('第七十一条第一款');
    const withAssembly = await propose(company, compounds[1].id);
    expect(withAssembly.statusCode, withAssembly.body).toBe(409);
    expect(withAssembly.json().error.message).toContain('第六十九条');
    const early = await propose(company, compounds[0].id, { proposedOn: addDays(today(), -390) });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain(addDays(today(), -380));
    const byRc = await propose(rc, compounds[0].id);
    expect(byRc.statusCode).toBe(403);
    const list = await company.request({
      method: 'GET',
      url: `/api/v1/fund/compounds/${compounds[0].id}/applications`,
    });
    expect(list.json()).toMatchObject({ stage: 'before_assembly', mayPropose: true });
  });

  it('the residents’ committee consults, the district reviews and pays: shared over the part’s ledgers', async () => {
    const b = await firstBuilding(compounds[0].id);
    const r = await propose(company, compounds[0].id, { buildingIds: [b.id] });
    expect(r.statusCode, r.body).toBe(200);
    const a = r.json();
    expect(a).toMatchObject({ status: 'proposed', buildings: [b.name], allowedActions: [] });
    expect(
      (await act(pudong, a.id, { action: 'pay', version: a.version, reference: 'P-1' })).statusCode,
    ).toBe(409);
    const consult = {
      action: 'consult',
      version: a.version,
      participatingArea: formatAreaM2(b.centi),
      participatingPersons: b.owners,
      agreeingArea: formatAreaM2(b.centi),
      agreeingPersons: b.owners,
      note: '书面征询，张贴公示七日',
    };
    expect((await act(pudong, a.id, consult)).statusCode).toBe(403);
    const tooMany = await act(rc, a.id, { ...consult, participatingPersons: b.owners + 1 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toContain(`${b.owners}`);
    const consulted = await act(rc, a.id, consult);
    expect(consulted.statusCode, consulted.body).toBe(200);
    expect(consulted.json()).toMatchObject({
      status: 'consulted',
      consultation: { passed: true, totalPersons: b.owners, totalArea: formatAreaM2(b.centi) },
    });
    const v = consulted.json().version;
    const unreviewed = await act(pudong, a.id, { action: 'pay', version: v, reference: 'P-1' });
    expect(unreviewed.statusCode).toBe(409);
    expect(unreviewed.json().error.message).toContain('审价');
    const review = {
      action: 'review_cost',
      version: v,
      cost: '18888.88',
      reviewer: '指定审价机构',
      reportNo: 'SJ-7',
    };
    expect((await act(rc, a.id, review)).statusCode).toBe(403);
    const reviewed = await act(pudong, a.id, review);
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json().allowedActions).toEqual(['review_cost', 'pay']); // a review may be corrected until paid
    const before = (
      await pudong.request({ method: 'GET', url: `/api/v1/fund/compounds/${compounds[0].id}` })
    ).json();
    const paid = await act(pudong, a.id, {
      action: 'pay',
      version: reviewed.json().version,
      reference: 'P-1',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid', allowedActions: [] });
    const after = (
      await pudong.request({ method: 'GET', url: `/api/v1/fund/compounds/${compounds[0].id}` })
    ).json();
    const ledger = (f: { buildings: { buildingId: string; balance: string }[] }) =>
      fen(f.buildings.find((x) => x.buildingId === b.id)!.balance);
    expect(ledger(before) - ledger(after)).toBe(1_888_888);
    expect(fen(before.account.balance) - fen(after.account.balance)).toBe(1_888_888);
    expect(after.payments[0]).toMatchObject({ basis: 'application', title: '1 号楼屋面防水翻修' });
    expect((await verifyLedgers(t.deps.database.db)).ok).toBe(true);
  });

  it('a consultation that does not pass closes the application; two recorded at once: one wins', async () => {
    const b = await firstBuilding(compounds[0].id);
    const a = (await propose(company, compounds[0].id, { buildingIds: [b.id], title: '外墙修缮' })).json();
    const few = {
      action: 'consult',
      version: a.version,
      participatingArea: formatAreaM2(Math.floor(b.centi / 2)),
      participatingPersons: Math.floor(b.owners / 2),
      agreeingArea: formatAreaM2(Math.floor(b.centi / 2)),
      agreeingPersons: Math.floor(b.owners / 2),
    };
    const [x, y] = await Promise.all([act(rc, a.id, few), act(rc, a.id, few)]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    const done = (x.statusCode === 200 ? x : y).json();
    expect(done).toMatchObject({ status: 'rejected', consultation: { passed: false }, allowedActions: [] });
    const review = await act(pudong, a.id, {
      action: 'review_cost',
      version: done.version,
      cost: '100',
      reviewer: '指定审价机构',
      reportNo: 'SJ-8',
    });
    expect(review.statusCode).toBe(409);
  });
});
