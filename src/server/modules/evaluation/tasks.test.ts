/**
 * GET /api/v1/evaluation-tasks on every engine: a round of Sapporo and Sendai walks through its
 * phases and each reader's tasks follow — Sapporo's headquarters their self-evaluation (to do,
 * in progress with items written, done), a weighting member their weights until the set is
 * locked, evaluators their clear assignments while the round grades; a conflicted pair is no
 * task; the public is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationTask } from '../../../contracts/evaluation-tasks';
import { ENGINES } from '../../../../test/support/engines';
import { expectProblem, signInNew, unique } from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { SCORED_CRITERIA } from '../../../../test/support/scored-round';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

describe.each(ENGINES)('evaluation tasks on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let hq: HttpClient;
  let chair: { id: number; client: HttpClient };
  let evalA: { id: number; client: HttpClient };
  let evalB: { id: number; client: HttpClient };

  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = (await signInNew(t, 'programme_officer')).client;
    hq = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'sapporo' })).client;
    chair = await signInNew(t, 'weighting_member');
    evalA = await signInNew(t, 'evaluator');
    evalB = await signInNew(t, 'evaluator');
  });
  afterAll(async () => t?.close());

  const tasksOf = async (client: HttpClient, key: string): Promise<EvaluationTask[]> => {
    const res = await client.get('/api/v1/evaluation-tasks');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.items as EvaluationTask[]).filter((task) => task.round.key === key);
  };

  it('follows each reader’s work through the round’s phases', async () => {
    const created = await officer.post('/api/v1/rounds', {
      key: `tasks-${unique()}`,
      title: { ja: '平成16年度 中間評価', en: 'FY2004 intermediate evaluation' },
      fiscalYear: 2004,
      clusterKeys: ['sapporo', 'sendai'],
      criteria: SCORED_CRITERIA,
      phases: [
        { phase: 'self_evaluation', from: '2004-11-01', to: '2004-11-30' },
        { phase: 'weighting', from: '2004-11-01', to: '2004-11-30' },
        { phase: 'grading', from: '2004-12-01', to: '2005-01-31' },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const key = created.body.key as string;
    const clusterId = (k: string) =>
      (created.body.clusters as { id: number; key: string }[]).find((c) => c.key === k)!.id;
    for (const [accountId, role, isChair] of [
      [chair.id, 'weighting_member', true],
      [evalA.id, 'evaluator', false],
      [evalB.id, 'evaluator', false],
    ] as const)
      expect((await officer.post(`/api/v1/rounds/${key}/members`, { accountId, role, isChair })).status).toBe(
        200,
      );
    expect((await officer.post(`/api/v1/rounds/${key}/assignments`, {})).status).toBe(200);
    expect(
      (
        await officer.put(`/api/v1/rounds/${key}/conflicts`, {
          clusterId: clusterId('sendai'),
          evaluatorId: evalB.id,
          kind: 'personal',
          note: 'Adviser to the cluster',
        })
      ).status,
    ).toBe(200);
    let version = (await officer.get(`/api/v1/rounds/${key}`)).body.version as number;
    const move = async (status: string) => {
      const res = await officer.post(`/api/v1/rounds/${key}/status`, { status, version });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      version = res.body.version as number;
    };

    // A draft round is nobody's task yet.
    expect(await tasksOf(hq, key)).toEqual([]);
    expect(await tasksOf(chair.client, key)).toEqual([]);

    await move('self_evaluation');
    expect(await tasksOf(hq, key)).toEqual([
      {
        round: { key, title: created.body.title, status: 'self_evaluation', fiscalYear: 2004 },
        kind: 'self_evaluation',
        cluster: { key: 'sapporo', name: expect.any(Object) },
        state: 'to_do',
        progress: { done: 0, of: 3 },
        dueOn: '2004-11-30',
      },
    ]);
    const saved = await hq.put(`/api/v1/rounds/${key}/self-evaluations/sapporo`, {
      version: 1,
      narratives: { 'progress.tech': 'Research on track', 'plans.future': 'Toward business' },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(await tasksOf(hq, key)).toMatchObject([{ state: 'in_progress', progress: { done: 2, of: 3 } }]);
    expect(await tasksOf(chair.client, key)).toMatchObject([
      { kind: 'weights', cluster: null, state: 'to_do', progress: null, dueOn: '2004-11-30' },
    ]);
    const proposed = await chair.client.put(`/api/v1/rounds/${key}/weights/mine`, {
      weights: { 'progress.tech': 50, 'progress.biz': 30, 'plans.future': 20 },
    });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(200);
    expect(await tasksOf(chair.client, key)).toMatchObject([{ kind: 'weights', state: 'done' }]);

    await move('weighting');
    // Reports are closed: headquarters have nothing left to do in this round.
    expect(await tasksOf(hq, key)).toEqual([]);
    expect((await chair.client.post(`/api/v1/rounds/${key}/weight-sets`)).status).toBe(200);
    expect((await officer.post(`/api/v1/rounds/${key}/weight-sets/1/lock`)).status).toBe(200);
    // Locked weights end the weighting task.
    expect(await tasksOf(chair.client, key)).toEqual([]);
    expect(await tasksOf(evalA.client, key)).toEqual([]);

    await move('grading');
    expect((await tasksOf(evalA.client, key)).map((task) => [task.cluster!.key, task.state])).toEqual([
      ['sapporo', 'to_do'],
      ['sendai', 'to_do'],
    ]);
    // evalB declared a conflict with Sendai: only Sapporo is theirs to grade.
    expect((await tasksOf(evalB.client, key)).map((task) => task.cluster!.key)).toEqual(['sapporo']);
    const graded = await evalA.client.put(`/api/v1/rounds/${key}/gradings/sendai`, {
      grades: { 'progress.tech': { grade: 'A', comment: 'Steady' } },
    });
    expect(graded.status, JSON.stringify(graded.body)).toBe(200);
    const afterOne = await tasksOf(evalA.client, key);
    expect(afterOne.map((task) => [task.cluster!.key, task.state, task.progress])).toEqual([
      ['sapporo', 'to_do', { done: 0, of: 3 }],
      ['sendai', 'in_progress', { done: 1, of: 3 }],
    ]);
    expect(afterOne[1]!.dueOn).toBe('2005-01-31');
    const submittedAll = await evalA.client.put(`/api/v1/rounds/${key}/gradings/sapporo`, {
      grades: {
        'progress.tech': { grade: 'S' },
        'progress.biz': { grade: 'A' },
        'plans.future': { grade: 'B' },
      },
    });
    expect(submittedAll.status).toBe(200);
    expect((await evalA.client.post(`/api/v1/rounds/${key}/gradings/sapporo/submit`)).status).toBe(200);
    // Done work goes last.
    expect((await tasksOf(evalA.client, key)).map((task) => [task.cluster!.key, task.state])).toEqual([
      ['sendai', 'in_progress'],
      ['sapporo', 'done'],
    ]);
  });

  it('refuses the public and gives an officer with no part in a round no task', async () => {
    expectProblem(await t.anonymous().get('/api/v1/evaluation-tasks'), 401, 'UNAUTHENTICATED');
    expect((await officer.get('/api/v1/evaluation-tasks')).body).toEqual({ items: [] });
  });
});
