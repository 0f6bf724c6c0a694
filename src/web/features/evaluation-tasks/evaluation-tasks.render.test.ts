/**
 * Renders the home page's "My evaluation tasks" card with a real API's answers, in English and
 * Japanese: Sapporo's headquarters with a self-evaluation half written, an evaluator with nothing
 * to do yet (no card), and the public (no card, no request).
 */
import { createElement as h } from 'react';
import i18n from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_QUERY_KEY } from '../../lib/session';
import { signInNew, unique } from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { renderPage as render, textOf } from '../../../../test/support/render-page';
import { SCORED_CRITERIA } from '../../../../test/support/scored-round';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';
import { evaluationTasksQueryOptions } from './api/tasks-api';
import { MyEvaluationTasksCard } from './components/MyEvaluationTasksCard';

describe('my evaluation tasks card', () => {
  let t: TestApp;
  let hq: HttpClient;
  let evaluator: HttpClient;
  let key: string;

  async function seedFor(client: HttpClient): Promise<[readonly unknown[], unknown][]> {
    const [session, tasks] = await Promise.all([
      client.get('/api/v1/auth/session'),
      client.get('/api/v1/evaluation-tasks'),
    ]);
    return [
      [SESSION_QUERY_KEY, session.body],
      [evaluationTasksQueryOptions.queryKey, tasks.body],
    ];
  }

  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    const officer = (await signInNew(t, 'programme_officer')).client;
    hq = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'sapporo' })).client;
    evaluator = (await signInNew(t, 'evaluator')).client;
    const created = await officer.post('/api/v1/rounds', {
      key: `tasks-${unique()}`,
      title: { ja: '平成16年度 中間評価', en: 'FY2004 intermediate evaluation' },
      fiscalYear: 2004,
      clusterKeys: ['sapporo'],
      criteria: SCORED_CRITERIA,
      phases: [{ phase: 'self_evaluation', from: '2004-11-01', to: '2004-11-30' }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    key = created.body.key as string;
    const opened = await officer.post(`/api/v1/rounds/${key}/status`, {
      status: 'self_evaluation',
      version: created.body.version,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const saved = await hq.put(`/api/v1/rounds/${key}/self-evaluations/sapporo`, {
      version: 1,
      narratives: { 'progress.tech': 'Research on track' },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  });
  afterAll(async () => {
    await i18n.changeLanguage('en');
    await t?.close();
  });

  it('lists headquarters’ self-evaluation with its progress and deadline, linking to the report', async () => {
    const seed = await seedFor(hq);
    let html = render(h(MyEvaluationTasksCard), seed, '/', '/');
    let text = textOf(html);
    expect(text).toContain('My evaluation tasks');
    expect(text).toContain('1 to finish');
    expect(text).toMatch(/Self-evaluation report of \S+/);
    expect(text).toContain('FY2004 intermediate evaluation');
    expect(text).toContain('In progress');
    expect(text).toContain('1 of 3 items written');
    // The phase ended in November 2004.
    expect(text).toContain('The phase ended');
    expect(html).toContain(`href="/rounds/${key}/self-evaluations/sapporo"`);

    await i18n.changeLanguage('ja');
    html = render(h(MyEvaluationTasksCard), seed, '/', '/');
    text = textOf(html);
    expect(text).toContain('評価の担当作業');
    expect(text).toContain('自己評価報告書');
    expect(text).toContain('作業中');
    expect(text).toContain('3項目中1項目を記入済み');
    await i18n.changeLanguage('en');
  });

  it('shows nothing to a reader without tasks, or to the public', async () => {
    const asEvaluator = render(h(MyEvaluationTasksCard), await seedFor(evaluator), '/', '/');
    expect(asEvaluator).not.toContain('<section');
    const session = await t.anonymous().get('/api/v1/auth/session');
    const asPublic = render(h(MyEvaluationTasksCard), [[SESSION_QUERY_KEY, session.body]], '/', '/');
    expect(asPublic).not.toContain('<section');
    // The same card with the headquarters' answers does render, so the checks above can fail.
    expect(render(h(MyEvaluationTasksCard), await seedFor(hq), '/', '/')).toContain('<section');
  });
});
