/**
 * Renders the findings and allocation pages on the server (react-dom/server) with the answers of a
 * real API in English and Japanese, from the hand-computed round of test/support/scored-round.ts
 * (sapporo 3.7 S, sendai and nagano 3.2 A, hamamatsu 2.0 B) and FY2004 subsidies of ¥500M, ¥500M,
 * ¥400M and ¥500M: a page that breaks on the shape it is given fails here rather than in the
 * browser. The e2e suite covers interaction.
 */
import { createElement as h } from 'react';
import i18n from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AllocationPlanResponse } from '../../../contracts/evaluation-allocation';
import type { RoundDetail } from '../../../contracts/evaluation-rounds';
import { ApiError } from '../../lib/api-client';
import { roundQueryOptions } from '../../lib/rounds';
import { signInNew, unique } from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import {
  buildScoredRound,
  handComputedGradings,
  type ScoredRound,
} from '../../../../test/support/scored-round';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';
import { allocationPlanQueryOptions, allocationPreviewQueryOptions } from './api/allocation-api';
import { followUpRoundsQueryOptions, roundFindingsQueryOptions } from './api/findings-api';
import { toRuleBody } from './components/allocation-rule';
import { initialRuleDraft } from './components/AllocationWhatIf';
import { AllocationPage } from './pages/AllocationPage';
import { FindingsPage } from './pages/FindingsPage';
import { renderPage as render, textOf } from '../../../../test/support/render-page';

const M = 1_000_000;

