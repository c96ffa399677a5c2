import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../../../domain/calendar.js';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../../test/harness.js';

const BIN = new URL('../../../../bin/gongzhi', import.meta.url).pathname;
const DAY = 86_400_000;

describe.each(DB_KINDS)('governance decisions and ballots (%s)', (kind) => {
  let t: TestApp;
  let ywh: Session; // owners' committee member of the compound
  let huamu: Session; // street office
  let rc: Session; // residents' committee (read only)
  let outsider: Session; // street office of another street
  let compoundId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    rc = await t.login('rc');
    huamu = await t.login('huamu');
    outsider = await t.login('zhangjiang');
    compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
    ywh = await t.account(
      'ywh',
      [{ role: 'owners_committee_member', scopeType: 'compound', scopeId: compoundId }],
      '业委会 王主任',
    );
  });
  afterAll(() => t.close());

  /** Sessions last hours; the test moves the clock by weeks. */
  async function advance(ms: number) {
    t.clock.advance(ms);
    [ywh, huamu, rc] = await Promise.all([t.login('ywh', 'ywh-password-1'), t.login('huamu'), t.login('rc')]);
  }

  const now = () => t.clock.now().getTime();
  const today = () => shanghaiDate(t.clock.now());
  const iso = (ms: number) => new Date(ms).toISOString();

  async function draft(s: Session, extra: Record<string, unknown> = {}) {
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/governance/decisions',
      payload: {
        compoundId,
        matter: 'use_fund',
        method: 'written',
        title: '使用专项维修资金更换 3 号楼电梯',
        description: '更换 3 号楼两台电梯，预算 120 万元',
        opensAt: iso(now() + 16 * DAY),
        closesAt: iso(now() + 30 * DAY),
        ...extra,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    // 《规定》 Art 25 ¶2: the written notices to the 房管机构 and the 居民委员会 (tested in duties.routes.test.ts).
    for (const recipient of ['housing_office', 'residents_committee']) {
      const n = await s.request({
        method: 'POST',
        url: `/api/v1/governance/decisions/${res.json().id}/meeting-notices`,
        payload: { recipient, recipientName: '花木', notifiedOn: today() },
      });
      expect(n.statusCode, n.body).toBe(200);
    }
    return res.json();
  }
  const act = (s: Session, id: string, body: Record<string, unknown>) =>
    s.request({ method: 'POST', url: `/api/v1/governance/decisions/${id}/actions`, payload: body });

  it('runs a fund-use vote from draft to a published result reproducible with `gongzhi tally`', async () => {
    const d = await draft(ywh);
    expect(d).toMatchObject({ status: 'draft', rule: 'majority', allowedActions: ['open', 'cancel'] });

    // The notice must be up 15 days before voting opens (《物业管理条例》 Art 14).
    const late = await act(ywh, d.id, {
      action: 'open',
      version: d.version,
      noticePostedOn: iso(now() + 2 * DAY).slice(0, 10),
    });
    expect(late.statusCode).toBe(400);
    const short = await draft(ywh, { opensAt: iso(now() + 10 * DAY) });
    const shortRes = await act(ywh, short.id, { action: 'open', version: 1, noticePostedOn: today() });
    expect(shortRes.statusCode).toBe(400);
    expect(shortRes.json().error.code).toBe('governance.decision_notice_too_short');
    expect(shortRes.json().error.message).toMatch(/15 日前通知全体业主/);

    // The residents' committee sees but cannot run it; another street sees nothing.
    expect((await act(rc, d.id, { action: 'open', version: 1, noticePostedOn: today() })).statusCode).toBe(
      403,
    );
    expect(
      (await outsider.request({ method: 'GET', url: `/api/v1/governance/decisions/${d.id}` })).statusCode,
    ).toBe(404);

    const opened = await act(ywh, d.id, { action: 'open', version: d.version, noticePostedOn: today() });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ status: 'open', acceptingBallots: false, noticePostedOn: today() });
    const unitCount = opened.json().unitCount;
    expect(unitCount).toBeGreaterThan(5);

    const inv = await ywh.request({
      method: 'POST',
      url: `/api/v1/governance/decisions/${d.id}/invitations`,
      payload: {},
    });
    expect(inv.statusCode).toBe(200);
    const codes: { unitId: string; label: string; code: string }[] = inv.json().items;
    expect(codes).toHaveLength(unitCount);
    expect(codes[0].code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(new Set(codes.map((c) => c.code)).size).toBe(unitCount);

    const roll = (
      await ywh.request({ method: 'GET', url: `/api/v1/governance/decisions/${d.id}/roll?limit=500` })
    ).json().items as { unitId: string; ownerId: string; developer: boolean }[];
    const ownerOf = new Map(roll.map((r) => [r.unitId, r.ownerId]));

    // Before the window opens the code works for looking, not for voting.
    const look = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ballots/lookup',
      payload: { code: codes[0].code.toLowerCase() },
    });
    expect(look.statusCode).toBe(200);
    expect(look.json()).toMatchObject({ accepting: false, alreadyVoted: false, unitLabel: codes[0].label });
    const early = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ballots',
      payload: { code: codes[0].code, choice: 'yes' },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('governance.not_accepting');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ballots',
      payload: { code: 'AAAA-BBBB-CCCC', choice: 'yes' },
    });
    expect(wrong.statusCode).toBe(404);

    await advance(16 * DAY);

    // Owners vote with their codes: one ballot per owner, whichever of their units' codes they use.
    const voted = new Set<string>();
    let i = 0;
    for (const c of codes) {
      const owner = ownerOf.get(c.unitId)!;
      i++;
      if (i % 5 === 0) continue; // some stay away
      const choice = i % 7 === 0 ? 'no' : i % 11 === 0 ? 'abstain' : 'yes';
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/ballots',
        headers: { 'x-forwarded-for': `10.0.${i % 250}.1` },
        payload: { code: c.code, choice },
      });
      if (voted.has(owner)) {
        expect(res.statusCode).toBe(409);
        expect(res.json().error.code).toBe('governance.already_voted');
      } else {
        expect(res.statusCode, res.body).toBe(200);
        voted.add(owner);
      }
      if (voted.size >= 12) break;
    }

    // A concurrent double submission records one ballot: one 200, the other 409.
    const fresh = codes.find((c) => !voted.has(ownerOf.get(c.unitId)!))!;
    const pair = await Promise.all(
      [0, 1].map(() =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/ballots',
          payload: { code: fresh.code, choice: 'yes' },
        }),
      ),
    );
    expect(pair.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    voted.add(ownerOf.get(fresh.unitId)!);

    // Desk: a signed paper ballot, and a proxy needs the written authorisation.
    const deskUnit = codes.find((c) => !voted.has(ownerOf.get(c.unitId)!))!;
    const noProxyDoc = await ywh.request({
      method: 'POST',
      url: `/api/v1/governance/decisions/${d.id}/ballots`,
      payload: { unitId: deskUnit.unitId, choice: 'no', channel: 'proxy', proxyName: '李四' },
    });
    expect(noProxyDoc.statusCode).toBe(400);
    const desk = await ywh.request({
      method: 'POST',
      url: `/api/v1/governance/decisions/${d.id}/ballots`,
      payload: {
        unitId: deskUnit.unitId,
        choice: 'no',
        channel: 'proxy',
        proxyName: '李四',
        proxyDocument: '授权委托书 2026-001',
      },
    });
    expect(desk.statusCode, desk.body).toBe(200);
    expect(desk.json()).toMatchObject({
      channel: 'proxy',
      proxyName: '李四',
      recordedByName: '业委会 王主任',
    });
    voted.add(ownerOf.get(deskUnit.unitId)!);
    const deskAgain = await huamu.request({
      method: 'POST',
      url: `/api/v1/governance/decisions/${d.id}/ballots`,
      payload: { unitId: deskUnit.unitId, choice: 'yes' },
    });
    expect(deskAgain.statusCode).toBe(409);

    const provisional = await rc.request({
      method: 'GET',
      url: `/api/v1/governance/decisions/${d.id}/result`,
    });
    expect(provisional.statusCode).toBe(200);
    expect(provisional.json()).toMatchObject({
      provisional: true,
      tally: { participatingPersons: voted.size },
    });

    // Not everyone voted and the period runs on: it cannot be closed yet.
    let view = (await ywh.request({ method: 'GET', url: `/api/v1/governance/decisions/${d.id}` })).json();
    expect(view.allowedActions).toEqual([]);
    const tooEarly = await act(ywh, d.id, { action: 'close', version: view.version });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().error.code).toBe('governance.close_too_early');

    await advance(15 * DAY);
    const afterClose = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ballots',
      payload: { code: codes[0].code, choice: 'yes' },
    });
    expect(afterClose.statusCode).toBe(409);
    view = (await ywh.request({ method: 'GET', url: `/api/v1/governance/decisions/${d.id}` })).json();
    expect(view.allowedActions).toEqual(['close']);
    const closed = await act(ywh, d.id, { action: 'close', version: view.version });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      ballotCount: voted.size,
      allowedActions: ['publish'],
    });
    expect(closed.json().publishDueOn).not.toBeNull();

    const result = (
      await huamu.request({ method: 'GET', url: `/api/v1/governance/decisions/${d.id}/result` })
    ).json();
    expect(result.provisional).toBe(false);
    expect(result.tally.participatingPersons).toBe(voted.size);
    expect(
      result.checks.map((c: { key: string; fraction: string; comparison: string }) => [
        c.key,
        c.fraction,
        c.comparison,
      ]),
    ).toEqual([
      ['quorum_area', '2/3', '≥'],
      ['quorum_persons', '2/3', '≥'],
      ['approval_area', '1/2', '>'],
      ['approval_persons', '1/2', '>'],
    ]);
    const { yes, no, abstain } = result.choices;
    expect(yes.persons + no.persons + abstain.persons).toBe(result.tally.participatingPersons);
    expect(result.channels).toEqual({ web: voted.size - 1, desk: 0, proxy: 1 });

    // The exported ballot file reproduces the result with the CLI.
    const file = await huamu.request({ method: 'GET', url: `/api/v1/governance/decisions/${d.id}/export` });
    expect(file.statusCode).toBe(200);
    expect(file.body).toMatch(/"registeredArea":\d+\.\d{2}/);
    const path = join(mkdtempSync(join(tmpdir(), 'gz-tally-')), 'ballots.json');
    writeFileSync(path, file.body);
    const cli = spawnSync(BIN, ['tally', path], { encoding: 'utf8' });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(result.tally);

    // 区分所有权解释 Art 12 for those who voted: one year from the day voting closed.
    const closedOn = today();
    // Publish three days later: the notice period starts; owners of the compound now see the decision.
    t.clock.advance(3 * DAY);
    huamu = await t.login('huamu');
    const published = await act(huamu, d.id, { action: 'publish', version: closed.json().version });
    const publishedOn = today();
    t.clock.advance(-3 * DAY); // the other tests' sessions stay valid
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published' });
    expect(published.json().noticeEndsOn).toBe(
      new Date(Date.parse(`${publishedOn}T00:00:00Z`) + 15 * DAY).toISOString().slice(0, 10),
    );
    // 区分所有权解释 Art 12: one year from the posting (a last day off moves to the next working day).
    const yearOn = `${Number(publishedOn.slice(0, 4)) + 1}${publishedOn.slice(4)}`;
    const until = published.json().challengeUntil as string;
    expect(until >= yearOn && Date.parse(until) - Date.parse(yearOn) <= 10 * DAY).toBe(true);
    // The voters' year runs from the close, not from the posting (earlier by the three days, unless a day
    // off moved one of them).
    const votersYear = `${Number(closedOn.slice(0, 4)) + 1}${closedOn.slice(4)}`;
    const voters = published.json().challengeVotersUntil as string;
    expect(voters >= votersYear && Date.parse(voters) - Date.parse(votersYear) <= 10 * DAY).toBe(true);
    expect(voters < until).toBe(true);
    const owner = await t.login('owner');
    const mine = (await owner.request({ method: 'GET', url: '/api/v1/governance/decisions' })).json();
    expect(mine.items.map((x: { id: string }) => x.id)).toEqual([d.id]);
    expect(
      (await owner.request({ method: 'GET', url: `/api/v1/governance/decisions/${d.id}/result` })).statusCode,
    ).toBe(200);
    expect(
      (await owner.request({ method: 'GET', url: `/api/v1/governance/decisions/${short.id}` })).statusCode,
    ).toBe(404);
    expect(
      (await owner.request({ method: 'GET', url: `/api/v1/governance/decisions/${d.id}/export` })).statusCode,
    ).toBe(404);

    // Every write is in the audit log.
    const actions = await t.deps.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', d.id)
      .execute();
    const names = actions.map((a) => a.action);
    for (const a of ['create', 'open', 'close', 'publish', 'export'])
      expect(names).toContain(`governance.decision.${a}`);
    expect(names.filter((a) => a === 'governance.ballot.record')).toHaveLength(voted.size);
  });

  it('counts a part of the compound (部分共用部分) on its own roll, with the three-quarter rule for raising funds', async () => {
    const buildings = (
      await ywh.request({ method: 'GET', url: `/api/v1/compounds/${compoundId}/buildings` })
    ).json().items;
    const b = buildings[0];
    const d = await draft(huamu, {
      scope: 'buildings',
      buildingIds: [b.id],
      matter: 'raise_fund',
      title: '1号楼续筹维修资金',
    });
    expect(d.rule).toBe('three_quarters');
    expect(d.buildings).toEqual([{ id: b.id, name: b.name }]);
    const opened = await act(huamu, d.id, { action: 'open', version: 1, noticePostedOn: today() });
    expect(opened.json().unitCount).toBe(b.unitCount);
    // Every owner votes at the desk: then it may be closed before the period ends.
    await advance(16 * DAY);
    const roll = (
      await huamu.request({ method: 'GET', url: `/api/v1/governance/decisions/${d.id}/roll?limit=500` })
    ).json().items;
    const owners = new Map<string, string>();
    for (const r of roll) if (!owners.has(r.ownerId)) owners.set(r.ownerId, r.unitId);
    let k = 0;
    for (const unitId of owners.values()) {
      const res = await huamu.request({
        method: 'POST',
        url: `/api/v1/governance/decisions/${d.id}/ballots`,
        payload: { unitId, choice: k++ % 4 === 0 ? 'no' : 'yes' },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const view = (await huamu.request({ method: 'GET', url: `/api/v1/governance/decisions/${d.id}` })).json();
    expect(view.allowedActions).toContain('close');
    const closed = await act(huamu, d.id, { action: 'close', version: view.version });
    expect(closed.statusCode, closed.body).toBe(200);
    const r = (
      await huamu.request({ method: 'GET', url: `/api/v1/governance/decisions/${d.id}/result` })
    ).json();
    expect(r.tally).toMatchObject({
      rule: 'three_quarters',
      totalPersons: owners.size,
      participatingPersons: owners.size,
      quorumMet: true,
    });
    const approvalPersons = r.checks.find((c: { key: string }) => c.key === 'approval_persons');
    expect(approvalPersons).toMatchObject({ fraction: '3/4', comparison: '≥', base: String(owners.size) });
    expect(approvalPersons.met).toBe(Number(approvalPersons.actual) * 4 >= owners.size * 3);
  });

  it('rejects a stale version and an action in the wrong state', async () => {
    const d = await draft(ywh);
    const a = await act(ywh, d.id, { action: 'cancel', version: d.version });
    expect(a.statusCode).toBe(200);
    const b = await act(ywh, d.id, { action: 'open', version: d.version, noticePostedOn: today() });
    expect(b.statusCode).toBe(409);
    const c = await act(ywh, d.id, { action: 'publish', version: a.json().version });
    expect(c.statusCode).toBe(409);
    expect(c.json().error.code).toBe('governance.decision_invalid_status');
    const en = await ywh.request({
      method: 'POST',
      url: `/api/v1/governance/decisions/${d.id}/actions`,
      headers: { 'accept-language': 'en' },
      payload: { action: 'publish', version: a.json().version },
    });
    expect(en.json().error.message).toMatch(/not possible now/);
  });
});
