import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../../domain/calendar.js';
import { newId } from '../../platform/ids.js';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

describe.each(DB_KINDS)('mediation: disputes, sessions, agreement, referral, cases (%s)', (kind) => {
  let t: TestApp;
  let tj: Session;
  let huamu: Session;
  let zhangjiang: Session;
  let compoundId: string;
  let committeeId: string;
  let mediatorId: string;
  const today = () => shanghaiDate(t.clock.now());

  beforeAll(async () => {
    t = await startTestApp(kind);
    huamu = await t.login('huamu');
    zhangjiang = await t.login('zhangjiang');
    const rc = await t.login('rc');
    compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
    committeeId = newId();
    const now = t.clock.now().toISOString();
    await t.deps.database.db
      .insertInto('organisations')
      .values({
        id: committeeId,
        type: 'mediation_committee',
        kind: null,
        name: '花木街道人民调解委员会',
        short_name: null,
        division_code: '310115016',
        parent_id: null,
        credit_code: null,
        phone: null,
        address: null,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    tj = await t.account(
      'tj-test',
      [{ role: 'mediator', scopeType: 'street', scopeId: '310115016' }],
      '调解员 刘',
    );
    mediatorId = (
      await t.deps.database.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'tj-test')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t?.close());

  const create = async (s: Session, extra: Record<string, unknown> = {}) =>
    s.request({
      method: 'POST',
      url: '/api/v1/mediation/disputes',
      payload: {
        type: 'owner_owner',
        subject: '楼上漏水致楼下受损',
        facts: '1201 室卫生间渗水，1101 室天花板受损',
        compoundId,
        committeeOrgId: committeeId,
        mediatorUserId: mediatorId,
        parties: [
          { side: 'applicant', name: '张三', phone: '13812345678' },
          { side: 'respondent', name: '李四', phone: '13987654321' },
        ],
        ...extra,
      },
    });
  const get = async (s: Session, id: string) =>
    (await s.request({ method: 'GET', url: `/api/v1/mediation/disputes/${id}` })).json();
  const act = (s: Session, id: string, payload: Record<string, unknown>) =>
    s.request({ method: 'POST', url: `/api/v1/mediation/disputes/${id}/actions`, payload });

  it('a mediator registers a dispute; phones masked; reveal audited; other streets do not see it', async () => {
    const res = await create(tj);
    expect(res.statusCode).toBe(200);
    const d = await get(tj, res.json().id);
    expect(d.status).toBe('registered');
    expect(d.parties.map((p: { phone: string }) => p.phone)).toEqual(['138****5678', '139****4321']);
    expect(d.committeeName).toBe('花木街道人民调解委员会');
    expect(d.mediatorName).toBe('调解员 刘');
    expect(d.actions).toContain('recordSession');
    const rev = await tj.request({
      method: 'POST',
      url: `/api/v1/mediation/disputes/${d.id}/parties/${d.parties[0].id}/reveal`,
    });
    expect(rev.json().phone).toBe('13812345678');
    const audited = await t.deps.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'mediation.party.reveal')
      .execute();
    expect(audited).toHaveLength(1);
    expect(
      (await zhangjiang.request({ method: 'GET', url: `/api/v1/mediation/disputes/${d.id}` })).statusCode,
    ).toBe(404);
    expect(
      (await zhangjiang.request({ method: 'GET', url: '/api/v1/mediation/disputes' })).json().items,
    ).toEqual([]);
    expect(
      (await huamu.request({ method: 'GET', url: '/api/v1/mediation/disputes' })).json().items,
    ).toHaveLength(1);
    const owner = await t.login('rc');
    expect((await owner.request({ method: 'GET', url: '/api/v1/mediation/disputes' })).statusCode).toBe(403);
  });

  it('refuses a committee that is not a mediation committee of the street, and a non-mediator', async () => {
    const other = await t.deps.database.db
      .selectFrom('organisations')
      .select('id')
      .where('type', '=', 'department')
      .executeTakeFirstOrThrow();
    expect((await create(tj, { committeeOrgId: other.id })).json().error.code).toBe(
      'mediation.committee_invalid',
    );
    const huamuUser = await t.deps.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'huamu')
      .executeTakeFirstOrThrow();
    expect((await create(tj, { mediatorUserId: huamuUser.id })).json().error.code).toBe(
      'mediation.mediator_invalid',
    );
    expect((await create(zhangjiang)).statusCode).toBe(404);
  });

  it('sessions to a signed agreement, judicial confirmation within 30 days; stale version → 409', async () => {
    const id = (await create(tj)).json().id;
    const s1 = await tj.request({
      method: 'POST',
      url: `/api/v1/mediation/disputes/${id}/sessions`,
      payload: { version: 1, heldOn: today(), notes: '双方到场，查看漏水点' },
    });
    expect(s1.json().status).toBe('mediating');
    const stale = await tj.request({
      method: 'POST',
      url: `/api/v1/mediation/disputes/${id}/sessions`,
      payload: { version: 1, heldOn: today(), notes: '重复提交' },
    });
    expect(stale.statusCode).toBe(409);
    const incomplete = await act(tj, id, {
      action: 'agree',
      version: 2,
      agreedOn: today(),
      facts: '',
      terms: '修复',
      performanceMethod: '',
      performanceDeadline: today(),
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.code).toBe('mediation.agreement_incomplete');
    const agreed = await act(tj, id, {
      action: 'agree',
      version: 2,
      agreedOn: today(),
      facts: '渗水属实',
      terms: '李四修复防水并赔偿 800 元',
      performanceMethod: '一次性转账',
      performanceDeadline: '2026-12-15',
    });
    expect(agreed.json().status).toBe('agreed');
    expect(
      (
        await act(tj, id, {
          action: 'confirm',
          version: 3,
          court: 'x',
          appliedOn: today(),
          ruledOn: today(),
          rulingNo: '1',
        })
      ).statusCode,
    ).toBe(409);
    const signed = await act(tj, id, { action: 'sign', version: 3, signedOn: today() });
    expect(signed.json().status).toBe('effective');
    expect(signed.json().agreement.confirmationWindowEnd).toBe('2026-12-26');
    const late = await act(tj, id, {
      action: 'confirm',
      version: 4,
      court: '浦东新区人民法院',
      appliedOn: '2026-12-27',
      ruledOn: '2026-12-27',
      rulingNo: '(2026)沪0115民特1号',
    });
    expect(late.statusCode).toBe(400); // in the future and after the window
    const ok = await act(tj, id, {
      action: 'confirm',
      version: 4,
      court: '浦东新区人民法院',
      appliedOn: today(),
      ruledOn: today(),
      rulingNo: '(2026)沪0115民特1号',
    });
    expect(ok.json().status).toBe('confirmed');
    expect(ok.json().confirmation.rulingNo).toBe('(2026)沪0115民特1号');
    expect(ok.json().actions).toEqual([]);
  });

  it('a failed mediation is referred to court with the referral recorded; statistics count it', async () => {
    const id = (await create(tj, { type: 'owner_company' })).json().id;
    const res = await act(tj, id, {
      action: 'fail',
      version: 1,
      on: today(),
      route: 'court',
      body: '上海市浦东新区人民法院',
      note: '被申请人拒绝调解',
    });
    expect(res.json().status).toBe('referred');
    expect(res.json().referral).toMatchObject({ route: 'court', body: '上海市浦东新区人民法院' });
    const stats = (await huamu.request({ method: 'GET', url: '/api/v1/mediation/stats' })).json();
    expect(stats.streets).toHaveLength(1);
    expect(stats.streets[0]).toMatchObject({
      streetCode: '310115016',
      agreements: 1,
      referred: 1,
      medianDaysToOutcome: 0,
    });
    expect(stats.streets[0].byType.owner_company).toBe(1);
  });

  it('a case becomes a dispute (the case records it) and a dispute goes back to a case', async () => {
    const intake = await huamu.request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        channel: 'gridInspection',
        categoryCode: 'repair.urgent.water_burst',
        description: '邻里漏水纠纷',
        compoundId,
        reporter: { name: '王五', phone: '13700001111' },
      },
    });
    expect(intake.statusCode).toBe(200);
    const caseId = intake.json().id;
    const res = await create(tj, {
      caseId,
      parties: [
        { side: 'applicant', name: '王五' },
        { side: 'respondent', name: '赵六' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const d = await get(tj, res.json().id);
    expect(d.caseNo).toBe(intake.json().caseNo);
    expect(d.parties[0].phone).toBe('137****1111');
    const events = await t.deps.database.db
      .selectFrom('case_events')
      .select(['action', 'data_json'])
      .where('case_id', '=', caseId)
      .execute();
    expect(events.some((e) => e.action === 'comment' && e.data_json.includes(d.id))).toBe(true);

    const back = await act(tj, d.id, {
      action: 'toCase',
      version: 1,
      categoryCode: 'repair.urgent.water_burst',
      note: '属维修问题，转物业处置',
    });
    expect(back.statusCode).toBe(200);
    expect(back.json().status).toBe('returned');
    const c = await t.deps.database.db
      .selectFrom('cases')
      .select(['compound_id', 'title', 'case_no'])
      .where('id', '=', back.json().returnedCaseId)
      .executeTakeFirstOrThrow();
    expect(c).toEqual({ compound_id: compoundId, title: d.subject, case_no: back.json().returnedCaseNo });
  });
});
