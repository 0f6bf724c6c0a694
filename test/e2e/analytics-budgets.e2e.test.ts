/**
 * The public analytics, budgets and open-data pages in a real browser: they load in Japanese and English
 * without serious accessibility violations, their filters live in the URL and survive a reload, and the
 * tile map of Japan is drawn with the clusters on their prefectures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, HAS_BROWSER, seriousViolations, startBrowserEnv } from './browser-harness';

describe.skipIf(!HAS_BROWSER)('analytics, budgets and open data in Chromium', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv();
  });
  afterAll(async () => env?.close());

  it.each(['/analytics', '/budgets', '/open-data'])(
    'has no serious or critical accessibility violation on %s (ja and en)',
    async (path) => {
      for (const locale of ['ja', 'en'] as const) {
        const { context, page } = await env.newPage(locale);
        await page.goto(path);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(locale);
        expect(await seriousViolations(page), `${path} in ${locale}`).toEqual([]);
        await context.close();
      }
    },
  );

  it.each([
    ['en', 'Indicator', 'Awards'],
    ['ja', '指標', '受賞'],
  ] as const)(
    'keeps the analytics indicator in the URL across a reload (%s)',
    async (locale, label, awards) => {
      const { context, page } = await env.newPage(locale);
      await page.goto('/analytics');
      const indicator = page.getByRole('combobox', { name: label, exact: true });
      await indicator.click();
      await page.getByRole('option', { name: awards, exact: true }).click();
      await page.waitForURL(/[?&]indicator=awards(&|$)/);
      await expect.poll(() => indicator.inputValue()).toBe(awards);

      await page.reload();
      await expect.poll(() => indicator.inputValue()).toBe(awards);
      expect(new URL(page.url()).searchParams.get('indicator')).toBe('awards');
      // The view follows the URL, not only the input: the table's caption names the indicator.
      await expect.poll(() => page.locator('main table caption').first().innerText()).toContain(awards);
      await context.close();
    },
  );

  it.each([
    ['en', /by prefecture/, 'Kyoto'],
    ['ja', /の都道府県別/, '京都'],
  ] as const)(
    'draws the tile map of Japan with the clusters on their prefectures (%s)',
    async (locale, name, kyoto) => {
      const { context, page } = await env.newPage(locale);
      await page.goto('/analytics?indicator=papers_abroad&from=2002&to=2004');
      const map = page.getByRole('img', { name });
      await map.scrollIntoViewIfNeeded();
      // ECharts draws with SVG: one tile (path) per prefecture and its label (text).
      await expect.poll(() => map.locator('svg path').count()).toBeGreaterThanOrEqual(47);
      const labels = await map.locator('svg text').allTextContents();
      expect(labels.join(' ')).toContain(kyoto);
      expect(labels.join(' ')).toContain(locale === 'ja' ? '北海道' : 'Hokkaido');
      // Seed figures reach the map: some tiles are coloured (not the empty-tile grey).
      const fills = await map
        .locator('svg path')
        .evaluateAll((nodes) => nodes.map((n) => (n.getAttribute('fill') ?? '').toLowerCase()));
      expect(fills.filter((fill) => fill.startsWith('#') || fill.startsWith('rgb')).length).toBeGreaterThan(
        0,
      );
      expect(new Set(fills).size).toBeGreaterThan(2);
      await context.close();
    },
  );

  it('keeps the budgets unit and year filters in the URL across a reload', async () => {
    const { context, page } = await env.newPage('en');
    await page.goto('/budgets');
    await page.locator('main h1').first().waitFor();
    const units = page.getByRole('radiogroup', { name: 'Show amounts in' });
    await units.getByText('thousand yen', { exact: true }).click();
    await page.waitForURL(/[?&]unit=thousand(&|$)/);
    const from = page.getByRole('combobox', { name: 'From fiscal year' });
    await from.click();
    await from.fill('2003');
    await page.getByRole('option', { name: /^FY2003/ }).click();
    await page.waitForURL(/[?&]from=2003(&|$)/);

    await page.reload();
    await page.locator('main h1').first().waitFor();
    await expect.poll(() => page.getByRole('radio', { name: 'thousand yen' }).isChecked()).toBe(true);
    await expect.poll(() => from.inputValue()).toMatch(/^FY2003/);
    await context.close();
  });
});
