// A resident's repair reaches the property company and comes back to the resident (issue 9 §2–3), one test per
// step, each bringing its own data: on a phone (390 px) the resident picks 世纪家园 by name and a building and
// reports a repair of a common part → the responsibility list routes it to 世纪家园项目部 (the street office's
// case page says why, in words) → the company account `wuye` signs it and reports back with a note and a photo
// → the resident, back through the signed link (no number, no phone), sees that note and photo in public
// wording, confirms 问题已解决 and rates it.
import { choose, pickFirstOption } from './support/antd.js';
import {
  act,
  caseAction,
  expectStatus,
  note,
  openCase,
  PHOTO_DATA_URL,
  photoFile,
  residentCompoundReport,
  SHIJI_JIAYUAN,
} from './support/cases.js';
import { expect, openApp, test, unique, type Api } from './support/fixtures.js';

const PROJECT_OFFICE = '世纪家园项目部';

/** A phone number of this test only (tracking matches case number and phone). */
const residentPhone = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

interface CaseView {
  id: string;
  status: string;
  suggestedOrg: { name: string } | null;
  leadOrg: { name: string } | null;
  compound: { name: string } | null;
  building: { name: string } | null;
}

/** The street office finds a case by its number in its work queue (every tab of its street). */
async function findAsStreet(huamu: Api, caseNo: string): Promise<CaseView> {
  const list = await huamu.get<{ items: { id: string; caseNo: string }[] }>(
    `/api/v1/cases?queue=all&q=${caseNo}`,
  );
  expect(
    list.items.map((c) => c.caseNo),
    'the street office finds the case by its number',
  ).toEqual([caseNo]);
  return huamu.get<CaseView>(`/api/v1/cases/${list.items[0].id}`);
}

