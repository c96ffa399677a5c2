// The signed-in owner's own decisions and ballot (issue 9 §4): the account is the identity, no invitation code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '../../../../domain/calendar.js';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../../test/harness.js';

const DAY = 86_400_000;

interface OwnDecision {
  id: string;
  accepting: boolean;
  ballotCount: number;
  units: { unitId: string; label: string; mayVote: boolean; voted: boolean }[];
  myBallot: { choice: string; unitId: string } | null;
}

describe.each(DB_KINDS)('an owner votes as their account (%s)', (kind) => {
  let t: TestApp;
  let huamu: Session; // street office: runs the decision
  let owner: Session; // demo owner of the journey compound
  let neighbour: Session; // another owner of the same compound
  let elsewhere: Session; // an owner of another compound
  let compoundId: string;
  let ownerUnitIds: string[];
  let neighbourUnitId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    huamu = await t.login('huamu');
    owner = await t.login('owner');
    const admin = await t.login('admin');
    const me = (await owner.request({ method: 'GET', url: '/api/v1/auth/me' })).json();
    const ownerId = me.roles[0].scopeId as string;
    const units = (await owner.request({ method: 'GET', url: '/api/v1/owner/units' })).json().items;
    compoundId = units[0].compoundId;
    ownerUnitIds = units.map((u: { unitId: string }) => u.unitId);
    const owners = (
      await admin.request({ method: 'GET', url: `/api/v1/compounds/${compoundId}/owners?limit=200` })
    ).json().items as { id: string; kind: string; units: { id: string }[] }[];
    const other = owners.find(
      (o) => o.id !== ownerId && o.kind === 'person' && o.units.every((u) => !ownerUnitIds.includes(u.id)),
    )!;
    neighbourUnitId = other.units[0].id;
    neighbour = await t.account('neighbour', [{ role: 'owner', scopeType: 'own_units', scopeId: other.id }]);
    const compounds = (await admin.request({ method: 'GET', url: '/api/v1/compounds?limit=20' })).json()
      .items;
    const otherCompound = compounds.find((c: { id: string }) => c.id !== compoundId);
    const far = (
      await admin.request({ method: 'GET', url: `/api/v1/compounds/${otherCompound.id}/owners?limit=5` })
    ).json().items[0];
    elsewhere = await t.account('elsewhere', [{ role: 'owner', scopeType: 'own_units', scopeId: far.id }]);
  });
  afterAll(() => t.close());

  const iso = (ms: number) => new Date(ms).toISOString();
  const now = () => t.clock.now().getTime();

  /** A decision of the compound, open for voting now (noticed 16 days ago). */
  async function openDecision(title: string, closesIn = 10 * DAY) {
    const d = (
      await huamu.request({
        method: 'POST',
        url: '/api/v1/governance/decisions',
        payload: {
          compoundId,
          matter: 'use_fund',
          method: 'written',
          title,
          description: '更换门禁',
          opensAt: iso(now() - 3_600_000),
          closesAt: iso(now() + closesIn),
        },
      })
    ).json();
    // 《规定》 Art 25 ¶2: the written notices to the 房管机构 and the 居民委员会 come first.
    for (const recipient of ['housing_office', 'residents_committee']) {
      const n = await huamu.request({
        method: 'POST',
        url: `/api/v1/governance/decisions/${d.id}/meeting-notices`,
        payload: { recipient, recipientName: '花木', notifiedOn: addDays(shanghaiDate(t.clock.now()), -16) },
      });
      expect(n.statusCode, n.body).toBe(200);
    }
    const opened = await huamu.request({
      method: 'POST',
      url: `/api/v1/governance/decisions/${d.id}/actions`,
      payload: {
        action: 'open',
        version: d.version,
        noticePostedOn: addDays(shanghaiDate(t.clock.now()), -16),
      },
    });
    expect(opened.statusCode, opened.body).toBe(200);
    return d.id as string;
  }

  const mine = async (s: Session): Promise<OwnDecision[]> => {
    const res = await s.request({ method: 'GET', url: '/api/v1/owner/decisions' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };
  const vote = (s: Session, id: string, unitId: string, choice = 'yes') =>
    s.request({ method: 'POST', url: `/api/v1/owner/decisions/${id}/ballot`, payload: { unitId, choice } });

  it('lists the open decisions of the owner’s compounds with their own units only', async () => {
    const id = await openDecision('使用维修资金更换门禁');
    const list = await mine(owner);
    const d = list.find((x) => x.id === id)!;
    expect(d).toMatchObject({ accepting: true, ballotCount: 0, myBallot: null });
    expect(d.units.length).toBeGreaterThan(0);
    expect(d.units.every((u) => ownerUnitIds.includes(u.unitId))).toBe(true);
    // Another compound's owner does not see it, and cannot vote on it.
    expect((await mine(elsewhere)).some((x) => x.id === id)).toBe(false);
    const far = await vote(elsewhere, id, d.units[0].unitId);
    expect(far.statusCode).toBe(404);
    expect(far.body).not.toContain('门禁');
    // Staff have their own lists: this one is for owners.
    expect((await huamu.request({ method: 'GET', url: '/api/v1/owner/decisions' })).statusCode).toBe(403);
  });

  it('counts one ballot per unit owner: valid, not the owner’s unit → 403, twice (even at once) → one vote', async () => {
    const id = await openDecision('续聘物业服务企业');
    const unit = (await mine(owner)).find((x) => x.id === id)!.units.find((u) => u.mayVote)!;

    const notMine = await vote(owner, id, neighbourUnitId);
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.code).toBe('governance.not_unit_owner');
    expect(notMine.json().error.message).toMatch(/不是该房屋的业主/);

    const [a, b] = await Promise.all([
      vote(owner, id, unit.unitId, 'yes'),
      vote(owner, id, unit.unitId, 'no'),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const again = await vote(owner, id, unit.unitId, 'abstain');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('governance.already_voted');

    const d = (await mine(owner)).find((x) => x.id === id)!;
    expect(d.ballotCount).toBe(1);
    expect(d.myBallot).toMatchObject({ unitId: unit.unitId, choice: a.statusCode === 200 ? 'yes' : 'no' });
    expect(d.units.find((u) => u.unitId === unit.unitId)!.voted).toBe(true);
    // The neighbour's list shows their own units, not the owner's ballot.
    const theirs = (await mine(neighbour)).find((x) => x.id === id)!;
    expect(theirs.myBallot).toBeNull();
    expect(theirs.units.some((u) => ownerUnitIds.includes(u.unitId))).toBe(false);

    // Recorded under the unit's vote owner, on the web channel, and audited as the account.
    const roll = (
      await huamu.request({
        method: 'GET',
        url: `/api/v1/governance/decisions/${id}/roll?limit=500&voted=yes`,
      })
    ).json().items;
    expect(roll.map((r: { unitId: string; channel: string }) => [r.unitId, r.channel])).toContainEqual([
      unit.unitId,
      'web',
    ]);
    const audit = await t.deps.database.db
      .selectFrom('audit_log')
      .select(['actor_name', 'action'])
      .where('target_id', '=', id)
      .where('action', '=', 'governance.ballot.record')
      .execute();
    expect(audit).toEqual([{ actor_name: 'owner', action: 'governance.ballot.record' }]);
  });

  it('refuses ballots on a decision whose voting has ended, with a clear message', async () => {
    const id = await openDecision('改建非机动车棚', 2 * DAY);
    const unit = (await mine(owner)).find((x) => x.id === id)!.units.find((u) => u.mayVote)!;
    t.clock.advance(3 * DAY);
    [huamu, owner] = await Promise.all([t.login('huamu'), t.login('owner')]);
    const late = await vote(owner, id, unit.unitId);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('governance.not_accepting');
    const d = (await huamu.request({ method: 'GET', url: `/api/v1/governance/decisions/${id}` })).json();
    const closed = await huamu.request({
      method: 'POST',
      url: `/api/v1/governance/decisions/${id}/actions`,
      payload: { action: 'close', version: d.version },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const after = await vote(owner, id, unit.unitId);
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe('governance.voting_over');
    expect(after.json().error.message).toBe('本次表决的投票已经结束，不能再投票');
    // A closed decision is no longer among the owner's open ones.
    expect((await mine(owner)).some((x) => x.id === id)).toBe(false);
  });
});
