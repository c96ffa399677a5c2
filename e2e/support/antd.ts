// Steps on antd widgets (selects, radio groups, modal forms), each ending on an auto-waiting assertion.
// Clicks that land while a modal or list is still animating can miss: those steps retry until the choice
// shows, through expect(...).toPass, never a fixed sleep.
import type { Page } from '@playwright/test';
import { expect } from './fixtures.js';

export const OPEN_OPTIONS = '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option';

/** Opens an antd Select by its test id, optionally types a search, and clicks the option with `text`. */
export async function choose(page: Page, testId: string, text: string | RegExp, search?: string) {
  const select = page.getByTestId(testId);
  const option = page.locator(OPEN_OPTIONS).filter({ hasText: text }).first();
  const shown = select.locator('.ant-select-content').filter({ hasText: text });
  await select.click();
  if (search) await page.keyboard.type(search);
  await option.click();
  if (
    await expect(shown)
      .toBeVisible({ timeout: 2_000 })
      .then(
        () => true,
        () => false,
      )
  )
    return;
  await expect(async () => {
    if (!(await shown.isVisible())) {
      if (!(await option.isVisible())) await select.click();
      await option.click({ timeout: 2_000 });
    }
    await expect(shown).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/** Picks the first option of an antd Select by its test id. */
export async function pickFirstOption(page: Page, testId: string) {
  const first = page.locator(OPEN_OPTIONS).first();
  await page.getByTestId(testId).click();
  await expect(first).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(first).toBeHidden();
}

/** Chooses an antd radio button by its label until its input is checked. */
export async function chooseRadio(page: Page, scope: string, label: string, inputTestId: string) {
  const input = page.getByTestId(inputTestId);
  await expect(async () => {
    if (!(await input.isChecked()))
      await page.getByTestId(scope).locator('label').filter({ hasText: label }).click();
    await expect(input, `${label} is chosen`).toBeChecked({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/**
 * Picks the option whose label is exactly `label` by typing `search` into the select's search box and
 * clicking it. (Arrow-key counting is not used: under load, key presses faster than renders collapse.)
 */
export async function pickByLabel(page: Page, testId: string, search: string, label: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(search);
  const option = page.locator(OPEN_OPTIONS).filter({ hasText: label }).first();
  await option.click();
  // A click can land while the list re-renders; the filtered option is the active one, so Enter takes it.
  const open = page.locator(OPEN_OPTIONS).first();
  if (
    !(await expect(open)
      .toBeHidden({ timeout: 3_000 })
      .then(
        () => true,
        () => false,
      ))
  ) {
    await page.keyboard.press('Enter');
    await expect(open).toBeHidden();
  }
  const name = label.includes('（') ? label.slice(0, label.indexOf('（')) : label;
  await expect(page.getByTestId(testId).filter({ hasText: name })).toBeVisible();
}

/** Picks the first `count` (default: all) options of a multiple antd Select in a modal, then closes it. */
export async function pickFirst(page: Page, modal: string, testId: string, count?: number) {
  const options = page.locator(OPEN_OPTIONS);
  await page.getByTestId(testId).click();
  await expect(options.first()).toBeVisible();
  const n = count ?? (await options.count());
  for (let i = 0; i < n; i++) await options.nth(i).click();
  await page.getByTestId(modal).locator('.ant-modal-title').click();
  await expect(options.first()).toBeHidden();
}

/** Saves a modal form: it closes, or the server's message shown in it fails the step with that message. */
export async function modalOk(page: Page, testId: string) {
  const modal = page.getByTestId(testId);
  const error = modal.getByTestId('modal-error');
  await page.getByTestId(`${testId}-ok`).click();
  // Either outcome ends this wait: the modal is gone, or it shows an error.
  await expect(modal.filter({ hasNot: error })).toHaveCount(0, { timeout: 20_000 });
  if ((await error.count()) > 0) throw new Error(`${testId}: ${await error.first().textContent()}`);
  await expect(modal).toHaveCount(0);
}

/** Waits until no antd modal is mid-animation (dropdowns then open where their Select ends up). */
export async function modalSettled(page: Page) {
  await expect(page.locator('.ant-modal[class*=zoom]')).toHaveCount(0);
}