test.describe('resident → property company → resident', () => {
  test('on a phone, picks 世纪家园 by name and a building; the repair is routed to its project office', async ({
    phone,
    page,
    signIn,
    api,
  }) => {
    const mobile = await phone();
    const description = `3号楼门厅顶灯不亮，楼道很暗 ${unique()}`;
    await mobile.goto('/report');
    await choose(mobile, 'report-category', '一般修理', '一般修理');
    await choose(mobile, 'report-attr-part', '共用部位');
    await choose(mobile, 'report-compound', /世纪家园（.*花木街道/, SHIJI_JIAYUAN);
    await pickFirstOption(mobile, 'report-building');
    const building = (await mobile.getByTestId('report-building').locator('.ant-select-content').innerText())
      .trim()
      .split('\n')[0];
    expect(building, 'a building is chosen').not.toBe('');
    await mobile.getByTestId('report-description').fill(description);
    await mobile.getByTestId('report-name').fill('李女士');
    await mobile.getByTestId('report-phone').fill(residentPhone());
    await mobile.getByTestId('report-submit').click();
    const caseNoEl = mobile.getByTestId('report-case-no');
    await expect(caseNoEl, 'the case number is shown').toHaveText(/\d{15,}/);
    const caseNo = (await caseNoEl.innerText()).match(/\d{15,}/)![0];
    await expect(mobile.getByTestId('report-track-link'), 'a signed link to come back by').toContainText(
      '/track?t=',
    );
    // Phone-first: nothing is wider than the screen.
    const overflow = await mobile.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(overflow, 'the page fits the 390 px screen').toBeLessThanOrEqual(390);

    const view = await findAsStreet(await api('huamu'), caseNo);
    expect(view.compound?.name).toBe(SHIJI_JIAYUAN);
    expect(view.building?.name).toBe(building);
    expect(view.suggestedOrg?.name, 'the list routes a common-part repair to the project office').toBe(
      PROJECT_OFFICE,
    );

    // The street office's case page says why, in words: the list's row and its legal basis, never a code.
    await signIn('huamu');
    await openCase(page, view.id);
    await expect(page.getByTestId('case-routing')).toContainText('一般修理 → 物业服务企业');
    await expect(page.getByTestId('case-routing')).toContainText(
      '《上海市住宅物业管理规定》第七十二条第二款',
    );
    const routed = page.getByTestId('case-timeline').getByTestId('event-routing');
    await expect(routed).toContainText('一般修理 → 物业服务企业');
    await expect(routed).not.toContainText(/v\d+:R\d+/);
  });

  test('the property company signs it and reports back with a note and a photo', async ({
    page,
    signIn,
    api,
    baseURL,
  }) => {
    const c = await residentCompoundReport(baseURL!, residentPhone(), `楼道顶灯不亮 ${unique()}`);
    const huamu = await api('huamu');
    await caseAction(huamu, c.id, 'dispatch');
    expect((await findAsStreet(huamu, c.caseNo)).leadOrg?.name).toBe(PROJECT_OFFICE);

    await signIn('wuye');
    await openApp(page, `/cases?queue=toSign&q=${c.caseNo}`);
    const row = page
      .locator('tbody tr.ant-table-row')
      .filter({ has: page.getByRole('link', { name: c.caseNo }) });
    await expect(row, 'the case waits in the company’s queue to sign').toBeVisible();
    await expect(row).toContainText(PROJECT_OFFICE);
    await openCase(page, c.id);
    // A working-day deadline (签收: 1 working day) shows as its last day, not as the next midnight.
    await expect(page.getByTestId('case-deadlines')).toContainText(/\d+月\d+日（周.）24:00前/);
    await act(page, 'signFor');
    await expectStatus(page, 'signed', '处置中');
    await act(page, 'reportBack', async () => {
      await note(page, '已更换门厅顶灯灯管并检查线路');
      await page
        .getByTestId('action-photos')
        .locator('input[type=file]')
        .setInputFiles(photoFile('lamp.png'));
      await expect(page.getByTestId('action-photos').locator('.photo-thumb')).toBeVisible();
    });
    await expectStatus(page, 'reported', '已反馈');
    await expect(page.getByTestId('case-photos').locator('img'), 'the evidence photo is shown').toHaveCount(
      1,
    );
  });

  test('the resident comes back by the signed link, sees what was done, confirms it solved and rates it', async ({
    phone,
    api,
    baseURL,
  }) => {
    const c = await residentCompoundReport(baseURL!, residentPhone(), `楼道顶灯不亮 ${unique()}`);
    const huamu = await api('huamu');
    const wuye = await api('wuye');
    await caseAction(huamu, c.id, 'dispatch');
    await caseAction(wuye, c.id, 'signFor');
    await caseAction(wuye, c.id, 'reportBack', {
      note: '已更换门厅顶灯灯管并检查线路',
      photos: [PHOTO_DATA_URL],
    });

    const mobile = await phone();
    await mobile.goto(`/track?t=${encodeURIComponent(c.trackToken)}`);
    await expect(mobile.getByTestId('track-case-no'), 'no number or phone to retype').toHaveCount(0);
    await expect(mobile.locator('[data-testid=track-status][data-status=reported]')).toHaveText(
      '已办结，待您确认',
    );
    const result = mobile.getByTestId('track-handler-result');
    await expect(result.getByTestId('track-result-note')).toHaveText('已更换门厅顶灯灯管并检查线路');
    await expect(result.getByTestId('track-result-photos').locator('img')).toHaveCount(1);
    await expect(mobile.getByTestId('track-result')).toContainText(PROJECT_OFFICE);
    // Public wording: the steps as the resident understands them, not the internal action names.
    const timeline = mobile.getByTestId('track-timeline');
    await expect(timeline).toContainText('正在办理');
    await expect(timeline).not.toContainText('签收');

    await mobile.getByTestId('track-action-verifyPass').click();
    await expect(mobile.locator('[data-testid=track-status][data-status=verified]')).toBeVisible();
    await caseAction(huamu, c.id, 'close');
    await mobile.reload();
    await expect(mobile.locator('[data-testid=track-status][data-status=closed]')).toBeVisible();
    await mobile.getByTestId('track-satisfaction').getByText('满意', { exact: true }).click();
    await mobile.getByTestId('track-action-revisit').click();
    await expect(mobile.locator('[data-testid=track-status][data-status=revisited]')).toHaveText('已评价');
  });
});
