// Users' daily work (issue 9): a hotline operator starts on the intake form; a department bureau sees its
// squadron's cases; the work queue and a refused import download as spreadsheets; an account's scope is
// chosen and shown by name.
import { expect, openApp, test, unique } from './support/fixtures.js';
import { caseAction, hotlineBurstPipe, HUAMU } from './support/cases.js';
import { DEMO_PASSWORD } from './support/server.js';

test('a hotline operator signs in and lands on the intake form', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-username').fill('hotline');
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/cases\/new$/);
  await expect(page.getByTestId('intake-title')).toBeVisible();
});

test('the 城管 bureau sees and opens a case its 花木 squadron must sign for', async ({
  page,
  signIn,
  api,
}) => {
  const hotline = await api('hotline');
  const huamu = await api('huamu');
  const compounds = await hotline.get<{ items: { id: string; streetCode: string }[] }>(
    `/api/v1/compounds?street=${HUAMU}&limit=1`,
  );
  const title = `楼顶违建${unique()}`;
  const created = await hotline.post<{ id: string; caseNo: string }>('/api/v1/cases', {
    channel: 'hotline12345',
    categoryCode: 'illegal_construction',
    attributes: { underConstruction: true },
    title,
    description: '楼顶正在搭建彩钢板房',
    compoundId: compounds.items[0].id,
  });
  await caseAction(huamu, created.id, 'dispatch');
  await signIn('chengguan');
  // The bureau's queue holds its squadrons' whole backlog: it searches for the case as a user would.
  await openApp(page, `/cases?queue=toSign&q=${encodeURIComponent(title)}`);
  const row = page.locator('tbody tr').filter({ hasText: title });
  await expect(row).toBeVisible();
  await expect(row).toContainText('花木街道中队');
  await row.getByText(title).click();
  await expect(page.getByTestId('case-status')).toBeVisible();
  await expect(page.getByTestId('case-action-signFor')).toBeVisible();
});

test('the work queue downloads as Excel with the filters on screen', async ({ page, signIn, api }) => {
  await hotlineBurstPipe(await api('hotline'), `导出测试${unique()}`);
  await signIn('huamu');
  await openApp(page, '/cases?queue=all');
  await expect(page.locator('tbody tr.ant-table-row').first()).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-cases').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^cases-\d{8}\.xlsx$/);
  expect(file.url()).toContain('queue=all');
});

test('a refused import offers its row-error report as a download', async ({ page, signIn }) => {
  await signIn('admin');
  await openApp(page, '/imports');
  await expect(page.getByTestId('import-template')).toHaveAttribute('href', /compounds\.xlsx$/);
  const stamp = unique();
  const csv = `小区编码,小区名称,地址,街镇代码\nE2E-R-${stamp},报告测试${stamp},花木路1号,999999999\n`;
  await page
    .getByTestId('import-upload')
    .locator('input[type=file]')
    .setInputFiles({ name: `bad-${stamp}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('import-errors')).toContainText('999999999');
  const download = page.waitForEvent('download');
  await page.getByTestId('import-error-report').click();
  expect((await download).suggestedFilename()).toBe(`bad-${stamp}-错误报告.xlsx`);
});

test('an administrator gives a new account a street by its name, and the list shows the name', async ({
  page,
  signIn,
}) => {
  const username = `e2e${unique().toLowerCase()}`;
  await signIn('admin');
  await openApp(page, '/accounts');
  await page.getByRole('button', { name: /新建账号/ }).click();
  const modal = page.locator('.ant-modal').filter({ hasText: '新建账号' });
  await modal.getByLabel('用户名').fill(username);
  await modal.getByLabel('姓名').fill('测试街道职员');
  await modal.getByLabel('初始密码').fill('a-long-test-passphrase-9');
  await modal.locator('#create-user_role').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '街镇 / 房管办' })
    .first()
    .click();
  const scope = modal.getByTestId('scope-division');
  await expect(scope).toBeVisible();
  await scope.click();
  await page.keyboard.type('花木');
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '花木街道' })
    .first()
    .click();
  await modal.getByRole('button', { name: /新\s*建/ }).click();
  await expect(modal).toBeHidden();
  await page
    .getByPlaceholder(/用户名/)
    .first()
    .fill(username);
  const row = page.locator('tbody tr').filter({ hasText: username });
  await expect(row).toContainText('花木街道');
  await expect(row).not.toContainText(HUAMU);
});
