// The action plan (issue 13, 三年行动计划), one test per step: the lead department `chengguan` reports progress
// with evidence and completes a milestone; the city office `city` sends a 督办 on an overdue task; anyone reads
// 行动计划推进情况 from the sign-in page without an account; on a 390 px phone the pages stay readable. The demo
// holds a SAMPLE 65-task city plan (示例，非正式计划文本) with progress, some milestones overdue.
import { expect, test, unique, type Api } from './support/fixtures.js';
import { resultScreenshot } from './support/screenshots.js';
import { narrowTableCells } from './support/tables.js';

interface TaskItem {
  id: string;
  seq: number;
  title: string;
  leadName: string;
  state: string;
  mayOpen: boolean;
}
interface Task extends TaskItem {
  mayReport: boolean;
  milestones: { id: string; title: string; doneOn: string | null }[];
}

async function planOf(user: Api): Promise<{ id: string; taskItems: TaskItem[] }> {
  const { items } = await user.get<{ items: { id: string; divisionCode: string }[] }>('/api/v1/plans');
  return user.get(`/api/v1/plans/${items.find((x) => x.divisionCode === '310000')!.id}`); // the sample city plan
}

/** A task the user leads with a milestone still open (not the overdue seq-13 task the 督办 test uses). */
async function ledTaskWithOpenMilestone(user: Api): Promise<Task> {
  const plan = await planOf(user);
  for (const item of plan.taskItems.filter((x) => x.mayOpen && x.state !== 'done' && x.seq !== 13)) {
    const task = await user.get<Task>(`/api/v1/plans/tasks/${item.id}`);
    if (task.mayReport && task.milestones.some((m) => !m.doneOn)) return task;
  }
  throw new Error(`${user.username} leads no task with an open milestone`);
}

test('the lead department reports progress with evidence and completes a milestone', async ({
  page,
  signIn,
  api,
}, testInfo) => {
  const task = await ledTaskWithOpenMilestone(await api('chengguan'));
  const milestone = task.milestones.find((m) => !m.doneOn)!;
  await signIn('chengguan');
  await page.goto('/');
  await page.getByRole('menuitem', { name: '行动计划' }).click();
  await expect(page).toHaveURL(/\/plans/);
  await expect(page.getByText('示例，非正式计划文本').first()).toBeVisible();
  await expect(page.getByTestId('plan-overall')).toContainText('总体进度');
  await expect(page.getByTestId('plan-by-lead-chart')).toHaveAttribute('data-points', /[1-9]/);
  await resultScreenshot(page, testInfo, 'plan-1440.png');

  const rows = page.getByTestId('plan-tasks').locator('tbody tr.ant-table-row');
  await page.getByTestId('plan-state-filter').click();
  await page.locator('.ant-select-dropdown:visible').getByText('已逾期', { exact: true }).click();
  await expect(rows.first()).toContainText('已逾期');

  await page.goto(`/plans/tasks/${task.id}`);
  await expect(page.getByTestId('task-title')).toContainText(task.title);
  const words = `本月完成${milestone.title}的工作 ${unique()}`;
  await page.getByTestId('task-report-open').click();
  await page.getByTestId('task-report-progress').fill(words);
  await page.getByTestId('task-report-evidence').fill('会议纪要和实施办法文本已归档，见附件目录（示例）');
  await page.getByTestId(`task-report-milestone-${milestone.id}`).check();
  await page.getByTestId('task-report-ok').click();
  await expect(page.getByTestId('task-report')).toBeHidden();
  await expect(page.getByTestId('task-reports')).toContainText(words);
  const row = page.getByTestId('task-milestones').locator('tr', { hasText: milestone.title });
  await expect(row).toContainText('已完成');
  await resultScreenshot(page, testInfo, 'task-1440.png');
});

test('the city office sends a 督办 on an overdue task', async ({ page, signIn, api }, testInfo) => {
  const plan = await planOf(await api('city'));
  const overdue = plan.taskItems.find((x) => x.state === 'overdue');
  expect(overdue, 'the demo has an overdue task').toBeTruthy();
  await signIn('city');
  await page.goto(`/plans?plan=${plan.id}&state=overdue`);
  await page.getByTestId('plan-tasks').getByRole('link', { name: overdue!.title }).click();
  await expect(page.getByTestId('task-state')).toContainText('已逾期');
  const note = `节点已逾期，请一周内报送整改措施 ${unique()}`;
  await page.getByTestId('task-supervise-open').click();
  await page.getByTestId('task-supervise-note').fill(note);
  await page.getByTestId('task-supervise-ok').click();
  await expect(page.getByTestId('task-supervisions')).toContainText(note);
  await resultScreenshot(page, testInfo, 'supervise-1440.png');
});

