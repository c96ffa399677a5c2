// A committee's records (《上海市住宅物业管理规定》), one test each, on demo compounds whose owners' committee
// is in term: a meeting with an adopted resolution, posted (Art 26 ¶3); a member's end and the change filing
// the server creates, submitted and accepted (Art 33); a by-election whose missing training is a gap of the
// 备案 file until the street records a training (Art 23); an owner group on a building (Art 35); a fee arrear
// recorded and settled, by the street and by the property company (Art 20 ¶2); the 换届改选小组 and the
// freeze that refuses a fund-use decision (Art 28 ¶4). A test that changes the committee has its own compound.
import type { Page } from '@playwright/test';
import { choose, modalOk, pickByLabel, pickFirst, pickFirstOption } from './support/antd.js';
import { expect, test, type Api } from './support/fixtures.js';
import { compoundInTerm, day, ownersOf, type CompoundRef } from './support/governance.js';
import { docsScreenshot, resultScreenshot } from './support/screenshots.js';

/** huamu's compounds in term, by index: 0 meetings, owner groups and arrears; 1 member end; 2 by-election. */
const MEETINGS = 0;
const MEMBER_END = 1;
const BY_ELECTION = 2;

async function openCommittee(page: Page, compound: CompoundRef) {
  await page.goto('/governance?state=in_term');
  await expect(page.getByTestId('governance-overview-table')).toBeVisible();
  await page.getByRole('link', { name: compound.name }).first().click();
  await expect(page.getByTestId('governance-compound-title')).toContainText(compound.name);
  await expect(page.getByTestId('committee-card')).toBeVisible();
}

/** Ends the membership of the committee's last serving member (a resignation), through the API. */
async function endLastMember(street: Api, compoundId: string) {
  const g = await street.get<{
    committee: { id: string; members: { id: string; version: number; endedOn: string | null }[] };
  }>(`/api/v1/governance/compounds/${compoundId}`);
  const serving = g.committee.members.filter((m) => !m.endedOn);
  const last = serving[serving.length - 1];
  await street.post(`/api/v1/governance/committees/${g.committee.id}/members/${last.id}/end`, {
    version: last.version,
    on: day(0),
    reason: 'resigned',
  });
}

async function recordAndSettleArrear(page: Page, amount: string, shown: string) {
  await expect(page.getByTestId('arrears-card')).toBeVisible();
  await page.getByTestId('arrear-new').click();
  await expect(page.getByTestId('arrear-modal')).toBeVisible();
  await pickFirstOption(page, 'field-unit-building');
  await pickFirstOption(page, 'field-unit-unit');
  await page.getByTestId('field-amount').fill(amount);
  await page.getByTestId('field-periodFrom').fill(day(-90));
  await page.getByTestId('field-periodTo').fill(day(-1));
  await modalOk(page, 'arrear-modal');
  const rows = page.getByTestId('arrears-table').locator('tbody tr').filter({ hasText: shown });
  await expect(rows).toHaveCount(1);
  await rows.locator('[data-testid^=arrear-settle-]').click();
  await expect(page.getByTestId('arrear-settle-modal')).toBeVisible();
  await modalOk(page, 'arrear-settle-modal');
  // Settled: gone from the open list, shown with its day under "全部".
  await expect(rows).toHaveCount(0);
  await page.getByTestId('arrears-filter').getByText('全部').click();
  await expect(rows.locator('[data-testid^=arrear-settled-]')).toBeVisible();
}

