/**
 * A whole selection call in a real browser, in Japanese and English: an officer creates a call and
 * opens it; a local government drafts its proposal, attaches a PDF and submits it while a second
 * region submits through the API; the officer pools two reviewers (one from the second region's
 * prefecture, so detection finds a conflict of interest), assigns automatically and confirms the
 * conflict; the reviewers declare and score; the officer reveals reviews, records a consensus score
 * where they disagree, decides, publishes and creates the cluster; the public sees the selected
 * region and each proposer its own result. Both languages run on the main screens, with axe-core.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../src/server/context';
import { createOrganization } from '../../src/server/modules/organizations/organization.service';
import { type BrowserEnv, HAS_BROWSER, startBrowserEnv } from './browser-harness';
import { apiAs, axe, choose, type Locale, screenshotsIn, signIn, text, type User } from './flow-helpers';

const SHOTS = '/tmp/sel-e2e-shots';
const shot = screenshotsIn(SHOTS);

/** The 2001 selection criteria the new call copies (data/reference/criteria.json). */
const CRITERIA = (
  JSON.parse(fs.readFileSync(path.resolve('data/reference/criteria.json'), 'utf8')) as {
    selection_2001: {
      groups: { key: string; en: string; ja: string; items: { key: string; en: string; ja: string }[] }[];
    };
  }
).selection_2001.groups;
const ITEMS = CRITERIA.flatMap((g) => g.items);
const item = (key: string) => ITEMS.find((i) => i.key === key)!;

/** A small but well-formed one-page PDF (catalog, page tree, page, content stream, font, xref). */
function minimalPdf(text: string): Buffer {
  const content = `BT /F1 18 Tf 72 770 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A datetime-local value `days` from now at 17:00 local time, as the call form writes it. */
function localAt(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T17:00`;
}

const CALL = {
  key: 'fy2027-regions-e2e',
  ja: '2027年度 知的クラスター創成事業 地域選定',
  en: 'FY2027 Knowledge Cluster Initiative — selection of regions',
  fiscalYear: 2027,
};
const TSUKUBA = {
  titleJa: 'つくばナノテク知的クラスター構想',
  titleEn: 'Tsukuba Nanotech Knowledge Cluster Plan',
  regionJa: 'つくば',
  regionEn: 'Tsukuba',
};
const TOYAMA = {
  titleJa: '富山湾岸バイオ知的クラスター構想',
  titleEn: 'Toyama Bay Bio Knowledge Cluster Plan',
  regionJa: '富山湾岸',
  regionEn: 'Toyama Bay',
};
/** The criterion the two reviewers of Tsukuba disagree on (5 against 2), settled by consensus at 4. */
const DISPUTED = 'technical.business';

