// The owner's own home on a phone (issue 9 §4), one test per step, each bringing its own data: the demo owner
// signs in and lands on the home (the demo data has a vote open in their compound and a notice board); votes
// on a decision the street opened for this test and sees the ballot counted; reports a problem with the unit
// filled in and finds it under "my reports". Screenshots of the home at 390 px and 1440 px for the docs.
import type { Page } from '@playwright/test';
import { choose } from './support/antd.js';
import { expect, test, unique, type Api } from './support/fixtures.js';
import { openFundUseVote } from './support/governance.js';
import { DEMO_PASSWORD } from './support/server.js';
import { docsScreenshot } from './support/screenshots.js';

interface OwnUnit {
  compoundId: string;
  compoundName: string;
  label: string;
}

async function ownerUnit(owner: Api): Promise<OwnUnit> {
  const { items } = await owner.get<{ items: OwnUnit[] }>('/api/v1/owner/units');
  expect(items.length, 'the demo owner owns a unit').toBeGreaterThan(0);
  return items[0];
}

/** The decision card of the home with that title. */
const decisionCard = (page: Page, title: string) =>
  page.getByTestId('owner-decision').filter({ has: page.getByRole('heading', { name: title }) });

test.describe('owner: my home on a phone', () => {
  test('signs in and lands on the home: my unit, an open vote, the notice board', async ({
    phone,
    api,
    page,
    signIn,
  }) => {
    const unit = await ownerUnit(await api('owner'));
    const mobile = await phone();
    await mobile.goto('/login');
    await mobile.getByTestId('login-username').fill('owner');
    await mobile.getByTestId('login-password').fill(DEMO_PASSWORD);
    await mobile.getByTestId('login-submit').click();
    await expect(mobile).toHaveURL(/\/me$/);
    await expect(mobile.getByTestId('owner-units')).toContainText(`${unit.compoundName} ${unit.label}`);
    // The demo data: a vote open in the owner's compound, and its committee's notices.
    await expect(mobile.getByTestId('owner-decision').first()).toBeVisible();
    await expect(mobile.getByTestId('owner-notices')).toContainText(unit.compoundName);
    await expect(mobile.getByTestId('owner-notices-resolutions')).toBeVisible();
    // Phone-first: nothing is wider than the screen.
    // a function, not a string (the page's Content-Security-Policy forbids evaluating strings)
    const overflow = await mobile.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(overflow).toBeLessThanOrEqual(390);
    await docsScreenshot(mobile, 'owner-home-phone.png', { fullPage: true });

    await signIn('owner');
    await page.goto('/me');
    await expect(page.getByTestId('owner-decision').first()).toBeVisible();
    await expect(page.getByTestId('owner-notices-resolutions')).toBeVisible();
    await docsScreenshot(page, 'owner-home-desktop.png');
  });

  test('votes on an open decision as the account and sees the ballot counted', async ({ phone, api }) => {
    const unit = await ownerUnit(await api('owner'));
    const title = `使用专项维修资金更换电梯 ${unique()}`;
    await openFundUseVote(await api('huamu'), unit.compoundId, title);
    const mobile = await phone('owner');
    await mobile.goto('/me');
    const card = decisionCard(mobile, title);
    await expect(card.getByTestId('owner-decision-progress')).toContainText('已有 0 位业主投票');
    await card.getByTestId('owner-vote-yes').click();
    await mobile.getByTestId('owner-vote-confirm').click();
    await expect(card.getByTestId('owner-voted')).toContainText('您已投票：同意');
    await expect(card.getByTestId('owner-decision-progress')).toContainText('已有 1 位业主投票');
    await expect(card.getByTestId('owner-vote-yes')).toHaveCount(0);
    // Recorded as the owner's own web ballot on the committee's roll.
    const street = await api('huamu');
    const d = await street.get<{ ballotCount: number }>(
      `/api/v1/governance/decisions/${(await card.getAttribute('data-id')) ?? ''}`,
    );
    expect(d.ballotCount).toBe(1);
  });

  test('reports a problem with the unit filled in and finds it under my reports', async ({ phone, api }) => {
    const unit = await ownerUnit(await api('owner'));
    const description = `楼道声控灯坏了，晚上上下楼看不见 ${unique()}`;
    const mobile = await phone('owner');
    await mobile.goto('/me');
    await mobile.getByTestId('owner-report-open').click();
    await expect(mobile.getByTestId('owner-report-unit')).toContainText(`${unit.compoundName} ${unit.label}`);
    await choose(mobile, 'owner-report-category', '一般修理', '一般修理');
    await mobile.getByTestId('owner-report-description').fill(description);
    await mobile.getByTestId('owner-report-submit').click();
    await expect(mobile.getByTestId('owner-report-done')).toContainText('已提交，案件编号');
    const mine = mobile.getByTestId('owner-case').filter({ hasText: description });
    await expect(mine).toBeVisible();
    await expect(mine.getByTestId('owner-case-state')).toHaveText('已受理');
    await expect(mine).toContainText(`${unit.compoundName} ${unit.label}`);
  });
});
