// Duties of 《上海市住宅物业管理规定》 in the committee workspace, one test each, on a zhangjiang compound in term that
// no other spec changes: the written notices to the 房管机构 and the 居民委员会 that a decision needs before it
// opens (Art 25 ¶2), and an owners' proposal checked against 20 % with the committee's task (Art 25 ¶1).
import type { Page } from '@playwright/test';
import { modalOk } from './support/antd.js';
import { expect, test } from './support/fixtures.js';
import { compoundInTerm, day, type CompoundRef } from './support/governance.js';
import { resultScreenshot } from './support/screenshots.js';

const DUTIES = 3; // zhangjiang's fourth compound in term (records takes 0, vote 1 and 2)

async function openCommittee(page: Page, compound: CompoundRef) {
  await page.goto(`/governance/compounds/${compound.id}`);
  await expect(page.getByTestId('governance-compound-title')).toContainText(compound.name);
  await expect(page.getByTestId('committee-card')).toBeVisible();
}

test.describe('governance duties', () => {
  test('a decision opens only after the written notices of Art 25 ¶2', async ({
    page,
    signIn,
    api,
  }, testInfo) => {
    const street = await api('zhangjiang');
    const compound = await compoundInTerm(street, DUTIES);
    const d = await street.post<{ id: string }>('/api/v1/governance/decisions', {
      compoundId: compound.id,
      matter: 'use_fund',
      method: 'written',
      title: '使用专项维修资金维修屋面防水',
      opensAt: new Date(Date.now() + 16 * 86_400_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    await signIn('zhangjiang');
    await page.goto(`/governance/decisions/${d.id}`);
    const card = page.getByTestId('meeting-notices');
    await expect(card.getByTestId('meeting-notices-state')).toContainText('尚未通知：房管机构、居民委员会');

    // Opening without them: the server's message names the article.
    await page.getByTestId('decision-open').click();
    await expect(page.getByTestId('decision-open-modal')).toBeVisible();
    await page.getByTestId('decision-open-modal-ok').click();
    await expect(page.getByTestId('modal-error')).toContainText('第二十五条第二款');
    await page
      .getByTestId('decision-open-modal')
      .getByRole('button', { name: /取\s?消/ })
      .click();

    for (const name of ['张江镇房管办事处', '东方居委会']) {
      await card.getByTestId('meeting-notice-new').click();
      await expect(page.getByTestId('meeting-notice-modal')).toBeVisible();
      await page.getByTestId('field-recipientName').fill(name);
      await page.getByTestId('field-notifiedOn').fill(day(0));
      await modalOk(page, 'meeting-notice-modal');
    }
    await expect(card.getByTestId('meeting-notices-state')).toContainText('两项书面通知均已登记');
    await page.getByTestId('decision-open').click();
    await expect(page.getByTestId('decision-open-modal')).toBeVisible();
    await modalOk(page, 'decision-open-modal');
    await expect(page.getByTestId('decision-status')).toHaveAttribute('data-status', 'open');
    await resultScreenshot(page, testInfo, 'governance-meeting-notices.png');
  });

  test('an owners’ proposal at 20 % opens the committee’s task (Art 25 ¶1)', async ({
    page,
    signIn,
    api,
  }, testInfo) => {
    const street = await api('zhangjiang');
    const compound = await compoundInTerm(street, DUTIES);
    await signIn('zhangjiang');
    await openCommittee(page, compound);
    const section = page.getByTestId('committee-petitions');
    await section.getByTestId('petition-assembly').click();
    await expect(page.getByTestId('petition-modal')).toBeVisible();
    await page.getByTestId('field-subject').fill('提议召开业主大会临时会议，讨论电梯更新');
    await page.getByTestId('field-proposers').fill('100000');
    await page.getByTestId('petition-modal-ok').click();
    // More proposers than owners: the message says so and nothing is recorded.
    await expect(page.getByTestId('modal-error')).toContainText('多于小区业主总人数');
    const owners = Number(
      (await page.getByTestId('modal-error').textContent())!.match(/总人数 (\d+) 人/)![1],
    );
    await page.getByTestId('field-proposers').fill(String(Math.ceil(owners / 5)));
    await modalOk(page, 'petition-modal');
    const row = section.locator('tbody tr.ant-table-row').filter({ hasText: '讨论电梯更新' });
    await expect(row).toContainText('应召开');
    await expect(row).toContainText('≥ 20%');
    await expect(page.getByTestId('committee-tasks')).toContainText('组织召开业主大会临时会议');
    await resultScreenshot(page, testInfo, 'governance-petitions.png');
  });
});
