/**
 * Importing outcome items in a real browser: a programme officer uploads a CSV large enough for the
 * progress bar to matter (UTF-8 with key headers in English; Shift_JIS with Japanese headers, cluster
 * names and era years in Japanese), reads the preview, commits and finds the items in the report; a file
 * with bad rows shows each problem's row and column and offers no commit.
 */
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, HAS_BROWSER, seriousViolations, startBrowserEnv } from './browser-harness';

type Locale = 'ja' | 'en';
type User = { email: string; password: string };

const T = {
  en: {
    email: 'Email',
    password: 'Password',
    signIn: 'Sign in',
    kindGroup: 'What to import',
    items: 'Outcome items',
    upload: 'Upload and check',
    checking: 'Checking',
    writing: 'Writing',
    commit: 'Write to the database',
    committed: 'Imported',
  },
  ja: {
    email: 'メールアドレス',
    password: 'パスワード',
    signIn: 'サインイン',
    kindGroup: '取り込むもの',
    items: '成果の明細',
    upload: 'アップロードして確認',
    checking: '確認',
    writing: '書き込み',
    commit: '書き込む',
    committed: '取り込みました',
  },
} as const;

async function signIn(page: Page, user: User, locale: Locale): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(T[locale].email, { exact: true }).fill(user.email);
  await page.getByLabel(T[locale].password, { exact: true }).fill(user.password);
  await page.getByRole('button', { name: T[locale].signIn, exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** On /imports: picks "outcome items", attaches the file and uploads it; resolves on the job's page. */
async function uploadItems(page: Page, locale: Locale, name: string, buffer: Buffer): Promise<number> {
  await page.goto('/imports');
  await page
    .getByRole('radiogroup', { name: T[locale].kindGroup })
    .getByText(T[locale].items, { exact: true })
    .click();
  await expect.poll(() => page.getByRole('radio', { name: T[locale].items }).isChecked()).toBe(true);
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await expect.poll(() => page.locator('main').innerText()).toContain(name);
  await page.getByRole('button', { name: T[locale].upload, exact: true }).click();
  await page.waitForURL(/\/imports\/\d+$/);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

/**
 * Watches a phase's progress bar until it reaches 100 and returns every value it showed: the bar is
 * there from the start, and aria-valuenow never goes backwards.
 */
async function watchProgress(page: Page, label: string): Promise<number[]> {
  const bar = page.getByRole('progressbar', { name: label, exact: true });
  const seen: number[] = [];
  await expect
    .poll(
      async () => {
        const now = Number(await bar.getAttribute('aria-valuenow', { timeout: 5_000 }));
        if (seen[seen.length - 1] !== now) seen.push(now);
        return now;
      },
      { timeout: 45_000, interval: 50 },
    )
    .toBe(100);
  expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  return seen;
}

/** A numbers cell of the summary table: the row of one table, the column by its position. */
async function summaryRow(page: Page, tableLabel: string): Promise<string[]> {
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: tableLabel, exact: true }) });
  await expect.poll(() => row.count()).toBe(1);
  return (await row.getByRole('cell').allInnerTexts()).map((s) => s.trim());
}

function paperRows(count: number, row: (i: number) => string[]): string[][] {
  return Array.from({ length: count }, (_, i) => row(i + 1));
}

const csv = (rows: string[][]) => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';

interface ReportBody {
  id: number;
  status: string;
  items: { kind: string; doi: string | null; title: string }[];
  values: { indicator: string; value: number | null }[];
}

