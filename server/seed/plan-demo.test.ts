// The demo action plan: a sample city plan of 65 tasks, marked illustrative, imported through the real path;
// progress leaves milestones done, due soon and a few overdue; the public page shows it — on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type TestApp } from '../test/harness.js';
import { seedPlanDemo, type PlanDemoResult } from './plan-demo.js';

describe.each(DB_KINDS)('demo action plan (%s)', (kind) => {
  let t: TestApp;
  let result: PlanDemoResult;

  beforeAll(async () => {
    t = await startTestApp(kind);
    result = await seedPlanDemo(t.deps);
  }, 120_000);
  afterAll(() => t.close());

  it('seeds 65 tasks with three milestones each, most past ones reported done', async () => {
    expect(result.tasks).toBe(65);
    expect(result.milestones).toBe(195);
    expect(result.reports).toBeGreaterThan(40);
    expect(await seedPlanDemo(t.deps)).toEqual({ tasks: 0, milestones: 0, reports: 0 }); // once only
  });

  it('shows done, due soon, overdue and on-track milestones, a 督办, and lead departments by name', async () => {
    const city = await t.login('city');
    const [summary] = (await city.request({ method: 'GET', url: '/api/v1/plans' })).json().items;
    expect(summary.title).toContain('示例，非正式计划文本');
    const plan = (await city.request({ method: 'GET', url: `/api/v1/plans/${summary.id}` })).json();
    const states = new Set(plan.taskItems.map((x: { state: string }) => x.state));
    for (const s of ['due_soon', 'on_track', 'overdue']) expect(states.has(s), s).toBe(true);
    expect(plan.overall.done).toBeGreaterThan(0);
    expect(plan.overall.dueSoon).toBeGreaterThan(0);
    expect(plan.overall.overdue).toBeGreaterThan(0);
    expect(plan.overall.overdue).toBeLessThan(15);
    expect(plan.byLead.length).toBeGreaterThanOrEqual(3);
    expect(plan.byLead.map((x: { name: string }) => x.name)).toContain('上海市房屋管理局');
    expect(plan.taskItems.find((x: { seq: number }) => x.seq === 13).supervisionCount).toBe(1);
    const chengguan = await t.login('chengguan');
    expect((await chengguan.request({ method: 'GET', url: '/api/v1/plans' })).json().items).toHaveLength(1);
    const pub = (await t.app.inject({ method: 'GET', url: '/api/v1/public/plan' })).json();
    expect(pub.tasks).toHaveLength(65);
    expect(pub.illustrative).toBe(true);
  });
});
