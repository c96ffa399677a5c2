// Journeys of owners' self-governance: the street office takes a compound from the assembly trigger to an
// owners' committee in term (formation steps with back-dated paper records), then the committee runs a
// fund-use vote — notice, invitation codes, an owner voting on the mobile page, paper ballots at the desk —
// to a published result with its arithmetic.
import { join } from 'node:path';
import { request, type Page } from 'playwright-core';
import { DEMO_PASSWORD, type Journey, type JourneyContext } from '../harness.js';
import {
  apiAs,
  check,
  chooseRadio,
  day,
  local,
  modalOk,
  ownersOf,
  pickByLabel,
} from '../governance-helpers.js';

async function formationStep(page: Page, action: string, fill: () => Promise<void>) {
  await page.getByTestId(`formation-${action}`).click();
  await page.getByTestId('formation-modal').waitFor();
  await fill();
  await modalOk(page, 'formation-modal');
}

async function compoundOf(baseUrl: string): Promise<{ id: string; name: string }> {
  const ctx = await request.newContext({ baseURL: baseUrl });
  await ctx.post('/api/v1/auth/login', { data: { username: 'rc', password: DEMO_PASSWORD } });
  const c = ((await (await ctx.get('/api/v1/compounds')).json()) as { items: { id: string; name: string }[] })
    .items[0];
  await ctx.dispose();
  return c;
}

const trigger: Journey = {
  name: 'governance: the street takes a compound from the trigger to a committee in term',
  async run(ctx: JourneyContext) {
    const { page, baseUrl } = ctx;
    const compound = await compoundOf(baseUrl);
    const owners = await ownersOf(baseUrl, compound.id);
    const pickOwner = (testId: string, n: number) =>
      pickByLabel(page, testId, owners[n].search, owners[n].label);
    await ctx.login('huamu');
    await page.goto(`${baseUrl}/governance`);
    await page.getByTestId('governance-overview-table').waitFor();
    await page.getByRole('link', { name: compound.name }).first().click();
    await page.getByTestId('governance-compound-title').waitFor();
    check(
      (await page.getByTestId('trigger-on').textContent())?.match(/\d{4}-\d{2}-\d{2}/),
      'trigger date shown',
    );

    await page.getByTestId('formation-start').click();
    await page.getByTestId('formation-card').waitFor();
    await formationStep(page, 'record_report', () => page.getByTestId('field-on').fill(day(-40)));
    await formationStep(page, 'form_group', async () => {
      await page.getByTestId('field-on').fill(day(-35));
      await page.getByTestId('group-name-0').fill('街道 张老师');
      await page.getByTestId('group-name-1').fill('居委 周书记');
      await page.getByTestId('group-name-2').fill('开发商 刘经理');
      for (let i = 3; i < 7; i++) await pickOwner(`group-owner-${i}`, i + 10);
    });
    await page.getByTestId('formation-group').waitFor();
    await formationStep(page, 'post_member_list', () => page.getByTestId('field-on').fill(day(-34)));
    await formationStep(page, 'schedule_meeting', () => page.getByTestId('field-meetingOn').fill(day(-10)));
    await formationStep(page, 'post_meeting_notice', () => page.getByTestId('field-on').fill(day(-30)));
    await formationStep(page, 'hold_first_meeting', () => page.getByTestId('field-on').fill(day(-10)));

    await page.getByTestId('committee-record').click();
    await page.getByTestId('committee-record-modal').waitFor();
    for (let i = 0; i < 5; i++) await pickOwner(`member-owner-${i}`, i + 20);
    await modalOk(page, 'committee-record-modal');
    await page.getByTestId('committee-card').waitFor();
    await page.getByText('业委会在任').first().waitFor();

    // Names posted (3 days), 备案 submitted and decided.
    for (const action of ['post_names', 'submit_filing', 'decide_filing']) {
      await page.getByTestId(`committee-${action}`).click();
      await page.getByTestId('committee-modal').waitFor();
      await modalOk(page, 'committee-modal');
    }
    await page.getByTestId('committee-filing').filter({ hasText: '已备案' }).waitFor();
    await page.screenshot({ path: join(ctx.artifacts, 'governance-compound.png'), fullPage: true });
  },
};