const HEADER = '序号,目标,任务,主要内容,时间节点,牵头部门,配合部门,实施部门';
const LEAD = '浦东新区城市管理行政执法局';

test('the district office imports a plan: the dry run lists row errors first, then imports', async ({
  page,
  signIn,
  api,
}, testInfo) => {
  const title = `浦东新区住宅小区综合管理行动计划 ${unique()}（示例）`;
  const { id } = await (
    await api('pudong')
  ).post<{ id: string }>('/api/v1/plans', {
    divisionCode: '310115',
    title,
    periodFrom: '2026-01-01',
    periodTo: '2028-12-31',
    illustrative: true,
    published: false,
  });
  const file = (name: string, rows: string[]) => ({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from([HEADER, ...rows].join('\n')),
  });
  await signIn('pudong');
  await page.goto(`/plans?plan=${id}`);
  await expect(page.getByTestId('plan-title')).toHaveText(title);
  await page.getByTestId('plan-import-open').click();
  const dialog = page.getByTestId('plan-import');
  await expect(dialog.getByTestId('plan-template')).toHaveAttribute('href', /template\.xlsx/);
  const input = dialog.locator('input[type=file]');
  await input.setInputFiles(file('bad.csv', [`1,目标一,任务甲,内容,2027-06-30 完成调研,${LEAD},,火星街道`]));
  await dialog.getByTestId('plan-import-check').click();
  await expect(dialog.getByTestId('import-errors')).toContainText('未找到区或街镇“火星街道”');
  await expect(dialog.getByTestId('plan-import-run')).toBeDisabled();
  await resultScreenshot(page, testInfo, 'import-errors-1440.png');
  await input.setInputFiles(
    file('good.csv', [`1,目标一,推进小区综合治理试点,内容,2027-06-30 完成调研,${LEAD},,浦东新区`]),
  );
  await dialog.getByTestId('plan-import-check').click();
  await expect(dialog.getByTestId('plan-import-ok')).toContainText('尚未导入');
  await dialog.getByTestId('plan-import-run').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('plan-tasks')).toContainText('推进小区综合治理试点');
});

test('the public page shows the progress without sign-in', async ({ page }, testInfo) => {
  await page.goto('/login');
  await page.getByTestId('login-plan').click();
  await expect(page).toHaveURL(/\/plan-progress/);
  await expect(page.getByTestId('public-plan-heading')).toHaveText('行动计划推进情况');
  await expect(page.getByTestId('public-plan-notice')).toContainText('示例，非正式计划文本');
  await expect(page.getByTestId('plan-overall')).toContainText('%');
  await expect(page.getByTestId('public-plan-by-lead')).toContainText('上海市房屋管理局');
  await expect(page.getByTestId('public-plan-tasks').locator('tbody tr.ant-table-row').first()).toBeVisible();
  await expect(page.getByTestId('public-plan-tasks')).toContainText(/已完成|进行中|即将到期|已逾期/);
  await resultScreenshot(page, testInfo, 'public-1440.png');
});

test('on a 390 px phone the plan, a task and the public page stay readable', async ({
  phone,
  api,
}, testInfo) => {
  const plan = await planOf(await api('city'));
  const page = await phone('city');
  await page.goto(`/plans?plan=${plan.id}`);
  await expect(page.getByTestId('plan-tasks').locator('tbody tr.ant-table-row').first()).toBeVisible();
  expect(await narrowTableCells(page), 'cells narrower than 3 characters on /plans').toEqual([]);
  await resultScreenshot(page, testInfo, 'plan-390.png');
  await page.goto(`/plans/tasks/${plan.taskItems[12].id}`);
  await expect(page.getByTestId('task-milestones').locator('tbody tr.ant-table-row').first()).toBeVisible();
  expect(await narrowTableCells(page), 'cells narrower than 3 characters on a task').toEqual([]);
  await resultScreenshot(page, testInfo, 'task-390.png');
  const anonymous = await phone();
  await anonymous.goto('/plan-progress');
  await expect(
    anonymous.getByTestId('public-plan-tasks').locator('tbody tr.ant-table-row').first(),
  ).toBeVisible();
  expect(await narrowTableCells(anonymous), 'cells narrower than 3 characters on the public page').toEqual(
    [],
  );
  await resultScreenshot(anonymous, testInfo, 'public-390.png');
});
