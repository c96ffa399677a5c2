// The property-service industry (issue 12, 物业行业), one test per step: the 花木 street office `huamu` enters a
// credit record against the `wuye` company and the district `pudong` confirms it and records the filing of the
// company's overdue contract (《上海市住宅物业管理规定》第四十四条); `wuye` objects once to a published record
// and `pudong` decides the objection with reasons; the public page shows the published records without
// sign-in; on a 390 px phone the company page stays readable. The demo data holds the company's profile,
// managers, contracts in every filing state and published records.
import type { Page, TestInfo } from '@playwright/test';
import { choose } from './support/antd.js';
import { expect, test, unique, type Api } from './support/fixtures.js';
import { resultScreenshot, SCREENSHOTS } from './support/screenshots.js';
import { narrowTableCells } from './support/tables.js';

interface Company {
  id: string;
  name: string;
}

/** The `wuye` account's company (it sees only its own) and a compound it serves. */
async function wuyeCompany(api: (u: string) => Promise<Api>) {
  const wuye = await api('wuye');
  const { items } = await wuye.get<{ items: Company[] }>('/api/v1/industry/companies');
  const contracts = await wuye.get<{ items: { compoundId: string }[] }>('/api/v1/industry/contracts');
  return { company: items[0], compoundId: contracts.items[0].compoundId };
}

/** A picture of one section of a page, kept with the test's results. */
async function sectionScreenshot(page: Page, testId: string, testInfo: TestInfo, name: string) {
  if (SCREENSHOTS) await page.getByTestId(testId).screenshot({ path: testInfo.outputPath(name) });
}

/** Opens the record row with `text` on the company page and waits for its modal. */
async function openRecord(page: Page, text: string) {
  await page.getByTestId('company-records').locator('tbody tr').filter({ hasText: text }).first().click();
  const modal = page.getByTestId('record-modal');
  await expect(modal.getByTestId('record-status')).toBeVisible();
  return modal;
}

test('the street enters a record; the district confirms it and records an overdue filing', async ({
  page,
  signIn,
  api,
}, testInfo) => {
  const { company } = await wuyeCompany(api);
  const facts = `物业服务合同续签后逾期未备案 ${unique()}`;
  await signIn('huamu');
  await page.goto('/');
  await page.getByRole('menuitem', { name: '物业行业' }).click();
  await expect(page).toHaveURL(/\/industry/);
  const row = page
    .getByTestId('companies-table')
    .locator('tbody tr.ant-table-row')
    .filter({ hasText: company.name });
  await expect(row).toContainText('91310115');
  await resultScreenshot(page, testInfo, 'companies-1440.png');
  await row.getByRole('link').click();
  await expect(page.getByTestId('company-title')).toContainText(company.name);
  await expect(page.getByTestId('company-qualifications')).toContainText('历史记录，非现行许可');

  await page.getByTestId('enter-record-open').click();
  const form = page.getByTestId('enter-record');
  await choose(page, 'enter-rule', '未按规定备案物业服务合同');
  await form.getByTestId('enter-facts').fill(facts);
  await form.getByTestId('enter-evidence').fill('合同签订日期与备案系统记录');
  await form.getByTestId('enter-source').fill('花木街道房管办核查');
  await form.getByTestId('enter-record-ok').click();
  await expect(form).toBeHidden();

  await signIn('pudong');
  await page.goto(`/industry/companies/${company.id}`);
  const modal = await openRecord(page, '未按规定备案物业服务合同');
  await expect(modal).toContainText(facts);
  await expect(modal.getByTestId('record-status')).toContainText('待区房管局确认');
  await expect(modal).toContainText('记分规则未核实');
  await modal.getByTestId('record-action-confirm').click();
  await page.getByTestId('record-step-ok').click();
  await expect(modal.getByTestId('record-status')).toContainText('已公布');
  await page.keyboard.press('Escape');
  await expect(modal).toBeHidden();

  const contracts = page.getByTestId('company-contracts');
  const overdue = contracts.locator('tbody tr').filter({ hasText: '已逾期未备案' }).first();
  await expect(overdue).toBeVisible();
  await expect(page.getByTestId('contract-alerts')).toContainText('份合同逾期未备案');
  await resultScreenshot(page, testInfo, 'company-1440.png');
  await overdue.getByTestId('contract-file').click();
  await page.getByTestId('contract-filing-ok').click();
  await expect(page.getByTestId('contract-filing')).toBeHidden();
  await expect(contracts).toContainText('逾期备案');
});

