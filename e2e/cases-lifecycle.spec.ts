// The cases loop, one test per hand-over: a hotline case through intake, dispatch, return, re-dispatch,
// sign, extension (after a lost race), feedback, failed check, close, unsatisfied revisit and reopen, each
// by the role that does it. Every test brings its own case to its starting state through the API.
import { choose } from './support/antd.js';
import {
  act,
  actionButton,
  caseAction,
  expectStatus,
  hotlineBurstPipe,
  note,
  openCase,
  photoFile,
  PHOTO_DATA_URL,
  type CaseRef,
} from './support/cases.js';
import { expect, openApp, test, unique, type Api } from './support/fixtures.js';
import { docsScreenshot } from './support/screenshots.js';

/** A fresh burst-pipe case taken through `steps` (action, who, extra fields) before the test's own. */
async function caseAt(
  api: (username: string) => Promise<Api>,
  steps: [action: string, who: string, extra?: Record<string, unknown>][],
): Promise<CaseRef> {
  const c = await hotlineBurstPipe(await api('hotline'), `3号楼地下室水管爆裂 ${unique()}`);
  for (const [action, who, extra] of steps) await caseAction(await api(who), c.id, action, extra);
  return c;
}

const RETURNED: [string, string, Record<string, unknown>][] = [
  ['dispatch', 'huamu', {}],
  ['returnCase', 'wuye', { returnReason: 'insufficient_information', note: '请补充具体楼栋与漏点位置' }],
];
const EXTENSION_REQUESTED: [string, string, Record<string, unknown>][] = [
  ['dispatch', 'huamu', {}],
  ['signFor', 'wuye', {}],
  ['requestExtension', 'wuye', { extension: '2wd', note: '需更换主管道，材料到货需两天' }],
];

