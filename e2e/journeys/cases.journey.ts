// Journeys of the cases loop: a hotline case through return, extension, failed check, close, unsatisfied
// revisit and reopen by the right roles; a resident report followed by number and phone; no case data
// for another street's officer.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { request, type Page } from 'playwright-core';
import { DEMO_PASSWORD, type Journey, type JourneyContext } from '../harness.js';

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** The case the long journey created, for the forbidden journey (which makes its own when run alone). */
let lifecycleCase: { id: string; caseNo: string } | null = null;

/** An API session of `username` beside the browser's (for a colleague acting at the same time). */
async function apiAs(baseUrl: string, username: string) {
  const ctx = await request.newContext({ baseURL: baseUrl });
  const res = await ctx.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  check(res.ok(), `API login ${username}`);
  return { ctx, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** Opens an antd Select by its test id, optionally types a search, and clicks the option with `text`. */
async function choose(page: Page, testId: string, text: string | RegExp, search?: string) {
  const select = page.getByTestId(testId);
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text })
    .first();
  await select.click();
  if (search) await page.keyboard.type(search);
  await option.click();
  // A click while a modal is still opening can miss: check the choice took, else pick it again.
  const shown = select.locator('.ant-select-content').filter({ hasText: text });
  if (
    await shown.waitFor({ timeout: 2_000 }).then(
      () => true,
      () => false,
    )
  )
    return;
  if (!(await option.isVisible())) await select.click();
  await option.click();
  await shown.waitFor();
}

/** Signs the browser out (cookies cleared) and in as `username`. */
async function switchUser(ctx: JourneyContext, username: string) {
  await ctx.page.context().clearCookies();
  await ctx.login(username);
}

async function openCase(ctx: JourneyContext, id: string) {
  await ctx.page.goto(`${ctx.baseUrl}/cases/${id}`);
  await ctx.page.getByTestId('case-status').waitFor();
}

async function expectStatus(page: Page, status: string, label: string) {
  const tag = page.locator(`[data-testid=case-status][data-status=${status}]`);
  await tag.waitFor();
  const text = (await tag.innerText()).trim();
  check(text === label, `status tag shows ${label} (got ${text})`);
}

/** Clicks the action button, fills its modal, submits, and waits for the modal to close. */
async function act(page: Page, action: string, fill?: (modal: ReturnType<Page['locator']>) => Promise<void>) {
  await page.getByTestId(`case-action-${action}`).click();
  const modal = page.locator('.ant-modal').filter({ has: page.getByTestId('case-action-submit') });
  await modal.waitFor();
  // let the opening animation finish, so dropdowns open where their Select ends up
  // (a function, not a string: the page's Content-Security-Policy forbids evaluating strings)
  await page.waitForFunction(
    () => ![...document.querySelectorAll('.ant-modal')].some((m) => /zoom/.test(m.className)),
  );
  if (fill) await fill(modal);
  await page.getByTestId('case-action-submit').click();
  await modal.waitFor({ state: 'detached' });
}

const photo = (name: string) => ({ name, mimeType: 'image/png', buffer: Buffer.from(PHOTO_PNG, 'base64') });

async function note(page: Page, text: string) {
  await page.getByTestId('action-note').fill(text);
}