async function reportOf(page: Page, baseUrl: string, cluster: string, fy: number): Promise<ReportBody> {
  const list = await page.request.get(`${baseUrl}/api/v1/reports?cluster=${cluster}&fy=${fy}`);
  expect(list.status()).toBe(200);
  const { items } = (await list.json()) as { items: { id: number }[] };
  expect(items).toHaveLength(1);
  const res = await page.request.get(`${baseUrl}/api/v1/reports/${items[0]!.id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as ReportBody;
}

const valueOf = (report: ReportBody, indicator: string) =>
  report.values.find((v) => v.indicator === indicator)?.value;

describe.skipIf(!HAS_BROWSER)('importing outcome items in Chromium', () => {
  let env: BrowserEnv;
  let officer: User;
  beforeAll(async () => {
    env = await startBrowserEnv();
    officer = await env.createUser('imports-officer@mext.example.jp', [{ role: 'programme_officer' }]);
  });
  afterAll(async () => env?.close());

  it('imports 6,000 papers from a UTF-8 file with a progress bar, a preview and a commit (English)', async () => {
    const ROWS = 6000;
    const file = csv([
      ['cluster', 'fiscal_year', 'kind', 'title', 'authors', 'venue', 'pub_year', 'doi', 'scope'],
      ...paperRows(ROWS, (i) => [
        'nagoya',
        '2006',
        'paper',
        `Nanostructured catalyst study ${i}`,
        'Suzuki H; Ito Y',
        'Journal of Applied Physics',
        '2006',
        `10.5555/nagoya.2006.${i}`,
        i % 2 === 0 ? 'abroad' : 'domestic',
      ]),
    ]);
    const { context, page } = await env.newPage('en');
    await signIn(page, officer, 'en');
    await page.goto('/imports');
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), '/imports in en').toEqual([]);

    const jobId = await uploadItems(page, 'en', 'nagoya-papers-fy2006.csv', Buffer.from(file, 'utf8'));
    await watchProgress(page, T.en.checking);

    // The preview: every row read, 6,000 items to insert into one new draft report, no problems.
    await expect.poll(() => page.locator('main').innerText()).toContain('6,000 data rows.');
    expect(await page.locator('main').innerText()).toContain('1 draft report(s) will be created.');
    expect(await summaryRow(page, 'Outcome items')).toEqual(['Outcome items', '6,000', '0', '0']);
    expect(await page.locator('main').innerText()).toContain('No problems.');
    // Nothing is written before the commit.
    const before = await page.request.get(`${env.baseUrl}/api/v1/reports?cluster=nagoya&fy=2006`);
    expect(((await before.json()) as { total: number }).total).toBe(0);
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), 'import preview in en').toEqual([]);

    await page.getByRole('button', { name: T.en.commit, exact: true }).click();
    await watchProgress(page, T.en.writing);
    await expect.poll(() => page.getByRole('heading', { name: 'What was written' }).count()).toBe(1);
    expect(await page.locator('main').innerText()).toContain('Every row was written in one go.');
    expect(await page.getByRole('button', { name: T.en.commit }).count()).toBe(0);

    // The items are in Nagoya's FY2006 report, and the paper counts come from them.
    const report = await reportOf(page, env.baseUrl, 'nagoya', 2006);
    expect(report.status).toBe('draft');
    expect(report.items).toHaveLength(ROWS);
    expect(report.items.filter((i) => i.kind === 'paper')).toHaveLength(ROWS);
    expect(report.items.some((i) => i.doi === '10.5555/nagoya.2006.4321')).toBe(true);
    expect(valueOf(report, 'papers_domestic')).toBe(ROWS / 2);
    expect(valueOf(report, 'papers_abroad')).toBe(ROWS / 2);

    // The job is listed as imported.
    await page.goto('/imports');
    const listed = page.getByRole('row').filter({
      has: page.getByRole('link', { name: 'nagoya-papers-fy2006.csv', exact: true }),
    });
    // textContent: the badge is upper-cased by CSS only.
    await expect.poll(() => listed.textContent()).toContain('Imported');
    expect(await listed.getByRole('link').getAttribute('href')).toBe(`/imports/${jobId}`);
    await context.close();
  });

  it('moves the progress bar through a large file while the server keeps answering, and cancels it', async () => {
    const ROWS = 150_000;
    const file = csv([
      ['cluster', 'fiscal_year', 'kind', 'title', 'authors', 'venue', 'pub_year', 'doi', 'scope'],
      ...paperRows(ROWS, (i) => [
        'sendai',
        '2006',
        'paper',
        `Large-scale sensor network study ${i}`,
        'Sato T; Kato R',
        'IEEE Sensors Journal',
        '2006',
        `10.5555/sendai.2006.${i}`,
        'domestic',
      ]),
    ]);
    const { context, page } = await env.newPage('en');
    await signIn(page, officer, 'en');
    await uploadItems(page, 'en', 'sendai-large.csv', Buffer.from(file, 'utf8'));
    // The bar shows a part of the file done, not only 0 and 100.
    const bar = page.getByRole('progressbar', { name: T.en.checking, exact: true });
    const seen: number[] = [];
    await expect
      .poll(
        async () => {
          const now = Number(await bar.getAttribute('aria-valuenow'));
          seen.push(now);
          return now > 0 && now < 100;
        },
        { timeout: 30_000, interval: 50 },
      )
      .toBe(true);
    // …and keeps moving.
    const first = seen[seen.length - 1]!;
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000, interval: 50 })
      .toBeGreaterThan(first);
    // Meanwhile other requests are answered (the work runs off the server's event loop).
    const started = Date.now();
    const health = await fetch(`${env.baseUrl}/api/v1/outcome-table?from=2002&to=2004`);
    expect(health.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3_000);

    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Cancelled');
    const res = await page.request.get(`${env.baseUrl}/api/v1/reports?cluster=sendai&fy=2006`);
    expect(((await res.json()) as { total: number }).total).toBe(0);
    await context.close();
  });

  it('imports a Shift_JIS file with Japanese headers, and the same file again changes nothing (Japanese)', async () => {
    const ROWS = 3000;
    const text = csv([
      ['クラスター', '年度', '種別', '題名', '著者', '掲載誌', '発行年', 'DOI', '国内・海外'],
      ...paperRows(ROWS, (i) => [
        '神戸',
        '平成18年度',
        '論文',
        `再生医療に関する研究 第${i}報`,
        '山田太郎; 佐藤花子',
        '日本再生医療学会雑誌',
        '2006',
        `10.5555/kobe.2006.${i}`,
        i % 3 === 0 ? '海外' : '国内',
      ]),
    ]);
    const sjis = iconv.encode(text, 'Shift_JIS');
    // A Shift_JIS file is not valid UTF-8: the server has to detect the encoding itself.
    expect(sjis.equals(Buffer.from(text, 'utf8'))).toBe(false);

    const { context, page } = await env.newPage('ja');
    await signIn(page, officer, 'ja');
    await uploadItems(page, 'ja', 'kobe-ronbun-h18.csv', sjis);
    await watchProgress(page, T.ja.checking);
    await expect.poll(() => page.locator('main').innerText()).toContain('データ行 3,000 行。');
    expect(await page.locator('main').innerText()).toContain('Shift_JIS');
    expect(await summaryRow(page, '成果の明細')).toEqual(['成果の明細', '3,000', '0', '0']);
    expect(await page.locator('main').innerText()).toContain('問題はありません。');
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), 'import preview in ja').toEqual([]);

    await page.getByRole('button', { name: T.ja.commit, exact: true }).click();
    await watchProgress(page, T.ja.writing);
    await expect.poll(() => page.locator('main').innerText()).toContain(T.ja.committed);

    const report = await reportOf(page, env.baseUrl, 'kobe', 2006);
    expect(report.items).toHaveLength(ROWS);
    // Decoded from Shift_JIS intact.
    expect(report.items.some((i) => i.title === '再生医療に関する研究 第1234報')).toBe(true);
    expect(valueOf(report, 'papers_abroad')).toBe(ROWS / 3);
    expect(valueOf(report, 'papers_domestic')).toBe(ROWS - ROWS / 3);

    // The same file again: the preview finds every item already there, so a commit would change nothing.
    await uploadItems(page, 'ja', 'kobe-ronbun-h18.csv', sjis);
    await watchProgress(page, T.ja.checking);
    await expect.poll(() => page.locator('main').innerText()).toContain('データ行 3,000 行。');
    expect(await summaryRow(page, '成果の明細')).toEqual(['成果の明細', '0', '0', '3,000']);
    await context.close();
  });

  it('names the row and column of each bad row and offers no commit (English)', async () => {
    const file = csv([
      ['cluster', 'fiscal_year', 'kind', 'title', 'authors', 'venue', 'pub_year', 'doi', 'scope'],
      [
        'hamamatsu',
        '2006',
        'paper',
        'A good paper',
        'Ono K',
        'Optics Letters',
        '2006',
        '10.5555/ok.1',
        'abroad',
      ],
      [
        'atlantis',
        '2006',
        'paper',
        'Unknown cluster',
        'Ono K',
        'Optics Letters',
        '2006',
        '10.5555/ok.2',
        'abroad',
      ],
      [
        'hamamatsu',
        '2006',
        'paper',
        'Year is text',
        'Ono K',
        'Optics Letters',
        'soon',
        '10.5555/ok.3',
        'abroad',
      ],
    ]);
    const { context, page } = await env.newPage('en');
    await signIn(page, officer, 'en');
    await uploadItems(page, 'en', 'bad-rows.csv', Buffer.from(file, 'utf8'));
    await watchProgress(page, T.en.checking);
    await expect.poll(() => page.locator('main').innerText()).toContain('The file has problems');

    // File row 3 (the second data row) names an unknown cluster in column A; row 4 has no year in column G.
    const problems = page.getByRole('table').filter({ hasText: 'Message' });
    const rowOf = (n: string) =>
      problems.getByRole('row').filter({ has: page.getByRole('cell', { name: n, exact: true }) });
    await expect.poll(() => rowOf('3').count()).toBeGreaterThan(0);
    expect(await rowOf('3').first().innerText()).toMatch(/\bA \(cluster\)/);
    expect(await rowOf('3').first().innerText()).toContain('atlantis');
    expect(await rowOf('4').first().innerText()).toMatch(/\bG \(pub_year\)/);
    expect(await page.getByRole('button', { name: T.en.commit }).count()).toBe(0);
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page), 'import with problems in en').toEqual([]);

    // Nothing was written: not even the good row.
    const res = await page.request.get(`${env.baseUrl}/api/v1/reports?cluster=hamamatsu&fy=2006`);
    expect(((await res.json()) as { total: number }).total).toBe(0);
    await context.close();
  });
});
