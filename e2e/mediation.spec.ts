// Dispute mediation (issue 13, 矛盾调解), one test per step: the 花木 mediator `tiaojie` signs in, finds the
// street's disputes in the queue, opens one, records a session and then the agreement, which is signed and in
// effect; the 花木 street office sees it counted in the street statistics; on a 390 px phone the queue, the
// statistics and a dispute stay readable. The demo data holds the committee and disputes in every state.
import { choose } from './support/antd.js';
import { expect, test, unique, type Api } from './support/fixtures.js';
import { resultScreenshot } from './support/screenshots.js';
import { narrowTableCells } from './support/tables.js';

interface Options {
  committees: { id: string; name: string }[];
  mediators: { id: string; name: string }[];
}

/** A fresh dispute in the first 花木 compound the seeded disputes use, registered by the mediator. */
async function freshDispute(tiaojie: Api, subject: string): Promise<string> {
  const { items } = await tiaojie.get<{ items: { id: string; compoundName: string }[] }>(
    '/api/v1/mediation/disputes?limit=50',
  );
  const seeded = await tiaojie.get<{ compoundId: string }>(`/api/v1/mediation/disputes/${items[0].id}`);
  const o = await tiaojie.get<Options>(`/api/v1/mediation/options?compoundId=${seeded.compoundId}`);
  const { id } = await tiaojie.post<{ id: string }>('/api/v1/mediation/disputes', {
    type: 'owner_owner',
    subject,
    facts: '楼上住户装修期间中午施工，楼下老人午休受影响，双方多次争执。',
    compoundId: seeded.compoundId,
    committeeOrgId: o.committees[0].id,
    mediatorUserId: o.mediators[0].id,
    parties: [
      { side: 'applicant', name: '钟老伯', phone: '13812340001' },
      { side: 'respondent', name: '装修户 韩女士', phone: '13912340002' },
    ],
  });
  return id;
}

const subject = `装修噪声影响午休 ${unique()}`;

/** The date `days` from now in Shanghai (YYYY-MM-DD), as a date field takes it. */
const inShanghai = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

test('the mediator takes a dispute from the queue to an agreement in effect', async ({
  page,
  signIn,
  api,
}, testInfo) => {
  const tiaojie = await api('tiaojie');
  await freshDispute(tiaojie, subject);
  await signIn('tiaojie');
  await page.goto('/');
  await page.getByRole('menuitem', { name: '矛盾调解' }).click();
  await expect(page).toHaveURL(/\/mediation/);
  const rows = page.getByTestId('disputes-table').locator('tbody tr.ant-table-row');
  await expect(rows.filter({ hasText: '楼上卫生间渗水' })).toContainText('已登记');
  await expect(page.getByTestId('mediation-stats')).toContainText('花木街道');
  await resultScreenshot(page, testInfo, 'queue-1440.png');

  await rows.filter({ hasText: subject }).getByRole('link').click();
  await expect(page.getByTestId('dispute-title')).toContainText(subject);
  await expect(page.getByTestId('dispute-status')).toHaveText('已登记');
  // Phones are masked; revealing one is the mediator's to do (and audited).
  const parties = page.getByTestId('dispute-parties');
  await expect(parties).toContainText('138****0001');
  await parties.getByTestId('party-reveal').first().click();
  await expect(parties).toContainText('13812340001');

  await page.getByTestId('dispute-action-recordSession').click();
  const session = page.getByTestId('dispute-step');
  await session.getByTestId('step-place').fill('居委会调解室');
  await session.getByTestId('step-notes').fill('双方陈述后同意：施工避开 12:00–14:00，楼下不再投诉。');
  await session.getByTestId('dispute-step-ok').click();
  await expect(page.getByTestId('dispute-status')).toHaveText('调解中');
  await expect(page.getByTestId('dispute-sessions')).toContainText('居委会调解室');

  await page.getByTestId('dispute-action-agree').click();
  const agree = page.getByTestId('dispute-step');
  await agree
    .getByTestId('step-terms')
    .fill('韩女士家装修每日 12:00–14:00 及 18:00 后停止产生噪声的施工，至完工为止。');
  await agree.getByTestId('step-method').fill('装修户告知施工队执行，物业巡查监督');
  await agree.getByTestId('step-deadline').fill(inShanghai(30));
  await agree.getByTestId('dispute-step-ok').click();
  await expect(page.getByTestId('dispute-status')).toHaveText('待签署协议');
  await expect(page.getByTestId('dispute-agreement')).toContainText('待当事人和调解员签署');

  await page.getByTestId('dispute-action-sign').click();
  await page.getByTestId('dispute-step').getByTestId('dispute-step-ok').click();
  await expect(page.getByTestId('dispute-status')).toHaveText('协议已生效');
  await expect(page.getByTestId('dispute-confirm-window')).toContainText('司法确认');
  await expect(page.getByTestId('dispute-action-confirm')).toBeVisible();
  await resultScreenshot(page, testInfo, 'dispute-1440.png');
});

