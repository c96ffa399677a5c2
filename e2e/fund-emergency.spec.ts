// Emergency repairs on the maintenance fund (《上海市住宅物业管理规定》第七十三条), issue 11, in Chromium: the company
// serving the committee's compound (`wuye2`) finds the 紧急维修 tab on that compound's page, reports a lift stopped
// by the inspection agency's notice with the notice's issuer and number; the owners' committee (`yeweihui`) sees it
// on its fund page with the last day of its 7 days, approves, records the intermediary's reviewed cost and pays —
// the payment appears among the fund's payments and the report shows as paid. Before the developer's written report
// (第七十一条第一款) the company `wuye` is told in words that the fund may not be used, and the server refuses too.
import { addDays, shanghaiDate } from '../domain/calendar.js';
import { choose } from './support/antd.js';
import { expect, openApp, test, unique, type Api } from './support/fixtures.js';
import { docsScreenshot } from './support/screenshots.js';

interface Emergencies {
  stage: string;
  mayReport: boolean;
  items: { id: string; title: string; status: string; committeeDueOn: string | null }[];
}

/** The first compound the account sees (a company: the first it serves; the committee: its own). */
async function firstCompound(api: Api) {
  return (await api.get<{ items: { id: string; name: string }[] }>('/api/v1/compounds?limit=1')).items[0];
}

test('the company reports a lift emergency; the committee sees its 7 days, approves, has the cost reviewed and pays', async ({
  page,
  signIn,
  api,
}) => {
  const committee = await api('yeweihui');
  const company = await api('wuye2');
  const compound = await firstCompound(committee);
  // The company sees the reports, not the ledgers (it holds no fund.view).
  expect((await company.request.get(`/api/v1/fund/compounds/${compound.id}`)).status()).toBe(404);
  const fund = await committee.get<{
    buildings: { name: string }[];
    payments: { decisionTitle: string | null }[];
  }>(`/api/v1/fund/compounds/${compound.id}`);
  // A building other than the lift repair's (the fund journey counts that building's balance).
  const decided = fund.payments.find((p) => p.decisionTitle?.includes('电梯'))?.decisionTitle ?? '';
  const building = fund.buildings.find((b) => !decided.includes(b.name)) ?? fund.buildings[0];
  const title = `${building.name}电梯停运抢修 ${unique()}`;

  await signIn('wuye2');
  await openApp(page, `/compounds/${compound.id}`);
  await page.getByRole('tab', { name: '紧急维修' }).click();
  const card = page.getByTestId('fund-emergencies');
  await expect(card.getByTestId('emergency-stage')).toContainText('第七十三条第三款第二项');
  await expect(card).toContainText('二次供水水泵故障抢修'); // the demo's report waiting for the committee
  await expect(page.getByTestId('fund-balance')).toHaveCount(0);
  await card.getByTestId('emergency-report-open').click();
  const form = page.getByTestId('emergency-report');
  await choose(page, 'emergency-situation', '（二）电梯');
  await expect(form).toContainText('电梯专业检测机构的整改通知书');
  await form.getByTestId('emergency-doc-issuer').fill('上海市特种设备监督检验技术研究院');
  await form.getByTestId('emergency-doc-number').fill(`沪特检整改字 ${unique()}`);
  await form.getByTestId('emergency-title').fill(title);
  await form.getByTestId('emergency-plan').fill('更换曳引机制动器，修复后申请复检');
  await form.getByTestId('emergency-quotation').fill('12800');
  await choose(page, 'emergency-buildings', building.name);
  await form.getByTestId('emergency-warranty').check();
  await docsScreenshot(page, 'fund-emergency-report.png');
  await page.getByTestId('emergency-report-ok').click();
  await expect(form).toBeHidden();
  const reported = card.locator('[data-testid^="emergency-"][data-status]').filter({ hasText: title });
  await expect(reported).toHaveAttribute('data-status', 'reported');
  await expect(reported).toContainText('业委会审核期至');
  // The company takes no step of the committee's.
  await expect(reported.getByTestId('emergency-approve')).toHaveCount(0);
  await docsScreenshot(page, 'fund-emergency-company.png', { fullPage: true });

  const listed = await committee.get<Emergencies>(`/api/v1/fund/compounds/${compound.id}/emergencies`);
  const item = listed.items.find((e) => e.title === title)!;
  const today = shanghaiDate(new Date());
  expect(item.committeeDueOn! >= addDays(today, 7)).toBe(true); // 七日: from the next day, a last day off moves

  await signIn('yeweihui');
  await openApp(page, `/fund/compounds/${compound.id}`);
  const mine = page.getByTestId(`emergency-${item.id}`);
  await expect(mine).toContainText(`业委会审核期至 ${item.committeeDueOn}`);
  const step = async (action: string, fill: Record<string, string> = {}) => {
    await mine.getByTestId(`emergency-${action}`).click();
    const modal = page.getByTestId('emergency-action');
    await expect(modal).toBeVisible();
    for (const [id, value] of Object.entries(fill)) await modal.getByTestId(id).fill(value);
    await page.getByTestId('emergency-action-ok').click();
    await expect(modal).toBeHidden();
  };
  await step('approve', { 'emergency-note': '业委会审核同意，抓紧修复' });
  await expect(mine).toHaveAttribute('data-status', 'approved');
  await step('review_cost', {
    'emergency-cost': '12345.60',
    'emergency-reviewer': '上海申信工程造价咨询有限公司',
    'emergency-report-no': `申信审 ${unique()}`,
  });
  await expect(mine).toContainText('审价 12345.60 元');
  await step('pay', { 'emergency-reference': `EM-${unique()}` });
  await expect(mine).toHaveAttribute('data-status', 'paid');
  await expect(page.getByTestId('fund-payments')).toContainText(title);
  await docsScreenshot(page, 'fund-emergency-committee.png', { fullPage: true });
});

