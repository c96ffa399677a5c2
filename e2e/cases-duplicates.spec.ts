// Duplicates before they exist (issue 9 §7): while the hotline operator types a report for a compound and
// category that already has an open case, the form shows that case and merges the new report into it with
// one click; on a case page, the merge dialog picks the case to merge into from a list of similar open cases
// (or by the first digits of its number), no 21-digit number to retype. Each test brings its own open case.
import { choose } from './support/antd.js';
import { act, expectStatus, hotlineBurstPipe, openCase, SHIJI_JIAYUAN, HUAMU } from './support/cases.js';
import { expect, test, unique, type Api } from './support/fixtures.js';

async function openNoiseCase(hotline: Api, description: string) {
  const compounds = await hotline.get<{ items: { id: string; name: string; streetCode: string }[] }>(
    `/api/v1/compounds?q=${encodeURIComponent(SHIJI_JIAYUAN)}`,
  );
  const compound = compounds.items.find((c) => c.name === SHIJI_JIAYUAN && c.streetCode === HUAMU)!;
  return hotline.post<{ id: string; caseNo: string }>('/api/v1/cases', {
    channel: 'hotline12345',
    categoryCode: 'noise',
    compoundId: compound.id,
    description,
  });
}

test.describe('cases: duplicates are seen while typing and merged with a click', () => {
  test('the operator sees the open case of the same compound and category and merges into it', async ({
    page,
    signIn,
    api,
  }) => {
    const earlier = await openNoiseCase(await api('hotline'), `楼上夜间装修噪声 ${unique()}`);
    await signIn('hotline');
    await page.goto('/cases/new');
    // The caller says 噪音: the category search finds 噪声扰民 by its keyword.
    await choose(page, 'intake-category', '噪声扰民', '噪音');
    await choose(page, 'intake-compound', /世纪家园 · 花木街道/, SHIJI_JIAYUAN);
    const hint = page.getByTestId('similar-case').filter({ hasText: earlier.caseNo });
    await expect(hint, 'the open case of the same compound and category is offered').toBeVisible();
    await expect(hint).toContainText('已受理');
    await expect(hint).toContainText('楼上夜间装修噪声');
    await page.getByTestId('intake-description').fill(`又有人反映楼上装修太吵 ${unique()}`);
    await hint.getByTestId('similar-merge').click();
    await expect(page).toHaveURL(/\/cases\/(?!new)[^/]+$/);
    await expectStatus(page, 'merged', '已合并');
    // The new report's own page: merged, naming the case it repeats.
    await expect(page.getByTestId('case-duplicate-of')).toContainText(earlier.caseNo);
    await expect(page.getByTestId('case-title').locator('.num').first()).not.toHaveText(earlier.caseNo);
  });

  test('the merge dialog on a case page picks the case to merge into from the similar open cases', async ({
    page,
    signIn,
    api,
  }) => {
    const hotline = await api('hotline');
    const main = await hotlineBurstPipe(hotline, `5号楼水管爆裂 ${unique()}`);
    const repeat = await hotlineBurstPipe(hotline, `5号楼漏水严重 ${unique()}`);
    await signIn('huamu');
    await openCase(page, repeat.id);
    await act(page, 'merge', async (modal) => {
      const picker = modal.getByTestId('action-merge-into');
      await picker.click();
      const options = page.locator(
        '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
      );
      await expect(options.filter({ hasText: main.caseNo }), 'the similar open case is listed').toBeVisible();
      await expect(options.filter({ hasText: repeat.caseNo }), 'not the case itself').toHaveCount(0);
      // Typing the first digits of the number narrows the list to the cases whose number starts so.
      await page.keyboard.type(main.caseNo.slice(0, -1));
      await options.filter({ hasText: main.caseNo }).click();
      await expect(picker).toContainText(main.caseNo);
    });
    await expectStatus(page, 'merged', '已合并');
  });
});
