/**
 * From a company's need to a joint research agreement in a real browser, in Japanese and English
 * (issue 6): a snow-machinery company posts a confidential need (ja) and asks for review; the
 * coordinator publishes it, reads the matching seeds with their explanation and proposes a match
 * to Sapporo's FPGA seed (en); Sapporo's headquarters see the match without the company's name and
 * express interest (ja); the company expresses interest (en); the coordinator records the
 * introduction, a meeting, the confidentiality agreement and the joint research agreement
 * (partners, budget, MEXT funding) (ja), and the board shows the match in the joint research
 * column (en). axe runs on every main screen.
 */
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { japanDate } from '../../src/domain/fiscal-year';
import { systemContext } from '../../src/server/context';
import { createOrganization } from '../../src/server/modules/organizations/organization.service';
import { type BrowserEnv, HAS_BROWSER, startBrowserEnv } from './browser-harness';
import { apiAs, axe, choose, type Locale, screenshotsIn, signIn, text, type User } from './flow-helpers';

const SHOTS = '/tmp/matching-e2e-shots';
const shot = screenshotsIn(SHOTS);
const TODAY = japanDate(new Date());

const COMPANY = { ja: '北海道除雪機械株式会社', en: 'Hokkaido Snow Machinery Co.' };
const NEED = {
  title: '凍結路面を走行中に判別する車載カメラ',
  description:
    '除雪車に載せ、路面の凍結・圧雪・湿潤を走行中に判別したい。消費電力の小さいFPGAの画像認識装置を探している。',
};
const SEED = {
  ja: '積雪路面を判別する低消費電力FPGA画像認識',
  en: 'Low-power FPGA image recognition of snow-covered road surfaces',
};

