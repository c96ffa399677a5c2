// Deadline reminders and the daily trigger scan, driven through the job table with the test clock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, endOfShanghaiDay, shanghaiDate, startOfShanghaiDay } from '../../../domain/calendar.js';
import { FILING_MATERIALS } from '../../../domain/governance-duties.js';
import { jobHandlers } from '../../jobs.js';
import { writeTx } from '../../platform/deps.js';
import { workingCalendar } from '../../platform/working-calendar.js';
import { newId } from '../../platform/ids.js';
import { JobWorker } from '../../platform/jobs/jobs.js';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';
import { addTask } from './governance.common.js';
import { enqueueTriggerScan, triggerScanHandler } from './governance.jobs.js';
import * as repo from './governance.repo.js';

const HUAMU = '310115016';
const ZHANGJIANG = '310115125';

interface Item {
  id: string;
  kind: string;
  text: string;
  read: boolean;
}

describe.each(DB_KINDS)('governance jobs: deadline reminders and the trigger scan (%s)', (kind) => {
  let t: TestApp;
  let worker: JobWorker;
  let huamuCompound: { id: string; name: string };
  let zhangjiangCompound: { id: string; name: string };

  beforeAll(async () => {
    t = await startTestApp(kind);
    worker = new JobWorker(t.deps.database, t.deps.clock, jobHandlers(t.deps));
    const db = t.deps.database.db;
    const inStreet = (street: string) =>
      db
        .selectFrom('compounds')
        .select(['id', 'name'])
        .where('street_code', '=', street)
        .orderBy('id')
        .executeTakeFirstOrThrow();
    huamuCompound = await inStreet(HUAMU);
    zhangjiangCompound = await inStreet(ZHANGJIANG);
  });
  afterAll(() => t.close());

  const db = () => t.deps.database.db;
  const today = () => shanghaiDate(t.clock.now());

  /** Runs every due job; a handler that threw leaves its error on the job, which fails the test. */
  async function runDueJobs() {
    while ((await worker.tick()) > 0);
    const failed = await db()
      .selectFrom('jobs')
      .select(['queue', 'last_error'])
      .where('last_error', 'is not', null)
      .execute();
    expect(failed).toEqual([]);
  }

  const list = async (s: Session, lang = 'zh-CN'): Promise<Item[]> => {
    const res = await s.request({
      method: 'GET',
      url: '/api/v1/notifications?limit=100',
      headers: { 'accept-language': lang },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };

  /** Audit records of the reminders sent for one task. */
  const remindersOf = async (taskId: string) =>
    (
      await db()
        .selectFrom('audit_log')
        .select('action')
        .where('target_type', '=', 'gov_task')
        .where('target_id', '=', taskId)
        .orderBy('at')
        .execute()
    ).map((r) => r.action);

  const reminderJobs = (taskId: string) =>
    db()
      .selectFrom('jobs')
      .select(['dedupe_key', 'run_at'])
      .where('queue', '=', 'governance.task')
      .where('dedupe_key', 'like', `gov:${taskId}:%`)
      .orderBy('run_at')
      .execute();

  it('warns the street office on the day a street task turns due soon, then reports it overdue', async () => {
    const huamu = await t.login('huamu');
    // The owners' written request starts the formation; the street must form the 筹备组 within 60 days.
    const started = await huamu.request({
      method: 'POST',
      url: `/api/v1/governance/compounds/${huamuCompound.id}/formation`,
      payload: { triggerKind: 'owners_request', requestedOn: today() },
    });
    expect(started.statusCode, started.body).toBe(200);
    const task = await db()
      .selectFrom('gov_tasks')
      .selectAll()
      .where('compound_id', '=', huamuCompound.id)
      .where('kind', '=', 'preparatory_group')
      .executeTakeFirstOrThrow();
    expect(task.responsible).toBe('street');
    const due = task.due_on;
    // 00:00 Shanghai five days before the last day, and 24:00 of the last day.
    expect(await reminderJobs(task.id)).toEqual([
      {
        dedupe_key: `gov:${task.id}:${due}:warn`,
        run_at: `${addDays(due, -6)}T16:00:00.000Z`,
      },
      { dedupe_key: `gov:${task.id}:${due}:due`, run_at: `${due}T16:00:00.000Z` },
    ]);

    await runDueJobs();
    expect(await remindersOf(task.id)).toEqual([]);

    t.clock.set(new Date(startOfShanghaiDay(addDays(due, -5)).getTime() - 1000));
    await runDueJobs();
    expect(await remindersOf(task.id)).toEqual([]);

    t.clock.set(startOfShanghaiDay(addDays(due, -5)));
    await runDueJobs();
    expect(await remindersOf(task.id)).toEqual(['governance.task.warning']);
    const street = await t.login('huamu');
    const warning = (await list(street)).find((n) => n.kind === 'governance.task.warning')!;
    expect(warning.text).toContain(huamuCompound.name);
    expect(warning.text).toContain('组建筹备组');
    expect(warning.text).toContain(due);
    const warningEn = (await list(street, 'en')).find((n) => n.id === warning.id)!;
    expect(warningEn.text).toContain('forming the preparatory group');
    expect(warningEn.text).toContain(due);

    t.clock.set(endOfShanghaiDay(due));
    await runDueJobs();
    expect(await remindersOf(task.id)).toEqual(['governance.task.warning', 'governance.task.overdue']);
    const overdue = (await list(await t.login('huamu'))).filter((n) => n.kind === 'governance.task.overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0].text).toContain('已超期');
    expect(overdue[0].text).toContain(due);
    // The developer's report was completed by the owners' request at once: its jobs found it done.
    const report = (await repo.taskOf(db(), task.subject_id, 'developer_report'))!;
    expect(report.done_on).not.toBeNull();
    expect(await reminderJobs(report.id)).toHaveLength(2);
    expect(await remindersOf(report.id)).toEqual([]);
  });

  it("reaches the committee members' own accounts (and the street) with a committee task", async () => {
    await t.account(
      'ywh',
      [{ role: 'owners_committee_member', scopeType: 'compound', scopeId: zhangjiangCompound.id }],
      '业委会 王主任',
    );
    const c = (await repo.compound(db(), zhangjiangCompound.id))!;
    const committeeId = newId();
    const now = t.clock.now().toISOString();
    const taskDue = await writeTx(t.deps, { id: null, name: 'test' }, null, async (trx) => {
      await trx
        .insertInto('committees')
        .values({
          id: committeeId,
          compound_id: c.id,
          term_no: 1,
          seats: 5,
          elected_on: addDays(today(), -40),
          term_years: 5,
          term_ends_on: addDays(today(), 5 * 365),
          status: 'current',
          formation_id: null,
          election_decision_id: null,
          filing_status: 'none',
          filing_submitted_on: null,
          filing_decided_on: null,
          filing_note: null,
          reelection_reported_on: null,
          created_by: null,
          created_at: now,
          updated_at: now,
          version: 1,
        })
        .execute();
      return addTask(trx, (await workingCalendar(trx)).calendar, now, {
        compound: c,
        subjectType: 'committee',
        subjectId: committeeId,
        kind: 'committee_filing',
        responsible: 'committee',
        from: today(),
        amount: 30,
        legalRef: '《规定》 Art 23 ¶1',
      });
    });

    t.clock.set(endOfShanghaiDay(taskDue));
    await runDueJobs();
    const ywh = await t.login('ywh', 'ywh-password-1');
    const mine = await list(ywh);
    // The warning ran late (its day had passed when the clock jumped): only the overdue reminder is sent.
    expect(mine.map((n) => n.kind)).toEqual(['governance.task.overdue']);
    expect(mine[0].text).toContain(zhangjiangCompound.name);
    expect(mine[0].text).toContain('业委会办理备案');
    expect(mine[0].read).toBe(false);
    // The street supervises: its office hears too; a street office elsewhere does not see the member's row.
    const zhangjiang = await t.login('zhangjiang');
    expect((await list(zhangjiang)).filter((n) => n.text.includes('业委会办理备案'))).toHaveLength(1);
    const huamu = await t.login('huamu');
    expect((await list(huamu)).map((n) => n.id)).not.toContain(mine[0].id);
    expect(
      (await huamu.request({ method: 'POST', url: `/api/v1/notifications/${mine[0].id}/read` })).statusCode,
    ).toBe(404);
    // The member marks their own notification read.
    expect(
      (await ywh.request({ method: 'POST', url: `/api/v1/notifications/${mine[0].id}/read` })).statusCode,
    ).toBe(200);
    expect((await list(ywh))[0].read).toBe(true);
  });

  it('sends nothing for a stale job: the task done, or its day moved (a filing submitted again)', async () => {
    const committee = (await repo.currentCommittee(db(), zhangjiangCompound.id))!;
    const now = t.clock.now().toISOString();
    // A filing refused by the street: its filing_decision task is done.
    const oldDue = await writeTx(t.deps, { id: null, name: 'test' }, null, async (trx) => {
      await trx
        .updateTable('committees')
        .set({
          filing_status: 'rejected',
          filing_submitted_on: addDays(today(), -5),
          filing_decided_on: today(),
        })
        .where('id', '=', committee.id)
        .execute();
      const due = await addTask(trx, (await workingCalendar(trx)).calendar, now, {
        compound: (await repo.compound(trx, zhangjiangCompound.id))!,
        subjectType: 'committee',
        subjectId: committee.id,
        kind: 'filing_decision',
        responsible: 'street',
        from: addDays(today(), -5),
        amount: 20,
        legalRef: '《规定》 Art 34',
      });
      await repo.completeTask(trx, committee.id, 'filing_decision', today(), now);
      // The file holds the six materials of 《规定》 Art 23 ¶1 (submit_filing checks them).
      for (const material of FILING_MATERIALS) {
        await trx
          .insertInto('committee_filing_materials')
          .values({
            id: newId(),
            committee_id: committee.id,
            compound_id: zhangjiangCompound.id,
            material,
            provided_on: addDays(today(), -6),
            description: '备案材料',
            created_by: null,
            created_at: now,
            updated_at: now,
            version: 1,
          })
          .execute();
      }
      return due;
    });
    const task = (await repo.taskOf(db(), committee.id, 'filing_decision'))!;
    t.clock.set(startOfShanghaiDay(addDays(oldDue, -5)));
    await runDueJobs();
    expect(await remindersOf(task.id)).toEqual([]); // done

    // The committee submits again: the task reopens with a new last day, 20 days on.
    const ywh = await t.login('ywh', 'ywh-password-1');
    const k = (
      await ywh.request({ method: 'GET', url: `/api/v1/governance/committees/${committee.id}` })
    ).json();
    const submitted = await ywh.request({
      method: 'POST',
      url: `/api/v1/governance/committees/${committee.id}/actions`,
      payload: { action: 'submit_filing', on: today(), version: k.version },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    // Art 34: the 20 days run from the street's acceptance (受理), recorded the same day here.
    const street0 = await t.login('zhangjiang');
    const received = await street0.request({
      method: 'POST',
      url: `/api/v1/governance/committees/${committee.id}/actions`,
      payload: { action: 'receive_filing', on: today(), version: submitted.json().version },
    });
    expect(received.statusCode, received.body).toBe(200);
    const reopened = (await repo.taskOf(db(), committee.id, 'filing_decision'))!;
    expect(reopened.done_on).toBeNull();
    expect(reopened.due_on > oldDue).toBe(true);
    expect((await reminderJobs(task.id)).map((j) => j.dedupe_key)).toEqual([
      `gov:${task.id}:${oldDue}:warn`,
      `gov:${task.id}:${oldDue}:due`,
      `gov:${task.id}:${reopened.due_on}:warn`,
      `gov:${task.id}:${reopened.due_on}:due`,
    ]);

    // The old day passes: its overdue job is stale and sends nothing.
    t.clock.set(endOfShanghaiDay(oldDue));
    await runDueJobs();
    expect(await remindersOf(task.id)).toEqual([]);
    // The new day's reminders do reach the street office.
    t.clock.set(startOfShanghaiDay(addDays(reopened.due_on, -5)));
    await runDueJobs();
    t.clock.set(endOfShanghaiDay(reopened.due_on));
    await runDueJobs();
    expect(await remindersOf(task.id)).toEqual(['governance.task.warning', 'governance.task.overdue']);
    const street = await list(await t.login('zhangjiang'));
    expect(street.filter((n) => n.text.includes('街镇完成备案')).map((n) => n.kind)).toEqual([
      'governance.task.overdue',
      'governance.task.warning',
    ]);
  });

  it('opens the developer report once per compound, never where a committee or formation exists, and hands it to a formation', async () => {
    const developerReports = () =>
      db()
        .selectFrom('gov_tasks')
        .select(['id', 'compound_id', 'subject_type', 'subject_id', 'due_on', 'responsible'])
        .where('kind', '=', 'developer_report')
        .orderBy('compound_id')
        .execute();
    const triggerNotices = async () => {
      const rows = await db()
        .selectFrom('notifications')
        .leftJoin('organisations', 'organisations.id', 'notifications.org_id')
        .select(['organisations.type', 'notifications.user_id'])
        .where('notifications.kind', '=', 'governance.trigger')
        .execute();
      expect(rows.every((r) => r.type === 'housing_office' && r.user_id === null)).toBe(true);
      return rows.length;
    };
    const compounds = await db().selectFrom('compounds').select(['id', 'street_code']).execute();
    // The seeded compounds were registered (2026) long after their duty arose: 既有小区, no task is counted from
    // those old days (isExistingCompound). Here they were registered before it (1980) — all but one.
    const existing = compounds.find((c) => c.id !== huamuCompound.id && c.id !== zhangjiangCompound.id)!;
    await db()
      .updateTable('compounds')
      .set({ created_at: '1980-01-01T00:00:00.000Z' })
      .where('id', '!=', existing.id)
      .execute();
    const before = await developerReports();

    // Batches of 7 so that the keyset walk takes several pages.
    const scan = triggerScanHandler(t.deps, 7);
    const job = {
      id: 'test',
      queue: 'governance.scan',
      payload: {},
      attempts: 1,
      maxAttempts: 5,
      lockedBy: 'test',
    };
    await scan({}, job);
    const first = await developerReports();
    const atCompound = first.filter((r) => r.subject_type === 'compound');
    // Every seeded compound was delivered years ago: all but the one forming, the one with a committee and the
    // one registered after its duty arose.
    expect(atCompound.map((r) => r.compound_id).sort()).toEqual(
      compounds
        .map((c) => c.id)
        .filter((id) => id !== huamuCompound.id && id !== zhangjiangCompound.id && id !== existing.id)
        .sort(),
    );
    expect(first.filter((r) => r.compound_id === existing.id)).toEqual([]);
    expect(atCompound.every((r) => r.subject_id === r.compound_id && r.responsible === 'developer')).toBe(
      true,
    );
    expect(first.filter((r) => r.compound_id === zhangjiangCompound.id)).toEqual([]);
    expect(first.filter((r) => r.compound_id === huamuCompound.id)).toEqual(before);
    const notices = await triggerNotices();
    // One notice per compound, to its street's 房管办.
    expect(notices).toBe(atCompound.length);

    await scan({}, job);
    expect(await developerReports()).toEqual(first);
    expect(await triggerNotices()).toBe(notices);

    // Tomorrow's scan is queued once, at 01:00 Shanghai.
    const tomorrow = addDays(today(), 1);
    const next = await db()
      .selectFrom('jobs')
      .select(['run_at'])
      .where('dedupe_key', '=', `gov-scan:${tomorrow}`)
      .execute();
    expect(next).toEqual([{ run_at: `${today()}T17:00:00.000Z` }]);
    expect(await enqueueTriggerScan(db(), t.clock, tomorrow)).toBe(false);

    // The tasks were overdue from the start: the street hears it once per compound, with no stale warning.
    await runDueJobs();
    const target = atCompound[0];
    expect(await remindersOf(target.id)).toEqual(['governance.task.overdue']);

    // The street starts the formation: the compound's task becomes the formation's, not a second row.
    const admin = await t.login('admin');
    const started = await admin.request({
      method: 'POST',
      url: `/api/v1/governance/compounds/${target.compound_id}/formation`,
      payload: {},
    });
    expect(started.statusCode, started.body).toBe(200);
    const formationId = started.json().formation.id;
    const after = (await developerReports()).filter((r) => r.compound_id === target.compound_id);
    expect(after).toEqual([{ ...target, subject_type: 'formation', subject_id: formationId }]);
    expect(started.json().formation.steps).toEqual([
      expect.objectContaining({ id: target.id, kind: 'developer_report', dueOn: target.due_on }),
    ]);
    await scan({}, job);
    expect((await developerReports()).filter((r) => r.compound_id === target.compound_id)).toEqual(after);
  });
});
