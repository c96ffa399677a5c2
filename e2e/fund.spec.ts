// The maintenance fund (issue 11), one test per step: the owners' committee opens its compound's fund from the
// governance workspace and follows a building's lift repair down to one unit's share; records a payment on the
// posted lift-repair decision and sees it shared and the balance fall, and a voucher booked twice refused; the
// owner on a phone finds his own ledger with his share. The demo data holds the fund and the posted decision.
import { choose } from './support/antd.js';
import { expect, test, unique, type Api } from './support/fixtures.js';
import { docsScreenshot } from './support/screenshots.js';

interface FundView {
  compoundId: string;
  account: { balance: string };
  buildings: { buildingId: string; name: string; balance: string }[];
  payments: { title: string; decisionTitle: string | null; cost: string }[];
}

async function committeeFund(api: Api): Promise<FundView> {
  const { items } = await api.get<{ items: { id: string }[] }>('/api/v1/compounds?limit=1');
  return api.get<FundView>(`/api/v1/fund/compounds/${items[0].id}`);
}

const fen = (yuan: string) => Math.round(Number(yuan) * 100);

test('the committee follows the lift repair from its building ledger to one unit’s share', async ({
  page,
  signIn,
  api,
}) => {
  const fund = await committeeFund(await api('yeweihui'));
  const repair = fund.payments.find((p) => p.decisionTitle?.includes('电梯'));
  expect(repair, 'the demo lift repair was paid').toBeTruthy();
  await signIn('yeweihui');
  await page.goto(`/governance/compounds/${fund.compoundId}`);
  await page.getByTestId('governance-fund-link').click();
  await expect(page.getByTestId('fund-title')).toContainText('专项维修资金');
  await expect(page.getByTestId('fund-balance')).toHaveText(/^¥\d+\.\d{2}$/);
  // The lift building's balance exactly (the account's moves while fund-emergency.spec.ts pays on another building).
  const lift = fund.buildings.find((b) => repair!.decisionTitle!.includes(b.name))!;
  await expect(
    page.getByTestId('fund-buildings').locator('tbody tr.ant-table-row').filter({ hasText: lift.name }),
  ).toContainText(lift.balance);
  await expect(page.getByTestId('fund-topup-alert')).toContainText('第六十五条');
  await expect(page.getByTestId('fund-payments')).toContainText(repair!.title);
  const lowest = [...fund.buildings].sort((a, b) => fen(a.balance) - fen(b.balance))[0];
  await page
    .getByTestId('fund-buildings')
    .locator('tbody tr.ant-table-row')
    .filter({ hasText: lowest.name })
    .click();
  const units = page.getByTestId('fund-units').locator('tbody tr.ant-table-row');
  await expect(units.first()).toContainText('不足首期 30%');
  await units.first().click();
  const drawer = page.getByTestId('fund-unit-drawer');
  await expect(drawer.getByTestId('fund-entries')).toContainText('列支分摊');
  await expect(drawer.getByTestId('fund-entries')).toContainText('首期交存');
  await drawer.getByRole('button', { name: /close|关闭/i }).click();
  await docsScreenshot(page, 'fund-desktop.png', { fullPage: true });
});

test('the committee records a payment on the posted decision: shared by area, booked once', async ({
  page,
  signIn,
  api,
}) => {
  const committee = await api('yeweihui');
  const before = await committeeFund(committee);
  const decision = before.payments.find((p) => p.decisionTitle?.includes('电梯'))!.decisionTitle!;
  const voucher = `E2E-${unique()}`;
  await signIn('yeweihui');
  await page.goto(`/fund/compounds/${before.compoundId}`);
  const pay = async () => {
    await page.getByTestId('fund-pay-open').click();
    await choose(page, 'fund-pay-decision', decision);
    await page.getByTestId('fund-pay-title').fill('电梯控制柜加装应急平层装置');
    await page.getByTestId('fund-pay-cost').fill('1000.00');
    await page.getByTestId('fund-pay-reference').fill(voucher);
    await page.getByTestId('fund-pay-ok').click();
  };
  await pay();
  await expect(page.getByTestId('fund-pay')).toBeHidden();
  await expect(page.getByTestId('fund-payments')).toContainText('电梯控制柜加装应急平层装置');
  // The decision's building ledger, not the account: fund-emergency.spec.ts pays on another building meanwhile.
  const ledger = (f: FundView) => f.buildings.find((b) => decision.includes(b.name))!;
  const after = await committeeFund(committee);
  expect(fen(ledger(before).balance) - fen(ledger(after).balance)).toBe(100_000);
  await expect(
    page
      .getByTestId('fund-buildings')
      .locator('tbody tr.ant-table-row')
      .filter({ hasText: ledger(after).name }),
  ).toContainText(ledger(after).balance);

  await pay();
  await expect(page.getByTestId('fund-pay').getByTestId('modal-error')).toContainText(voucher);
  expect(ledger(await committeeFund(committee)).balance).toBe(ledger(after).balance);
});

test('the owner finds his own ledger and his share of the repair on the phone', async ({ phone }) => {
  const mobile = await phone('owner');
  await mobile.goto('/me');
  const card = mobile.getByTestId('owner-fund');
  await expect(card.getByTestId('owner-fund-unit').first()).toBeVisible();
  await expect(card).toContainText('列支分摊');
  await expect(card).toContainText('余额');
  await card.scrollIntoViewIfNeeded();
  await mobile.screenshot({ path: test.info().outputPath('owner-fund-phone.png') });
  await docsScreenshot(mobile, 'fund-owner-phone.png', { fullPage: true });
});
