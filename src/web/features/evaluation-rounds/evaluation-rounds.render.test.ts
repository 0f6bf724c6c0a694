/**
 * Renders the rounds list, a round's overview and its members page on the server (react-dom/server)
 * with the answers of a real API, in English and Japanese: an officer's round of
 * test/support/scored-round.ts in grading (four clusters, three evaluators, one conflict of
 * interest) beside a draft round. A page that breaks on the shape it is given fails here rather
 * than in the browser; the e2e suite covers interaction.
 */
import { createElement as h } from 'react';
import i18n from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoundDetail } from '../../../contracts/evaluation-rounds';
import { roundQueryOptions } from '../../lib/rounds';
import { SESSION_QUERY_KEY } from '../../lib/session';
import { signInNew, unique } from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import {
  buildScoredRound,
  handComputedGradings,
  type ScoredRound,
} from '../../../../test/support/scored-round';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';
import { roundsListOptions } from './api/rounds-api';
import { RoundMembersPage } from './pages/RoundMembersPage';
import { RoundOverviewPage } from './pages/RoundOverviewPage';
import { RoundsPage } from './pages/RoundsPage';
import { renderPage as render, textOf } from '../../../../test/support/render-page';

describe('evaluation round pages', () => {
  let t: TestApp;
  let officer: HttpClient;
  let hq: HttpClient;
  let round: ScoredRound;
  let draftKey: string;
  let evaluatorNames: string[];

  async function seedFor(client: HttpClient, key: string): Promise<[readonly unknown[], unknown][]> {
    const [session, list, detail] = await Promise.all([
      client.get('/api/v1/auth/session'),
      client.get('/api/v1/rounds'),
      client.get(`/api/v1/rounds/${key}`),
    ]);
    expect(detail.status, JSON.stringify(detail.body)).toBe(200);
    return [
      [SESSION_QUERY_KEY, session.body],
      [roundsListOptions.queryKey, list.body],
      [roundQueryOptions(key).queryKey, detail.body as RoundDetail],
    ];
  }

  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    officer = (await signInNew(t, 'programme_officer')).client;
    hq = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'sapporo' })).client;
    const evaluators = await Promise.all([
      signInNew(t, 'evaluator'),
      signInNew(t, 'evaluator'),
      signInNew(t, 'evaluator'),
    ]);
    round = await buildScoredRound(t, officer, {
      gradings: handComputedGradings(evaluators[0].id, evaluators[1].id, evaluators[2].id),
      status: 'grading',
    });
    const detail = (await officer.get(`/api/v1/rounds/${round.key}`)).body as RoundDetail;
    evaluatorNames = detail.members.map((m) => m.displayName);
    const draft = await officer.post('/api/v1/rounds', {
      key: `draft-${unique()}`,
      title: { ja: '平成18年度 事後評価', en: 'FY2006 ex-post evaluation' },
      kind: 'ex_post',
      fiscalYear: 2006,
      targetStartFiscalYear: 2002,
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    draftKey = draft.body.key as string;
  });
  afterAll(async () => {
    await i18n.changeLanguage('en');
    await t?.close();
  });

  it('lists every round for officers, drafts included, with a new-round button', async () => {
    const seed = await seedFor(officer, round.key);
    let text = textOf(render(h(RoundsPage), seed, '/rounds', '/rounds'));
    expect(text).toContain('Evaluation rounds');
    expect(text).toContain('New round');
    expect(text).toContain('FY2004 intermediate evaluation (test)');
    expect(text).toContain('FY2006 ex-post evaluation');

    await i18n.changeLanguage('ja');
    text = textOf(render(h(RoundsPage), seed, '/rounds', '/rounds'));
    expect(text).toContain('平成16年度 中間評価（試験）');
    expect(text).toContain('平成18年度 事後評価');
    expect(text).not.toContain('FY2006 ex-post evaluation');
    await i18n.changeLanguage('en');

    // Headquarters see no draft and cannot create a round.
    const hqText = textOf(render(h(RoundsPage), await seedFor(hq, round.key), '/rounds', '/rounds'));
    expect(hqText).toContain('FY2004 intermediate evaluation (test)');
    expect(hqText).not.toContain('FY2006 ex-post evaluation');
    expect(hqText).not.toContain('New round');
  });

  it('shows the round’s facts, phases, target clusters and criteria on the overview', async () => {
    const path = `/rounds/${round.key}`;
    const seed = await seedFor(officer, round.key);
    const detail = seed[2]![1] as RoundDetail;
    let text = textOf(render(h(RoundOverviewPage), seed, path, '/rounds/:key'));
    expect(text).toContain('FY2004 intermediate evaluation (test)');
    expect(text).toContain('3 evaluators, 0 weighting members');
    expect(text).toContain('Close grading and start scoring');
    for (const c of detail.clusters) expect(text).toContain(c.name.en);
    expect(text).toContain('Research');
    expect(text).toContain('Future plans');

    await i18n.changeLanguage('ja');
    text = textOf(render(h(RoundOverviewPage), seed, path, '/rounds/:key'));
    expect(text).toContain('平成16年度 中間評価（試験）');
    expect(text).toContain('今後の計画');
    for (const c of detail.clusters) expect(text).toContain(c.name.ja);
    await i18n.changeLanguage('en');

    // A draft can still be edited; its status action opens self-evaluation.
    const draft = textOf(
      render(h(RoundOverviewPage), await seedFor(officer, draftKey), `/rounds/${draftKey}`, '/rounds/:key'),
    );
    expect(draft).toContain('Edit settings');
    expect(draft).toContain('Open self-evaluation');
  });

  it('names the groups and the conflict of interest to officers only', async () => {
    const path = `/rounds/${round.key}/members`;
    const text = textOf(
      render(h(RoundMembersPage), await seedFor(officer, round.key), path, '/rounds/:key/members'),
    );
    expect(text).toContain('Evaluating group');
    expect(text).toContain('Who grades which cluster');
    for (const name of evaluatorNames) expect(text).toContain(name);
    // 4 clusters × 3 evaluators, all assigned; sendai's third evaluator declared a personal conflict.
    expect(text).toContain('12 of 12 pairs assigned; 1 excluded by a conflict of interest.');

    const hqText = textOf(
      render(h(RoundMembersPage), await seedFor(hq, round.key), path, '/rounds/:key/members'),
    );
    expect(hqText).toContain('The members page is for programme officers');
    for (const name of evaluatorNames) expect(hqText).not.toContain(name);
  });
});
