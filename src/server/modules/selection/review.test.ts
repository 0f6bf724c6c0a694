/**
 * The review slice through HTTP on every engine: pool and profiles, conflicts (detected, declared,
 * ruled), manual and automatic assignment, the reviewer's declaration, proposal, attachment and
 * review (draft, submit, lock), the reveal with anonymised scores, and the consensus step — with
 * the bad input each refused with a clear 4xx and nothing changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import {
  countRows,
  createAccount,
  createOrganization,
  createPerson,
  expectProblem,
  lastAuditEntry,
  signInNew,
} from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { CRITERION_KEYS, insertCall, insertProposal } from '../../../../test/support/selection';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

/** HttpClient has no put(); the review and profile routes are PUTs. */
const put = (c: HttpClient, url: string, body: unknown) => c.request('PUT', url, body);

const FULL = Object.fromEntries(CRITERION_KEYS.map((k) => [k, 4]));

describe.each(ENGINES)('selection review on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let call: { id: number; key: string };
  let p1: number;
  let p2: number;
  const rev: { id: number; email: string; client: HttpClient }[] = [];
  let outsider: number;

  async function reviewerAt(organizationId: number) {
    const r = await signInNew(t, 'evaluator');
    const person = await createPerson(officer, { organizationId });
    await t.database.db
      .updateTable('accounts')
      .set({ person_id: person.id })
      .where('id', '=', r.id)
      .execute();
    return r;
  }

  async function assignmentOf(reviewer: number, proposal: number): Promise<number | undefined> {
    const row = await t.database.db
      .selectFrom('review_assignments')
      .select('id')
      .where('reviewer_account_id', '=', reviewer)
      .where('proposal_id', '=', proposal)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return row?.id;
  }

  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = await t.signInAs('programme_officer');
    const proposer = await createOrganization(officer, { prefectureCode: '13' });
    const core = await createOrganization(officer, { prefectureCode: '26' });
    const clean = await createOrganization(officer, { prefectureCode: '40' });
    call = await insertCall(t.database.db, { status: 'review' });
    p1 = (
      await insertProposal(t.database.db, call.id, proposer.id, {
        prefectures: ['26'],
        coreOrganizationId: core.id,
      })
    ).id;
    p2 = (await insertProposal(t.database.db, call.id, proposer.id, { prefectures: ['01'] })).id;
    // A draft proposal never takes part in review.
    await insertProposal(t.database.db, call.id, proposer.id, { status: 'draft' });
    rev.push(await reviewerAt(clean.id)); // r0: clean
    rev.push(await reviewerAt(core.id)); // r1: works at P1's core organization in prefecture 26
    rev.push(await reviewerAt(clean.id)); // r2: clean
    outsider = (await createAccount(t, 'coordinator')).id;
  });
  afterAll(async () => t?.close());

  it('adds evaluators to the pool and detects their conflicts; refuses a non-evaluator', async () => {
    const candidates = await officer.get(`/api/v1/calls/${call.key}/reviewers/candidates`);
    expect(candidates.body.candidates.map((c: any) => c.accountId)).toEqual(
      expect.arrayContaining(rev.map((r) => r.id)),
    );
    expect(candidates.body.candidates.map((c: any) => c.accountId)).not.toContain(outsider);
    for (const r of rev) {
      const res = await officer.post(`/api/v1/calls/${call.key}/reviewers`, { accountId: r.id });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const before = await countRows(t, 'call_reviewers');
    const bad = await officer.post(`/api/v1/calls/${call.key}/reviewers`, { accountId: outsider });
    expectProblem(bad, 422, 'UNKNOWN_REFERENCE', 'body.accountId');
    expect(await countRows(t, 'call_reviewers')).toBe(before);

    const pool = await officer.get(`/api/v1/calls/${call.key}/reviewers`);
    expect(pool.body.reviewers).toHaveLength(3);
    const conflicts = await officer.get(`/api/v1/calls/${call.key}/conflicts`);
    expect(conflicts.body.conflicts.map((c: { kind: string }) => c.kind).sort()).toEqual([
      'organization',
      'prefecture',
    ]);
    expect(
      conflicts.body.conflicts.every((c: any) => c.reviewer.accountId === rev[1]!.id && c.proposal.id === p1),
    ).toBe(true);
    expect(conflicts.body.conflicts[0]).toMatchObject({
      origin: 'detected',
      status: 'pending',
      blocking: true,
    });
  });

  it('lets a reviewer keep their own profile but not read another’s', async () => {
    const me = rev[0]!;
    const saved = await put(me.client, `/api/v1/reviewers/${me.id}/profile`, {
      keyFields: ['it'],
      collaboratorOrganizationIds: [],
      prefectureCode: null,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ keyFields: ['it'], version: 1 });
    expectProblem(await me.client.get(`/api/v1/reviewers/${rev[1]!.id}/profile`), 404, 'NOT_FOUND');
    const bad = await put(me.client, `/api/v1/reviewers/${me.id}/profile`, {
      keyFields: ['it', 'no-such-field'],
      collaboratorOrganizationIds: [],
      prefectureCode: null,
    });
    expectProblem(bad, 422, 'UNKNOWN_REFERENCE', 'body.keyFields.1');
    expect((await me.client.get(`/api/v1/reviewers/${me.id}/profile`)).body.keyFields).toEqual(['it']);
  });

  it('refuses a manual assignment on a conflict (409) and over the cap (409), writing no assignment', async () => {
    const conflicted = await officer.post(`/api/v1/calls/${call.key}/assignments`, {
      proposalId: p1,
      reviewerAccountId: rev[1]!.id,
    });
    expectProblem(conflicted, 409, 'CONFLICT_OF_INTEREST', 'body.reviewerAccountId');

    await officer.post(`/api/v1/calls/${call.key}/reviewers`, { accountId: rev[2]!.id, maxLoad: 0 });
    const full = await officer.post(`/api/v1/calls/${call.key}/assignments`, {
      proposalId: p2,
      reviewerAccountId: rev[2]!.id,
    });
    expectProblem(full, 409, 'OVER_CAPACITY', 'body.reviewerAccountId');
    expect(await countRows(t, 'review_assignments')).toBe(0);
    await officer.post(`/api/v1/calls/${call.key}/reviewers`, { accountId: rev[2]!.id, maxLoad: null });

    const ok = await officer.post(`/api/v1/calls/${call.key}/assignments`, {
      proposalId: p1,
      reviewerAccountId: rev[0]!.id,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.assignments).toHaveLength(1);
    expect((await lastAuditEntry(t)).action).toBe('review-assignment.create');
  });

  it('refuses assignment while the call is still open before its deadline', async () => {
    const open = await insertCall(t.database.db, { status: 'open' });
    const res = await officer.post(`/api/v1/calls/${open.key}/assignments/auto`, {
      perProposal: 2,
      cap: 3,
      seed: 1,
      commit: false,
    });
    expectProblem(res, 409, 'INVALID_TRANSITION');
  });

  it('previews an automatic assignment without writing, then commits it keeping the manual one', async () => {
    const body = { perProposal: 2, cap: 5, seed: 42, commit: false };
    const preview = await officer.post(`/api/v1/calls/${call.key}/assignments/auto`, body);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.committed).toBe(false);
    expect(await countRows(t, 'review_assignments')).toBe(1);
    expect(preview.body.assignments).toHaveLength(4);
    expect(preview.body.shortfalls).toEqual([]);
    expect(
      preview.body.assignments.some((a: any) => a.proposalId === p1 && a.reviewerAccountId === rev[1]!.id),
    ).toBe(false);
    expect(
      preview.body.assignments.find((a: any) => a.proposalId === p1 && a.reviewerAccountId === rev[0]!.id),
    ).toMatchObject({
      manual: true,
      added: false,
    });

    const commit = await officer.post(`/api/v1/calls/${call.key}/assignments/auto`, {
      ...body,
      commit: true,
    });
    expect(commit.body.committed).toBe(true);
    expect(commit.body.assignments).toEqual(preview.body.assignments);
    expect(await countRows(t, 'review_assignments')).toBe(4);
    expect((await lastAuditEntry(t)).action).toBe('review-assignment.auto');

    const tooMany = await officer.post(`/api/v1/calls/${call.key}/assignments/auto`, {
      ...body,
      perProposal: 3,
    });
    expect(tooMany.body.shortfalls).toEqual([
      expect.objectContaining({ proposalId: p1, code: 'too_few_unconflicted', assigned: 2, needed: 3 }),
    ]);
  });

  it('shows a reviewer only their own assignments, never co-reviewers, and 404 for anyone else’s', async () => {
    const mine = await rev[0]!.client.get('/api/v1/reviews/assignments');
    expect(mine.status).toBe(200);
    expect(mine.body.assignments.map((a: any) => a.proposal.id)).toContain(p1);
    expect(JSON.stringify(mine.body)).not.toContain(rev[2]!.email);
    for (const a of mine.body.assignments)
      expect(Object.keys(a).sort()).toEqual([
        'call',
        'declared',
        'due',
        'id',
        'overdue',
        'proposal',
        'status',
      ]);
    const others = await assignmentOf(rev[2]!.id, p1);
    expect(others).toBeDefined();
    expectProblem(await rev[0]!.client.get(`/api/v1/reviews/assignments/${others}/review`), 404, 'NOT_FOUND');
    expectProblem(
      await rev[0]!.client.get(`/api/v1/reviews/assignments/${others}/proposal`),
      404,
      'NOT_FOUND',
    );
    const conflictedList = await rev[1]!.client.get('/api/v1/reviews/assignments');
    expect(conflictedList.body.assignments.some((a: any) => a.proposal.id === p1)).toBe(false);
  });

  it('asks for the declaration first, then opens the proposal and its attachment', async () => {
    const id = (await assignmentOf(rev[0]!.id, p1))!;
    expectProblem(
      await rev[0]!.client.get(`/api/v1/reviews/assignments/${id}/proposal`),
      409,
      'DECLARATION_REQUIRED',
    );
    const declared = await rev[0]!.client.post(`/api/v1/reviews/assignments/${id}/declare`, {
      conflict: false,
    });
    expect(declared.body).toMatchObject({ removed: false });
    expectProblem(
      await rev[0]!.client.post(`/api/v1/reviews/assignments/${id}/declare`, { conflict: false }),
      409,
      'INVALID_TRANSITION',
    );

    const storageKey = `proposals/${p1}/plan.pdf`;
    fs.mkdirSync(path.join(t.dataDir, 'proposals', String(p1)), { recursive: true });
    fs.writeFileSync(path.join(t.dataDir, storageKey), '%PDF-1.4 test');
    const att = await t.database.db
      .insertInto('attachments')
      .values({
        owner_type: 'proposal',
        owner_id: p1,
        document_key: 'plan',
        file_name: '計画書.pdf',
        media_type: 'application/pdf',
        size_bytes: 13,
        sha256: 'x'.repeat(64),
        storage_key: storageKey,
        uploaded_by: null,
        uploaded_at: new Date().toISOString(),
        removed_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const proposal = await rev[0]!.client.get(`/api/v1/reviews/assignments/${id}/proposal`);
    expect(proposal.status, JSON.stringify(proposal.body)).toBe(200);
    expect(proposal.body).toMatchObject({ id: p1, narratives: { basic: 'Narrative' } });
    expect(proposal.body.budgetPlan).toHaveLength(5);
    expect(proposal.body.attachments).toEqual([
      expect.objectContaining({ id: att.id, fileName: '計画書.pdf' }),
    ]);
    const file = await rev[0]!.client.get(`/api/v1/reviews/assignments/${id}/attachments/${att.id}`);
    expect(file.status).toBe(200);
    expect(file.text).toBe('%PDF-1.4 test');
  });

  it('removes the assignment when a reviewer declares a conflict; the proposal is then 404', async () => {
    const id = (await assignmentOf(rev[2]!.id, p1))!;
    const res = await rev[2]!.client.post(`/api/v1/reviews/assignments/${id}/declare`, {
      conflict: true,
      kind: 'personal',
      detail: 'My former student leads the core lab',
    });
    expect(res.body).toMatchObject({ removed: true });
    expectProblem(await rev[2]!.client.get(`/api/v1/reviews/assignments/${id}/proposal`), 404, 'NOT_FOUND');
    expectProblem(await rev[2]!.client.get(`/api/v1/reviews/assignments/${id}/review`), 404, 'NOT_FOUND');
    const att = await t.database.db
      .selectFrom('attachments')
      .select('id')
      .where('owner_id', '=', p1)
      .executeTakeFirstOrThrow();
    expectProblem(
      await rev[2]!.client.get(`/api/v1/reviews/assignments/${id}/attachments/${att.id}`),
      404,
      'NOT_FOUND',
    );

    const queue = await officer.get(`/api/v1/calls/${call.key}/conflicts`);
    const declared = queue.body.conflicts.find((c: any) => c.origin === 'declared');
    expect(declared).toMatchObject({
      kind: 'personal',
      status: 'pending',
      reviewer: { accountId: rev[2]!.id },
    });
    const bad = await officer.post(`/api/v1/calls/${call.key}/conflicts/${declared.id}/ruling`, {
      status: 'confirmed',
      note: '',
    });
    expectProblem(bad, 400, 'VALIDATION_FAILED', 'body.note');
    const ruled = await officer.post(`/api/v1/calls/${call.key}/conflicts/${declared.id}/ruling`, {
      status: 'confirmed',
      note: 'Supervisor relationship within 3 years',
    });
    expect(ruled.body).toMatchObject({
      status: 'confirmed',
      rulingNote: 'Supervisor relationship within 3 years',
    });
    expect((await lastAuditEntry(t)).action).toBe('conflict.confirm');
  });

  it('refuses scores outside the scale or off its steps, and an incomplete submission, changing nothing', async () => {
    const id = (await assignmentOf(rev[0]!.id, p1))!;
    const c = rev[0]!.client;
    const above = await put(c, `/api/v1/reviews/assignments/${id}/review`, { scores: { 'basic.focus': 6 } });
    expectProblem(above, 422, 'RULE_VIOLATION', 'body.scores.basic.focus');
    const offStep = await put(c, `/api/v1/reviews/assignments/${id}/review`, {
      scores: { 'basic.focus': 2.5 },
    });
    expectProblem(offStep, 422, 'RULE_VIOLATION', 'body.scores.basic.focus');
    const unknown = await put(c, `/api/v1/reviews/assignments/${id}/review`, { scores: { 'no.such': 3 } });
    expectProblem(unknown, 422, 'RULE_VIOLATION', 'body.scores.no.such');
    const notNumber = await put(c, `/api/v1/reviews/assignments/${id}/review`, {
      scores: { 'basic.focus': 'five' },
    });
    expectProblem(notNumber, 400, 'VALIDATION_FAILED');
    expect(await countRows(t, 'reviews')).toBe(0);

    const draft = await put(c, `/api/v1/reviews/assignments/${id}/review`, {
      scores: { 'basic.focus': 3 },
      comments: { 'basic.focus': 'Clear focus on IT' },
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body).toMatchObject({
      status: 'draft',
      scores: { 'basic.focus': { score: 3, comment: 'Clear focus on IT' } },
    });

    const incomplete = await c.post(`/api/v1/reviews/assignments/${id}/submit`, {
      scores: { 'basic.focus': 4 },
    });
    expectProblem(incomplete, 422, 'RULE_VIOLATION', 'body.scores.technical.competence');
    const after = await c.get(`/api/v1/reviews/assignments/${id}/review`);
    expect(after.body).toMatchObject({ status: 'draft', scores: { 'basic.focus': { score: 3 } } });
  });

  it('submits, locks the review, and shows others’ scores only anonymised after the reveal', async () => {
    // P2's two reviewers submit; one then sees the other only as "Reviewer A/B".
    const onP2 = await t.database.db
      .selectFrom('review_assignments')
      .select(['id', 'reviewer_account_id'])
      .where('proposal_id', '=', p2)
      .where('removed_at', 'is', null)
      .orderBy('id')
      .execute();
    expect(onP2).toHaveLength(2);
    const clientOf = (accountId: number) => rev.find((r) => r.id === accountId)!.client;
    const scores = [FULL, { ...FULL, 'basic.focus': 1 }];
    for (const [i, a] of onP2.entries()) {
      const c = clientOf(a.reviewer_account_id);
      await c.post(`/api/v1/reviews/assignments/${a.id}/declare`, { conflict: false });
      const res = await c.post(`/api/v1/reviews/assignments/${a.id}/submit`, {
        scores: scores[i],
        overallComment: 'ok',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ status: 'submitted', others: null, revealed: false });
    }
    const first = onP2[0]!;
    const c = clientOf(first.reviewer_account_id);
    const locked = await put(c, `/api/v1/reviews/assignments/${first.id}/review`, { scores: FULL });
    expectProblem(locked, 409, 'REVIEW_LOCKED');
    const unassign = await officer.request('DELETE', `/api/v1/calls/${call.key}/assignments/${first.id}`);
    expectProblem(unassign, 409, 'REVIEW_LOCKED');

    const reveal = await officer.post(`/api/v1/calls/${call.key}/reveal`);
    expect(reveal.status).toBe(200);
    expect((await lastAuditEntry(t)).action).toBe('call.reveal-reviews');
    const seen = await c.get(`/api/v1/reviews/assignments/${first.id}/review`);
    expect(seen.body.revealed).toBe(true);
    expect(seen.body.others).toEqual([
      {
        label: 'Reviewer B',
        scores: expect.objectContaining({ 'basic.focus': { score: 1, comment: null } }),
        overallComment: 'ok',
      },
    ]);
    const second = rev.find((r) => r.id === onP2[1]!.reviewer_account_id)!;
    expect(JSON.stringify(seen.body)).not.toContain(second.email);
    expect(JSON.stringify(seen.body)).not.toMatch(/evaluator \w+@|displayName|reviewerAccountId/);

    // Reviewer 0's draft on P1 is not submitted: they see nobody else's scores.
    const p1Assignment = (await assignmentOf(rev[0]!.id, p1))!;
    const draftView = await rev[0]!.client.get(`/api/v1/reviews/assignments/${p1Assignment}/review`);
    expect(draftView.body.others).toBeNull();
  });

  it('shows officers progress, and the reviewer reminders of pending work', async () => {
    const list = await officer.get(`/api/v1/calls/${call.key}/assignments`);
    expect(list.status).toBe(200);
    const mine = list.body.progress.find((p: any) => p.accountId === rev[0]!.id);
    expect(mine.assigned).toBeGreaterThanOrEqual(1);
    expect(list.body.blocked).toEqual(
      expect.arrayContaining([{ proposalId: p1, reviewerAccountId: rev[1]!.id }]),
    );
    const reminders = await rev[0]!.client.get('/api/v1/reviews/reminders');
    expect(reminders.status).toBe(200);
    expect(reminders.body.pending.map((a: any) => a.proposal.id)).toContain(p1);
    expect(reminders.body.nextDue).toEqual(expect.any(String));
  });

  it('measures disagreement and records, replaces and removes an agreed score within the scale', async () => {
    const list = await officer.get(`/api/v1/calls/${call.key}/consensus`);
    const entry = list.body.proposals.find((p: any) => p.id === p2);
    expect(entry).toMatchObject({ submittedReviews: 2, flagged: true, flaggedCriteria: ['basic.focus'] });

    const detail = await officer.get(`/api/v1/calls/${call.key}/consensus/${p2}`);
    expect(detail.body.reviews.map((r: any) => r.label)).toEqual(['Reviewer A', 'Reviewer B']);
    expect(detail.body.disagreement.criteria['basic.focus']).toMatchObject({ min: 1, max: 4, range: 3 });

    const url = `/api/v1/calls/${call.key}/consensus/${p2}/basic.focus`;
    expectProblem(await put(officer, url, { score: 7, comment: null }), 422, 'RULE_VIOLATION', 'body.score');
    expect(await countRows(t, 'consensus_scores')).toBe(0);
    expectProblem(
      await put(officer, `/api/v1/calls/${call.key}/consensus/${p2}/no.such`, { score: 3 }),
      404,
      'NOT_FOUND',
    );
    const agreed = await put(officer, url, { score: 3, comment: 'Agreed in the panel' });
    expect(agreed.status, JSON.stringify(agreed.body)).toBe(200);
    expect(agreed.body.consensus['basic.focus']).toMatchObject({ score: 3, comment: 'Agreed in the panel' });
    expect((await lastAuditEntry(t)).action).toBe('consensus.create');
    const replaced = await put(officer, url, { score: 2 });
    expect(replaced.body.consensus['basic.focus'].score).toBe(2);
    // The individual scores stay as given.
    expect(replaced.body.reviews.map((r: any) => r.scores['basic.focus'].score)).toEqual([4, 1]);
    const removed = await officer.request('DELETE', url);
    expect(removed.body.consensus).toEqual({});
    expect((await lastAuditEntry(t)).action).toBe('consensus.delete');
  });

  it('keeps consensus and reveal to officers', async () => {
    expectProblem(await rev[0]!.client.get(`/api/v1/calls/${call.key}/consensus/${p2}`), 403, 'FORBIDDEN');
    expectProblem(await rev[0]!.client.post(`/api/v1/calls/${call.key}/reveal`), 403, 'FORBIDDEN');
    expectProblem(await rev[0]!.client.get(`/api/v1/calls/${call.key}/assignments`), 403, 'FORBIDDEN');
  });
});