test('the street office sees the agreement counted in its street statistics', async ({
  page,
  signIn,
  api,
}, testInfo) => {
  const huamu = await api('huamu');
  const stats = await huamu.get<{ streets: { streetName: string; agreements: number; total: number }[] }>(
    '/api/v1/mediation/stats',
  );
  const street = stats.streets.find((s) => s.streetName === '花木街道');
  expect(street, '花木 has disputes').toBeTruthy();
  // The seeded agreements (one in effect, one judicially confirmed) and the one the mediator just reached.
  expect(street!.agreements).toBeGreaterThanOrEqual(3);
  await signIn('huamu');
  await page.goto('/mediation');
  const row = page.getByTestId('mediation-stats').locator('tbody tr.ant-table-row', { hasText: '花木街道' });
  await expect(row).toContainText(String(street!.total));
  await expect(row.locator('td').nth(3)).toHaveText(String(street!.agreements));
  await page.getByTestId('disputes-tab-all').click();
  await expect(
    page.getByTestId('disputes-table').locator('tbody tr.ant-table-row', { hasText: subject }),
  ).toContainText('协议已生效');
  await resultScreenshot(page, testInfo, 'street-1440.png');
});

test('on a 390 px phone the queue, the statistics and a dispute stay readable', async ({
  phone,
  api,
}, testInfo) => {
  const tiaojie = await api('tiaojie');
  const { items } = await tiaojie.get<{ items: { id: string; status: string }[] }>(
    '/api/v1/mediation/disputes?status=confirmed',
  );
  const page = await phone('tiaojie');
  for (const path of ['/mediation', '/mediation?tab=all']) {
    await page.goto(path);
    await expect(page.getByTestId('disputes-table').locator('tbody tr.ant-table-row').first()).toBeVisible();
    await expect(page.getByTestId('mediation-stats').locator('tbody tr.ant-table-row').first()).toBeVisible();
    expect(await narrowTableCells(page), `cells narrower than 3 characters on ${path}`).toEqual([]);
  }
  await resultScreenshot(page, testInfo, 'queue-390.png');
  await page.goto(`/mediation/disputes/${items[0].id}`);
  await expect(page.getByTestId('dispute-confirmation')).toContainText('人民法院');
  await resultScreenshot(page, testInfo, 'dispute-390.png');
});

test('the mediator turns a case into a dispute from the case page (转人民调解)', async ({
  page,
  signIn,
  api,
}, testInfo) => {
  const tiaojie = await api('tiaojie');
  const { items } = await tiaojie.get<{ items: { id: string }[] }>('/api/v1/mediation/disputes?limit=1');
  const { compoundId } = await tiaojie.get<{ compoundId: string }>(
    `/api/v1/mediation/disputes/${items[0].id}`,
  );
  const hotline = await api('hotline');
  const made = await hotline.post<{ id: string; caseNo: string }>('/api/v1/cases', {
    channel: 'hotline12345',
    categoryCode: 'noise',
    attributes: {},
    description: `楼上深夜拖动家具，多次沟通无果 ${unique()}`,
    compoundId,
    reporter: { name: '邵女士', phone: '13900002222' },
  });
  await signIn('tiaojie');
  await page.goto(`/cases/${made.id}`);
  await page.getByTestId('case-to-mediation').click();
  const form = page.getByTestId('dispute-register');
  await expect(form).toContainText(made.caseNo);
  await expect(form.getByTestId('dispute-committee')).toContainText('花木街道人民调解委员会');
  await expect(form.getByTestId('dispute-party-0-name')).toHaveValue('邵女士');
  await form.getByTestId('dispute-party-1-name').fill('楼上住户 蒋先生');
  await resultScreenshot(page, testInfo, 'from-case-1440.png');
  await form.getByTestId('dispute-register-ok').click();
  await expect(page.getByTestId('dispute-status')).toHaveText('已登记');
  const link = page.getByTestId('dispute-case');
  await expect(link).toHaveText(`由案件 ${made.caseNo} 转来`);
  // The reporter's phone came with the case, masked.
  await expect(page.getByTestId('dispute-parties')).toContainText('139****2222');
  await link.getByRole('link').click();
  await expect(page.getByTestId('case-title')).toContainText(made.caseNo);
  await expect(page.getByText(/已转为矛盾纠纷调解/)).toBeVisible();
});

test('the street office registers a dispute from the queue, choosing a compound', async ({
  page,
  signIn,
  api,
}, testInfo) => {
  const huamu = await api('huamu');
  const { items } = await huamu.get<{ items: { compoundName: string }[] }>(
    '/api/v1/mediation/disputes?limit=1',
  );
  const compound = items[0].compoundName;
  const topic = `业主与物业就电梯停运赔偿发生争议 ${unique()}`;
  await signIn('huamu');
  await page.goto('/mediation');
  await page.getByTestId('dispute-register-open').click();
  const form = page.getByTestId('dispute-register');
  await expect(form.getByTestId('dispute-pick-compound')).toBeVisible();
  await choose(page, 'dispute-compound', compound, compound);
  await expect(form.getByTestId('dispute-committee')).toContainText('花木街道人民调解委员会');
  await choose(page, 'dispute-type', '业主与物业服务企业');
  await form.getByTestId('dispute-subject').fill(topic);
  await form.getByTestId('dispute-facts').fill('电梯停运两周，业主要求减免当月物业费。');
  await form.getByTestId('dispute-party-0-name').fill('业主 石先生');
  await form.getByTestId('dispute-party-0-phone').fill('13700003333');
  await form.getByTestId('dispute-party-1-name').fill('物业服务中心');
  await form.getByTestId('dispute-register-ok').click();
  await expect(page.getByTestId('dispute-title')).toContainText(topic);
  await expect(page.getByTestId('dispute-details')).toContainText(compound);
  await expect(page.getByTestId('dispute-parties')).toContainText('137****3333');
  // The same page in English.
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByTestId('dispute-status')).toHaveText('Registered');
  await resultScreenshot(page, testInfo, 'dispute-en-1440.png');
});
