import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '../../../domain/calendar.js';
import { creditCodeCheckChar } from '../../../domain/credit.js';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

export const validCode = (first17: string) => first17 + creditCodeCheckChar(first17)!;

describe.each(DB_KINDS)('industry: company registry, managers, contracts and filing (%s)', (kind) => {
  let t: TestApp;
  let wuye: Session;
  let pudong: Session;
  let huamu: Session;
  let zhangjiang: Session;
  let companyId: string;
  let compoundId: string;
  const today = () => shanghaiDate(t.clock.now());

  beforeAll(async () => {
    t = await startTestApp(kind);
    [wuye, pudong, huamu, zhangjiang] = await Promise.all(
      ['wuye', 'pudong', 'huamu', 'zhangjiang'].map((u) => t.login(u)),
    );
    const grant = await t.deps.database.db
      .selectFrom('user_roles')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select('user_roles.scope_id')
      .where('users.username', '=', 'wuye')
      .executeTakeFirstOrThrow();
    companyId = grant.scope_id;
    const rc = await t.login('rc');
    compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
  });
  afterAll(() => t?.close());

  const profile = (s: Session, payload: Record<string, unknown>) =>
    s.request({ method: 'PUT', url: `/api/v1/industry/companies/${companyId}/profile`, payload });

  it('the district keeps the profile: the credit code is checked (GB 32100); a street office may not', async () => {
    const code = validCode('91310115MA1K00001');
    const bad = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    const body = {
      creditCode: bad,
      registeredAddress: '上海市浦东新区张杨路 1 号',
      legalRepresentative: '王某',
    };
    const refused = await profile(pudong, body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('industry.credit_code_invalid');
    expect((await profile(huamu, { ...body, creditCode: code })).statusCode).toBe(403);
    const saved = await profile(pudong, { ...body, creditCode: code, staffCount: 320 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().profile).toMatchObject({ creditCode: code, staffCount: 320, version: 1 });
    // An update needs the version; a stale one is refused.
    expect((await profile(pudong, { ...body, creditCode: code })).statusCode).toBe(409);
    const updated = await profile(pudong, { ...body, creditCode: code, version: 1, staffCount: 330 });
    expect(updated.json().profile.staffCount).toBe(330);
    const q = await pudong.request({
      method: 'POST',
      url: `/api/v1/industry/companies/${companyId}/qualifications`,
      payload: {
        grade: '二级',
        grantedOn: '2008-05-01',
        endedOn: '2018-03-01',
        certificateNo: '沪物资 0001',
      },
    });
    expect(q.json().qualifications).toEqual([
      expect.objectContaining({ grade: '二级', grantedOn: '2008-05-01', endedOn: '2018-03-01' }),
    ]);
    expect(q.json().qualificationNote).toContain('2018');
    expect(q.json().branches.length).toBeGreaterThan(0);
  });

  it('a company sees its own tree only; offices see every company', async () => {
    const own = (await wuye.request({ method: 'GET', url: '/api/v1/industry/companies' })).json();
    expect(own.items.map((c: { id: string }) => c.id)).toEqual([companyId]);
    const all = (
      await zhangjiang.request({ method: 'GET', url: '/api/v1/industry/companies?limit=100' })
    ).json();
    expect(all.items.length).toBeGreaterThan(1);
    const other = all.items.find((c: { id: string }) => c.id !== companyId);
    expect(
      (await wuye.request({ method: 'GET', url: `/api/v1/industry/companies/${other.id}` })).statusCode,
    ).toBe(404);
    // Nor may it register managers for another company.
    const foreign = await wuye.request({
      method: 'POST',
      url: '/api/v1/industry/managers',
      payload: { companyId: other.id, name: '他人', certificateNo: 'PM-FOREIGN-1' },
    });
    expect(foreign.statusCode).toBe(404);
    expect(
      (await zhangjiang.request({ method: 'GET', url: `/api/v1/industry/companies/${companyId}` }))
        .statusCode,
    ).toBe(200);
  });

  it('the company registers a manager (phone masked) and posts them; postings keep their history', async () => {
    const reg = await wuye.request({
      method: 'POST',
      url: '/api/v1/industry/managers',
      payload: { companyId, name: '项目经理 孙', certificateNo: 'PM-2026-001', phone: '13812345678' },
    });
    expect(reg.statusCode, reg.body).toBe(200);
    const id = reg.json().id;
    const twice = await wuye.request({
      method: 'POST',
      url: '/api/v1/industry/managers',
      payload: { companyId, name: '另一人', certificateNo: 'PM-2026-001' },
    });
    expect(twice.json().error.code).toBe('industry.certificate_taken');
    const post = (fromOn: string, cid = compoundId) =>
      wuye.request({
        method: 'POST',
        url: `/api/v1/industry/managers/${id}/postings`,
        payload: { compoundId: cid, fromOn },
      });
    const first = await post('2026-01-01');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().phone).toBe('138****5678');
    expect(first.json().currentCompounds).toHaveLength(1);
    // A compound the company does not serve is refused.
    const unserved = await t.deps.database.db
      .selectFrom('compounds')
      .select('id')
      .where(
        'id',
        'not in',
        t.deps.database.db
          .selectFrom('service_contracts')
          .select('compound_id')
          .where('company_id', '=', companyId),
      )
      .executeTakeFirstOrThrow();
    expect((await post('2026-06-01', unserved.id)).json().error.code).toBe('industry.posting_not_served');
    expect((await post('2025-06-01')).json().error.code).toBe('industry.posting_before_current');
    const second = (await post('2026-09-01')).json();
    expect(second.postings).toHaveLength(2);
    expect(second.postings.filter((p: { toOn: string | null }) => p.toOn === null)).toHaveLength(1);
    expect(second.postings.find((p: { fromOn: string }) => p.fromOn === '2026-01-01').toOn).toBe(
      '2026-09-01',
    );
    const report = (
      await wuye.request({ method: 'GET', url: `/api/v1/industry/companies/${companyId}` })
    ).json();
    expect(report.managers.map((m: { name: string }) => m.name)).toContain('项目经理 孙');
  });

  it('a contract unfiled after 30 days is overdue (第四十四条); the district files it; expiry is flagged', async () => {
    const list = (s: Session, q = '') =>
      s.request({ method: 'GET', url: `/api/v1/industry/contracts?compoundId=${compoundId}${q}` });
    const [c] = (await list(wuye)).json().items;
    expect(c.filing.state).toBe('filed'); // the seed's contracts were filed on the 20th
    // The company records a renewal signed 40 days ago, not yet filed (the seed's filing is cleared here).
    await t.deps.database.db
      .updateTable('service_contracts')
      .set({ filed_on: null })
      .where('id', '=', c.id)
      .execute();
    const signedOn = addDays(today(), -40);
    const edited = await wuye.request({
      method: 'PATCH',
      url: `/api/v1/industry/contracts/${c.id}`,
      payload: { version: c.version, signedOn, kind: 'regular', fee: '2.8', endsOn: addDays(today(), 30) },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ fee: '2.80', expiresSoon: true });
    expect(edited.json().filing.state).toBe('overdue');
    expect(edited.json().filing.citation).toBe('《上海市住宅物业管理规定》第四十四条');
    expect((await list(pudong, '&filing=overdue')).json().items.map((x: { id: string }) => x.id)).toEqual([
      c.id,
    ]);
    expect((await list(pudong, '&filing=filed')).json().items).toEqual([]);
    expect((await list(zhangjiang)).json().items).toEqual([]);
    const bad = await wuye.request({
      method: 'PATCH',
      url: `/api/v1/industry/contracts/${c.id}`,
      payload: { version: edited.json().version, fee: '2.805' },
    });
    expect(bad.json().error.code).toBe('industry.fee_invalid');
    const file = (s: Session, version: number) =>
      s.request({
        method: 'POST',
        url: `/api/v1/industry/contracts/${c.id}/filing`,
        payload: { version, filedOn: today() },
      });
    expect((await file(huamu, edited.json().version)).statusCode).toBe(403);
    expect((await file(wuye, edited.json().version)).statusCode).toBe(403);
    const filed = await file(pudong, edited.json().version);
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json().filing.state).toBe('filed_late');
    expect((await file(pudong, filed.json().version)).json().error.code).toBe('industry.already_filed');
    const audited = await t.deps.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'industry.contract.%')
      .execute();
    expect(audited.map((a) => a.action).sort()).toEqual(['industry.contract.edit', 'industry.contract.file']);
  });
});
