// A resident without an account: reports a problem with a photo, follows it by case number and phone,
// then checks the result and rates it on the same page. Each test files its own report (own phone number).
import { choose } from './support/antd.js';
import { caseAction, photoFile, residentReport } from './support/cases.js';
import { expect, test, unique } from './support/fixtures.js';

/** A phone number of this test only (tracking matches case number and phone). */
const residentPhone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

test.describe('cases: a resident reports and follows a problem', () => {
  test('reports without an account, with a photo; gets the case number; staff see it in their queue', async ({
    page,
    api,
  }) => {
    const description = `小区外围路灯和人行道护栏损坏多日无人修理 ${unique()}`;
    await page.goto('/login');
    await page.getByTestId('login-report').click();
    await expect(page).toHaveURL(/\/report$/);
    await choose(page, 'report-category', '一般修理', '一般修理');
    await choose(page, 'report-attr-part', '共用部位');
    // Outside a compound (the street lights of the road around it): the street instead of a compound.
    await page.getByTestId('report-by-street').click();
    await choose(page, 'report-street', '花木街道', '花木');
    await page.getByTestId('report-address').fill('浦东新区花木路100弄');
    await page.getByTestId('report-description').fill(description);
    await page.getByTestId('report-name').fill('李女士');
    await page.getByTestId('report-phone').fill(residentPhone());
    // A photo is shrunk in the browser before it is sent.
    await page.getByTestId('report-photos').locator('input[type=file]').setInputFiles(photoFile('site.png'));
    await expect(page.getByTestId('report-photos').locator('.photo-thumb')).toBeVisible();
    await page.getByTestId('report-submit').click();
    const caseNoEl = page.getByTestId('report-case-no');
    await expect(caseNoEl, 'the case number is shown prominently').toHaveText(/\d{15,}/);
    const caseNo = (await caseNoEl.innerText()).match(/\d{15,}/)![0];

    // Staff see the report with its photo in the 花木 street office's queue.
    const huamu = await api('huamu');
    const list = await huamu.get<{ items: { id: string; channel: string }[] }>(
      `/api/v1/cases?queue=toDispatch&q=${caseNo}`,
    );
    expect(list.items[0]?.channel, 'the report is in the street office’s queue').toBe('residentWeb');
    const view = await huamu.get<{ photos: unknown[] }>(`/api/v1/cases/${list.items[0].id}`);
    expect(view.photos, 'the photo arrived with the report').toHaveLength(1);
  });

  test('follows it by number and phone; a wrong phone finds nothing and shows no case data', async ({
    page,
    baseURL,
  }) => {
    const phone = residentPhone();
    const c = await residentReport(baseURL!, phone, `小区外围路灯损坏多日无人修理 ${unique()}`);
    await page.goto('/track');
    await page.getByTestId('track-case-no').fill(c.caseNo);
    await page.getByTestId('track-phone').fill(phone);
    await page.getByTestId('track-submit').click();
    await expect(page.getByTestId('track-status'), 'the resident sees 已受理').toHaveText('已受理');
    await expect(page.getByTestId('track-timeline')).toContainText('受理');

    await page.getByTestId('track-phone').fill('13900009999');
    await page.getByTestId('track-submit').click();
    await expect(page.getByTestId('track-error')).toContainText('案件编号与手机号不匹配');
    await expect(page.getByTestId('track-status'), 'no status is shown for a wrong phone').toHaveCount(0);
  });

  test('checks the reported result and rates it on the tracking page', async ({ page, baseURL, api }) => {
    const phone = residentPhone();
    const c = await residentReport(baseURL!, phone, `人行道护栏损坏多日无人修理 ${unique()}`);
    // Nothing on the list matches outside a compound: the street office coordinates it itself.
    const huamu = await api('huamu');
    await caseAction(huamu, c.id, 'dispatch');
    await caseAction(huamu, c.id, 'signFor');
    await caseAction(huamu, c.id, 'reportBack', { note: '已更换护栏和路灯' });

    await page.goto('/track');
    await page.getByTestId('track-case-no').fill(c.caseNo);
    await page.getByTestId('track-phone').fill(phone);
    await page.getByTestId('track-submit').click();
    await expect(page.locator('[data-testid=track-status][data-status=reported]')).toBeVisible();
    await page.getByTestId('track-action-verifyPass').click();
    await expect(page.locator('[data-testid=track-status][data-status=verified]')).toBeVisible();
    await caseAction(huamu, c.id, 'close');
    await page.getByTestId('track-submit').click();
    await expect(page.locator('[data-testid=track-status][data-status=closed]')).toBeVisible();
    await page.getByTestId('track-satisfaction').getByText('满意', { exact: true }).click();
    await page.getByTestId('track-action-revisit').click();
    await expect(page.locator('[data-testid=track-status][data-status=revisited]')).toHaveText('已评价');
  });
});
