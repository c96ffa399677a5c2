// Joint meetings (issue 13, 联席会议), one test per step: the 浦东新区 office `pudong` opens the district joint
// meeting, plans a meeting, puts a hot case (热点、难点) on its agenda, records it held with attendance (a unit
// sends a deputy, one is absent) and a decision with an action item (交办事项) led by the 城管 bureau; `chengguan`
// finds the item from its home page and reports it done with evidence; `pudong` sees it done on the meeting,
// presses (督办) an earlier meeting's overdue item reported back there, and the case's timeline shows the
// decision. Each step brings its own held meeting through the API. On a 390 px phone the pages stay readable.
import { choose, modalOk } from './support/antd.js';
import { expect, test, unique, type Api } from './support/fixtures.js';
import { resultScreenshot } from './support/screenshots.js';
import { narrowTableCells } from './support/tables.js';

const deputy = '副队长 王军';
const evidence = '已会同物业开展联合执法，现场整改完毕，整改前后照片及执法记录已归档。';

interface Item {
  id: string;
  title: string;
  leadOrgId: string;
  leadName: string;
  mayComplete: boolean;
  status: string;
}

/** The 城管 bureau, as the joint meetings show it (the lead of an open demo item it may complete). */
async function bureau(chengguan: Api): Promise<{ id: string; name: string }> {
  const { items } = await chengguan.get<{ items: Item[] }>('/api/v1/coordination/action-items?mine=true');
  const own = items.find((i) => i.mayComplete);
  expect(own, 'the demo gives 城管 an open item').toBeTruthy();
  return { id: own!.leadOrgId, name: own!.leadName };
}

interface Held {
  meetingId: string;
  meetingTitle: string;
  itemTitle: string;
  itemId: string;
  itemVersion: number;
  caseId: string;
}

/** Through the API: a district meeting held on a hot case, deciding an item for 城管 (5 working days). */
async function heldMeeting(pudong: Api, chengguan: Api): Promise<Held> {
  const lead = await bureau(chengguan);
  const { items } = await pudong.get<{ items: { id: string; level: string }[] }>(
    '/api/v1/coordination/bodies',
  );
  const district = items.find((b) => b.level === 'district')!;
  const body = await pudong.get<{ memberOrgs: { id: string }[] }>(
    `/api/v1/coordination/bodies/${district.id}`,
  );
  const hot = await pudong.get<{ items: { id: string }[] }>(
    `/api/v1/coordination/bodies/${district.id}/hot-cases`,
  );
  const t = unique();
  const meetingTitle = `热点难点案件协调会 ${t}`;
  const itemTitle = `限期整改并反馈 ${t}`;
  const { id } = await pudong.post<{ id: string }>(`/api/v1/coordination/bodies/${district.id}/meetings`, {
    meetingOn: new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }),
    title: meetingTitle,
  });
  const caseId = hot.items[1]!.id;
  await pudong.post(`/api/v1/coordination/meetings/${id}/agenda`, { source: 'case', version: 1, caseId });
  const planned = await pudong.get<{ version: number; agenda: { id: string }[] }>(
    `/api/v1/coordination/meetings/${id}`,
  );
  const held = await pudong.post<{ decisions: { actionItems: { id: string; version: number }[] }[] }>(
    `/api/v1/coordination/meetings/${id}/hold`,
    {
      version: planned.version,
      attendance: body.memberOrgs.map((o) => ({ orgId: o.id, attendance: 'present' })),
      minutes: '会议研究了热点难点案件，明确城管执法部门牵头限期整改。',
      decisions: [
        {
          agendaItemId: planned.agenda[0]!.id,
          text: '城管执法部门牵头限期整改，五个工作日内反馈',
          actions: [{ title: itemTitle, leadOrgId: lead.id, deadline: { workingDays: 5 } }],
        },
      ],
    },
  );
  const item = held.decisions[0]!.actionItems[0]!;
  return { meetingId: id, meetingTitle, itemTitle, itemId: item.id, itemVersion: item.version, caseId };
}

