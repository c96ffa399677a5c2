import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { planScanHandler } from './plan.jobs.js';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

const HUAMU = '310115016';

/** A multipart/form-data body with one file in the field "file". */
function upload(content: string | Buffer, fileName = 'plan.csv') {
  const boundary = `----gongzhi${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(DB_KINDS)('plan: action plan import, progress reports, 督办, public page (%s)', (kind) => {
  let t: TestApp;
  let city: Session;
  let pudong: Session;
  let huamu: Session;
  let zhangjiang: Session;
  let chengguan: Session;
  let wuye: Session;
  let leadName: string;
  let leadOrg: string;
  let planId: string;
  let taskId: string;
  const base = '/api/v1/plans';
  const csv = (rows: string[]) =>
    ['序号,目标,任务,主要内容,时间节点,牵头部门,配合部门,实施部门', ...rows].join('\n');

  beforeAll(async () => {
    t = await startTestApp(kind);
    [city, pudong, huamu, zhangjiang, chengguan, wuye] = await Promise.all(
      ['city', 'pudong', 'huamu', 'zhangjiang', 'chengguan', 'wuye'].map((u) => t.login(u)),
    );
    const lead = await t.deps.database.db
      .selectFrom('user_roles')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .innerJoin('organisations', 'organisations.id', 'user_roles.scope_id')
      .select(['organisations.id', 'organisations.name'])
      .where('users.username', '=', 'chengguan')
      .executeTakeFirstOrThrow();
    leadName = lead.name;
    leadOrg = lead.id;
  });
  afterAll(() => t?.close());

  it('the city office creates the city plan; a district or street office may not', async () => {
    const payload = {
      divisionCode: '310000',
      title: '住宅小区综合管理三年行动计划（示例，非正式计划文本）',
      periodFrom: '2025-01-01',
      periodTo: '2027-12-31',
      illustrative: true,
      published: true,
    };
    expect((await pudong.request({ method: 'POST', url: base, payload })).statusCode).toBe(403);
    expect((await huamu.request({ method: 'POST', url: base, payload })).statusCode).toBe(403);
    const bad = await city.request({
      method: 'POST',
      url: base,
      payload: { ...payload, periodTo: '2024-12-31' },
    });
    expect(bad.json().error.code).toBe('plan.period_invalid');
    const res = await city.request({ method: 'POST', url: base, payload });
    expect(res.statusCode).toBe(200);
    planId = res.json().id;
    const tpl = await city.request({ method: 'GET', url: `${base}/template.csv` });
    expect(tpl.statusCode).toBe(200);
    expect(tpl.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(
      '序号,目标,任务,主要内容,时间节点,牵头部门,配合部门,实施部门',
    );
  });

  it('refuses a file with row errors as a whole, naming each row; nothing is written', async () => {
    const res = await city.request({
      method: 'POST',
      url: `${base}/${planId}/import?version=1`,
      ...upload(
        csv([
          `1,目标一,任务甲,内容,2026年6月底 完成调研,${leadName},,浦东新区`,
          `1,目标一,任务乙,内容,尽快,不存在的局,,浦东新区`,
          `3,目标二,任务丙,内容,2029-01-01 完成,${leadName},,火星街道`,
        ]),
      ),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('plan.invalid_rows');
    const errors = res.json().error.details.errors as { row: number; field: string; message: string }[];
    expect(errors.map((e) => `${e.row}:${e.field}`)).toEqual(['3:milestones', '4:milestones', '4:units']);
    expect(errors[2].message).toBe('未找到区或街镇“火星街道”');
    const again = await city.request({
      method: 'POST',
      url: `${base}/${planId}/import?version=1`,
      ...upload(csv([`1,,任务乙,内容,2026-12-31,不存在的局,,`, `1,,任务丙,内容,2026-12-31,${leadName},,`])),
    });
    expect(
      again.json().error.details.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`),
    ).toEqual(['2:lead', '3:seq']);
    expect((await city.request({ method: 'GET', url: `${base}/${planId}` })).json().tasks).toBe(0);
  });

  it('imports the plan all at once (dry run first); a second import is refused', async () => {
    const file = csv([
      `1,完善管理体制,健全三级联席会议,建立三级联席会议制度,2026年6月底 出台议事规则；2026-12-15 全面运行；2027-06-30 评估,${leadName},浦东新区公安分局,浦东新区；花木街道`,
      `2,完善管理体制,规范业委会运作,推进业委会组建,2026-03-31 完成调研；2027年6月 全覆盖,上海市房屋管理局,,浦东新区`,
      `3,提升服务水平,整治违法搭建,拆违,2027-10-31 完成,${leadName},,`,
    ]);
    const dry = await city.request({
      method: 'POST',
      url: `${base}/${planId}/import?version=1&dryRun=true`,
      ...upload(file),
    });
    expect(dry.json()).toEqual({ rows: 3, tasks: 3, milestones: 6, dryRun: true });
    expect(
      (await pudong.request({ method: 'POST', url: `${base}/${planId}/import?version=1`, ...upload(file) }))
        .statusCode,
    ).toBe(403);
    const res = await city.request({
      method: 'POST',
      url: `${base}/${planId}/import?version=1`,
      ...upload(file),
    });
    expect(res.json()).toEqual({ rows: 3, tasks: 3, milestones: 6, dryRun: false });
    const stale = await city.request({
      method: 'POST',
      url: `${base}/${planId}/import?version=1`,
      ...upload(file),
    });
    expect(stale.statusCode).toBe(409);
    const twice = await city.request({
      method: 'POST',
      url: `${base}/${planId}/import?version=2`,
      ...upload(file),
    });
    expect(twice.json().error.code).toBe('plan.not_empty');
  });

  it('shows tasks with milestone states on the Shanghai date and the roll-ups', async () => {
    const view = (await zhangjiang.request({ method: 'GET', url: `${base}/${planId}` })).json();
    expect(view).toMatchObject({ tasks: 3, illustrative: true, mayManage: false });
    expect(view.goals.map((g: { title: string }) => g.title)).toEqual(['完善管理体制', '提升服务水平']);
    // today 2026-11-26: 2026-06-30 and 2026-03-31 overdue; 2026-12-15 due soon
    expect(view.overall).toMatchObject({ done: 0, total: 6, percent: 0, overdue: 2, dueSoon: 1, tasks: 3 });
    expect(view.taskItems.map((x: { state: string }) => x.state)).toEqual(['overdue', 'overdue', 'on_track']);
    expect(view.byLead.map((x: { name: string; tasks: number }) => [x.name, x.tasks])).toEqual([
      [leadName, 2], // equal progress: by name (pinyin: 浦 before 上)
      ['上海市房屋管理局', 1],
    ]);
    expect(view.byDistrict).toMatchObject([{ districtCode: '310115', name: '浦东新区', tasks: 2 }]);
    taskId = view.taskItems[0].id;
    expect(view.taskItems[0].unitNames).toEqual(['浦东新区', '花木街道']);
    expect((await wuye.request({ method: 'GET', url: `${base}/${planId}` })).statusCode).toBe(403);
    expect((await chengguan.request({ method: 'GET', url: base })).json().items).toHaveLength(1);
    // an office opens every task; a department only those it leads or cooperates in
    expect(view.taskItems.every((x: { mayOpen: boolean }) => x.mayOpen)).toBe(true);
    const asLead = (await chengguan.request({ method: 'GET', url: `${base}/${planId}` })).json();
    expect(asLead.taskItems.map((x: { leadName: string; mayOpen: boolean }) => x.mayOpen)).toEqual(
      asLead.taskItems.map((x: { leadName: string }) => x.leadName === leadName),
    );
  });

  it('the lead reports progress and completes a milestone; a unit reports for itself only', async () => {
    const task = (await chengguan.request({ method: 'GET', url: `${base}/tasks/${taskId}` })).json();
    expect(task).toMatchObject({ mayReport: true, maySupervise: false, leadName });
    const first = task.milestones[0].id;
    const short = await chengguan.request({
      method: 'POST',
      url: `${base}/tasks/${taskId}/reports`,
      payload: { version: task.version, progress: '已出台', evidence: '见文件', milestoneIds: [first] },
    });
    expect(short.json().error.code).toBe('plan.evidence_insufficient');
    const done = await chengguan.request({
      method: 'POST',
      url: `${base}/tasks/${taskId}/reports`,
      payload: {
        version: task.version,
        progress: '议事规则已出台',
        evidence: '《联席会议议事规则》已印发，文号示例〔2026〕1号',
        milestoneIds: [first],
      },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().milestones[0]).toMatchObject({ state: 'done', doneOn: '2026-11-26' });
    expect(done.json().reports[0]).toMatchObject({ unitName: leadName, milestonesDone: ['出台议事规则'] });
    const v = done.json().version;
    const stale = await chengguan.request({
      method: 'POST',
      url: `${base}/tasks/${taskId}/reports`,
      payload: { version: task.version, progress: '再报', evidence: '再次报送的佐证材料说明' },
    });
    expect(stale.statusCode).toBe(409);
    const outsider = await zhangjiang.request({
      method: 'POST',
      url: `${base}/tasks/${taskId}/reports`,
      payload: { version: v, unitDivisionCode: HUAMU, progress: '越权', evidence: '越权报送的佐证材料说明' },
    });
    expect(outsider.json().error.code).toBe('plan.report_forbidden');
    const unitMilestone = await huamu.request({
      method: 'POST',
      url: `${base}/tasks/${taskId}/reports`,
      payload: {
        version: v,
        unitDivisionCode: HUAMU,
        progress: '本街道已运行',
        evidence: '街道联席会议已召开两次，有会议纪要',
        milestoneIds: [task.milestones[1].id],
      },
    });
    expect(unitMilestone.json().error.code).toBe('plan.milestone_lead_only');
    const unit = await huamu.request({
      method: 'POST',
      url: `${base}/tasks/${taskId}/reports`,
      payload: {
        version: v,
        unitDivisionCode: HUAMU,
        progress: '本街道已运行',
        evidence: '街道联席会议已召开两次，有会议纪要',
      },
    });
    expect(unit.statusCode).toBe(200);
    expect(unit.json().reports[0].unitName).toBe('花木街道');
  });

  it('督办: the district implementing the task notifies the lead; a street office may not', async () => {
    const task = (await pudong.request({ method: 'GET', url: `${base}/tasks/${taskId}` })).json();
    expect(task.maySupervise).toBe(true);
    expect(
      (
        await huamu.request({
          method: 'POST',
          url: `${base}/tasks/${taskId}/supervise`,
          payload: { version: task.version, note: '请加快' },
        })
      ).statusCode,
    ).toBe(403);
    const res = await pudong.request({
      method: 'POST',
      url: `${base}/tasks/${taskId}/supervise`,
      payload: { version: task.version, note: '请于月底前报送评估方案' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      supervisionCount: 1,
      supervisions: [{ byName: '浦东新区', note: '请于月底前报送评估方案' }],
    });
    const notes = await t.deps.database.db
      .selectFrom('notifications')
      .select(['org_id', 'text_zh'])
      .where('kind', '=', 'plan.supervise')
      .execute();
    expect(notes).toEqual([{ org_id: leadOrg, text_zh: expect.stringContaining('请于月底前报送评估方案') }]);
  });

  it('publishes progress without sign-in, in words, with no personal data', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/public/plan',
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      illustrative: true,
      asOf: '2026-11-26',
      overall: { done: 1, total: 6, percent: 16 },
    });
    expect(p.notice).toContain('示例，非正式计划文本');
    expect(p.tasks[0]).toMatchObject({
      seq: 1,
      percent: 33,
      stateWords: '即将到期',
      nextMilestone: '2026-12-15 全面运行',
    });
    expect(res.body).not.toContain('会议纪要');
    expect(res.body).not.toContain(leadOrg);
    expect(res.body).not.toMatch(/createdBy|evidence/);
  });

  it('the daily scan tells the lead of a milestone due soon and escalates an overdue one, once each', async () => {
    const job = {
      id: 'test',
      queue: 'plan.scan',
      payload: {},
      attempts: 1,
      maxAttempts: 5,
      lockedBy: 'test',
    };
    const scan = planScanHandler(t.deps, 1);
    const sent = async () =>
      t.deps.database.db
        .selectFrom('notifications')
        .innerJoin('organisations', 'organisations.id', 'notifications.org_id')
        .select(['notifications.kind', 'organisations.name', 'notifications.text_zh'])
        .where('notifications.kind', 'like', 'plan.milestone%')
        .orderBy('notifications.kind')
        .orderBy('organisations.name')
        .execute();
    await scan({}, job as never);
    const first = await sent();
    expect(first.map((n) => [n.kind, n.name])).toEqual([
      ['plan.milestone_due_soon', leadName], // task 1: 2026-12-15 全面运行
      ['plan.milestone_overdue', '上海市住宅小区综合管理联席会议办公室'], // task 2: 2026-03-31 完成调研
      ['plan.milestone_overdue', '上海市房屋管理局'],
    ]);
    expect(first[0].text_zh).toContain('全面运行（2026-12-15）');
    await scan({}, job as never);
    expect(await sent()).toHaveLength(3);
  });

  it('a district office runs its own plan from .xlsx; units outside the district are row errors (in English)', async () => {
    const res = await pudong.request({
      method: 'POST',
      url: base,
      payload: {
        divisionCode: '310115',
        title: '浦东新区实施方案',
        periodFrom: '2026-01-01',
        periodTo: '2027-12-31',
      },
    });
    expect(res.statusCode).toBe(200);
    const id = res.json().id;
    expect((await city.request({ method: 'GET', url: `${base}/${id}` })).json().mayManage).toBe(false);
    expect((await pudong.request({ method: 'GET', url: `${base}/${id}` })).json().mayManage).toBe(true);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('计划');
    sheet.addRow(['浦东新区实施方案（标题行）']);
    sheet.addRow(['序号', '任务', '主要内容', '时间节点', '牵头部门', '配合部门', '实施部门']);
    sheet.addRow([1, '本区任务', '内容', '2026年12月底 完成', leadName, '', '花木街道']);
    sheet.addRow([2, '外区任务', '内容', '2026-12-31 完成', leadName, '', '310101']);
    const u = upload(Buffer.from(await book.xlsx.writeBuffer()), 'plan.xlsx');
    const bad = await pudong.request({
      method: 'POST',
      url: `${base}/${id}/import?version=1&dryRun=true`,
      payload: u.payload,
      headers: { ...u.headers, 'accept-language': 'en' },
    });
    expect(bad.json().error.details.errors).toMatchObject([
      { row: 4, column: 'Implementing units', message: '“310101” is outside this plan’s area' },
    ]);
    sheet.spliceRows(4, 1);
    const good = await pudong.request({
      method: 'POST',
      url: `${base}/${id}/import?version=1`,
      ...upload(Buffer.from(await book.xlsx.writeBuffer()), 'plan.xlsx'),
    });
    expect(good.json()).toEqual({ rows: 1, tasks: 1, milestones: 1, dryRun: false });
    // the public page shows the city's published plan, not a district's unpublished one
    const pub = await t.app.inject({
      method: 'GET',
      url: '/api/v1/public/plan',
      headers: { 'accept-language': 'en' },
    });
    expect(pub.json()).toMatchObject({ tasks: [{ stateWords: 'Due soon' }, {}, {}] });
  });
});
