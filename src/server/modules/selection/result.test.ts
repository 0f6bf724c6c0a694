/**
 * Results, decisions, publication and cluster creation through HTTP on SQLite and PostgreSQL:
 * ranking with ties, thresholds blocking selection, conflicted reviews left out, who sees what
 * before and after publication, and the cluster a selected proposal becomes.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import {
  countRows,
  createAccount,
  createOrganization,
  expectProblem,
  lastAuditEntry,
  signInNew,
} from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import {
  CRITERION_KEYS,
  type CallFixture,
  insertCall,
  insertProposal,
  type ProposalFixture,
  SELECTION_2001_CRITERIA,
} from '../../../../test/support/selection';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';
import type { CallResults, ResultProposal } from '../../../contracts/selection-results';

const all = (score: number) => Object.fromEntries(CRITERION_KEYS.map((k) => [k, score]));

describe.each(ENGINES)('selection results on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let proposer: HttpClient;
  let otherProposer: HttpClient;
  let orgId: number;
  let otherOrgId: number;
  let reviewers: number[];

  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = await t.signInAs('programme_officer');
    orgId = (await createOrganization(officer, { kind: 'local_government' })).id;
    otherOrgId = (await createOrganization(officer, { kind: 'local_government' })).id;
    proposer = (await signInNew(t, 'proposer', { scopeType: 'organization', scopeId: orgId })).client;
    otherProposer = (await signInNew(t, 'proposer', { scopeType: 'organization', scopeId: otherOrgId }))
      .client;
    reviewers = [];
    for (let i = 0; i < 3; i++) reviewers.push((await createAccount(t, 'evaluator')).id);
  });
  afterAll(async () => t?.close());

  const db = () => t.database.db;

  async function call(o: CallFixture = {}) {
    return insertCall(db(), { status: 'decision', ...o });
  }

  async function proposal(callId: number, o: ProposalFixture & { org?: number } = {}) {
    return (await insertProposal(db(), callId, o.org ?? orgId, o)).id;
  }

  /** An active assignment with a submitted (or draft) review and its scores. */
  async function review(
    callId: number,
    proposalId: number,
    reviewer: number,
    scores: Record<string, number>,
    o: { status?: string; removed?: boolean; comment?: string } = {},
  ) {
    const at = new Date().toISOString();
    const a = await db()
      .insertInto('review_assignments')
      .values({
        call_id: callId,
        proposal_id: proposalId,
        reviewer_account_id: reviewer,
        method: 'manual',
        assigned_by: null,
        assigned_at: at,
        declared_at: at,
        removed_at: o.removed ? at : null,
        removed_reason: o.removed ? 'replaced' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const status = o.status ?? 'submitted';
    const r = await db()
      .insertInto('reviews')
      .values({
        assignment_id: a.id,
        call_id: callId,
        proposal_id: proposalId,
        reviewer_account_id: reviewer,
        status,
        overall_comment: o.comment ?? 'Solid plan',
        submitted_at: status === 'submitted' ? at : null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('review_scores')
      .values(
        Object.entries(scores).map(([criterion_key, score]) => ({
          review_id: r.id,
          criterion_key,
          score,
          comment: `comment on ${criterion_key}`,
        })),
      )
      .execute();
  }

  async function conflict(callId: number, proposalId: number, reviewer: number, status: string) {
    await db()
      .insertInto('conflicts')
      .values({
        call_id: callId,
        proposal_id: proposalId,
        reviewer_account_id: reviewer,
        kind: 'organization',
        origin: 'detected',
        detail: 'Affiliated',
        status,
        created_at: new Date().toISOString(),
        ruled_by: null,
        ruled_at: null,
        ruling_note: null,
      })
      .execute();
  }

  const results = async (key: string) => {
    const res = await officer.get<CallResults>(`/api/v1/calls/${key}/results`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const line = (r: CallResults, id: number): ResultProposal => r.proposals.find((p) => p.proposalId === id)!;
  const decide = (client: HttpClient, key: string, id: number, body: Record<string, unknown>) =>
    client.request('PUT', `/api/v1/calls/${key}/decisions/${id}`, body);
  const decisionRows = async (proposalId: number) =>
    db().selectFrom('proposal_decisions').selectAll().where('proposal_id', '=', proposalId).execute();

  describe('GET /api/v1/calls/:key/results', () => {
    it('ranks with shared ranks, traces every figure and marks the cut-off', async () => {
      const c = await call({ slots: 2, totalBudgetYen: 1_000_000_000 });
      const p1 = await proposal(c.id);
      const p2 = await proposal(c.id);
      const p3 = await proposal(c.id);
      const p4 = await proposal(c.id);
      await review(c.id, p1, reviewers[0]!, all(5));
      await review(c.id, p1, reviewers[1]!, { ...all(5), 'basic.focus': 4 });
      await review(c.id, p2, reviewers[0]!, all(4));
      await review(c.id, p3, reviewers[0]!, all(4));
      await review(c.id, p4, reviewers[0]!, all(3));
      await review(c.id, p4, reviewers[1]!, all(1), { status: 'draft' });

      const r = await results(c.key);
      expect(r.proposals.map((p) => [p.proposalId, p.rankLabel])).toEqual([
        [p1, '1'],
        [p2, '=2'],
        [p3, '=2'],
        [p4, '4'],
      ]);
      const first = line(r, p1);
      expect(first.reviewers[1]).toMatchObject({ label: 'Reviewer 2', weightedSum: 49, weightSum: 10 });
      expect(first.reviewers[1]!.weighted).toBeCloseTo(4.9);
      expect(first.score).toBeCloseTo(4.95);
      expect(first.criteria.find((x) => x.key === 'basic.focus')!.score).toBeCloseTo(4.5);
      expect(first.reviewers[0]!.reviewerAccountId).toBe(reviewers[0]);
      // The draft review does not count.
      expect(line(r, p4).reviewCount).toBe(1);
      // One slot is left for a tie of two: the officer decides.
      expect(r.limits!.suggested).toMatchObject({ selected: [p1], slotsUsed: 1, slotsLeft: 1 });
      expect(r.limits!.suggested.decisionNeeded!.proposalIds).toEqual([p2, p3]);
      expect(line(r, p2).selection!.status).toBe('tie_at_cutoff');
      expect(line(r, p4).selection!.status).toBe('below_cutoff');
      expect(r.undecidedCount).toBe(4);
    });

    it('leaves out reviews with a blocking conflict and of removed assignments', async () => {
      const c = await call();
      const p = await proposal(c.id);
      await review(c.id, p, reviewers[0]!, all(4));
      await review(c.id, p, reviewers[1]!, all(1));
      await review(c.id, p, reviewers[2]!, all(2), { removed: true });
      await conflict(c.id, p, reviewers[1]!, 'pending');
      let r = await results(c.key);
      expect(line(r, p)).toMatchObject({ score: 4, reviewCount: 1, excludedConflictedReviews: 1 });

      await db().updateTable('conflicts').set({ status: 'dismissed' }).where('proposal_id', '=', p).execute();
      r = await results(c.key);
      expect(line(r, p)).toMatchObject({ score: 2.5, reviewCount: 2, excludedConflictedReviews: 0 });
      // 4 vs 1 on every criterion: the range limit of 2 flags the disagreement.
      expect(line(r, p).disagreementFlags.length).toBeGreaterThan(0);
    });

    it('applies consensus scores to every reviewer on that criterion', async () => {
      const c = await call();
      const p = await proposal(c.id);
      await review(c.id, p, reviewers[0]!, all(2));
      await db()
        .insertInto('consensus_scores')
        .values({
          proposal_id: p,
          criterion_key: 'basic.focus',
          score: 5,
          comment: 'Agreed in panel',
          moderator_account_id: null,
          recorded_at: new Date().toISOString(),
        })
        .execute();
      const r = line(await results(c.key), p);
      expect(r.consensusCriteria).toEqual(['basic.focus']);
      expect(r.reviewers[0]!.scores.find((s) => s.key === 'basic.focus')).toMatchObject({
        score: 2,
        used: 5,
      });
      expect(r.reviewers[0]).toMatchObject({ weightedSum: 23, weightSum: 10 });
    });

    it('is for officers only, 404 for an unknown call', async () => {
      const c = await call();
      expectProblem(await proposer.get(`/api/v1/calls/${c.key}/results`), 403, 'FORBIDDEN');
      expectProblem(await t.anonymous().get(`/api/v1/calls/${c.key}/results`), 401, 'UNAUTHENTICATED');
      expectProblem(await officer.get('/api/v1/calls/no-such-call/results'), 404, 'NOT_FOUND');
    });
  });

  describe('decisions', () => {
    it('refuses selecting a proposal under a threshold whatever its rank, naming it', async () => {
      const criteria = structuredClone(SELECTION_2001_CRITERIA);
      criteria[1]!.items[0]!.threshold = 3;
      const c = await call({ criteria });
      const p = await proposal(c.id);
      await review(c.id, p, reviewers[0]!, { ...all(5), 'technical.competence': 2 });
      const r = await results(c.key);
      expect(line(r, p)).toMatchObject({ group: 'ineligible', rank: 1 });
      expect(line(r, p).thresholdFailures[0]).toMatchObject({
        criterion: 'technical.competence',
        threshold: 3,
      });

      for (const outcome of ['selected', 'trial']) {
        const res = await decide(officer, c.key, p, { outcome, reason: 'Top ranked' });
        expectProblem(res, 422, 'BELOW_THRESHOLD', 'body.outcome');
        expect(res.body.detail).toContain(`Proposal ${p}`);
      }
      expect(await decisionRows(p)).toHaveLength(0);
      const ok = await decide(officer, c.key, p, { outcome: 'rejected', reason: 'Under the threshold' });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    });

    it('needs an override reason beyond the slots or the budget; a change supersedes and is audited', async () => {
      const c = await call({ slots: 1, totalBudgetYen: 900_000_000 });
      const p1 = await proposal(c.id, { requestedYen: 500_000_000 });
      const p2 = await proposal(c.id, { requestedYen: 300_000_000 });
      const p3 = await proposal(c.id, { requestedYen: 500_000_000 });
      for (const p of [p1, p2, p3]) await review(c.id, p, reviewers[0]!, all(4));

      expect((await decide(officer, c.key, p1, { outcome: 'selected', reason: 'Rank 1' })).status).toBe(200);
      const over = await decide(officer, c.key, p2, { outcome: 'selected', reason: 'Also good' });
      expectProblem(over, 409, 'OVER_SLOTS', 'body.overrideReason');
      expect(await decisionRows(p2)).toHaveLength(0);
      await db().updateTable('calls').set({ slots: 3 }).where('id', '=', c.id).execute();
      expectProblem(
        await decide(officer, c.key, p3, { outcome: 'selected', reason: 'x' }),
        409,
        'OVER_BUDGET',
        'body.overrideReason',
      );
      const forced = await decide(officer, c.key, p3, {
        outcome: 'selected',
        reason: 'Strong region',
        overrideReason: 'Supplementary budget approved',
      });
      expect(forced.status, JSON.stringify(forced.body)).toBe(200);
      expect(forced.body.decision.overrideReason).toBe('Supplementary budget approved');

      const changed = await decide(officer, c.key, p3, {
        outcome: 'trial',
        reason: 'Trial region instead',
        consolidatedComment: 'Promising; start as a trial region.',
      });
      expect(changed.status).toBe(200);
      const rows = await decisionRows(p3);
      expect(rows).toHaveLength(2);
      expect(rows.filter((x) => x.superseded_at === null).map((x) => x.outcome)).toEqual(['trial']);
      const entry = await lastAuditEntry(t);
      expect(entry).toMatchObject({ action: 'selection.decision.change', entity_type: 'proposal_decision' });
      expect(JSON.parse(entry.before_json!)).toMatchObject({ outcome: 'selected' });

      const again = await decide(officer, c.key, p3, {
        outcome: 'trial',
        reason: 'Trial region instead',
        consolidatedComment: 'Promising; start as a trial region.',
      });
      expect(again.body.changed).toBe(false);
      expect(await decisionRows(p3)).toHaveLength(2);
      const r = await results(c.key);
      expect(r.limits!.decided).toMatchObject({ slotsUsed: 1, budgetUsedYen: 500_000_000 });
    });

    it('checks the body, the status and the proposal, writing nothing', async () => {
      const c = await call();
      const p = await proposal(c.id);
      const before = await countRows(t, 'proposal_decisions');
      expectProblem(
        await decide(officer, c.key, p, { outcome: 'selected', reason: '  ' }),
        400,
        'VALIDATION_FAILED',
        'body.reason',
      );
      expectProblem(
        await decide(officer, c.key, p, { outcome: 'maybe', reason: 'x' }),
        400,
        'VALIDATION_FAILED',
        'body.outcome',
      );
      expectProblem(
        await decide(officer, c.key, 999_999, { outcome: 'rejected', reason: 'x' }),
        404,
        'NOT_FOUND',
      );
      expectProblem(await decide(proposer, c.key, p, { outcome: 'rejected', reason: 'x' }), 403, 'FORBIDDEN');
      const review = await call({ status: 'review' });
      const q = await proposal(review.id);
      expectProblem(
        await decide(officer, review.key, q, { outcome: 'rejected', reason: 'x' }),
        409,
        'INVALID_TRANSITION',
      );
      expect(await countRows(t, 'proposal_decisions')).toBe(before);
    });

    it('applies the suggested selection, leaving the tie at the cut-off and decided proposals', async () => {
      const c = await call({ slots: 2, totalBudgetYen: null });
      const [p1, p2, p3, p4] = [
        await proposal(c.id),
        await proposal(c.id),
        await proposal(c.id),
        await proposal(c.id),
      ];
      await review(c.id, p1, reviewers[0]!, all(5));
      await review(c.id, p2, reviewers[0]!, all(4));
      await review(c.id, p3, reviewers[0]!, all(4));
      await review(c.id, p4, reviewers[0]!, all(2));
      const res = await officer.post(`/api/v1/calls/${c.key}/decisions/apply-suggested`, {
        reason: 'Within slots and budget',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toEqual({ applied: [p1], kept: [], tieAtCutoff: [p2, p3] });
      const again = await officer.post(`/api/v1/calls/${c.key}/decisions/apply-suggested`, {
        reason: 'again',
      });
      expect(again.body).toMatchObject({ applied: [], kept: [p1] });
      expect(await decisionRows(p1)).toHaveLength(1);
    });
  });

  describe('publication and who sees what', () => {
    it('hides decisions until publication, then shows the public and each proposer only theirs', async () => {
      const c = await call({ slots: 2, totalBudgetYen: null });
      const mine = await proposal(c.id, { prefectures: ['26', '27'] });
      const theirs = await proposal(c.id, { org: otherOrgId });
      await review(c.id, mine, reviewers[0]!, all(5), { comment: 'Excellent focus' });
      await review(c.id, mine, reviewers[1]!, all(4));
      await review(c.id, theirs, reviewers[0]!, all(2));
      await decide(officer, c.key, mine, {
        outcome: 'selected',
        reason: 'Rank 1',
        consolidatedComment: 'Strong regional commitment.',
      });

      const anon = t.anonymous();
      expectProblem(await proposer.get(`/api/v1/proposals/${mine}/result`), 404, 'NOT_FOUND');
      expectProblem(await anon.get(`/api/v1/selection/${c.key}`), 404, 'NOT_FOUND');
      expect(
        (await anon.get('/api/v1/selection')).body.items.map((i: { key: string }) => i.key),
      ).not.toContain(c.key);

      const undecided = await officer.post(`/api/v1/calls/${c.key}/publish`, { publishOn: '2002-07-01' });
      expectProblem(undecided, 422, 'RULE_VIOLATION', `proposals.${theirs}.decision`);
      await decide(officer, c.key, theirs, { outcome: 'rejected', reason: 'Low score' });
      expectProblem(
        await officer.post(`/api/v1/calls/${c.key}/publish`, {}),
        400,
        'VALIDATION_FAILED',
        'body.publishOn',
      );
      expectProblem(
        await officer.request('PUT', `/api/v1/calls/${c.key}/publication`, { publishOn: '2002-13-01' }),
        400,
        'VALIDATION_FAILED',
        'body.publishOn',
      );
      const dated = await officer.request('PUT', `/api/v1/calls/${c.key}/publication`, {
        publishOn: '2002-07-01',
      });
      expect(dated.status, JSON.stringify(dated.body)).toBe(200);
      expect(dated.body.call.publishOn).toBe('2002-07-01');
      const published = await officer.post(`/api/v1/calls/${c.key}/publish`, {});
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      expect(published.body.call).toMatchObject({ status: 'published', publishOn: '2002-07-01' });
      expect((await lastAuditEntry(t)).action).toBe('selection.call.publish');
      expectProblem(await officer.post(`/api/v1/calls/${c.key}/publish`, {}), 409, 'INVALID_TRANSITION');

      const pub = await anon.get(`/api/v1/selection/${c.key}`);
      expect(pub.status).toBe(200);
      expect(pub.body.proposalCount).toBe(2);
      expect(pub.body.regions).toHaveLength(1);
      expect(pub.body.regions[0]).toMatchObject({
        proposalId: mine,
        outcome: 'selected',
        prefectures: ['26', '27'],
      });
      expect(JSON.stringify(pub.body)).not.toContain('score');
      expect((await anon.get('/api/v1/selection')).body.items.map((i: { key: string }) => i.key)).toContain(
        c.key,
      );

      const own = await proposer.get(`/api/v1/proposals/${mine}/result`);
      expect(own.status, JSON.stringify(own.body)).toBe(200);
      expect(own.body.proposal).toMatchObject({
        rank: 1,
        rankLabel: '1',
        decision: {
          outcome: 'selected',
          reason: 'Rank 1',
          consolidatedComment: 'Strong regional commitment.',
        },
      });
      expect(own.body.proposal.score).toBeCloseTo(4.5);
      expect(own.body.proposal.reviewers.map((r: { label: string }) => r.label)).toEqual([
        'Reviewer 1',
        'Reviewer 2',
      ]);
      expect(own.body.proposal.reviewers[0].overallComment).toBe('Excellent focus');
      const text = JSON.stringify(own.body);
      expect(text).not.toContain('evaluator ');
      expect(
        own.body.proposal.reviewers.every(
          (r: { reviewerAccountId: unknown }) => r.reviewerAccountId === null,
        ),
      ).toBe(true);
      expectProblem(await proposer.get(`/api/v1/proposals/${theirs}/result`), 404, 'NOT_FOUND');
      expectProblem(await otherProposer.get(`/api/v1/proposals/${mine}/result`), 404, 'NOT_FOUND');
      expect(
        (await otherProposer.get(`/api/v1/proposals/${theirs}/result`)).body.proposal.decision.outcome,
      ).toBe('rejected');
      expectProblem(await anon.get(`/api/v1/proposals/${mine}/result`), 401, 'UNAUTHENTICATED');
    });
  });

  describe('POST /api/v1/calls/:key/proposals/:proposalId/cluster', () => {
    async function selectedProposal(c: { id: number; key: string }, outcome = 'selected') {
      const core = (await createOrganization(officer, { kind: 'university' })).id;
      const known = (await createOrganization(officer, { kind: 'company' })).id;
      const p = await proposal(c.id, { coreOrganizationId: core, prefectures: ['01'] });
      const n = p;
      await db()
        .updateTable('proposals')
        .set({
          region_en: `Sapporo Test ${n}`,
          participants_json: JSON.stringify([
            { organizationId: known, kind: 'company', name: { ja: '既知', en: 'Known' } },
            {
              organizationId: null,
              kind: 'university',
              name: { ja: `新大学${n}`, en: `New University ${n}` },
            },
          ]),
          targets_json: JSON.stringify([{ indicatorKey: 'awards', fiscalYear: 2003, target: 4 }]),
        })
        .where('id', '=', p)
        .execute();
      await review(c.id, p, reviewers[0]!, all(5));
      const res = await decide(officer, c.key, p, { outcome, reason: 'Selected' });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return p;
    }

    it('creates the cluster with members, budget lines and targets, idempotently, audited', async () => {
      const c = await call({ slots: 5, totalBudgetYen: null });
      const p = await selectedProposal(c);
      const url = `/api/v1/calls/${c.key}/proposals/${p}/cluster`;
      const res = await officer.post(url);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ created: true, members: 3, budgetLines: 10, targets: 1 });
      expect(res.body.cluster.key).toBe(`sapporo-test-${p}`);
      expect(res.body.organizationsCreated).toHaveLength(1);
      expect((await lastAuditEntry(t)).action).toBe('selection.cluster.create');
      const cluster = await db()
        .selectFrom('clusters')
        .selectAll()
        .where('id', '=', res.body.cluster.id)
        .executeTakeFirstOrThrow();
      expect(cluster).toMatchObject({ start_fy: 2002, end_fy: 2006, status: 'full', key_field_key: 'it' });
      const lines = await db()
        .selectFrom('budget_lines')
        .selectAll()
        .where('cluster_id', '=', cluster.id)
        .execute();
      expect(lines.map((l) => l.source)).toContain(`Proposal #${p} (call ${c.key})`);
      expect(lines.filter((l) => l.kind === 'mext_subsidy').map((l) => Number(l.amount_yen))).toEqual(
        Array(5).fill(500_000_000),
      );
      const linked = await db()
        .selectFrom('proposals')
        .select('cluster_id')
        .where('id', '=', p)
        .executeTakeFirstOrThrow();
      expect(linked.cluster_id).toBe(cluster.id);

      const counts = async () => ({
        clusters: await countRows(t, 'clusters'),
        members: await countRows(t, 'cluster_members'),
        lines: await countRows(t, 'budget_lines'),
        targets: await countRows(t, 'targets'),
        organizations: await countRows(t, 'organizations'),
      });
      const before = await counts();
      const again = await officer.post(url);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ created: false, cluster: res.body.cluster, members: 3 });
      expect(await counts()).toEqual(before);
      expect(line(await results(c.key), p).cluster).toEqual(res.body.cluster);

      // The cluster stays unpublished until the results are announced, and keeps its funding outcome.
      expect(cluster.is_published).toBe(0);
      expectProblem(
        await decide(officer, c.key, p, { outcome: 'rejected', reason: 'Changed mind' }),
        409,
        'INVALID_TRANSITION',
        'body.outcome',
      );
      const published = await officer.post(`/api/v1/calls/${c.key}/publish`, { publishOn: '2002-07-01' });
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      const after = await db()
        .selectFrom('clusters')
        .select('is_published')
        .where('id', '=', cluster.id)
        .executeTakeFirstOrThrow();
      expect(after.is_published).toBe(1);
    });

    it('refuses a proposal naming an unknown indicator, writing nothing', async () => {
      const c = await call({ slots: 5, totalBudgetYen: null });
      const p = await selectedProposal(c);
      await db()
        .updateTable('proposals')
        .set({
          targets_json: JSON.stringify([{ indicatorKey: 'no_such_indicator', fiscalYear: 2003, target: 1 }]),
        })
        .where('id', '=', p)
        .execute();
      const before = { clusters: await countRows(t, 'clusters'), orgs: await countRows(t, 'organizations') };
      const res = await officer.post(`/api/v1/calls/${c.key}/proposals/${p}/cluster`);
      expectProblem(res, 422, 'UNKNOWN_REFERENCE', 'proposal.targets.0.indicatorKey');
      expect({ clusters: await countRows(t, 'clusters'), orgs: await countRows(t, 'organizations') }).toEqual(
        before,
      );
      expectProblem(
        await officer.post(`/api/v1/calls/${c.key}/proposals/abc/cluster`),
        400,
        'VALIDATION_FAILED',
        'params.proposalId',
      );
    });

    it('makes a trial region a trial cluster and refuses rejected proposals', async () => {
      const c = await call({ slots: 5, totalBudgetYen: null });
      const p = await selectedProposal(c, 'trial');
      const res = await officer.post(`/api/v1/calls/${c.key}/proposals/${p}/cluster`);
      expect(res.status).toBe(200);
      const row = await db()
        .selectFrom('clusters')
        .select('status')
        .where('id', '=', res.body.cluster.id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('trial');
      const q = await proposal(c.id);
      await decide(officer, c.key, q, { outcome: 'rejected', reason: 'No' });
      expectProblem(
        await officer.post(`/api/v1/calls/${c.key}/proposals/${q}/cluster`),
        422,
        'RULE_VIOLATION',
      );
      expectProblem(await proposer.post(`/api/v1/calls/${c.key}/proposals/${p}/cluster`), 403, 'FORBIDDEN');
    });

    it('never creates clusters from demo calls', async () => {
      const c = await call({ slots: 5, totalBudgetYen: null });
      const p = await selectedProposal(c);
      await db().updateTable('calls').set({ is_demo: 1 }).where('id', '=', c.id).execute();
      const before = await countRows(t, 'clusters');
      const res = await officer.post(`/api/v1/calls/${c.key}/proposals/${p}/cluster`);
      expectProblem(res, 409, 'DEMO_DATA');
      expect(res.body.detail).toContain('demo');
      expect(await countRows(t, 'clusters')).toBe(before);
      const orphan = await sql<{
        n: number;
      }>`select count(*) as n from proposals where id = ${p} and cluster_id is not null`.execute(db());
      expect(Number(orphan.rows[0]!.n)).toBe(0);
    });
  });
});
