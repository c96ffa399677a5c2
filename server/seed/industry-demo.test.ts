import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidCreditCode } from '../../domain/credit.js';
import { DB_KINDS, startTestApp, type TestApp } from '../test/harness.js';
import { demoCreditCode, seedIndustryDemo } from './industry-demo.js';

describe.each(DB_KINDS)('industry demo data (%s)', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(kind);
  });
  afterAll(() => t?.close());

  it('seeds profiles with valid codes, managers, contracts in every filing state and the four kinds of record', async () => {
    expect([0, 1, 2, 3].every((i) => isValidCreditCode(demoCreditCode(i)))).toBe(true);
    const r = await seedIndustryDemo(t.deps);
    expect(r).toMatchObject({ managers: 4, records: 5 });
    expect(r.profiles).toBeGreaterThanOrEqual(3);
    const pudong = await t.login('pudong');
    const contracts = (
      await pudong.request({ method: 'GET', url: '/api/v1/industry/contracts?limit=500' })
    ).json().items;
    const states = new Set(contracts.map((c: { filing: { state: string } }) => c.filing.state));
    expect([...states].sort()).toEqual(['due', 'filed', 'filed_late', 'overdue', 'unsigned']);
    expect(contracts.some((c: { expiresSoon: boolean }) => c.expiresSoon)).toBe(true);
    const wuye = await t.login('wuye');
    const [company] = (await wuye.request({ method: 'GET', url: '/api/v1/industry/companies' })).json().items;
    expect(company.creditCode).toBe(demoCreditCode(0));
    expect(company.standing.points).toBe(6);
    const own = (
      await wuye.request({ method: 'GET', url: `/api/v1/industry/companies/${company.id}` })
    ).json();
    expect(own.records.map((x: { status: string }) => x.status).sort()).toEqual([
      'published',
      'published',
      'recorded',
    ]); // its manager's award too
    const all = (await pudong.request({ method: 'GET', url: '/api/v1/industry/records' })).json().items;
    expect(all.map((x: { kind: string; status: string }) => `${x.kind}:${x.status}`).sort()).toEqual([
      'bad:published',
      'bad:published',
      'bad:recorded',
      'good:published',
      'good:published',
    ]);
    expect(all.filter((x: { objection: string | null }) => x.objection === 'pending')).toHaveLength(1);
    const pub = await t.app.inject({ method: 'GET', url: '/api/v1/public/industry/companies' });
    expect(pub.json().items[0].standing).toMatchObject({ points: 18, watch: true }); // the objected record is still published
  });
});
