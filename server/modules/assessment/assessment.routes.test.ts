import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, readXlsx, startTestApp, type Session, type TestApp } from '../../test/harness.js';

const HUAMU = '310115016';
const base = '/api/v1/assessment/periods';

describe.each(DB_KINDS)(
  'assessment (考核): periods, systems, scores, two-way ratings, results (%s)',
  (kind) => {
    let t: TestApp;
    let pudong: Session;
    let huamu: Session;
    let zhangjiang: Session;
    let chengguan: Session;
    let chengguanOrg: string;
    let periodId: string;
    let version: number;
    let otherStreet: string; // another street of the district in the synthetic registry
    let caseId: string;

    const orgOf = async (username: string) =>
      (
        await t.deps.database.db
          .selectFrom('user_roles')
          .innerJoin('users', 'users.id', 'user_roles.user_id')
          .select('user_roles.scope_id')
          .where('users.username', '=', username)
          .executeTakeFirstOrThrow()
      ).scope_id;
    const get = async (s: Session, url: string) => (await s.request({ method: 'GET', url })).json();
    const post = (s: Session, url: string, payload: object) => s.request({ method: 'POST', url, payload });

    beforeAll(async () => {
      t = await startTestApp(kind);
      [pudong, huamu, zhangjiang, chengguan] = await Promise.all(
        ['pudong', 'huamu', 'zhangjiang', 'chengguan'].map((u) => t.login(u)),
      );
      chengguanOrg = await orgOf('chengguan');
      const streets = (await get(pudong, '/api/v1/divisions?parent=310115&level=street')).items as {
        code: string;
      }[];
      otherStreet = streets.map((d) => d.code).find((c) => c !== HUAMU)!;
      const rc = await t.login('rc');
      const compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
      const c = await post(huamu, '/api/v1/cases', {
        channel: 'gridInspection',
        categoryCode: 'repair.ordinary',
        description: '楼道堆物',
        compoundId,
      });
      expect(c.statusCode).toBe(200);
      caseId = c.json().id;
    });
    afterAll(() => t?.close());

    it('the district office opens a period with the [U] default systems; a street office may not', async () => {
      const payload = { divisionCode: '310115', code: '2026-Q4' };
      expect((await post(huamu, base, payload)).statusCode).toBe(403);
      const res = await post(pudong, base, payload);
      expect(res.statusCode).toBe(200);
      periodId = res.json().id;
      expect((await post(pudong, base, payload)).json().error.code).toBe('assessment.period_exists');
      const p = await get(pudong, `${base}/${periodId}`);
      expect(p).toMatchObject({
        name: '2026年第四季度',
        from: '2026-10-01',
        to: '2026-12-31',
        status: 'draft',
      });
      expect(p.systems.street.verified).toBe(false);
      expect(p.canManage).toBe(true);
      version = p.version;
      // An assessed street sees the period (to rate); another district's office does not exist here: the city sees it.
      expect((await get(huamu, `${base}/${periodId}`)).canManage).toBe(false);
      expect((await get(huamu, base)).items.map((x: { id: string }) => x.id)).toContain(periodId);
    });

    it('a system whose weights do not sum to 100 is refused and changes nothing; a stale version is 409', async () => {
      const p = await get(pudong, `${base}/${periodId}`);
      const indicators = p.systems.department.indicators.map((i: { weight: number }, n: number) =>
        n === 0 ? { ...i, weight: i.weight - 1 } : i,
      );
      const bad = await pudong.request({
        method: 'PUT',
        url: `${base}/${periodId}/systems/department`,
        payload: { version, name: '职能部门考核', indicators },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('assessment.system_weightsNot100');
      const ok = await pudong.request({
        method: 'PUT',
        url: `${base}/${periodId}/systems/department`,
        payload: { version, name: '职能部门考核', indicators: p.systems.department.indicators },
      });
      expect(ok.statusCode).toBe(200);
      const stale = await pudong.request({
        method: 'PUT',
        url: `${base}/${periodId}/systems/department`,
        payload: { version, name: '职能部门考核', indicators: p.systems.department.indicators },
      });
      expect(stale.statusCode).toBe(409);
      version = ok.json().version;
    });

    it('manual scores need the assessing office, valid points and evidence', async () => {
      const score = {
        level: 'street',
        unitKey: HUAMU,
        indicatorCode: 'inspection',
        points: 92.5,
        evidence: '',
      };
      expect((await post(huamu, `${base}/${periodId}/manual-scores`, score)).statusCode).toBe(403);
      expect((await post(pudong, `${base}/${periodId}/manual-scores`, score)).json().error.code).toBe(
        'assessment.evidence_insufficient',
      );
      const evidence = '2026年11月20日区联席办实地督查：台账齐全，小区公共部位整洁';
      expect(
        (
          await post(pudong, `${base}/${periodId}/manual-scores`, { ...score, evidence, points: 100.5 })
        ).json().error.code,
      ).toBe('assessment.points_invalid');
      expect(
        (
          await post(pudong, `${base}/${periodId}/manual-scores`, {
            ...score,
            evidence,
            indicatorCode: 'onTime',
          })
        ).json().error.code,
      ).toBe('assessment.indicator_not_found');
      expect(
        (await post(pudong, `${base}/${periodId}/manual-scores`, { ...score, evidence })).statusCode,
      ).toBe(200);
      const list = await get(pudong, `${base}/${periodId}/manual-scores`);
      expect(list.items).toMatchObject([
        { unitName: '花木街道', indicatorName: '督查检查得分', points: 92.5 },
      ]);
    });

    it('two-way ratings: a department rates a street, a street a department, each once, with a reason', async () => {
      const reason = '配合拆违整治及时，信息共享到位，现场会商积极';
      const dep = {
        ratedLevel: 'street',
        ratedKey: HUAMU,
        indicatorCode: 'byDepartments',
        points: 90,
        reason,
      };
      expect(
        (await post(chengguan, `${base}/${periodId}/ratings`, { ...dep, reason: '好' })).json().error.code,
      ).toBe('assessment.reason_insufficient');
      expect((await post(chengguan, `${base}/${periodId}/ratings`, dep)).statusCode).toBe(200);
      expect((await post(chengguan, `${base}/${periodId}/ratings`, dep)).json().error.code).toBe(
        'assessment.rating_exists',
      );
      const street = {
        ratedLevel: 'department',
        ratedKey: chengguanOrg,
        indicatorCode: 'byStreets',
        points: 80,
        reason,
      };
      expect((await post(huamu, `${base}/${periodId}/ratings`, street)).statusCode).toBe(200);
      // A street does not rate another street; 条与条 needs co-handled cases.
      const other = { ...dep, ratedKey: otherStreet, indicatorCode: 'byDepartments' };
      expect((await post(huamu, `${base}/${periodId}/ratings`, other)).statusCode).toBe(403);
      const self = { ...street, indicatorCode: 'byDepartments' };
      expect((await post(chengguan, `${base}/${periodId}/ratings`, self)).statusCode).toBe(403);
      // 条与条: only between departments that co-handled a case in the period.
      const db = t.deps.database.db;
      const peerOrg = (
        await db
          .selectFrom('organisations')
          .select('id')
          .where('type', '=', 'department')
          .where('division_code', 'like', '310115%')
          .where('parent_id', 'is', null)
          .where('id', '!=', chengguanOrg)
          .orderBy('name')
          .executeTakeFirstOrThrow()
      ).id;
      const peer = {
        ratedLevel: 'department',
        ratedKey: peerOrg,
        indicatorCode: 'byDepartments',
        points: 85,
        reason,
      };
      expect((await post(chengguan, `${base}/${periodId}/ratings`, peer)).json().error.code).toBe(
        'assessment.not_cohandled',
      );
      await db.updateTable('cases').set({ lead_org_id: chengguanOrg }).where('id', '=', caseId).execute();
      await db.insertInto('case_cohandlers').values({ case_id: caseId, org_id: peerOrg }).execute();
      const ok = (await get(chengguan, `${base}/${periodId}`)).rateable;
      expect(
        ok.some((r: { level: string; key: string }) => r.level === 'department' && r.key === peerOrg),
      ).toBe(true);
      expect((await post(chengguan, `${base}/${periodId}/ratings`, peer)).statusCode).toBe(200);
      // The district office does not rate.
      expect((await post(pudong, `${base}/${periodId}/ratings`, dep)).statusCode).toBe(403);
      const rateable = (await get(huamu, `${base}/${periodId}`)).rateable;
      expect(rateable.some((r: { key: string }) => r.key === chengguanOrg)).toBe(true);
      // Another street (张江镇, a 镇 is assessed as a 街镇 too) sees none of the ratings it neither gave nor received.
      expect((await get(zhangjiang, `${base}/${periodId}/ratings`)).items).toEqual([]);
    });

    it('computes and publishes: the office sees every unit ranked; a street only its own, after publication', async () => {
      expect((await post(pudong, `${base}/${periodId}/publish`, { version: -1 })).json().error.code).toBe(
        'assessment.period_not_computed',
      );
      const current = (await get(pudong, `${base}/${periodId}`)).version;
      expect((await post(huamu, `${base}/${periodId}/compute`, { version: current })).statusCode).toBe(403);
      const computed = await post(pudong, `${base}/${periodId}/compute`, { version: current });
      expect(computed.statusCode).toBe(200);
      expect(computed.json().status).toBe('computed');
      const all = await get(pudong, `${base}/${periodId}/results?level=street`);
      const hm = all.items.find((r: { unitKey: string }) => r.unitKey === HUAMU);
      expect(hm.rank).toBeGreaterThan(0);
      const inspection = hm.breakdown.find((b: { code: string }) => b.code === 'inspection');
      expect(inspection).toMatchObject({ value: 0.925, target: 0.9, score: 100, weight: 5 });
      const byDept = hm.breakdown.find((b: { code: string }) => b.code === 'byDepartments');
      expect(byDept).toMatchObject({ value: 0.9, score: 100 });
      const sum = hm.breakdown.reduce(
        (s: number, b: { contribution: number | null }) => s + (b.contribution ?? 0),
        0,
      );
      expect(Math.abs(sum - hm.total)).toBeLessThan(0.1);
      const depts = await get(pudong, `${base}/${periodId}/results?level=department`);
      const cg = depts.items.find((r: { unitKey: string }) => r.unitKey === chengguanOrg);
      expect(cg.breakdown.find((b: { code: string }) => b.code === 'byStreets')).toMatchObject({
        value: 0.8,
      });

      expect((await get(huamu, `${base}/${periodId}/results?level=street`)).items).toEqual([]);
      const published = await post(pudong, `${base}/${periodId}/publish`, {
        version: computed.json().version,
      });
      expect(published.json().status).toBe('published');
      const own = await get(huamu, `${base}/${periodId}/results?level=street`);
      expect(own.items.map((r: { unitName: string }) => r.unitName)).toEqual(['花木街道']);
      expect(own.items[0].of).toBe(all.items.filter((r: { rank: number | null }) => r.rank !== null).length);
      const zj = await get(zhangjiang, `${base}/${periodId}/results?level=street`);
      expect(zj.items.map((r: { unitName: string }) => r.unitName)).toEqual(['张江镇']);
      expect((await get(chengguan, `${base}/${periodId}/results?level=department`)).items).toHaveLength(1);
      // Huamu now reads what it received and what it gave.
      expect((await get(huamu, `${base}/${periodId}/ratings`)).items).toHaveLength(2);
      // Published: nothing changes any more.
      const late = await post(chengguan, `${base}/${periodId}/ratings`, {
        ratedLevel: 'street',
        ratedKey: otherStreet,
        indicatorCode: 'byDepartments',
        points: 70,
        reason: '公布后再评价应被拒绝的理由',
      });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('assessment.period_published');
    });

    it('exports the results with their arithmetic through the one export path', async () => {
      const res = await pudong.request({
        method: 'GET',
        url: `/api/v1/exports/assessment.xlsx?period=${periodId}&level=street`,
        headers: { 'accept-language': 'zh-CN' },
      });
      expect(res.statusCode).toBe(200);
      const sheet = await readXlsx(res.rawPayload);
      expect(sheet[0]).toEqual([
        '考核周期',
        '层级',
        '被考核单位',
        '排名',
        '总分',
        '指标',
        '权重',
        '目标值',
        '实际值',
        '得分',
        '贡献分',
      ]);
      expect(sheet.some((r) => r[2] === '花木街道' && r[5] === '督查检查得分' && r[8] === 0.925)).toBe(true);
      const missing = await pudong.request({ method: 'GET', url: '/api/v1/exports/assessment.xlsx' });
      expect(missing.json().error.code).toBe('transfer.period_required');
      // A street's export holds only its own lines.
      const hm = await huamu.request({
        method: 'GET',
        url: `/api/v1/exports/assessment.xlsx?period=${periodId}`,
      });
      const rows = (await readXlsx(hm.rawPayload)).slice(1);
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['花木街道']));
    });
  },
);
