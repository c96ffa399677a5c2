// The demo joint meetings: after the case history, the district and street joint meetings each held a meeting;
// the district one took a real hot case (the case records it); the units' queues show one item done with
// evidence, one overdue and one due soon — through the real routes, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type TestApp } from '../test/harness.js';
import { seedCaseHistory } from './case-history.js';
import { seedCoordinationDemo, type CoordinationDemoResult } from './coordination-demo.js';

describe.each(DB_KINDS)('demo joint meetings (%s)', (kind) => {
  let t: TestApp;
  let result: CoordinationDemoResult;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await seedCaseHistory(t.deps);
    result = await seedCoordinationDemo(t.deps);
  }, 120_000);
  afterAll(() => t.close());

  it('seeds two bodies with a held meeting each, from a real hot case', async () => {
    expect(result).toMatchObject({ bodies: 2, meetings: 2, actionItems: 4 });
    expect(result.hotCaseNo).toBeTruthy();
    const pudong = await t.login('pudong');
    const bodies = (await pudong.request({ method: 'GET', url: '/api/v1/coordination/bodies' })).json().items;
    expect(bodies.map((b: { level: string }) => b.level)).toEqual(['district', 'street']);
    const body = (
      await pudong.request({ method: 'GET', url: `/api/v1/coordination/bodies/${bodies[0].id}` })
    ).json();
    expect(body.requests[0]).toMatchObject({ fromDivisionName: '花木街道', status: 'scheduled' });
    const meeting = (
      await pudong.request({ method: 'GET', url: `/api/v1/coordination/meetings/${body.meetings[0].id}` })
    ).json();
    expect(meeting.status).toBe('held');
    expect(meeting.agenda[0]).toMatchObject({ source: 'case', caseNo: result.hotCaseNo });
    expect(meeting.agenda[0].reasons.length).toBeGreaterThan(0);
    expect(meeting.attendance.some((a: { attendance: string }) => a.attendance === 'deputy')).toBe(true);
    expect(meeting.decisions).toHaveLength(2);
    const c = await t.deps.database.db
      .selectFrom('cases')
      .select('id')
      .where('case_no', '=', result.hotCaseNo!)
      .executeTakeFirstOrThrow();
    const notes = await t.deps.database.db
      .selectFrom('case_events')
      .select('data_json')
      .where('case_id', '=', c.id)
      .where('action', '=', 'comment')
      .execute();
    expect(notes.filter((n) => n.data_json.includes('coordinationMeetingId'))).toHaveLength(2);
  });

  it('the units see their items: done with evidence, overdue, due soon', async () => {
    const chengguan = await t.login('chengguan');
    const wuye = await t.login('wuye');
    const cg = (
      await chengguan.request({ method: 'GET', url: '/api/v1/coordination/action-items?mine=true' })
    ).json().items;
    const wy = (
      await wuye.request({ method: 'GET', url: '/api/v1/coordination/action-items?mine=true' })
    ).json().items;
    expect(cg.map((i: { dueState: string }) => i.dueState).sort()).toEqual(['done', 'warning']);
    expect(cg.find((i: { status: string }) => i.status === 'done').evidence).toContain('现场照片');
    expect(wy).toHaveLength(4); // lead of two, cooperating on two
    const led = wy.filter((i: { leadName: string; mayComplete: boolean }) => i.mayComplete);
    expect(led.map((i: { dueState: string }) => i.dueState).sort()).toEqual(['ok', 'overdue']);
  });
});
