// Emergency use of the fund (《上海市住宅物业管理规定》第七十一条, 第七十三条) through the HTTP API on both databases:
// refused before the developer's report; the committee's 7 days, then the district's 代为维修; the 房管机构's approval
// before the assembly and the district's direct payment; the document each situation needs; one winner of two
// concurrent approvals; the payment shared by area and debited from the ledgers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '../../../domain/calendar.js';
import { newId } from '../../platform/ids.js';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { verifyLedgers } from './fund.service.js';

describe.each(DB_KINDS)('maintenance fund: emergency use (第七十三条) (%s)', (kind) => {
  let t: TestApp;
  let pudong: Session;
  let company: Session;
  let ywh: Session;
  let street: Session;
  /** [with an assembly, reported but no assembly, before the developer's report] */
  let compounds: { id: string; street_code: string }[];
  const today = () => shanghaiDate(t.clock.now());

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

  const report = (s: Session, compoundId: string, over: Record<string, unknown> = {}) =>
    s.request({
      method: 'POST',
      url: `/api/v1/fund/compounds/${compoundId}/emergencies`,
      payload: {
        situation: 'lift',
        title: '2 号楼电梯停运抢修',
        plan: '更换曳引机制动器',
        quotation: '36800',
        documentIssuer: '上海市特种设备监督检验技术研究院',
        documentNumber: 'TJ-2026-0417',
        safetyAffected: true,
        outsideWarranty: true,
        reportedOn: today(),
        ...over,
      },
    });
  const act = (s: Session, id: string, body: Record<string, unknown>) =>
    s.request({
      method: 'POST',
      url: `/api/v1/fund/emergencies/${id}/actions`,
      payload: { on: today(), ...body },
    });

  beforeAll(async () => {
    t = await startTestApp(kind);
    pudong = await t.login('pudong');
    // Three compounds of one street served by one company (a contract in force), without any governance record.
    const rows = await t.deps.database.db
      .selectFrom('service_contracts')
      .innerJoin('compounds', 'compounds.id', 'service_contracts.compound_id')
      .select(['compounds.id', 'compounds.street_code', 'service_contracts.company_id'])
      .where('compounds.district_code', '=', '310115')
      .where('service_contracts.starts_on', '<=', '2026-11-26')
      .where('compounds.id', 'not in', (eb) => eb.selectFrom('committees').select('compound_id'))
      .where('compounds.id', 'not in', (eb) => eb.selectFrom('gov_formations').select('compound_id'))
      .where('compounds.id', 'not in', (eb) => eb.selectFrom('fund_accounts').select('compound_id'))
      .orderBy('compounds.id')
      .execute();
    const companyId = rows[0].company_id;
    compounds = rows.filter((r) => r.company_id === companyId).slice(0, 3);
    expect(compounds).toHaveLength(3);
    company = await t.account(
      'fund-company',
      [{ role: 'property_company', scopeType: 'company', scopeId: companyId }],
      '物业 项目经理',
    );
    ywh = await t.account(
      'fund-ywh-e',
      [{ role: 'owners_committee_member', scopeType: 'compound', scopeId: compounds[0].id }],
      '业委会 李主任',
    );
    street = await t.account(
      'fund-fgb',
      [...new Set([compounds[0].street_code, compounds[1].street_code])].map((code) => ({
        role: 'street_office' as const,
        scopeType: 'street' as const,
        scopeId: code,
      })),
      '房管办 张科长',
    );
    await formation(compounds[0].id, 'completed');
    await formation(compounds[1].id, 'in_progress');
    for (const c of compounds) await openFunded(c.id);
  });
  afterAll(() => t.close());

  it('is refused before the developer’s written report (第七十一条第一款)', async () => {
    const r = await report(company, compounds[2].id);
    expect(r.statusCode, r.body).toBe(409);
    expect(r.json().error.message).toContain('第七十一条第一款');
    const list = await company.request({
      method: 'GET',
      url: `/api/v1/fund/compounds/${compounds[2].id}/emergencies`,
    });
    expect(list.json()).toMatchObject({ stage: 'before_report', mayReport: false, items: [] });
  });

  it('needs the document the situation names, and only the serving company reports', async () => {
    const noNotice = await report(company, compounds[0].id, { documentNumber: '' });
    expect(noNotice.statusCode).toBe(400);
    expect(noNotice.json().error.message).toContain('整改通知书');
    const pump = await report(company, compounds[0].id, {
      situation: 'pump_tank',
      documentIssuer: undefined,
      documentNumber: undefined,
      title: '水泵故障',
    });
    expect(pump.statusCode, pump.body).toBe(200);
    const byCommittee = await report(ywh, compounds[0].id);
    expect(byCommittee.statusCode).toBe(403);
  });

  it('with an assembly: the committee has 7 days; after them the district may order 代为维修 and pay', async () => {
    const r = await report(company, compounds[0].id);
    expect(r.statusCode, r.body).toBe(200);
    const e = r.json();
    expect(e).toMatchObject({ stage: 'assembly', status: 'reported', committeeOverdue: false });
    expect(e.committeeDueOn >= addDays(today(), 7)).toBe(true);
    // Within the 7 days the district may not order the repair; the housing office does not approve here.
    const early = await act(pudong, e.id, { action: 'order_repair', version: e.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain(e.committeeDueOn);
    const notYours = await act(street, e.id, { action: 'approve', version: e.version });
    expect(notYours.statusCode).toBe(403);

    // A report of ten days ago: the committee's 7 days have run out without its approval.
    const late = await report(company, compounds[0].id, { reportedOn: addDays(today(), -10) });
    expect(late.statusCode, late.body).toBe(200);
    const e2 = late.json();
    const seen = (
      await pudong.request({ method: 'GET', url: `/api/v1/fund/compounds/${compounds[0].id}/emergencies` })
    ).json();
    const overdue = seen.items.find((i: { id: string }) => i.id === e2.id);
    expect(overdue).toMatchObject({
      committeeOverdue: true,
      allowedActions: ['order_repair', 'review_cost'],
    });
    const ordered = await act(pudong, e2.id, { action: 'order_repair', version: e2.version });
    expect(ordered.statusCode, ordered.body).toBe(200);
    expect(ordered.json().status).toBe('district_ordered');

    const unreviewed = await act(pudong, e2.id, {
      action: 'pay',
      version: ordered.json().version,
      reference: 'E-1',
    });
    expect(unreviewed.statusCode).toBe(409);
    expect(unreviewed.json().error.message).toContain('审价');
    const reviewed = await act(pudong, e2.id, {
      action: 'review_cost',
      version: ordered.json().version,
      cost: '35210.55',
      reviewer: '上海某工程造价咨询有限公司',
      reportNo: 'SJ-2026-88',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const byCommittee = await act(ywh, e2.id, {
      action: 'pay',
      version: reviewed.json().version,
      reference: 'E-1',
    });
    expect(byCommittee.statusCode).toBe(403);
    const before = (
      await pudong.request({ method: 'GET', url: `/api/v1/fund/compounds/${compounds[0].id}` })
    ).json();
    const paid = await act(pudong, e2.id, {
      action: 'pay',
      version: reviewed.json().version,
      reference: 'E-1',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid', allowedActions: [] });
    const after = (
      await pudong.request({ method: 'GET', url: `/api/v1/fund/compounds/${compounds[0].id}` })
    ).json();
    const fen = (y: string) => Math.round(Number(y) * 100);
    expect(fen(before.account.balance) - fen(after.account.balance)).toBe(3_521_055);
    expect(after.payments[0]).toMatchObject({ basis: 'emergency', emergencyTitle: '2 号楼电梯停运抢修' });
    expect((await verifyLedgers(t.deps.database.db)).ok).toBe(true);
  });

  it('before the assembly the 房管机构 approves and the district pays directly; two approvals: one wins', async () => {
    const r = await report(company, compounds[1].id, {
      situation: 'leak',
      documentIssuer: '某房屋质量检测站',
      documentNumber: 'JD-17',
      title: '屋顶渗漏',
    });
    expect(r.statusCode, r.body).toBe(200);
    const e = r.json();
    expect(e).toMatchObject({ stage: 'before_assembly', committeeDueOn: null });
    const [a, b] = await Promise.all([
      act(street, e.id, { action: 'approve', version: e.version }),
      act(pudong, e.id, { action: 'approve', version: e.version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const approved = (a.statusCode === 200 ? a : b).json();
    const reviewed = await act(pudong, e.id, {
      action: 'review_cost',
      version: approved.version,
      cost: '12000',
      reviewer: '上海某工程造价咨询有限公司',
      reportNo: 'SJ-2026-91',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    const byStreet = await act(street, e.id, {
      action: 'pay',
      version: reviewed.json().version,
      reference: 'E-2',
    });
    expect(byStreet.statusCode).toBe(403);
    const paid = await act(pudong, e.id, {
      action: 'pay',
      version: reviewed.json().version,
      reference: 'E-2',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    const again = await act(pudong, e.id, { action: 'pay', version: paid.json().version, reference: 'E-3' });
    expect(again.statusCode).toBe(409);
  });
});
