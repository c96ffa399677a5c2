import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate, statutoryDeadline } from '../../../../domain/calendar.js';
import { workingCalendar } from '../../../platform/working-calendar.js';
import { takeDecision } from '../../../test/governance-vote.js';

const DAY = 86_400_000;
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../../test/harness.js';

interface OwnerItem {
  id: string;
  kind: string;
  name: string;
  units: { id: string; label: string }[];
}

describe.each(DB_KINDS)(
  'governance records: publication, 变更备案, training, freeze, groups, arrears (%s)',
  (kind) => {
    let t: TestApp;
    let admin: Session;
    let huamu: Session;
    let rc: Session;
    let ywh: Session;
    let compoundId: string;
    let owners: OwnerItem[];
    let committeeId: string;

    beforeAll(async () => {
      t = await startTestApp(kind);
      admin = await t.login('admin');
      rc = await t.login('rc');
      huamu = await t.login('huamu');
      compoundId = (await rc.request({ method: 'GET', url: '/api/v1/compounds' })).json().items[0].id;
      ywh = await t.account(
        'ywh',
        [{ role: 'owners_committee_member', scopeType: 'compound', scopeId: compoundId }],
        '业委会 王主任',
      );
      owners = (
        await huamu.request({ method: 'GET', url: `/api/v1/compounds/${compoundId}/owners?limit=200` })
      )
        .json()
        .items.filter((o: OwnerItem) => o.kind === 'person');
      expect(owners.length).toBeGreaterThan(10);
      const recorded = await huamu.request({
        method: 'POST',
        url: `/api/v1/governance/compounds/${compoundId}/committees`,
        payload: {
          electedOn: today(),
          termYears: 5,
          seats: 5,
          members: owners.slice(0, 5).map((o, i) => ({
            ownerId: o.id,
            position: i === 0 ? 'chair' : i === 1 ? 'vice_chair' : 'member',
            undertakingSigned: true,
          })),
        },
      });
      expect(recorded.statusCode, recorded.body).toBe(200);
      committeeId = recorded.json().id;
    });
    afterAll(() => t.close());

    const today = () => shanghaiDate(t.clock.now());
    const committee = async (s: Session = huamu) =>
      (await s.request({ method: 'GET', url: `/api/v1/governance/committees/${committeeId}` })).json();
    const post = (s: Session, url: string, payload: Record<string, unknown>) =>
      s.request({ method: 'POST', url, payload });

    it('posts adopted resolutions within 3 days and tells the residents’ committee (Art 26 ¶3)', async () => {
      const k = await committee();
      expect(k.filingGaps).toEqual(['names_not_posted', 'untrained']);
      const all = k.members.map((m: { id: string }) => m.id);
      const meeting = await post(ywh, `/api/v1/governance/committees/${committeeId}/meetings`, {
        heldOn: today(),
        minutes: '讨论电梯维修方案',
        attendance: all.map((memberId: string) => ({ memberId, present: true })),
        resolutions: [
          { title: '同意启动电梯维修询价', signedBy: all.slice(0, 3) }, // 3 of 5: adopted
          { title: '更换门禁系统', signedBy: all.slice(0, 2) }, // 2 of 5: not adopted
        ],
      });
      expect(meeting.statusCode, meeting.body).toBe(200);
      const m = meeting.json().meetings[0];
      expect(m.publishDueOn >= today()).toBe(true);
      expect(m.publishedOn).toBeNull();
      const task = meeting
        .json()
        .tasks.find(
          (x: { subjectId: string; kind: string }) => x.subjectId === m.id && x.kind === 'resolution_notice',
        );
      expect(task).toMatchObject({ responsible: 'committee', subjectType: 'meeting', dueOn: m.publishDueOn });

      const url = `/api/v1/governance/committees/${committeeId}/meetings/${m.id}/publish`;
      expect((await post(rc, url, { on: today(), rcInformedOn: today() })).statusCode).toBe(403);
      const early = await post(ywh, url, { on: '2000-01-01', rcInformedOn: today() });
      expect(early.statusCode).toBe(400);
      expect(early.json().error.code).toBe('governance.date_before');
      const ok = await post(ywh, url, { on: today(), rcInformedOn: today() });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().meetings[0]).toMatchObject({ publishedOn: today(), rcInformedOn: today() });
      expect(ok.json().tasks.find((x: { subjectId: string }) => x.subjectId === m.id)).toMatchObject({
        doneOn: today(),
        state: 'done',
      });
      expect((await post(ywh, url, { on: today(), rcInformedOn: today() })).statusCode).toBe(409);

      // Nothing adopted: nothing to post.
      const none = await post(ywh, `/api/v1/governance/committees/${committeeId}/meetings`, {
        heldOn: today(),
        minutes: '例会',
        attendance: all.map((memberId: string) => ({ memberId, present: true })),
        resolutions: [{ title: '未通过事项', signedBy: all.slice(0, 2) }],
      });
      const m2 = none.json().meetings.find((x: { minutes: string }) => x.minutes === '例会');
      expect(m2.publishDueOn).toBeNull();
      const nothing = await post(
        ywh,
        `/api/v1/governance/committees/${committeeId}/meetings/${m2.id}/publish`,
        {
          on: today(),
          rcInformedOn: today(),
        },
      );
      expect(nothing.statusCode).toBe(409);
      expect(nothing.json().error.code).toBe('governance.nothing_to_publish');
    });

    it('keeps training records; the filing file lacks nothing once names are posted and all are trained', async () => {
      const k = await committee();
      const ids = k.members.map((m: { id: string }) => m.id);
      const url = `/api/v1/governance/committees/${committeeId}/trainings`;
      const body = {
        heldOn: today(),
        topic: '《上海市住宅物业管理规定》解读',
        trainer: '街道房管办',
        hours: 1.5,
      };
      expect((await post(ywh, url, { ...body, memberIds: ids })).statusCode).toBe(403);
      const stranger = await post(huamu, url, { ...body, memberIds: ['no-such-member'] });
      expect(stranger.statusCode).toBe(400);
      const first = await post(huamu, url, { ...body, memberIds: ids.slice(0, 2) });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json().trainings[0]).toMatchObject({ hours: '1.5', topic: body.topic });
      expect(first.json().trainings[0].attendees).toHaveLength(2);
      expect(
        first.json().members.filter((m: { trainedOn: string | null }) => m.trainedOn === today()),
      ).toHaveLength(2);
      expect(first.json().filingGaps).toContain('untrained');
      await post(huamu, url, { ...body, topic: '业委会履职培训', memberIds: ids.slice(2) });
      const posted = await post(ywh, `/api/v1/governance/committees/${committeeId}/actions`, {
        action: 'post_names',
        version: (await committee()).version,
        on: today(),
      });
      expect(posted.statusCode, posted.body).toBe(200);
      expect(posted.json().filingGaps).toEqual([]);
    });

    it('flags a serving member who now has an open 违法搭建 case (Art 20 ¶2, Art 31)', async () => {
      const member = (await committee()).members.find((m: { ownerId: string }) => m.ownerId === owners[2].id);
      expect(member.flags).toEqual([]);
      const hotline = await t.login('hotline');
      const report = await post(hotline, '/api/v1/cases', {
        channel: 'hotline12345',
        categoryCode: 'illegal_construction',
        description: '露台违法搭建',
        unitId: owners[2].units[0].id,
      });
      expect(report.statusCode, report.body).toBe(200);
      const flagged = (await committee()).members.find((m: { id: string }) => m.id === member.id);
      expect(flagged.flags).toEqual(['illegal_construction']);
    });

    it('files membership and document changes within 30 days, decided by the street (Arts 33, 34)', async () => {
      let k = await committee();
      const leaving = k.members[4];
      const ended = await post(
        ywh,
        `/api/v1/governance/committees/${committeeId}/members/${leaving.id}/end`,
        {
          version: leaving.version,
          on: today(),
          reason: 'resigned',
        },
      );
      expect(ended.statusCode, ended.body).toBe(200);
      const change = ended.json().changes.find((c: { kind: string }) => c.kind === 'members');
      expect(change).toMatchObject({
        status: 'pending',
        sourceType: 'member',
        sourceId: leaving.id,
        changedOn: today(),
      });
      expect(change.summary).toContain(leaving.name);
      expect(change.fileBy > today()).toBe(true);
      expect(ended.json().tasks.find((x: { subjectId: string }) => x.subjectId === change.id)).toMatchObject({
        kind: 'change_filing',
        responsible: 'committee',
        dueOn: change.fileBy,
      });

      const act = (s: Session, body: Record<string, unknown>) =>
        post(s, `/api/v1/governance/committees/${committeeId}/changes/${change.id}/actions`, body);
      // Two submissions of one version: one wins.
      const both = await Promise.all(
        [0, 1].map(() => act(ywh, { action: 'submit', version: 1, on: today() })),
      );
      expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect((await act(ywh, { action: 'decide', version: 2, on: today(), accepted: true })).statusCode).toBe(
        403,
      );
      // Art 34: the street accepts (受理) first; its 20 days run from that day, not from the submission.
      const unreceived = await act(huamu, { action: 'decide', version: 2, on: today(), accepted: true });
      expect(unreceived.statusCode).toBe(409);
      expect(unreceived.json().error.code).toBe('governance.filing_not_received');
      expect((await act(ywh, { action: 'receive', version: 2, on: today() })).statusCode).toBe(403);
      const received = await act(huamu, { action: 'receive', version: 2, on: today() });
      expect(received.statusCode, received.body).toBe(200);
      expect(received.json().changes.find((c: { id: string }) => c.id === change.id)).toMatchObject({
        status: 'submitted',
        receivedOn: today(),
      });
      const tasksOf = (k: { tasks: { subjectId: string; kind: string }[] }) =>
        k.tasks.filter((x) => x.subjectId === change.id).map((x) => x.kind);
      expect(tasksOf(received.json())).toEqual(
        expect.arrayContaining(['change_filing', 'change_filing_receipt', 'change_filing_decision']),
      );
      const accepted = await act(huamu, {
        action: 'decide',
        version: 3,
        on: today(),
        accepted: true,
        note: '材料齐全',
      });
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json().changes.find((c: { id: string }) => c.id === change.id)).toMatchObject({
        status: 'accepted',
        decidedOn: today(),
        note: '材料齐全',
      });
      expect(
        (await act(huamu, { action: 'decide', version: 4, on: today(), accepted: true })).statusCode,
      ).toBe(409);

      const manual = await post(ywh, `/api/v1/governance/committees/${committeeId}/changes`, {
        kind: 'name',
        summary: '业委会名称变更为“花木一号业主委员会”',
        changedOn: today(),
      });
      expect(manual.statusCode, manual.body).toBe(200);
      k = manual.json();
      expect(k.changes.map((c: { kind: string; status: string }) => [c.kind, c.status])).toEqual(
        expect.arrayContaining([
          ['name', 'pending'],
          ['members', 'accepted'],
        ]),
      );
      const bad = await post(ywh, `/api/v1/governance/committees/${committeeId}/changes`, {
        kind: 'members',
        summary: 'x',
        changedOn: today(),
      });
      expect(bad.statusCode).toBe(400);
    });

    it('freezes the assembly’s major matters while the 换届改选小组 works (Art 28 ¶4)', async () => {
      const draft = async (matter: string, s: Session = ywh) =>
        post(s, '/api/v1/governance/decisions', {
          compoundId,
          matter,
          method: 'written',
          title: `表决：${matter}`,
          opensAt: new Date(t.clock.now().getTime() + 20 * 86_400_000).toISOString(),
          closesAt: new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString(),
        });
      const before = await draft('use_fund');
      expect(before.statusCode, before.body).toBe(200);
      expect((await committee()).frozenMatters).toEqual([]);

      const reported = await post(ywh, `/api/v1/governance/committees/${committeeId}/actions`, {
        action: 'report_reelection',
        version: (await committee()).version,
        on: today(),
      });
      expect(reported.statusCode, reported.body).toBe(200);
      const person = (o: OwnerItem) => ({ name: o.name, role: 'owner', ownerId: o.id });
      const formed = await post(huamu, `/api/v1/governance/committees/${committeeId}/actions`, {
        action: 'form_reelection_group',
        version: reported.json().version,
        on: today(),
        members: [
          { name: '街道 张老师', role: 'street', leader: true },
          { name: '居委 周书记', role: 'residents_committee' },
          ...owners.slice(11, 14).map(person),
        ],
      });
      expect(formed.statusCode, formed.body).toBe(200);
      const k = formed.json();
      expect(k.frozenMatters).toEqual(
        expect.arrayContaining(['hire_or_dismiss_manager', 'use_fund', 'other_major']),
      );
      expect(k.frozenMatters).not.toContain('elect_committee');
      expect(k.allowedActions).toContain('hand_over_records');
      expect(k.tasks.find((x: { kind: string }) => x.kind === 'records_handover')).toMatchObject({
        responsible: 'committee',
        doneOn: null,
      });

      const frozen = await draft('hire_or_dismiss_manager');
      expect(frozen.statusCode).toBe(409);
      expect(frozen.json().error.code).toBe('governance.reelection_freeze');
      expect(frozen.json().error.message).toContain('选聘和解聘物业服务企业');
      // The street cannot convene it either; the election itself goes ahead.
      expect((await draft('raise_fund', huamu)).statusCode).toBe(409);
      expect((await draft('elect_committee', huamu)).statusCode).toBe(200);
      // A draft made before the freeze cannot be opened during it.
      const d = before.json();
      const open = await post(ywh, `/api/v1/governance/decisions/${d.id}/actions`, {
        action: 'open',
        version: d.version,
        noticePostedOn: today(),
      });
      expect(open.statusCode).toBe(409);
      expect(open.json().error.code).toBe('governance.reelection_freeze_repair');

      // Art 28 ¶4 (二): fee standards are their own matter, frozen; (三): a repair the 管理规约 provides for is not.
      const fees = await draft('adjust_fees');
      expect(fees.statusCode).toBe(409);
      expect(fees.json().error.message).toContain('第二十八条第四款第（二）项');
      const post2 = (matter: string, statuteClause: string) =>
        post(ywh, '/api/v1/governance/decisions', {
          compoundId,
          matter,
          method: 'written',
          title: `表决：${matter}`,
          statuteClause,
          opensAt: new Date(t.clock.now().getTime() + 20 * 86_400_000).toISOString(),
          closesAt: new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString(),
        });
      const repair = await post2('use_fund', '管理规约第十二条（屋面防水维修）');
      expect(repair.statusCode, repair.body).toBe(200);
      expect(repair.json().statuteClause).toBe('管理规约第十二条（屋面防水维修）');
      const notRepair = await post2('hire_or_dismiss_manager', '管理规约第三条');
      expect(notRepair.statusCode).toBe(400);
      expect(notRepair.json().error.code).toBe('governance.statute_clause_not_repair');

      const handed = await post(ywh, `/api/v1/governance/committees/${committeeId}/actions`, {
        action: 'hand_over_records',
        version: k.version,
        on: today(),
      });
      expect(handed.statusCode, handed.body).toBe(200);
      expect(handed.json().allowedActions).not.toContain('hand_over_records');
    });

    it('exports the pending deadlines as an iCalendar file for the officer’s calendar', async () => {
      const pending = (
        await huamu.request({
          method: 'GET',
          url: `/api/v1/governance/tasks?compound=${compoundId}&limit=200`,
        })
      ).json().items;
      expect(pending.length).toBeGreaterThan(0);
      const res = await huamu.request({
        method: 'GET',
        url: `/api/v1/governance/tasks/calendar.ics?compound=${compoundId}`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/calendar');
      const unfolded = res.body.replace(/\r\n /g, '');
      expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(pending.length);
      const first = pending[0];
      expect(unfolded).toContain(`UID:${first.id}@gongzhi`);
      expect(unfolded).toContain(`DTSTART;VALUE=DATE:${first.dueOn.replaceAll('-', '')}`);
      expect(unfolded).toMatch(/SUMMARY:.+：.+（.+）/);
      const en = await huamu.request({
        method: 'GET',
        url: `/api/v1/governance/tasks/calendar.ics?compound=${compoundId}`,
        headers: { 'accept-language': 'en' },
      });
      expect(en.body).toContain('X-WR-CALNAME:Gongzhi: statutory deadlines');
    });

    it('shows the notice board to the compound’s owners and no one else (公告栏)', async () => {
      const makeOwner = (username: string, ownerId: string) =>
        t.account(username, [{ role: 'owner', scopeType: 'own_units', scopeId: ownerId }]);
      const mine = await makeOwner('owner-here', owners[8].id);
      const board = await mine.request({
        method: 'GET',
        url: `/api/v1/governance/compounds/${compoundId}/notices`,
      });
      expect(board.statusCode, board.body).toBe(200);
      const b = board.json();
      expect(b.committee.members.map((m: { name: string }) => m.name)).toEqual(
        expect.arrayContaining([owners[0].name, owners[1].name]),
      );
      expect(b.committee.members).toHaveLength(4); // one resigned
      expect(JSON.stringify(b)).not.toMatch(/1[3-9]\d{9}/); // names only, no phone numbers
      expect(b.resolutions).toEqual([
        expect.objectContaining({ publishedOn: today(), titles: ['同意启动电梯维修询价'] }),
      ]);
      const elsewhere = (await admin.request({ method: 'GET', url: '/api/v1/compounds?limit=50' }))
        .json()
        .items.find((c: { id: string }) => c.id !== compoundId);
      const stranger = (
        await admin.request({ method: 'GET', url: `/api/v1/compounds/${elsewhere.id}/owners?limit=5` })
      )
        .json()
        .items.find((o: OwnerItem) => o.kind === 'person');
      const other = await makeOwner('owner-there', stranger.id);
      const denied = await other.request({
        method: 'GET',
        url: `/api/v1/governance/compounds/${compoundId}/notices`,
      });
      expect(denied.statusCode).toBe(404);
    });

    it('forms owner groups per building with representatives who own there (Art 35)', async () => {
      // The committee's compound has a single building: no groups there.
      const single = (
        await huamu.request({ method: 'GET', url: `/api/v1/governance/compounds/${compoundId}` })
      ).json();
      expect(single.buildings).toHaveLength(1);
      const refused = await post(ywh, `/api/v1/governance/compounds/${compoundId}/owner-groups`, {
        buildingId: single.buildings[0].id,
        formedOn: today(),
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe('governance.owner_group_single_building');

      // A compound with several buildings: the test seed builds one per compound, so split one in two (the
      // administrator acts with street rights anywhere).
      const other = (await admin.request({ method: 'GET', url: '/api/v1/compounds?limit=50' }))
        .json()
        .items.find((c: { id: string }) => c.id !== compoundId);
      const db = t.deps.database.db;
      const now = new Date().toISOString();
      const [first] = await db
        .selectFrom('buildings')
        .select('id')
        .where('compound_id', '=', other.id)
        .execute();
      await db
        .insertInto('buildings')
        .values({
          id: `${first.id}-b2`,
          compound_id: other.id,
          name: '2号楼',
          floors: 6,
          created_at: now,
          updated_at: now,
          version: 1,
        })
        .execute();
      const moved = (
        await db.selectFrom('units').select('id').where('building_id', '=', first.id).orderBy('id').execute()
      )
        .filter((_, i) => i % 2 === 1)
        .map((u) => u.id);
      await db
        .updateTable('units')
        .set({ building_id: `${first.id}-b2` })
        .where('id', 'in', moved)
        .execute();
      const g = (
        await admin.request({ method: 'GET', url: `/api/v1/governance/compounds/${other.id}` })
      ).json() as {
        compoundId: string;
        buildings: { id: string; name: string }[];
        canManageOwnerGroups: boolean;
      };
      expect(g.buildings).toHaveLength(2);
      expect(g.canManageOwnerGroups).toBe(true);
      const building = g.buildings[0];
      const units = (
        await admin.request({ method: 'GET', url: `/api/v1/buildings/${building.id}/units?limit=500` })
      )
        .json()
        .items.map((u: { id: string }) => u.id);
      const people = (
        await admin.request({ method: 'GET', url: `/api/v1/compounds/${g.compoundId}/owners?limit=200` })
      )
        .json()
        .items.filter((o: OwnerItem) => o.kind === 'person') as OwnerItem[];
      const inside = people.find((o) => o.units.some((u) => units.includes(u.id)))!;
      const outside = people.find((o) => o.units.every((u) => !units.includes(u.id)))!;
      const url = `/api/v1/governance/compounds/${g.compoundId}/owner-groups`;
      expect((await post(ywh, url, { buildingId: building.id, formedOn: today() })).statusCode).toBe(404);
      const wrong = await post(admin, url, {
        buildingId: building.id,
        formedOn: today(),
        representativeOwnerIds: [inside.id, outside.id],
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.code).toBe('governance.owner_group_representative_outside');
      expect(wrong.json().error.message).toContain(outside.name);
      const both = await Promise.all(
        [0, 1].map(() =>
          post(admin, url, {
            buildingId: building.id,
            formedOn: today(),
            representativeOwnerIds: [inside.id],
          }),
        ),
      );
      expect(both.map((r) => r.statusCode).sort()).toEqual([200, 400]);
      const created = both.find((r) => r.statusCode === 200)!.json();
      const group = created.ownerGroups.find((x: { buildingId: string }) => x.buildingId === building.id);
      expect(group).toMatchObject({
        status: 'active',
        buildingName: building.name,
        representatives: [{ ownerId: inside.id, name: inside.name }],
        decisions: 0,
      });
      const dissolved = await post(admin, `/api/v1/governance/owner-groups/${group.id}/dissolve`, {
        version: group.version,
        on: today(),
      });
      expect(dissolved.statusCode, dissolved.body).toBe(200);
      expect(dissolved.json().ownerGroups[0]).toMatchObject({ status: 'dissolved', dissolvedOn: today() });
      // A new group may form on the building once the old one is dissolved.
      expect((await post(admin, url, { buildingId: building.id, formedOn: today() })).statusCode).toBe(200);
    });

    it('records arrears (serving property company or street); open arrears disqualify a candidate (Art 20 ¶2)', async () => {
      const wuye = await t.login('wuye');
      const served = (await wuye.request({ method: 'GET', url: '/api/v1/compounds?limit=50' })).json().items;
      let target: { id: string } | undefined;
      for (const c of served) {
        const g = await admin.request({ method: 'GET', url: `/api/v1/governance/compounds/${c.id}` });
        const mine = await wuye.request({
          method: 'GET',
          url: `/api/v1/governance/compounds/${c.id}/arrears`,
        });
        if (g.statusCode === 200 && mine.statusCode === 200) {
          target = c;
          break;
        }
      }
      expect(target, 'a compound the demo property company serves').toBeDefined();
      const cid = target!.id;
      const owner = (await admin.request({ method: 'GET', url: `/api/v1/compounds/${cid}/owners?limit=50` }))
        .json()
        .items.find((o: OwnerItem) => o.kind === 'person' && o.units.length > 0) as OwnerItem;
      const eligibility = async () =>
        (
          await admin.request({
            method: 'GET',
            url: `/api/v1/governance/compounds/${cid}/eligibility?owner=${owner.id}`,
          })
        ).json();
      expect((await eligibility()).unchecked.map((u: { code: string }) => u.code)).toContain('unpaid_fees');

      const url = `/api/v1/governance/compounds/${cid}/arrears`;
      const base = {
        unitId: owner.units[0].id,
        kind: 'service_fee',
        periodFrom: '2025-01-01',
        periodTo: '2025-12-31',
      };
      expect((await post(wuye, url, { ...base, amount: '12.345' })).json().error.code).toBe(
        'common.validation',
      );
      expect((await post(wuye, url, { ...base, amount: '0' })).json().error.code).toBe(
        'governance.amount_invalid',
      );
      expect((await post(wuye, url, { ...base, amount: '10', periodTo: '2024-12-31' })).statusCode).toBe(400);
      const other = (await admin.request({ method: 'GET', url: '/api/v1/compounds?limit=200' }))
        .json()
        .items.find((c: { id: string }) => !served.some((s: { id: string }) => s.id === c.id));
      expect(
        (await post(wuye, `/api/v1/governance/compounds/${other.id}/arrears`, { ...base, amount: '1' }))
          .statusCode,
      ).toBe(404);
      const recorded = await post(wuye, url, { ...base, amount: '1280.5', note: '2025 年度物业费' });
      expect(recorded.statusCode, recorded.body).toBe(200);
      expect(recorded.json()).toMatchObject({ amount: '1280.50', kind: 'service_fee', settledOn: null });

      let e = await eligibility();
      expect(e.eligible).toBe(false);
      expect(e.reasons.map((r: { code: string }) => r.code)).toContain('unpaid_fees');
      expect(e.unchecked.map((u: { code: string }) => u.code)).not.toContain('unpaid_fees');

      const list = (await wuye.request({ method: 'GET', url: `${url}?open=true` })).json();
      expect(list.items.map((a: { id: string }) => a.id)).toContain(recorded.json().id);
      const settle = (v: number) =>
        post(wuye, `/api/v1/governance/arrears/${recorded.json().id}/settle`, { version: v, on: today() });
      expect((await settle(1)).json()).toMatchObject({ settledOn: today(), version: 2 });
      expect((await settle(2)).statusCode).toBe(409);
      e = await eligibility();
      expect(e.reasons.map((r: { code: string }) => r.code)).not.toContain('unpaid_fees');
      expect(e.unchecked.map((u: { code: string }) => u.code)).not.toContain('unpaid_fees');
      expect((await wuye.request({ method: 'GET', url: `${url}?open=true` })).json().items).toHaveLength(0);
    });

    it('counts a document change filing from the decision, not from the posting of its result (Art 33 ¶1)', async () => {
      const advance = async (ms: number) => {
        t.clock.advance(ms);
        huamu = await t.login('huamu');
      };
      const decision = await takeDecision({
        t,
        session: () => huamu,
        compoundId,
        matter: 'management_statute',
        title: '修改管理规约（停车管理条款）',
        advance,
        publish: false,
      });
      const decidedOn = shanghaiDate(new Date(decision.closedAt));
      await advance(3 * DAY);
      const published = await post(huamu, `/api/v1/governance/decisions/${decision.id}/actions`, {
        action: 'publish',
        version: decision.version,
      });
      expect(published.statusCode, published.body).toBe(200);
      const k = await committee();
      const change = k.changes.find((c: { sourceId: string | null }) => c.sourceId === decision.id);
      expect(change).toMatchObject({ kind: 'management_statute', changedOn: decidedOn });
      const cal = (await workingCalendar(t.deps.database.db)).calendar;
      expect(change.fileBy).toBe(statutoryDeadline(cal, decidedOn, 30, 'd').lastDay);
      expect(k.tasks.find((x: { subjectId: string }) => x.subjectId === change.id)).toMatchObject({
        kind: 'change_filing',
        dueOn: change.fileBy,
        legalRef: '《规定》 Art 33 ¶1',
      });
    });
  },
);
