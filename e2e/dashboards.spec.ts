// Dashboards, charts and the map (issue 9 §5): a street office goes from its home to the KPI charts and to
// the map of its compounds coloured by open cases; a district drills from a street to its compounds; the KPI
// page fits a 390 px phone; the case page draws its location on the same map. With E2E_SCREENSHOTS=1 the
// first screen of every demo account is pictured for the docs (docs/screenshots/home-<account>-*.png).
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';
import { hotlineBurstPipe, HUAMU } from './support/cases.js';
import { docsScreenshot } from './support/screenshots.js';
import { DEMO_PASSWORD } from './support/server.js';
import { narrowTableCells } from './support/tables.js';

interface Ctx2d {
  getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
}
interface CanvasEl {
  width: number;
  height: number;
  getContext(kind: '2d'): Ctx2d | null;
}

/** The canvas pixels an ECharts chart has painted (0 when the canvas is blank). */
async function paintedPixels(chart: Locator): Promise<number> {
  // a function, not a string: the page's Content-Security-Policy forbids evaluating strings
  return chart
    .locator('canvas')
    .first()
    .evaluate((el) => {
      const c = el as unknown as CanvasEl;
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    });
}

/** A chart drawn with data: its canvas painted and at least `min` data items. */
async function expectChart(page: Page, testId: string, min = 1) {
  const chart = page.getByTestId(testId);
  await expect(chart.locator('canvas'), `${testId} draws on a canvas`).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(async () => Number(await chart.getAttribute('data-points')), { message: `${testId} data items` })
    .toBeGreaterThanOrEqual(min);
  await expect.poll(() => paintedPixels(chart), { message: `${testId} painted` }).toBeGreaterThan(500);
}

const documentWidth = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );

/** The map page's colour bands (web/src/features/map/MapPage.tsx CASE_BANDS): open cases → fill. */
const bandOf = (open: number) =>
  open === 0 ? '#2f9e44' : open <= 2 ? '#f59f00' : open <= 5 ? '#e8590c' : '#c92a2a';

test('street office: from the home to the KPI charts and to the map of its compounds by open cases', async ({
  page,
  api,
}) => {
  await page.goto('/login');
  await page.getByTestId('login-username').fill('huamu');
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(/\/home$/);
  await expectChart(page, 'trend-chart', 6);

  await page.getByRole('link', { name: '查看考核指标' }).click();
  await expect(page).toHaveURL(/\/kpis/);
  // A street office compares its compounds; the summary sets the month beside the one before.
  await expect(page.getByTestId('kpis-table').locator('thead')).toContainText('小区');
  await expect(page.getByTestId('kpi-summary-total')).toContainText('较上月');
  await expect(page.getByTestId('kpi-change-onTimeRate')).toHaveAttribute('data-direction', /up|down|same/);
  await expectChart(page, 'trend-chart', 12);
  await expectChart(page, 'kpi-category-chart', 3);
  await expectChart(page, 'kpi-ranking-red');
  await expectChart(page, 'kpi-ranking-black');
  await page.getByTestId('kpi-ranking-metric').getByText('满意率').click();
  await expectChart(page, 'kpi-ranking-red');
  await expect(page.locator('tbody tr.ant-table-row').first()).toBeVisible();

  await page.goto('/home');
  await page.getByRole('link', { name: '查看地图' }).click();
  await expect(page).toHaveURL(/\/map/);
  const layers = await (
    await api('huamu')
  ).get<{ compounds: { name: string; openCases: number }[] }>(`/api/v1/kpis/map?street=${HUAMU}`);
  expect(
    layers.compounds.some((c) => c.openCases > 0),
    'the demo has open cases in 花木',
  ).toBe(true);
  const dots = page.getByTestId('dashboard-map').locator('path.map-compounds');
  await expect(dots).toHaveCount(layers.compounds.length);
  const fills = await dots.evaluateAll((els) =>
    els.map((e) => (e as unknown as { getAttribute(n: string): string | null }).getAttribute('fill')),
  );
  expect(fills.sort()).toEqual(layers.compounds.map((c) => bandOf(c.openCases)).sort());
});

