import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, HAS_BROWSER, seriousViolations, startBrowserEnv } from './browser-harness';
import { systemContext } from '../../src/server/context';
import { createOrganization } from '../../src/server/modules/organizations/organization.service';
import { createPerson } from '../../src/server/modules/people/person.service';

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

  it('lets an administrator link an evaluator account to its person, showing the organization', async () => {
    const ctx = systemContext(env.database.db, 'e2e');
    const university = await createOrganization(ctx, {
      kind: 'university',
      name: { ja: '北陸先端知識大学', en: 'Hokuriku Advanced Knowledge University' },
      prefectureCode: '17',
      url: null,
      source: 'e2e',
    });
    const person = await createPerson(ctx, {
      name: { ja: '鷹取 一葉', en: 'Ichiyo Takatori' },
      organizationId: university.id,
      title: { ja: '', en: '' },
      email: null,
      source: 'e2e',
    });
    const evaluator = await env.createUser('takatori@univ.example.jp', [{ role: 'evaluator' }]);

    const { context, page } = await env.newPage('en');
    await signIn(page, admin.email, admin.password, 'en');
    await page.goto('/admin/users');
    const row = page.getByRole('row').filter({ hasText: evaluator.email });
    await expect.poll(() => row.innerText()).toContain('Not linked');
    await row.getByRole('button', { name: `Manage takatori (${evaluator.email})` }).click();

    const drawer = page.getByRole('dialog', { name: 'Manage account: takatori' });
    await expect
      .poll(() => drawer.innerText())
      .toContain('Conflicts of interest in selection and evaluation are detected');
    const field = drawer.getByRole('combobox', { name: 'Person', exact: true });
    await field.click();
    await field.fill('Takatori');
    await page.getByRole('option', { name: /Ichiyo Takatori/ }).click();
    await drawer.getByRole('button', { name: 'Save link', exact: true }).click();
    await expect.poll(() => drawer.getByRole('status').innerText()).toContain('now linked to the person');
    const linked = drawer.getByTestId('account-person');
    await expect.poll(() => linked.innerText()).toContain('Hokuriku Advanced Knowledge University');
    expect(await linked.innerText()).toContain('Ichiyo Takatori (鷹取 一葉)');
    await expect.poll(() => row.innerText()).toContain('Hokuriku Advanced Knowledge University');
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), 'the drawer with a linked person').toEqual([]);

    // The same person cannot be linked to a second account: the refusal shows next to the field.
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page
      .getByRole('row')
      .filter({ hasText: officer.email })
      .getByRole('button', { name: /^Manage officer/ })
      .click();
    const other = page.getByRole('dialog', { name: 'Manage account: officer' });
    const otherField = other.getByRole('combobox', { name: 'Person', exact: true });
    await otherField.click();
    await otherField.fill('Takatori');
    await page.getByRole('option', { name: /Ichiyo Takatori/ }).click();
    await other.getByRole('button', { name: 'Save link', exact: true }).click();
    await expect.poll(() => otherField.getAttribute('aria-invalid')).toBe('true');
    const errorId = ((await otherField.getAttribute('aria-describedby')) ?? '')
      .split(' ')
      .find((id) => id.endsWith('-error'));
    expect(await page.locator(`[id="${errorId}"]`).innerText()).toBe(
      'This person is already linked to another account.',
    );

    const res = await page.request.get(`${env.baseUrl}/api/v1/accounts?q=takatori`);
    const accounts = ((await res.json()) as { items: { email: string; person: { id: number } | null }[] })
      .items;
    expect(accounts.find((a) => a.email === evaluator.email)?.person?.id).toBe(person.id);
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
