/**
 * Renders the results pages on the server (react-dom/server) with the answers of a real API, so a
 * page that breaks on the shape it is given fails here rather than in the browser. The e2e suite
 * covers interaction; this covers every view of the contract: officer, proposer and public.
 */
import { createElement as h } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';
import { createOrganization, signInNew, createAccount } from '../../../../test/support/factories';
import { CRITERION_KEYS, insertCall, insertProposal } from '../../../../test/support/selection';
import { CallResultsPage } from './pages/CallResultsPage';
import { PublicSelectionCallPage } from './pages/PublicSelectionCallPage';
import { PublicSelectionPage } from './pages/PublicSelectionPage';
import { ProposalResultPanel } from './components/ProposalResultPanel';
import { renderPage as render } from '../../../../test/support/render-page';

describe('selection results pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite');
  });
  afterAll(async () => t?.close());
  it('render the officer, proposer and public views of a call', async () => {
    const officer = await t.signInAs('programme_officer');
    const org = (await createOrganization(officer, { kind: 'local_government' })).id;
    const proposer = (await signInNew(t, 'proposer', { scopeType: 'organization', scopeId: org })).client;
    const c = await insertCall(t.database.db, { status: 'decision', slots: 1 });
    const ids = [] as number[];
    for (let i = 0; i < 3; i++)
      ids.push((await insertProposal(t.database.db, c.id, org, { prefectures: ['01', '13'] })).id);
    const rev = (await createAccount(t, 'evaluator')).id;
    for (const [i, id] of ids.entries()) {
      const at = new Date().toISOString();
      const a = await t.database.db
        .insertInto('review_assignments')
        .values({
          call_id: c.id,
          proposal_id: id,
          reviewer_account_id: rev,
          method: 'manual',
          assigned_by: null,
          assigned_at: at,
          declared_at: at,
          removed_at: null,
          removed_reason: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const r = await t.database.db
        .insertInto('reviews')
        .values({
          assignment_id: a.id,
          call_id: c.id,
          proposal_id: id,
          reviewer_account_id: rev,
          status: 'submitted',
          overall_comment: 'ok',
          submitted_at: at,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.database.db
        .insertInto('review_scores')
        .values(
          CRITERION_KEYS.map((k) => ({
            review_id: r.id,
            criterion_key: k,
            score: i === 2 ? 3 : 4,
            comment: 'c',
          })),
        )
        .execute();
    }
    await officer.request('PUT', `/api/v1/calls/${c.key}/decisions/${ids[0]}`, {
      outcome: 'selected',
      reason: 'r',
      consolidatedComment: 'cc',
    });
    const results = (await officer.get(`/api/v1/calls/${c.key}/results`)).body;
    let html = render(
      h(CallResultsPage),
      [[['selection-results', 'call', c.key], results]],
      `/calls/${c.key}/results`,
      '/calls/:key/results',
    );
    expect(html).toContain('=1');
    expect(html).toContain('The slots or the budget run out here');
    for (const id of ids.slice(1))
      await officer.request('PUT', `/api/v1/calls/${c.key}/decisions/${id}`, {
        outcome: 'rejected',
        reason: 'r',
      });
    const pub = await officer.post(`/api/v1/calls/${c.key}/publish`, { publishOn: '2002-07-01' });
    expect(pub.status).toBe(200);
    const own = (await proposer.get(`/api/v1/proposals/${ids[0]}/result`)).body;
    html = render(
      h(ProposalResultPanel, { proposalId: ids[0]! }),
      [[['selection-results', 'proposal', ids[0]], own]],
      '/x',
      '/x',
    );
    expect(html).toContain('Reviewer 1');
    const list = (await t.anonymous().get('/api/v1/selection')).body;
    html = render(
      h(PublicSelectionPage),
      [[['selection-results', 'public', 'list'], list]],
      '/selection',
      '/selection',
    );
    expect(html).toContain('Selected');
    const one = (await t.anonymous().get(`/api/v1/selection/${c.key}`)).body;
    html = render(
      h(PublicSelectionCallPage),
      [[['selection-results', 'public', 'call', c.key], one]],
      `/selection/${c.key}`,
      '/selection/:key',
    );
    expect(html).toContain('By prefecture');
    const results2 = (await officer.get(`/api/v1/calls/${c.key}/results`)).body;
    html = render(
      h(CallResultsPage),
      [[['selection-results', 'call', c.key], results2]],
      `/calls/${c.key}/results`,
      '/calls/:key/results',
    );
    expect(html).toContain('Published');
  });
});