test('pudong puts a hot case on a planned meeting and records the meeting with a decision for 城管', async ({
  page,
  signIn,
  api,
}, testInfo) => {
  const tag = unique();
  const meetingTitle = `热点难点案件专题协调会 ${tag}`;
  const itemTitle = `牵头开展联合执法并反馈结果 ${tag}`;
  const lead = (await bureau(await api('chengguan'))).name;
  await signIn('pudong');
  await page.goto('/');
  await page.getByRole('menuitem', { name: '联席会议' }).click();
  await expect(page).toHaveURL(/\/coordination/);
  const bodies = page.getByTestId('coord-bodies');
  await expect(bodies).toContainText('花木街道住宅小区综合管理联席会议');
  await resultScreenshot(page, testInfo, 'bodies-1440.png');
  await bodies.getByRole('link', { name: '浦东新区住宅小区综合管理联席会议' }).click();
  await expect(page.getByTestId('body-title')).toContainText('浦东新区住宅小区综合管理联席会议');
  await expect(page.getByTestId('body-meetings')).toContainText('已召开');

  await page.getByTestId('meeting-plan-open').click();
  await page.getByTestId('meeting-title').fill(meetingTitle);
  await modalOk(page, 'meeting-plan');
  await expect(page.getByTestId('body-meetings')).toContainText(meetingTitle);

  // A hot case with its reasons in words; onto the new meeting's agenda.
  const hot = page.getByTestId('hot-cases').locator('tbody tr.ant-table-row').first();
  await expect(hot).toContainText(/逾期|多次退单|部门争议|挂账/);
  const caseNo = (await hot.locator('td').first().innerText()).trim();
  await resultScreenshot(page, testInfo, 'body-1440.png');
  await hot.getByTestId('hot-to-agenda').click();
  await expect(page.getByTestId('agenda-add')).toContainText(caseNo);
  await choose(page, 'agenda-meeting', meetingTitle);
  await modalOk(page, 'agenda-add');

  await page.getByTestId('body-meetings').getByRole('link', { name: meetingTitle }).click();
  await expect(page.getByTestId('meeting-status')).toHaveText('待召开');
  await expect(page.getByTestId('meeting-agenda')).toContainText(`案件 ${caseNo}`);

  await page.getByTestId('meeting-hold-open').click();
  const hold = page.getByTestId('meeting-hold');
  await hold.getByTestId('hold-att-1').locator('label').filter({ hasText: '委派' }).click();
  await hold.getByTestId('hold-deputy-1').fill(deputy);
  await hold.getByTestId('hold-att-2').locator('label').filter({ hasText: '缺席' }).click();
  await hold
    .getByTestId('hold-minutes')
    .fill('会议听取了热点难点案件办理情况汇报，明确由城管执法部门牵头、物业配合开展联合执法。');
  await hold.getByTestId('hold-decision-0-text').fill('由城管执法部门牵头开展联合执法，五个工作日内反馈结果');
  await hold.getByTestId('hold-decision-0-add-action').click();
  await hold.getByTestId('hold-action-0-0-title').fill(itemTitle);
  await choose(page, 'hold-action-0-0-lead', lead);
  await hold.getByTestId('hold-action-0-0-days').fill('5');
  await resultScreenshot(page, testInfo, 'hold-1440.png');
  await modalOk(page, 'meeting-hold');

  await expect(page.getByTestId('meeting-status')).toHaveText('已召开');
  await expect(page.getByTestId('meeting-attendance')).toContainText(`委派（${deputy}）`);
  await expect(page.getByTestId('meeting-attendance')).toContainText('缺席');
  await expect(page.getByTestId('meeting-minutes')).toContainText('联合执法');
  const item = page.getByTestId('meeting-decisions').locator(`[data-title="${itemTitle}"]`);
  await expect(item).toContainText(lead);
  await expect(item.getByTestId('item-due')).toHaveText('办理中');
  await resultScreenshot(page, testInfo, 'meeting-1440.png');
});

test('chengguan finds the item from its home page and reports it done with evidence', async ({
  page,
  signIn,
  api,
}, testInfo) => {
  const { meetingTitle, itemTitle } = await heldMeeting(await api('pudong'), await api('chengguan'));
  await signIn('chengguan');
  await page.goto('/home');
  await page.getByTestId('home-coordItems').click();
  await expect(page).toHaveURL(/\/coordination\?tab=items/);
  const item = page.getByTestId('my-items').locator(`[data-title="${itemTitle}"]`);
  await expect(item).toContainText(meetingTitle);
  await expect(item.getByTestId('item-due')).toHaveText('办理中');
  await item.getByTestId('item-complete').click();
  await page.getByTestId('item-step-text').fill(evidence);
  await modalOk(page, 'item-step');
  await expect(item.getByTestId('item-due')).toHaveText('已办结');
  await expect(item.getByTestId('item-evidence')).toContainText(evidence);
  await resultScreenshot(page, testInfo, 'items-1440.png');
});

