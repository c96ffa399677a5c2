// The resident sees what was done (issue 9 §3): public steps only, the handler's note and evidence photos
// with proof of access, a signed link (valid / expired / tampered), and one message per public step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../../test/harness.js';
import { JobWorker } from '../../../platform/jobs/jobs.js';
import { signTrackLink, trackLinkKey } from '../../../platform/signed-links.js';
import { jobHandlers } from '../../../jobs.js';
import { tellResident } from '../../notifications/notifications.service.js';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const PHONE = '13955556666';
const INTERNAL = ['退单', '申请延期', '延期', '签收', '派遣', '督办', '立案', '反馈'];

describe.each(DB_KINDS)('resident tracking (%s)', (kind) => {
  let t: TestApp;
  let huamu: Session;
  let wuye: Session;
  let compoundId: string;
  let c: { id: string; caseNo: string; trackToken: string };
  let other: { id: string; trackToken: string };
  beforeAll(async () => {
    t = await startTestApp(kind);
    huamu = await t.login('huamu');
    wuye = await t.login('wuye');
    const rc = await t.login('rc');
    compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
    const report = (description: string, phone: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/public/reports',
        payload: {
          categoryCode: 'repair.ordinary',
          attributes: { part: 'common' },
          description,
          compoundId,
          phone,
          photos: [PNG],
        },
      });
    c = (await report('单元门禁坏了，门关不上', PHONE)).json();
    other = (await report('楼道灯不亮已经三天了', '13955557777')).json();
  });
  afterAll(() => t.close());

  const act = async (s: Session, body: Record<string, unknown>) => {
    const current = (await s.request({ method: 'GET', url: `/api/v1/cases/${c.id}` })).json();
    const res = await s.request({
      method: 'POST',
      url: `/api/v1/cases/${c.id}/actions`,
      payload: { version: current.version, ...body },
    });
    if (res.statusCode !== 200) throw new Error(`${String(body.action)} → ${res.statusCode} ${res.body}`);
  };
  const track = (query: string) => t.app.inject({ url: `/api/v1/public/cases/track?${query}` });
  const messages = () =>
    t.deps.database.db
      .selectFrom('resident_messages')
      .selectAll()
      .where('case_id', '=', c.id)
      .orderBy('created_at')
      .orderBy('dedupe_key')
      .execute();

  it('opens the case with the signed link of the report, and refuses a tampered or expired one', async () => {
    expect(c.trackToken).toMatch(/^[\w-]+\.\d+\.[\w-]{43}$/);
    const ok = await track(`token=${c.trackToken}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ caseNo: c.caseNo, step: 'received', statusLabel: { zh: '已受理' } });
    // Another case's id under this case's signature; a changed expiry; another key's signature.
    const [, exp, sig] = c.trackToken.split('.');
    for (const forged of [
      `${other.id}.${exp}.${sig}`,
      `${c.id}.${Number(exp) + 3600}.${sig}`,
      `${c.id}.${exp}.${'A'.repeat(43)}`,
    ]) {
      const res = await track(`token=${forged}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('cases.track_link_invalid');
    }
    const key = trackLinkKey(t.deps.config, t.deps.database);
    const expired = signTrackLink(key, c.id, new Date(t.clock.now().getTime() - 1000));
    const gone = await t.app.inject({
      url: `/api/v1/public/cases/track?token=${expired}`,
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(gone.statusCode).toBe(410);
    expect(gone.json().error.message).toBe('查询链接已过期，请输入案件编号和手机号查询');
    // Neither number + phone nor a token: a clear 400.
    expect((await track(`caseNo=${c.caseNo}`)).json().error.code).toBe('cases.track_access_required');
  });

  it('shows the handler’s note and evidence photos in public words; the photos need the case’s link', async () => {
    await act(huamu, { action: 'dispatch' });
    await act(wuye, { action: 'signFor' });
    await act(wuye, { action: 'requestExtension', extension: '2wd', note: '需要订购门禁配件' });
    await act(wuye, {
      action: 'reportBack',
      note: '已更换门禁电磁锁，门可以正常关闭',
      resolved: true,
      photos: [PNG],
    });

    const view = (await track(`caseNo=${c.caseNo}&phone=${PHONE}`)).json();
    expect(view.step).toBe('resultReported');
    expect(view.statusLabel.zh).toBe('已办结，待您确认');
    expect(view.timeline.map((e: { step: string }) => e.step)).toEqual([
      'received',
      'assigned',
      'inProgress',
      'resultReported',
    ]);
    const words = JSON.stringify(view.timeline) + view.statusLabel.zh;
    for (const name of INTERNAL) expect(words).not.toContain(name);
    expect(view.allowedActions).toEqual(['verifyPass', 'verifyFail']);
    expect(view.result.note).toBe('已更换门禁电磁锁，门可以正常关闭');
    expect(view.result.photos).toHaveLength(1);
    const url: string = view.result.photos[0].url;
    const photo = await t.app.inject({ url });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');

    const photoId = /case-photos\/([^?]+)/.exec(url)![1];
    // Without proof, with another case's link, or with a tampered one: nothing.
    expect((await t.app.inject({ url: `/api/v1/public/case-photos/${photoId}` })).statusCode).toBe(400);
    expect(
      (await t.app.inject({ url: `/api/v1/public/case-photos/${photoId}?token=${other.trackToken}` }))
        .statusCode,
    ).toBe(404);
    const [cid, exp] = c.trackToken.split('.');
    expect(
      (
        await t.app.inject({
          url: `/api/v1/public/case-photos/${photoId}?token=${cid}.${exp}.${'B'.repeat(43)}`,
        })
      ).statusCode,
    ).toBe(404);
    // The reporter's own photo of the report is not a result photo.
    const staffView = (await huamu.request({ method: 'GET', url: `/api/v1/cases/${c.id}` })).json();
    const reportPhoto = staffView.photos.find((p: { id: string }) => !url.includes(p.id));
    expect(reportPhoto).toBeTruthy();
    expect(
      (await t.app.inject({ url: `/api/v1/public/case-photos/${reportPhoto.id}?token=${c.trackToken}` }))
        .statusCode,
    ).toBe(404);
    // A wrong phone sees nothing of it.
    expect((await track(`caseNo=${c.caseNo}&phone=13900000000`)).statusCode).toBe(404);
  });

  it('tells the reporter of each public step exactly once, and not of internal steps or their own', async () => {
    // So far: received (report), assigned (dispatch), inProgress (signFor); none for 申请延期; resultReported.
    expect((await messages()).map((m) => m.step)).toEqual([
      'received',
      'assigned',
      'inProgress',
      'resultReported',
    ]);
    // The same event told again (a retry): recorded once.
    const first = (await messages())[0];
    const again = await tellResident(t.deps.database.db, t.clock, {
      caseId: c.id,
      eventSeq: Number(first.dedupe_key.split(':')[1]),
      step: 'received',
      phone: PHONE,
      text: 'x',
    });
    expect(again).toBe(false);
    // The reporter confirms (their own step: nothing to tell), the office closes (told: please rate).
    const v = (await track(`token=${c.trackToken}`)).json();
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/cases/actions',
      payload: { token: c.trackToken, action: 'verifyPass', version: v.version },
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.json().step).toBe('resolved');
    await act(huamu, { action: 'close' });
    const all = await messages();
    expect(all.map((m) => m.step)).toEqual([
      'received',
      'assigned',
      'inProgress',
      'resultReported',
      'closed',
    ]);
    expect(all.every((m) => m.recipient === PHONE && m.status === 'pending')).toBe(true);
    expect(all.at(-1)!.text).toContain(`已办结，欢迎评价：/track?t=`);
    // One durable job per message; the worker delivers each through the log adapter.
    const jobs = await t.deps.database.db
      .selectFrom('jobs')
      .select('payload')
      .where('queue', '=', 'notify.resident')
      .execute();
    const mine = jobs.filter((j) => all.some((m) => j.payload.includes(m.id)));
    expect(mine).toHaveLength(all.length);
    const worker = new JobWorker(t.deps.database, t.deps.clock, jobHandlers(t.deps));
    while ((await worker.tick()) > 0);
    const sent = await messages();
    expect(sent.every((m) => m.status === 'sent' && m.adapter === 'log' && m.attempts === 1)).toBe(true);
  });
});
