/**
 * Yearly outcome reporting across roles in a real browser: headquarters prepare a report (values with
 * notes, items, the checks panel), a programme officer returns and then accepts it, and an anonymous
 * visitor sees the accepted figures — and never the draft — in the outcome table, the open data API and
 * the analytics. A correction opens version 2 while version 1 stays readable and public.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, HAS_BROWSER, seriousViolations, startBrowserEnv } from './browser-harness';

type Locale = 'ja' | 'en';
type User = { email: string; password: string };

const WORDS = {
  en: { email: 'Email', password: 'Password', signIn: 'Sign in' },
  ja: { email: 'メールアドレス', password: 'パスワード', signIn: 'サインイン' },
} as const;

async function signIn(page: Page, user: User, locale: Locale): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel(WORDS[locale].email, { exact: true }).fill(user.email);
  await page.getByLabel(WORDS[locale].password, { exact: true }).fill(user.password);
  await page.getByRole('button', { name: WORDS[locale].signIn, exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Opens a Mantine Select, optionally types to filter it, and picks the option. */
async function choose(page: Page, input: Locator, option: RegExp | string, search?: string): Promise<void> {
  await input.click();
  if (search !== undefined) await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

const reportIdOf = (page: Page) => Number(new URL(page.url()).pathname.split('/').pop());

/** The value a row of the public outcome table shows for an indicator (data-value holds the raw figure). */
async function outcomeCell(page: Page, cluster: string, indicator: string): Promise<number | null> {
  const row = page
    .getByTestId('outcome-table')
    .locator('tbody tr')
    .filter({ has: page.getByRole('link', { name: cluster, exact: true }) });
  if ((await row.count()) !== 1) return null;
  const value = await row.locator(`td[data-indicator="${indicator}"]`).getAttribute('data-value');
  return value === null ? null : Number(value);
}

interface OpenOutcome {
  cluster: string;
  fyFrom: number;
  fyTo: number;
  indicator: string;
  value: number;
  reportId: number;
  reportVersion: number;
}

async function openOutcomes(env: BrowserEnv, cluster: string, fy: number): Promise<OpenOutcome[]> {
  const res = await fetch(`${env.baseUrl}/api/v1/open/outcomes?cluster=${cluster}&fy=${fy}&pageSize=500`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: OpenOutcome[] }).items;
}

const valueOf = (rows: OpenOutcome[], indicator: string) =>
  rows.find((r) => r.indicator === indicator)?.value;

