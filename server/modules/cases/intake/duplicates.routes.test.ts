// Duplicates (issue 9 §7): intake flags a repeat only when the routing attributes agree, the similar-cases
// route offers the open cases a report would repeat (within the caller's scope), the 重复投诉率 KPI follows
// the same rule, and category keywords (噪音 → 噪声扰民) are editable in the taxonomy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categoryMatches } from '../../../../domain/category-search.js';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../../test/harness.js';

const DAY = 'from=2026-11-26&to=2026-11-26';

describe.each(DB_KINDS)('duplicates and similar cases (%s)', (kind) => {
  let t: TestApp;
  let hotline: Session;
  let huamu: Session;
  let compoundId: string;
  const ids: Record<string, { id: string; caseNo: string }> = {};

  const intake = async (attributes: Record<string, string>, description: string) => {
    const res = await hotline.request({
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        channel: 'hotline12345',
        categoryCode: 'repair.urgent.water_burst',
        attributes,
        description,
        compoundId,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; caseNo: string };
  };
  const view = async (id: string) =>
    (await huamu.request({ method: 'GET', url: `/api/v1/cases/${id}` })).json();
  const similar = (s: Session, query: string) =>
    s.request({ method: 'GET', url: `/api/v1/cases/similar?compoundId=${compoundId}&${query}` });
  const attrs = (a: Record<string, string>) => `attributes=${encodeURIComponent(JSON.stringify(a))}`;

  beforeAll(async () => {
    t = await startTestApp(kind);
    hotline = await t.login('hotline');
    huamu = await t.login('huamu');
    const rc = await t.login('rc');
    compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
    ids.after = await intake({ meterPosition: 'after' }, '3号楼表后水管爆裂');
    t.clock.advance(60_000);
    ids.before = await intake({ meterPosition: 'before' }, '小区总表前管道爆裂');
    t.clock.advance(60_000);
    ids.unstated = await intake({}, '地下车库有水管在漏水');
  });
  afterAll(() => t.close());

  it('intake flags a repeat only when the routing attributes agree (表前 is not 表后)', async () => {
    expect((await view(ids.after.id)).duplicateOf).toBeNull();
    expect((await view(ids.before.id)).duplicateOf).toBeNull();
    // The attribute the caller did not state is no conflict: it repeats the first open case.
    expect((await view(ids.unstated.id)).duplicateOf).toMatchObject({ caseNo: ids.after.caseNo });
  });

  it('lists the open cases a report would repeat, with number, time, status words and summary', async () => {
    const after = await similar(
      hotline,
      `categoryCode=repair.urgent.water_burst&${attrs({ meterPosition: 'after' })}`,
    );
    expect(after.statusCode, after.body).toBe(200);
    const items = after.json().items;
    expect(items.map((i: { caseNo: string }) => i.caseNo)).toEqual([ids.after.caseNo, ids.unstated.caseNo]);
    expect(items[0]).toMatchObject({
      id: ids.after.id,
      status: 'received',
      statusLabel: { zh: '已受理', en: 'Received' },
      categoryName: { zh: expect.any(String) },
      summary: '3号楼表后水管爆裂',
      mergeable: true,
    });
    expect(typeof items[0].createdAt).toBe('string');
    const before = await similar(
      huamu,
      `categoryCode=repair.urgent.water_burst&${attrs({ meterPosition: 'before' })}`,
    );
    expect(before.json().items.map((i: { caseNo: string }) => i.caseNo)).toEqual([
      ids.before.caseNo,
      ids.unstated.caseNo,
    ]);
    const none = await similar(hotline, 'categoryCode=noise');
    expect(none.json().items).toEqual([]);
  });

  it('the merge picker: leaves the case itself out and finds cases by the first digits of their number', async () => {
    const res = await similar(
      hotline,
      `categoryCode=repair.urgent.water_burst&${attrs({})}&excludeCaseId=${ids.unstated.id}`,
    );
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([ids.after.id, ids.before.id]);
    const prefix = ids.before.caseNo.slice(0, -1);
    const byNumber = (await similar(hotline, `caseNo=${prefix}&excludeCaseId=${ids.unstated.id}`)).json();
    expect(byNumber.items.map((i: { caseNo: string }) => i.caseNo)).toContain(ids.before.caseNo);
    expect(byNumber.items.map((i: { caseNo: string }) => i.caseNo)).not.toContain(ids.unstated.caseNo);
    const exact = (await similar(hotline, `caseNo=${ids.before.caseNo}`)).json();
    expect(exact.items.map((i: { caseNo: string }) => i.caseNo)).toEqual([ids.before.caseNo]);
  });

  it('a closed-off case is no longer offered, and the caller sees only its scope', async () => {
    // Merge the unstated one into the first: merged cases are not open any more.
    const v = await view(ids.unstated.id);
    const merged = await huamu.request({
      method: 'POST',
      url: `/api/v1/cases/${ids.unstated.id}/actions`,
      payload: { action: 'merge', version: v.version, mergeIntoCaseNo: ids.after.caseNo },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const after = await similar(hotline, 'categoryCode=repair.urgent.water_burst');
    expect(after.json().items.map((i: { id: string }) => i.id)).toEqual([ids.after.id, ids.before.id]);
    // Another street's office has no grant over the compound.
    const zhangjiang = await t.login('zhangjiang');
    const denied = await similar(zhangjiang, 'categoryCode=repair.urgent.water_burst');
    expect([403, 404]).toContain(denied.statusCode);
    expect(denied.body).not.toContain(ids.after.caseNo);
    // The property company sees only the cases led by its own organisations (none dispatched yet).
    const wuye = await t.login('wuye');
    const company = await similar(wuye, 'categoryCode=repair.urgent.water_burst');
    expect(company.statusCode).toBe(200);
    expect(company.json().items).toEqual([]);
  });

  it('refuses a query without category or number, and malformed attributes, in words', async () => {
    const bare = await similar(hotline, '');
    expect(bare.statusCode).toBe(400);
    expect(bare.json().error.code).toBe('cases.similar_query_invalid');
    const bad = await similar(hotline, 'categoryCode=noise&attributes=%7Bnot-json');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('cases.attributes_invalid');
  });

  it('重复投诉率 counts a flagged repeat only when its attributes agree with the case it repeats', async () => {
    // A case flagged under the former rule (same compound and category, whatever the meter): not a repeat.
    await t.deps.database.db
      .updateTable('cases')
      .set({ duplicate_of_id: ids.after.id })
      .where('id', '=', ids.before.id)
      .execute();
    const pudong = await t.login('pudong');
    const res = await pudong.request({
      method: 'GET',
      url: `/api/v1/kpis/cases?groupBy=compound&${DAY}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json().items.find((r: { key: string }) => r.key === compoundId);
    // 3 cases; only the unstated one repeats the first.
    expect(row.total).toBe(3);
    expect(row.repeatRate).toBe(0.3333);
    // The monthly trend counts the same way (these are the only cases of the month).
    const trend = await pudong.request({ method: 'GET', url: '/api/v1/kpis/trend?to=2026-11&months=1' });
    expect(trend.statusCode, trend.body).toBe(200);
    expect(trend.json().items[0]).toMatchObject({ total: 3, repeatRate: 0.3333 });
  });

  it('category keywords are editable in the taxonomy: 噪音 finds 噪声扰民, a new word finds it too', async () => {
    let list = (await t.app.inject({ method: 'GET', url: '/api/v1/case-categories' })).json().items;
    const noise = list.find((c: { code: string }) => c.code === 'noise');
    expect(categoryMatches(noise, '噪音')).toBe(true);
    expect(categoryMatches(noise, '夜里施工')).toBe(false);
    const admin = await t.login('admin');
    const current = (await admin.request({ method: 'GET', url: '/api/v1/admin/case-categories' }))
      .json()
      .items.find((c: { code: string }) => c.code === 'noise');
    const patched = await admin.request({
      method: 'PATCH',
      url: '/api/v1/admin/case-categories/noise',
      payload: { version: current.version, keywords: [...current.keywords, '夜里施工'] },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    list = (await t.app.inject({ method: 'GET', url: '/api/v1/case-categories' })).json().items;
    expect(
      categoryMatches(
        list.find((c: { code: string }) => c.code === 'noise'),
        '夜里施工',
      ),
    ).toBe(true);
    const tooLong = await admin.request({
      method: 'PATCH',
      url: '/api/v1/admin/case-categories/noise',
      payload: {
        version: current.version + 1,
        keywords: ['这是一个超过二十个字的检索词这是一个超过二十个字的检索词'],
      },
    });
    expect(tooLong.statusCode).toBe(400);
  });
});
