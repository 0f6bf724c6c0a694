/**
 * Renders the pipeline pages on the server (react-dom/server) with the answers of a real API, in
 * English and Japanese: the board by stage, a match taken from introduction to sales (timeline,
 * joint research, sales in yen, "Record a step" with the next steps), the answer forms a company
 * sees on a newly proposed match, and the coordinators' activity summary. The e2e suite covers
 * interaction.
 */
import { createElement as h } from 'react';
import i18n from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionResponse } from '../../../contracts/auth';
import { japanDate } from '../../../domain/fiscal-year';
import { SESSION_QUERY_KEY } from '../../lib/session';
import { createOrganization, signInNew } from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { interestedMatch, needBody, publishListing, seedBody } from '../../../../test/support/matching';
import { renderPage as render, textOf, type QuerySeed } from '../../../../test/support/render-page';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';
import {
  coordinatorSummaryQueryOptions,
  matchBoardQueryOptions,
  matchQueryOptions,
  pipelineCoordinatorsQueryOptions,
} from './api/matches-api';
import { CoordinatorSummaryPage } from './pages/CoordinatorSummaryPage';
import { MatchBoardPage } from './pages/MatchBoardPage';
import { MatchPage } from './pages/MatchPage';

const TODAY = japanDate(new Date());

