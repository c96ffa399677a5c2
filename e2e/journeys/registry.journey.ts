// Journeys of the foundation: sign-in, browsing a compound, importing with a bad row, forbidden access.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'playwright-core';
import { DEMO_PASSWORD, type Journey } from '../harness.js';

const HUAMU = '310115016';

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** An API client signed in as `username`, separate from the browser page's session. */
async function api(baseUrl: string, username: string) {
  const ctx = await request.newContext({ baseURL: baseUrl });
  const res = await ctx.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  check(res.ok(), `API login ${username} failed`);
  return ctx;
}

export const journeys: Journey[] = [
  {
    name: 'login: a wrong password is refused in Chinese, the right one opens the compound list',
    async run({ page, baseUrl, login }) {
      await page.goto(`${baseUrl}/login`);
      await page.getByTestId('login-username').fill('admin');
      await page.getByTestId('login-password').fill('not-the-password');
      await page.getByTestId('login-submit').click();
      await page.getByText('用户名或密码错误').waitFor();
      await login('admin');
      const table = page.getByTestId('compounds-table');
      await table.waitFor();
      await table.locator('tbody tr').first().waitFor();
      check((await table.locator('tbody tr').count()) > 5, 'the compound list shows rows');
    },
  },
  {
    name: 'browse: a street officer opens a compound, its buildings, units and masked owners',
    async run({ page, login, artifacts }) {
      await login('huamu');
      const table = page.getByTestId('compounds-table');
      await table.locator('tbody tr').first().waitFor();
      const rows = await table.locator('tbody tr').allInnerTexts();
      check(
        rows.every((r) => r.includes('花木街道')),
        'only 花木街道 compounds are listed for the 花木 street office',
      );
      const firstName = (await table.locator('tbody tr').first().locator('td').first().innerText()).trim();
      await table.locator('tbody tr').first().click();
      const title = page.getByTestId('compound-title');
      await title.waitFor();
      check((await title.innerText()).includes(firstName), `the compound page shows ${firstName}`);
      await page.getByRole('tab', { name: /楼栋/ }).click();
      await page.getByRole('tabpanel').locator('tbody tr').first().click();
      const drawer = page.locator('.ant-drawer-content');
      await drawer.waitFor();
      await drawer.locator('tbody tr').first().waitFor();
      check(/\d+\.\d{2}/.test(await drawer.innerText()), 'units show areas with two decimals');
      await page.keyboard.press('Escape');
      await page.getByRole('tab', { name: /业主/ }).click();
      const panel = page.getByRole('tabpanel', { name: /业主/ });
      await panel.locator('tbody tr').first().waitFor();
      check((await panel.innerText()).includes('****'), 'owners’ phone numbers are masked');
      await page.screenshot({ path: join(artifacts, 'compound-owners.png') });
    },
  },
  {
    name: 'import: a file with one bad row imports nothing and shows the row error',
    async run({ page, baseUrl, login, artifacts }) {
      const stamp = Date.now().toString(36).toUpperCase();
      const csv = [
        '小区编码,小区名称,地址,街镇代码,建筑面积(㎡)',
        `E2E-${stamp}-1,导入测试一号,浦东新区花木路100号,${HUAMU},10000.50`,
        `E2E-${stamp}-2,导入测试二号,浦东新区花木路200号,999999999,8000`,
        `E2E-${stamp}-3,导入测试三号,浦东新区花木路300号,${HUAMU},9000`,
      ].join('\n');
      const file = join(artifacts, 'import-one-bad-row.csv');
      writeFileSync(file, `\uFEFF${csv}\n`);
      await login('admin');
      await page.goto(`${baseUrl}/imports`);
      await page.getByTestId('import-kind').click();
      await page.locator('.ant-select-item-option').filter({ hasText: /小区/ }).first().click();
      await page.getByTestId('import-upload').locator('input[type=file]').setInputFiles(file);
      const errors = page.getByTestId('import-errors');
      await errors.waitFor();
      const text = await errors.innerText();
      check(text.includes('3'), 'the error names spreadsheet row 3');
      await page.getByText(/未导入任何数据/).waitFor();
      const admin = await api(baseUrl, 'admin');
      const res = await admin.get(`/api/v1/compounds?q=导入测试`);
      check(((await res.json()) as { items: unknown[] }).items.length === 0, 'nothing was imported');
      await admin.dispose();
    },
  },
  {
    name: 'forbidden: another street’s officer sees no data of a 花木 compound',
    async run({ page, baseUrl, login }) {
      const admin = await api(baseUrl, 'admin');
      const list = (await (await admin.get(`/api/v1/compounds?street=${HUAMU}&limit=1`)).json()) as {
        items: { id: string; name: string }[];
      };
      const target = list.items[0];
      await admin.dispose();
      await login('zhangjiang');
      await page.goto(`${baseUrl}/compounds/${target.id}`);
      await page.getByTestId('result-denied').waitFor();
      check(!(await page.content()).includes(target.name), 'no compound data is shown');
      check((await page.getByTestId('compound-title').count()) === 0, 'no compound page is rendered');
      const table = page.getByTestId('compounds-table');
      await page.goto(`${baseUrl}/compounds?street=${HUAMU}`);
      await table.waitFor();
      check(
        !(await table.innerText()).includes(target.name),
        'the list filtered to 花木 shows nothing to a 张江 officer',
      );
    },
  },
];
