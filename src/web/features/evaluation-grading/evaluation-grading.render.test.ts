/**
 * Renders the weights, grading and grading-form pages on the server (react-dom/server) with the
 * answers of a real API, in English and Japanese, for every reader the contract distinguishes: a
 * weighting member, the officer (names, versions, lock), an evaluator (own clusters, a conflict,
 * a draft, a submission) and the officers' progress board. The e2e suite covers interaction.
 */
import { createElement as h } from 'react';
import i18n from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';
import { signInNew, unique } from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { SCORED_CRITERIA } from '../../../../test/support/scored-round';
import { GradingFormPage } from './pages/GradingFormPage';
import { GradingPage } from './pages/GradingPage';
import { WeightsPage } from './pages/WeightsPage';
import { renderPage as render } from '../../../../test/support/render-page';

const W = (tech: number, biz: number, future: number) => ({
  'progress.tech': tech,
  'progress.biz': biz,
  'plans.future': future,
});

describe('evaluation grading pages', () => {
  let t: TestApp;
  let officer: HttpClient;
  let chair: { id: number; client: HttpClient };
  let member: { id: number; client: HttpClient };
  let evaluator: { id: number; client: HttpClient };
  let other: { id: number; client: HttpClient };
  let key: string;
  let version: number;

  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    officer = (await signInNew(t, 'programme_officer')).client;
    chair = await signInNew(t, 'weighting_member');
    member = await signInNew(t, 'weighting_member');
    evaluator = await signInNew(t, 'evaluator');
    other = await signInNew(t, 'evaluator');
    const created = await officer.post('/api/v1/rounds', {
      key: `grading-render-${unique()}`,
      title: { ja: '平成16年度 中間評価', en: 'FY2004 intermediate evaluation' },
      fiscalYear: 2004,
      clusterKeys: ['sapporo', 'sendai'],
      criteria: SCORED_CRITERIA,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    key = created.body.key;
    const add = (accountId: number, role: string, isChair = false) =>
      officer.post(`/api/v1/rounds/${key}/members`, { accountId, role, isChair });
    await add(chair.id, 'weighting_member', true);
    await add(member.id, 'weighting_member');
    await add(evaluator.id, 'evaluator');
    await add(other.id, 'evaluator');
    expect((await officer.post(`/api/v1/rounds/${key}/assignments`, {})).status).toBe(200);
    const sendai = (created.body.clusters as { id: number; key: string }[]).find((c) => c.key === 'sendai')!;
    expect(
      (
        await officer.put(`/api/v1/rounds/${key}/conflicts`, {
          clusterId: sendai.id,
          evaluatorId: evaluator.id,
          kind: 'organization',
          note: 'Same university',
        })
      ).status,
    ).toBe(200);
    version = (await officer.get(`/api/v1/rounds/${key}`)).body.version;
    for (const status of ['self_evaluation', 'weighting']) {
      const moved = await officer.post(`/api/v1/rounds/${key}/status`, { status, version });
      expect(moved.status).toBe(200);
      version = moved.body.version;
    }
  });
  afterAll(async () => {
    await i18n.changeLanguage('en');
    await t?.close();
  });

  const roundOf = async (client: HttpClient) => (await client.get(`/api/v1/rounds/${key}`)).body;
  const weightsOf = async (client: HttpClient) => (await client.get(`/api/v1/rounds/${key}/weights`)).body;

  async function renderWeights(client: HttpClient) {
    return render(
      h(WeightsPage),
      [
        [['rounds', 'detail', key], await roundOf(client)],
        [['evaluation-grading', 'weights', key], await weightsOf(client)],
      ],
      `/rounds/${key}/weights`,
      '/rounds/:key/weights',
    );
  }

  it('shows a weighting member their proposal normalised to 100, and the officer names, versions and the lock', async () => {
    await i18n.changeLanguage('en');
    expect(
      (await member.client.put(`/api/v1/rounds/${key}/weights/mine`, { weights: W(60, 30, 10) })).status,
    ).toBe(200);
    let html = await renderWeights(member.client);
    expect(html).toContain('1 of 2 weighting members have proposed');
    expect(html).toContain('Your proposal');
    expect(html).toContain('aria-label="Weight of 1. Research"');
    expect(html).toContain('60.0');
    expect(html).not.toContain('not 100');
    expect(html).toContain('Member A');
    expect(html).toContain('Waiting for 1 member');

    await chair.client.put(`/api/v1/rounds/${key}/weights/mine`, { weights: W(40, 30, 30) });
    expect((await chair.client.post(`/api/v1/rounds/${key}/weight-sets`)).status).toBe(200);
    const adjusted = await chair.client.post(`/api/v1/rounds/${key}/weight-sets/adjust`, {
      changes: { 'plans.future': 25 },
      reason: 'Plans matter more in the second half',
      mode: 'keep_changed',
      fromVersion: 1,
    });
    expect(adjusted.status, JSON.stringify(adjusted.body)).toBe(200);

    html = await renderWeights(officer);
    expect(html).toContain('2 of 2 weighting members have proposed');
    // Officers see the members' names, not letters.
    expect(html).toContain(`weighting_member`);
    expect(html).not.toContain('Member A');
    expect(html).toContain('Mean of proposals');
    expect(html).toContain('Adjusted by the chair');
    expect(html).toContain('Plans matter more in the second half');
    expect(html).toContain('3. Future plans: 20.0 → 25.0');
    expect(html).toContain('Lock version 2');
    expect(html).toContain('The latest weights (version 2, not locked yet)');
    expect(html).toContain('role="img"');

    expect((await officer.post(`/api/v1/rounds/${key}/weight-sets/2/lock`)).status).toBe(200);
    html = await renderWeights(officer);
    expect(html).toContain('Version 2 is locked');
    expect(html).toContain('The locked weights (version 2)');
    expect(html).not.toContain('Compute the weight set');

    await i18n.changeLanguage('ja');
    html = await renderWeights(chair.client);
    expect(html).toContain('第2版を確定済み');
    expect(html).toContain('座長による調整');
    expect(html).toContain('提案の受付は終了しました');
  });

  it('lists an evaluator’s clusters with the conflict excluded, the officers’ board, and the grading form', async () => {
    const moved = await officer.post(`/api/v1/rounds/${key}/status`, { status: 'grading', version });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const gradings = `/api/v1/rounds/${key}/gradings/sapporo`;
    expect(
      (
        await evaluator.client.put(gradings, {
          grades: { 'progress.tech': { grade: 'S', comment: 'Strong research base' } },
        })
      ).status,
    ).toBe(200);

    await i18n.changeLanguage('en');
    let html = render(
      h(GradingPage),
      [
        [['rounds', 'detail', key], await roundOf(evaluator.client)],
        [
          ['evaluation-grading', 'mine', key],
          (await evaluator.client.get(`/api/v1/rounds/${key}/gradings`)).body,
        ],
      ],
      `/rounds/${key}/grading`,
      '/rounds/:key/grading',
    );
    expect(html).toContain('Grading is open');
    expect(html).toContain('0 of 1 clusters submitted');
    expect(html).toContain('1 of 3 items graded');
    expect(html).toContain(`/rounds/${key}/grading/sapporo`);
    expect(html).toContain(`/rounds/${key}/self-evaluations/sapporo`);
    expect(html).toContain('Excluded (same organization)');
    expect(html).not.toContain(`/rounds/${key}/grading/sendai`);

    html = render(
      h(GradingPage),
      [
        [['rounds', 'detail', key], await roundOf(officer)],
        [
          ['evaluation-grading', 'progress', key],
          (await officer.get(`/api/v1/rounds/${key}/grading-progress`)).body,
        ],
      ],
      `/rounds/${key}/grading`,
      '/rounds/:key/grading',
    );
    expect(html).toContain('Progress of every evaluator');
    expect(html).toContain('0 of 3 gradings submitted');
    expect(html).toContain('1/3 items');
    expect(html).toContain('Conflict of interest');
    expect(html).toContain('evaluator ');

    const renderForm = async () =>
      render(
        h(GradingFormPage),
        [
          [['rounds', 'detail', key], await roundOf(evaluator.client)],
          [['evaluation-grading', 'grading', key, 'sapporo'], (await evaluator.client.get(gradings)).body],
          [['evaluation-grading', 'weights', key], await weightsOf(evaluator.client)],
        ],
        `/rounds/${key}/grading/sapporo`,
        '/rounds/:key/grading/:clusterKey',
      );
    html = await renderForm();
    expect(html).toContain('role="radiogroup"');
    expect(html).toContain('aria-label="Grade: 2. Business (Progress)"');
    expect(html).toContain('S (4 pt)');
    expect(html).toContain('Strong research base');
    expect(html).toContain('2 items are not graded yet');
    expect(html).toContain('Your score appears once every item is graded and saved.');
    expect(html).toContain('Read the self-evaluation report (opens in a new tab)');

    await evaluator.client.put(gradings, {
      grades: {
        'progress.biz': { grade: 'A', comment: null },
        'plans.future': { grade: 'B', comment: null },
      },
    });
    expect((await evaluator.client.post(`${gradings}/submit`)).status).toBe(200);
    html = await renderForm();
    expect(html).not.toContain('role="radiogroup"');
    expect(html).toContain('You submitted these grades on');
    // The mean 50/30/20 with plans kept at 25 and the rest scaled to 75: 46.875/28.125/25, so
    // S A B scores (46.875·4 + 28.125·3 + 25·2) / 100 = 3.21875.
    expect(html).toContain('3.22');

    await i18n.changeLanguage('ja');
    html = await renderForm();
    expect(html).toContain('提出済み');
    expect(html).toContain('自己評価書を読む');
    expect(html).toContain('100点換算');
  });
});
