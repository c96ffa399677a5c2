// Walks every operation in the OpenAPI document and proves that a user outside the data scope gets
// 403/404 (or an empty list) and none of the target's data. A new route without a probe here fails
// the first test, so every future module must state how it is scoped.
import { newId } from '../platform/ids.js';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type Session, type TestApp } from './harness.js';
import { HUAMU, PROBES, type Target } from './scope-walk.probes.js';

function operations(doc: { paths: Record<string, Record<string, unknown>> }): string[] {
  const ops: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const method of Object.keys(methods)) ops.push(`${method.toUpperCase()} ${path}`);
  }
  // Sign-out ends the outsider's session: walk it last.
  return ops.sort(
    (a, b) => Number(a.endsWith('/auth/logout')) - Number(b.endsWith('/auth/logout')) || a.localeCompare(b),
  );
}

/** Export routes are documented as `/exports/{list}.{format}`-like paths; normalise the suffix. */
const probeKey = (op: string) =>
  op.replace(/\{(\w+)\}\.\{?\w+\}?$/, '{$1}').replace(/(\{kind\})\.csv$/, '$1');

describe.each(DB_KINDS)('data-scope walk over every OpenAPI route (%s)', (kind) => {
  let t: TestApp;
  let outsider: Session;
  let target: Target;
  let ops: string[];
  beforeAll(async () => {
    t = await startTestApp(kind);
    outsider = await t.login('zhangjiang'); // street office of 张江镇: full office rights, another street
    const admin = await t.login('admin');
    const compound = (
      await admin.request({ method: 'GET', url: `/api/v1/compounds?street=${HUAMU}&limit=1` })
    ).json().items[0];
    const building = (
      await admin.request({ method: 'GET', url: `/api/v1/compounds/${compound.id}/buildings` })
    ).json().items[0];
    const owner = (
      await admin.request({ method: 'GET', url: `/api/v1/compounds/${compound.id}/owners?limit=5` })
    )
      .json()
      .items.find((o: { kind: string }) => o.kind === 'person');
    const rc = (
      await admin.request({
        method: 'GET',
        url: `/api/v1/organisations?type=residents_committee&division=${HUAMU}&limit=1`,
      })
    ).json().items[0];
    const user = (await admin.request({ method: 'GET', url: '/api/v1/users?q=huamu' })).json().items[0];
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const report = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/reports',
        payload: {
          categoryCode: 'noise',
          description: '夜间施工噪声',
          compoundId: compound.id,
          phone: '13911112222',
          photos: [png],
        },
      })
    ).json();
    const caseView = (await admin.request({ method: 'GET', url: `/api/v1/cases/${report.id}` })).json();
    // governance fixtures
    const decision = (
      await admin.request({
        method: 'POST',
        url: '/api/v1/governance/decisions',
        payload: {
          compoundId: compound.id,
          matter: 'use_fund',
          method: 'written',
          title: '使用维修资金',
          opensAt: '2027-01-01T00:00:00+08:00',
          closesAt: '2027-02-01T00:00:00+08:00',
        },
      })
    ).json();
    const formation = (
      await admin.request({
        method: 'POST',
        url: `/api/v1/governance/compounds/${compound.id}/formation`,
        payload: {},
      })
    ).json().formation;
    await admin.request({
      method: 'POST',
      url: `/api/v1/governance/formations/${formation.id}/actions`,
      payload: { action: 'cancel', version: formation.version, note: '已有业委会' },
    });
    const people = (
      await admin.request({ method: 'GET', url: `/api/v1/compounds/${compound.id}/owners?limit=50` })
    )
      .json()
      .items.filter((o: { kind: string }) => o.kind === 'person')
      .slice(0, 5);
    const committee = (
      await admin.request({
        method: 'POST',
        url: `/api/v1/governance/compounds/${compound.id}/committees`,
        payload: {
          electedOn: '2025-06-01',
          termYears: 5,
          seats: 5,
          members: people.map((o: { id: string }, i: number) => ({
            ownerId: o.id,
            position: i === 0 ? 'chair' : 'member',
            undertakingSigned: true,
          })),
        },
      })
    ).json();
    expect(committee.members, JSON.stringify(committee)).toHaveLength(5);
    const memberIds = committee.members.map((m: { id: string }) => m.id);
    const withMeeting = (
      await admin.request({
        method: 'POST',
        url: `/api/v1/governance/committees/${committee.id}/meetings`,
        payload: {
          heldOn: '2025-07-01',
          minutes: '例会',
          attendance: memberIds.map((memberId: string) => ({ memberId, present: true })),
          resolutions: [{ title: '同意维修', signedBy: memberIds.slice(0, 3) }],
        },
      })
    ).json();
    const withChange = (
      await admin.request({
        method: 'POST',
        url: `/api/v1/governance/committees/${committee.id}/changes`,
        payload: { kind: 'name', summary: '名称变更', changedOn: '2025-07-02' },
      })
    ).json();
    // The seed's compounds have one building; the owner group probe needs a group, so add a second one.
    const now = new Date().toISOString();
    await t.deps.database.db
      .insertInto('buildings')
      .values({
        id: `${building.id}-2`,
        compound_id: compound.id,
        name: '二号楼',
        floors: 6,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    const groups = (
      await admin.request({
        method: 'POST',
        url: `/api/v1/governance/compounds/${compound.id}/owner-groups`,
        payload: { buildingId: building.id, formedOn: '2025-07-03' },
      })
    ).json();
    const arrear = (
      await admin.request({
        method: 'POST',
        url: `/api/v1/governance/compounds/${compound.id}/arrears`,
        payload: {
          unitId: owner.units[0].id,
          kind: 'service_fee',
          amount: '100',
          periodFrom: '2025-01-01',
          periodTo: '2025-06-30',
        },
      })
    ).json();
    expect(arrear.id, JSON.stringify(arrear)).toBeTruthy();
    // end of governance fixtures
    // maintenance fund fixtures: the target compound has an account and one deposit
    const fundOpened = await admin.request({
      method: 'POST',
      url: `/api/v1/fund/compounds/${compound.id}/account`,
      payload: { bankName: '上海银行', accountName: '专项维修资金专户', openedOn: '2025-01-02' },
    });
    expect(fundOpened.statusCode, fundOpened.body).toBe(200);
    const deposited = await admin.request({
      method: 'POST',
      url: `/api/v1/fund/compounds/${compound.id}/entries`,
      payload: {
        kind: 'initial_deposit',
        on: '2025-01-03',
        memo: '首期',
        items: [{ unitId: owner.units[0].id, amount: '8000' }],
      },
    });
    expect(deposited.statusCode, deposited.body).toBe(200);
    // An emergency report (第七十三条) on it, as the serving company leaves it (its journey: fund.emergency.routes.test.ts).
    const emergencyId = newId();
    const account = await t.deps.database.db
      .selectFrom('fund_accounts')
      .select('id')
      .where('compound_id', '=', compound.id)
      .executeTakeFirstOrThrow();
    await t.deps.database.db
      .insertInto('fund_emergencies')
      .values({
        id: emergencyId,
        compound_id: compound.id,
        account_id: account.id,
        situation: 'pump_tank',
        title: '水泵故障',
        plan: '更换水泵',
        quotation_fen: 100_000,
        document_issuer: null,
        document_number: null,
        scope: 'compound',
        building_ids_json: '[]',
        safety_affected: 1,
        stage: 'assembly',
        status: 'reported',
        reported_on: '2025-01-03',
        committee_due_on: '2025-01-10',
        decided_on: null,
        decision_note: null,
        reviewed_cost_fen: null,
        reviewer: null,
        review_report_no: null,
        reviewed_on: null,
        payment_id: null,
        case_id: null,
        reported_by: null,
        created_at: '2025-01-03T02:00:00.000Z',
        updated_at: '2025-01-03T02:00:00.000Z',
        version: 1,
      })
      .execute();
    // A use application before the assembly (第七十一条第二款; its journey: fund.applications.routes.test.ts).
    const applicationId = newId();
    await t.deps.database.db
      .insertInto('fund_applications')
      .values({
        id: applicationId,
        compound_id: compound.id,
        account_id: account.id,
        title: '屋面修缮',
        plan: '防水翻修',
        quotation_fen: 100_000,
        scope: 'compound',
        building_ids_json: '[]',
        status: 'proposed',
        proposed_on: '2025-01-03',
        consulted_on: null,
        consultation_json: null,
        consultation_note: null,
        reviewed_cost_fen: null,
        reviewer: null,
        review_report_no: null,
        reviewed_on: null,
        payment_id: null,
        proposed_by: null,
        created_at: '2025-01-03T02:00:00.000Z',
        updated_at: '2025-01-03T02:00:00.000Z',
        version: 1,
      })
      .execute();
    target = {
      compoundId: compound.id,
      compoundName: compound.name,
      compoundCode: compound.code,
      buildingId: building.id,
      ownerId: owner.id,
      ownerName: owner.name,
      organisationId: rc.id,
      userId: user.id,
      caseId: report.id,
      caseNo: report.caseNo,
      photoId: caseView.photos[0].id,
      // governance targets
      decisionId: decision.id,
      formationId: formation.id,
      committeeId: committee.id,
      memberId: committee.members[0].id,
      meetingId: withMeeting.meetings[0].id,
      changeId: withChange.changes[0].id,
      ownerGroupId: groups.ownerGroups[0].id,
      arrearId: arrear.id,
      // end of governance targets
      unitId: owner.units[0].id,
      emergencyId,
      applicationId,
    };
    ops = operations(t.app.swagger() as never);
  });
  afterAll(() => t.close());

  it('has a probe for every documented operation', () => {
    const missing = ops.filter((op) => !PROBES[probeKey(op)]);
    expect(missing).toEqual([]);
  });

  it('keeps every route closed to the out-of-scope user', async () => {
    const auditBefore = await t.deps.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('actor_name', '=', 'zhangjiang')
      .where('action', '!=', 'auth.logout')
      .executeTakeFirstOrThrow();
    const leaks = [
      target.compoundName,
      target.compoundId,
      target.ownerName,
      target.buildingId,
      target.caseId,
      '夜间施工噪声',
    ];
    for (const op of ops) {
      const probe = PROBES[probeKey(op)];
      const method = op.split(' ')[0] as 'GET' | 'POST' | 'PATCH';
      const req = probe.request(target);
      const res: LightMyRequestResponse = await outsider.request({
        method,
        url: req.url,
        payload: req.payload as never,
        headers: req.headers,
      });
      const where = `${op} → ${res.statusCode} ${res.body.slice(0, 200)}`;
      switch (probe.expect.kind) {
        case 'public':
          break;
        case 'signed-in': {
          const anonymous = await t.app.inject({ method, url: req.url, payload: req.payload as never });
          expect(anonymous.statusCode, where).toBe(401);
          break;
        }
        case 'denied':
          expect([403, 404], where).toContain(res.statusCode);
          break;
        case 'empty-list':
          if (res.statusCode === 200) {
            const type = String(res.headers['content-type'] ?? '');
            if (type.includes('json')) expect(res.json().items, where).toEqual([]);
            else if (type.includes('text/calendar')) expect(res.body, where).not.toContain('BEGIN:VEVENT');
            else
              expect(
                res.body
                  .replace(/^\uFEFF/, '')
                  .trim()
                  .split(/\r?\n/).length,
                where,
              ).toBe(1); // header row only
          } else expect([403, 404], where).toContain(res.statusCode);
          break;
        case 'rejected-write':
          expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
          expect(res.statusCode, where).toBeLessThan(500);
          break;
        case 'own-upload':
          expect(res.statusCode, where).toBeLessThan(500);
          break;
      }
      if (probe.expect.kind !== 'public' && probe.expect.kind !== 'signed-in') {
        for (const secret of leaks) expect(res.body.includes(secret), `${where} leaks ${secret}`).toBe(false);
      }
    }
    // Nothing the outsider attempted was written (only its own sign-in is in the log).
    const auditAfter = await t.deps.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('actor_name', '=', 'zhangjiang')
      .where('action', '!=', 'auth.logout')
      .executeTakeFirstOrThrow();
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n));
    const names = await t.deps.database.db
      .selectFrom('compounds')
      .select('id')
      .where('name', 'like', '越权%')
      .execute();
    expect(names).toEqual([]);
  });
});
