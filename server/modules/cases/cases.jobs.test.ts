import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { claimJobs, completeJob, JobLeaseLostError } from '../../platform/jobs/jobs.js';
import { slaHandler } from './cases.jobs.js';

// The SLA job's escalation (自动督办) happens once per deadline even when the job runs again: after a worker
// died between committing its work and marking the job done, or when its lease passed to another worker.
describe.each(DB_KINDS)('SLA job, exactly once (%s)', (kind) => {
  let t: TestApp;
  let hotline: Session;
  let huamu: Session;
  let compoundId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    hotline = await t.login('hotline');
    huamu = await t.login('huamu');
    const rc = await t.login('rc');
    compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
  });
  afterAll(() => t.close());

  /** A 违法搭建 under way, dispatched and signed for: its 2-hour on-site deadline escalates when missed. */
  async function signedConstructionCase(): Promise<string> {
    const created = await hotline.request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        channel: 'hotline12345',
        categoryCode: 'illegal_construction',
        attributes: { underConstruction: true },
        description: '楼顶正在搭建彩钢板房',
        compoundId,
      },
    });
    const id = created.json().id as string;
    for (const [who, action] of [
      [huamu, 'dispatch'],
      [await t.login('zhongdui'), 'signFor'],
    ] as const) {
      const v = (await who.request({ method: 'GET', url: `/api/v1/cases/${id}` })).json();
      const r = await who.request({
        method: 'POST',
        url: `/api/v1/cases/${id}/actions`,
        payload: { version: v.version, action },
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    return id;
  }

  async function escalations(id: string) {
    const rows = await t.deps.database.db
      .selectFrom('case_events')
      .select('id')
      .where('case_id', '=', id)
      .where('action', '=', 'autoSupervise')
      .execute();
    const c = await t.deps.database.db
      .selectFrom('cases')
      .select(['supervision_level'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { events: rows.length, level: c.supervision_level };
  }

  const dueJobsOf = async (id: string, worker: string) =>
    (await claimJobs(t.deps.database, t.deps.clock, worker, ['cases.sla'], 100)).filter(
      (j) => (j.payload as { caseId: string; kind: string }).caseId === id,
    );

  it('escalates once when the worker dies after its work committed and the lease runs out', async () => {
    const id = await signedConstructionCase();
    t.clock.advance(3 * 3_600_000);
    const handler = slaHandler(t.deps);
    const first = await dueJobsOf(id, 'w1');
    const due = first.find((j) => (j.payload as { kind: string }).kind === 'due');
    expect(due).toBeDefined();
    await handler(due!.payload, due!);
    // w1 dies here: completeJob never runs. After the 60 s lease another worker claims what is left.
    t.clock.advance(61_000);
    const again = (await dueJobsOf(id, 'w2')).filter((j) => j.id === due!.id);
    for (const j of again) await handler(j.payload, j);
    expect(again).toEqual([]);
    expect(await escalations(id)).toEqual({ events: 1, level: 1 });
  });

  it('rolls back the work of a worker whose lease passed to another, which then escalates once', async () => {
    const id = await signedConstructionCase();
    t.clock.advance(3 * 3_600_000);
    const handler = slaHandler(t.deps);
    const slow = (await dueJobsOf(id, 'slow')).find((j) => (j.payload as { kind: string }).kind === 'due')!;
    t.clock.advance(61_000); // the slow worker stalls past its lease
    const fast = (await dueJobsOf(id, 'fast')).find((j) => j.id === slow.id)!;
    expect(fast).toBeDefined();
    await handler(fast.payload, fast);
    await completeJob(t.deps.database.db, t.deps.clock, fast.id, 'fast');
    await expect(handler(slow.payload, slow)).rejects.toBeInstanceOf(JobLeaseLostError);
    expect(await escalations(id)).toEqual({ events: 1, level: 1 });
  });
});
