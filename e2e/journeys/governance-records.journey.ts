// Journeys of a committee's records (《上海市住宅物业管理规定》): the street office opens a compound whose
// owners' committee is in term (demo governance history) and records a meeting with an adopted resolution,
// then posts it (Art 26 ¶3); ends a member's membership and takes the change filing the server creates
// through submission and acceptance (Art 33); by-elects a member, whose missing training shows as a gap
// of the 备案 file until the street records a training (Art 23); forms an owner group on a building
// (Art 35); records and settles a fee arrear (Art 20 ¶2); forms the 换届改选小组 and sees the freeze refuse
// a fund-use decision (Art 28 ¶4). The property company records and settles an arrear on the compound it
// serves, from the compound's page.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Journey, JourneyContext } from '../harness.js';
import {
  apiAs,
  check,
  day,
  modalOk,
  ownersOf,
  pickByLabel,
  pickFirst,
  pickFirstOption,
} from '../governance-helpers.js';

/**
 * A compound of 花木街道 whose committee is in term and which has two or more buildings (for an owner
 * group): the demo data's governance history has several; governance.journey.ts uses none of them.
 */
async function compoundInTerm(baseUrl: string): Promise<{ id: string; name: string }> {
  const { api } = await apiAs(baseUrl, 'huamu');
  try {
    const overview = (await (await api.get('/api/v1/governance/overview?state=in_term&limit=50')).json()) as {
      items: { compoundId: string; compoundName: string }[];
    };
    for (const c of overview.items) {
      const g = (await (await api.get(`/api/v1/governance/compounds/${c.compoundId}`)).json()) as {
        buildings: unknown[];
        ownerGroups: unknown[];
      };
      if (g.buildings.length >= 2 && g.ownerGroups.length === 0)
        return { id: c.compoundId, name: c.compoundName };
    }
    throw new Error('no compound of 花木街道 with a committee in term and two or more buildings');
  } finally {
    await api.dispose();
  }
}