test.describe('cases: a hotline case from intake to reopening', () => {
  test('the 12345 operator records a burst pipe: routed by the list row, reporter masked', async ({
    page,
    signIn,
  }) => {
    await signIn('hotline');
    await openApp(page, '/cases/new');
    await choose(page, 'intake-category', '水管爆裂', '水管爆裂');
    await choose(page, 'intake-attr-meterPosition', '分户计量表后');
    await choose(page, 'intake-attr-part', '共用部位');
    await choose(page, 'intake-compound', /世纪家园 · 花木街道/, '世纪家园');
    await page.getByTestId('intake-work-order').fill(`E2E-${unique()}`);
    await page
      .getByTestId('intake-description')
      .fill(`3号楼地下室水管爆裂，大量漏水，已关闭总阀 ${unique()}`);
    await page.getByTestId('intake-reporter-name').fill('王先生');
    await page.getByTestId('intake-reporter-phone').fill('13812345678');
    await page.getByTestId('intake-submit').click();
    await expect(page).toHaveURL(/\/cases\/(?!new)[^/]+$/);
    await expectStatus(page, 'received', '已受理');
    await expect(page.getByTestId('case-title'), 'the title shows the case number').toHaveText(/\d{15,}/);
    // The row by its words (journeys) and its sources as people cite them (lawroute's Art 60 wording).
    const routing = page.getByTestId('case-routing');
    await expect(routing).toContainText('条目指派');
    await expect(routing).toContainText('→ 物业服务企业');
    await expect(routing).toContainText('《上海市住宅物业管理规定》第六十条');
    await expect(routing).not.toContainText(/v\d+:R\d+/);
    await expect(page.getByTestId('case-details'), 'the reporter is masked').toContainText('138****5678');
  });

  test('an own-part repair: the operator reads the owner’s duty to the caller; the case page cites Art 68 (一)', async ({
    page,
    signIn,
  }) => {
    await signIn('hotline');
    await page.goto('/cases/new');
    await choose(page, 'intake-category', '一般修理', '一般修理');
    await expect(page.getByTestId('intake-owner-duty')).toHaveCount(0);
    await choose(page, 'intake-attr-part', '自用部位');
    await expect(page.getByTestId('intake-owner-duty')).toContainText(
      '依据《上海市住宅物业管理规定》第六十八条第（一）项',
    );
    await choose(page, 'intake-compound', /世纪家园 · 花木街道/, '世纪家园');
    await page.getByTestId('intake-work-order').fill(`E2E-${unique()}`);
    await page.getByTestId('intake-description').fill(`家里卫生间水龙头坏了 ${unique()}`);
    await page.getByTestId('intake-reporter-name').fill('李女士');
    await page.getByTestId('intake-reporter-phone').fill('13912345678');
    await page.getByTestId('intake-submit').click();
    await expect(page).toHaveURL(/\/cases\/(?!new)[^/]+$/);
    await expect(page.getByTestId('case-routing')).toContainText(
      '第六十八条第（一）项：专有部分的维修费用由业主承担（属业主自身责任：业主自行维修，也可委托物业服务企业有偿维修）',
    );
  });

  test('the street office dispatches to the suggested project office', async ({ page, signIn, api }) => {
    const c = await caseAt(api, []);
    await signIn('huamu');
    await openCase(page, c.id);
    await expect(actionButton(page, 'dispatch'), 'the street office may dispatch').toBeVisible();
    await act(page, 'dispatch', async (modal) => {
      await expect(modal, 'the suggested project office is the default lead').toContainText('世纪家园项目部');
    });
    await expectStatus(page, 'dispatched', '已派遣');
    await expect(page.getByTestId('case-lead-org')).toContainText('世纪家园项目部');
  });

  test('the property company finds it to sign for and returns it with a formatted reason', async ({
    page,
    signIn,
    api,
  }) => {
    const c = await caseAt(api, [['dispatch', 'huamu']]);
    await signIn('wuye');
    await openApp(page, '/cases?queue=toSign');
    await expect(page.getByTestId('cases-table').getByText(c.caseNo)).toBeVisible();
    await openCase(page, c.id);
    await act(page, 'returnCase', async () => {
      await choose(page, 'action-return-reason', '信息不全');
      await note(page, '请补充具体楼栋与漏点位置');
    });
    await expectStatus(page, 'accepted', '已立案');
    // A returned case is no longer the company's.
    await expect(actionButton(page, 'signFor')).toHaveCount(0);
    await expect(actionButton(page, 'returnCase')).toHaveCount(0);
  });

  test('the street office dispatches a returned case again from its queue', async ({ page, signIn, api }) => {
    const c = await caseAt(api, RETURNED);
    await signIn('huamu');
    await openApp(page, '/cases?queue=returned');
    await expect(page.getByTestId('cases-table').getByText(c.caseNo)).toBeVisible();
    await openCase(page, c.id);
    await act(page, 'dispatch');
    await expectStatus(page, 'dispatched', '已派遣');
  });

  test('the company signs for it and asks for two more working days, one request at a time', async ({
    page,
    signIn,
    api,
  }) => {
    const c = await caseAt(api, [['dispatch', 'huamu']]);
    await signIn('wuye');
    await openCase(page, c.id);
    await act(page, 'signFor');
    await expectStatus(page, 'signed', '处置中');
    await act(page, 'requestExtension', async () => {
      await choose(page, 'action-extension', '2 个工作日');
      await note(page, '需更换主管道，材料到货需两天');
    });
    await expect(page.getByText('延期待审批')).toBeVisible();
    await expectStatus(page, 'signed', '处置中');
    await expect(actionButton(page, 'requestExtension'), 'one extension request at a time').toHaveCount(0);
  });

  test('approving the extension after losing a race to a colleague: 409, fresh state, then approved', async ({
    page,
    signIn,
    api,
  }) => {
    const c = await caseAt(api, EXTENSION_REQUESTED);
    await signIn('huamu');
    await openCase(page, c.id);
    await page.getByTestId('case-action-approveExtension').click();
    await expect(page.getByTestId('case-action-submit')).toBeVisible();
    // A colleague comments meanwhile: the server answers the approval 409 with the fresh case.
    await caseAction(await api('huamu'), c.id, 'comment', { note: '已电话联系物业，材料明天到' });
    await page.getByTestId('case-action-submit').click();
    await expect(page.getByText('该案件刚被他人处理，已为您刷新最新状态')).toBeVisible();
    await expect(page.getByTestId('case-timeline').getByText('已电话联系物业，材料明天到')).toBeVisible();
    await act(page, 'approveExtension', async (modal) => {
      await expect(modal, 'the requested duration is shown').toContainText('2 个工作日');
    });
    await expectStatus(page, 'signed', '处置中');
    await expect(page.getByText('延期待审批'), 'no extension pending any more').toHaveCount(0);
  });

  test('the company reports back, the check fails, it reports back again with a photo', async ({
    page,
    signIn,
    api,
  }) => {
    const c = await caseAt(api, [
      ['dispatch', 'huamu'],
      ['signFor', 'wuye'],
    ]);
    await signIn('wuye');
    await openCase(page, c.id);
    await act(page, 'reportBack', async () => note(page, '已更换阀门'));
    await expectStatus(page, 'reported', '已反馈');

    await signIn('huamu');
    await openCase(page, c.id);
    await act(page, 'verifyFail', async () => note(page, '现场仍有渗水'));
    await expectStatus(page, 'signed', '处置中');

    await signIn('wuye');
    await openCase(page, c.id);
    await act(page, 'reportBack', async () => {
      await note(page, '已更换主管道，彻底修复');
      await page
        .getByTestId('action-photos')
        .locator('input[type=file]')
        .setInputFiles(photoFile('repaired.png'));
      await expect(page.getByTestId('action-photos').locator('.photo-thumb')).toBeVisible();
    });
    await expectStatus(page, 'reported', '已反馈');
    await expect(page.getByTestId('case-photos').locator('img'), 'the evidence photo is shown').toHaveCount(
      1,
    );
  });

  test('the street office passes the check, closes, records an unsatisfied revisit and reopens', async ({
    page,
    signIn,
    api,
  }) => {
    const c = await caseAt(api, [
      ['dispatch', 'huamu'],
      ['signFor', 'wuye'],
      ['reportBack', 'wuye', { note: '已更换主管道，彻底修复' }],
    ]);
    await signIn('huamu');
    await openCase(page, c.id);
    await act(page, 'verifyPass');
    await expectStatus(page, 'verified', '核查通过');
    await act(page, 'close');
    await expectStatus(page, 'closed', '已结案');
    await act(page, 'revisit', async (modal) => {
      await modal.getByText('不满意', { exact: true }).click();
      await note(page, '居民反映地下室仍潮湿');
    });
    await expectStatus(page, 'revisited', '已回访');
    await expect(actionButton(page, 'reopen'), 'an unsatisfied revisit can be reopened').toBeVisible();
    await act(page, 'reopen', async () => note(page, '重新派遣处置'));
    await expectStatus(page, 'dispatched', '已派遣');
  });

  test('the timeline shows every step in order, with the reasons and the evidence photo', async ({
    page,
    signIn,
    api,
  }) => {
    const c = await caseAt(api, [
      ...RETURNED,
      ...EXTENSION_REQUESTED,
      ['comment', 'huamu', { note: '已电话联系物业，材料明天到' }],
      ['approveExtension', 'huamu', {}],
      ['reportBack', 'wuye', { note: '已更换阀门' }],
      ['verifyFail', 'huamu', { note: '现场仍有渗水' }],
      ['reportBack', 'wuye', { note: '已更换主管道，彻底修复', resolved: true, photos: [PHOTO_DATA_URL] }],
      ['verifyPass', 'huamu', {}],
      ['close', 'huamu', {}],
      ['revisit', 'huamu', { satisfaction: 'dissatisfied', note: '居民反映地下室仍潮湿' }],
      ['reopen', 'huamu', { note: '重新派遣处置' }],
    ]);
    await signIn('huamu');
    await openCase(page, c.id);
    const timeline = page.getByTestId('case-timeline');
    const events = timeline.locator('.case-event');
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
    await expect(events).toHaveCount(expected.length);
    for (const [i, action] of expected.entries())
      await expect(events.nth(i), `step ${i + 1} is ${action}`).toHaveAttribute('data-action', action);
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
      await expect(timeline, `the timeline mentions ${words}`).toContainText(words);
    await expect(page.getByTestId('case-photos').locator('img'), 'the evidence photo is shown').toHaveCount(
      1,
    );
    await expect(page.getByTestId('case-map')).toBeVisible();
    await expect(page.getByTestId('case-photos').locator('img').first()).toBeVisible();
    await expectStatus(page, 'dispatched', '已派遣');
    // The docs' picture: a fresh load (no toasts), zh-CN, 1440×900.
    await docsScreenshot(page, 'case-zh-CN.png');
  });
});

test('cases: another street’s officer opening a 花木 case sees the denied page and no case data', async ({
  page,
  signIn,
  api,
}) => {
  const c = await hotlineBurstPipe(await api('hotline'), `3号楼地下室水管爆裂 ${unique()}`);
  await signIn('zhangjiang');
  await page.goto(`/cases/${c.id}`);
  await expect(page.getByTestId('result-denied')).toBeVisible();
  const body = page.locator('body');
  await expect(body, 'the case number is not shown').not.toContainText(c.caseNo);
  await expect(body, 'no case details are shown').not.toContainText('水管爆裂');
  await expect(body, 'the reporter is not shown').not.toContainText('138****5678');
  await expect(page.getByTestId('case-title'), 'no case page is rendered').toHaveCount(0);
  await expect(page.getByTestId('case-timeline'), 'no timeline is rendered').toHaveCount(0);
});
