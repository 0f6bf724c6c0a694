/**
 * Renders the calls and proposals pages on the server (react-dom/server) with the answers of a
 * real API, so a page that breaks on the shape it is given fails here rather than in the browser.
 * Both features are rendered here, in the app layer, as one flow; neither feature imports the other.
 */
import { createElement as h } from 'react';
import i18n from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/support/test-app';
import { createOrganization, signInNew } from '../../../test/support/factories';
import { insertCall } from '../../../test/support/selection';
import { CallOverviewPage } from '../features/selection-calls/pages/CallOverviewPage';
import { CallProposalsPage } from '../features/selection-calls/pages/CallProposalsPage';
import { CallsPage } from '../features/selection-calls/pages/CallsPage';
import { ProposalEditorPage } from '../features/selection-proposals/pages/ProposalEditorPage';
import { ProposalsPage } from '../features/selection-proposals/pages/ProposalsPage';
import { renderPage as render } from '../../../test/support/render-page';

describe('calls and proposals pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite');
  });
  afterAll(async () => t?.close());

  it('render the officer and proposer views in both languages', async () => {
    const officer = (await signInNew(t, 'programme_officer')).client;
    const org = (await createOrganization(officer, { kind: 'local_government' })).id;
    const proposer = (await signInNew(t, 'proposer', { scopeType: 'organization', scopeId: org })).client;
    const call = await insertCall(t.database.db);
    const created = await proposer.post(`/api/v1/calls/${call.key}/proposals`, {
      title: { ja: '札幌IT', en: 'Sapporo IT' },
      region: { ja: '札幌', en: 'Sapporo' },
      keyField: 'it',
    });
    const proposal = (
      await proposer.patch(`/api/v1/proposals/${created.body.id}`, {
        version: created.body.version,
        budgetPlan: [2002, 2003, 2004, 2005, 2006].map((fiscalYear) => ({
          fiscalYear,
          subsidyYen: 500_000_000,
          localYen: 100_000_000,
          otherYen: 0,
        })),
      })
    ).body;
    const list = (await officer.get('/api/v1/calls')).body;
    const detail = (await officer.get(`/api/v1/calls/${call.key}`)).body;
    const proposals = (await officer.get(`/api/v1/calls/${call.key}/proposals`)).body;
    const mine = (await proposer.get('/api/v1/proposals')).body;
    const open = (await proposer.get('/api/v1/calls?status=open')).body;

    for (const lng of ['en', 'ja']) {
      await i18n.changeLanguage(lng);
      let html = render(h(CallsPage), [[['calls', 'list'], list]], '/calls', '/calls');
      expect(html).toContain((detail as { title: Record<string, string> }).title[lng]);
      html = render(
        h(CallOverviewPage),
        [[['calls', 'detail', call.key], detail]],
        `/calls/${call.key}`,
        '/calls/:key',
      );
      expect(html).toContain(lng === 'en' ? 'Start review' : '審査を開始');
      expect(html).toContain(lng === 'en' ? 'Focus on a specific field' : '特定分野への特化');
      html = render(
        h(CallProposalsPage),
        [
          [['calls', 'detail', call.key], detail],
          [['calls', 'proposals', call.key], proposals],
        ],
        `/calls/${call.key}/proposals`,
        '/calls/:key/proposals',
      );
      expect(html).toContain(lng === 'en' ? 'Sapporo IT' : '札幌IT');
      html = render(
        h(ProposalsPage),
        [
          [['proposals', 'mine'], mine],
          [['calls', 'list', 'open'], open],
        ],
        '/proposals',
        '/proposals',
      );
      expect(html).toContain(lng === 'en' ? 'Start a proposal' : '提案を作成');
      html = render(
        h(ProposalEditorPage),
        [[['proposals', 'detail', proposal.id], proposal]],
        `/proposals/${proposal.id}`,
        '/proposals/:id',
      );
      expect(html).toContain(lng === 'en' ? '5-year budget plan' : '5か年の資金計画');
      expect(html).toContain(lng === 'en' ? 'Cluster plan' : '事業計画書');
    }
  });
});
