import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, HAS_BROWSER, seriousViolations, startBrowserEnv } from './browser-harness';

/** The seed deck's Total row (sales in yen: the deck's 544,305 thousand yen). */
const SEED_TOTAL: Record<string, number> = {
  papers_domestic: 728,
  papers_abroad: 1708,
  awards: 143,
  patents_domestic_applied: 944,
  patents_domestic_acquired: 1,
  patents_abroad_applied: 116,
  patents_abroad_acquired: 0,
  transfers_to_other_funds: 86,
  products: 219,
  sales: 544_305_000,
  news_newspaper: 1564,
  news_tv: 197,
  news_journal: 474,
};

describe.skipIf(!HAS_BROWSER)('public pages in Chromium', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv();
  });
  afterAll(async () => env?.close());

  it('shows the outcome table with the seed deck’s Total row', async () => {
    const { context, page } = await env.newPage('ja');
    await page.goto('/outcomes');
    const total = page.getByTestId('outcome-total-row');
    await total.waitFor();
    const cells = await total
      .locator('[data-indicator]')
      .evaluateAll((nodes) =>
        nodes.map((n) => [n.getAttribute('data-indicator'), Number(n.getAttribute('data-value'))] as const),
      );
    expect(Object.fromEntries(cells)).toEqual(SEED_TOTAL);
    // 18 clusters, each linking to its page; the Total row sits in the table's foot.
    await expect.poll(() => page.getByTestId('outcome-table').locator('tbody tr').count()).toBe(18);
    expect(await page.getByTestId('outcome-table').locator('tbody a').count()).toBe(18);
    expect(
      await page.getByTestId('outcome-table').locator('tfoot [data-testid="outcome-total-row"]').count(),
    ).toBe(1);
    await context.close();
  });

  it('shows Japanese labels by default and English after the switch, and keeps the choice', async () => {
    const { context, page } = await env.newPage('ja');
    await page.goto('/outcomes');
    await page.getByTestId('outcome-table').waitFor();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await page.getByTestId('outcome-table').innerText()).toContain('論文');

    await page.getByText('English', { exact: true }).locator('visible=true').first().click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByTestId('outcome-table').innerText()).toContain('Papers');

    await page.reload();
    await page.getByTestId('outcome-table').waitFor();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('outcome-table').innerText()).toContain('Sapporo');
    await context.close();
  });

  it('sorts a column from the keyboard and keeps the Total row last', async () => {
    const { context, page } = await env.newPage('en');
    await page.goto('/outcomes');
    const table = page.getByTestId('outcome-table');
    await table.waitFor();
    const header = table.locator('th[aria-sort]').filter({ hasText: 'Awards' }).first();
    await header.locator('button').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toMatch(/ascending|descending/);
    const direction = await header.getAttribute('aria-sort');
    const awards = await table
      .locator('tbody td[data-indicator="awards"]')
      .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-value'))));
    const sorted = [...awards].sort((a, b) => (direction === 'ascending' ? a - b : b - a));
    expect(awards).toEqual(sorted);
    // The Total row stays in the foot whatever the order.
    expect(await table.locator('tfoot td[data-indicator="awards"]').getAttribute('data-value')).toBe('143');
    await context.close();
  });

  it('links a row of the table to the cluster page, which shows its source', async () => {
    const { context, page } = await env.newPage('en');
    await page.goto('/outcomes');
    await page.getByTestId('outcome-table').getByRole('link', { name: 'Kyoto', exact: true }).click();
    await page.waitForURL('**/clusters/kyoto');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain('Kyoto');
    expect(await page.locator('main').innerText()).toContain('press 2002-04-30');
    await context.close();
  });

  it('answers 404 for a missing asset instead of the app’s HTML', async () => {
    const res = await fetch(`${env.baseUrl}/assets/no-such-chunk.js`);
    expect(res.status).toBe(404);
    const page = await fetch(`${env.baseUrl}/clusters/kyoto`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  });

  it.each(['/', '/outcomes', '/clusters', '/clusters/kyoto', '/sign-in'])(
    'has no serious or critical accessibility violation on %s (ja and en)',
    async (path) => {
      for (const locale of ['ja', 'en'] as const) {
        const { context, page } = await env.newPage(locale);
        await page.goto(path);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await seriousViolations(page), `${path} in ${locale}`).toEqual([]);
        await context.close();
      }
    },
  );
});
