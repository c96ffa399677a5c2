// A street office takes a compound from the assembly trigger to an owners' committee in term: the formation
// steps with back-dated paper records (one test), then the committee recorded after the first meeting,
// its names posted and its 备案 decided (another test, on another compound brought to the first meeting
// through the API).
import type { Page } from '@playwright/test';
import { modalOk, pickByLabel } from './support/antd.js';
import { expect, test, type Api } from './support/fixtures.js';
import { compoundWithoutAssembly, day, ownersOf, type CompoundRef } from './support/governance.js';
import { resultScreenshot } from './support/screenshots.js';

async function formationStep(page: Page, action: string, fill: () => Promise<void>) {
  await page.getByTestId(`formation-${action}`).click();
  await expect(page.getByTestId('formation-modal')).toBeVisible();
  await fill();
  await modalOk(page, 'formation-modal');
}

/** Formation through the API up to the first owners' meeting, with the same back-dated records. */
async function formedToFirstMeeting(street: Api, compound: CompoundRef) {
  const owners = await ownersOf(street, compound.id);
  let g = await street.post<{ formation: { id: string; version: number } }>(
    `/api/v1/governance/compounds/${compound.id}/formation`,
    {},
  );
  const act = async (body: Record<string, unknown>) => {
    g = await street.post(`/api/v1/governance/formations/${g.formation.id}/actions`, {
      version: g.formation.version,
      ...body,
    });
  };
  await act({ action: 'record_report', on: day(-40), reportKind: 'developer' });
  await act({
    action: 'form_group',
    on: day(-35),
    members: [
      { name: '街道 张老师', role: 'street', leader: true },
      { name: '居委 周书记', role: 'residents_committee' },
      { name: '开发商 刘经理', role: 'developer' },
      ...owners.slice(13, 17).map((o) => ({ name: o.name, role: 'owner', ownerId: o.id })),
    ],
  });
  await act({ action: 'post_member_list', on: day(-34) });
  await act({ action: 'schedule_meeting', meetingOn: day(-10) });
  await act({ action: 'post_meeting_notice', on: day(-30) });
  await act({ action: 'hold_first_meeting', on: day(-10) });
  return owners;
}

async function openCompound(page: Page, compound: CompoundRef) {
  await page.goto('/governance');
  await expect(page.getByTestId('governance-overview-table')).toBeVisible();
  await page.getByRole('link', { name: compound.name }).first().click();
  await expect(page.getByTestId('governance-compound-title')).toContainText(compound.name);
}

test.describe('governance: from the trigger to a committee in term', () => {
  test('the street office records the formation steps up to the first owners’ meeting', async ({
    page,
    signIn,
    api,
  }) => {
    const huamu = await api('huamu');
    const compound = await compoundWithoutAssembly(huamu);
    const owners = await ownersOf(huamu, compound.id);
    const pickOwner = (testId: string, n: number) =>
      pickByLabel(page, testId, owners[n].search, owners[n].label);
    await signIn('huamu');
    await openCompound(page, compound);
    await expect(page.getByTestId('trigger-on'), 'the trigger date is shown').toHaveText(/\d{4}-\d{2}-\d{2}/);

    await page.getByTestId('formation-start').click();
    await expect(page.getByTestId('formation-card')).toBeVisible();
    await formationStep(page, 'record_report', () => page.getByTestId('field-on').fill(day(-40)));
    await formationStep(page, 'form_group', async () => {
      await page.getByTestId('field-on').fill(day(-35));
      await page.getByTestId('group-name-0').fill('街道 张老师');
      await page.getByTestId('group-name-1').fill('居委 周书记');
      await page.getByTestId('group-name-2').fill('开发商 刘经理');
      for (let i = 3; i < 7; i++) await pickOwner(`group-owner-${i}`, i + 10);
    });
    await expect(page.getByTestId('formation-group')).toBeVisible();
    await formationStep(page, 'post_member_list', () => page.getByTestId('field-on').fill(day(-34)));
    await formationStep(page, 'schedule_meeting', () => page.getByTestId('field-meetingOn').fill(day(-10)));
    await formationStep(page, 'post_meeting_notice', () => page.getByTestId('field-on').fill(day(-30)));
    await formationStep(page, 'hold_first_meeting', () => page.getByTestId('field-on').fill(day(-10)));
    await expect(page.getByTestId('committee-record'), 'the elected committee can be recorded').toBeVisible();
  });

  test('the street office records the elected committee, posts the names and decides the 备案', async ({
    page,
    signIn,
    api,
  }, testInfo) => {
    const zhangjiang = await api('zhangjiang');
    const compound = await compoundWithoutAssembly(zhangjiang);
    const owners = await formedToFirstMeeting(zhangjiang, compound);
    await signIn('zhangjiang');
    await openCompound(page, compound);

    await page.getByTestId('committee-record').click();
    await expect(page.getByTestId('committee-record-modal')).toBeVisible();
    for (let i = 0; i < 5; i++)
      await pickByLabel(page, `member-owner-${i}`, owners[i + 20].search, owners[i + 20].label);
    await modalOk(page, 'committee-record-modal');
    await expect(page.getByTestId('committee-card')).toBeVisible();
    await expect(page.getByText('业委会在任').first()).toBeVisible();

    // Names posted (3 days); the street's training and the six materials of 《规定》 Art 23 ¶1 in the file;
    // then the 备案 submitted and decided.
    await page.getByTestId('committee-post_names').click();
    await expect(page.getByTestId('committee-modal')).toBeVisible();
    await modalOk(page, 'committee-modal');
    const g = await zhangjiang.get<{ committee: { id: string; members: { id: string }[] } }>(
      `/api/v1/governance/compounds/${compound.id}`,
    );
    await zhangjiang.post(`/api/v1/governance/committees/${g.committee.id}/trainings`, {
      heldOn: day(0),
      topic: '业委会履职培训',
      trainer: '街道',
      hours: 2,
      memberIds: g.committee.members.map((m) => m.id),
    });
    await page.reload();
    const materials = page.getByTestId('filing-materials');
    await expect(materials.getByTestId('filing-material-missing-fund_statute')).toBeVisible();
    for (const material of [
      'assembly_minutes',
      'rules_of_procedure',
      'management_statute',
      'fund_statute',
      'member_list',
      'training_records',
    ]) {
      await materials.getByTestId(`filing-material-${material}`).click();
      await expect(page.getByTestId('filing-material-modal')).toBeVisible();
      await page.getByTestId('field-description').fill('业主大会通过稿');
      await modalOk(page, 'filing-material-modal');
    }
    await expect(materials.locator('[data-testid^=filing-material-missing-]')).toHaveCount(0);
    // 《规定》 Art 34: the street accepts (受理) the filing first; its 20 days run from then.
    for (const action of ['submit_filing', 'receive_filing', 'decide_filing']) {
      await page.getByTestId(`committee-${action}`).click();
      await expect(page.getByTestId('committee-modal')).toBeVisible();
      await modalOk(page, 'committee-modal');
    }
    await expect(page.getByTestId('committee-filing').filter({ hasText: '已备案' })).toBeVisible();
    await resultScreenshot(page, testInfo, 'governance-compound.png');
  });
});