const vote: Journey = {
  name: 'governance: a committee runs a fund-use vote to a published result',
  async run(ctx: JourneyContext) {
    const { page, baseUrl } = ctx;
    const compound = await compoundOf(baseUrl);
    await ctx.login('huamu');
    await page.goto(`${baseUrl}/governance/compounds/${compound.id}`);
    await page.getByTestId('decision-new').click();
    await page.getByTestId('decision-modal').waitFor();
    await page.getByTestId('field-title').fill('使用专项维修资金维修 1 号楼屋面');
    await page.getByTestId('field-opensAt').fill(local(-1));
    await page.getByTestId('field-closesAt').fill(local(24 * 60));
    await modalOk(page, 'decision-modal');
    await page.getByTestId('decision-title').waitFor();
    const decisionId = page.url().split('/').pop()!;

    // The paper notice went up 16 days ago (≥ 15 days before voting).
    await page.getByTestId('decision-open').click();
    await page.getByTestId('field-noticePostedOn').fill(day(-16));
    await modalOk(page, 'decision-open-modal');
    await page.locator('[data-testid=decision-status][data-status=open]').waitFor();

    await page.getByTestId('decision-issue').click();
    await page.getByTestId('codes-table').waitFor();
    const code = (await page
      .getByTestId('codes-table')
      .locator('tbody tr')
      .first()
      .locator('td')
      .nth(1)
      .textContent())!;
    await page.getByTestId('codes-close').click();

    // An owner votes on the mobile page with the code.
    const phone = await page
      .context()
      .browser()!
      .newContext({
        locale: 'zh-CN',
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
    const mobile = await phone.newPage();
    await mobile.goto(`${baseUrl}/vote`);
    await mobile.getByTestId('vote-code').fill(code.toLowerCase());
    await mobile.getByTestId('vote-look').click();
    try {
      await mobile.getByTestId('vote-yes').click();
      await mobile.getByTestId('vote-confirm').click();
      await mobile.getByTestId('vote-thanks').waitFor();
    } catch (err) {
      await mobile.screenshot({
        path: join(ctx.artifacts, 'governance-vote-mobile-failed.png'),
        fullPage: true,
      });
      throw err;
    }
    await mobile.screenshot({ path: join(ctx.artifacts, 'governance-vote-mobile.png'), fullPage: true });
    await phone.close();

    // One paper ballot through the desk screen, the rest of the owners' paper ballots through the API.
    await page.reload();
    await page.getByTestId('roll-table').waitFor();
    await page.getByTestId('roll-table').getByRole('button').first().click();
    await page.getByTestId('desk-ballot-modal').waitFor();
    await chooseRadio(page, 'desk-ballot-modal', '反对', 'desk-choice-no');
    await modalOk(page, 'desk-ballot-modal');

    const { api, headers } = await apiAs(baseUrl, 'huamu');
    const roll = (await (
      await api.get(`/api/v1/governance/decisions/${decisionId}/roll?voted=no&limit=500`)
    ).json()) as { items: { unitId: string; ownerId: string }[] };
    const seen = new Set<string>();
    let i = 0;
    for (const r of roll.items) {
      if (seen.has(r.ownerId)) continue;
      seen.add(r.ownerId);
      const res = await api.post(`/api/v1/governance/decisions/${decisionId}/ballots`, {
        headers,
        data: { unitId: r.unitId, choice: i++ % 5 === 0 ? 'no' : 'yes' },
      });
      check(res.ok(), `desk ballot ${res.status()} ${await res.text()}`);
    }
    await api.dispose();

    // Everyone voted: close, then publish; the result shows its arithmetic.
    await page.reload();
    await page.getByTestId('decision-close').click();
    await page.getByTestId('confirm-ok').click();
    await page.locator('[data-testid=decision-status][data-status=closed]').waitFor();
    await page.getByTestId('decision-publish').click();
    await page.getByTestId('confirm-ok').click();
    await page.locator('[data-testid=decision-status][data-status=published]').waitFor();
    await page.getByTestId('result-checks').waitFor();
    const verdict = page.getByTestId('result-verdict');
    check((await verdict.getAttribute('data-passed')) === 'true', 'the fund-use vote passed');
    // Published: owners may ask the court to revoke it within one year (民法典 Art 280; 解释 Art 12).
    await page.getByTestId('decision-challenge').filter({ hasText: '人民法院请求撤销' }).waitFor();
    check((await page.getByTestId('result-checks').locator('tbody tr').count()) === 4, 'four threshold rows');
    await page.screenshot({ path: join(ctx.artifacts, 'governance-result.png'), fullPage: true });

    // The owner reads the compound's notice board on a phone: the committee's names and the result.
    const ownerPhone = await page
      .context()
      .browser()!
      .newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const board = await ownerPhone.newPage();
    await board.goto(`${baseUrl}/login`);
    await board.getByTestId('login-username').fill('owner');
    await board.getByTestId('login-password').fill(DEMO_PASSWORD);
    await board.getByTestId('login-submit').click();
    await board.waitForURL((u) => !u.pathname.startsWith('/login'));
    await board.goto(`${baseUrl}/notices`);
    await board.getByTestId('notices-board').waitFor();
    await board.getByTestId('notices-members').locator('.ant-tag').first().waitFor();
    await board
      .getByTestId('notices-decisions')
      .filter({ hasText: '使用专项维修资金维修 1 号楼屋面' })
      .filter({ hasText: '人民法院请求撤销' })
      .waitFor();
    await board.screenshot({ path: join(ctx.artifacts, 'governance-notices-mobile.png'), fullPage: true });
    await ownerPhone.close();
  },
};

export const journeys: Journey[] = [trigger, vote];
