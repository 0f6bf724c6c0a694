/**
 * Renders the evaluation results pages on the server (react-dom/server) with the answers of a real
 * API on the hand-computed round of test/support/scored-round.ts, in English and Japanese: the
 * officer's and an evaluator's scores in the scoring phase, then, once published, the public list,
 * the public results with findings and a cluster's results across rounds. A page that breaks on
 * the shape it is given, or shows a name it must not, fails here rather than in the browser.
 */
import { createElement as h } from 'react';
import i18n from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_PERTURBATION,
  DEFAULT_STABILITY_SEED,
  DEFAULT_STABILITY_TRIALS,
  type RoundScoresResponse,
} from '../../../contracts/evaluation-results';
import { signInNew } from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import {
  buildScoredRound,
  handComputedGradings,
  type ScoredRound,
} from '../../../../test/support/scored-round';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';
import { ClusterEvaluationsPanel } from './components/ClusterEvaluationsPanel';
import { ClusterScoreDetail } from './components/ClusterScoreDetail';
import { PublicEvaluationsPage } from './pages/PublicEvaluationsPage';
import { PublicRoundResultsPage } from './pages/PublicRoundResultsPage';
import { RoundScoresPage } from './pages/RoundScoresPage';
import { renderPage as render } from '../../../../test/support/render-page';

const DEFAULT_QUERY = {
  trials: DEFAULT_STABILITY_TRIALS,
  perturbation: DEFAULT_PERTURBATION,
  seed: DEFAULT_STABILITY_SEED,
};