describe.skipIf(!HAS_BROWSER)('outcome reporting in Chromium', () => {
  let env: BrowserEnv;
  let kyotoHq: User;
  let sapporoHq: User;
  let officer: User;
  beforeAll(async () => {
    env = await startBrowserEnv();
    kyotoHq = await env.createUser('hq@kyoto-cluster.example.jp', [
      { role: 'cluster_headquarters', scopeType: 'cluster', clusterKey: 'kyoto' },
    ]);
    sapporoHq = await env.createUser('hq@sapporo-cluster.example.jp', [
      { role: 'cluster_headquarters', scopeType: 'cluster', clusterKey: 'sapporo' },
    ]);
    officer = await env.createUser('reports-officer@mext.example.jp', [{ role: 'programme_officer' }]);
  });
  afterAll(async () => env?.close());

  it('takes a report from draft through return and resubmission to acceptance, and only then shows it in public (English)', async () => {
    // Headquarters start Kyoto's FY2005 report.
    const { context: hqContext, page: hq } = await env.newPage('en');
    await signIn(hq, kyotoHq, 'en');
    await hq.goto('/reports');
    await hq.getByRole('button', { name: 'Start report', exact: true }).click();
    const start = hq.getByRole('dialog', { name: 'Start a yearly outcome report' });
    await choose(hq, start.getByRole('combobox', { name: /^Fiscal year/ }), /FY2005/, '2005');
    await start.getByRole('button', { name: 'Start and open' }).click();
    await hq.waitForURL(/\/reports\/\d+$/);
    const reportId = reportIdOf(hq);
    await expect.poll(() => hq.getByRole('heading', { level: 1 }).innerText()).toContain('Kyoto');

    // Values without items, each with a note saying where it comes from.
    const values = hq.getByRole('form', { name: 'Indicator values' });
    await values.getByRole('textbox', { name: 'Awards', exact: true }).fill('3');
    await values
      .getByRole('textbox', { name: 'Note for Awards' })
      .fill('Annual project report FY2005, p. 12');
    await values.getByRole('textbox', { name: 'Press (TV)', exact: true }).fill('2');
    await values.getByRole('textbox', { name: 'Note for Press (TV)' }).fill('NHK Kyoto regional news');
    await values.getByRole('textbox', { name: /^Number of researchers/ }).fill('40');
    await values.getByRole('button', { name: 'Save values' }).click();
    await expect.poll(() => values.getByRole('status').innerText()).toBe('Saved');

    // A paper with a DOI (papers tab is open by default).
    await hq.getByRole('button', { name: 'Add to Papers', exact: true }).click();
    const paper = hq.getByRole('dialog', { name: 'Add to Papers' });
    await paper.getByRole('textbox', { name: /^Paper title/ }).fill('Self-assembled nanowires on silicon');
    await paper.getByRole('textbox', { name: /^Authors/ }).fill('Tanaka K; Yamada M');
    await paper.getByRole('textbox', { name: /^Journal or conference/ }).fill('Nano Letters');
    await paper.getByRole('textbox', { name: /^Year published/ }).fill('2005');
    await choose(hq, paper.getByRole('combobox', { name: /^Domestic or abroad/ }), 'Abroad');
    await paper.getByRole('textbox', { name: /^DOI/ }).fill('10.1021/nl050001x');
    await paper.getByRole('button', { name: 'Add to Papers', exact: true }).click();
    await expect.poll(() => paper.count()).toBe(0);
    await expect.poll(() => hq.locator('main').innerText()).toContain('10.1021/nl050001x');

    // A patent "granted" before it was filed: the checks panel shows an error and submission is blocked.
    await hq.getByRole('tab', { name: /^Patents/ }).click();
    await hq.getByRole('button', { name: 'Add to Patents', exact: true }).click();
    const patent = hq.getByRole('dialog', { name: 'Add to Patents' });
    await patent.getByRole('textbox', { name: /^Title of the invention/ }).fill('Nano-imprint mould');
    await patent.getByRole('textbox', { name: /^Application number/ }).fill('特願2005-012345');
    await patent.getByLabel(/^Filing date/).fill('2005-06-01');
    await choose(hq, patent.getByRole('combobox', { name: /^Status/ }), 'Granted');
    await patent.getByLabel(/^Granted on/).fill('2005-04-10');
    await choose(hq, patent.getByRole('combobox', { name: 'Holder' }), 'University');
    await patent.getByRole('textbox', { name: /^Holder's name/ }).fill('Kyoto University');
    await patent.getByRole('button', { name: 'Add to Patents', exact: true }).click();
    await expect.poll(() => patent.count()).toBe(0);

    const checks = hq.getByRole('region', { name: 'Checks' });
    await expect
      .poll(() => checks.innerText())
      .toContain('cannot be granted (2005-04-10) before it was filed');
    const submit = hq.getByRole('button', { name: 'Submit', exact: true });
    expect(await submit.isDisabled()).toBe(true);
    expect(await hq.locator('#submit-blocked-reason').innerText()).toContain('Cannot submit with 1 error');
    await hq.waitForLoadState('networkidle');
    expect(await seriousViolations(hq), 'report editor with an error (en)').toEqual([]);

    // The error takes headquarters to the field; fixing the date clears it.
    await checks.getByRole('button', { name: /cannot be granted/ }).click();
    const editPatent = hq.getByRole('dialog', { name: 'Edit item (Patents)' });
    await editPatent.getByLabel(/^Granted on/).fill('2006-02-15');
    await editPatent.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => editPatent.count()).toBe(0);
    await expect.poll(() => checks.innerText()).not.toContain('cannot be granted');
    await expect.poll(() => submit.isEnabled()).toBe(true);

    await submit.click();
    const submitDialog = hq.getByRole('dialog', { name: 'Submit the report' });
    await submitDialog.getByRole('button', { name: 'Submit', exact: true }).click();
    await expect.poll(() => hq.locator('main').innerText()).toContain('waiting for review');

    // Before acceptance the public sees nothing of it: not the table, not the open data, not the report.
    const { context: publicContext, page: visitor } = await env.newPage('en');
    await visitor.goto('/outcomes?from=2004&to=2006');
    await expect.poll(() => outcomeCell(visitor, 'Kyoto', 'awards')).toBe(0);
    expect(await outcomeCell(visitor, 'Kyoto', 'papers_abroad')).toBe(0);
    expect(await openOutcomes(env, 'kyoto', 2005)).toEqual([]);
    expect((await fetch(`${env.baseUrl}/api/v1/reports/${reportId}`)).status).toBe(404);

    // The officer returns it with a comment.
    const { context: officerContext, page: office } = await env.newPage('en');
    await signIn(office, officer, 'en');
    await office.goto('/reports');
    await office.getByRole('table').getByRole('link', { name: 'Kyoto', exact: true }).click();
    await office.waitForURL(`**/reports/${reportId}`);
    await office.getByRole('button', { name: 'Return', exact: true }).click();
    const returnDialog = office.getByRole('dialog', { name: 'Return to headquarters' });
    const comment = 'Please say which broadcasts the TV count covers.';
    await returnDialog.getByRole('textbox', { name: /^Comment for headquarters/ }).fill(comment);
    await returnDialog.getByRole('button', { name: 'Return', exact: true }).click();
    await expect.poll(() => returnDialog.count()).toBe(0);
    await expect.poll(() => office.locator('main').innerText()).toContain(comment);

    // Headquarters see the comment on their home page and on the report, fix and resubmit.
    await hq.goto('/');
    const myReporting = hq.getByRole('region', { name: 'My reporting' });
    await expect.poll(() => myReporting.innerText()).toContain(comment);
    await myReporting.getByRole('link', { name: 'Edit report' }).first().click();
    await hq.waitForURL(`**/reports/${reportId}`);
    await expect.poll(() => hq.getByRole('note').innerText()).toContain(comment);
    await values.getByRole('textbox', { name: 'Awards', exact: true }).fill('4');
    await values
      .getByRole('textbox', { name: 'Note for Press (TV)' })
      .fill('NHK Kyoto regional news, 2005-07-02 and 2005-11-20');
    await values.getByRole('button', { name: 'Save values' }).click();
    await expect.poll(() => values.getByRole('status').innerText()).toBe('Saved');
    await hq.getByRole('button', { name: 'Resubmit', exact: true }).click();
    await hq
      .getByRole('dialog', { name: 'Submit the report' })
      .getByRole('button', { name: 'Submit', exact: true })
      .click();
    await expect.poll(() => hq.locator('main').innerText()).toContain('waiting for review');

    // Still nothing public while it waits for review.
    await visitor.reload();
    await expect.poll(() => outcomeCell(visitor, 'Kyoto', 'awards')).toBe(0);
    expect(await openOutcomes(env, 'kyoto', 2005)).toEqual([]);

    // The officer accepts.
    await office.reload();
    await office.getByRole('button', { name: 'Accept', exact: true }).click();
    const acceptDialog = office.getByRole('dialog', { name: 'Accept the report' });
    await acceptDialog.getByRole('button', { name: 'Accept', exact: true }).click();
    await expect.poll(() => acceptDialog.count()).toBe(0);
    await expect.poll(() => office.locator('main').innerText()).toContain('accepted and is locked');
    expect(await office.getByRole('button', { name: 'Correct (new version)' }).count()).toBe(1);

    // Now the public sees the accepted figures: table, open data, the report itself and the analytics.
    await visitor.reload();
    await expect.poll(() => outcomeCell(visitor, 'Kyoto', 'awards')).toBe(4);
    expect(await outcomeCell(visitor, 'Kyoto', 'papers_abroad')).toBe(1);
    expect(await outcomeCell(visitor, 'Kyoto', 'patents_domestic_applied')).toBe(1);
    expect(await outcomeCell(visitor, 'Kyoto', 'patents_domestic_acquired')).toBe(1);
    expect(await outcomeCell(visitor, 'Kyoto', 'news_tv')).toBe(2);

    const open = await openOutcomes(env, 'kyoto', 2005);
    expect(valueOf(open, 'awards')).toBe(4);
    expect(valueOf(open, 'papers_abroad')).toBe(1);
    expect(valueOf(open, 'news_tv')).toBe(2);
    expect(open.every((o) => o.reportId === reportId && o.reportVersion === 1 && o.fyFrom === 2005)).toBe(
      true,
    );
    expect((await fetch(`${env.baseUrl}/api/v1/reports/${reportId}`)).status).toBe(200);

    await visitor.goto('/analytics?indicator=awards&from=2005&to=2005&normalise=raw&groupBy=cluster');
    const kyotoRow = visitor
      .getByRole('row')
      .filter({ has: visitor.getByRole('link', { name: 'Kyoto', exact: true }) });
    await expect.poll(() => kyotoRow.count()).toBe(1);
    expect((await kyotoRow.getByRole('cell').last().innerText()).trim()).toBe('4');

    await Promise.all([hqContext.close(), officerContext.close(), publicContext.close()]);
  });

  it('corrects an accepted report as version 2 while version 1 stays readable and public (Japanese)', async () => {
    // Headquarters (Sapporo) report FY2005 and submit.
    const { context: hqContext, page: hq } = await env.newPage('ja');
    await signIn(hq, sapporoHq, 'ja');
    await hq.goto('/reports');
    await hq.getByRole('button', { name: '報告を作成', exact: true }).click();
    const start = hq.getByRole('dialog', { name: '年度の成果報告を作成' });
    await choose(hq, start.getByRole('combobox', { name: /^年度/ }), /FY2005/, '2005');
    await start.getByRole('button', { name: '作成して開く' }).click();
    await hq.waitForURL(/\/reports\/\d+$/);
    const firstId = reportIdOf(hq);
    const values = hq.getByRole('form', { name: '指標の値' });
    await values.getByRole('textbox', { name: '受賞', exact: true }).fill('２');
    await values.getByRole('textbox', { name: '受賞の備考・根拠' }).fill('事業報告書 p.3');
    await values.getByRole('button', { name: '値を保存' }).click();
    await expect.poll(() => values.getByRole('status').innerText()).toBe('保存しました');
    await hq.waitForLoadState('networkidle');
    expect(await seriousViolations(hq), 'report editor (ja)').toEqual([]);
    await hq.getByRole('button', { name: '提出する', exact: true }).click();
    await hq
      .getByRole('dialog', { name: '報告を提出' })
      .getByRole('button', { name: '提出する', exact: true })
      .click();
    await expect.poll(() => hq.locator('main').innerText()).toContain('事務局の確認を待っています');

    // The officer accepts it, then opens a correction with a reason.
    const { context: officerContext, page: office } = await env.newPage('ja');
    await signIn(office, officer, 'ja');
    await office.goto(`/reports/${firstId}`);
    await office.getByRole('button', { name: '受理する', exact: true }).click();
    await office
      .getByRole('dialog', { name: '報告を受理' })
      .getByRole('button', { name: '受理する', exact: true })
      .click();
    await expect.poll(() => office.locator('main').innerText()).toContain('受理済みのため変更できません');
    expect(valueOf(await openOutcomes(env, 'sapporo', 2005), 'awards')).toBe(2);

    await office.getByRole('button', { name: '訂正版を作成', exact: true }).click();
    const correct = office.getByRole('dialog', { name: '訂正版を作成' });
    const reason = '受賞件数に共同受賞の重複があったため';
    await correct.getByRole('textbox', { name: /^訂正の理由/ }).fill(reason);
    await correct.getByRole('button', { name: '訂正版を作成', exact: true }).click();
    await office.waitForURL((url) => url.pathname !== `/reports/${firstId}`);
    const secondId = reportIdOf(office);
    expect(secondId).not.toBe(firstId);
    await expect.poll(() => office.locator('main').innerText()).toContain('第2版（受理済み報告の訂正）');
    expect(await office.locator('main').innerText()).toContain(reason);

    // Version 2 is a draft copied from version 1; version 1 is still there, locked, and still the public figure.
    const correctedValues = office.getByRole('form', { name: '指標の値' });
    expect(await correctedValues.getByRole('textbox', { name: '受賞', exact: true }).inputValue()).toBe('2');
    await office.getByRole('link', { name: '訂正前の版を見る' }).click();
    await office.waitForURL(`**/reports/${firstId}`);
    // Its version history lists the draft correction; it only counts as superseded once that is accepted.
    // The URL changes before version 1 has loaded (the version 2 page also lists 第2版 作成中): wait
    // for version 1's own locked notice before reading anything else on the page.
    await expect.poll(() => office.locator('main').innerText()).toContain('受理済みのため変更できません');
    const versions = office.getByRole('region', { name: '版の履歴' });
    await expect.poll(() => versions.innerText()).toMatch(/第2版\s*作成中/);
    expect(await office.getByRole('form', { name: '指標の値' }).getByRole('textbox').count()).toBe(0);
    const publicNow = await openOutcomes(env, 'sapporo', 2005);
    expect(valueOf(publicNow, 'awards')).toBe(2);
    expect(publicNow.every((o) => o.reportVersion === 1)).toBe(true);

    // Headquarters fix version 2; once it is accepted the public sees version 2, and version 1 stays readable.
    await hq.goto(`/reports/${secondId}`);
    await values.getByRole('textbox', { name: '受賞', exact: true }).fill('1');
    await values.getByRole('button', { name: '値を保存' }).click();
    await expect.poll(() => values.getByRole('status').innerText()).toBe('保存しました');
    await hq.getByRole('button', { name: '提出する', exact: true }).click();
    await hq
      .getByRole('dialog', { name: '報告を提出' })
      .getByRole('button', { name: '提出する', exact: true })
      .click();
    await expect.poll(() => hq.locator('main').innerText()).toContain('事務局の確認を待っています');
    await office.goto(`/reports/${secondId}`);
    await office.getByRole('button', { name: '受理する', exact: true }).click();
    await office
      .getByRole('dialog', { name: '報告を受理' })
      .getByRole('button', { name: '受理する', exact: true })
      .click();
    await expect.poll(() => office.locator('main').innerText()).toContain('受理済みのため変更できません');

    const corrected = await openOutcomes(env, 'sapporo', 2005);
    expect(valueOf(corrected, 'awards')).toBe(1);
    expect(corrected.every((o) => o.reportId === secondId && o.reportVersion === 2)).toBe(true);
    const { context: publicContext, page: visitor } = await env.newPage('ja');
    await visitor.goto('/outcomes?from=2005&to=2005');
    await expect.poll(() => outcomeCell(visitor, '札幌', 'awards')).toBe(1);
    await office.goto(`/reports/${firstId}`);
    await expect
      .poll(() => office.locator('main').innerText())
      .toContain('この版は訂正され、新しい版があります。');
    await office.getByRole('link', { name: '最新の版を開く' }).click();
    await office.waitForURL(`**/reports/${secondId}`);
    const old = await fetch(`${env.baseUrl}/api/v1/reports/${firstId}`);
    expect(old.status).toBe(200);
    const oldBody = (await old.json()) as {
      reportVersion: number;
      status: string;
      values: { indicator: string; value: number | null }[];
    };
    expect(oldBody.reportVersion).toBe(1);
    expect(oldBody.values.find((v) => v.indicator === 'awards')?.value).toBe(2);

    await Promise.all([hqContext.close(), officerContext.close(), publicContext.close()]);
  });

  it('shows officers the review queue and reporting status without serious accessibility violations', async () => {
    for (const locale of ['ja', 'en'] as const) {
      const { context, page } = await env.newPage(locale);
      await signIn(page, officer, locale);
      for (const path of ['/reports', '/reports?view=status&fy=2005']) {
        await page.goto(path);
        await page.locator('main h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await seriousViolations(page), `${path} in ${locale}`).toEqual([]);
      }
      // Kyoto's and Sapporo's FY2005 reports were accepted by the tests above: the status view counts them.
      const accepted = locale === 'ja' ? /中2クラスターが受理済み$/ : /^2 of \d+ clusters accepted$/;
      await expect.poll(() => page.getByLabel(accepted).count()).toBe(1);
      await context.close();
    }
  });
});