async function allowed(page: Page): Promise<string[]> {
  return page
    .getByTestId('case-actions')
    .locator('[data-testid^=case-action-]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace('case-action-', '')));
}

export const journeys: Journey[] = [
  {
    name: 'cases: hotline intake → dispatch → return → re-dispatch → sign → extend → feedback → failed check → feedback → close → unsatisfied revisit → reopen',
    async run(ctx) {
      const { page, baseUrl } = ctx;
      // 12345 operator records an urgent burst pipe (after the meter, common part) in 世纪家园, 花木.
      await ctx.login('hotline');
      await page.goto(`${baseUrl}/cases/new`);
      await choose(page, 'intake-category', '水管爆裂', '水管爆裂');
      await choose(page, 'intake-attr-meterPosition', '表后');
      await choose(page, 'intake-attr-part', '共用部位');
      await choose(page, 'intake-compound', /世纪家园 · 花木街道/, '世纪家园');
      await page.getByTestId('intake-work-order').fill(`E2E-${Date.now().toString(36)}`);
      await page.getByTestId('intake-description').fill('3号楼地下室水管爆裂，大量漏水，已关闭总阀');
      await page.getByTestId('intake-reporter-name').fill('王先生');
      await page.getByTestId('intake-reporter-phone').fill('13812345678');
      await page.getByTestId('intake-submit').click();
      await page.waitForURL(/\/cases\/(?!new)[^/]+$/);
      const id = new URL(page.url()).pathname.split('/').pop()!;
      await expectStatus(page, 'received', '已受理');
      const caseNo = (await page.getByTestId('case-title').innerText()).match(/\d{15,}/)?.[0];
      check(caseNo, 'the page title shows the case number');
      lifecycleCase = { id, caseNo };
      const routing = await page.getByTestId('case-routing').innerText();
      check(routing.includes('由责任清单 v1:R002 指派'), `routing names the list row (${routing})`);
      check((await page.getByTestId('case-details').innerText()).includes('138****5678'), 'reporter masked');

      // 花木 street office dispatches to the suggested project office (the default lead).
      await switchUser(ctx, 'huamu');
      await openCase(ctx, id);
      check((await allowed(page)).includes('dispatch'), 'the street office may dispatch');
      await act(page, 'dispatch', async (modal) => {
        check(
          (await modal.innerText()).includes('世纪家园项目部'),
          'the suggested project office is the default lead',
        );
      });
      await expectStatus(page, 'dispatched', '已派遣');
      check(
        (await page.getByTestId('case-lead-org').innerText()).includes('世纪家园项目部'),
        'lead is shown',
      );

      // The property company returns it with a formatted reason.
      await switchUser(ctx, 'wuye');
      await page.goto(`${baseUrl}/cases?queue=toSign`);
      await page.getByTestId('cases-table').getByText(caseNo).waitFor();
      await openCase(ctx, id);
      await act(page, 'returnCase', async () => {
        await choose(page, 'action-return-reason', '信息不全');
        await note(page, '请补充具体楼栋与漏点位置');
      });
      await expectStatus(page, 'accepted', '已立案');
      const left = await allowed(page);
      check(
        !left.includes('signFor') && !left.includes('returnCase'),
        'a returned case is no longer the company’s',
      );

      // The street office dispatches again.
      await switchUser(ctx, 'huamu');
      await page.goto(`${baseUrl}/cases?queue=returned`);
      await page.getByTestId('cases-table').getByText(caseNo).waitFor();
      await openCase(ctx, id);
      await act(page, 'dispatch');
      await expectStatus(page, 'dispatched', '已派遣');

      // The company signs for it and asks for two more working days.
      await switchUser(ctx, 'wuye');
      await openCase(ctx, id);
      await act(page, 'signFor');
      await expectStatus(page, 'signed', '处置中');
      await act(page, 'requestExtension', async () => {
        await choose(page, 'action-extension', '2 个工作日');
        await note(page, '需更换主管道，材料到货需两天');
      });
      await page.getByText('延期待审批').waitFor();
      await expectStatus(page, 'signed', '处置中');
      check(!(await allowed(page)).includes('requestExtension'), 'one extension request at a time');

      // The street office approves the extension — after losing a race to a colleague's comment:
      // the server answers 409 with the fresh case, the page shows the message and the new state.
      await switchUser(ctx, 'huamu');
      await openCase(ctx, id);
      await page.getByTestId('case-action-approveExtension').click();
      await page.getByTestId('case-action-submit').waitFor();
      const colleague = await apiAs(baseUrl, 'huamu');
      const current = (await (await colleague.ctx.get(`/api/v1/cases/${id}`)).json()) as { version: number };
      const comment = await colleague.ctx.post(`/api/v1/cases/${id}/actions`, {
        headers: { 'x-csrf-token': colleague.csrf },
        data: { action: 'comment', version: current.version, note: '已电话联系物业，材料明天到' },
      });
      check(comment.ok(), `the colleague's comment: ${comment.status()}`);
      await colleague.ctx.dispose();
      await page.getByTestId('case-action-submit').click();
      await page.getByText('该案件刚被他人处理，已为您刷新最新状态').waitFor();
      await page.getByTestId('case-timeline').getByText('已电话联系物业，材料明天到').waitFor();
      await act(page, 'approveExtension', async (modal) => {
        check((await modal.innerText()).includes('2 个工作日'), 'the requested duration is shown');
      });
      await expectStatus(page, 'signed', '处置中');
      check((await page.getByText('延期待审批').count()) === 0, 'no extension pending any more');

      // The company reports back.
      await switchUser(ctx, 'wuye');
      await openCase(ctx, id);
      await act(page, 'reportBack', async () => note(page, '已更换阀门'));
      await expectStatus(page, 'reported', '已反馈');

      // The street office's check fails: back to the handler.
      await switchUser(ctx, 'huamu');
      await openCase(ctx, id);
      await act(page, 'verifyFail', async () => note(page, '现场仍有渗水'));
      await expectStatus(page, 'signed', '处置中');

      // The company reports back again.
      await switchUser(ctx, 'wuye');
      await openCase(ctx, id);
      await act(page, 'reportBack', async () => {
        await note(page, '已更换主管道，彻底修复');
        await page
          .getByTestId('action-photos')
          .locator('input[type=file]')
          .setInputFiles(photo('repaired.png'));
        await page.getByTestId('action-photos').locator('.photo-thumb').waitFor();
      });
      await expectStatus(page, 'reported', '已反馈');

      // The street office passes the check, closes, records an unsatisfied revisit and reopens.
      await switchUser(ctx, 'huamu');
      await openCase(ctx, id);
      await act(page, 'verifyPass');
      await expectStatus(page, 'verified', '核查通过');
      await act(page, 'close');
      await expectStatus(page, 'closed', '已结案');
      await act(page, 'revisit', async (modal) => {
        await modal.getByText('不满意', { exact: true }).click();
        await note(page, '居民反映地下室仍潮湿');
      });
      await expectStatus(page, 'revisited', '已回访');
      check((await allowed(page)).includes('reopen'), 'an unsatisfied revisit can be reopened');
      await act(page, 'reopen', async () => note(page, '重新派遣处置'));
      await expectStatus(page, 'dispatched', '已派遣');

      // The timeline has every step in order, with the reasons.
      const timeline = page.getByTestId('case-timeline');
      const actions = await timeline
        .locator('.case-event')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
      const expected = [
        'receive',
        'dispatch',
        'returnCase',
        'dispatch',
        'signFor',
        'requestExtension',
        'comment',
        'approveExtension',
        'reportBack',
        'verifyFail',
        'reportBack',
        'verifyPass',
        'close',
        'revisit',
        'reopen',
      ];
      check(JSON.stringify(actions) === JSON.stringify(expected), `timeline ${actions.join(' → ')}`);
      const text = await timeline.innerText();
      for (const words of [
        '受理',
        '退单',
        '信息不全',
        '申请延期',
        '2 个工作日',
        '批准延期',
        '核查不通过',
        '现场仍有渗水',
        '结案',
        '不满意',
        '重办',
      ])
        check(text.includes(words), `the timeline mentions ${words}`);
      check(
        (await page.getByTestId('case-photos').locator('img').count()) === 1,
        'the evidence photo is shown',
      );
      // The screenshot: a fresh load (no toasts), zh-CN, 1440×900.
      await page.reload();
      await page.getByTestId('case-timeline').waitFor();
      await page.getByTestId('case-map').waitFor();
      await page.getByTestId('case-photos').locator('img').first().waitFor();
      mkdirSync(join(process.cwd(), 'docs', 'screenshots'), { recursive: true });
      await page.evaluate('window.scrollTo(0, 0)');
      await page.screenshot({ path: join(process.cwd(), 'docs', 'screenshots', 'case-zh-CN.png') });
    },
  },
  {
    name: 'cases: a resident reports a problem without an account, follows it by number and phone, checks and rates the result',
    async run({ page, baseUrl }) {
      const phone = '13900002222';
      await page.goto(`${baseUrl}/login`);
      await page.getByTestId('login-report').click();
      await page.waitForURL(/\/report$/);
      await choose(page, 'report-category', '一般修理', '一般修理');
      await choose(page, 'report-attr-part', '共用部位');
      await choose(page, 'report-street', '花木街道', '花木');
      await page.getByTestId('report-address').fill('浦东新区花木路100弄');
      await page.getByTestId('report-description').fill('小区外围路灯和人行道护栏损坏多日无人修理');
      await page.getByTestId('report-name').fill('李女士');
      await page.getByTestId('report-phone').fill(phone);
      // A photo is shrunk in the browser before it is sent.
      await page
        .getByTestId('report-photos')
        .locator('input[type=file]')
        .setInputFiles({
          name: 'site.png',
          mimeType: 'image/png',
          buffer: Buffer.from(PHOTO_PNG, 'base64'),
        });
      await page.getByTestId('report-photos').locator('.photo-thumb').waitFor();
      await page.getByTestId('report-submit').click();
      const caseNoEl = page.getByTestId('report-case-no');
      await caseNoEl.waitFor();
      const caseNo = (await caseNoEl.innerText()).match(/\d{15,}/)?.[0];
      check(caseNo, 'the case number is shown prominently');

      await page.goto(`${baseUrl}/track`);
      await page.getByTestId('track-case-no').fill(caseNo);
      await page.getByTestId('track-phone').fill(phone);
      await page.getByTestId('track-submit').click();
      const status = page.getByTestId('track-status');
      await status.waitFor();
      check((await status.innerText()).trim() === '已受理', 'the resident sees 已受理');
      check(
        (await page.getByTestId('track-timeline').innerText()).includes('受理'),
        'the timeline shows 受理',
      );

      // A wrong phone number finds nothing, and no case data is shown.
      await page.getByTestId('track-phone').fill('13900009999');
      await page.getByTestId('track-submit').click();
      const error = page.getByTestId('track-error');
      await error.waitFor();
      check((await error.innerText()).includes('案件编号与手机号不匹配'), 'the not-found message is shown');
      check((await page.getByTestId('track-status').count()) === 0, 'no status is shown for a wrong phone');

      // Staff see the report with its photo in the 花木 street office's queue.
      const { ctx: huamu, csrf } = await apiAs(baseUrl, 'huamu');
      const list = (await (await huamu.get(`/api/v1/cases?queue=toDispatch&q=${caseNo}`)).json()) as {
        items: { id: string; channel: string }[];
      };
      check(list.items[0]?.channel === 'residentWeb', 'the report is in the street office’s queue');
      const view = (await (await huamu.get(`/api/v1/cases/${list.items[0].id}`)).json()) as {
        photos: unknown[];
      };
      check(view.photos.length === 1, 'the photo arrived with the report');

      // Nothing on the list matches outside a compound: the street office coordinates it itself,
      // reports back, and the resident checks the result and rates it on the same page.
      const staffAct = async (action: string, extra: Record<string, unknown> = {}) => {
        const v = (await (await huamu.get(`/api/v1/cases/${list.items[0].id}`)).json()) as {
          version: number;
        };
        const res = await huamu.post(`/api/v1/cases/${list.items[0].id}/actions`, {
          headers: { 'x-csrf-token': csrf },
          data: { action, version: v.version, ...extra },
        });
        check(res.ok(), `${action}: ${res.status()} ${await res.text()}`);
      };
      await staffAct('dispatch');
      await staffAct('signFor');
      await staffAct('reportBack', { note: '已更换护栏和路灯' });
      await page.getByTestId('track-phone').fill(phone);
      await page.getByTestId('track-submit').click();
      await page.locator('[data-testid=track-status][data-status=reported]').waitFor();
      await page.getByTestId('track-action-verifyPass').click();
      await page.locator('[data-testid=track-status][data-status=verified]').waitFor();
      await staffAct('close');
      await page.getByTestId('track-submit').click();
      await page.locator('[data-testid=track-status][data-status=closed]').waitFor();
      await page.getByTestId('track-satisfaction').getByText('满意', { exact: true }).click();
      await page.getByTestId('track-action-revisit').click();
      await page.locator('[data-testid=track-status][data-status=revisited]').waitFor();
      check((await page.getByTestId('track-status').innerText()).trim() === '已回访', 'rated: 已回访');
      await huamu.dispose();
    },
  },
  {
    name: 'cases: another street’s officer opening a 花木 case sees the denied page and no case data',
    async run({ page, baseUrl, login }) {
      let target = lifecycleCase;
      if (!target) {
        const { ctx: hotline, csrf } = await apiAs(baseUrl, 'hotline');
        const res = await hotline.post('/api/v1/cases', {
          headers: { 'x-csrf-token': csrf },
          data: {
            channel: 'hotline12345',
            categoryCode: 'noise',
            description: '夜间噪声扰民',
            streetCode: '310115016',
          },
        });
        check(res.ok(), `intake for the forbidden journey: ${res.status()}`);
        target = (await res.json()) as { id: string; caseNo: string };
        await hotline.dispose();
      }
      await login('zhangjiang');
      await page.goto(`${baseUrl}/cases/${target.id}`);
      await page.getByTestId('result-denied').waitFor();
      const html = await page.content();
      check(!html.includes(target.caseNo), 'the case number is not shown');
      check(!html.includes('水管爆裂') && !html.includes('138****5678'), 'no case details are shown');
      check((await page.getByTestId('case-title').count()) === 0, 'no case page is rendered');
      check((await page.getByTestId('case-timeline').count()) === 0, 'no timeline is rendered');
    },
  },
];

/** A small PNG standing in for a phone photo (the page re-encodes any image as JPEG before sending). */
const PHOTO_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAGAAAABICAIAAACGBWc0AAAAyUlEQVR42u3XvQnDMBAGUI2TmTSEy6AhMkRqVcYDpEqbSbKEBYaUAiNF+fGDr5CFGz/uuHPIj6dUEhAAAgQIECBAgAAJIECAAAECBAiQABoGdL8tW+J0eZ333gACBAgQoPcAlS9sjwrSYoAAAQIE6IhAc76WlNe2Q/vjv+1BPw+kggB9N1CXFm75rVFBgAABsgepIC1mzKsgQIAAAbIHqSBjXosBAgQIUD+glM5SCSBAgAABOizQKebxAQQIECBAppgAAgQI0OezAk9/EWjjPFRKAAAAAElFTkSuQmCC';
