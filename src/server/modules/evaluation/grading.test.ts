/**
 * The weighting group and the evaluating group through HTTP on every engine: members propose
 * weights, the mean becomes version 1, the chair adjusts with a reason, an officer locks a
 * version; evaluators grade every item on the round's scale, submit, and see the others' grades
 * only after submitting and only from the scoring phase; every bad input is a 4xx naming the
 * field with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import {
  countRows,
  expectProblem,
  lastAuditEntry,
  signInNew,
  unique,
} from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { SCORED_CRITERIA } from '../../../../test/support/scored-round';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

type Client = HttpClient;
const W = (tech: number, biz: number, future: number) => ({
  'progress.tech': tech,
  'progress.biz': biz,
  'plans.future': future,
});

describe.each(ENGINES)('weighting and grading on %s', (engine) => {
  let t: TestApp;
  let officer: Client;
  let chair: { id: number; client: Client };
  let member: { id: number; client: Client };
  let evalA: { id: number; client: Client };
  let evalB: { id: number; client: Client };
  let headquarters: Client;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = (await signInNew(t, 'programme_officer')).client;
    chair = await signInNew(t, 'weighting_member');
    member = await signInNew(t, 'weighting_member');
    evalA = await signInNew(t, 'evaluator');
    evalB = await signInNew(t, 'evaluator');
    headquarters = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'sapporo' })).client;
  });
  afterAll(async () => t?.close());

  async function round(): Promise<{ key: string; version: number }> {
    const created = await officer.post('/api/v1/rounds', {
      key: `grading-${unique()}`,
      title: { ja: '評価', en: 'Evaluation' },
      fiscalYear: 2004,
      clusterKeys: ['sapporo', 'sendai'],
      criteria: SCORED_CRITERIA,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const key = created.body.key as string;
    const add = async (accountId: number, role: string, isChair = false) =>
      expect((await officer.post(`/api/v1/rounds/${key}/members`, { accountId, role, isChair })).status).toBe(
        200,
      );
    await add(chair.id, 'weighting_member', true);
    await add(member.id, 'weighting_member');
    await add(evalA.id, 'evaluator');
    await add(evalB.id, 'evaluator');
    expect((await officer.post(`/api/v1/rounds/${key}/assignments`, {})).status).toBe(200);
    let version = (await officer.get(`/api/v1/rounds/${key}`)).body.version as number;
    for (const status of ['self_evaluation', 'weighting']) {
      const moved = await officer.post(`/api/v1/rounds/${key}/status`, { status, version });
      expect(moved.status).toBe(200);
      version = moved.body.version;
    }
    return { key, version };
  }

  async function weighted(): Promise<{ key: string; version: number }> {
    const r = await round();
    await chair.client.put(`/api/v1/rounds/${r.key}/weights/mine`, { weights: W(60, 30, 10) });
    await member.client.put(`/api/v1/rounds/${r.key}/weights/mine`, { weights: W(40, 30, 30) });
    await chair.client.post(`/api/v1/rounds/${r.key}/weight-sets`);
    expect((await officer.post(`/api/v1/rounds/${r.key}/weight-sets/1/lock`)).status).toBe(200);
    const moved = await officer.post(`/api/v1/rounds/${r.key}/status`, {
      status: 'grading',
      version: r.version,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    return { key: r.key, version: moved.body.version };
  }

  it('takes the mean of the members’ proposals, lets the chair adjust with a reason and an officer lock one version', async () => {
    const r = await round();
    expect(
      (await chair.client.put(`/api/v1/rounds/${r.key}/weights/mine`, { weights: W(60, 30, 10) })).status,
    ).toBe(200);
    // Only one member has proposed: the group's mean waits for everyone.
    expectProblem(
      await chair.client.post(`/api/v1/rounds/${r.key}/weight-sets`),
      422,
      'RULE_VIOLATION',
      'params.key',
    );
    const second = await member.client.put(`/api/v1/rounds/${r.key}/weights/mine`, {
      weights: W(50, 25, 25),
    });
    expect(second.status).toBe(200);
    // Members see each other anonymously; the officer sees names.
    expect(second.body.proposals.map((p: { member: string }) => p.member)).toEqual(['A', 'B']);
    const computed = await chair.client.post(`/api/v1/rounds/${r.key}/weight-sets`);
    expect(computed.status, JSON.stringify(computed.body)).toBe(200);
    // (60+50)/2 = 55, (30+25)/2 = 27.5, (10+25)/2 = 17.5, already summing to 100.
    const v1 = computed.body.sets[0];
    expect(v1.weights.map((w: { weight: number }) => w.weight)).toEqual([55, 27.5, 17.5]);
    expect(v1.weights.map((w: { shown: string }) => w.shown)).toEqual(['55.0', '27.5', '17.5']);
    expect((await lastAuditEntry(t)).action).toBe('weights.compute');

    expectProblem(
      await chair.client.post(`/api/v1/rounds/${r.key}/weight-sets/adjust`, {
        changes: { 'plans.future': 25 },
        reason: '   ',
        fromVersion: 1,
      }),
      400,
      'VALIDATION_FAILED',
      'body.reason',
    );
    expectProblem(
      await member.client.post(`/api/v1/rounds/${r.key}/weight-sets/adjust`, {
        changes: { 'plans.future': 25 },
        reason: 'more weight on plans',
        fromVersion: 1,
      }),
      403,
      'FORBIDDEN',
    );
    const adjusted = await chair.client.post(`/api/v1/rounds/${r.key}/weight-sets/adjust`, {
      changes: { 'plans.future': 25 },
      reason: 'The second half matters more',
      mode: 'keep_changed',
      fromVersion: 1,
    });
    expect(adjusted.status, JSON.stringify(adjusted.body)).toBe(200);
    const v2 = adjusted.body.sets[1];
    expect(v2).toMatchObject({ version: 2, method: 'adjusted', reason: 'The second half matters more' });
    expect(v2.weights.find((w: { item: string }) => w.item === 'plans.future').weight).toBe(25);
    expect(v2.weights.reduce((s: number, w: { weight: number }) => s + w.weight, 0)).toBeCloseTo(100, 9);
    expect(v2.changes.length).toBe(3);
    expectProblem(
      await chair.client.post(`/api/v1/rounds/${r.key}/weight-sets/adjust`, {
        changes: { 'plans.future': 30 },
        reason: 'again',
        fromVersion: 1,
      }),
      409,
      'VERSION_CONFLICT',
      'body.fromVersion',
    );

    expectProblem(await chair.client.post(`/api/v1/rounds/${r.key}/weight-sets/2/lock`), 403, 'FORBIDDEN');
    expectProblem(
      await officer.post(`/api/v1/rounds/${r.key}/weight-sets/9/lock`),
      404,
      'NOT_FOUND',
      'params.version',
    );
    const locked = await officer.post(`/api/v1/rounds/${r.key}/weight-sets/2/lock`);
    expect(locked.status).toBe(200);
    expect(locked.body.locked.version).toBe(2);
    expect(locked.body.proposals.map((p: { member: string }) => p.member)).not.toContain('A');
    expectProblem(await officer.post(`/api/v1/rounds/${r.key}/weight-sets/1/lock`), 409, 'WRONG_PHASE');
    expectProblem(
      await chair.client.put(`/api/v1/rounds/${r.key}/weights/mine`, { weights: W(1, 1, 1) }),
      409,
      'WRONG_PHASE',
      'body.weights',
    );
    // Headquarters see no proposal and no version before publication.
    const hq = (await headquarters.get(`/api/v1/rounds/${r.key}/weights`)).body;
    expect(hq).toMatchObject({ proposals: [], sets: [], locked: null });
  });

  it.each([
    ['a negative weight', W(-1, 50, 51), 'body.weights.progress.tech'],
    ['a missing item', { 'progress.tech': 50, 'progress.biz': 50 }, 'body.weights.plans.future'],
    ['an unknown item', { ...W(1, 1, 1), 'other.item': 3 }, 'body.weights.other.item'],
    ['all zeros', W(0, 0, 0), 'body.weights'],
  ])('refuses %s with 400 naming the field and writes nothing', async (_name, weights, field) => {
    const r = await round();
    const before = await countRows(t, 'weight_proposals');
    expectProblem(
      await member.client.put(`/api/v1/rounds/${r.key}/weights/mine`, { weights }),
      400,
      'VALIDATION_FAILED',
      field,
    );
    expect(await countRows(t, 'weight_proposals')).toBe(before);
  });

  it('refuses weights from an evaluator and from a weighting member of another round', async () => {
    const r = await round();
    expectProblem(
      await evalA.client.put(`/api/v1/rounds/${r.key}/weights/mine`, { weights: W(1, 1, 1) }),
      403,
      'FORBIDDEN',
    );
    const outsider = await signInNew(t, 'weighting_member');
    expectProblem(
      await outsider.client.put(`/api/v1/rounds/${r.key}/weights/mine`, { weights: W(1, 1, 1) }),
      403,
      'FORBIDDEN',
    );
  });

  it('grades on the round’s scale, submits complete gradings only, and reveals the others’ grades after scoring opens', async () => {
    const r = await weighted();
    const url = (c: string) => `/api/v1/rounds/${r.key}/gradings/${c}`;
    expectProblem(
      await evalA.client.put(url('sapporo'), { grades: { 'progress.tech': { grade: 'X' } } }),
      400,
      'VALIDATION_FAILED',
      'body.grades.progress.tech.grade',
    );
    expectProblem(
      await evalA.client.put(url('sapporo'), { grades: { 'nope.item': { grade: 'S' } } }),
      400,
      'VALIDATION_FAILED',
      'body.grades.nope.item',
    );
    expectProblem(
      await evalA.client.put(url('sapporo'), {
        grades: { 'progress.tech': { grade: null, comment: 'Strong research, grade to follow' } },
      }),
      400,
      'VALIDATION_FAILED',
      'body.grades.progress.tech.grade',
    );
    expect(await countRows(t, 'grades')).toBe(0);
    const saved = await evalA.client.put(url('sapporo'), {
      grades: { 'progress.tech': { grade: 'S', comment: 'Strong research' }, 'progress.biz': { grade: 'A' } },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.score).toBeNull();
    expectProblem(
      await evalA.client.post(`${url('sapporo')}/submit`),
      400,
      'VALIDATION_FAILED',
      'body.grades.plans.future.grade',
    );
    const complete = await evalA.client.put(url('sapporo'), { grades: { 'plans.future': { grade: 'B' } } });
    // Weights 50/30/20 (the mean of 60/30/10 and 40/30/30): (50·4 + 30·3 + 20·2) / 100 = 3.3.
    expect(complete.body.score).toBeCloseTo(3.3, 12);
    const submitted = await evalA.client.post(`${url('sapporo')}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.canEdit).toBe(false);
    expectProblem(
      await evalA.client.put(url('sapporo'), { grades: { 'plans.future': { grade: 'S' } } }),
      409,
      'SUBMISSION_LOCKED',
      'body.grades',
    );
    // Still grading: nobody sees anyone else's grades.
    await evalB.client.put(url('sapporo'), {
      grades: {
        'progress.tech': { grade: 'A' },
        'progress.biz': { grade: 'A' },
        'plans.future': { grade: 'C' },
      },
    });
    expect((await evalA.client.get(url('sapporo'))).body.others).toEqual([]);
    await evalB.client.post(`${url('sapporo')}/submit`);
    const progress = await officer.get(`/api/v1/rounds/${r.key}/grading-progress`);
    expect(progress.body.pairs.filter((p: { submittedAt: string | null }) => p.submittedAt)).toHaveLength(2);

    await officer.post(`/api/v1/rounds/${r.key}/status`, { status: 'scoring', version: r.version });
    const seen = (await evalA.client.get(url('sapporo'))).body;
    expect(seen.others).toEqual([
      {
        evaluator: 'A',
        grades: [
          { item: 'progress.tech', grade: 'A', comment: null },
          { item: 'progress.biz', grade: 'A', comment: null },
          { item: 'plans.future', grade: 'C', comment: null },
        ],
      },
    ]);
    // Not submitted for Sendai: still nothing of the others there.
    expect((await evalA.client.get(url('sendai'))).body.others).toEqual([]);
    expectProblem(
      await evalA.client.put(url('sendai'), { grades: { 'plans.future': { grade: 'S' } } }),
      409,
      'WRONG_PHASE',
      'body.grades',
    );
    const mine = (await evalA.client.get(`/api/v1/rounds/${r.key}/gradings`)).body;
    expect(
      mine.items.map((i: { cluster: { key: string }; graded: number }) => [i.cluster.key, i.graded]),
    ).toEqual([
      ['sapporo', 3],
      ['sendai', 0],
    ]);
  });

  it('keeps a conflicted evaluator out of the cluster, and grading closed before the weights are locked', async () => {
    const r = await weighted();
    const sapporo = (await officer.get(`/api/v1/rounds/${r.key}`)).body.clusters.find(
      (c: { key: string }) => c.key === 'sapporo',
    ).id;
    await officer.put(`/api/v1/rounds/${r.key}/conflicts`, {
      clusterId: sapporo,
      evaluatorId: evalB.id,
      kind: 'personal',
      note: 'Former adviser',
    });
    expectProblem(
      await evalB.client.get(`/api/v1/rounds/${r.key}/gradings/sapporo`),
      409,
      'CONFLICT_OF_INTEREST',
    );
    expectProblem(
      await evalB.client.put(`/api/v1/rounds/${r.key}/gradings/sapporo`, {
        grades: { 'plans.future': { grade: 'S' } },
      }),
      409,
      'CONFLICT_OF_INTEREST',
    );
    const mine = (await evalB.client.get(`/api/v1/rounds/${r.key}/gradings`)).body;
    expect(mine.items.map((i: { cluster: { key: string } }) => i.cluster.key)).toEqual(['sendai']);

    const early = await round();
    expectProblem(
      await evalA.client.put(`/api/v1/rounds/${early.key}/gradings/sapporo`, {
        grades: { 'plans.future': { grade: 'S' } },
      }),
      409,
      'WRONG_PHASE',
      'body.grades',
    );
    expectProblem(await headquarters.get(`/api/v1/rounds/${r.key}/gradings/sapporo`), 403, 'FORBIDDEN');
  });
});
