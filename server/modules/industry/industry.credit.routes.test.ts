import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../../domain/calendar.js';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

describe.each(DB_KINDS)('industry: credit records, objection, correction, public list (%s)', (kind) => {
  let t: TestApp;
  let wuye: Session;
  let pudong: Session;
  let huamu: Session;
  let zhangjiang: Session;
  let companyId: string;
  let officeId: string;
  let compoundId: string;
  let recordId: string;
  const today = () => shanghaiDate(t.clock.now());

  beforeAll(async () => {
    t = await startTestApp(kind);
    [wuye, pudong, huamu, zhangjiang] = await Promise.all(
      ['wuye', 'pudong', 'huamu', 'zhangjiang'].map((u) => t.login(u)),
    );
    const rc = await t.login('rc');
    compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
    const contract = await t.deps.database.db
      .selectFrom('service_contracts')
      .select(['company_id', 'project_office_id'])
      .where('compound_id', '=', compoundId)
      .executeTakeFirstOrThrow();
    companyId = contract.company_id;
    officeId = contract.project_office_id!;
  });
  afterAll(() => t?.close());

  const enter = (s: Session, extra: Record<string, unknown> = {}) =>
    s.request({
      method: 'POST',
      url: '/api/v1/industry/records',
      payload: {
        ruleCode: 'reception',
        companyId: officeId, // the project office: its bad record counts against the head company
        compoundId,
        facts: '周六、周日物业服务中心无人接待',
        evidence: '12345 工单 3 件；现场检查照片',
        source: '花木街道房管办检查',
        occurredOn: '2026-11-21',
        ...extra,
      },
    });
  const get = async (s: Session, id: string) =>
    (await s.request({ method: 'GET', url: `/api/v1/industry/records/${id}` })).json();
  const post = (s: Session, path: string, payload: Record<string, unknown>) =>
    s.request({ method: 'POST', url: `/api/v1/industry/records/${recordId}/${path}`, payload });
  const standing = async () =>
    (await pudong.request({ method: 'GET', url: `/api/v1/industry/companies/${companyId}` })).json().standing;
  const publicItem = async () =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/public/industry/companies' }))
      .json()
      .items.find((c: { id: string }) => c.id === companyId);

  it('the street enters a record; before confirmation only the offices concerned and the company see it', async () => {
    expect((await enter(zhangjiang)).statusCode).toBe(403); // not its street
    expect((await enter(huamu, { ruleCode: 'pm_reception' })).json().error.code).toBe(
      'industry.rule_invalid',
    );
    const res = await enter(huamu);
    expect(res.statusCode, res.body).toBe(200);
    recordId = res.json().id;
    const r = await get(huamu, recordId);
    expect(r).toMatchObject({
      status: 'recorded',
      points: 6,
      rule: '未执行周一至周日业务接待制度',
      inForce: false,
    });
    expect(r.ruleVerified).toBe(false);
    expect(r.actions).toEqual([]);
    expect((await get(wuye, recordId)).actions).toEqual(['object']);
    expect((await get(pudong, recordId)).actions).toContain('confirm');
    expect(
      (await zhangjiang.request({ method: 'GET', url: `/api/v1/industry/records/${recordId}` })).statusCode,
    ).toBe(404);
    expect(
      (await zhangjiang.request({ method: 'GET', url: '/api/v1/industry/records' })).json().items,
    ).toEqual([]);
    expect((await standing()).points).toBe(0);
    expect((await publicItem()).publishedRecords).toBe(0);
  });

  it('only the district confirms; published, it counts against the head company and is public in words', async () => {
    expect((await post(huamu, 'confirm', { version: 1 })).statusCode).toBe(403);
    const ok = await post(pudong, 'confirm', { version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'published', publishedOn: today(), expiresOn: '2027-11-26' });
    expect((await post(pudong, 'confirm', { version: 2 })).json().error.code).toBe('industry.not_recorded');
    expect(await standing()).toMatchObject({ points: 6, bad: 1, watch: false });
    expect(await publicItem()).toMatchObject({ publishedRecords: 1, standing: { points: 6 } });
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/v1/public/industry/companies/${companyId}` })
    ).json();
    expect(detail.records).toHaveLength(1);
    expect(detail.records[0].description).toContain('未执行周一至周日业务接待制度');
    expect(detail.records[0].description).toContain('记 6 分');
    expect(JSON.stringify(detail)).not.toContain('12345 工单'); // evidence stays inside
    // Now other offices see it too.
    expect(
      (await zhangjiang.request({ method: 'GET', url: `/api/v1/industry/records/${recordId}` })).statusCode,
    ).toBe(200);
  });

  it('the company objects once; the district decides with reasons; concurrent decisions have one winner', async () => {
    expect((await post(pudong, 'objection', { reason: '非本公司责任' })).statusCode).toBe(403);
    const first = await post(wuye, 'objection', { reason: '周末有值班人员，有值班记录' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().objection).toBe('pending');
    const second = await post(wuye, 'objection', { reason: '再次异议' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('industry.objection_twice');
    const v = first.json().objectionDetail.version;
    const decide = (reasons: string) =>
      post(pudong, 'objection/decision', { version: v, granted: false, reasons });
    const results = await Promise.all([decide('值班记录与工单时间不符'), decide('同时提交')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const r = await get(wuye, recordId);
    expect(r.objectionDetail).toMatchObject({ status: 'dismissed', decidedOn: today() });
    expect(r.status).toBe('published');
  });

  it('correction: refused before the minimum period, then applied, due in 5 working days, approved', async () => {
    const early = await post(wuye, 'correction', { rectification: '已落实双休日值班' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.code).toBe('industry.correction_refused');
    expect(early.json().error.message).toContain('2027-05-26');
    t.clock.set(new Date('2027-05-28T02:00:00Z')); // Fri 28 May 2027
    [wuye, pudong] = await Promise.all([t.login('wuye'), t.login('pudong')]);
    const applied = await post(wuye, 'correction', { rectification: '已落实双休日值班，整改报告附后' });
    expect(applied.statusCode, applied.body).toBe(200);
    const [c] = applied.json().corrections;
    expect(c).toMatchObject({ status: 'pending', appliedOn: '2027-05-28' });
    expect(c.dueOn > '2027-06-03').toBe(true); // 5 working days, the application day not counted
    expect((await post(wuye, 'correction', { rectification: '重复' })).json().error.code).toBe(
      'industry.correction_pending',
    );
    const approved = await post(pudong, 'correction/decision', {
      version: c.version,
      granted: true,
      reasons: '整改到位，复查合格',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'corrected', inForce: false });
    expect((await standing()).points).toBe(0);
    expect(await publicItem()).toMatchObject({ publishedRecords: 0, standing: { points: 0 } });
  });

  it('a manager’s good record is public without the manager’s name', async () => {
    const m = await wuye.request({
      method: 'POST',
      url: '/api/v1/industry/managers',
      payload: { companyId: officeId, name: '项目经理 周', certificateNo: 'PM-CREDIT-1' },
    });
    const res = await enter(pudong, {
      ruleCode: 'pm_award',
      companyId: undefined,
      managerId: m.json().id,
      compoundId: undefined,
      occurredOn: today(),
    });
    expect(res.statusCode, res.body).toBe(200);
    recordId = res.json().id;
    expect((await post(pudong, 'confirm', { version: 1 })).statusCode).toBe(200);
    const report = (
      await wuye.request({ method: 'GET', url: `/api/v1/industry/managers/${m.json().id}` })
    ).json();
    expect(report.standing).toMatchObject({ good: 1, points: 0 });
    expect((await post(wuye, 'correction', { rectification: '无需修正' })).json().error.message).toContain(
      '良好记录',
    );
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/v1/public/industry/companies/${companyId}` })
    ).json();
    expect(detail.records.map((r: { subject: string }) => r.subject)).toEqual(['manager']);
    expect(JSON.stringify(detail)).not.toContain('项目经理 周');
    expect(detail.records[0].description).toContain('项目经理');
  });

  it('an upheld objection withdraws the record: it leaves the standing and the public list', async () => {
    [huamu, zhangjiang] = await Promise.all([t.login('huamu'), t.login('zhangjiang')]); // after the clock moved
    const res = await enter(huamu, { ruleCode: 'fee_abuse', occurredOn: today() });
    expect(res.statusCode, res.body).toBe(200);
    recordId = res.json().id;
    await post(pudong, 'confirm', { version: 1 });
    expect((await publicItem()).standing.points).toBe(18);
    expect((await publicItem()).standing.watch).toBe(true);
    const objected = await post(wuye, 'objection', { reason: '收费项目经业主大会决定，附决议' });
    const decided = await post(pudong, 'objection/decision', {
      version: objected.json().objectionDetail.version,
      granted: true,
      reasons: '收费经业主大会决定，不属乱收费',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'withdrawn', objection: 'upheld', actions: [] });
    expect(await publicItem()).toMatchObject({ standing: { points: 0, watch: false } });
    // Withdrawn, it is no longer shown to offices that only see published records.
    expect(
      (await zhangjiang.request({ method: 'GET', url: `/api/v1/industry/records/${recordId}` })).statusCode,
    ).toBe(404);
  });
});