describe.skipIf(!HAS_BROWSER)('a whole selection call in Chromium, in Japanese and English', () => {
  let env: BrowserEnv;
  let officer: User;
  let proposerA: User;
  let proposerB: User;
  let reviewer1: User;
  let reviewer2: User;
  let coreTsukubaName: string;
  const opened: BrowserContext[] = [];
  let office: Page;
  let ibaraki: Page;
  let takada: Page;
  let tsukubaId = 0;
  let toyamaId = 0;
  const pdf = minimalPdf('Tsukuba Nanotech Knowledge Cluster plan');

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
    const org = (
      kind: 'local_government' | 'public_research_institute',
      ja: string,
      en: string,
      prefectureCode: string,
    ) =>
      createOrganization(system, {
        kind,
        name: { ja, en },
        prefectureCode,
        url: null,
        source: 'e2e fixture',
      });
    const ibaraki = await org('local_government', '茨城県', 'Ibaraki Prefecture', '08');
    const toyama = await org('local_government', '富山県', 'Toyama Prefecture', '16');
    coreTsukubaName = 'Tsukuba Science City Network';
    await org('public_research_institute', '筑波研究学園都市交流協議会', coreTsukubaName, '08');
    await org('public_research_institute', '富山県新世紀産業機構', 'Toyama New Industry Organization', '16');
    officer = await env.createUser('selection-officer@mext.example.jp', [{ role: 'programme_officer' }]);
    proposerA = await env.createUser('kikaku@pref.ibaraki.example.jp', [
      { role: 'proposer', scopeType: 'organization', scopeId: ibaraki.id },
    ]);
    proposerB = await env.createUser('kikaku@pref.toyama.example.jp', [
      { role: 'proposer', scopeType: 'organization', scopeId: toyama.id },
    ]);
    reviewer1 = await env.createUser('sato.hanako@review.example.jp', [{ role: 'evaluator' }]);
    reviewer2 = await env.createUser('takada.ken@review.example.jp', [{ role: 'evaluator' }]);
  });
  afterAll(async () => {
    for (const c of opened) await c.close().catch(() => undefined);
    await env?.close();
  });

  it('1. an officer creates the call with its criteria and opens it (Japanese)', async () => {
    office = await newPage('ja');
    await signIn(office, officer, 'ja');
    await office.goto('/calls');
    await expect.poll(() => office.getByRole('heading', { level: 1 }).innerText()).toBe('公募');
    await office.getByRole('button', { name: '新しい公募', exact: true }).click();
    const form = office.getByRole('dialog', { name: '新しい公募' });
    // The criteria arrive from the 2001 template; the create button waits for them.
    await form.getByRole('textbox', { name: `${item('technical.competence').ja}の重み` }).waitFor();
    await form.getByRole('textbox', { name: /^キー/ }).first().fill(CALL.key);
    await form.getByRole('textbox', { name: '名称（日本語）' }).first().fill(CALL.ja);
    await form.getByRole('textbox', { name: '名称（英語）' }).first().fill(CALL.en);
    await form.getByRole('textbox', { name: '年度', exact: true }).fill(String(CALL.fiscalYear));
    await form.getByRole('textbox', { name: '選定地域数' }).fill('1');
    await form.getByRole('textbox', { name: '1クラスター当たり予算（年額）' }).fill('500000000');
    await form.getByRole('textbox', { name: '予算総額（年額）' }).fill('1000000000');
    await form.getByLabel('提出期限', { exact: true }).fill(localAt(21));
    await form.getByLabel('審査期限', { exact: true }).fill(localAt(45));
    await form.getByLabel('選定期限', { exact: true }).fill(localAt(75));
    await form.getByRole('textbox', { name: '提案当たり審査員数' }).fill('2');
    // Research competence counts double; it also breaks ties.
    await form.getByRole('textbox', { name: `${item('technical.competence').ja}の重み` }).fill('2');
    await choose(
      office,
      form.getByRole('combobox', { name: /^同点時の優先評価項目/ }),
      item('technical.competence').ja,
    );
    await office.keyboard.press('Escape');
    await shot(office, '01-new-call-form-ja');
    await form.getByRole('button', { name: '下書きとして作成', exact: true }).click();
    await office.waitForURL(`**/calls/${CALL.key}`);
    await expect.poll(() => office.getByRole('heading', { level: 1 }).innerText()).toBe(CALL.ja);
    const main = office.locator('main');
    await expect.poll(() => main.innerText()).toContain('下書き');
    expect(await main.innerText()).toContain('提案当たり2名');
    const created = (await (await office.request.get(`/api/v1/calls/${CALL.key}`)).json()) as {
      criteria: { items: { key: string; weight: number }[] }[];
    };
    expect(created).toMatchObject({
      title: { ja: CALL.ja, en: CALL.en },
      fiscalYear: CALL.fiscalYear,
      slots: 1,
      budgetPerClusterYen: 500_000_000,
      totalBudgetYen: 1_000_000_000,
      reviewersPerProposal: 2,
      tieBreak: [{ kind: 'criterion', criterion: 'technical.competence' }],
    });
    const weights = created.criteria.flatMap((g) => g.items).map((i) => [i.key, i.weight]);
    expect(weights).toHaveLength(ITEMS.length);
    expect(Object.fromEntries(weights)).toMatchObject({ 'technical.competence': 2, 'basic.focus': 1 });

    await office.getByRole('button', { name: '公募を開始', exact: true }).click();
    await expect.poll(() => main.innerText()).toContain('公募中');
    await office.getByRole('button', { name: '審査を開始', exact: true }).waitFor();
    await shot(office, '02-call-open-ja');
  });

  it('2. a local government drafts its proposal, attaches a PDF and submits it (English); a second region submits', async () => {
    ibaraki = await newPage('en');
    const page = ibaraki;
    await signIn(page, proposerA, 'en');
    await page.goto('/proposals');
    const openCalls = page.getByRole('row').filter({ hasText: CALL.en });
    await openCalls.getByRole('button', { name: 'Start a proposal', exact: true }).click();
    const start = page.getByRole('dialog', { name: `New proposal to ${CALL.en}` });
    await start.getByRole('textbox', { name: 'Title (Japanese)' }).fill(TSUKUBA.titleJa);
    await start.getByRole('textbox', { name: 'Title (English)' }).fill(TSUKUBA.titleEn);
    await start.getByRole('textbox', { name: 'Region (Japanese)' }).fill(TSUKUBA.regionJa);
    await start.getByRole('textbox', { name: 'Region (English)' }).fill(TSUKUBA.regionEn);
    await choose(page, start.getByRole('combobox', { name: /^Key field/ }), 'Nanotech/Materials');
    await start.getByRole('button', { name: 'Create the draft', exact: true }).click();
    await page.waitForURL(/\/proposals\/\d+$/);
    tsukubaId = Number(new URL(page.url()).pathname.split('/').pop());
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(TSUKUBA.titleEn);

    // Region, organizations, one narrative per criterion group, the 5-year budget and a target.
    await choose(page, page.getByRole('combobox', { name: 'Prefectures' }), 'Ibaraki', 'Ibar');
    await page.keyboard.press('Escape');
    await choose(page, page.getByRole('combobox', { name: 'Core organization' }), coreTsukubaName, 'Tsukuba');
    await page
      .getByRole('textbox', { name: 'Cluster headquarters plan' })
      .fill('Headquarters in the Tsukuba Science City Network, director from industry, 6 coordinators.');
    await page.getByRole('button', { name: 'Add a participant', exact: true }).click();
    await page.getByRole('textbox', { name: 'Name (Japanese)' }).fill('筑波大学');
    await page.getByRole('textbox', { name: 'Name (English)' }).fill('University of Tsukuba');
    for (const g of CRITERIA)
      await page
        .getByRole('textbox', { name: g.en, exact: true })
        .fill(`Tsukuba on “${g.en}”: nanomaterials for devices, with the national institutes in the city.`);
    for (let fy = CALL.fiscalYear; fy < CALL.fiscalYear + 5; fy++) {
      await page.getByRole('textbox', { name: `MEXT subsidy FY${fy}` }).fill('500000');
      await page.getByRole('textbox', { name: `Local funds FY${fy}` }).fill('120000');
    }
    await expect.poll(() => page.locator('main').innerText()).toContain('Requested yearly subsidy');
    await page.getByRole('button', { name: 'Add a target', exact: true }).click();
    await page.getByRole('textbox', { name: 'Target', exact: true }).fill('12');

    // The plan itself, uploaded before saving: the edits above must survive the upload.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Upload a file' }).first().click();
    await (await chooser).setFiles({ name: 'tsukuba-plan.pdf', mimeType: 'application/pdf', buffer: pdf });
    const attachments = page.getByRole('heading', { name: 'Attachments' }).locator('..');
    await expect.poll(() => attachments.innerText()).toContain('tsukuba-plan.pdf');
    expect(await page.getByRole('textbox', { name: 'Cluster headquarters plan' }).inputValue()).toContain(
      'Headquarters in the Tsukuba',
    );
    await shot(page, '03-proposal-editor-en');
    await axe(page, 'proposal editor (en)');

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await expect.poll(() => text(page.locator('main'))).toContain('Submitted');
    await expect.poll(() => page.getByRole('button', { name: 'Submit', exact: true }).count()).toBe(0);
    const saved = await page.request.get(`/api/v1/proposals/${tsukubaId}`);
    expect(await saved.json()).toMatchObject({
      status: 'submitted',
      prefectures: ['08'],
      keyField: 'nanotech_materials',
      requestedYen: 500_000_000,
      attachments: [{ fileName: 'tsukuba-plan.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length }],
    });

    // Toyama's proposal goes in through the API: it only has to exist for ranking and the conflict.
    const toyama = await apiAs(env.baseUrl, proposerB);
    const created = await toyama.send<{ id: number; version: number }>(
      'POST',
      `/api/v1/calls/${CALL.key}/proposals`,
      {
        title: { ja: TOYAMA.titleJa, en: TOYAMA.titleEn },
        region: { ja: TOYAMA.regionJa, en: TOYAMA.regionEn },
        keyField: 'life_sciences',
        prefectures: ['16'],
      },
    );
    toyamaId = created.id;
    const orgs = await toyama.send<{ items: { id: number }[] }>(
      'GET',
      '/api/v1/organizations?q=Toyama%20New%20Industry',
    );
    const edited = await toyama.send<{ version: number }>('PATCH', `/api/v1/proposals/${toyamaId}`, {
      version: created.version,
      coreOrganizationId: orgs.items[0]!.id,
      headquartersPlan: '富山県新世紀産業機構に本部を置く。',
      narratives: Object.fromEntries(CRITERIA.map((g) => [g.key, `富山湾岸の${g.ja}について。`])),
      budgetPlan: [0, 1, 2, 3, 4].map((i) => ({
        fiscalYear: CALL.fiscalYear + i,
        subsidyYen: 400_000_000,
        localYen: 100_000_000,
        otherYen: 0,
      })),
    });
    await toyama.upload(`/api/v1/proposals/${toyamaId}/attachments`, 'plan', {
      name: 'toyama-plan.pdf',
      buffer: minimalPdf('Toyama Bay plan'),
    });
    await toyama.send('POST', `/api/v1/proposals/${toyamaId}/submit`, { version: edited.version });
    await toyama.dispose();

    // The proposer's list shows the submitted proposal.
    await page.goto('/proposals');
    const mine = page.getByRole('row').filter({ hasText: TSUKUBA.titleEn });
    await expect.poll(() => text(mine)).toContain('Submitted');
  });

  it('3. the officer pools reviewers, assigns automatically and confirms the detected conflict (Japanese)', async () => {
    // Takada keeps his reviewer profile himself: his prefecture is Toyama's (English).
    takada = await newPage('en');
    await signIn(takada, reviewer2, 'en');
    await takada.goto('/reviews');
    await expect.poll(() => takada.locator('main').innerText()).toContain('No reviews are assigned to you.');
    await choose(
      takada,
      takada.getByRole('combobox', { name: 'Expertise (key fields)' }),
      'Nanotech/Materials',
    );
    await takada.keyboard.press('Escape');
    await choose(takada, takada.getByRole('combobox', { name: 'Prefecture' }), 'Toyama', 'Toya');
    await takada.getByRole('button', { name: 'Save profile', exact: true }).click();
    await expect.poll(() => takada.locator('main').innerText()).toContain('Profile saved.');

    // The call moves to review; the officer builds the pool.
    await office.goto(`/calls/${CALL.key}`);
    await office.getByRole('button', { name: '審査を開始', exact: true }).click();
    await expect.poll(() => office.locator('main').innerText()).toContain('審査中');
    await office.getByRole('tab', { name: '審査員と割当' }).click();
    await office.waitForURL(`**/calls/${CALL.key}/review`);
    await expect.poll(() => office.getByRole('heading', { level: 1 }).innerText()).toBe('審査');
    for (const who of ['sato.hanako', 'takada.ken']) {
      await choose(office, office.getByRole('combobox', { name: '評価者を追加' }), new RegExp(who));
      await office.getByRole('button', { name: 'プールに追加', exact: true }).click();
      await expect.poll(() => office.getByRole('table').first().innerText()).toContain(who);
    }

    // Automatic assignment: preview first (nothing saved), then commit.
    await office.getByRole('button', { name: 'プレビュー', exact: true }).click();
    const main = office.locator('main');
    await expect
      .poll(() => main.innerText())
      .toContain('プレビュー：新規割当 3 件（まだ保存されていません）。');
    // Takada may not review Toyama: Toyama gets one reviewer of two.
    expect(await main.innerText()).toContain(
      `${TOYAMA.titleJa}：2 名中 1 名のみ — 利益相反のない審査員が不足しています。`,
    );
    await office.getByRole('button', { name: '確定', exact: true }).click();
    await expect.poll(() => main.innerText()).toContain('新規割当 3 件を保存しました。');
    const toyamaRow = office
      .getByRole('row')
      .filter({ hasText: TOYAMA.regionJa })
      .filter({ hasText: '利益相反' });
    await expect.poll(() => toyamaRow.count()).toBe(1);
    await shot(office, '04-review-assignment-ja');
    await axe(office, 'review page (ja)');

    // The conflict detected when Takada joined the pool waits for a ruling.
    await office.getByRole('tab', { name: '利益相反' }).click();
    await office.waitForURL(`**/calls/${CALL.key}/conflicts`);
    const conflict = office.getByRole('row').filter({ hasText: 'takada.ken' });
    await expect.poll(() => conflict.innerText()).toContain('同一都道府県');
    expect(await conflict.innerText()).toContain(TOYAMA.titleJa);
    expect(await conflict.innerText()).toContain('未判断');
    await conflict.getByRole('textbox', { name: 'メモ（必須）' }).fill('所属機関が富山県内にあるため。');
    await conflict.getByRole('button', { name: '確認', exact: true }).click();
    await expect.poll(() => conflict.innerText()).toContain('確認済');
    expect(await conflict.innerText()).toContain('所属機関が富山県内にあるため。');
    await shot(office, '05-conflicts-ja');
  });

  /** Declares no conflict on the assignment of `proposalTitle`, scores every criterion with a comment, submits. */
  async function review(
    page: Page,
    locale: Locale,
    proposalTitle: string,
    scores: Record<string, number>,
  ): Promise<void> {
    const w =
      locale === 'ja'
        ? {
            none: 'この提案との利益相反はありません',
            declare: '申告する',
            score: (c: string) => `${c}の評点`,
            comment: (c: string) => `${c}へのコメント`,
            overall: '総合コメント',
            saveDraft: '下書き保存',
            saved: '下書きを保存しました。',
            submit: '提出',
            submitted: '提出済みです。他の審査員の評点は事務局の開示後に表示されます。',
          }
        : {
            none: 'I have no conflict of interest with this proposal',
            declare: 'Declare',
            score: (c: string) => `Score for ${c}`,
            comment: (c: string) => `Comment on ${c}`,
            overall: 'Overall comment',
            saveDraft: 'Save draft',
            saved: 'Draft saved.',
            submit: 'Submit',
            submitted: "Submitted. Other reviewers' scores appear once the officer reveals reviews.",
          };
    await page.goto('/reviews');
    await page.getByRole('link', { name: proposalTitle, exact: true }).click();
    await page.waitForURL(/\/reviews\/\d+$/);
    const declare = page.getByRole('dialog');
    await declare.getByRole('radio', { name: w.none }).check();
    await declare.getByRole('button', { name: w.declare, exact: true }).click();
    await expect.poll(() => declare.count()).toBe(0);
    // The proposal opens only now, with its PDF.
    await page.getByRole('link', { name: 'tsukuba-plan.pdf' }).waitFor();
    for (const i of ITEMS) {
      const label = i[locale];
      await choose(page, page.getByRole('combobox', { name: w.score(label) }), String(scores[i.key] ?? 4));
      await page.getByRole('textbox', { name: w.comment(label) }).fill(`${label}: ${scores[i.key] ?? 4}/5`);
    }
    await page.getByRole('textbox', { name: w.overall }).fill(`${proposalTitle} — ${locale} review`);
    await page.getByRole('button', { name: w.saveDraft, exact: true }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain(w.saved);
    await page.getByRole('button', { name: w.submit, exact: true }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain(w.submitted);
  }

  it('4. each reviewer declares no conflict, scores every criterion with comments and submits (Japanese and English)', async () => {
    const sato = await newPage('ja');
    await signIn(sato, reviewer1, 'ja');
    await sato.goto('/reviews');
    await expect.poll(() => sato.getByRole('heading', { level: 1 }).innerText()).toBe('担当審査');
    await expect.poll(() => sato.locator('main').innerText()).toContain('未完了の審査が 2 件あります。');
    await review(sato, 'ja', TSUKUBA.titleJa, { [DISPUTED]: 5 });
    // The attachment downloads as the very PDF uploaded.
    const href = await sato.getByRole('link', { name: 'tsukuba-plan.pdf' }).getAttribute('href');
    const download = await sato.request.get(href!);
    expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);
    await shot(sato, '06-review-submitted-ja');
    await axe(sato, 'review scoring page (ja)');

    await review(takada, 'en', TSUKUBA.titleEn, { [DISPUTED]: 2 });
    await shot(takada, '07-review-submitted-en');
    await takada.goto('/reviews');
    await expect
      .poll(() => text(takada.getByRole('row').filter({ hasText: TSUKUBA.titleEn })))
      .toContain('Submitted');
    // Takada never sees Toyama's proposal.
    expect(await takada.locator('main').innerText()).not.toContain(TOYAMA.titleEn);

    // Sato's review of Toyama goes in through the API.
    const api = await apiAs(env.baseUrl, reviewer1);
    const mine = await api.send<{ assignments: { id: number; proposal: { id: number } }[] }>(
      'GET',
      '/api/v1/reviews/assignments',
    );
    const assignment = mine.assignments.find((a) => a.proposal.id === toyamaId)!;
    await api.send('POST', `/api/v1/reviews/assignments/${assignment.id}/declare`, { conflict: false });
    await api.send('POST', `/api/v1/reviews/assignments/${assignment.id}/submit`, {
      scores: Object.fromEntries(ITEMS.map((i) => [i.key, 3])),
      comments: { [DISPUTED]: '事業化の見通しがまだ具体的でない。' },
      overallComment: '地域の体制は整っているが、研究開発の核が弱い。',
    });
    await api.dispose();
  });

  it('5. the officer reveals reviews, settles the disagreement, decides, publishes and creates the cluster (English)', async () => {
    // The officer switches the interface to English.
    await office.goto(`/calls/${CALL.key}/review`);
    await office.getByRole('radiogroup', { name: '表示言語' }).getByText('English').click();
    await expect.poll(() => office.getByRole('heading', { level: 1 }).innerText()).toBe('Review');

    await office.getByRole('button', { name: 'Reveal reviews', exact: true }).click();
    await expect.poll(() => text(office.locator('main'))).toContain('Reviews revealed');
    const consensus = office.getByRole('heading', { name: 'Consensus', exact: true }).locator('..');
    const tsukubaLine = consensus.getByRole('row').filter({ hasText: TSUKUBA.titleEn });
    await expect.poll(() => tsukubaLine.innerText()).toContain('2 / 2');
    expect(await text(tsukubaLine)).toMatch(/1 criteri(a|on) disagree/);
    await tsukubaLine.getByRole('button', { name: 'Open', exact: true }).click();
    const disputed = consensus.getByRole('row').filter({ hasText: item(DISPUTED).en });
    await expect.poll(() => disputed.innerText()).toContain('2–5');
    await disputed.getByRole('textbox', { name: 'Agreed score' }).fill('4');
    await disputed
      .getByRole('textbox', { name: 'Comment' })
      .fill('Agreed after discussion: the spin-off plan is credible.');
    await disputed.getByRole('button', { name: 'Record', exact: true }).click();
    await disputed.getByRole('button', { name: 'Remove', exact: true }).waitFor();
    await expect.poll(() => tsukubaLine.locator('td').nth(3).innerText()).toBe('1');
    await shot(office, '08-consensus-en');

    // Decision step.
    await office.getByRole('tab', { name: 'Overview' }).click();
    await office.getByRole('button', { name: 'Start decision', exact: true }).click();
    await expect.poll(() => text(office.locator('main'))).toContain('Decision');
    await office.getByRole('tab', { name: 'Ranking & decisions' }).click();
    await office.waitForURL(`**/calls/${CALL.key}/results`);
    const ranked = office.getByRole('table', { name: /^Ranked proposals/ });
    const rowOf = (region: string) =>
      ranked.getByRole('row').filter({ has: office.getByText(region, { exact: true }) });
    await expect.poll(() => text(rowOf(TSUKUBA.regionEn))).toContain('Within limits');
    expect((await rowOf(TSUKUBA.regionEn).locator('td').nth(1).innerText()).trim()).toBe('1');
    expect((await rowOf(TOYAMA.regionEn).locator('td').nth(1).innerText()).trim()).toBe('2');

    const decide = async (region: string, action: string, reason: string, comment: string) => {
      await rowOf(region).getByRole('button', { name: 'Decide', exact: true }).click();
      await office.getByRole('menuitem', { name: action }).click();
      const dialog = office.getByRole('dialog', { name: 'Decision' });
      await dialog.getByRole('textbox', { name: /^Reason/ }).fill(reason);
      await dialog.getByRole('textbox', { name: /^Consolidated comment/ }).fill(comment);
      await dialog.getByRole('button', { name: 'Record decision', exact: true }).click();
      await expect.poll(() => dialog.count()).toBe(0);
    };
    await decide(
      TSUKUBA.regionEn,
      'Select…',
      'Ranked first within the single slot and the budget.',
      'A strong nanotech base with credible paths to business.',
    );
    await decide(
      TOYAMA.regionEn,
      'Reject…',
      'Ranked second; the call has one slot.',
      'The R&D core needs to be stronger before a cluster can form.',
    );
    await expect.poll(() => text(rowOf(TSUKUBA.regionEn))).toContain('Selected');
    await expect.poll(() => text(rowOf(TOYAMA.regionEn))).toContain('Not selected');
    await shot(office, '09-results-decided-en');
    await axe(office, 'results page (en)');

    // Announcement date, publication, and the cluster from the selected proposal.
    const today = new Date().toISOString().slice(0, 10);
    await office.getByLabel('Announcement date').fill(today);
    await office.getByRole('button', { name: 'Save date', exact: true }).click();
    await office.getByRole('button', { name: 'Publish results', exact: true }).click();
    // Shown the way the app formats dates: en-GB medium style in Japan time.
    const shown = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Asia/Tokyo' }).format(
      new Date(today),
    );
    await expect.poll(() => office.locator('main').innerText()).toContain(`Published (announced ${shown}`);
    await rowOf(TSUKUBA.regionEn).getByRole('button', { name: 'Create cluster', exact: true }).click();
    await rowOf(TSUKUBA.regionEn).getByRole('link', { name: 'Cluster', exact: true }).click();
    await office.waitForURL('**/clusters/tsukuba');
    await expect.poll(() => office.getByRole('heading', { level: 1 }).innerText()).toContain('Tsukuba');
    await shot(office, '10-cluster-en');
  });

  it('6. the public sees the selected region and each proposer its own result (Japanese and English)', async () => {
    // Signed out, in Japanese.
    const visitor = await newPage('ja');
    await visitor.goto('/selection');
    await expect.poll(() => visitor.getByRole('heading', { level: 1 }).innerText()).toBe('選定結果');
    await expect.poll(() => visitor.locator('main').innerText()).toContain('提案2件中1件が採択・試行地域');
    await visitor.getByRole('link', { name: CALL.ja }).click();
    await visitor.waitForURL(`**/selection/${CALL.key}`);
    const selected = visitor.getByRole('row').filter({ hasText: TSUKUBA.titleJa });
    await expect.poll(() => selected.innerText()).toContain('採択');
    await expect.poll(() => text(selected)).toContain('茨城県'); // prefecture names arrive with the reference data
    expect(await visitor.locator('main').innerText()).not.toContain(TOYAMA.regionJa);
    await shot(visitor, '11-public-call-ja');
    await axe(visitor, 'public selection call page (ja)');

    // Signed out, in English.
    const visitorEn = await newPage('en');
    await visitorEn.goto(`/selection/${CALL.key}`);
    await expect.poll(() => visitorEn.getByRole('heading', { level: 1 }).innerText()).toBe(CALL.en);
    const selectedEn = visitorEn.getByRole('row').filter({ hasText: TSUKUBA.titleEn });
    await expect.poll(() => text(selectedEn)).toContain('Selected');
    await expect.poll(() => text(selectedEn)).toContain('Ibaraki');
    await selectedEn.getByRole('link', { name: TSUKUBA.regionEn }).click();
    await visitorEn.waitForURL('**/clusters/tsukuba');

    // Ibaraki reads its result in English, reviewers unnamed.
    await ibaraki.goto(`/proposals/${tsukubaId}`);
    await ibaraki.getByRole('link', { name: 'See the published result' }).click();
    await ibaraki.waitForURL(`**/proposals/${tsukubaId}/result`);
    const result = ibaraki.locator('main');
    await expect
      .poll(() => result.innerText())
      .toContain('Ranked first within the single slot and the budget.');
    expect(await text(result)).toContain('Selected');
    expect(await result.innerText()).toContain('1 of 2');
    expect(await result.innerText()).toContain('Reviewer 1');
    expect(await result.innerText()).not.toContain('sato.hanako');
    expect(await result.innerText()).not.toContain('takada.ken');
    await shot(ibaraki, '12-proposer-result-en');

    // Toyama reads its result in Japanese.
    const toyama = await newPage('ja');
    await signIn(toyama, proposerB, 'ja');
    await toyama.goto('/proposals');
    await toyama.getByRole('link', { name: TOYAMA.titleJa }).click();
    await toyama.getByRole('link', { name: '公表された結果を見る' }).click();
    await toyama.waitForURL(`**/proposals/${toyamaId}/result`);
    const resultJa = toyama.locator('main');
    await expect.poll(() => resultJa.innerText()).toContain('不採択');
    expect(await resultJa.innerText()).toContain('2件中2位');
    expect(await resultJa.innerText()).toContain('Ranked second; the call has one slot.');
    expect(await resultJa.innerText()).toContain('事業化の見通しがまだ具体的でない。');
    await shot(toyama, '13-proposer-result-ja');
    await axe(toyama, 'proposer result (ja)');
  });

  it('7. the main selection screens also read in the other language', async () => {
    // The officer's calls and call pages in English (they were used in Japanese).
    await office.goto('/calls');
    const call = office.getByRole('row').filter({ hasText: CALL.en });
    await expect.poll(() => text(call)).toContain('Published');
    await call.getByRole('link', { name: CALL.en }).click();
    await expect.poll(() => office.locator('main').innerText()).toContain('Criteria, weights and thresholds');
    await office.getByRole('tab', { name: 'Conflicts of interest' }).click();
    await expect
      .poll(() => text(office.getByRole('row').filter({ hasText: 'takada.ken' })))
      .toContain('Confirmed');
    await office.getByRole('tab', { name: 'Proposals' }).click();
    await expect
      .poll(() => text(office.getByRole('row').filter({ hasText: TSUKUBA.titleEn })))
      .toContain('Submitted');
    // And the results and review pages back in Japanese.
    await office.getByRole('radiogroup', { name: 'Language' }).getByText('日本語').click();
    await office.getByRole('tab', { name: '順位と決定' }).click();
    await expect
      .poll(() => office.getByRole('heading', { level: 1 }).innerText())
      .toBe(`審査結果：${CALL.ja}`);
    await expect
      .poll(() => office.getByRole('row').filter({ hasText: TSUKUBA.regionJa }).first().innerText())
      .toContain('採択');
    await shot(office, '14-results-ja');
    await office.getByRole('tab', { name: '審査員と割当' }).click();
    await expect.poll(() => office.locator('main').innerText()).toContain('開示済み');
  });
});
