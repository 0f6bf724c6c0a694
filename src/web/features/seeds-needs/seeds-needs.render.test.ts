/**
 * Renders the seed and need pages on the server (react-dom/server) with the answers of a real API,
 * in English and Japanese: a coordinator's view (review actions, the ranked suggestions with their
 * explanation and "Propose match"), a company's view of its own confidential need, and the
 * public's view where that company's name is hidden. The e2e suite covers interaction.
 */
import { createElement as h } from 'react';
import i18n from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_QUERY_KEY } from '../../lib/session';
import { createOrganization, signInNew } from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { needBody, publishListing, seedBody } from '../../../../test/support/matching';
import { renderPage as render, textOf, type QuerySeed } from '../../../../test/support/render-page';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';
import {
  coordinatorsQueryOptions,
  listingClustersQueryOptions,
  matchingNeedsQueryOptions,
  matchingSeedsQueryOptions,
  needQueryOptions,
  needsQueryOptions,
  seedQueryOptions,
  seedsQueryOptions,
} from './api/seeds-needs-api';
import { NeedDetailPage } from './pages/NeedDetailPage';
import { needParamsFrom, NeedsPage } from './pages/NeedsPage';
import { SeedDetailPage } from './pages/SeedDetailPage';
import { seedParamsFrom, SeedsPage } from './pages/SeedsPage';