test('before the developer’s report the company is told in words that the fund may not be used', async ({
  page,
  signIn,
  api,
  phone,
}) => {
  const company = await api('wuye');
  const compound = await firstCompound(company);
  const listed = await company.get<Emergencies>(`/api/v1/fund/compounds/${compound.id}/emergencies`);
  expect(listed.stage).toBe('before_report');
  expect(listed.mayReport).toBe(false);
  const refused = await company.send(`/api/v1/fund/compounds/${compound.id}/emergencies`, {
    situation: 'pump_tank',
    title: '水泵故障',
    plan: '更换水泵',
    quotation: '5000',
    safetyAffected: true,
    outsideWarranty: true,
    reportedOn: shanghaiDate(new Date()),
  });
  expect(refused.status()).toBe(409);
  expect(JSON.stringify(await refused.json())).toContain('第七十一条第一款');

  await signIn('wuye');
  await openApp(page, `/compounds/${compound.id}`);
  await page.getByRole('tab', { name: '紧急维修' }).click();
  const card = page.getByTestId('fund-emergencies');
  await expect(card.getByTestId('emergency-stage')).toContainText('专项维修资金不得动用');
  await expect(card.getByTestId('emergency-stage')).toContainText('第七十一条第一款');
  await expect(card.getByTestId('emergency-report-open')).toHaveCount(0);
  await docsScreenshot(page, 'fund-emergency-before-report.png');

  const mobile = await phone('wuye2');
  const served = await firstCompound(await api('yeweihui'));
  await mobile.goto(`/compounds/${served.id}?tab=emergencies`);
  // The first load of the bundle on a busy machine (the phone's header shows no user name to wait for).
  await expect(mobile.getByTestId('fund-emergencies')).toContainText('二次供水水泵故障抢修', {
    timeout: 45_000,
  });
  await docsScreenshot(mobile, 'fund-emergency-phone.png', { fullPage: true });
});

test('between the developer’s report and the assembly the street follows the consulted, reviewed, paid repair', async ({
  page,
  signIn,
  api,
  phone,
}) => {
  const street = await api('huamu');
  const { items } = await street.get<{ items: { id: string; name: string }[] }>(
    '/api/v1/compounds?street=310115016&limit=100',
  );
  let compoundId = '';
  for (const c of items) {
    const r = await street.request.get(`/api/v1/fund/compounds/${c.id}/applications`);
    if (r.ok() && ((await r.json()) as { items: unknown[] }).items.length > 0) compoundId = c.id;
  }
  expect(compoundId, 'the demo has a compound with applications before its assembly').not.toBe('');
  await signIn('huamu');
  await openApp(page, `/fund/compounds/${compoundId}`);
  const card = page.getByTestId('fund-applications');
  await expect(card).toContainText('第七十一条第二款');
  await expect(card.locator('[data-status="paid"]')).toContainText('征询');
  await expect(card.locator('[data-status="proposed"]')).toContainText('待征询');
  await expect(page.getByTestId('fund-payments')).toContainText('居委会征询业主');
  await docsScreenshot(page, 'fund-applications.png', { fullPage: true });
  const mobile = await phone('huamu');
  await mobile.goto(`/fund/compounds/${compoundId}`);
  await expect(mobile.getByTestId('fund-applications')).toContainText('待征询', { timeout: 45_000 });
  await mobile.getByTestId('fund-applications').scrollIntoViewIfNeeded();
  await docsScreenshot(mobile, 'fund-applications-phone.png', { fullPage: true });
});