const records: Journey = {
  name: 'governance records: resolution notices, change filings, trainings, owner groups, arrears, 换届 freeze',
  async run(ctx: JourneyContext) {
    const { page, baseUrl } = ctx;
    const compound = await compoundInTerm(baseUrl);
    const owners = await ownersOf(baseUrl, compound.id);
    const pickOwner = (testId: string, n: number) =>
      pickByLabel(page, testId, owners[n].search, owners[n].label);
    await ctx.login('huamu');
    await page.goto(`${baseUrl}/governance?state=in_term`);
    await page.getByTestId('governance-overview-table').waitFor();
    await page.getByRole('link', { name: compound.name }).first().click();
    await page.getByTestId('governance-compound-title').filter({ hasText: compound.name }).waitFor();
    await page.getByTestId('committee-card').waitFor();

    // A meeting whose resolution every member signed (adopted), then posted (Art 26 ¶3).
    await page.getByTestId('committee-record-meeting').click();
    await page.getByTestId('meeting-modal').waitFor();
    await page.getByTestId('field-minutes').fill('讨论小区停车管理方案');
    await page.getByTestId('meeting-add-resolution').click();
    await page.getByTestId('resolution-title-0').fill('同意试行停车管理方案');
    await pickFirst(page, 'meeting-modal', 'resolution-signedBy-0');
    await modalOk(page, 'meeting-modal');
    const publish = page.locator('[data-testid^=meeting-publish-]').first();
    await publish.waitFor();
    await page.locator('[data-testid^=meeting-unpublished-]').first().waitFor();
    await publish.click();
    await page.getByTestId('meeting-publish-modal').waitFor();
    await modalOk(page, 'meeting-publish-modal');
    await page.locator('[data-testid^=meeting-published-]').first().waitFor();

    // A member resigns: the server records a member change to file (Art 33); submitted, then accepted.
    await page.locator('[data-testid^=member-end-]').last().click();
    await page.getByTestId('member-end-modal').waitFor();
    await modalOk(page, 'member-end-modal');
    const submit = page.locator('[data-testid^=change-submit-]').first();
    await submit.waitFor();
    await submit.click();
    await page.getByTestId('change-action-modal').waitFor();
    await modalOk(page, 'change-action-modal');
    await page.locator('[data-testid^=change-status-][data-status=submitted]').first().waitFor();
    await page.locator('[data-testid^=change-decide-]').first().click();
    await page.getByTestId('change-action-modal').waitFor();
    await page.getByTestId('field-note').fill('材料齐全，予以备案');
    await modalOk(page, 'change-action-modal');
    await page.locator('[data-testid^=change-status-][data-status=accepted]').first().waitFor();

    // By-election to the vacant seat (Art 32 ¶1): the new member is untrained, a gap of the 备案 file (Art 23)
    // until the street records a training, which offers the untrained members by default.
    await page.getByTestId('committee-by-election').click();
    await page.getByTestId('by-election-modal').waitFor();
    await pickOwner('field-ownerId', 30);
    await page.getByTestId('eligibility-ok').waitFor();
    await modalOk(page, 'by-election-modal');
    await page.getByTestId('filing-gap-untrained').waitFor();
    await page.locator('[data-testid^=change-submit-]').first().waitFor();
    await screenshotOf(page, 'committee-card', join(ctx.artifacts, 'committee-records-zh-CN.png'));
    await page.getByTestId('training-new').click();
    await page.getByTestId('training-modal').waitFor();
    await page.getByTestId('field-heldOn').fill(day(-1));
    await page.getByTestId('field-topic').fill('业委会委员履职培训：《上海市住宅物业管理规定》');
    await page.getByTestId('field-trainer').fill('花木街道房管办 张老师');
    await modalOk(page, 'training-modal');
    await page.getByTestId('committee-trainings').getByText('业委会委员履职培训').waitFor();
    await page.getByTestId('filing-gap-untrained').waitFor({ state: 'detached' });

    // An owner group on the first building, one representative from its owners (Art 35).
    await page.getByTestId('owner-group-new').click();
    await page.getByTestId('owner-group-modal').waitFor();
    await pickFirstOption(page, 'field-buildingId');
    await pickFirst(page, 'owner-group-modal', 'field-representatives', 1);
    await modalOk(page, 'owner-group-modal');
    const groups = page.getByTestId('owner-groups-table');
    await groups.locator('[data-status=active]').first().waitFor();
    check((await groups.locator('tbody tr').count()) >= 1, 'the owner group is listed');

    // The street records an arrear on a unit and settles it (Art 20 ¶2).
    await recordAndSettleArrear(page, '1280.50', '¥1,280.50');

    // The 换届 freeze (Art 28 ¶4): once the re-election group is formed, a fund-use decision is refused.
    await page.getByTestId('committee-report_reelection').click();
    await page.getByTestId('committee-modal').waitFor();
    await modalOk(page, 'committee-modal');
    await page.getByTestId('committee-form_reelection_group').click();
    await page.getByTestId('committee-modal').waitFor();
    await page.getByTestId('group-name-0').fill('街道 李老师');
    await page.getByTestId('group-name-1').fill('居委 王书记');
    for (let i = 2; i < 5; i++) await pickOwner(`group-owner-${i}`, i + 20);
    await modalOk(page, 'committee-modal');
    await page.getByTestId('committee-freeze').getByText('使用专项维修资金').waitFor();
    // Art 29 ¶1: the outgoing committee hands its records over within 10 days.
    await page.getByTestId('committee-hand_over_records').click();
    await page.getByTestId('committee-modal').waitFor();
    await modalOk(page, 'committee-modal');
    await page.getByTestId('committee-hand_over_records').waitFor({ state: 'detached' });
    await page.getByTestId('decision-new').click();
    await page.getByTestId('decision-modal').waitFor();
    await page.getByTestId('field-title').fill('使用专项维修资金更换电梯');
    await page.getByTestId('decision-modal-ok').click();
    await page
      .getByTestId('decision-modal')
      .getByTestId('modal-error')
      .filter({ hasText: '换届改选小组已组建' })
      .waitFor();
    await page.getByTestId('decision-modal').locator('.ant-modal-close').click();
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(ctx.artifacts, 'governance-records.png'), fullPage: true });

    // The property company does the same on the compound it serves, from the compound's page.
    const { api } = await apiAs(baseUrl, 'wuye');
    const served = (
      (await (await api.get('/api/v1/compounds?limit=1')).json()) as { items: { id: string }[] }
    ).items[0];
    await api.dispose();
    await page.context().clearCookies();
    await ctx.login('wuye');
    await page.goto(`${baseUrl}/compounds/${served.id}`);
    await page.getByRole('tab', { name: '欠费登记' }).click();
    await recordAndSettleArrear(page, '356', '¥356.00');
  },
};

/** One element, from a full-page capture (so the fixed header stays at the top, off the element). */
async function screenshotOf(page: Page, testId: string, path: string) {
  await page.evaluate('window.scrollTo(0, 0)');
  const box = await page.getByTestId(testId).boundingBox();
  check(box, `${testId} is on the page`);
  await page.screenshot({ path, fullPage: true, clip: box });
}

async function recordAndSettleArrear(page: Page, amount: string, shown: string) {
  const card = page.getByTestId('arrears-card');
  await card.waitFor();
  await page.getByTestId('arrear-new').click();
  await page.getByTestId('arrear-modal').waitFor();
  await pickFirstOption(page, 'field-unit-building');
  await pickFirstOption(page, 'field-unit-unit');
  await page.getByTestId('field-amount').fill(amount);
  await page.getByTestId('field-periodFrom').fill(day(-90));
  await page.getByTestId('field-periodTo').fill(day(-1));
  await modalOk(page, 'arrear-modal');
  const row = page.getByTestId('arrears-table').locator('tbody tr').filter({ hasText: shown });
  await row.waitFor();
  await row.locator('[data-testid^=arrear-settle-]').click();
  await page.getByTestId('arrear-settle-modal').waitFor();
  await modalOk(page, 'arrear-settle-modal');
  // Settled: gone from the open list, shown with its day under "全部".
  await row.waitFor({ state: 'detached' });
  await page.getByTestId('arrears-filter').getByText('全部').click();
  await page
    .getByTestId('arrears-table')
    .locator('tbody tr')
    .filter({ hasText: shown })
    .locator('[data-testid^=arrear-settled-]')
    .waitFor();
}

export const journeys: Journey[] = [records];
