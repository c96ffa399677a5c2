// Cases through the API (the setup of each browser test: a case brought to the state the test starts
// from) and the steps on the case page.
import { request, type Locator, type Page } from '@playwright/test';
import { expect, openApp, type Api } from './fixtures.js';
import { modalSettled } from './antd.js';

/** 世纪家园 (花木街道): the demo compound whose burst pipes the responsibility list gives its project office. */
export const SHIJI_JIAYUAN = '世纪家园';
export const HUAMU = '310115016';
export const REPORTER_PHONE = '13812345678';

export interface CaseRef {
  id: string;
  caseNo: string;
}

/** A hotline case: an urgent burst pipe after the meter in a common part of 世纪家园, as the intake form records it. */
export async function hotlineBurstPipe(hotline: Api, description: string): Promise<CaseRef> {
  const compounds = await hotline.get<{ items: { id: string; name: string; streetCode: string }[] }>(
    `/api/v1/compounds?q=${encodeURIComponent(SHIJI_JIAYUAN)}`,
  );
  const compound = compounds.items.find((c) => c.name === SHIJI_JIAYUAN && c.streetCode === HUAMU);
  expect(compound, `${SHIJI_JIAYUAN} is in the demo data`).toBeTruthy();
  return hotline.post<CaseRef>('/api/v1/cases', {
    channel: 'hotline12345',
    categoryCode: 'repair.urgent.water_burst',
    attributes: { meterPosition: 'after', part: 'common' },
    compoundId: compound!.id,
    description,
    reporter: { name: '王先生', phone: REPORTER_PHONE },
  });
}

/** Takes a case action as `who` on the case's current version. */
export async function caseAction(who: Api, id: string, action: string, extra: Record<string, unknown> = {}) {
  const { version } = await who.get<{ version: number }>(`/api/v1/cases/${id}`);
  await who.post(`/api/v1/cases/${id}/actions`, { action, version, ...extra });
}

/** A resident's report without an account (the public route), as the report page sends it. */
export async function residentReport(baseURL: string, phone: string, description: string): Promise<CaseRef> {
  const anonymous = await request.newContext({ baseURL });
  try {
    const res = await anonymous.post('/api/v1/public/reports', {
      data: {
        categoryCode: 'repair.ordinary',
        attributes: { part: 'common' },
        streetCode: HUAMU,
        address: '浦东新区花木路100弄',
        description,
        name: '李女士',
        phone,
      },
    });
    await expect(res, 'the resident report').toBeOK();
    return (await res.json()) as CaseRef;
  } finally {
    await anonymous.dispose();
  }
}

/** A resident's report of an ordinary repair in a common part of 世纪家园 (花木), by the public form's route. */
export async function residentCompoundReport(
  baseURL: string,
  phone: string,
  description: string,
): Promise<CaseRef & { trackToken: string }> {
  const anonymous = await request.newContext({ baseURL });
  try {
    const found = await anonymous.get(`/api/v1/public/compounds?q=${encodeURIComponent(SHIJI_JIAYUAN)}`);
    await expect(found, 'the public compound directory').toBeOK();
    const { items } = (await found.json()) as { items: { id: string; name: string; streetName: string }[] };
    const compound = items.find((c) => c.name === SHIJI_JIAYUAN && c.streetName === '花木街道');
    expect(compound, `${SHIJI_JIAYUAN} (花木街道) is in the public directory`).toBeTruthy();
    const res = await anonymous.post('/api/v1/public/reports', {
      data: {
        categoryCode: 'repair.ordinary',
        attributes: { part: 'common' },
        compoundId: compound!.id,
        description,
        name: '李女士',
        phone,
      },
    });
    await expect(res, 'the resident report').toBeOK();
    return (await res.json()) as CaseRef & { trackToken: string };
  } finally {
    await anonymous.dispose();
  }
}

export async function openCase(page: Page, id: string) {
  await openApp(page, `/cases/${id}`);
  await expect(page.getByTestId('case-status')).toBeVisible();
}

export async function expectStatus(page: Page, status: string, label: string) {
  await expect(page.locator(`[data-testid=case-status][data-status=${status}]`)).toHaveText(label);
}

/** The action buttons the page offers. */
export function actionButton(page: Page, action: string): Locator {
  return page.getByTestId('case-actions').getByTestId(`case-action-${action}`);
}

/** Clicks the action button, fills its modal, submits, and waits for the modal to close. */
export async function act(page: Page, action: string, fill?: (modal: Locator) => Promise<void>) {
  await page.getByTestId(`case-action-${action}`).click();
  const modal = page.locator('.ant-modal').filter({ has: page.getByTestId('case-action-submit') });
  await expect(modal).toBeVisible();
  await modalSettled(page);
  if (fill) await fill(modal);
  await page.getByTestId('case-action-submit').click();
  await expect(modal).toHaveCount(0);
}

export async function note(page: Page, text: string) {
  await page.getByTestId('action-note').fill(text);
}

/** A small PNG standing in for a phone photo (the page re-encodes any image as JPEG before sending). */
export const PHOTO_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAGAAAABICAIAAACGBWc0AAAAyUlEQVR42u3XvQnDMBAGUI2TmTSEy6AhMkRqVcYDpEqbSbKEBYaUAiNF+fGDr5CFGz/uuHPIj6dUEhAAAgQIECBAgAAJIECAAAECBAiQABoGdL8tW+J0eZ333gACBAgQoPcAlS9sjwrSYoAAAQIE6IhAc76WlNe2Q/vjv+1BPw+kggB9N1CXFm75rVFBgAABsgepIC1mzKsgQIAAAbIHqSBjXosBAgQIUD+glM5SCSBAgAABOizQKebxAQQIECBAppgAAgQI0OezAk9/EWjjPFRKAAAAAElFTkSuQmCC';

export const photoFile = (name: string) => ({
  name,
  mimeType: 'image/png',
  buffer: Buffer.from(PHOTO_PNG, 'base64'),
});

export const PHOTO_DATA_URL = `data:image/png;base64,${PHOTO_PNG}`;