describe('matching pipeline pages', () => {
  let t: TestApp;
  let coordinator: HttpClient;
  let coordinatorName: string;
  let company: HttpClient;
  let companyName: string;
  let advancedId: number;
  let proposedId: number;

  async function body(client: HttpClient, path: string): Promise<unknown> {
    const res = await client.get(`/api/v1${path}`);
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body;
  }

  async function sessionOf(client: HttpClient): Promise<QuerySeed[number]> {
    return [SESSION_QUERY_KEY, await body(client, '/auth/session')];
  }

  async function record(id: number, step: Record<string, unknown>) {
    const version = ((await body(coordinator, `/matches/${id}`)) as { version: number }).version;
    const res = await coordinator.post(`/api/v1/matches/${id}/steps`, {
      occurredOn: TODAY,
      version,
      ...step,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }

  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    const officer = (await signInNew(t, 'programme_officer')).client;
    const c = await signInNew(t, 'coordinator');
    coordinator = c.client;
    coordinatorName = ((await body(coordinator, '/auth/session')) as SessionResponse).account!.displayName;
    const hq = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'sapporo' })).client;
    const org = await createOrganization(officer, { kind: 'company', prefectureCode: '01' });
    companyName = (org.name as { en: string }).en;
    company = (
      await signInNew(t, 'partner_company', { scopeType: 'organization', scopeId: org.id as number })
    ).client;
    const seed = await publishListing(hq, coordinator, 'seeds', seedBody());
    const need = await publishListing(company, coordinator, 'needs', needBody(org.id as number));
    advancedId = (await interestedMatch(coordinator, seed.id, need.id)).id;
    await record(advancedId, { step: 'introduction', notes: '紹介メールを送付' });
    await record(advancedId, { step: 'meeting', attendees: ['佐藤 教授', 'Tanaka (company)'] });
    await record(advancedId, { step: 'confidentiality_agreement' });
    await record(advancedId, {
      step: 'joint_research',
      jointResearch: {
        partners: ['北海道大学', companyName],
        budgetYen: 12_000_000,
        funder: 'mext',
        theme: '凍結路面検知カメラの実用化',
      },
    });
    await record(advancedId, { step: 'product' });
    await record(advancedId, { step: 'sales', salesYen: 4_500_000 });

    const seed2 = await publishListing(
      hq,
      coordinator,
      'seeds',
      seedBody({ title: { ja: '', en: 'Road ice sensor with thermal imaging' } }),
    );
    const proposed = await coordinator.post('/api/v1/matches', {
      seedId: seed2.id,
      needId: need.id,
      note: 'Thermal imaging answers the night-time case',
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    proposedId = proposed.body.id as number;
  });
  afterAll(async () => {
    await i18n.changeLanguage('en');
    await t?.close();
  });

  it('shows the board with a column per stage and the cards in them', async () => {
    const seed: QuerySeed = [
      await sessionOf(coordinator),
      [matchBoardQueryOptions({ coordinator: undefined }).queryKey, await body(coordinator, '/matches')],
      [pipelineCoordinatorsQueryOptions.queryKey, await body(coordinator, '/coordinators')],
    ];
    let html = render(h(MatchBoardPage), seed, '/matches', '/matches');
    let text = textOf(html);
    expect(text).toContain('Matching pipeline');
    expect(text).toContain('Coordinator activity');
    expect(text).toContain('2 matches');
    for (const stage of [
      'Proposed',
      'Introduction',
      'Meeting',
      'Confidentiality agreement',
      'Joint research',
    ])
      expect(text).toContain(stage);
    expect(html).toContain('data-testid="match-column-sales"');
    expect(html).not.toContain('data-testid="match-column-declined"');
    expect(text).toContain('Road ice sensor with thermal imaging');
    expect(text).toContain(`Proposed by ${coordinatorName}`);

    html = render(h(MatchBoardPage), seed, '/matches?ended=show', '/matches');
    expect(html).toContain('data-testid="match-column-declined"');
    expect(html).toContain('data-testid="match-column-closed"');

    await i18n.changeLanguage('ja');
    text = textOf(render(h(MatchBoardPage), seed, '/matches', '/matches'));
    expect(text).toContain('マッチングの進捗');
    expect(text).toContain('秘密保持契約');
    expect(text).toContain('共同研究');
    expect(text).toContain('製品化');
    expect(text).toContain('売上');
    await i18n.changeLanguage('en');
  });

  it('shows a match from interest to sales, with joint research and sales in yen and the next steps', async () => {
    const seed: QuerySeed = [
      await sessionOf(coordinator),
      [matchQueryOptions(advancedId).queryKey, await body(coordinator, `/matches/${advancedId}`)],
    ];
    const html = render(h(MatchPage), seed, `/matches/${advancedId}`, '/matches/:id');
    let text = textOf(html);
    expect(text).toContain('Low-power FPGA image recognition of snow-covered road surfaces');
    expect(text).toContain('冬期道路の凍結を検知するカメラ');
    expect(text).toContain('Sales');
    expect(text).toContain('What do you offer? our sensor');
    expect(text).toContain('What do you seek? a field partner');
    expect(text).toContain('What should happen next? meet in Sapporo');
    expect(text).toContain('紹介メールを送付');
    expect(text).toContain('Attendees: 佐藤 教授, Tanaka (company)');
    expect(text).toContain('Theme: 凍結路面検知カメラの実用化');
    expect(text).toContain('Funded by: MEXT');
    expect(text).toContain('Budget: ¥12 million');
    expect(text).toContain('Sales: ¥4.5 million');
    expect(text).toContain('Record a step');
    expect(text).toContain('Close the match');
    expect(html.match(/data-testid="timeline-step"/g)).toHaveLength(6);
    // Both answered: no answer form is open.
    expect(html).not.toContain('data-testid="answer-form-seed"');

    await i18n.changeLanguage('ja');
    text = textOf(render(h(MatchPage), seed, `/matches/${advancedId}`, '/matches/:id'));
    expect(text).toContain('提供できること');
    expect(text).toContain('求めること');
    expect(text).toContain('次の一歩');
    expect(text).toContain('紹介');
    expect(text).toContain('面談');
    expect(text).toContain('段階を記録');
    expect(text).toContain('文部科学省');
    expect(text).toContain('1,200万円');
    expect(text).toContain('450万円');
    await i18n.changeLanguage('en');
  });

  it('gives the company the answer form of its own side only', async () => {
    const seed: QuerySeed = [
      await sessionOf(company),
      [matchQueryOptions(proposedId).queryKey, await body(company, `/matches/${proposedId}`)],
    ];
    let html = render(h(MatchPage), seed, `/matches/${proposedId}`, '/matches/:id');
    let text = textOf(html);
    expect(text).toContain('Thermal imaging answers the night-time case');
    expect(text).toContain('Awaiting answer');
    expect(html).toContain('data-testid="answer-form-need"');
    expect(html).not.toContain('data-testid="answer-form-seed"');
    expect(text).toContain('Interested: express interest');
    expect(text).toContain('Decline');
    expect(text).toContain('Steps are recorded once both sides are interested.');
    expect(text).not.toContain('Record a step');
    expect(text).not.toContain('Close the match');

    await i18n.changeLanguage('ja');
    html = render(h(MatchPage), seed, `/matches/${proposedId}`, '/matches/:id');
    text = textOf(html);
    expect(text).toContain('関心あり（関心表明）');
    expect(text).toContain('回答を送る');
    expect(text).toContain('回答待ち');
    await i18n.changeLanguage('en');
  });

  it('summarises each coordinator’s matches by stage, joint research and sales', async () => {
    const seed: QuerySeed = [
      await sessionOf(coordinator),
      [
        coordinatorSummaryQueryOptions(undefined, undefined).queryKey,
        await body(coordinator, '/matches/coordinator-summary'),
      ],
    ];
    const html = render(h(CoordinatorSummaryPage), seed, '/matches/coordinators', '/matches/coordinators');
    let text = textOf(html);
    expect(text).toContain('Coordinator activity');
    expect(text).toContain(coordinatorName);
    expect(text).toContain('Matches per coordinator and stage');
    expect(html).toContain('role="img"');
    expect(text).toContain('¥12 million');
    expect(text).toContain('¥4.5 million');

    await i18n.changeLanguage('ja');
    text = textOf(render(h(CoordinatorSummaryPage), seed, '/matches/coordinators', '/matches/coordinators'));
    expect(text).toContain('コーディネータ別の活動');
    expect(text).toContain('共同研究予算');
    await i18n.changeLanguage('en');
  });
});
