/**
 * What the whole-flow browser tests share: signing in through the page, picking from a Mantine
 * select, reading text as written, screenshots, axe, and a signed-in API session for set-up that
 * is not the flow's own.
 */
import path from 'node:path';
import { type APIRequestContext, type Locator, type Page, request } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations } from './browser-harness';

export type Locale = 'ja' | 'en';
export type User = { email: string; password: string };

const WORDS = {
  en: { email: 'Email', password: 'Password', signIn: 'Sign in' },
  ja: { email: 'メールアドレス', password: 'パスワード', signIn: 'サインイン' },
} as const;

export async function signIn(page: Page, user: User, locale: Locale): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(WORDS[locale].email, { exact: true }).fill(user.email);
  await page.getByLabel(WORDS[locale].password, { exact: true }).fill(user.password);
  await page.getByRole('button', { name: WORDS[locale].signIn, exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Opens a Mantine Select (or MultiSelect), optionally types to filter it, and picks the option. */
export async function choose(
  page: Page,
  input: Locator,
  option: RegExp | string,
  search?: string,
): Promise<void> {
  // A MultiSelect's field sits under its pills box, which takes the click.
  await input.click({ force: true });
  if (search !== undefined) await input.fill(search);
  await page
    .getByRole('option', { name: option, exact: typeof option === 'string' })
    .first()
    .click();
}

/** The text as written (innerText would give a badge's CSS upper case). */
export const text = async (l: Locator) => (await l.textContent()) ?? '';

/** A row's cells as written (not in a badge's upper case), whitespace collapsed. */
export const cells = async (row: Locator) =>
  (await row.locator('td, th').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim());

/** A full-page screenshot taker writing `<name>.png` into `dir`. */
export function screenshotsIn(dir: string): (page: Page, name: string) => Promise<void> {
  return async (page, name) => {
    await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
  };
}

/**
 * No serious or critical axe violation once the page is idle: no request in flight and no CSS
 * transition running (a closing dialog's fading buttons would fail the contrast check).
 */
export async function axe(page: Page, what: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() =>
    document
      .getAnimations()
      // Spinners loop for ever; only finite transitions are waited for.
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
  expect(await seriousViolations(page), what).toEqual([]);
}

/** A signed-in API session (cookie + CSRF token) for the set-up steps that are not the flow's. */
export interface Api {
  send<T>(method: string, url: string, data?: unknown): Promise<T>;
  upload<T>(url: string, documentKey: string, file: { name: string; buffer: Buffer }): Promise<T>;
  dispose(): Promise<void>;
}

export async function apiAs(baseUrl: string, user: User): Promise<Api> {
  const ctx: APIRequestContext = await request.newContext({ baseURL: baseUrl });
  const anonymous = (await (await ctx.get('/api/v1/auth/session')).json()) as { csrfToken: string };
  const signedIn = await ctx.post('/api/v1/auth/sign-in', {
    headers: { 'x-csrf-token': anonymous.csrfToken },
    data: { email: user.email, password: user.password },
  });
  expect(signedIn.status()).toBe(200);
  const token = ((await signedIn.json()) as { csrfToken: string }).csrfToken;
  const check = async <T>(what: string, res: Awaited<ReturnType<APIRequestContext['fetch']>>) => {
    if (!res.ok()) throw new Error(`${what}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  };
  return {
    send: async (method, url, data) =>
      check(`${method} ${url}`, await ctx.fetch(url, { method, headers: { 'x-csrf-token': token }, data })),
    upload: async (url, documentKey, file) =>
      check(
        `upload to ${url}`,
        await ctx.post(url, {
          headers: { 'x-csrf-token': token },
          multipart: {
            documentKey,
            file: { name: file.name, mimeType: 'application/pdf', buffer: file.buffer },
          },
        }),
      ),
    dispose: () => ctx.dispose(),
  };
}
