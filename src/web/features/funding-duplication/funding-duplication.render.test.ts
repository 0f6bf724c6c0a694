/**
 * Renders the officers' duplicate-funding page with a real API's flags, the funded projects it draws
 * on, and the form that records one (its own checks and the server's refusals under the right
 * inputs), in English and Japanese.
 */
import { createElement as h, type ReactElement } from 'react';
import i18n from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInNew } from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { renderPage as render, textOf } from '../../../../test/support/render-page';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';
import { CreateFundedProjectBody } from '../../../contracts/funding';
import { ApiError } from '../../lib/api-client';
import type { FieldErrorMap } from '../../lib/form-errors';
import { SESSION_QUERY_KEY } from '../../lib/session';
import { useFieldErrors } from '../../lib/use-validation-message';
import { validateBody } from '../../lib/validation';
import { duplicatesQueryOptions } from './api/duplicates-api';
import { fundedProjectsQueryOptions } from './api/funded-projects-api';
import {
  emptyFundedProjectDraft,
  FundedProjectFields,
  fundedProjectDraftErrors,
  fundedProjectInput,
} from './components/FundedProjectModal';
import { DuplicatesPage } from './pages/DuplicatesPage';
import { FundedProjectsPage } from './pages/FundedProjectsPage';

/** The funded-project form's fields with its errors (server's answer, then the form's own), as the modal shows them. */
function Fields(props: { errors: FieldErrorMap; draft: typeof emptyFundedProjectDraft }): ReactElement {
  const fieldError = useFieldErrors(props.errors);
  return h(FundedProjectFields, {
    draft: props.draft,
    onChange: () => undefined,
    fieldError,
    clusterChoices: [{ value: 'sapporo', label: 'Sapporo' }],
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The error shown under the input labelled exactly `label` (Mantine ties them by the input's id), or null. */
function errorUnder(html: string, label: string): string | null {
  const labelled = /<label[^>]*for="([^"]+)"[^>]*>((?:(?!<\/label>).)*)<\/label>/gs;
  for (const m of html.matchAll(labelled)) {
    const text = textOf(m[2] ?? '')
      .trim()
      .replace(/\s*\*$/, '');
    if (text !== label) continue;
    const error = new RegExp(`id="${escape(m[1] ?? '')}-error"[^>]*>((?:(?!</p>|</div>).)*)`, 's').exec(html);
    return error ? textOf(error[1] ?? '').trim() : null;
  }
  throw new Error(`no input labelled "${label}"`);
}

describe('duplicate funding page', () => {
  let t: TestApp;
  let officer: HttpClient;

  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    officer = (await signInNew(t, 'programme_officer')).client;
    for (const [programme, researcherName] of [
      ['mext_knowledge_cluster', '佐藤 一郎'],
      ['jst', '佐藤　一郎'],
    ])
      await officer.post('/api/v1/funding/projects', {
        programme,
        fiscalYear: 2004,
        theme: { ja: '燃料電池用白金代替触媒の開発', en: '' },
        researcherName,
        amountYen: 10_000_000,
        source: 'test',
      });
  });
  afterAll(async () => {
    await i18n.changeLanguage('en');
    await t?.close();
  });

  it.each([
    [
      'en',
      [
        'Duplicate funding check',
        'Same principal researcher name',
        'Near-identical theme: similarity 1.00',
        'JST',
        'Mark reviewed',
      ],
    ],
    [
      'ja',
      [
        '重複申請・重複配分チェック',
        '研究代表者の氏名が同一',
        'テーマがほぼ同一：類似度 1.00',
        '確認済みにする',
      ],
    ],
  ] as const)('lists flags with their reasons in %s', async (lang, expected) => {
    await i18n.changeLanguage(lang);
    const res = await officer.get('/api/v1/funding/duplicates');
    expect(res.status).toBe(200);
    const html = render(
      h(DuplicatesPage),
      [[duplicatesQueryOptions(null, 'open').queryKey, res.body]],
      '/funding/duplicates',
      '/funding/duplicates',
    );
    for (const text of expected) expect(textOf(html)).toContain(text);
  });

  it.each([
    ['en', ['Funded projects', 'Duplicate funding check', 'Record funded project', 'JST', '佐藤 一郎', '¥']],
    [
      'ja',
      [
        '資金を受けた課題',
        '重複申請・重複配分チェック',
        '資金を受けた課題を記録',
        '燃料電池用白金代替触媒の開発',
      ],
    ],
  ] as const)(
    "lists funded projects with a tab back to the flags and the officers' button in %s",
    async (lang, expected) => {
      await i18n.changeLanguage(lang);
      const list = await officer.get('/api/v1/funding/projects?programme=jst');
      expect(list.status).toBe(200);
      expect((list.body as { items: unknown[] }).items).toHaveLength(1);
      const session = await officer.get('/api/v1/auth/session');
      const html = render(
        h(FundedProjectsPage),
        [
          [SESSION_QUERY_KEY, session.body],
          [fundedProjectsQueryOptions(null, 'jst').queryKey, list.body],
        ],
        '/funding/projects?programme=jst',
        '/funding/projects',
      );
      for (const text of expected) expect(textOf(html)).toContain(text);
      // The flags page links back to the list.
      const flags = render(
        h(DuplicatesPage),
        [
          [
            duplicatesQueryOptions(null, 'open').queryKey,
            (await officer.get('/api/v1/funding/duplicates')).body,
          ],
        ],
        '/funding/duplicates',
        '/funding/duplicates',
      );
      expect(textOf(flags)).toContain(lang === 'en' ? 'Funded projects' : '資金を受けた課題');
    },
  );

  it.each([
    [
      'en',
      ['Programme', 'Fiscal year', 'Amount (yen)', 'Source'],
      'Required',
      'Principal researcher',
      'Principal researcher (person record)',
      'Name the principal researcher: choose a person record or write a name.',
    ],
    [
      'ja',
      ['制度', '年度', '金額（円）', '出典'],
      '入力してください',
      '研究代表者',
      '研究代表者（人物記録）',
      '研究代表者を指定してください（人物記録を選ぶか氏名を入力）。',
    ],
  ] as const)(
    'checks a funded project before sending, naming each field, in %s',
    async (lang, requiredLabels, required, researcher, person, researcherMessage) => {
      await i18n.changeLanguage(lang);
      const draft = emptyFundedProjectDraft;
      const checked = validateBody(CreateFundedProjectBody, fundedProjectInput(draft), lang);
      const errors = {
        ...(checked.success ? {} : checked.errors),
        ...fundedProjectDraftErrors(draft, i18n.t('fundingDuplication.form.researcherRequired')),
      };
      const html = render(h(Fields, { errors, draft }), [], '/', '/');
      for (const label of requiredLabels) expect(errorUnder(html, label)).toBe(required);
      // Neither a person record nor a name: the name input says so, the person picker does not.
      expect(errorUnder(html, researcher)).toBe(researcherMessage);
      expect(errorUnder(html, person)).toBeNull();
    },
  );

  it("puts the server's refusal of an unknown cluster under the cluster picker", async () => {
    await i18n.changeLanguage('en');
    const draft = {
      ...emptyFundedProjectDraft,
      programme: 'jst' as const,
      fiscalYear: 2004,
      themeEn: 'Snow sensors',
      researcherName: 'Ito',
      cluster: 'atlantis',
      amountYen: 1_000_000,
      source: 'test',
    };
    const refused = await officer.post('/api/v1/funding/projects', fundedProjectInput(draft));
    expect(refused.status).toBe(422);
    const error = new ApiError({
      status: refused.status,
      code: refused.body.code,
      title: refused.body.title,
      detail: refused.body.detail,
      fieldErrors: refused.body.errors,
    });
    const html = render(
      h(Fields, { errors: { 'body.cluster': error.fieldError('body.cluster') ?? '' }, draft }),
      [],
      '/',
      '/',
    );
    expect(errorUnder(html, 'Knowledge cluster')).toBeTruthy();
    expect(errorUnder(html, 'Amount (yen)')).toBeNull();
  });
});
