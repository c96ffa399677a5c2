// The clocks and duties the law names on a case (issue 14 items 1, 2, 4, 5): the on-site clock of 拆违规定 Art 7
// starts at the dispatch and never pauses; the reporter's feedback (Art 5) is due one calendar month after the
// department received the report; a property company that could not stop a violation reports it within 24 h
// (《规定》 Art 59) and the owners' committee and the street are told; a demolition notice runs ≥ 10 days (Art 9).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../../test/harness.js';

const HOUR = 3_600_000;

describe.each(DB_KINDS)('cases: the clocks the law names (%s)', (kind) => {
  let t: TestApp;
  let hotline: Session;
  let huamu: Session;
  let compoundId: string;
  beforeAll(async () => {
    t = await startTestApp(kind);
    hotline = await t.login('hotline');
    huamu = await t.login('huamu');
    compoundId = (await (await t.login('rc')).request({ method: 'GET', url: '/api/v1/compounds' })).json()
      .items[0].id;
  });
  afterAll(() => t.close());

  const view = async (s: Session, id: string) =>
    (await s.request({ method: 'GET', url: `/api/v1/cases/${id}` })).json();
  const act = async (s: Session, id: string, body: Record<string, unknown>) => {
    const current = await view(s, id);
    return s.request({
      method: 'POST',
      url: `/api/v1/cases/${id}/actions`,
      payload: { version: current.version, ...body },
    });
  };
  const ok = async (s: Session, id: string, body: Record<string, unknown>) => {
    const res = await act(s, id, body);
    if (res.statusCode !== 200) throw new Error(`${String(body.action)} → ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const newCase = async (categoryCode: string, attributes: Record<string, unknown>, description: string) =>
    (
      await hotline.request({
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          channel: 'hotline12345',
          categoryCode,
          attributes,
          description,
          compoundId,
          reporter: { name: '李女士', phone: '13900001111' },
        },
      })
    ).json().id as string;
  const notes = async (s: Session) =>
    (await s.request({ method: 'GET', url: '/api/v1/notifications' }))
      .json()
      .items.map((n: { text: string }) => n.text) as string[];

  it('拆违 Arts 5, 7: on site within 2 h of the dispatch, feedback within one month; neither pauses while 挂起', async () => {
    t.clock.set(new Date('2026-11-26T02:00:00Z')); // Thu 10:00 in Shanghai
    const id = await newCase('illegal_construction', { underConstruction: true }, '楼顶正在搭建彩钢板房');
    const dispatched = await ok(huamu, id, { action: 'dispatch' });
    const dispatchedAt = new Date('2026-11-26T02:00:00Z').getTime();
    // Art 7: from the department's receipt of the report (the dispatch), not from its 签收.
    expect(new Date(dispatched.deadlines.arrive).getTime()).toBe(dispatchedAt + 2 * HOUR);
    // Art 5 with 民法典 Arts 201–203: 11-26 + 1 month = Sat 12-26 → Mon 12-28, ends 24:00.
    expect(dispatched.deadlines.feedback).toBe('2026-12-28T16:00:00.000Z');
    const basis = Object.fromEntries(
      dispatched.deadlineBasis.map((b: { stage: string; zh: string; law: boolean }) => [b.stage, b]),
    );
    expect(basis.arrive).toMatchObject({ law: true });
    expect(basis.arrive.zh).toContain('《上海市拆除违法建筑若干规定》第七条');
    expect(basis.feedback.zh).toContain('《上海市拆除违法建筑若干规定》第五条');
    expect(basis.sign).toMatchObject({ law: false });
    expect(basis.sign.zh).toContain('本系统默认时限');
    expect(dispatched.deadlines.next).toBe(dispatched.deadlines.arrive);

    const lead = await t.login('chengguan');
    t.clock.advance(HOUR);
    const signed = await ok(lead, id, { action: 'signFor' });
    expect(signed.deadlines.arrive).toBe(dispatched.deadlines.arrive);

    // 挂起 for two days: the statutory clocks keep running (and stay the pending ones); the 5 wd resolve clock
    // (a policy) moves by the time suspended.
    await ok(huamu, id, { action: 'suspend', note: '等待产权资料' });
    const suspended = await view(huamu, id);
    expect(suspended.deadlines.next).toBe(dispatched.deadlines.arrive);
    t.clock.advance(48 * HOUR);
    const resumed = await ok(await t.login('huamu'), id, { action: 'resume' });
    expect(resumed.deadlines.arrive).toBe(dispatched.deadlines.arrive);
    expect(resumed.deadlines.feedback).toBe(dispatched.deadlines.feedback);
    const moved =
      new Date(resumed.deadlines.resolve).getTime() - new Date(signed.deadlines.resolve).getTime();
    expect(moved).toBe(48 * HOUR);
    expect(resumed.dueState).toBe('overdue'); // 2 h on site passed long ago

    // The feedback to the reporter: the lead tells them, with what it told (the note is the record).
    const fedLead = await t.login('chengguan');
    expect(resumed.allowedActions).not.toContain('feedBackReporter'); // not the dispatcher's duty
    const noNote = await act(fedLead, id, { action: 'feedBackReporter' });
    expect(noNote.json().error.code).toBe('cases.field_required');
    const fed = await ok(fedLead, id, {
      action: 'feedBackReporter',
      note: '已现场责令停止搭建，限期自行拆除',
    });
    expect(fed.dutiesDone.feedback).not.toBeNull();
    expect(fed.events.at(-1).data).toMatchObject({ onTime: true });
    expect(fed.allowedActions).not.toContain('feedBackReporter');
  });

  it('拆违 Art 9: a demolition notice period shorter than ten days is refused, changing nothing', async () => {
    t.clock.set(new Date('2026-11-26T02:00:00Z'));
    const id = await newCase('illegal_construction', { underConstruction: false }, '阳台违法搭建');
    await ok(huamu, id, { action: 'dispatch' });
    const lead = await t.login('chengguan');
    const signed = await ok(lead, id, { action: 'signFor' });
    expect(signed.allowedActions).toContain('noticeDemolition');
    const short = await act(lead, id, {
      action: 'noticeDemolition',
      noticePublishedOn: '2026-11-27',
      noticeEndsOn: '2026-12-06',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe('cases.notice_too_short');
    expect(short.json().error.message).toContain('2026-12-07');
    expect((await view(lead, id)).version).toBe(signed.version);
    const noDate = await act(lead, id, { action: 'noticeDemolition', noticePublishedOn: '2026-11-27' });
    expect(noDate.json().error.code).toBe('cases.field_required');
    const bad = await act(lead, id, {
      action: 'noticeDemolition',
      noticePublishedOn: '2026-11-31',
      noticeEndsOn: '2026-12-20',
    });
    expect(bad.json().error.code).toBe('cases.notice_date_invalid');
    const noticed = await ok(lead, id, {
      action: 'noticeDemolition',
      noticePublishedOn: '2026-11-27',
      noticeEndsOn: '2026-12-07',
    });
    expect(noticed.events.at(-1).data).toMatchObject({ noticeEndsOn: '2026-12-07', noticeDays: 10 });
    // On site 25 h after the dispatch: late for the 24 h of Art 7 (到场及时率).
    t.clock.advance(25 * HOUR);
    await ok(await t.login('chengguan'), id, { action: 'arriveOnSite' });
  });

  it('《规定》 Art 59: the property company reports within 24 h of 劝阻无效; the committee and the street are told', async () => {
    t.clock.set(new Date('2026-11-26T02:00:00Z'));
    // The compound's property company: the suggested lead of a repair after the meter.
    const water = await newCase(
      'repair.urgent.water_burst',
      { meterPosition: 'after', part: 'common' },
      '漏水',
    );
    const company = (await view(huamu, water)).suggestedOrg;
    const id = await newCase('group_renting', {}, '12号楼602群租');
    // An owners' committee member of the compound (the test data has no committee account).
    const db = t.db.database.db;
    const member = (
      await db.selectFrom('users').select('id').where('username', '=', 'owner').executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto('user_roles')
      .values({
        id: '019c0000-0000-7000-8000-00000000a059',
        user_id: member,
        role: 'owners_committee_member',
        scope_type: 'compound',
        scope_id: compoundId,
        created_at: '2026-11-26T00:00:00.000Z',
      })
      .execute();
    const dispatched = await ok(huamu, id, { action: 'dispatch', leadOrgId: company.id });
    expect(dispatched.deadlines.report).toBeNull(); // dissuading: no clock yet
    const wuye = await t.login('wuye');
    const signed = await ok(wuye, id, { action: 'signFor' });
    expect(signed.allowedActions).toContain('dissuasionFailed');
    expect(signed.allowedActions).not.toContain('reportViolation');
    t.clock.advance(5 * HOUR);
    const failed = await ok(wuye, id, { action: 'dissuasionFailed', note: '多次上门劝阻，业主拒不整改' });
    expect(new Date(failed.deadlines.report).getTime()).toBe(
      new Date('2026-11-26T02:00:00Z').getTime() + 29 * HOUR,
    );
    const basis = failed.deadlineBasis.find((b: { stage: string }) => b.stage === 'report');
    expect(basis.zh).toContain('《上海市住宅物业管理规定》第五十九条');
    t.clock.advance(24 * HOUR); // exactly at the deadline: still on time
    const reported = await ok(await t.login('wuye'), id, {
      action: 'reportViolation',
      note: '报告业委会及街道',
    });
    expect(reported.dutiesDone.report).toBe(failed.deadlines.report);
    expect(reported.events.at(-1).data).toMatchObject({ onTime: true });
    expect((await notes(await t.login('huamu'))).some((n) => n.includes('第五十九条'))).toBe(true);
    // The committee members' accounts are told (notify() by user).
    const told = await t.db.database.db
      .selectFrom('notifications')
      .select(['user_id', 'text_zh'])
      .where('case_id', '=', id)
      .where('kind', '=', 'case.reportViolation')
      .execute();
    expect(told.filter((n) => n.user_id === member).map((n) => n.text_zh)).toEqual([
      expect.stringContaining('第五十九条'),
    ]);
  });

  it('a department lead carries no Art 59 duty', async () => {
    t.clock.set(new Date('2026-11-26T02:00:00Z'));
    const id = await newCase('illegal_construction', { underConstruction: false }, '违法搭建');
    await ok(huamu, id, { action: 'dispatch' });
    const signed = await ok(await t.login('chengguan'), id, { action: 'signFor' });
    expect(signed.allowedActions).not.toContain('dissuasionFailed');
    await ok(await t.login('chengguan'), id, { action: 'arriveOnSite' }); // within the hour: on time

    // 到场及时率 of the department (its 中队 count under it): of its two on-site clocks come due (this one, and
    // the notice test's case on site after 25 h), one was met; the first case's clock has not been marked yet.
    const kpis = await (
      await t.login('pudong')
    ).request({
      method: 'GET',
      url: '/api/v1/kpis/cases?groupBy=department&from=2026-11-26&to=2026-11-26',
    });
    expect(kpis.statusCode).toBe(200);
    const row = kpis.json().items.find((r: { name: string }) => r.name === '浦东新区城市管理行政执法局');
    expect(row.arrivalOnTimeRate).toBe(0.5);
  });
});