describe('seed and need pages', () => {
  let t: TestApp;
  let coordinator: HttpClient;
  let hq: HttpClient;
  let company: HttpClient;
  let anonymous: HttpClient;
  let companyName: { ja: string; en: string };
  let seedId: number;
  let needId: number;
  let draftSeedId: number;

  async function body(client: HttpClient, path: string): Promise<unknown> {
    const res = await client.get(`/api/v1${path}`);
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body;
  }

  async function sessionOf(client: HttpClient): Promise<QuerySeed[number]> {
    return [SESSION_QUERY_KEY, await body(client, '/auth/session')];
  }

  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    const officer = (await signInNew(t, 'programme_officer')).client;
    coordinator = (await signInNew(t, 'coordinator')).client;
    hq = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'sapporo' })).client;
    const org = await createOrganization(officer, { kind: 'company', prefectureCode: '01' });
    companyName = org.name as { ja: string; en: string };
    company = (
      await signInNew(t, 'partner_company', { scopeType: 'organization', scopeId: org.id as number })
    ).client;
    anonymous = t.anonymous();
    seedId = (await publishListing(hq, coordinator, 'seeds', seedBody())).id;
    needId = (
      await publishListing(company, coordinator, 'needs', needBody(org.id as number, { confidential: true }))
    ).id;
    const draft = await hq.post('/api/v1/seeds', seedBody({ title: { ja: '', en: 'Snow sensor draft' } }));
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    draftSeedId = draft.body.id as number;
    const submitted = await hq.post(`/api/v1/seeds/${draftSeedId}/actions`, {
      action: 'submit',
      version: draft.body.version,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  });
  afterAll(async () => {
    await i18n.changeLanguage('en');
    await t?.close();
  });

  it('lists published seeds with their badges and filters, and offers "New seed" to headquarters', async () => {
    const params = seedParamsFrom(new URLSearchParams());
    const seed: QuerySeed = [
      await sessionOf(hq),
      [seedsQueryOptions(params).queryKey, await body(hq, '/seeds?limit=50&offset=0')],
      [listingClustersQueryOptions.queryKey, await body(hq, '/clusters?limit=200')],
    ];
    let text = textOf(render(h(SeedsPage), seed, '/seeds', '/seeds'));
    expect(text).toContain('Seeds');
    expect(text).toContain('New seed');
    expect(text).toContain('Low-power FPGA image recognition of snow-covered road surfaces');
    expect(text).toContain('Field trial');
    expect(text).toContain('Available for licence');
    expect(text).toContain('Valid until');
    // Owners see the status and expiry filters; their own seed in review too.
    expect(text).toContain('Expired listings');
    expect(text).toContain('Snow sensor draft');
    expect(text).toContain('In review');

    const publicSeed: QuerySeed = [
      [SESSION_QUERY_KEY, { account: null, csrfToken: 'x' }],
      [seedsQueryOptions(params).queryKey, await body(anonymous, '/seeds?limit=50&offset=0')],
    ];
    text = textOf(render(h(SeedsPage), publicSeed, '/seeds', '/seeds'));
    expect(text).not.toContain('New seed');
    expect(text).not.toContain('Expired listings');
    expect(text).not.toContain('Snow sensor draft');

    await i18n.changeLanguage('ja');
    text = textOf(render(h(SeedsPage), seed, '/seeds', '/seeds'));
    expect(text).toContain('シーズを登録');
    expect(text).toContain('積雪路面を判別する低消費電力FPGA画像認識');
    expect(text).toContain('実証試験');
    expect(text).toContain('期限切れの掲載');
    await i18n.changeLanguage('en');
  });

  it('shows a coordinator the seed, its review actions and ranked needs with the explanation', async () => {
    const seed: QuerySeed = [
      await sessionOf(coordinator),
      [seedQueryOptions(seedId).queryKey, await body(coordinator, `/seeds/${seedId}`)],
      [
        matchingNeedsQueryOptions(seedId).queryKey,
        await body(coordinator, `/seeds/${seedId}/matching-needs?limit=10`),
      ],
    ];
    let html = render(h(SeedDetailPage), seed, `/seeds/${seedId}`, '/seeds/:id');
    let text = textOf(html);
    expect(text).toContain('Low-power FPGA image recognition of snow-covered road surfaces');
    expect(text).toContain('Review and publication');
    expect(text).toContain('Renew');
    expect(text).toContain('Withdraw');
    expect(text).toContain('Matching needs');
    expect(text).toContain('冬期道路の凍結を検知するカメラ');
    // Coordinators read the confidential company's name, marked as confidential.
    expect(text).toContain(companyName.en);
    expect(text).toContain('Confidential company');
    expect(text).toContain('Shared terms');
    expect(text).toMatch(/Same key field: IT \(\+30%\)/);
    expect(text).toMatch(/Stage: Field trial \(\+6%\)/);
    expect(text).toMatch(/Same region: Hokkaido/);
    expect(html).toContain('data-testid="matched-term"');
    expect(html).toContain('role="progressbar"');
    expect(text).toContain('Propose match');

    await i18n.changeLanguage('ja');
    html = render(h(SeedDetailPage), seed, `/seeds/${seedId}`, '/seeds/:id');
    text = textOf(html);
    expect(text).toContain('マッチするニーズ');
    expect(text).toContain('共有する語');
    expect(text).toContain('重点分野が同じ：情報通信（+30%）');
    expect(text).toContain('マッチングを提案');
    expect(text).toContain('更新');
    expect(text).toContain('取下げ');
    await i18n.changeLanguage('en');
  });

  it('offers the coordinator publish and return on a seed in review', async () => {
    const seed: QuerySeed = [
      await sessionOf(coordinator),
      [seedQueryOptions(draftSeedId).queryKey, await body(coordinator, `/seeds/${draftSeedId}`)],
      [
        matchingNeedsQueryOptions(draftSeedId).queryKey,
        await body(coordinator, `/seeds/${draftSeedId}/matching-needs?limit=10`),
      ],
    ];
    const text = textOf(render(h(SeedDetailPage), seed, `/seeds/${draftSeedId}`, '/seeds/:id'));
    expect(text).toContain('In review');
    expect(text).toContain('Publish');
    expect(text).toContain('Return with a note');
    expect(text).toContain('Only published listings that have not expired are matched.');
  });

  it('hides a confidential company from the public and shows it to the company, who may disclose it', async () => {
    const params = needParamsFrom(new URLSearchParams());
    const publicSeed: QuerySeed = [
      [SESSION_QUERY_KEY, { account: null, csrfToken: 'x' }],
      [needsQueryOptions(params).queryKey, await body(anonymous, '/needs?limit=50&offset=0')],
    ];
    let text = textOf(render(h(NeedsPage), publicSeed, '/needs', '/needs'));
    expect(text).toContain('Needs');
    expect(text).toContain('冬期道路の凍結を検知するカメラ');
    expect(text).toContain('Confidential company');
    expect(text).not.toContain(companyName.en);
    expect(text).not.toContain('New need');

    const detailPublic: QuerySeed = [
      [SESSION_QUERY_KEY, { account: null, csrfToken: 'x' }],
      [needQueryOptions(needId).queryKey, await body(anonymous, `/needs/${needId}`)],
    ];
    text = textOf(render(h(NeedDetailPage), detailPublic, `/needs/${needId}`, '/needs/:id'));
    expect(text).toContain(
      'only S&T coordinators, programme officers, administrators and the company see it',
    );
    expect(text).not.toContain(companyName.en);
    expect(text).not.toContain('Disclose company name');
    expect(text).not.toContain('Matching seeds');

    const own: QuerySeed = [
      await sessionOf(company),
      [needQueryOptions(needId).queryKey, await body(company, `/needs/${needId}`)],
      [
        matchingSeedsQueryOptions(needId).queryKey,
        await body(company, `/needs/${needId}/matching-seeds?limit=10`),
      ],
      [coordinatorsQueryOptions.queryKey, { items: [] }],
    ];
    text = textOf(render(h(NeedDetailPage), own, `/needs/${needId}`, '/needs/:id'));
    expect(text).toContain(companyName.en);
    expect(text).toContain('Disclose company name');
    expect(text).toContain('Matching seeds');
    expect(text).toContain('Low-power FPGA image recognition of snow-covered road surfaces');
    // The company sees suggestions but only coordinators propose.
    expect(text).not.toContain('Propose match');

    await i18n.changeLanguage('ja');
    text = textOf(render(h(NeedDetailPage), own, `/needs/${needId}`, '/needs/:id'));
    expect(text).toContain('企業名を公開');
    expect(text).toContain('非公開企業');
    expect(text).toContain('マッチするシーズ');
    text = textOf(render(h(NeedsPage), publicSeed, '/needs', '/needs'));
    expect(text).toContain('ニーズ');
    expect(text).toContain('非公開企業');
    await i18n.changeLanguage('en');
  });
});
