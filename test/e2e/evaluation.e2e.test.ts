/**
 * A whole intermediate evaluation round in a real browser, in Japanese and English (issue 5): an
 * officer opens a round for three clusters that started in FY2002, names the weighting and
 * evaluating groups (one evaluator works in Kobe's prefecture, so detection excludes him from Kobe)
 * and opens self-evaluation; Kyoto's headquarters write and submit their report beside the
 * cluster's figures; two weighting members propose weights, the officer computes their mean and
 * locks it; the officer schedules Kyoto's interview and records minutes; grading opens and the two
 * evaluators grade every item with comments (the conflicted one cannot open Kobe); the officer
 * reads the scores, writes the consolidated comments and publishes; previews next year's
 * allocation, changes a band's adjustment and commits it to the FY2005 ledger; the public reads
 * the results without evaluators' names. Figures are checked against sums done by hand below.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/server/context';
import { createOrganization } from '../../src/server/modules/organizations/organization.service';
import { createPerson } from '../../src/server/modules/people/person.service';
import { type BrowserEnv, HAS_BROWSER, startBrowserEnv } from './browser-harness';
import {
  apiAs,
  axe,
  cells,
  choose,
  type Locale,
  screenshotsIn,
  signIn,
  text,
  type User,
} from './flow-helpers';

const SHOTS = '/tmp/eval-e2e-shots';
const shot = screenshotsIn(SHOTS);

/** The seed's FY2004 intermediate criteria (data/reference/criteria.json), which a new round copies. */
const GROUPS = (
  JSON.parse(fs.readFileSync(path.resolve('data/reference/criteria.json'), 'utf8')) as {
    intermediate_2004: {
      groups: { key: string; en: string; ja: string; items: { key: string; en: string; ja: string }[] }[];
    };
  }
).intermediate_2004.groups;
/** The eight items in the round's order, numbered as the weights and grading pages number them. */
const ITEMS = GROUPS.flatMap((g) => g.items.map((i) => ({ ...i, group: g })));
const numbered = (i: number, locale: Locale) => `${i + 1}. ${ITEMS[i]![locale]}`;

const ROUND = {
  key: 'fy2004-intermediate-e2e',
  ja: '平成16年度 知的クラスター創成事業 中間評価',
  en: 'FY2004 intermediate evaluation of the Knowledge Cluster Initiative',
};
const KYOTO = { key: 'kyoto', ja: '京都', en: 'Kyoto' } as const;
const KOBE = { key: 'kobe', ja: '神戸', en: 'Kobe' } as const;
const HAMAMATSU = { key: 'hamamatsu', ja: '浜松', en: 'Hamamatsu' } as const;

/**
 * The weighting group: Omori writes out of 100, Baker in small figures (scaled to 100 first).
 * Mean of the shares: 15, 10, 10, 10, 15, 10, 10, 20 — already summing to 100.
 */
const OMORI_WEIGHTS = [20, 10, 10, 10, 20, 10, 10, 10];
const BAKER_WEIGHTS = [1, 1, 1, 1, 1, 1, 1, 3];
const LOCKED_WEIGHTS = ['15.0', '10.0', '10.0', '10.0', '15.0', '10.0', '10.0', '20.0'];

/**
 * Grades per item, in the round's order. With the weights above (Σw = 100):
 * - Sato on Kyoto: S everywhere but A on item 4 → (90×4 + 10×3)/100 = 3.9
 * - Miller on Kyoto: S S A A S A A S → (15·4+10·4+10·3+10·3+15·4+10·3+10·3+20·4)/100 = 3.6
 *   → Kyoto 3.75, band S (≥ 3.5), (3.75 − 1)/3 × 100 = 91.7 on 100
 * - Sato on Kobe: A everywhere → 3; Miller is excluded (same prefecture) → Kobe 3, band A, 66.7
 * - Sato on Hamamatsu: B B B A B B B C → (30+20+20+30+30+20+20+20)/100 = 1.9
 * - Miller on Hamamatsu: B B C B B B C B → (30+20+10+20+30+20+10+40)/100 = 1.8
 *   → Hamamatsu 1.85, band B (≥ 1.5), 28.3 on 100
 * Ranks: Kyoto 1, Kobe 2, Hamamatsu 3.
 */
const GRADES = {
  sato: {
    kyoto: 'SSSASSSS',
    kobe: 'AAAAAAAA',
    hamamatsu: 'BBBABBBC',
  },
  miller: {
    kyoto: 'SSAASAAS',
    hamamatsu: 'BBCBBBCB',
  },
} as const;
const POINTS: Record<string, number> = { S: 4, A: 3, B: 2, C: 1 };

/**
 * Next year's subsidy. Each cluster had ¥500M of MEXT subsidy in FY2004 (¥1,500M in all). The
 * round's bands give S +10 %, A 0, B −10 %: 550 / 500 / 450, already ¥1,500M. The officer raises
 * S to +20 %: proposals 600 / 500 / 450 = 1,550, rescaled by 1,500/1,550 to keep the total:
 * 580.645 / 483.871 / 435.484 → whole millions by the largest remainder: 581 / 484 / 435 = 1,500.
 */
const CURRENT_YEN = 500_000_000;
const ALLOCATED = { kyoto: 581, kobe: 484, hamamatsu: 435 };

/** The officer's consolidated comments, in Japanese and English. */
const COMMENTS: Record<string, [string, string]> = {
  kyoto: ['研究開発は計画を上回って進捗している。', 'R&D is ahead of plan; keep the pace to business.'],
  kobe: [
    '体制は整っているが、事業化の道筋を具体化すべき。',
    'A sound organisation; make the path to business concrete.',
  ],
  hamamatsu: ['計画の見直しが必要である。', 'The plan needs to be revised.'],
};

