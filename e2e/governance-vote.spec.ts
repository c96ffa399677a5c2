// A committee's fund-use vote, one test per stage, each on its own decision (zhangjiang's second compound in
// term): the street creates and opens it with the paper notice; invitation codes are issued and an owner
// votes on the phone; a paper ballot is taken at the desk; everyone has voted, it is closed and published
// with its arithmetic. Last, an owner reads the result and the committee on the notice board of a phone.
import { chooseRadio, modalOk } from './support/antd.js';
import { expect, test, unique, type Api } from './support/fixtures.js';
import {
  ballotsOfEveryone,
  closeAndPublish,
  compoundInTerm,
  day,
  local,
  openFundUseVote,
  ownerAccount,
  ownersOf,
} from './support/governance.js';
import { docsScreenshot, resultScreenshot } from './support/screenshots.js';

/** zhangjiang's compounds in term, by index: 1 for the vote, 2 for the notice board (0 is frozen). */
const VOTE = 1;
const BOARD = 2;

const title = () => `使用专项维修资金维修 1 号楼屋面 ${unique()}`;

async function voteCompound(api: (u: string) => Promise<Api>) {
  return compoundInTerm(await api('zhangjiang'), VOTE);
}

test.describe('governance: a fund-use vote to a published result', () => {
  test('the street creates the vote and opens it 16 days after the paper notice', async ({
    page,
    signIn,
    api,
  }) => {
    const compound = await voteCompound(api);
    await signIn('zhangjiang');
    await page.goto(`/governance/compounds/${compound.id}?tab=decisions`);
    await page.getByTestId('decision-new').click();
    await expect(page.getByTestId('decision-modal')).toBeVisible();
    await page.getByTestId('field-title').fill(title());
    await page.getByTestId('field-opensAt').fill(local(-1));
    await page.getByTestId('field-closesAt').fill(local(24 * 60));
    await modalOk(page, 'decision-modal');
    await expect(page.getByTestId('decision-title')).toBeVisible();
    // 《规定》 Art 25 ¶2: the 房管机构 and the 居委会 were told in writing beforehand.
    for (const name of ['张江镇房管办事处', '张江居委会']) {
      await page.getByTestId('meeting-notice-new').click();
      await expect(page.getByTestId('meeting-notice-modal')).toBeVisible();
      await page.getByTestId('field-recipientName').fill(name);
      await page.getByTestId('field-notifiedOn').fill(day(-16));
      await modalOk(page, 'meeting-notice-modal');
    }
    // The paper notice went up 16 days ago (≥ 15 days before voting).
    await page.getByTestId('decision-open').click();
    await page.getByTestId('field-noticePostedOn').fill(day(-16));
    await modalOk(page, 'decision-open-modal');
    await expect(page.locator('[data-testid=decision-status][data-status=open]')).toBeVisible();
  });

  test('invitation codes are issued and an owner votes with one on the phone', async ({
    page,
    signIn,
    api,
    phone,
  }, testInfo) => {
    const compound = await voteCompound(api);
    const decision = await openFundUseVote(await api('zhangjiang'), compound.id, title());
    await signIn('zhangjiang');
    await page.goto(`/governance/decisions/${decision.id}`);
    await page.getByTestId('decision-issue').click();
    const firstCode = page.getByTestId('codes-table').locator('tbody tr').first().locator('td').nth(1);
    await expect(firstCode).toHaveText(/\S+/);
    const code = (await firstCode.textContent())!.trim();
    await page.getByTestId('codes-close').click();

    const mobile = await phone();
    await mobile.goto('/vote');
    await mobile.getByTestId('vote-code').fill(code.toLowerCase());
    await mobile.getByTestId('vote-look').click();
    await mobile.getByTestId('vote-yes').click();
    await mobile.getByTestId('vote-confirm').click();
    await expect(mobile.getByTestId('vote-thanks')).toBeVisible();
    await resultScreenshot(mobile, testInfo, 'governance-vote-mobile.png');
  });

  test('a paper ballot is recorded at the desk', async ({ page, signIn, api }) => {
    const compound = await voteCompound(api);
    const decision = await openFundUseVote(await api('zhangjiang'), compound.id, title());
    await signIn('zhangjiang');
    await page.goto(`/governance/decisions/${decision.id}`);
    await expect(page.getByTestId('roll-table')).toBeVisible();
    await page.getByTestId('roll-table').getByRole('button').first().click();
    await expect(page.getByTestId('desk-ballot-modal')).toBeVisible();
    await chooseRadio(page, 'desk-ballot-modal', '反对', 'desk-choice-no');
    await modalOk(page, 'desk-ballot-modal');
  });

  test('everyone has voted: closed, published, and the result shows its arithmetic', async ({
    page,
    signIn,
    api,
  }, testInfo) => {
    const compound = await voteCompound(api);
    const zhangjiang = await api('zhangjiang');
    const decision = await openFundUseVote(zhangjiang, compound.id, title());
    await ballotsOfEveryone(zhangjiang, decision.id);
    await signIn('zhangjiang');
    await page.goto(`/governance/decisions/${decision.id}`);
    await page.getByTestId('decision-close').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.locator('[data-testid=decision-status][data-status=closed]')).toBeVisible();
    await page.getByTestId('decision-publish').click();
    await page.getByTestId('confirm-ok').click();
    await expect(page.locator('[data-testid=decision-status][data-status=published]')).toBeVisible();
    await expect(page.getByTestId('result-verdict'), 'the fund-use vote passed').toHaveAttribute(
      'data-passed',
      'true',
    );
    // Published: owners may ask the court to revoke it (民法典第二百八十条第二款; 解释第十二条).
    await expect(
      page.getByTestId('decision-challenge').filter({ hasText: '请求人民法院撤销' }),
    ).toBeVisible();
    // Those who voted count from the close; the others at least from the posting (解释第十二条).
    await expect(page.getByTestId('challenge-voters')).toContainText('自表决结束之日起一年');
    await expect(page.getByTestId('challenge-others')).toContainText('至少至');
    await expect(page.getByTestId('result-checks').locator('tbody tr'), 'four threshold rows').toHaveCount(4);
    await resultScreenshot(page, testInfo, 'governance-result.png');
  });
});

test('governance: an owner reads the committee and a published result on the notice board of a phone', async ({
  api,
  phone,
}) => {
  const zhangjiang = await api('zhangjiang');
  const compound = await compoundInTerm(zhangjiang, BOARD);
  const decision = await openFundUseVote(zhangjiang, compound.id, title());
  await ballotsOfEveryone(zhangjiang, decision.id);
  await closeAndPublish(zhangjiang, decision.id);
  const owners = await ownersOf(zhangjiang, compound.id);
  const account = await ownerAccount(await api('admin'), owners[0].id);

  const board = await phone(account.username, account.password);
  await board.goto('/notices');
  await expect(board.getByTestId('notices-board')).toBeVisible();
  await expect(board.getByTestId('notices-members').locator('.ant-tag').first()).toBeVisible();
  await expect(
    board
      .getByTestId('notices-decisions')
      .filter({ hasText: decision.title })
      .filter({ hasText: '请求人民法院撤销' }),
  ).toBeVisible();
  await docsScreenshot(board, 'notices-mobile-zh-CN.png', { fullPage: true });
});
