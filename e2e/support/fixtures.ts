// The test object of every spec: Playwright's, plus signed-in sessions of the demo accounts. Each worker
// signs each account in once through the API (the login route allows 30 sign-ins a minute); a test then
// puts that session's cookie into its own browser context, or calls the API as that account.
import {
  test as base,
  expect,
  request,
  type APIRequestContext,
  type APIResponse,
  type Browser,
  type BrowserContext,
  type Cookie,
  type Page,
} from '@playwright/test';
import { BASE_URL_ENV, DEMO_PASSWORD } from './server.js';

/** An API client signed in as one account: JSON in and out, the CSRF header on writes. */
export class Api {
  constructor(
    readonly username: string,
    readonly request: APIRequestContext,
    private readonly csrf: string,
  ) {}

  /** GET; fails the test unless the answer is 2xx. */
  async get<T = any>(path: string): Promise<T> {
    const res = await this.request.get(path);
    await expect(res, `${this.username}: GET ${path}`).toBeOK();
    return (await res.json()) as T;
  }

  /** POST with the CSRF header, answer unchecked (for expected refusals). */
  send(path: string, data: unknown, method: 'post' | 'put' = 'post'): Promise<APIResponse> {
    return this.request[method](path, { data, headers: { 'x-csrf-token': this.csrf } });
  }

  /** POST with the CSRF header; fails the test unless the answer is 2xx. */
  async post<T = any>(path: string, data: unknown): Promise<T> {
    const res = await this.send(path, data);
    await expect(res, `${this.username}: POST ${path}`).toBeOK();
    return (await res.json()) as T;
  }
}

interface Session {
  api: Api;
  cookies: Cookie[];
}

/** A phone: a mobile-sized browser context (closed after the test), optionally signed in. */
export const PHONE = {
  locale: 'zh-CN',
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
};

interface WorkerFixtures {
  sessions: (username: string, password?: string) => Promise<Session>;
}

interface TestFixtures {
  /** The API as `username` (a demo account unless a password is given). */
  api: (username: string, password?: string) => Promise<Api>;
  /** Puts `username`'s session into this test's browser context (then `page.goto`). */
  signIn: (username: string, password?: string) => Promise<void>;
  /** Opens a page in a new phone-sized context, signed in as `username` when given. */
  phone: (username?: string, password?: string) => Promise<Page>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  sessions: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function destructures
    async ({}, use) => {
      const baseURL = process.env[BASE_URL_ENV];
      if (!baseURL) throw new Error(`${BASE_URL_ENV} is not set: run through playwright.config.ts`);
      const open = new Map<string, Promise<Session>>();
      const signInOnce = async (username: string, password: string): Promise<Session> => {
        const ctx = await request.newContext({ baseURL });
        const res = await ctx.post('/api/v1/auth/login', { data: { username, password } });
        await expect(res, `API sign-in of ${username}`).toBeOK();
        const { csrfToken } = (await res.json()) as { csrfToken: string };
        return { api: new Api(username, ctx, csrfToken), cookies: (await ctx.storageState()).cookies };
      };
      await use((username, password = DEMO_PASSWORD) => {
        if (!open.has(username)) open.set(username, signInOnce(username, password));
        return open.get(username)!;
      });
      for (const session of open.values()) await (await session).api.request.dispose();
    },
    { scope: 'worker' },
  ],

  // Every page runs under the server's Content-Security-Policy: a violation logged by the browser fails the test.
  page: async ({ page }, use) => {
    const violations = watchCsp(page);
    await use(page);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
  },

  api: async ({ sessions }, use) => {
    await use(async (username, password) => (await sessions(username, password)).api);
  },

  signIn: async ({ sessions, context }, use) => {
    await use(async (username, password) => {
      await context.clearCookies();
      await context.addCookies((await sessions(username, password)).cookies);
    });
  },

  phone: async ({ browser, sessions, baseURL }, use) => {
    const opened: BrowserContext[] = [];
    const violations: string[][] = [];
    await use(async (username, password) => {
      const ctx = await newPhoneContext(browser, baseURL);
      opened.push(ctx);
      if (username) await ctx.addCookies((await sessions(username, password)).cookies);
      const page = await ctx.newPage();
      violations.push(watchCsp(page));
      return page;
    });
    for (const ctx of opened) await ctx.close();
    expect(violations.flat(), 'Content-Security-Policy violations (phone)').toEqual([]);
  },
});

/** Collects the browser's Content-Security-Policy violation messages of a page. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

function newPhoneContext(browser: Browser, baseURL: string | undefined): Promise<BrowserContext> {
  return browser.newContext({ ...PHONE, baseURL, timezoneId: 'Asia/Shanghai' });
}

export { expect };

/**
 * Opens a page of the signed-in app and waits until its shell shows who is signed in: the first load of the
 * bundle can take long on a busy machine, and each wait after this one then has its own time for its content.
 */
export async function openApp(page: Page, path: string) {
  await page.goto(path);
  // The one wait allowed longer than the default: loading and starting the bundle (2 cores shared by many runs).
  await expect(page.getByTestId('current-user')).toBeVisible({ timeout: 45_000 });
}

/** A short token unique to this run and call, for content a test creates. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
}
