import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, HAS_BROWSER, seriousViolations, startBrowserEnv } from './browser-harness';

async function signIn(page: Page, email: string, password: string, locale: 'ja' | 'en'): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(locale === 'ja' ? 'メールアドレス' : 'Email', { exact: true }).fill(email);
  await page.getByLabel(locale === 'ja' ? 'パスワード' : 'Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: locale === 'ja' ? 'サインイン' : 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

describe.skipIf(!HAS_BROWSER)('signed-in flows in Chromium', () => {
  let env: BrowserEnv;
  let officer: { email: string; password: string };
  let admin: { email: string; password: string };
  beforeAll(async () => {
    env = await startBrowserEnv();
    officer = await env.createUser('officer@mext.example.jp', [{ role: 'programme_officer' }]);
    admin = await env.createUser('admin@mext.example.jp', [{ role: 'administrator' }]);
  });
  afterAll(async () => env?.close());

  it('rejects a wrong password with a clear message', async () => {
    const { context, page } = await env.newPage('en');
    await page.goto('/sign-in');
    await page.getByLabel('Email', { exact: true }).fill(officer.email);
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').first().innerText()).toMatch(/wrong|incorrect/i);
    expect(page.url()).toContain('/sign-in');
    await context.close();
  });

  it('lets an officer edit a cluster and see the change', async () => {
    const { context, page } = await env.newPage('en');
    await signIn(page, officer.email, officer.password, 'en');
    await page.goto('/clusters/kyoto/edit');
    const nameEn = page.getByLabel('Name (English)').first();
    await nameEn.waitFor();
    await nameEn.fill('Kyoto Nanotech Cluster');
    await page.getByRole('button', { name: 'Save changes', exact: true }).click();
    await page.waitForURL('**/clusters/kyoto');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toContain('Kyoto Nanotech Cluster');
    // The public sees it too, and the audit log holds the change.
    const res = await page.request.get(`${env.baseUrl}/api/v1/clusters/kyoto`);
    expect(((await res.json()) as { name: { en: string } }).name.en).toBe('Kyoto Nanotech Cluster');
    await context.close();
  });

  it('signs in and works in Japanese', async () => {
    const { context, page } = await env.newPage('ja');
    await signIn(page, officer.email, officer.password, 'ja');
    await page.goto('/clusters/sapporo/edit');
    await page.getByLabel('名称（日本語）').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await context.close();
  });

  it('lets an administrator create a user with a headquarters role and read the audit log', async () => {
    const { context, page } = await env.newPage('en');
    await signIn(page, admin.email, admin.password, 'en');
    await page.goto('/admin/users');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => page.locator('main').innerText()).toContain(officer.email);
    await page.goto('/admin/audit');
    await expect.poll(() => page.locator('main').innerText()).toContain('cluster.update');
    await context.close();
  });

  it.each([
    ['officer', '/clusters/kyoto/edit'],
    ['officer', '/organizations'],
    ['officer', '/people'],
    ['officer', '/clusters/new'],
    ['admin', '/admin/users'],
    ['admin', '/admin/audit'],
    ['admin', '/account/password'],
  ] as const)('has no serious or critical accessibility violation for the %s on %s', async (who, path) => {
    const user = who === 'admin' ? admin : officer;
    for (const locale of ['ja', 'en'] as const) {
      const { context, page } = await env.newPage(locale);
      await signIn(page, user.email, user.password, locale);
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await seriousViolations(page), `${path} in ${locale}`).toEqual([]);
      await context.close();
    }
  });
});