describe('evaluation follow-up pages', () => {
  let t: TestApp;
  let officer: HttpClient;
  let hq: HttpClient;
  let round: ScoredRound;

  async function roundAs(client: HttpClient): Promise<RoundDetail> {
    const res = await client.get(`/api/v1/rounds/${round.key}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as RoundDetail;
  }

  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    officer = (await signInNew(t, 'programme_officer')).client;
    hq = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'sapporo' })).client;
    const [e1, e2, e3] = await Promise.all([
      signInNew(t, 'evaluator'),
      signInNew(t, 'evaluator'),
      signInNew(t, 'evaluator'),
    ]);
    round = await buildScoredRound(t, officer, { gradings: handComputedGradings(e1.id, e2.id, e3.id) });
    for (const [cluster, amountYen] of [
      ['sapporo', 500 * M],
      ['sendai', 500 * M],
      ['nagano', 400 * M],
      ['hamamatsu', 500 * M],
    ] as const) {
      const res = await officer.post('/api/v1/budgets', {
        cluster,
        fiscalYear: 2004,
        kind: 'mext_subsidy',
        amountYen,
        source: 'MEXT grant decision FY2004',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  });
  afterAll(async () => {
    await i18n.changeLanguage('en');
    await t?.close();
  });

  it('shows officers and headquarters the findings by cluster, their follow-up and the summary per issue', async () => {
    const later = await officer.post('/api/v1/rounds', {
      key: `expost-${unique()}`,
      title: { ja: '平成18年度 事後評価', en: 'FY2006 ex-post evaluation' },
      kind: 'ex_post',
      fiscalYear: 2006,
      clusterKeys: ['sapporo', 'sendai'],
    });
    expect(later.status, JSON.stringify(later.body)).toBe(201);
    const ip = await officer.post(`/api/v1/rounds/${round.key}/findings`, {
      clusterKey: 'sapporo',
      tag: 'ip_strategy',
      text: {
        ja: '本部と大学の知的財産戦略を統合すること',
        en: 'Integrate the IP strategy of the headquarters and the universities',
      },
    });
    expect(ip.status, JSON.stringify(ip.body)).toBe(201);
    const talent = await officer.post(`/api/v1/rounds/${round.key}/findings`, {
      clusterKey: 'sendai',
      tag: 'talent',
      text: { ja: '地域内外の人材を育成すること', en: 'Foster talent inside and outside the region' },
    });
    expect(talent.status).toBe(201);
    const answered = await hq.post(`/api/v1/findings/${ip.body.id}/response`, {
      version: 1,
      response: 'A joint IP office with Hokkaido University opened in April',
      followUpStatus: 'in_progress',
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    const carried = await officer.patch(`/api/v1/findings/${talent.body.id}`, {
      version: 1,
      followUpRoundKey: later.body.key,
    });
    expect(carried.status, JSON.stringify(carried.body)).toBe(200);

    const detail = await roundAs(officer);
    const list = (await officer.get(`/api/v1/rounds/${round.key}/findings`)).body;
    const rounds = (await officer.get('/api/v1/rounds')).body;
    const seed: [readonly unknown[], unknown][] = [
      [roundQueryOptions(round.key).queryKey, detail],
      [roundFindingsQueryOptions(round.key).queryKey, list],
      [followUpRoundsQueryOptions.queryKey, rounds],
    ];
    const path = `/rounds/${round.key}/findings`;
    const sapporo = detail.clusters.find((c) => c.key === 'sapporo')!;
    let text = textOf(render(h(FindingsPage), seed, path, '/rounds/:key/findings'));
    expect(text).toContain('Record a finding');
    expect(text).toContain('2 findings on 2 clusters; 2 not yet resolved.');
    expect(text).toContain('Follow-up by issue');
    expect(text).toContain('Integration of IP strategy between headquarters and universities');
    expect(text).toContain('Fostering and securing talent');
    expect(text).toContain('Integrate the IP strategy of the headquarters and the universities');
    expect(text).toContain('A joint IP office with Hokkaido University opened in April');
    expect(text).toContain('No response from the cluster headquarters yet.');
    expect(text).toContain('Checked again in FY2006 ex-post evaluation');
    expect(text).toContain(sapporo.name.en);
    // The summary row of the IP finding: 0 open, 0 responded, 1 in progress, 0 resolved, 1 in all.
    expect(text).toMatch(/headquarters and universities 0 0 1 0 1 /);
    // Officers edit; only the cluster's headquarters respond.
    expect(text).not.toMatch(/ Respond /);

    // Filtered by the address: only the talent finding is listed, the summary still counts both.
    text = textOf(render(h(FindingsPage), seed, `${path}?tag=talent`, '/rounds/:key/findings'));
    expect(text).toContain('Showing 1 of 2 findings.');
    expect(text).not.toContain('Integrate the IP strategy of the headquarters');

    const hqSeed: [readonly unknown[], unknown][] = [
      [roundQueryOptions(round.key).queryKey, await roundAs(hq)],
      [
        roundFindingsQueryOptions(round.key).queryKey,
        (await hq.get(`/api/v1/rounds/${round.key}/findings`)).body,
      ],
    ];
    text = textOf(render(h(FindingsPage), hqSeed, path, '/rounds/:key/findings'));
    expect(text).toContain('Until the results are published you see only your own cluster');
    expect(text).toContain('Update the response');
    expect(text).not.toContain('Record a finding');
    expect(text).not.toContain('Foster talent');

    await i18n.changeLanguage('ja');
    text = textOf(render(h(FindingsPage), seed, path, '/rounds/:key/findings'));
    expect(text).toContain('課題の区分別フォローアップ');
    expect(text).toContain('本部と大学の知的財産戦略の統合');
    expect(text).toContain('本部と大学の知的財産戦略を統合すること');
    expect(text).toContain('対応中');
    expect(text).toContain('引継ぎ先： 平成18年度 事後評価');
    await i18n.changeLanguage('en');
  });

  it('previews, commits and replaces next year’s allocation, in both languages', async () => {
    const path = `/rounds/${round.key}/allocation`;
    const renderAllocation = async (plan: AllocationPlanResponse | null) => {
      const detail = await roundAs(officer);
      const body = toRuleBody(initialRuleDraft(detail, plan)).body!;
      const preview = await officer.post(`/api/v1/rounds/${round.key}/allocation/preview`, body);
      expect(preview.status, JSON.stringify(preview.body)).toBe(200);
      return textOf(
        render(
          h(AllocationPage),
          [
            [roundQueryOptions(round.key).queryKey, detail],
            [allocationPlanQueryOptions(round.key).queryKey, plan],
            [allocationPreviewQueryOptions(round.key, body).queryKey, preview.body],
          ],
          path,
          '/rounds/:key/allocation',
        ),
      );
    };

    // Scoring phase: live scores, the round's bands (S +10 %, A 0, B and C −10 %), nothing committed.
    let text = await renderAllocation(null);
    expect(text).toContain('No allocation for FY2005 has been committed yet.');
    expect(text).toContain('Allocation rule');
    expect(text).toContain('Scores are live');
    expect(text).toContain('No fixed total');
    expect(text).toContain('The programme total becomes ¥1,900 million (¥0 million against FY2004)');
    expect(text).toContain('¥550 million');
    expect(text).toContain('+10 %');
    expect(text).toContain('-10 %');
    expect(text).toContain('-¥50 million');
    expect(text).toContain('¥450 million');
    expect(text).toContain('Total (4 clusters)');
    expect(text).toContain("once the round's results are published");

    const { version } = await roundAs(officer);
    expect((await officer.post(`/api/v1/rounds/${round.key}/publish`, { version })).status).toBe(200);
    const committed = await officer.post(`/api/v1/rounds/${round.key}/allocation/commit`, {
      bands: [
        { band: 'S', minScore: 3.5, adjustment: 0.1 },
        { band: 'A', minScore: 2.5, adjustment: 0 },
        { band: 'B', minScore: -1e9, adjustment: -0.1 },
      ],
      fixedTotalYen: 1800 * M,
    });
    expect(committed.status, JSON.stringify(committed.body)).toBe(201);
    const ledgerId = (committed.body as AllocationPlanResponse).ledgerLines[0]!.id;

    text = await renderAllocation((await officer.get(`/api/v1/rounds/${round.key}/allocation`)).body);
    expect(text).toContain('Committed allocation for FY2005');
    expect(text).toContain(`#${ledgerId}`);
    expect(text).toContain('¥521 million');
    expect(text).toContain('This is the first allocation committed for the year.');
    expect(text).toContain('What-if: a different rule');
    expect(text).toContain(
      'Every proposal was multiplied by 0.9474 so that the programme total stays ¥1,800 million',
    );
    expect(text).toContain("Scores are the round's published results.");
    expect(text).toContain('Replace the committed allocation');

    const replaced = await officer.post(`/api/v1/rounds/${round.key}/allocation/commit`, {
      bands: [
        { band: 'S', minScore: 3.5, adjustment: 0.1 },
        { band: 'A', minScore: 2.5, adjustment: 0 },
        { band: 'B', minScore: -1e9, adjustment: -0.1 },
      ],
      replace: true,
      reason: 'The Diet kept the programme budget at this year’s level',
    });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(201);
    const plan = (await officer.get(`/api/v1/rounds/${round.key}/allocation`)).body as AllocationPlanResponse;
    text = await renderAllocation(plan);
    expect(text).toContain('Why the earlier allocation was replaced');
    expect(text).toContain('The Diet kept the programme budget at this year’s level');
    expect(text).toContain('Allocations this one replaced, newest first');
    expect(text).toContain('¥1,800 million');

    await i18n.changeLanguage('ja');
    text = await renderAllocation(plan);
    expect(text).toContain('平成17年度の確定済み配分');
    expect(text).toContain('配分ルール');
    expect(text).toContain('550百万円');
    expect(text).toContain('以前の配分を置き換えた理由');
    expect(text).toContain('合計（4クラスター）');
    await i18n.changeLanguage('en');
  });

  it('explains a refused rule next to the field the server names, in the reader’s language', async () => {
    const detail = await roundAs(officer);
    const body = toRuleBody(initialRuleDraft(detail, null)).body!;
    // The server's answer to a ceiling below the floor, shown as the preview of the page's rule.
    const refused = await officer.post(`/api/v1/rounds/${round.key}/allocation/preview`, {
      ...body,
      floorYen: 500 * M,
      ceilingYen: 400 * M,
    });
    expect(refused.status).toBe(400);
    const error = new ApiError({
      status: refused.status,
      code: refused.body.code,
      title: refused.body.title,
      detail: refused.body.detail,
      fieldErrors: refused.body.errors,
    });
    expect(error.fieldError('body.ceilingYen')).toBeDefined();
    const page = () =>
      textOf(
        render(
          h(AllocationPage),
          [
            [roundQueryOptions(round.key).queryKey, detail],
            [allocationPlanQueryOptions(round.key).queryKey, null],
          ],
          `/rounds/${round.key}/allocation`,
          '/rounds/:key/allocation',
          [[allocationPreviewQueryOptions(round.key, body).queryKey, error]],
        ),
      );
    let text = page();
    expect(text).toContain('The rule cannot be applied');
    expect(text).toMatch(
      /Ceiling per cluster \(¥ million\) Empty: no ceiling\. .*The ceiling ¥400,000,000 is below the floor ¥500,000,000\./,
    );
    await i18n.changeLanguage('ja');
    text = page();
    expect(text).toContain('上限400,000,000円が下限500,000,000円を下回っています。');
    await i18n.changeLanguage('en');
  });
});
