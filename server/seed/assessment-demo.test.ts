// The demo assessment: after the case history and the joint meetings, 浦东新区's period of the quarter is
// published with a manual score and two-way ratings; 花木 reads its own result with the arithmetic; two 网络舆情
// cases in 花木 carry their source links — through the real routes, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type TestApp } from '../test/harness.js';
import { seedAssessmentDemo, type AssessmentDemoResult } from './assessment-demo.js';
import { seedCaseHistory } from './case-history.js';
import { seedCoordinationDemo } from './coordination-demo.js';

describe.each(DB_KINDS)('demo assessment (%s)', (kind) => {
  let t: TestApp;
  let result: AssessmentDemoResult;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await seedCaseHistory(t.deps);
    await seedCoordinationDemo(t.deps);
    result = await seedAssessmentDemo(t.deps);
  }, 180_000);
  afterAll(() => t.close());

  it('publishes the quarter with scores and ratings; 花木 reads its own breakdown', async () => {
    expect(result.period).toBe('2026-Q4');
    expect(result.ratings).toBeGreaterThanOrEqual(4);
    expect(result.streets).toBeGreaterThan(1);
    expect(result.departments).toBeGreaterThan(0);
    const huamu = await t.login('huamu');
    const periods = (await huamu.request({ method: 'GET', url: '/api/v1/assessment/periods' })).json().items;
    expect(periods[0]).toMatchObject({
      name: '2026年第四季度',
      status: 'published',
      divisionName: '浦东新区',
    });
    const own = (
      await huamu.request({
        method: 'GET',
        url: `/api/v1/assessment/periods/${periods[0].id}/results?level=street`,
      })
    ).json();
    expect(own.items).toHaveLength(1);
    expect(own.items[0].unitName).toBe('花木街道');
    expect(own.items[0].total).not.toBeNull();
    const lines = own.items[0].breakdown as { code: string; value: number | null }[];
    expect(lines.find((l) => l.code === 'inspection')?.value).toBe(0.925);
    expect(lines.find((l) => l.code === 'byDepartments')?.value).toBe(0.92);
    expect(lines.find((l) => l.code === 'onTime')?.value).not.toBeNull();
    const pudong = await t.login('pudong');
    const all = (
      await pudong.request({
        method: 'GET',
        url: `/api/v1/assessment/periods/${periods[0].id}/results?level=department`,
      })
    ).json();
    expect(all.items.filter((r: { rank: number | null }) => r.rank !== null).length).toBeGreaterThan(0);
  });

  it('records two 网络舆情 cases in 花木 with their source links', async () => {
    expect(result.onlineMediaCases).toHaveLength(2);
    const rows = await t.deps.database.db
      .selectFrom('cases')
      .select(['street_code', 'source_url', 'proactive'])
      .where('case_no', 'in', result.onlineMediaCases)
      .execute();
    expect(rows.every((r) => r.street_code === '310115016' && r.source_url?.startsWith('https://'))).toBe(
      true,
    );
  });
});
