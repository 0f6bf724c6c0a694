/**
 * Renders the self-evaluation and interview pages on the server (react-dom/server) with the
 * answers of a real API, in English and Japanese, for each reader: Sapporo's headquarters writing
 * a draft with a file, an evaluator before and after submission, the officer who can reopen it,
 * and the interview schedule as officers, evaluators and headquarters see it.
 */
import { createElement as h } from 'react';
import i18n from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';
import { signInNew, unique } from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { multipart } from '../../../../test/support/uploads';
import { InterviewsPage } from './pages/InterviewsPage';
import { SelfEvaluationPage } from './pages/SelfEvaluationPage';
import { SelfEvaluationsPage } from './pages/SelfEvaluationsPage';
import { renderPage as render } from '../../../../test/support/render-page';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const NARRATIVE = 'Research on embedded software progressed as planned';
const MINUTES = 'The cluster explained its patent strategy';

async function ok(client: HttpClient, url: string) {
  const res = await client.get(url);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

describe('self-evaluation and interview pages', () => {
  let t: TestApp;
  let officer: HttpClient;
  let hq: HttpClient;
  let evaluator: { id: number; client: HttpClient };
  let key: string;

  /** What one reader's browser would hold: the session, the round, and the page's own answer. */
  async function seedFor(client: HttpClient, page: [readonly unknown[], string][]) {
    const seed: [readonly unknown[], unknown][] = [
      [['session'], await ok(client, '/api/v1/auth/session')],
      [['rounds', 'detail', key], await ok(client, `/api/v1/rounds/${key}`)],
    ];
    for (const [queryKey, url] of page) seed.push([queryKey, await ok(client, url)]);
    return seed;
  }

  const list = (client: HttpClient) =>
    seedFor(client, [[['evaluation-self', 'list', key], `/api/v1/rounds/${key}/self-evaluations`]]);
  const report = (client: HttpClient) =>
    seedFor(client, [
      [['evaluation-self', 'detail', key, 'sapporo'], `/api/v1/rounds/${key}/self-evaluations/sapporo`],
    ]);
  const interviews = (client: HttpClient) =>
    seedFor(client, [[['evaluation-interviews', 'list', key], `/api/v1/rounds/${key}/interviews`]]);

  const renderList = async (client: HttpClient) =>
    render(
      h(SelfEvaluationsPage),
      await list(client),
      `/rounds/${key}/self-evaluations`,
      '/rounds/:key/self-evaluations',
    );
  const renderReport = async (client: HttpClient) =>
    render(
      h(SelfEvaluationPage),
      await report(client),
      `/rounds/${key}/self-evaluations/sapporo`,
      '/rounds/:key/self-evaluations/:clusterKey',
    );
  const renderInterviews = async (client: HttpClient) =>
    render(
      h(InterviewsPage),
      await interviews(client),
      `/rounds/${key}/interviews`,
      '/rounds/:key/interviews',
    );

  beforeAll(async () => {
    t = await buildTestApp('sqlite');
    officer = (await signInNew(t, 'programme_officer')).client;
    hq = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'sapporo' })).client;
    evaluator = await signInNew(t, 'evaluator');
    const created = await officer.post('/api/v1/rounds', {
      key: `se-render-${unique()}`,
      title: { ja: '平成16年度 中間評価', en: 'FY2004 intermediate evaluation' },
      fiscalYear: 2004,
      targetStartFiscalYear: 2002,
      phases: [
        { phase: 'self_evaluation', from: '2004-10-01', to: '2004-11-30' },
        { phase: 'interviews', from: '2004-11-24', to: '2004-12-10' },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    key = created.body.key;
    await officer.post(`/api/v1/rounds/${key}/members`, { accountId: evaluator.id, role: 'evaluator' });
    expect((await officer.post(`/api/v1/rounds/${key}/assignments`, {})).status).toBe(200);
    const opened = await officer.post(`/api/v1/rounds/${key}/status`, {
      status: 'self_evaluation',
      version: created.body.version,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const line = await officer.post('/api/v1/budgets', {
      cluster: 'sapporo',
      fiscalYear: 2003,
      kind: 'mext_subsidy',
      amountYen: 500_000_000,
      source: 'FY2003 grant decision',
    });
    expect(line.status, JSON.stringify(line.body)).toBe(201);
  });
  afterAll(async () => t?.close());

  it('render the draft for headquarters, officers and evaluators, in both languages', async () => {
    const url = `/api/v1/rounds/${key}/self-evaluations/sapporo`;
    const saved = await hq.put(url, { version: 1, narratives: { 'progress.technical': NARRATIVE } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const body = multipart({ itemKey: 'progress.technical' }, { name: 'patent-list.pdf', content: PDF });
    const file = await hq.request('POST', `${url}/attachments`, undefined, {
      raw: body.payload as unknown as string,
      headers: { 'content-type': body.contentType },
    });
    expect(file.status, JSON.stringify(file.body)).toBe(201);

    await i18n.changeLanguage('en');
    let html = await renderReport(hq);
    expect(html).toContain('Sapporo');
    expect(html).toContain(NARRATIVE);
    expect(html).toContain('<textarea');
    expect(html).toContain('Save draft');
    expect(html).toContain('Submit report');
    expect(html).toContain('Write 7 more items before you submit');
    expect(html).toContain('The deadline has passed');
    expect(html).toContain('patent-list.pdf');
    expect(html).toContain(String(file.body.sha256).slice(0, 12));
    expect(html).toContain('Papers (domestic)');
    expect(html).toContain('¥500 million');
    expect(html).toContain('From these outcome reports');

    html = await renderList(hq);
    expect(html).toContain('Your self-evaluation report');
    expect(html).toContain('Continue your report');
    expect(html).toContain('1 / 8');

    html = await renderList(officer);
    expect(html).toContain('1 of 12');
    expect(html).toContain('11 of 12');
    expect(html).toContain('Deadline: ');

    html = await renderList(evaluator.client);
    expect(html).toContain('Shown once submitted');

    html = await renderReport(evaluator.client);
    expect(html).toContain('Not submitted yet');
    expect(html).not.toContain(NARRATIVE);
    expect(html).toContain('Papers (domestic)');

    html = await renderReport(officer);
    expect(html).toContain(NARRATIVE);
    expect(html).not.toContain('<textarea');
    expect(html).toContain('you are reading their draft');

    await i18n.changeLanguage('ja');
    html = await renderReport(hq);
    expect(html).toContain('下書きを保存');
    expect(html).toContain('提出期限');
    expect(html).toContain('あと7項目');
    expect(html).toContain('論文（国内）');
    expect(html).toContain('5億円');
    html = await renderList(hq);
    expect(html).toContain('貴クラスターの自己評価書');
    html = await renderList(evaluator.client);
    expect(html).toContain('提出後に表示');
  });

  it('render the submitted report for evaluators and the officer who may reopen it', async () => {
    const url = `/api/v1/rounds/${key}/self-evaluations/sapporo`;
    const current = (await hq.get(url)).body;
    const items = (current.missingItems as string[]).concat('progress.technical');
    const all = Object.fromEntries(
      items.map((k) => [k, k === 'progress.technical' ? NARRATIVE : `${k} text`]),
    );
    const saved = await hq.put(url, { version: current.version, narratives: all });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const done = await hq.post(`${url}/submit`, { version: saved.body.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);

    await i18n.changeLanguage('en');
    let html = await renderReport(evaluator.client);
    expect(html).toContain(NARRATIVE);
    expect(html).toContain('patent-list.pdf');
    expect(html).not.toContain('Save draft');
    html = await renderReport(officer);
    expect(html).toContain('Reopen for headquarters');
    html = await renderReport(hq);
    expect(html).toContain('The report is submitted and locked');
    expect(html).not.toContain('<textarea');
    html = await renderList(evaluator.client);
    expect(html).toContain('8 / 8');

    await i18n.changeLanguage('ja');
    html = await renderReport(officer);
    expect(html).toContain('本部へ差し戻す');
    expect(html).toContain('提出済み');
  });

  it('render the interview schedule for officers, evaluators and headquarters, in both languages', async () => {
    const created = await officer.post(`/api/v1/rounds/${key}/interviews`, {
      clusterKey: 'sapporo',
      heldAt: '2004-11-24T13:30:00+09:00',
      place: 'MEXT 16F meeting room',
      attendees: [
        { name: 'Ichiro Hyoka', affiliation: 'Evaluating group', side: 'evaluator' },
        { name: 'Hanako Honbu', affiliation: 'Sapporo headquarters', side: 'cluster' },
      ],
      minutes: { 'progress.technical': MINUTES },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    await i18n.changeLanguage('en');
    let html = await renderInterviews(officer);
    expect(html).toContain('MEXT 16F meeting room');
    expect(html).toContain('Ichiro Hyoka');
    expect(html).toContain(MINUTES);
    expect(html).toContain('Record minutes');
    expect(html).toContain('11 clusters without an interview yet');
    expect(html).toContain('Schedule an interview');
    expect(html).toContain('13:30');

    html = await renderInterviews(evaluator.client);
    expect(html).toContain(MINUTES);
    expect(html).not.toContain('Ichiro Hyoka');
    expect(html).toContain('1 more attendee not shown to you');
    expect(html).not.toContain('Record minutes');

    html = await renderInterviews(hq);
    expect(html).toContain('Hanako Honbu');
    expect(html).not.toContain(MINUTES);
    expect(html).toContain('not shown to cluster headquarters');

    await i18n.changeLanguage('ja');
    html = await renderInterviews(officer);
    expect(html).toContain('議事録を記録');
    expect(html).toContain('ヒアリング未設定のクラスター（11件）');
    html = await renderInterviews(hq);
    expect(html).toContain('クラスター本部には表示されません');
  });
});