/** An amount of yuan no other test records: [what to type, how the table shows it]. */
function uniqueAmount(): [string, string] {
  const fen = 100_000 + Math.floor(Math.random() * 9_000_000);
  const yuan = (fen / 100).toFixed(2);
  const shown = `¥${Number(yuan).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
  return [yuan, shown];
}

test.describe('governance records of a committee in term', () => {
  test('a meeting whose resolution every member signed is recorded, then posted', async ({
    page,
    signIn,
    api,
  }) => {
    const compound = await compoundInTerm(await api('huamu'), MEETINGS);
    await signIn('huamu');
    await openCommittee(page, compound);
    await page.getByTestId('committee-record-meeting').click();
    await expect(page.getByTestId('meeting-modal')).toBeVisible();
    await page.getByTestId('field-minutes').fill('讨论小区停车管理方案');
    await page.getByTestId('meeting-add-resolution').click();
    await page.getByTestId('resolution-title-0').fill('同意试行停车管理方案');
    await pickFirst(page, 'meeting-modal', 'resolution-signedBy-0');
    await modalOk(page, 'meeting-modal');
    await expect(page.locator('[data-testid^=meeting-unpublished-]').first()).toBeVisible();
    await page.locator('[data-testid^=meeting-publish-]').first().click();
    await expect(page.getByTestId('meeting-publish-modal')).toBeVisible();
    await modalOk(page, 'meeting-publish-modal');
    await expect(page.locator('[data-testid^=meeting-published-]').first()).toBeVisible();
  });

  test('a member resigns: the change filing is submitted, then accepted', async ({ page, signIn, api }) => {
    const compound = await compoundInTerm(await api('huamu'), MEMBER_END);
    await signIn('huamu');
    await openCommittee(page, compound);
    await page.locator('[data-testid^=member-end-]').last().click();
    await expect(page.getByTestId('member-end-modal')).toBeVisible();
    await modalOk(page, 'member-end-modal');
    await page.locator('[data-testid^=change-submit-]').first().click();
    await expect(page.getByTestId('change-action-modal')).toBeVisible();
    await modalOk(page, 'change-action-modal');
    await expect(page.locator('[data-testid^=change-status-][data-status=submitted]').first()).toBeVisible();
    // 《规定》 Art 34: the street accepts (受理) the change filing before it decides it.
    await page.locator('[data-testid^=change-receive-]').first().click();
    await expect(page.getByTestId('change-action-modal')).toBeVisible();
    await modalOk(page, 'change-action-modal');
    await page.locator('[data-testid^=change-decide-]').first().click();
    await expect(page.getByTestId('change-action-modal')).toBeVisible();
    await page.getByTestId('field-note').fill('材料齐全，予以备案');
    await modalOk(page, 'change-action-modal');
    await expect(page.locator('[data-testid^=change-status-][data-status=accepted]').first()).toBeVisible();
  });

  test('a by-elected member is a gap of the 备案 file until the street records a training', async ({
    page,
    signIn,
    api,
  }) => {
    const huamu = await api('huamu');
    const compound = await compoundInTerm(huamu, BY_ELECTION);
    const owners = await ownersOf(huamu, compound.id);
    await endLastMember(huamu, compound.id);
    await signIn('huamu');
    await openCommittee(page, compound);
    // By-election to the vacant seat (Art 32 ¶1).
    await page.getByTestId('committee-by-election').click();
    await expect(page.getByTestId('by-election-modal')).toBeVisible();
    await pickByLabel(page, 'field-ownerId', owners[30].search, owners[30].label);
    await expect(page.getByTestId('eligibility-ok')).toBeVisible();
    await modalOk(page, 'by-election-modal');
    await expect(page.getByTestId('filing-gap-untrained')).toBeVisible();
    await expect(page.locator('[data-testid^=change-submit-]').first()).toBeVisible();
    await expect(page.getByTestId('committee-card')).toBeVisible();
    const box = await page.getByTestId('committee-card').boundingBox();
    expect(box, 'the committee card is on the page').toBeTruthy();
    await docsScreenshot(page, 'committee-records-zh-CN.png', { fullPage: true, clip: box! });
    // The training offers the untrained members by default.
    await page.getByTestId('training-new').click();
    await expect(page.getByTestId('training-modal')).toBeVisible();
    await page.getByTestId('field-heldOn').fill(day(-1));
    await page.getByTestId('field-topic').fill('业委会委员履职培训：《上海市住宅物业管理规定》');
    await page.getByTestId('field-trainer').fill('花木街道房管办 张老师');
    await modalOk(page, 'training-modal');
    await expect(page.getByTestId('committee-trainings').getByText('业委会委员履职培训')).toBeVisible();
    await expect(page.getByTestId('filing-gap-untrained')).toHaveCount(0);
  });

  test('an owner group is formed on a building with one representative', async ({ page, signIn, api }) => {
    const compound = await compoundInTerm(await api('huamu'), MEETINGS, 2);
    await signIn('huamu');
    await openCommittee(page, compound);
    await page.getByTestId('gov-tab-groups').click();
    const groups = page.getByTestId('owner-groups-table');
    const before = await groups.locator('[data-status=active]').count();
    await page.getByTestId('owner-group-new').click();
    await expect(page.getByTestId('owner-group-modal')).toBeVisible();
    await pickFirstOption(page, 'field-buildingId');
    await pickFirst(page, 'owner-group-modal', 'field-representatives', 1);
    await modalOk(page, 'owner-group-modal');
    await expect(groups.locator('[data-status=active]'), 'the owner group is listed').toHaveCount(before + 1);
  });

  test('an owner group is formed on one entrance (单元) of a building (Art 35)', async ({
    page,
    signIn,
    api,
  }) => {
    const street = await api('huamu');
    const target = await buildingWithEntrances(street);
    await signIn('huamu');
    await openCommittee(page, target.compound);
    await page.getByTestId('gov-tab-groups').click();
    await expect(page.getByTestId('owner-groups-card')).toContainText('以幢、单元为单位成立业主小组');
    await page.getByTestId('owner-group-new').click();
    await expect(page.getByTestId('owner-group-modal')).toBeVisible();
    await pickByLabel(page, 'field-buildingId', target.building, target.building);
    await pickByLabel(page, 'field-entrance', target.entrance, target.entrance);
    await pickFirst(page, 'owner-group-modal', 'field-representatives', 1);
    await modalOk(page, 'owner-group-modal');
    const row = page
      .getByTestId('owner-groups-table')
      .locator('tr', { hasText: `${target.building} ${target.entrance}` });
    await expect(row.locator('[data-status=active]'), 'the entrance group is listed').toHaveCount(1);
  });

  test('the street records a fee arrear on a unit and settles it', async ({ page, signIn, api }) => {
    const compound = await compoundInTerm(await api('huamu'), MEETINGS);
    await signIn('huamu');
    await openCommittee(page, compound);
    await page.getByTestId('gov-tab-arrears').click();
    await recordAndSettleArrear(page, ...uniqueAmount());
  });

  test('the property company records and settles an arrear from the page of the compound it serves', async ({
    page,
    signIn,
    api,
  }) => {
    const served = (await (await api('wuye')).get<{ items: { id: string }[] }>('/api/v1/compounds?limit=1'))
      .items[0];
    await signIn('wuye');
    await page.goto(`/compounds/${served.id}`);
    await page.getByRole('tab', { name: '欠费登记' }).click();
    await recordAndSettleArrear(page, ...uniqueAmount());
  });

  test('a committee that stopped working shows the street its early re-election duty (Art 32 ¶2)', async ({
    page,
    signIn,
    api,
  }) => {
    const bad = await (
      await api('huamu')
    ).get<{ items: { compoundId: string; compoundName: string }[] }>(
      '/api/v1/governance/overview?state=dysfunctional&limit=50',
    );
    expect(bad.items.length, 'the demo has 花木 committees not meeting').toBeGreaterThan(0);
    await signIn('huamu');
    await page.goto(`/governance/compounds/${bad.items[0].compoundId}`);
    await expect(page.getByTestId('committee-card')).toBeVisible();
    const stage = page.getByTestId('early-reelection-stage');
    await expect(stage).toHaveAttribute('data-stage', 'convene');
    await expect(stage).toContainText('街道应组织召开业主大会');
  });

  test('the street keeps the register of Art 20 ¶2 grounds: the demo entries, a new one, its correction', async ({
    page,
    signIn,
    api,
  }, testInfo) => {
    // The demo committee's compound (yeweihui's) has an uncorrected 违法搭建 and a corrected 群租.
    const compound = (
      await (await api('yeweihui')).get<{ items: { id: string }[] }>('/api/v1/compounds?limit=1')
    ).items[0];
    await signIn('huamu');
    await page.goto(`/governance/compounds/${compound.id}`);
    await page.getByTestId('gov-tab-violations').click();
    const card = page.getByTestId('violations-card');
    await expect(card).toContainText('第二十条第二款');
    const table = page.getByTestId('violations-table');
    await expect(table.locator('tbody tr').filter({ hasText: '违法搭建' })).toHaveCount(1);
    await expect(
      table.locator('tbody tr').filter({ hasText: '违法出租房屋' }),
      'corrected: not open',
    ).toHaveCount(0);
    await page.getByTestId('violations-filter').getByText('全部').click();
    await expect(
      table
        .locator('tbody tr')
        .filter({ hasText: '违法出租房屋' })
        .locator('[data-testid^=violation-corrected-]'),
    ).toBeVisible();
    // A new entry (破坏房屋外貌), then its correction.
    await page.getByTestId('violations-filter').getByText('未改正').click();
    await page.getByTestId('violation-new').click();
    await expect(page.getByTestId('violation-modal')).toBeVisible();
    await pickFirstOption(page, 'field-unit-building');
    await pickFirstOption(page, 'field-unit-unit');
    await choose(page, 'field-ground', '破坏房屋外貌');
    await modalOk(page, 'violation-modal');
    const facade = table.locator('tbody tr').filter({ hasText: '破坏房屋外貌' });
    await expect(facade).toHaveCount(1);
    await facade.locator('[data-testid^=violation-correct-]').click();
    await expect(page.getByTestId('violation-correct-modal')).toBeVisible();
    await modalOk(page, 'violation-correct-modal');
    await expect(facade).toHaveCount(0);
    await resultScreenshot(page, testInfo, 'governance-violations.png');
    await page.setViewportSize({ width: 390, height: 844 });
    await resultScreenshot(page, testInfo, 'governance-violations-phone.png');
  });

  test('once the 换届改选小组 is formed, a fund-use decision is refused', async ({
    page,
    signIn,
    api,
  }, testInfo) => {
    // A compound of its own: the freeze would refuse other tests' fund-use votes.
    const zhangjiang = await api('zhangjiang');
    const compound = await compoundInTerm(zhangjiang, 0);
    const owners = await ownersOf(zhangjiang, compound.id);
    await signIn('zhangjiang');
    await openCommittee(page, compound);
    await page.getByTestId('committee-report_reelection').click();
    await expect(page.getByTestId('committee-modal')).toBeVisible();
    await modalOk(page, 'committee-modal');
    await page.getByTestId('committee-form_reelection_group').click();
    await expect(page.getByTestId('committee-modal')).toBeVisible();
    await page.getByTestId('group-name-0').fill('街道 李老师');
    await page.getByTestId('group-name-1').fill('居委 王书记');
    for (let i = 2; i < 5; i++)
      await pickByLabel(page, `group-owner-${i}`, owners[i + 20].search, owners[i + 20].label);
    await modalOk(page, 'committee-modal');
    await expect(page.getByTestId('committee-freeze').getByText('使用专项维修资金')).toBeVisible();
    // Art 29 ¶1: the outgoing committee hands its records over within 10 days.
    await page.getByTestId('committee-hand_over_records').click();
    await expect(page.getByTestId('committee-modal')).toBeVisible();
    await modalOk(page, 'committee-modal');
    await expect(page.getByTestId('committee-hand_over_records')).toHaveCount(0);
    await page.getByTestId('gov-tab-decisions').click();
    await page.getByTestId('decision-new').click();
    await expect(page.getByTestId('decision-modal')).toBeVisible();
    await page.getByTestId('field-title').fill('使用专项维修资金更换电梯');
    await page.getByTestId('decision-modal-ok').click();
    await expect(
      page.getByTestId('decision-modal').getByTestId('modal-error').filter({ hasText: '换届改选小组已组建' }),
    ).toBeVisible();
    await page.getByTestId('decision-modal').locator('.ant-modal-close').click();
    await resultScreenshot(page, testInfo, 'governance-records.png');
  });
});

/** A building of a huamu compound in term whose units record entrances (单元) and that has no active group. */
async function buildingWithEntrances(
  street: Api,
): Promise<{ compound: CompoundRef; building: string; entrance: string }> {
  const overview = await street.get<{ items: { compoundId: string; compoundName: string }[] }>(
    '/api/v1/governance/overview?state=in_term&limit=50',
  );
  // Not the first compound: its buildings are the whole-building group test's (a building has one or the other).
  const items = [...overview.items].sort((a, b) => a.compoundId.localeCompare(b.compoundId)).slice(1);
  for (const c of items) {
    const g = await street.get<{
      buildings: { id: string; name: string }[];
      ownerGroups: { buildingId: string; status: string }[];
    }>(`/api/v1/governance/compounds/${c.compoundId}`);
    if (g.buildings.length < 2) continue;
    for (const b of g.buildings) {
      if (g.ownerGroups.some((x) => x.buildingId === b.id && x.status === 'active')) continue;
      const units = await street.get<{ items: { entrance: string | null }[] }>(
        `/api/v1/buildings/${b.id}/units`,
      );
      const entrance = units.items.find((u) => u.entrance)?.entrance;
      if (entrance)
        return { compound: { id: c.compoundId, name: c.compoundName }, building: b.name, entrance };
    }
  }
  throw new Error('huamu has no compound in term with a building that records entrances');
}
