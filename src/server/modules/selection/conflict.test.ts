/**
 * Conflict detection from profiles and its consequences, through HTTP on every engine: a recent
 * collaborator organization and a prefecture override are found on demand; a finding removes the
 * active assignment it touches (the reviewer then gets 404 and never sees it listed); a dismissal
 * lets the officer assign again and is not undone by the next detection run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import {
  countRows,
  createOrganization,
  expectProblem,
  lastAuditEntry,
  signInNew,
} from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { insertCall, insertProposal } from '../../../../test/support/selection';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

describe.each(ENGINES)('conflicts of interest on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let call: { id: number; key: string };
  let partner: number;
  let proposal: number;
  let reviewer: { id: number; client: HttpClient };

  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = await t.signInAs('programme_officer');
    const proposer = (await createOrganization(officer, { prefectureCode: '04' })).id;
    partner = (await createOrganization(officer, { prefectureCode: '04' })).id;
    call = await insertCall(t.database.db, { status: 'review' });
    proposal = (
      await insertProposal(t.database.db, call.id, proposer, {
        prefectures: ['04'],
        coreOrganizationId: partner,
      })
    ).id;
    // A call-scoped evaluator grant is enough for this call's pool.
    reviewer = await signInNew(t, 'evaluator', { scopeType: 'call', scopeId: call.id });
    const added = await officer.post(`/api/v1/calls/${call.key}/reviewers`, { accountId: reviewer.id });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
  });
  afterAll(async () => t?.close());

  const put = (c: HttpClient, url: string, body: unknown) => c.request('PUT', url, body);

  it('finds nothing without affiliations, so the reviewer can be assigned and declare', async () => {
    expect((await officer.get(`/api/v1/calls/${call.key}/conflicts`)).body.conflicts).toEqual([]);
    const res = await officer.post(`/api/v1/calls/${call.key}/assignments`, {
      proposalId: proposal,
      reviewerAccountId: reviewer.id,
    });
    expect(res.status).toBe(201);
    const dup = await officer.post(`/api/v1/calls/${call.key}/assignments`, {
      proposalId: proposal,
      reviewerAccountId: reviewer.id,
    });
    expectProblem(dup, 409, 'DUPLICATE', 'body.reviewerAccountId');
  });

  it('removes the assignment when a collaborator and a prefecture are found later; the reviewer gets 404', async () => {
    const saved = await put(reviewer.client, `/api/v1/reviewers/${reviewer.id}/profile`, {
      keyFields: ['life_sciences'],
      collaboratorOrganizationIds: [partner],
      prefectureCode: '04',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const mine = await reviewer.client.get('/api/v1/reviews/assignments');
    const id = mine.body.assignments[0].id as number;

    const detected = await officer.post(`/api/v1/calls/${call.key}/conflicts/detect`);
    expect(detected.body).toEqual({ found: 2, removedAssignments: 1 });
    const kinds = (await officer.get(`/api/v1/calls/${call.key}/conflicts`)).body.conflicts.map(
      (c: any) => c.kind,
    );
    expect(kinds.sort()).toEqual(['collaborator', 'prefecture']);

    expect((await reviewer.client.get('/api/v1/reviews/assignments')).body.assignments).toEqual([]);
    expectProblem(await reviewer.client.get(`/api/v1/reviews/assignments/${id}/proposal`), 404, 'NOT_FOUND');
    expectProblem(
      await reviewer.client.post(`/api/v1/reviews/assignments/${id}/declare`, { conflict: false }),
      404,
      'NOT_FOUND',
    );
    // Running detection again finds nothing new.
    expect((await officer.post(`/api/v1/calls/${call.key}/conflicts/detect`)).body).toEqual({
      found: 0,
      removedAssignments: 0,
    });
  });

  it('lets the officer assign again only once every finding is dismissed, and keeps dismissals', async () => {
    const conflicts = (await officer.get(`/api/v1/calls/${call.key}/conflicts`)).body.conflicts as {
      id: number;
    }[];
    const before = await countRows(t, 'review_assignments');
    const [first, second] = conflicts;
    const bad = await officer.post(`/api/v1/calls/${call.key}/conflicts/${first!.id}/ruling`, {
      status: 'maybe',
      note: 'x',
    });
    expectProblem(bad, 400, 'VALIDATION_FAILED', 'body.status');
    await officer.post(`/api/v1/calls/${call.key}/conflicts/${first!.id}/ruling`, {
      status: 'dismissed',
      note: 'Old project',
    });
    expect((await lastAuditEntry(t)).action).toBe('conflict.dismiss');
    const still = await officer.post(`/api/v1/calls/${call.key}/assignments`, {
      proposalId: proposal,
      reviewerAccountId: reviewer.id,
    });
    expectProblem(still, 409, 'CONFLICT_OF_INTEREST');
    expect(await countRows(t, 'review_assignments')).toBe(before);

    await officer.post(`/api/v1/calls/${call.key}/conflicts/${second!.id}/ruling`, {
      status: 'dismissed',
      note: 'Lives elsewhere now',
    });
    const again = await officer.post(`/api/v1/calls/${call.key}/assignments`, {
      proposalId: proposal,
      reviewerAccountId: reviewer.id,
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect((await officer.post(`/api/v1/calls/${call.key}/conflicts/detect`)).body).toEqual({
      found: 0,
      removedAssignments: 0,
    });
    const rows = (await officer.get(`/api/v1/calls/${call.key}/conflicts`)).body.conflicts;
    expect(rows.every((c: any) => c.status === 'dismissed' && c.blocking === false)).toBe(true);
  });

  it('refuses to remove a reviewer who still holds assignments, and a ruling on another call’s conflict', async () => {
    const res = await officer.request('DELETE', `/api/v1/calls/${call.key}/reviewers/${reviewer.id}`);
    expectProblem(res, 409, 'INVALID_TRANSITION', 'params.accountId');
    const other = await insertCall(t.database.db, { status: 'review' });
    const conflict = (await officer.get(`/api/v1/calls/${call.key}/conflicts`)).body.conflicts[0];
    const cross = await officer.post(`/api/v1/calls/${other.key}/conflicts/${conflict.id}/ruling`, {
      status: 'confirmed',
      note: 'x',
    });
    expectProblem(cross, 404, 'NOT_FOUND');
  });
});