test('pudong sees the item done on the meeting, and the case shows what the meeting decided', async ({
  page,
  signIn,
  api,
}, testInfo) => {
  const chengguan = await api('chengguan');
  const { meetingTitle, itemTitle, itemId, itemVersion, caseId } = await heldMeeting(
    await api('pudong'),
    chengguan,
  );
  await chengguan.post(`/api/v1/coordination/action-items/${itemId}/done`, {
    version: itemVersion,
    evidence,
  });
  await signIn('pudong');
  await page.goto('/coordination');
  await page
    .getByTestId('coord-bodies')
    .getByRole('link', { name: '浦东新区住宅小区综合管理联席会议' })
    .click();
  await page.getByTestId('body-meetings').getByRole('link', { name: meetingTitle }).click();
  const item = page.getByTestId('meeting-decisions').locator(`[data-title="${itemTitle}"]`);
  await expect(item.getByTestId('item-due')).toHaveText('已办结');
  await expect(item.getByTestId('item-evidence')).toContainText(evidence);

  // An earlier meeting's item, overdue, is reported back here; the office presses its lead unit (督办).
  const overdue = page
    .getByTestId('meeting-report-back')
    .locator('[data-testid="action-item"]', { hasText: '建立楼道巡查台账并按周报送' });
  await expect(overdue.getByTestId('item-due')).toHaveText('已逾期');
  await overdue.getByTestId('item-supervise').click();
  await page.getByTestId('item-step-text').fill('请于三个工作日内报送巡查台账');
  await modalOk(page, 'item-step');
  await expect(overdue).toContainText(/已督办 \d+ 次/);

  await page.goto(`/cases/${caseId}`);
  await expect(page.getByTestId('case-timeline')).toContainText(
    `已列入浦东新区住宅小区综合管理联席会议议题：${meetingTitle}`,
  );
  await expect(page.getByTestId('case-timeline')).toContainText('决定：城管执法部门牵头限期整改');
  await page.getByTestId('event-meeting').last().click();
  await expect(page.getByTestId('meeting-title')).toContainText(meetingTitle);
  await resultScreenshot(page, testInfo, 'case-1440.png');
});

test('on a 390 px phone the joint-meeting pages stay readable', async ({ phone, api }, testInfo) => {
  const pudong = await api('pudong');
  const { items } = await pudong.get<{ items: { id: string; level: string }[] }>(
    '/api/v1/coordination/bodies',
  );
  const district = items.find((b) => b.level === 'district')!;
  const body = await pudong.get<{ meetings: { id: string; status: string }[] }>(
    `/api/v1/coordination/bodies/${district.id}`,
  );
  const held = body.meetings.find((m) => m.status === 'held')!;
  const page = await phone('pudong');
  await page.goto('/coordination');
  await expect(page.getByTestId('coord-bodies').locator('tbody tr.ant-table-row').first()).toBeVisible();
  expect(await narrowTableCells(page), 'narrow cells on the bodies').toEqual([]);
  await resultScreenshot(page, testInfo, 'bodies-390.png');
  await page.goto(`/coordination/bodies/${district.id}`);
  await expect(page.getByTestId('hot-cases').locator('tbody tr.ant-table-row').first()).toBeVisible();
  expect(await narrowTableCells(page), 'narrow cells on the body').toEqual([]);
  await resultScreenshot(page, testInfo, 'body-390.png');
  await page.goto(`/coordination/meetings/${held.id}`);
  await expect(page.getByTestId('meeting-decisions')).toBeVisible();
  expect(await narrowTableCells(page), 'narrow cells on the meeting').toEqual([]);
  await resultScreenshot(page, testInfo, 'meeting-390.png');
  const unit = await phone('chengguan');
  await unit.goto('/coordination');
  await expect(unit.getByTestId('my-items').getByTestId('action-item').first()).toBeVisible();
  await resultScreenshot(unit, testInfo, 'items-390.png');
});

test('the 花木 street office sees the district meeting took up its request for coordination', async ({
  page,
  signIn,
}, testInfo) => {
  await signIn('huamu');
  await page.goto('/coordination');
  await expect(page.getByTestId('coord-bodies')).toContainText('花木街道住宅小区综合管理联席会议');
  const sent = page.getByTestId('coord-sent-requests');
  await expect(sent).toContainText('老旧小区楼道堆物整治需区城管执法局与物业协同');
  await expect(sent).toContainText('浦东新区住宅小区综合管理联席会议已于');
  await resultScreenshot(page, testInfo, 'street-1440.png');
});