async function ok(res: Promise<{ status: number; body: unknown }>, status = 200) {
  const answer = await res;
  if (answer.status !== status) throw new Error(`${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body as Record<string, unknown>;
}

describe('evaluation results pages', () => {
  let t: TestApp;
  let officer: HttpClient;
  let e2: HttpClient;
  let names: string[];
  let round: ScoredRound;
  let clusterName: (key: string, lang: 'ja' | 'en') => string;

  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    officer = (await signInNew(t, 'programme_officer')).client;
    const evaluators = [
      await signInNew(t, 'evaluator'),
      await signInNew(t, 'evaluator'),
      await signInNew(t, 'evaluator'),
    ];
    e2 = evaluators[1]!.client;
    names = (
      await t.database.db
        .selectFrom('accounts')
        .select('display_name')
        .where(
          'id',
          'in',
          evaluators.map((e) => e.id),
        )
        .orderBy('id')
        .execute()
    ).map((a) => a.display_name);
    round = await buildScoredRound(t, officer, {
      gradings: handComputedGradings(evaluators[0]!.id, evaluators[1]!.id, evaluators[2]!.id),
    });
    const detail = await ok(officer.get(`/api/v1/rounds/${round.key}`));
    await ok(
      officer.patch(`/api/v1/rounds/${round.key}`, { version: detail.version, announceOn: '2005-03-23' }),
    );
    await ok(
      officer.put(`/api/v1/rounds/${round.key}/results/sapporo/comment`, {
        comment: { ja: '事業化への道筋が明確', en: 'A clear course toward business' },
      }),
    );
    await ok(
      officer.post(`/api/v1/rounds/${round.key}/findings`, {
        clusterKey: 'hamamatsu',
        tag: 'ip_strategy',
        text: {
          ja: '本部と大学の知財戦略を統合すること',
          en: 'Integrate the IP strategies of headquarters and universities',
        },
      }),
      201,
    );
    const clusters = (detail.clusters as { key: string; name: { ja: string; en: string } }[]) ?? [];
    clusterName = (key, lang) => clusters.find((c) => c.key === key)!.name[lang];
  });
  afterAll(async () => {
    await i18n.changeLanguage('en');
    await t?.close();
  });

  /** One cluster's row opened: its evaluators, grades per item and comment. */
  async function clusterDetail(client: HttpClient, clusterKey: string, canComment: boolean) {
    const scores = (await ok(
      client.get(`/api/v1/rounds/${round.key}/scores?trials=50`),
    )) as unknown as RoundScoresResponse;
    const entry = scores.clusters.find((c) => c.cluster.key === clusterKey)!;
    return render(
      h(ClusterScoreDetail, {
        scores,
        entry,
        canComment,
        commentVersion: undefined,
        onCommentVersion: () => {},
      }),
      [],
      '/x',
      '/x',
    );
  }

  async function scoresPage(client: HttpClient) {
    const [detail, scores] = await Promise.all([
      ok(client.get(`/api/v1/rounds/${round.key}`)),
      ok(client.get(`/api/v1/rounds/${round.key}/scores`)),
    ]);
    return render(
      h(RoundScoresPage),
      [
        [['rounds', 'detail', round.key], detail],
        [['evaluation-results', 'scores', round.key, DEFAULT_QUERY], scores],
      ],
      `/rounds/${round.key}/scores`,
      '/rounds/:key/scores',
    );
  }

  it("shows the officer the ranking, evaluators' names, agreement, leniency, stability and the publish panel", async () => {
    await i18n.changeLanguage('en');
    const html = await scoresPage(officer);
    expect(html).toContain(clusterName('sapporo', 'en'));
    expect(html).toContain('Total score (of 4)');
    // Sapporo 3.7 → 90 on 100; Sendai and Nagano share rank 2 at 3.2; Hamamatsu 4th at 2.
    expect(html).toContain('3.7');
    expect(html).toContain('>90.0<');
    expect(html).toContain('(shared)');
    expect(html).toContain('Band S');
    expect(html).toContain('1 conflict of interest');
    expect(html).toContain('Weight set version 1');
    expect(html).toContain('50.0');
    expect(html).toContain('Krippendorff’s alpha for the round');
    // E1 grades 1/12 point below colleagues; officers see names.
    expect(html).toContain('Stricter than colleagues by 0.083 points');
    expect(html).toContain(names[0]);
    expect(html).toContain('1,000 trials');
    expect(html).toContain('Kept its rank');
    expect(html).toContain('Publish the results');
    expect(html).toContain('The announcement date (');
    expect(html).toContain('3 clusters have no consolidated comment');
    expect(html).toContain('Written');

    const sapporo = await clusterDetail(officer, 'sapporo', true);
    expect(sapporo).toContain(`Evaluator A — ${names[0]}`);
    expect(sapporo).toContain('事業化への道筋が明確');
    expect(sapporo).toContain('A clear course toward business');
    expect(sapporo).toContain('Edit the comment');
    const sendai = await clusterDetail(officer, 'sendai', true);
    expect(sendai).toContain('1 evaluator is left out for a conflict of interest.');
    expect(sendai).toContain('Write the comment');
  });

  it('shows an evaluator colleagues as letters, their own name, and no leniency or publication', async () => {
    const html = await scoresPage(e2);
    expect(html).toContain('Evaluator A');
    expect(html).toContain('Your colleagues appear as Evaluator A, B');
    expect(html).not.toContain(names[0]);
    expect(html).not.toContain(names[2]);
    expect(html).not.toContain('Leniency of each evaluator');
    expect(html).not.toContain('Publish the results');

    const sapporo = await clusterDetail(e2, 'sapporo', false);
    expect(sapporo).toContain(`Evaluator B — ${names[1]} (you)`);
    expect(sapporo).toContain('Evaluator C');
    expect(sapporo).not.toContain(names[0]);
    expect(sapporo).toContain('No consolidated comment.');
  });

  it('renders the scores in Japanese', async () => {
    await i18n.changeLanguage('ja');
    const html = await scoresPage(officer);
    expect(html).toContain('集計結果');
    expect(html).toContain(clusterName('sapporo', 'ja'));
    expect(html).toContain('総合点（4点満点）');
    expect(html).toContain('（同順位）');
    expect(html).toContain('クリッペンドルフのα');
    expect(html).toContain('重み（第1版）');
    expect(html).toContain('結果の公表');
    await i18n.changeLanguage('en');
  });

  it('publishes, then shows everyone the list, the results with findings and the cluster’s history, in both languages', async () => {
    const detail = await ok(officer.get(`/api/v1/rounds/${round.key}`));
    await ok(officer.post(`/api/v1/rounds/${round.key}/publish`, { version: detail.version }));

    let html = await scoresPage(officer);
    expect(html).toContain('The results were published on');
    expect(html).toContain('See the public results page');

    const anonymous = t.anonymous();
    const [list, results, publicDetail, findings, evaluations] = await Promise.all([
      ok(anonymous.get('/api/v1/rounds')),
      ok(anonymous.get(`/api/v1/rounds/${round.key}/results`)),
      ok(anonymous.get(`/api/v1/rounds/${round.key}`)),
      ok(anonymous.get(`/api/v1/rounds/${round.key}/findings`)),
      ok(anonymous.get('/api/v1/clusters/sapporo/evaluations')),
    ]);
    const pages = () => ({
      list: render(
        h(PublicEvaluationsPage),
        [[['evaluation-results', 'public', 'rounds'], list]],
        '/evaluations',
        '/evaluations',
      ),
      results: render(
        h(PublicRoundResultsPage),
        [
          [['evaluation-results', 'public', 'results', round.key], results],
          [['rounds', 'detail', round.key], publicDetail],
          [['evaluation-results', 'public', 'findings', round.key], findings],
        ],
        `/evaluations/${round.key}`,
        '/evaluations/:key',
      ),
      cluster: render(
        h(ClusterEvaluationsPanel, { clusterKey: 'sapporo' }),
        [[['evaluation-results', 'cluster', 'sapporo'], evaluations]],
        '/clusters/sapporo',
        '/clusters/:key',
      ),
    });

    let view = pages();
    expect(view.list).toContain('FY2004 intermediate evaluation (test)');
    expect(view.list).toContain('Intermediate evaluation');
    expect(view.list).toContain('23 Mar 2005');
    expect(view.list).toContain(`/evaluations/${round.key}`);
    expect(view.results).toContain('FY2004 intermediate evaluation (test)');
    expect(view.results).toContain('Announced 23 Mar 2005');
    expect(view.results).toContain('A clear course toward business');
    expect(view.results).toContain('Weight set version 1');
    expect(view.results).toContain('Integrate the IP strategies of headquarters and universities');
    expect(view.results).toContain('Integration of IP strategy between headquarters and universities');
    expect(view.results).toContain('Download the evaluation results');
    expect(view.results).toContain('(shared)');
    for (const name of names) expect(view.results).not.toContain(name);
    expect(view.cluster).toContain('1 of 4');
    expect(view.cluster).toContain('FY2004 intermediate evaluation (test)');
    expect(view.cluster).toContain('A clear course toward business');

    await i18n.changeLanguage('ja');
    view = pages();
    expect(view.list).toContain('平成16年度 中間評価（試験）');
    expect(view.list).toContain('中間評価');
    expect(view.results).toContain('事業化への道筋が明確');
    expect(view.results).toContain('本部と大学の知財戦略を統合すること');
    expect(view.results).toContain('2005/03/23発表');
    expect(view.results).toContain('使用した重み');
    expect(view.cluster).toContain('4クラスター中1位');
    html = await scoresPage(officer);
    expect(html).toContain('公表済み');
    await i18n.changeLanguage('en');
  });
});