describe.skipIf(!HAS_BROWSER)('a whole evaluation round in Chromium, in Japanese and English', () => {
  let env: BrowserEnv;
  let officer: User;
  let kyotoHq: User;
  let omori: User;
  let baker: User;
  let sato: User;
  let miller: User;
  const opened: BrowserContext[] = [];
  let office: Page;
  let hq: Page;
  let satoPage: Page;
  let millerPage: Page;

  const newPage = async (locale: Locale) => {
    const { context, page } = await env.newPage(locale);
    opened.push(context);
    page.setDefaultTimeout(15_000);
    return page;
  };
  const roundUrl = (section = '') => `/rounds/${ROUND.key}${section ? `/${section}` : ''}`;

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    env = await startBrowserEnv();
    const system = systemContext(env.database.db, 'e2e');
    officer = await env.createUser('evaluation-officer@mext.example.jp', [{ role: 'programme_officer' }]);
    kyotoHq = await env.createUser('honbu@kyoto-cluster.example.jp', [
      { role: 'cluster_headquarters', scopeType: 'cluster', clusterKey: KYOTO.key },
    ]);
    omori = await env.createUser('omori.weights@example.jp', [{ role: 'weighting_member' }]);
    baker = await env.createUser('baker.weights@example.com', [{ role: 'weighting_member' }]);
    sato = await env.createUser('sato.grades@example.jp', [{ role: 'evaluator' }]);
    miller = await env.createUser('miller.grades@example.com', [{ role: 'evaluator' }]);

    // Miller works at a research institute in Hyogo, Kobe's prefecture (his person record is the
    // administrator's business, not this flow's).
    const institute = await createOrganization(system, {
      kind: 'public_research_institute',
      name: { ja: '兵庫県立先端科学技術研究所', en: 'Hyogo Institute of Advanced Science' },
      prefectureCode: '28',
      url: null,
      source: 'e2e fixture',
    });
    const person = await createPerson(system, {
      name: { ja: 'ミラー', en: 'Miller' },
      organizationId: institute.id,
      title: { ja: '主任研究員', en: 'Senior researcher' },
      email: null,
      source: 'e2e fixture',
    });
    await env.database.db
      .updateTable('accounts')
      .set({ person_id: person.id })
      .where('email', '=', miller.email)
      .execute();

    // The ledger the round reads: ¥500M of MEXT subsidy a year for each cluster, FY2002–FY2004;
    // and one numerical target of Kyoto's plan.
    const api = await apiAs(env.baseUrl, officer);
    for (const c of [KYOTO, KOBE, HAMAMATSU])
      for (const fy of [2002, 2003, 2004])
        await api.send('POST', '/api/v1/budgets', {
          cluster: c.key,
          fiscalYear: fy,
          kind: 'mext_subsidy',
          amountYen: CURRENT_YEN,
          source: 'e2e fixture: MEXT grant decision',
        });
    await api.send('PUT', `/api/v1/clusters/${KYOTO.key}/targets`, {
      targets: [{ indicator: 'papers_domestic', fiscalYear: 2004, target: 80, baseline: 20 }],
    });
    await api.dispose();
  });
  // Each step builds on the one before: after a failure the rest would only fail for its sake.
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

  it('1. an officer opens the round, names both groups, sees the detected conflict and opens self-evaluation (Japanese)', async () => {
    office = await newPage('ja');
    await signIn(office, officer, 'ja');
    await office.goto('/rounds');
    await expect.poll(() => office.getByRole('heading', { level: 1 }).innerText()).toBe('評価ラウンド');
    await office.getByRole('button', { name: '新しい評価ラウンド', exact: true }).click();
    const form = office.getByRole('dialog', { name: '新しい評価ラウンド' });
    await form.getByRole('textbox', { name: /^キー/ }).fill(ROUND.key);
    await form.getByRole('textbox', { name: '名称（日本語）' }).fill(ROUND.ja);
    await form.getByRole('textbox', { name: '名称（英語）' }).fill(ROUND.en);
    // FY2004 by default, deciding the FY2005 subsidy, with the seed's phases and S/A/B/C scale.
    expect(await form.getByRole('textbox', { name: '評価の年度' }).inputValue()).toBe('2004');
    expect(await form.getByRole('textbox', { name: '結果を反映する補助金の年度' }).inputValue()).toBe('2005');
    await form.getByRole('radio', { name: 'クラスターを選ぶ' }).check();
    const picker = form.getByRole('combobox', { name: 'クラスター', exact: true });
    for (const c of [KYOTO, KOBE, HAMAMATSU]) await choose(office, picker, c.ja, c.ja);
    await office.keyboard.press('Escape');
    await shot(office, '01-new-round-ja');
    await form.getByRole('button', { name: '下書きとして作成', exact: true }).click();
    await office.waitForURL(`**${roundUrl()}`);
    await expect.poll(() => office.getByRole('heading', { level: 1 }).innerText()).toBe(ROUND.ja);
    const main = office.locator('main');
    await expect.poll(() => text(main)).toContain('下書き');
    const facts = office.getByRole('table').first();
    await expect
      .poll(() => text(facts.getByRole('row').filter({ hasText: '対象クラスター' })))
      .toContain('3');
    expect(await text(facts.getByRole('row').filter({ hasText: '評価項目数' }))).toContain('8');
    const created = (await (await office.request.get(`/api/v1${roundUrl()}`)).json()) as {
      criteria: { items: { key: string }[] }[];
      scale: unknown;
      clusters: { key: string }[];
    };
    expect(created).toMatchObject({
      kind: 'intermediate',
      fiscalYear: 2004,
      allocationFiscalYear: 2005,
      status: 'draft',
      scale: [
        { grade: 'S', points: 4 },
        { grade: 'A', points: 3 },
        { grade: 'B', points: 2 },
        { grade: 'C', points: 1 },
      ],
    });
    expect(created.criteria.flatMap((g) => g.items.map((i) => i.key))).toEqual(ITEMS.map((i) => i.key));
    expect(created.clusters.map((c) => c.key).sort()).toEqual(['hamamatsu', 'kobe', 'kyoto']);
    await axe(office, 'round overview (ja)');

    // The two groups: Omori chairs the weighting group.
    await office.getByRole('tab', { name: '評価委員・担当' }).click();
    await office.waitForURL(`**${roundUrl('members')}`);
    const person = office.getByRole('combobox', { name: '氏名', exact: true });
    const add = async (who: string, chair = false) => {
      await choose(office, person, new RegExp(`^${who}`), who);
      if (chair) await office.getByRole('checkbox', { name: '重み付け委員会の座長' }).check();
      await office.getByRole('button', { name: '追加', exact: true }).click();
      await expect.poll(() => text(main)).toContain(who);
      await expect.poll(() => person.inputValue()).toBe('');
    };
    await add('omori.weights', true);
    await add('baker.weights');
    await add('sato.grades');
    await add('miller.grades');
    await expect.poll(() => text(main)).toContain('重み付け委員会 (2)');
    expect(await text(main)).toContain('評価委員会 (2)');

    // Every evaluator to every cluster: Miller × Kobe is excluded by the prefecture.
    await office.getByRole('button', { name: '全評価委員を全クラスターに割り当て', exact: true }).click();
    await expect.poll(() => text(main)).toContain('6組のうち6組を割り当て、うち1組は利害関係により除外。');
    const matrix = office.getByRole('table').filter({ hasText: KOBE.ja });
    const kobeRow = matrix.getByRole('row').filter({ hasText: KOBE.ja });
    // Evaluators in the order they were named: Sato, then Miller.
    expect(await cells(matrix.getByRole('row').first())).toEqual([
      'クラスター',
      'sato.grades',
      'miller.grades',
    ]);
    expect(await cells(kobeRow)).toEqual([KOBE.ja, '担当', '同一都道府県']);
    expect(await cells(matrix.getByRole('row').filter({ hasText: KYOTO.ja }))).toEqual([
      KYOTO.ja,
      '担当',
      '担当',
    ]);
    await shot(office, '02-members-ja');
    await axe(office, 'round members (ja)');

    await office.getByRole('tab', { name: '概要' }).click();
    await office.getByRole('button', { name: '自己評価を開始', exact: true }).click();
    await office.getByRole('button', { name: '重み付けを開始', exact: true }).waitFor();
    expect(await text(office.locator('main'))).toContain('自己評価');
  });

  it("2. Kyoto's headquarters write the self-evaluation beside the cluster's figures and submit it (English)", async () => {
    hq = await newPage('en');
    await signIn(hq, kyotoHq, 'en');
    await hq.goto('/rounds');
    await hq.getByRole('link', { name: ROUND.en }).click();
    await hq.getByRole('tab', { name: 'Self-evaluations' }).click();
    await hq.waitForURL(`**${roundUrl('self-evaluations')}`);
    await expect.poll(() => text(hq.locator('main'))).toContain(`Your self-evaluation report: ${KYOTO.en}`);
    await hq.getByRole('link', { name: 'Start writing your report' }).click();
    await hq.waitForURL(`**${roundUrl(`self-evaluations/${KYOTO.key}`)}`);

    // Beside the narratives: the cluster's accepted outcomes against its target, and its money.
    const data = hq.getByRole('region', { name: /^The cluster's figures/ });
    const papers = data.getByRole('row').filter({ hasText: 'Papers (domestic)' });
    await expect
      .poll(() => cells(papers))
      .toEqual(['Papers (domestic)', '71', expect.stringContaining('80')]);
    const budget = data.getByRole('table', { name: /^The cluster's money recorded in the budget ledger/ });
    for (const fy of ['FY2002', 'FY2003', 'FY2004'])
      expect(await cells(budget.getByRole('row').filter({ hasText: fy }))).toEqual([
        fy,
        '¥500 million',
        '¥500 million',
      ]);
    expect(await cells(budget.locator('tfoot tr'))).toEqual(['Total', '¥1.5 billion', '¥1.5 billion']);

    for (const g of GROUPS) {
      const section = hq
        .locator('section')
        .filter({ has: hq.getByRole('heading', { name: g.en, exact: true }) });
      for (const i of g.items)
        await section
          .getByRole('textbox', { name: `Narrative for “${i.en}”` })
          .fill(`Kyoto on “${i.en}”: nanotechnology for devices, with Kyoto University and 40 companies.`);
    }
    await expect.poll(() => text(hq.locator('main'))).toContain('8 of 8 criterion items written');
    await shot(hq, '03-self-evaluation-en');
    await axe(hq, 'self-evaluation editor (en)');
    await hq.getByRole('button', { name: 'Submit report', exact: true }).click();
    const confirm = hq.getByRole('dialog', { name: 'Submit the self-evaluation report?' });
    await confirm.getByRole('button', { name: 'Submit', exact: true }).click();
    await expect.poll(() => text(hq.locator('main'))).toContain('The report is submitted and locked.');
    const saved = (await (
      await hq.request.get(`/api/v1${roundUrl(`self-evaluations/${KYOTO.key}`)}`)
    ).json()) as { status: string; narratives: Record<string, string> };
    expect(saved.status).toBe('submitted');
    expect(Object.keys(saved.narratives).sort()).toEqual(ITEMS.map((i) => i.key).sort());
  });

  it('3. two weighting members propose, the officer computes the mean and locks it (Japanese and English)', async () => {
    await office.goto(roundUrl());
    await office.getByRole('button', { name: '重み付けを開始', exact: true }).click();
    await office.getByRole('button', { name: '評点付けを開始', exact: true }).waitFor();

    const propose = async (user: User, locale: Locale, weights: number[]) => {
      const page = await newPage(locale);
      await signIn(page, user, locale);
      await page.goto(roundUrl('weights'));
      const label = (i: number) =>
        locale === 'ja' ? `${numbered(i, 'ja')}の重み` : `Weight of ${numbered(i, 'en')}`;
      for (let i = 0; i < ITEMS.length; i++)
        await page.getByRole('textbox', { name: label(i), exact: true }).fill(String(weights[i]));
      await page
        .getByRole('button', { name: locale === 'ja' ? '提案を保存' : 'Save my proposal', exact: true })
        .click();
      await expect
        .poll(() => text(page.locator('main')))
        .toContain(locale === 'ja' ? '提案を保存しました。' : 'Your proposal is saved.');
      return page;
    };
    const omoriPage = await propose(omori, 'ja', OMORI_WEIGHTS);
    await shot(omoriPage, '04-weights-proposal-ja');
    await axe(omoriPage, 'weights proposal (ja)');
    const bakerPage = await propose(baker, 'en', BAKER_WEIGHTS);
    // Baker's figures add up to 10: scaled to 100 before the mean.
    expect(await text(bakerPage.locator('main'))).toContain('Your figures add up to 10, not 100.');
    await axe(bakerPage, 'weights proposal (en)');

    await office.getByRole('tab', { name: '重み付け' }).click();
    await office.waitForURL(`**${roundUrl('weights')}`);
    const main = office.locator('main');
    await expect.poll(() => text(main)).toContain('重み付け委員2名中2名が提案済み');
    // The officer sees each member's figures as proposed and the mean of their shares of 100.
    const proposals = office.getByRole('table').filter({ hasText: '平均（100に正規化）' });
    for (let i = 0; i < ITEMS.length; i++)
      await expect
        .poll(() => cells(proposals.getByRole('row').filter({ hasText: numbered(i, 'ja') })))
        .toEqual([numbered(i, 'ja'), String(OMORI_WEIGHTS[i]), String(BAKER_WEIGHTS[i]), LOCKED_WEIGHTS[i]]);
    await office.getByRole('button', { name: '重みを算出', exact: true }).click();
    await expect.poll(() => text(main)).toContain('第1版を算出しました。');
    await office.getByRole('button', { name: '第1版を確定', exact: true }).click();
    const lock = office.getByRole('dialog');
    await lock.getByRole('button', { name: '第1版を確定する', exact: true }).click();
    await expect.poll(() => text(main)).toContain('第1版を確定済み');
    // The locked version item by item: the mean of the two members' shares, adding up to 100.
    const table = office.getByRole('table').filter({ hasText: '第1版（確定済み）' });
    for (let i = 0; i < ITEMS.length; i++)
      await expect
        .poll(() => cells(table.getByRole('row').filter({ hasText: numbered(i, 'ja') })))
        .toEqual([numbered(i, 'ja'), LOCKED_WEIGHTS[i]]);
    expect(await cells(table.locator('tfoot tr'))).toEqual(['合計', '100.0']);
    await shot(office, '05-weights-locked-ja');
    await axe(office, 'weights locked (ja)');
  });

  it("4. the officer schedules Kyoto's interview and records minutes against an item (Japanese)", async () => {
    await office.getByRole('tab', { name: 'ヒアリング' }).click();
    await office.waitForURL(`**${roundUrl('interviews')}`);
    await office.getByRole('button', { name: 'ヒアリングを設定', exact: true }).click();
    const form = office.getByRole('dialog', { name: 'ヒアリングを設定' });
    await choose(office, form.getByRole('combobox', { name: 'クラスター' }), KYOTO.ja);
    await form.getByLabel('日時').fill('2004-11-24T13:30');
    await form.getByRole('textbox', { name: '場所' }).fill('文部科学省 16階 特別会議室');
    const attendees = [
      ['クラスター', '山田 太郎', '京都市産業技術研究所'],
      ['評価グループ', '佐藤 花子', '評価委員会'],
      ['文部科学省', '鈴木 一郎', '研究振興局'],
    ];
    for (const [i, [side, name, affiliation]] of attendees.entries()) {
      await form.getByRole('button', { name: '出席者を追加', exact: true }).click();
      if (side !== 'クラスター')
        await choose(office, form.getByRole('combobox', { name: '区分' }).nth(i), side!);
      await form.getByRole('textbox', { name: '氏名' }).nth(i).fill(name!);
      await form.getByRole('textbox', { name: '所属' }).nth(i).fill(affiliation!);
    }
    await form.getByRole('button', { name: '設定する', exact: true }).click();
    await expect.poll(() => form.count()).toBe(0);
    const entry = office.getByRole('article', { name: KYOTO.ja });
    await expect.poll(() => text(entry)).toContain('文部科学省 16階 特別会議室');
    expect(await text(entry)).toContain('2004/11/24 13:30'); // entered and shown in Japan time
    expect(await text(entry)).toContain('山田 太郎（京都市産業技術研究所）');
    expect(await text(entry)).toContain('鈴木 一郎（研究振興局）');

    await entry.getByRole('button', { name: '議事録を記録', exact: true }).click();
    const minutes = office.getByRole('dialog', { name: /^議事録：京都/ });
    await minutes
      .getByRole('textbox', { name: ITEMS[0]!.ja, exact: true })
      .fill('ナノテク材料の試作が計画より半年早い。事業化の時期を問うた。');
    await minutes.getByRole('button', { name: '議事録を保存', exact: true }).click();
    await expect.poll(() => minutes.count()).toBe(0);
    await expect.poll(() => text(entry)).toContain('評価項目8項目中1項目の議事録を記録済み');
    expect(await text(entry)).toContain('ナノテク材料の試作が計画より半年早い。');
    // Kobe and Hamamatsu still wait for theirs.
    expect(await text(office.locator('main'))).toContain('ヒアリング未設定のクラスター（2件）');
    await shot(office, '06-interviews-ja');
    await axe(office, 'interviews (ja)');
  });

  /** Grades every item of one cluster with a comment, saves, submits, and checks the evaluator's own score. */
  async function grade(
    page: Page,
    locale: Locale,
    cluster: { key: string; ja: string; en: string },
    grades: string,
    score: [string, string],
  ) {
    const w =
      locale === 'ja'
        ? {
            gradeOf: (i: number) => `評点：${numbered(i, 'ja')}（${ITEMS[i]!.group.ja}）`,
            option: (g: string) => `${g}（${POINTS[g]}点）`,
            commentOf: (i: number) => `${numbered(i, 'ja')}（${ITEMS[i]!.group.ja}）へのコメント`,
            submit: '提出…',
            confirm: '評点を提出する',
            submitted: '提出済み',
            hundred: (v: string) => `100点換算 ${v}`,
          }
        : {
            gradeOf: (i: number) => `Grade: ${numbered(i, 'en')} (${ITEMS[i]!.group.en})`,
            option: (g: string) => `${g} (${POINTS[g]} pt)`,
            commentOf: (i: number) => `Comment on ${numbered(i, 'en')} (${ITEMS[i]!.group.en})`,
            submit: 'Submit…',
            confirm: 'Submit the grades',
            submitted: 'Submitted',
            hundred: (v: string) => `${v} on a 100-point scale`,
          };
    await page.goto(roundUrl('grading'));
    await page.getByRole('link', { name: cluster[locale], exact: true }).click();
    await page.waitForURL(`**${roundUrl(`grading/${cluster.key}`)}`);
    for (let i = 0; i < ITEMS.length; i++) {
      const g = grades[i]!;
      await page
        .getByRole('radiogroup', { name: w.gradeOf(i) })
        .getByText(w.option(g), { exact: true })
        .click();
      await page
        .getByRole('textbox', { name: w.commentOf(i) })
        .fill(`${cluster[locale]} — ${ITEMS[i]![locale]}: ${g}`);
    }
    await page.getByRole('button', { name: w.submit, exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: w.confirm, exact: true }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => text(page.locator('main'))).toContain(w.submitted);
    await page.getByRole('button', { name: w.submit, exact: true }).waitFor({ state: 'detached' });
    // The evaluator's own weighted score with the locked weights, as computed by hand above.
    const main = page.locator('main');
    await expect.poll(() => text(main)).toContain(w.hundred(score[1]));
    expect(await text(main)).toContain(score[0]);
  }

  it('5. grading opens; both evaluators grade every item and submit; the conflicted one cannot open Kobe (Japanese and English)', async () => {
    await office.getByRole('tab', { name: '概要' }).click();
    await office.getByRole('button', { name: '評点付けを開始', exact: true }).click();
    await office.getByRole('button', { name: '評点付けを締め切り集計へ', exact: true }).waitFor();

    satoPage = await newPage('ja');
    await signIn(satoPage, sato, 'ja');
    await grade(satoPage, 'ja', KYOTO, GRADES.sato.kyoto, ['3.90', '96.7']);
    await shot(satoPage, '07-grading-submitted-ja');
    await axe(satoPage, 'grading form (ja)');
    await grade(satoPage, 'ja', KOBE, GRADES.sato.kobe, ['3.00', '66.7']);
    await grade(satoPage, 'ja', HAMAMATSU, GRADES.sato.hamamatsu, ['1.90', '30.0']);
    await satoPage.goto(roundUrl('grading'));
    await expect.poll(() => text(satoPage.locator('main'))).toContain('3クラスター中3件提出済み');

    millerPage = await newPage('en');
    await signIn(millerPage, miller, 'en');
    await millerPage.goto(roundUrl('grading'));
    const excluded = millerPage.getByRole('row').filter({ hasText: KOBE.en });
    await expect
      .poll(() => text(excluded))
      .toContain('Excluded (same prefecture): you do not grade this cluster and cannot see its grading.');
    expect(await excluded.getByRole('link').count()).toBe(0);
    // Even by its address, the form says why it stays closed.
    await millerPage.goto(roundUrl(`grading/${KOBE.key}`));
    await expect
      .poll(() => text(millerPage.locator('main')))
      .toContain(
        'You have a conflict of interest with this cluster, so you do not grade it and cannot see its grading.',
      );
    await shot(millerPage, '08-grading-conflict-en');
    // Nor does Kobe's self-evaluation report appear among the ones he reads.
    await millerPage.getByRole('tab', { name: 'Self-evaluations' }).click();
    const reports = millerPage.getByRole('table', { name: 'Self-evaluation report of each target cluster' });
    await expect.poll(() => text(reports)).toContain(KYOTO.en);
    expect(await text(reports)).toContain(HAMAMATSU.en);
    expect(await text(reports)).not.toContain(KOBE.en);
    await grade(millerPage, 'en', KYOTO, GRADES.miller.kyoto, ['3.60', '86.7']);
    await axe(millerPage, 'grading form (en)');
    await grade(millerPage, 'en', HAMAMATSU, GRADES.miller.hamamatsu, ['1.80', '26.7']);
  });

  it('6. the officer starts scoring, reads totals, ranks and agreement, writes the comments and publishes (English)', async () => {
    await office.goto(roundUrl());
    await office.getByRole('button', { name: '評点付けを締め切り集計へ', exact: true }).click();
    // In scoring, grading may only be reopened.
    await office.getByRole('button', { name: '評点付けを再開', exact: true }).waitFor();
    await office.getByRole('radiogroup', { name: '表示言語' }).getByText('English').click();
    await office.getByRole('tab', { name: 'Scores' }).click();
    await office.waitForURL(`**${roundUrl('scores')}`);
    const main = office.locator('main');
    const ranking = office.getByRole('table', { name: /^Clusters in rank order/ });
    const rowOf = (name: string) => ranking.getByRole('row').filter({ hasText: name }).first();
    await expect
      .poll(() => cells(rowOf(KYOTO.en)))
      .toEqual(['▸', '1', KYOTO.en, 'S', '3.75', '91.7', '2', '0', 'Not written']);
    expect(await cells(rowOf(KOBE.en))).toEqual([
      '▸',
      '2',
      KOBE.en,
      'A',
      '3.00',
      '66.7',
      '1',
      '1 conflict of interest',
      'Not written',
    ]);
    expect(await cells(rowOf(HAMAMATSU.en))).toEqual([
      '▸',
      '3',
      HAMAMATSU.en,
      'B',
      '1.85',
      '28.3',
      '2',
      '0',
      'Not written',
    ]);
    expect(await text(main)).toContain('Every grading is submitted.');
    // Agreement: Kyoto's and Hamamatsu's 16 items were graded twice (Kobe once). Krippendorff's
    // ordinal alpha over those pairs, from the coincidence matrix of the grades above, is 0.816.
    const agreement = office.getByRole('region', { name: 'Agreement between evaluators' });
    await expect.poll(() => text(agreement)).toContain('Krippendorff’s alpha for the round: 0.816');
    expect(await text(agreement)).toContain('Good agreement');
    // The charts: totals by band, grades per item, agreement, leniency and stability.
    await expect.poll(() => main.getByRole('img').count()).toBeGreaterThanOrEqual(4);

    // Each cluster's evaluators, named to the officer, with their own weighted scores.
    const breakdown = async (c: { en: string }) => {
      await office.getByRole('button', { name: `Show the details of ${c.en}`, exact: true }).click();
      const detail = office.getByRole('region', { name: `${c.en}: how the total was reached` });
      const table = detail.getByRole('table', { name: /^Each counted evaluator’s weighted score/ });
      await table.getByRole('row').nth(1).waitFor();
      return { detail, rows: async () => Promise.all((await table.locator('tbody tr').all()).map(cells)) };
    };
    const kyoto = await breakdown(KYOTO);
    expect(await kyoto.rows()).toEqual([
      ['Evaluator A — sato.grades', '3.90', '96.7'],
      ['Evaluator B — miller.grades', '3.60', '86.7'],
    ]);
    const kobe = await breakdown(KOBE);
    expect(await kobe.rows()).toEqual([['Evaluator A — sato.grades', '3.00', '66.7']]);
    expect(await text(kobe.detail)).toContain('1 evaluator is left out for a conflict of interest.');
    const hamamatsu = await breakdown(HAMAMATSU);
    expect(await hamamatsu.rows()).toEqual([
      ['Evaluator A — sato.grades', '1.90', '30.0'],
      ['Evaluator B — miller.grades', '1.80', '26.7'],
    ]);

    for (const c of [KYOTO, KOBE, HAMAMATSU]) {
      const detail = office.getByRole('region', { name: `${c.en}: how the total was reached` });
      await detail.getByRole('button', { name: 'Write the comment', exact: true }).click();
      await detail.getByRole('textbox', { name: 'Japanese' }).fill(COMMENTS[c.key]![0]);
      await detail.getByRole('textbox', { name: 'English' }).fill(COMMENTS[c.key]![1]);
      await detail.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => text(detail)).toContain(COMMENTS[c.key]![1]);
      await expect.poll(() => cells(rowOf(c.en))).toContain('Written');
    }
    await expect.poll(() => text(main)).toContain('Every cluster has a consolidated comment.');
    await shot(office, '09-scores-en');
    await axe(office, 'scores (en)');

    await office.getByRole('button', { name: 'Publish…', exact: true }).click();
    const confirm = office.getByRole('dialog', { name: 'Publish the results?' });
    expect(await text(confirm)).toContain(
      'The results of 3 clusters, computed with weight set version 1, become public now.',
    );
    await confirm.getByRole('button', { name: 'Publish now', exact: true }).click();
    await expect.poll(() => text(main)).toContain('The results were published on');
    const published = (await (await office.request.get(`/api/v1/rounds/${ROUND.key}/results`)).json()) as {
      clusters: { cluster: { key: string }; totalScore: number; rank: number; band: string }[];
    };
    expect(
      published.clusters.map((c) => [c.cluster.key, c.rank, c.band, Number(c.totalScore.toFixed(6))]),
    ).toEqual([
      ['kyoto', 1, 'S', 3.75],
      ['kobe', 2, 'A', 3],
      ['hamamatsu', 3, 'B', 1.85],
    ]);
  });

  it("7. the officer previews next year's allocation, raises the S band, commits it and reads it in the FY2005 ledger (English)", async () => {
    await office.getByRole('tab', { name: "Next year's allocation" }).click();
    await office.waitForURL(`**${roundUrl('allocation')}`);
    const main = office.locator('main');
    const table = office.getByRole('table', { name: /^Preview of the FY2005 allocation/ });
    const rowOf = (name: string) => table.getByRole('row').filter({ hasText: name });
    // The round's bands: S +10 %, A 0, B −10 % of each cluster's ¥500M, keeping the ¥1,500M total.
    const M = (n: number) => `¥${n.toLocaleString('en')} million`;
    await expect
      .poll(() => cells(rowOf(KYOTO.en)))
      .toEqual(['1', KYOTO.en, 'S', '3.75', 'S', '+10 %', M(500), M(550), M(550), `+${M(50)}`, '+10 %', '']);
    expect(await cells(rowOf(KOBE.en))).toEqual([
      '2',
      KOBE.en,
      'A',
      '3.00',
      'A',
      '0 %',
      M(500),
      M(500),
      M(500),
      M(0),
      '0 %',
      '',
    ]);
    expect(await cells(rowOf(HAMAMATSU.en))).toEqual([
      '3',
      HAMAMATSU.en,
      'B',
      '1.85',
      'B',
      '-10 %',
      M(500),
      M(450),
      M(450),
      `-${M(50)}`,
      '-10 %',
      '',
    ]);
    expect(await cells(table.locator('tfoot tr'))).toEqual([
      'Total (3 clusters)',
      M(1500),
      M(1500),
      M(1500),
      M(0),
      '0 %',
      '',
    ]);
    await shot(office, '10-allocation-default-en');

    // S to +20 %: the proposals add up to ¥1,550M and are scaled back to ¥1,500M, rounded exactly.
    await office.getByRole('textbox', { name: 'Adjustment of band 1 in percent' }).fill('20');
    await expect
      .poll(() => cells(rowOf(KYOTO.en)))
      .toEqual([
        '1',
        KYOTO.en,
        'S',
        '3.75',
        'S',
        '+20 %',
        M(500),
        M(600),
        M(ALLOCATED.kyoto),
        `+${M(81)}`,
        '+16.2 %',
        '',
      ]);
    expect((await cells(rowOf(KOBE.en))).slice(5, 11)).toEqual([
      '0 %',
      M(500),
      M(500),
      M(ALLOCATED.kobe),
      `-${M(16)}`,
      '-3.2 %',
    ]);
    expect((await cells(rowOf(HAMAMATSU.en))).slice(5, 11)).toEqual([
      '-10 %',
      M(500),
      M(450),
      M(ALLOCATED.hamamatsu),
      `-${M(65)}`,
      '-13 %',
    ]);
    expect(ALLOCATED.kyoto + ALLOCATED.kobe + ALLOCATED.hamamatsu).toBe(1500);
    expect(await cells(table.locator('tfoot tr'))).toEqual([
      'Total (3 clusters)',
      M(1500),
      M(1550),
      M(1500),
      M(0),
      '0 %',
      '',
    ]);
    expect(await text(main)).toContain('Every proposal was multiplied by');
    // The figures dim while a preview loads; check them once they stand at full strength.
    const figures = table.locator('xpath=ancestor::div[contains(@style, "opacity")][1]');
    await expect.poll(() => figures.evaluate((e) => getComputedStyle(e).opacity)).toBe('1');
    await axe(office, 'allocation (en)');
    await office.getByRole('button', { name: 'Commit the allocation…', exact: true }).click();
    const dialog = office.getByRole('dialog', { name: 'Commit the FY2005 allocation' });
    await dialog.getByRole('button', { name: 'Commit', exact: true }).click();
    await expect
      .poll(() => text(main))
      .toContain('Committed: the FY2005 allocation is in the budget ledger (3 lines).');
    await shot(office, '11-allocation-committed-en');

    // The committed plan, with the ledger line written for each cluster.
    const plan = office.getByRole('table', { name: /^Committed FY2005 allocation/ });
    for (const [key, name] of [
      [KYOTO.key, KYOTO.en],
      [KOBE.key, KOBE.en],
      [HAMAMATSU.key, HAMAMATSU.en],
    ] as const)
      await expect
        .poll(async () => (await cells(plan.getByRole('row').filter({ hasText: name })))[8])
        .toBe(M(ALLOCATED[key]));

    // The FY2005 budget ledger holds one MEXT subsidy line per cluster, sourced to the round.
    await office.goto('/budgets?from=2005&to=2005');
    const perCluster = office.getByRole('table', {
      name: 'Money recorded for each cluster per fiscal year (all kinds)',
    });
    await expect
      .poll(() => cells(perCluster.getByRole('row').filter({ hasText: KYOTO.en })))
      .toEqual([KYOTO.en, M(ALLOCATED.kyoto), M(ALLOCATED.kyoto)]);
    expect(await cells(perCluster.getByRole('row').filter({ hasText: KOBE.en }))).toEqual([
      KOBE.en,
      M(ALLOCATED.kobe),
      M(ALLOCATED.kobe),
    ]);
    expect(await cells(perCluster.getByRole('row').filter({ hasText: HAMAMATSU.en }))).toEqual([
      HAMAMATSU.en,
      M(ALLOCATED.hamamatsu),
      M(ALLOCATED.hamamatsu),
    ]);
    expect(await cells(perCluster.getByRole('row').filter({ hasText: 'All clusters' }))).toEqual([
      'All clusters',
      M(1500),
      M(1500),
    ]);
    const ledger = office.getByRole('table', { name: 'Budget lines, newest fiscal year first' });
    const lines = ledger.locator('tbody tr');
    await expect.poll(() => lines.count()).toBe(3);
    for (const line of await lines.all()) {
      const [fy, , kind, , source] = await cells(line);
      expect([fy, kind]).toEqual(['FY2005', 'MEXT subsidy']);
      expect(source).toContain(`evaluation round ${ROUND.key}`);
    }
    await shot(office, '12-ledger-2005-en');
  });

  it('8. the public reads the results without evaluators’ names, in Japanese and English, and on the cluster page', async () => {
    const words = {
      ja: {
        results: '公表された結果（順位順）',
        comment: (c: string) => COMMENTS[c]![0],
        panel: (cluster: string) => `${cluster}の公表された評価結果（新しい年度順）`,
        rankOf: '3クラスター中1位',
        kind: '中間評価 · 重み 第1版',
      },
      en: {
        results: 'Published results in rank order',
        comment: (c: string) => COMMENTS[c]![1],
        panel: (cluster: string) => `Published evaluation results of ${cluster}, newest fiscal year first`,
        rankOf: '1 of 3',
        kind: 'Intermediate evaluation · weight set version 1',
      },
    } as const;
    for (const locale of ['ja', 'en'] as const) {
      const w = words[locale];
      const visitor = await newPage(locale);
      await visitor.goto('/evaluations');
      const listed = visitor.getByRole('row').filter({ hasText: ROUND[locale] });
      await expect.poll(async () => (await cells(listed)).at(-1)).toBe('3');
      await axe(visitor, `public evaluations list (${locale})`);
      await listed.getByRole('link', { name: ROUND[locale] }).click();
      await visitor.waitForURL(`**/evaluations/${ROUND.key}`);
      const table = visitor.getByRole('table', { name: w.results });
      const rowOf = (c: { ja: string; en: string }) => table.getByRole('row').filter({ hasText: c[locale] });
      await expect
        .poll(() => cells(rowOf(KYOTO)))
        .toEqual(['1', KYOTO[locale], 'S', '3.75', '91.7', '2', w.comment(KYOTO.key)]);
      expect(await cells(rowOf(KOBE))).toEqual([
        '2',
        KOBE[locale],
        'A',
        '3.00',
        '66.7',
        '1',
        w.comment(KOBE.key),
      ]);
      expect(await cells(rowOf(HAMAMATSU))).toEqual([
        '3',
        HAMAMATSU[locale],
        'B',
        '1.85',
        '28.3',
        '2',
        w.comment(HAMAMATSU.key),
      ]);
      // Evaluators (and the weighting group) are never named to the public.
      const main = visitor.locator('main');
      await visitor.waitForLoadState('networkidle');
      for (const name of ['sato', 'miller', 'omori', 'baker', 'evaluation-officer'])
        expect(await text(main)).not.toContain(name);
      await shot(visitor, `13-public-round-${locale}`);
      await axe(visitor, `public round results (${locale})`);

      await rowOf(KYOTO).getByRole('link', { name: KYOTO[locale], exact: true }).click();
      await visitor.waitForURL('**/clusters/kyoto');
      const panel = visitor.getByRole('table', { name: w.panel(KYOTO[locale]) });
      const result = panel.getByRole('row').filter({ hasText: ROUND[locale] });
      await expect
        .poll(async () => (await cells(result)).slice(1))
        .toEqual([`${ROUND[locale]}${w.kind}`, 'S', '3.75', '91.7', w.rankOf, '2']);
      expect(await text(panel)).toContain(w.comment(KYOTO.key));
      await shot(visitor, `14-cluster-${locale}`);
      await axe(visitor, `cluster page with its evaluation (${locale})`);
    }
  });

  it('9. the officer’s main screens also read in the other language', async () => {
    // In English: the rounds list, the members and assignments, the interviews and grading progress.
    await office.goto('/rounds');
    const listed = office.getByRole('row').filter({ hasText: ROUND.en });
    await expect
      .poll(() => cells(listed))
      .toEqual([ROUND.en, 'Intermediate evaluation', 'FY2004', 'Published', '3', '23 Mar 2005']);
    await axe(office, 'rounds list (en)');
    await listed.getByRole('link', { name: ROUND.en }).click();
    await office.getByRole('tab', { name: 'Members & assignments' }).click();
    await expect
      .poll(() => text(office.locator('main')))
      .toContain('6 of 6 pairs assigned; 1 excluded by a conflict of interest.');
    await axe(office, 'round members (en)');
    await office.getByRole('tab', { name: 'Interviews' }).click();
    await expect
      .poll(() => text(office.getByRole('article', { name: KYOTO.en })))
      .toContain('Minutes recorded for 1 of 8 criterion items');
    await axe(office, 'interviews (en)');
    await office.getByRole('tab', { name: 'Grading' }).click();
    await expect.poll(() => text(office.locator('main'))).toContain('5 of 5 gradings submitted');
    await axe(office, 'grading progress (en)');

    // Back in Japanese: the scores as published and the committed allocation.
    await office.getByRole('radiogroup', { name: 'Language' }).getByText('日本語').click();
    await office.getByRole('tab', { name: '集計結果' }).click();
    await office.waitForURL(`**${roundUrl('scores')}`);
    const ranking = office.getByRole('table', { name: /^順位順のクラスター/ });
    await expect
      .poll(() => cells(ranking.getByRole('row').filter({ hasText: KYOTO.ja }).first()))
      .toEqual(['▸', '1', KYOTO.ja, 'S', '3.75', '91.7', '2', '0', '記入済み']);
    expect(await text(office.locator('main'))).toContain('ラウンド全体のクリッペンドルフのα：0.816');
    await shot(office, '15-scores-published-ja');
    await axe(office, 'scores (ja)');
    await office.getByRole('tab', { name: '次年度配分' }).click();
    const plan = office.getByRole('table', { name: /^平成17年度の確定済み配分/ });
    await expect
      .poll(async () => (await cells(plan.locator('thead tr'))).slice(0, 9))
      .toEqual([
        '順位',
        'クラスター',
        '評価区分',
        '総合点',
        '配分区分',
        '区分の増減率',
        '現行（平成16年度）',
        '案',
        '配分額（平成17年度）',
      ]);
    expect((await cells(plan.getByRole('row').filter({ hasText: KYOTO.ja })))[8]).toBe('581百万円');
    await shot(office, '16-allocation-ja');
    await axe(office, 'allocation (ja)');

    // Kyoto's headquarters read their submitted report in Japanese.
    await hq.getByRole('radiogroup', { name: 'Language' }).getByText('日本語').click();
    await hq.goto(roundUrl('self-evaluations'));
    await expect.poll(() => text(hq.locator('main'))).toContain(`貴クラスターの自己評価書：${KYOTO.ja}`);
    await axe(hq, 'self-evaluations list (ja)');
  });
});