test('district office: KPIs by street, a street opens its compounds, and back', async ({
  page,
  signIn,
  api,
}) => {
  await signIn('pudong');
  await page.goto('/kpis');
  const table = page.getByTestId('kpis-table');
  await expect(table.locator('thead')).toContainText('街镇');
  await expectChart(page, 'kpi-ranking-red', 3);
  await expect(page.getByTestId('kpi-ranking')).toContainText('点击街镇名称查看其小区');

  await table.getByTestId('kpi-open-street').getByText('花木街道', { exact: true }).click();
  await expect(page).toHaveURL(
    new RegExp(`groupBy=compound.*street=${HUAMU}|street=${HUAMU}.*groupBy=compound`),
  );
  await expect(page.getByTestId('kpi-drill')).toContainText('花木街道各小区');
  await expect(table.locator('thead')).toContainText('小区');
  const url = new URL(page.url());
  const month = url.searchParams.get('month');
  const { items } = await (
    await api('pudong')
  ).get<{ items: { name: string }[] }>(
    `/api/v1/kpis/cases?groupBy=compound&street=${HUAMU}` +
      (month ? `&from=${month}-01&to=${month}-28` : `&from=2000-01-01&to=2100-01-01`),
  );
  expect(items.length).toBeGreaterThan(0);
  await expect(table.locator('tbody tr.ant-table-row').first()).toBeVisible();
  const names = await table.locator('tbody tr.ant-table-row td:first-child').allInnerTexts();
  expect(names.length).toBeGreaterThan(1);
  // only 花木's compounds: 世纪家园 is one of them (the demo's burst pipes)
  await expect(table.locator('tbody tr.ant-table-row').filter({ hasText: '世纪家园' })).toHaveCount(1);
  await expect(table.getByTestId('kpi-open-street')).toHaveCount(0);

  await page.getByTestId('kpi-drill-back').click();
  await expect(table.locator('thead')).toContainText('街镇');
  await expect(table.getByTestId('kpi-open-street').first()).toBeVisible();
});

test('the KPI page fits a 390 px phone: charts within the screen, nothing wider', async ({ phone }) => {
  for (const account of ['huamu', 'pudong']) {
    const page = await phone(account);
    await page.goto('/kpis');
    await expect(page.locator('tbody tr.ant-table-row').first()).toBeVisible();
    await expectChart(page, 'trend-chart', 12);
    await expectChart(page, 'kpi-category-chart', 3);
    await expectChart(page, 'kpi-ranking-red');
    for (const box of await page
      .locator('.echart')
      .evaluateAll((els) =>
        els.map(
          (e) =>
            (e as unknown as { getBoundingClientRect(): { right: number } }).getBoundingClientRect().right,
        ),
      ))
      expect(box, `${account}: a chart ends within the screen`).toBeLessThanOrEqual(390);
    expect(await documentWidth(page), `${account}: the page is no wider than the phone`).toBeLessThanOrEqual(
      390,
    );
    expect(await narrowTableCells(page), `${account}: KPI table cells`).toEqual([]);
  }
});

test('the case page draws its location on the same map as the map page', async ({ page, signIn, api }) => {
  const c = await hotlineBurstPipe(await api('hotline'), '地下车库入口水管爆裂，水流不止');
  await signIn('huamu');
  await page.goto(`/cases/${c.id}`);
  const map = page.getByTestId('case-geo-map');
  await expect(map).toHaveClass(/leaflet-container/);
  await expect(map.locator('path.map-compounds')).toHaveCount(1);
  await expect(page.getByTestId('case-map')).toContainText('世纪家园');
});

/** The demo accounts whose first screen the docs picture (staff roles, then the owner). */
const FIRST_SCREENS = [
  'huamu',
  'pudong',
  'city',
  'chengguan',
  'zhongdui',
  'wuye',
  'hotline',
  'grid',
  'rc',
  'yeweihui',
  'owner',
] as const;

/** The first screen after signing in, loaded: past the redirect from /, no skeleton or spinner left. */
async function firstScreen(page: Page) {
  await page.goto('/');
  await expect(page).not.toHaveURL(/\/$/);
  await expect(page.locator('.page-header, [data-testid=owner-units]').first()).toBeVisible();
  await expect(page.locator('.ant-skeleton, .ant-spin-spinning')).toHaveCount(0);
  await page.waitForLoadState('networkidle');
}

test.describe('the first screen of each account', () => {
  for (const account of FIRST_SCREENS)
    test(`${account}: fits a 390 px phone (pictured for the docs)`, async ({ page, signIn, phone }) => {
      const mobile = await phone(account);
      await firstScreen(mobile);
      expect(await documentWidth(mobile), 'the page is no wider than the phone').toBeLessThanOrEqual(390);
      expect(await narrowTableCells(mobile), 'table cells narrower than 3 characters').toEqual([]);
      // Departments and companies (no area trend) reach their own KPIs and map from the home.
      if (['chengguan', 'zhongdui', 'wuye'].includes(account))
        await expect(
          mobile.getByTestId('home-links').getByRole('link', { name: '查看考核指标' }),
        ).toBeVisible();
      await docsScreenshot(mobile, `home-${account}-phone.png`);
      await signIn(account);
      await firstScreen(page);
      await docsScreenshot(page, `home-${account}-desktop.png`);
    });
});
