// Steps shared by the governance journeys: antd selects, modal forms, API sessions, Shanghai dates.
import { request, type Page } from 'playwright-core';
import { shanghaiDate, shanghaiWallClock } from '../domain/calendar.js';
import { DEMO_PASSWORD } from './harness.js';

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Shanghai calendar date `days` from today. */
export const day = (days: number) => shanghaiDate(new Date(Date.now() + days * 86_400_000));

/** Shanghai wall-clock `YYYY-MM-DDTHH:mm`, `minutes` from now. */
export const local = (minutes: number) =>
  shanghaiWallClock(new Date(Date.now() + minutes * 60_000)).slice(0, 16);

export const OPEN_OPTIONS = '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option';

/** Picks the first option of an antd Select by its test id. */
export async function pickFirstOption(page: Page, testId: string) {
  await page.getByTestId(testId).click();
  await page.locator(OPEN_OPTIONS).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(OPEN_OPTIONS).first().waitFor({ state: 'hidden' });
}

/** Chooses an antd radio button by its label and waits until it is checked (clicks can land mid-animation). */
export async function chooseRadio(page: Page, scope: string, label: string, inputTestId: string) {
  const input = page.getByTestId(inputTestId);
  for (let attempt = 0; attempt < 3 && !(await input.isChecked()); attempt++) {
    await page.getByTestId(scope).locator('label').filter({ hasText: label }).click();
    await page.waitForTimeout(200);
  }
  check(await input.isChecked(), `${label} is chosen`);
}

/**
 * Picks the option whose label is exactly `label` by typing `search` into the select's search box and
 * clicking it. (Arrow-key counting is not used: under load, key presses faster than renders collapse.)
 */
export async function pickByLabel(page: Page, testId: string, search: string, label: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(search);
  const option = page.locator(OPEN_OPTIONS).filter({ hasText: label }).first();
  await option.waitFor();
  await option.click();
  // A click can land while the list re-renders; the filtered option is the active one, so Enter takes it.
  const open = page.locator(OPEN_OPTIONS).first();
  if (
    !(await open.waitFor({ state: 'hidden', timeout: 3_000 }).then(
      () => true,
      () => false,
    ))
  ) {
    await page.keyboard.press('Enter');
    await open.waitFor({ state: 'hidden' });
  }
  await page
    .getByTestId(testId)
    .filter({ hasText: label.slice(0, label.indexOf('（')) })
    .waitFor();
}

/** Picks the first `count` (default: all) options of a multiple antd Select in a modal, then closes it. */
export async function pickFirst(page: Page, modal: string, testId: string, count?: number) {
  await page.getByTestId(testId).click();
  await page.locator(OPEN_OPTIONS).first().waitFor();
  const n = count ?? (await page.locator(OPEN_OPTIONS).count());
  for (let i = 0; i < n; i++) {
    await page.locator(OPEN_OPTIONS).nth(i).click();
  }
  await page.getByTestId(modal).locator('.ant-modal-title').click();
  await page.locator(OPEN_OPTIONS).first().waitFor({ state: 'hidden' });
}

/** Saves a modal form: it closes, or the server's message shown in it fails the step. */
export async function modalOk(page: Page, testId: string) {
  await page.getByTestId(`${testId}-ok`).click();
  const error = page.getByTestId('modal-error');
  await Promise.race([
    page.getByTestId(testId).waitFor({ state: 'detached', timeout: 20_000 }),
    error.waitFor({ timeout: 20_000 }).then(async () => {
      throw new Error(`${testId}: ${await error.textContent()}`);
    }),
  ]);
}

export async function apiAs(baseUrl: string, username: string) {
  const api = await request.newContext({ baseURL: baseUrl });
  const login = await api.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  check(login.ok(), `login ${username}: ${login.status()}`);
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  return { api, headers: { 'x-csrf-token': csrf } };
}

/** A compound's owners (people), as the owner picker labels them: "name（unit、unit）". */
export async function ownersOf(baseUrl: string, compoundId: string) {
  const { api } = await apiAs(baseUrl, 'huamu');
  try {
    const page = (await (await api.get(`/api/v1/compounds/${compoundId}/owners?limit=500`)).json()) as {
      items: { id: string; kind: string; name: string; units: { label: string }[] }[];
    };
    return page.items
      .filter((o) => o.kind !== 'developer')
      .map((o) => ({
        id: o.id,
        search: o.units[0]?.label ?? o.name,
        label: `${o.name}（${o.units.map((u) => u.label).join('、')}）`,
      }));
  } finally {
    await api.dispose();
  }
}