test('the company objects once to a published record and the district decides it', async ({
  page,
  signIn,
  api,
}, testInfo) => {
  const { company, compoundId } = await wuyeCompany(api);
  const facts = `向业主收取未公示的代办费 ${unique()}`;
  const pudong = await api('pudong');
  const { id } = await pudong.post<{ id: string }>('/api/v1/industry/records', {
    ruleCode: 'fee_abuse',
    companyId: company.id,
    compoundId,
    facts,
    evidence: '业主投诉 3 件；收费收据',
    source: '12345 工单',
    occurredOn: new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }),
  });
  await pudong.post(`/api/v1/industry/records/${id}/confirm`, { version: 1 });

  await signIn('wuye');
  await page.goto(`/industry/companies/${company.id}`);
  let modal = await openRecord(page, '乱收费且不整改');
  await expect(modal).toContainText(facts);
  await modal.getByTestId('record-action-object').click();
  await page.getByTestId('step-text').fill('该费用为业主自愿委托的代办服务，附委托书');
  await page.getByTestId('record-step-ok').click();
  await expect(modal.getByTestId('record-status')).toContainText('异议待决定');
  await expect(modal.getByTestId('record-action-object')).toHaveCount(0);
  // A second objection is refused.
  const again = await (
    await api('wuye')
  ).send(`/api/v1/industry/records/${id}/objection`, { reason: '再次异议' });
  expect(again.status()).toBeGreaterThanOrEqual(400);

  await signIn('pudong');
  await page.goto(`/industry/companies/${company.id}`);
  modal = await openRecord(page, '乱收费且不整改');
  await modal.getByTestId('record-action-decideObjection').click();
  await page.getByTestId('step-granted-no').click();
  await page.getByTestId('step-reasons').fill('委托书签署日期晚于收费日期，异议不成立');
  await resultScreenshot(page, testInfo, 'decide-1440.png');
  await page.getByTestId('record-step-ok').click();
  await expect(modal.getByTestId('record-status')).toContainText('异议不成立');
  await expect(modal.getByTestId('record-objection')).toContainText('异议不成立');
});

test('the public credit page shows published records without sign-in', async ({ page, api }, testInfo) => {
  const { company } = await wuyeCompany(api);
  await page.goto('/login');
  await page.getByTestId('login-credit').click();
  await expect(page.getByTestId('public-credit-title')).toHaveText('物业服务企业信用信息');
  const list = page.getByTestId('public-credit-list');
  await expect(list).toContainText(company.name);
  await resultScreenshot(page, testInfo, 'public-1440.png');
  await list.getByRole('link', { name: company.name }).click();
  await expect(page.getByTestId('public-company-title')).toHaveText(company.name);
  const records = page.getByTestId('public-company-records');
  await expect(records).toContainText('未执行周一至周日业务接待制度');
  await expect(records).toContainText('失信');
  // No personal data: a manager's record names no person.
  await expect(page.locator('body')).not.toContainText('孙立');
  await resultScreenshot(page, testInfo, 'public-company-1440.png');
});

test('on a 390 px phone the company page and the public page stay readable', async ({
  phone,
  api,
}, testInfo) => {
  const { company } = await wuyeCompany(api);
  const page = await phone('pudong');
  await page.goto(`/industry/companies/${company.id}`);
  await expect(page.getByTestId('company-contracts').locator('tbody tr.ant-table-row').first()).toBeVisible();
  await expect(page.getByTestId('company-records').locator('tbody tr.ant-table-row').first()).toBeVisible();
  expect(await narrowTableCells(page), 'cells narrower than 3 characters').toEqual([]);
  await resultScreenshot(page, testInfo, 'company-390.png');
  await sectionScreenshot(page, 'company-records', testInfo, 'records-390.png');
  await sectionScreenshot(page, 'company-contracts', testInfo, 'contracts-390.png');
  await sectionScreenshot(page, 'company-profile', testInfo, 'profile-390.png');
  const modal = await openRecord(page, '未执行周一至周日业务接待制度');
  await expect(modal).toContainText('已公布');
  if (SCREENSHOTS) await page.screenshot({ path: testInfo.outputPath('record-390.png') });
  await page.keyboard.press('Escape');
  await page.goto('/industry');
  await expect(page.getByTestId('companies-table').locator('tbody tr.ant-table-row').first()).toBeVisible();
  expect(await narrowTableCells(page), 'cells narrower than 3 characters on the list').toEqual([]);
  await resultScreenshot(page, testInfo, 'companies-390.png');
  const pub = await phone();
  await pub.goto(`/credit/${company.id}`);
  await expect(pub.getByTestId('public-company-records')).toBeVisible();
  await resultScreenshot(pub, testInfo, 'public-company-390.png');
});
