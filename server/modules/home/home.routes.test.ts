// The staff home: queue counts match the queues they link to, each account counts only its own scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

describe.each(DB_KINDS)('staff home (%s)', (kind) => {
  let t: TestApp;
  let huamu: Session;
  let zhangjiang: Session;
  let wuye: Session;

  const get = (s: Session, url: string) => s.request({ method: 'GET', url });
  const act = async (s: Session, id: string, body: Record<string, unknown>) => {
    const current = (await get(s, `/api/v1/cases/${id}`)).json();
    const res = await s.request({
      method: 'POST',
      url: `/api/v1/cases/${id}/actions`,
      payload: { version: current.version, ...body },
    });
    if (res.statusCode !== 200) throw new Error(`${String(body.action)} → ${res.statusCode} ${res.body}`);
  };
  const queueLength = async (s: Session, queue: string) =>
    (await get(s, `/api/v1/cases?queue=${queue}&limit=100`)).json().items.length as number;

  beforeAll(async () => {
    t = await startTestApp(kind);
    const hotline = await t.login('hotline');
    huamu = await t.login('huamu');
    zhangjiang = await t.login('zhangjiang');
    wuye = await t.login('wuye');
    const pudong = await t.login('pudong');
    const rc = await t.login('rc');
    const compoundId = (await get(rc, '/api/v1/compounds')).json().items[0].id;
    const intake = async (description: string) => {
      const res = await hotline.request({
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          channel: 'hotline12345',
          categoryCode: 'repair.ordinary',
          attributes: { part: 'common' },
          description,
          compoundId,
        },
      });
      return res.json().id as string;
    };
    const a = await intake('楼道灯不亮');
    const b = await intake('单元门禁损坏');
    await intake('外墙渗水');
    await act(huamu, a, { action: 'dispatch' }); // to sign for the company
    await act(huamu, b, { action: 'dispatch' });
    await act(wuye, b, { action: 'signFor' });
    await act(wuye, b, { action: 'requestExtension', note: '需要采购配件', extension: '2wd' });
    await act(pudong, a, { action: 'supervise', note: '请尽快处理' });
  });
  afterAll(() => t.close());

  it('a handler counts what waits for its signature, extensions asked and 督办 received', async () => {
    const res = await get(wuye, '/api/v1/home');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.queues).toMatchObject({ toSign: 1, extensions: 1, supervised: 1, overdue: 0 });
    expect(body.queues.toSign).toBe(await queueLength(wuye, 'toSign'));
    expect(body.queues.supervised).toBe(await queueLength(wuye, 'supervised'));
    expect(body.trend).toBeNull(); // a company has no area
  });

  it('the street office counts its street: dispatch, extensions to decide, due today; trend of six months', async () => {
    const body = (await get(huamu, '/api/v1/home')).json();
    expect(body.queues).toMatchObject({ toDispatch: 1, extensions: 1 });
    for (const q of ['toDispatch', 'extensions', 'dueToday', 'overdue', 'supervised'])
      expect(body.queues[q], q).toBe(await queueLength(huamu, q));
    expect(body.queues.dueToday).toBeGreaterThanOrEqual(0);
    expect(body.trend).toHaveLength(6);
    expect(body.trend[5]).toMatchObject({ month: '2026-11', total: 3 });
    expect(body.committeesNearReelection).toEqual({
      expiring: expect.any(Number),
      expired: expect.any(Number),
    });
  });

  it('another street counts none of it', async () => {
    const body = (await get(zhangjiang, '/api/v1/home')).json();
    expect(body.queues).toMatchObject({ toDispatch: 0, extensions: 0, supervised: 0 });
    expect(body.trend[5]).toMatchObject({ month: '2026-11', total: 0 });
  });

  it('near 换届: a committee whose term ends within five months counts, one ending later does not', async () => {
    const db = t.deps.database.db;
    // A current committee of a 花木 compound without one, as the 换届 records leave it (a fixture row).
    const compound = await db
      .selectFrom('compounds')
      .select('id')
      .where('street_code', '=', '310115016')
      .where((eb) =>
        eb.not(
          eb.exists(eb.selectFrom('committees').select('id').whereRef('compound_id', '=', 'compounds.id')),
        ),
      )
      .executeTakeFirstOrThrow();
    const committee = { id: '019ad000-0000-7000-8000-00000000c0de' };
    const at = '2026-11-26T02:00:00.000Z';
    await db
      .insertInto('committees')
      .values({
        id: committee.id,
        compound_id: compound.id,
        term_no: 1,
        seats: 5,
        elected_on: '2022-03-31',
        term_years: 5,
        term_ends_on: '2031-03-31',
        status: 'current',
        formation_id: null,
        election_decision_id: null,
        filing_status: 'none',
        filing_submitted_on: null,
        filing_decided_on: null,
        filing_note: null,
        reelection_reported_on: null,
        created_by: null,
        created_at: at,
        updated_at: at,
        version: 1,
      })
      .execute();
    await db
      .updateTable('committees')
      .set({ term_ends_on: '2027-03-31' })
      .where('id', '=', committee.id)
      .execute();
    const near = (await get(huamu, '/api/v1/home')).json().committeesNearReelection;
    await db
      .updateTable('committees')
      .set({ term_ends_on: '2031-03-31' })
      .where('id', '=', committee.id)
      .execute();
    const far = (await get(huamu, '/api/v1/home')).json().committeesNearReelection;
    expect(near.expiring).toBe(far.expiring + 1);
    await db
      .updateTable('committees')
      .set({ term_ends_on: '2026-10-31' })
      .where('id', '=', committee.id)
      .execute();
    const ended = (await get(huamu, '/api/v1/home')).json().committeesNearReelection;
    expect(ended).toEqual({ expiring: far.expiring, expired: far.expired + 1 });
  });
});