describe.skipIf(!HAS_BROWSER)('from a need to joint research in Chromium, in Japanese and English', () => {
  let env: BrowserEnv;
  let coordinator: User;
  let sapporoHq: User;
  let companyUser: User;
  let needId: number;
  let matchId: number;
  const opened: BrowserContext[] = [];

  const newPage = async (locale: Locale) => {
    const { context, page } = await env.newPage(locale);
    opened.push(context);
    page.setDefaultTimeout(15_000);
    return page;
  };

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    env = await startBrowserEnv();
    const system = systemContext(env.database.db, 'e2e');
    const company = await createOrganization(system, {
      kind: 'company',
      name: COMPANY,
      prefectureCode: '01',
      url: null,
      source: 'e2e fixture',
    });
    coordinator = await env.createUser('yamada.coordinator@example.jp', [{ role: 'coordinator' }]);
    sapporoHq = await env.createUser('honbu@sapporo-cluster.example.jp', [
      { role: 'cluster_headquarters', scopeType: 'cluster', clusterKey: 'sapporo' },
    ]);
    companyUser = await env.createUser('kaihatsu@snow-machinery.example.jp', [
      { role: 'partner_company', scopeType: 'organization', scopeId: company.id },
    ]);
    // The seed is not this flow's: Sapporo offers it and the coordinator publishes it beforehand.
    const hqApi = await apiAs(env.baseUrl, sapporoHq);
    const seed = await hqApi.send<{ id: number; version: number }>('POST', '/api/v1/seeds', {
      clusterKey: 'sapporo',
      title: SEED,
      summary: {
        ja: 'FPGAカメラで乾燥・湿潤・圧雪・凍結の路面状態を3W未満で実時間に判別する。除雪路線で二冬の実証済み。',
        en: 'An FPGA camera unit classifies dry, wet, compacted-snow and icy road surfaces in real time under 3 W.',
      },
      keyField: 'it',
      keywords: ['FPGA', '画像認識', '路面', 'road surface'],
      stage: 'field_trial',
    });
    const submitted = await hqApi.send<{ version: number }>('POST', `/api/v1/seeds/${seed.id}/actions`, {
      action: 'submit',
      version: seed.version,
    });
    await hqApi.dispose();
    const coordinatorApi = await apiAs(env.baseUrl, coordinator);
    await coordinatorApi.send('POST', `/api/v1/seeds/${seed.id}/actions`, {
      action: 'publish',
      version: submitted.version,
    });
    await coordinatorApi.dispose();
  });
  let broken = false;
  beforeEach((ctx) => {
    if (broken) ctx.skip();
  });
  afterEach((ctx) => {
    if (ctx.task.result?.state === 'fail') broken = true;
  });
  afterAll(async () => {
    for (const c of opened) await c.close().catch(() => undefined);
    await env?.close();
  });

  it('a company posts a confidential need and asks for review (ja)', async () => {
    const page = await newPage('ja');
    await signIn(page, companyUser, 'ja');
    await page.goto('/needs');
    await page.getByRole('button', { name: 'ニーズを登録' }).click();
    const dialog = page.getByRole('dialog', { name: 'ニーズの登録' });
    await dialog.getByLabel('名称（日本語）').fill(NEED.title);
    await dialog.getByLabel('内容（日本語）').fill(NEED.description);
    await choose(page, dialog.getByRole('combobox', { name: '重点分野' }), '情報通信');
    await choose(page, dialog.getByRole('combobox', { name: '都道府県' }), /北海道/);
    await dialog.getByRole('switch', { name: '企業名を非公開にする' }).check();
    await axe(page, 'the need form (ja)');
    await dialog.getByRole('button', { name: '登録する' }).click();
    await page.waitForURL(/\/needs\/\d+$/);
    needId = Number(/\/needs\/(\d+)$/.exec(page.url())![1]);
    await expect.poll(() => text(page.getByTestId('need-badges'))).toContain('下書き');
    await page.getByTestId('listing-actions').getByRole('button', { name: '確認を依頼' }).click();
    const confirm = page.getByRole('dialog', { name: '確認の依頼' });
    await confirm.getByRole('button', { name: /確認を依頼|実行する/ }).click();
    await expect.poll(() => text(page.getByTestId('need-badges'))).toContain('確認中');
    await expect.poll(() => text(page.getByTestId('need-company'))).toContain(COMPANY.ja);
    await shot(page, '01-need-in-review-ja');
  });

  it('the coordinator publishes it, reads the matching seeds and proposes a match (en)', async () => {
    const page = await newPage('en');
    await signIn(page, coordinator, 'en');
    await page.goto(`/needs/${needId}`);
    await page.getByTestId('listing-actions').getByRole('button', { name: 'Publish' }).click();
    const publish = page.getByRole('dialog', { name: /publish/i });
    await publish
      .getByRole('button', { name: /publish/i })
      .last()
      .click();
    await expect.poll(() => text(page.getByTestId('need-badges'))).toMatch(/Published/i);
    // The coordinator knows the confidential company.
    await expect.poll(() => text(page.getByTestId('need-company'))).toContain(COMPANY.en);

    const panel = page.getByTestId('matching-seeds');
    const suggestion = panel.getByTestId('suggestion').first();
    await expect.poll(() => text(suggestion)).toContain(SEED.en);
    // The explanation: shared terms and the signals (same field, same region).
    expect((await suggestion.getByTestId('matched-term').allTextContents()).join(' ')).toMatch(/fpga/i);
    expect((await suggestion.getByTestId('match-signal').allTextContents()).join(' ')).toMatch(/Hokkaido/);
    await axe(page, 'the need with its matching seeds (en)');
    await shot(page, '02-matching-seeds-en');

    await suggestion.getByRole('button', { name: /^Propose match/ }).click();
    const propose = page.getByRole('dialog', { name: 'Propose a match' });
    await propose
      .getByLabel('Why these two belong together')
      .fill('Both are about icy roads seen from a vehicle.');
    await propose.getByRole('button', { name: 'Propose the match' }).click();
    await expect.poll(() => text(suggestion)).toContain('Match: Proposed');
    await suggestion.getByRole('link', { name: 'Open the match' }).click();
    await page.waitForURL(/\/matches\/\d+$/);
    matchId = Number(/\/matches\/(\d+)$/.exec(page.url())![1]);
    await expect.poll(() => text(page.getByTestId('match-stage'))).toMatch(/Proposed/i);
  });

  it('Sapporo’s headquarters answer without learning the company’s name (ja)', async () => {
    const page = await newPage('ja');
    await signIn(page, sapporoHq, 'ja');
    await page.goto(`/matches/${matchId}`);
    await expect.poll(() => text(page.getByTestId('match-side-need'))).toContain('非公開企業');
    expect(await page.content()).not.toContain(COMPANY.ja);
    expect(await page.content()).not.toContain(COMPANY.en);
    const form = page.getByTestId('answer-form-seed');
    await form.getByLabel('関心あり（関心表明）').check();
    await form.getByLabel('提供できること').fill('二冬の実証データと試作機を提供できます。');
    await form.getByLabel('求めること').fill('除雪車への搭載試験と量産の相手を求めています。');
    await form.getByLabel('次の一歩').fill('札幌で試作機を見ていただく面談。');
    await axe(page, 'the answer form (ja)');
    await form.getByRole('button', { name: '回答を送る' }).click();
    await expect.poll(() => text(page.getByTestId('answer-seed'))).toContain('関心あり');
    await shot(page, '03-seed-side-interested-ja');
  });

  it('the company answers too (en)', async () => {
    const page = await newPage('en');
    await signIn(page, companyUser, 'en');
    await page.goto(`/matches/${matchId}`);
    await expect.poll(() => text(page.getByTestId('match-side-need'))).toContain(COMPANY.en);
    const form = page.getByTestId('answer-form-need');
    await form.getByLabel('Interested: express interest').check();
    await form.getByLabel('What do you offer?').fill('Snow ploughs and winter routes for field trials.');
    await form.getByLabel('What do you seek?').fill('A sensor we can build into our vehicles.');
    await form.getByLabel('What should happen next?').fill('See the prototype in Sapporo.');
    await form.getByRole('button', { name: 'Send the answer' }).click();
    await expect.poll(() => text(page.getByTestId('answer-need'))).toContain('Interested');
  });

  it('the coordinator records the steps up to the joint research agreement (ja)', async () => {
    const page = await newPage('ja');
    await signIn(page, coordinator, 'ja');
    await page.goto(`/matches/${matchId}`);
    const record = async (step: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) => {
      await page.getByRole('button', { name: '段階を記録' }).click();
      const dialog = page.getByRole('dialog', { name: '段階の記録' });
      await choose(page, dialog.getByRole('combobox', { name: '段階' }), step);
      await dialog.getByLabel('日付').fill(TODAY);
      if (fill) await fill(dialog);
      await dialog.getByRole('button', { name: '記録する' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => text(page.getByTestId('match-stage'))).toContain(step);
    };
    await record('紹介');
    await record('面談', async (dialog) => {
      const attendees = dialog.getByLabel('出席者');
      await attendees.fill('佐藤 教授');
      await attendees.press('Enter');
      await dialog.getByLabel('メモ').fill('試作機を見学。冬季の試験計画を相談。');
    });
    await record('秘密保持契約');
    await record('共同研究', async (dialog) => {
      await dialog.getByLabel('研究テーマ').fill('除雪車搭載の凍結路面判別カメラの実用化');
      const partners = dialog.getByLabel('共同研究の参加機関');
      for (const p of ['北海道大学', COMPANY.ja]) {
        await partners.fill(p);
        await partners.press('Enter');
      }
      await dialog.getByLabel('予算（円）').fill('12000000');
      await choose(page, dialog.getByRole('combobox', { name: '資金の出所' }), '文部科学省');
      await axe(page, 'the joint research form (ja)');
    });
    const timeline = page.getByTestId('step-timeline');
    await expect.poll(() => timeline.getByTestId('timeline-step').count()).toBe(4);
    const joint = await text(timeline.getByTestId('timeline-step').last());
    expect(joint).toContain('北海道大学');
    expect(joint).toContain('文部科学省');
    expect(joint).toMatch(/1,200万円|12,000,000円|¥12/);
    await axe(page, 'the match with its steps (ja)');
    await shot(page, '04-joint-research-ja');
  });

  it('the board shows the match in the joint research column (en)', async () => {
    const page = await newPage('en');
    await signIn(page, coordinator, 'en');
    await page.goto('/matches');
    const column = page.getByTestId('match-column-joint_research');
    await expect.poll(() => text(column)).toContain(SEED.en);
    await axe(page, 'the pipeline board (en)');
    await shot(page, '05-board-en');
    const db = env.database.db;
    const funded = await db
      .selectFrom('funded_projects')
      .selectAll()
      .where('match_id', '=', matchId)
      .execute();
    expect(funded).toHaveLength(1);
    expect(Number(funded[0]!.amount_yen)).toBe(12_000_000);
  });
});
