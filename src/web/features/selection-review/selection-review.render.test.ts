/**
 * Renders the review pages on the server (react-dom/server) with the answers of a real API, so a
 * page that breaks on the shape it is given fails here rather than in the browser: the officer's
 * review and conflicts pages, the reviewer's list and one assignment after submit and reveal.
 */
import { createElement as h } from 'react';
import i18n from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';
import { createOrganization, createPerson, signInNew } from '../../../../test/support/factories';
import { CRITERION_KEYS, insertCall, insertProposal } from '../../../../test/support/selection';
import { CallConflictsPage } from './pages/CallConflictsPage';
import { CallReviewPage } from './pages/CallReviewPage';
import { MyReviewsPage } from './pages/MyReviewsPage';
import { ReviewAssignmentPage } from './pages/ReviewAssignmentPage';
import { renderPage as render } from '../../../../test/support/render-page';

describe('review pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp('sqlite');
  });
  afterAll(async () => t?.close());

  it('render the officer and reviewer views in both languages', async () => {
    const officer = (await signInNew(t, 'programme_officer')).client;
    const org = (await createOrganization(officer, { prefectureCode: '13' })).id;
    const call = await insertCall(t.database.db, { status: 'review' });
    const p = (await insertProposal(t.database.db, call.id, org, { prefectures: ['13'] })).id;
    const reviewers = [await signInNew(t, 'evaluator'), await signInNew(t, 'evaluator')];
    // The second reviewer works in Tokyo, like the proposal: a detected prefecture conflict.
    const person = await createPerson(officer, { organizationId: org });
    await t.database.db
      .updateTable('accounts')
      .set({ person_id: person.id })
      .where('id', '=', reviewers[1]!.id)
      .execute();
    const third = await signInNew(t, 'evaluator');
    for (const r of [...reviewers, third])
      await officer.post(`/api/v1/calls/${call.key}/reviewers`, { accountId: r.id });
    await officer.post(`/api/v1/calls/${call.key}/assignments`, {
      proposalId: p,
      reviewerAccountId: reviewers[0]!.id,
    });
    await officer.post(`/api/v1/calls/${call.key}/assignments`, {
      proposalId: p,
      reviewerAccountId: third.id,
    });
    const me = reviewers[0]!.client;
    const mine = (await me.get('/api/v1/reviews/assignments')).body;
    const id = mine.assignments[0].id as number;
    await me.post(`/api/v1/reviews/assignments/${id}/declare`, { conflict: false });
    const full = Object.fromEntries(CRITERION_KEYS.map((k) => [k, 4]));
    await me.post(`/api/v1/reviews/assignments/${id}/submit`, { scores: full, overallComment: 'Strong' });
    const otherId = (await third.client.get('/api/v1/reviews/assignments')).body.assignments[0].id as number;
    await third.client.post(`/api/v1/reviews/assignments/${otherId}/declare`, { conflict: false });
    await third.client.post(`/api/v1/reviews/assignments/${otherId}/submit`, {
      scores: { ...full, 'basic.focus': 1 },
    });
    await officer.post(`/api/v1/calls/${call.key}/reveal`);

    const base = ['selection-review', 'call', call.key];
    const officerSeed: [unknown[], unknown][] = await Promise.all(
      ['assignments', 'reviewers', 'candidates', 'consensus', 'conflicts'].map(
        async (part) =>
          [
            [...base, part],
            (
              await officer.get(
                `/api/v1/calls/${call.key}/${part === 'candidates' ? 'reviewers/candidates' : part}`,
              )
            ).body,
          ] as [unknown[], unknown],
      ),
    );
    const mineSeed: [unknown[], unknown][] = [
      [['selection-review', 'mine', 'list'], (await me.get('/api/v1/reviews/assignments')).body],
      [['selection-review', 'mine', 'reminders'], (await me.get('/api/v1/reviews/reminders')).body],
      [
        ['selection-review', 'mine', id, 'proposal'],
        (await me.get(`/api/v1/reviews/assignments/${id}/proposal`)).body,
      ],
      [
        ['selection-review', 'mine', id, 'review'],
        (await me.get(`/api/v1/reviews/assignments/${id}/review`)).body,
      ],
    ];

    for (const lng of ['en', 'ja']) {
      await i18n.changeLanguage(lng);
      const en = lng === 'en';
      let html = render(h(CallReviewPage), officerSeed, `/calls/${call.key}/review`, '/calls/:key/review');
      expect(html).toContain(en ? 'Reviewer pool' : '審査員プール');
      expect(html).toContain(en ? 'Submitted' : '提出済');
      expect(html).toContain(en ? 'Conflict' : '利益相反');
      html = render(
        h(CallConflictsPage),
        officerSeed,
        `/calls/${call.key}/conflicts`,
        '/calls/:key/conflicts',
      );
      expect(html).toContain(en ? 'Same prefecture' : '同一都道府県');
      html = render(h(MyReviewsPage), mineSeed, '/reviews', '/reviews');
      expect(html).toContain(en ? 'Submitted' : '提出済');
      html = render(h(ReviewAssignmentPage), mineSeed, `/reviews/${id}`, '/reviews/:assignmentId');
      expect(html).toContain(en ? 'Focus on a specific field' : '特定分野への特化');
      expect(html).toContain(en ? 'Other reviewers&#x27; scores' : '他の審査員の評点');
      expect(html).toContain(en ? 'Reviewer B' : '審査員 B');
      expect(html).not.toContain(third.email);
    }
  });
});
