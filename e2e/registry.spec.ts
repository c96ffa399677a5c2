// The foundation: sign-in, browsing a compound, importing with a bad row, forbidden access.
import { expect, test, unique } from './support/fixtures.js';
import { HUAMU } from './support/cases.js';
import { docsScreenshot } from './support/screenshots.js';
import { DEMO_PASSWORD } from './support/server.js';

test('login: a wrong password is refused in Chinese, the right one opens the home of the role', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByText('用户名或密码错误')).toBeVisible();
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  // The administrator's first screen is the staff home (今日待办), the first menu entry it may open.
  await expect(page).toHaveURL(/\/home$/);
  await page.getByRole('menuitem', { name: /小区$/ }).click();
  const rows = page.getByTestId('compounds-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count(), 'the compound list shows rows').toBeGreaterThan(5);
});

test('browse: a street officer opens a compound, its buildings, units and masked owners', async ({
  page,
  signIn,
}) => {
  await signIn('huamu');
  await page.goto('/compounds');
  const rows = page.getByTestId('compounds-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  // Only 花木街道 compounds are listed for the 花木 street office.
  await expect(rows.filter({ hasNotText: '花木街道' })).toHaveCount(0);
  const firstName = (await rows.first().locator('td').first().innerText()).trim();
  await rows.first().click();
  await expect(page.getByTestId('compound-title')).toContainText(firstName);
  await page.getByRole('tab', { name: /楼栋/ }).click();
  await page.getByRole('tabpanel').locator('tbody tr').first().click();
  const drawer = page.locator('.ant-drawer-content');
  await expect(drawer.locator('tbody tr').first()).toBeVisible();
  await expect(drawer, 'units show areas with two decimals').toContainText(/\d+\.\d{2}/);
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: /业主/ }).click();
  const panel = page.getByRole('tabpanel', { name: /业主/ });
  await expect(panel.locator('tbody tr').first()).toBeVisible();
  await expect(panel, 'owners’ phone numbers are masked').toContainText('****');
  await docsScreenshot(page, 'compound-zh-CN.png');
});

test('import: a file with one bad row imports nothing and shows the row error', async ({
  page,
  signIn,
  api,
}) => {
  const stamp = unique();
  const csv = [
    '小区编码,小区名称,地址,街镇代码,建筑面积(㎡)',
    `E2E-${stamp}-1,导入测试一号${stamp},浦东新区花木路100号,${HUAMU},10000.50`,
    `E2E-${stamp}-2,导入测试二号${stamp},浦东新区花木路200号,999999999,8000`,
    `E2E-${stamp}-3,导入测试三号${stamp},浦东新区花木路300号,${HUAMU},9000`,
  ].join('\n');
  await signIn('admin');
  await page.goto('/imports');
  await page.getByTestId('import-kind').click();
  await page.locator('.ant-select-item-option').filter({ hasText: /小区/ }).first().click();
  await page
    .getByTestId('import-upload')
    .locator('input[type=file]')
    .setInputFiles({
      name: 'import-one-bad-row.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${csv}\n`),
    });
  await expect(page.getByTestId('import-errors'), 'the error names spreadsheet row 3').toContainText('3');
  await expect(page.getByText(/未导入任何数据/)).toBeVisible();
  const found = await (
    await api('admin')
  ).get<{ items: unknown[] }>(`/api/v1/compounds?q=${encodeURIComponent(stamp)}`);
  expect(found.items, 'nothing was imported').toHaveLength(0);
});

test('forbidden: another street’s officer sees no data of a 花木 compound', async ({ page, signIn, api }) => {
  const list = await (
    await api('admin')
  ).get<{ items: { id: string; name: string }[] }>(`/api/v1/compounds?street=${HUAMU}&limit=1`);
  const target = list.items[0];
  await signIn('zhangjiang');
  await page.goto(`/compounds/${target.id}`);
  await expect(page.getByTestId('result-denied')).toBeVisible();
  await expect(page.locator('body'), 'no compound data is shown').not.toContainText(target.name);
  await expect(page.getByTestId('compound-title'), 'no compound page is rendered').toHaveCount(0);
  await page.goto(`/compounds?street=${HUAMU}`);
  const table = page.getByTestId('compounds-table');
  // Loaded, and empty: nothing of 花木 for a 张江 officer.
  await expect(table.locator('.ant-spin-spinning')).toHaveCount(0);
  await expect(table.locator('.ant-table-placeholder')).toBeVisible();
  await expect(table, 'the list filtered to 花木 shows nothing to a 张江 officer').not.toContainText(
    target.name,
  );
});
