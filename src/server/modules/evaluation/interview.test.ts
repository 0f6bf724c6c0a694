/**
 * Interviews through HTTP on every engine: an officer schedules Sapporo's interview of the FY2004
 * round with its attendees and records minutes against criterion items, edits it at its version and
 * deletes one, until grading ends; evaluators assigned without a conflict read the minutes but not
 * each other's names; headquarters read when, where and their own attendees only; bad input gets a
 * 4xx naming the field and writes nothing.
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
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

const ATTENDEES = [
  { name: '評価 一郎', affiliation: '評価グループ', side: 'evaluator' },
  { name: '本部 花子', affiliation: '札幌クラスター本部', side: 'cluster' },
  { name: '文科 次郎', affiliation: '文部科学省', side: 'ministry' },
];

function interviewBody(overrides: Record<string, unknown> = {}) {
  return {
    clusterKey: 'sapporo',
    heldAt: '2004-11-24T13:30:00+09:00',
    place: '文部科学省 16F 会議室',
    attendees: ATTENDEES,
    minutes: { 'progress.technical': '研究開発は計画どおり', 'plans.regional': '' },
    ...overrides,
  };
}

describe.each(ENGINES)('interviews on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let hq: HttpClient;
  let kyotoHq: HttpClient;
  let evaluator: { id: number; client: HttpClient };
  let conflicted: { id: number; client: HttpClient };
  let weighting: HttpClient;

  async function openRound(): Promise<string> {
    const created = await officer.post('/api/v1/rounds', {
      key: `iv-${unique()}`,
      title: { ja: '平成16年度 中間評価', en: 'FY2004 intermediate evaluation' },
      fiscalYear: 2004,
      targetStartFiscalYear: 2002,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const key = created.body.key as string;
    for (const id of [evaluator.id, conflicted.id])
      await officer.post(`/api/v1/rounds/${key}/members`, { accountId: id, role: 'evaluator' });
    const assigned = await officer.post(`/api/v1/rounds/${key}/assignments`, {});
    const sapporo = assigned.body.clusters.find((c: { key: string }) => c.key === 'sapporo').id;
    await officer.put(`/api/v1/rounds/${key}/conflicts`, {
      clusterId: sapporo,
      evaluatorId: conflicted.id,
      kind: 'organization',
      note: 'Professor at a member university',
    });
    await officer.post(`/api/v1/rounds/${key}/status`, {
      status: 'self_evaluation',
      version: created.body.version,
    });
    return key;
  }

  /** Grading ended: the round is scoring (set directly, the weights and grades are another slice's). */
  async function endGrading(key: string): Promise<void> {
    await t.database.db
      .updateTable('evaluation_rounds')
      .set({ status: 'scoring' })
      .where('key', '=', key)
      .execute();
  }

  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = (await signInNew(t, 'programme_officer')).client;
    hq = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'sapporo' })).client;
    kyotoHq = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'kyoto' })).client;
    evaluator = await signInNew(t, 'evaluator');
    conflicted = await signInNew(t, 'evaluator');
    weighting = (await signInNew(t, 'weighting_member')).client;
  });
  afterAll(async () => t?.close());

  it('schedules an interview, records minutes and edits it at its version, each audited', async () => {
    const key = await openRound();
    const created = await officer.post(`/api/v1/rounds/${key}/interviews`, interviewBody());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      cluster: { key: 'sapporo' },
      heldAt: '2004-11-24T04:30:00.000Z',
      attendees: ATTENDEES,
      hiddenAttendeeCount: 0,
      // Blank minutes are not kept.
      minutes: { 'progress.technical': '研究開発は計画どおり' },
      canEdit: true,
      version: 1,
    });
    expect((await lastAuditEntry(t)).action).toBe('interview.create');

    const edited = await officer.patch(`/api/v1/rounds/${key}/interviews/${created.body.id}`, {
      version: 1,
      place: '札幌市 北大 百年記念会館',
      minutes: { 'progress.technical': '進捗良好', 'future.possibility': '国際展開に課題' },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({
      place: '札幌市 北大 百年記念会館',
      minutes: { 'progress.technical': '進捗良好', 'future.possibility': '国際展開に課題' },
      attendees: ATTENDEES,
      version: 2,
    });
    const entry = await lastAuditEntry(t);
    expect(entry.action).toBe('interview.update');
    expect(JSON.parse(entry.before_json!).place).toBe('文部科学省 16F 会議室');

    expectProblem(
      await officer.patch(`/api/v1/rounds/${key}/interviews/${created.body.id}`, { version: 1, place: 'x' }),
      409,
      'VERSION_CONFLICT',
      'body.version',
    );
    expectProblem(
      await officer.patch(`/api/v1/rounds/${key}/interviews/999999`, { version: 1, place: 'x' }),
      404,
      'NOT_FOUND',
    );
  });

  it.each([
    [
      'an unknown criterion item in the minutes',
      { minutes: { 'progress.magic': 'x' } },
      'body.minutes.progress.magic',
    ],
    ['a cluster the round does not evaluate', { clusterKey: 'atlantis' }, 'body.clusterKey'],
    ['a time without an offset', { heldAt: '2004-11-24 13:30' }, 'body.heldAt'],
    ['no place', { place: '  ' }, 'body.place'],
    ['an attendee on no known side', { attendees: [{ name: 'A', side: 'press' }] }, 'body.attendees.0.side'],
    ['an attendee without a name', { attendees: [{ name: '', side: 'cluster' }] }, 'body.attendees.0.name'],
    [
      'minutes over 20,000 characters',
      { minutes: { 'plans.technical': 'x'.repeat(20_001) } },
      'body.minutes.plans.technical',
    ],
    ['an unknown field', { summary: 'x' }, 'body.summary'],
  ])('refuses %s with 400 naming the field and writes nothing', async (_name, overrides, field) => {
    const key = await openRound();
    const before = [await countRows(t, 'interviews'), await countRows(t, 'audit_log')];
    expectProblem(
      await officer.post(`/api/v1/rounds/${key}/interviews`, interviewBody(overrides)),
      400,
      'VALIDATION_FAILED',
      field,
    );
    expect([await countRows(t, 'interviews'), await countRows(t, 'audit_log')]).toEqual(before);
  });

  it('refuses an unknown item in edited minutes and changes nothing', async () => {
    const key = await openRound();
    const created = (await officer.post(`/api/v1/rounds/${key}/interviews`, interviewBody())).body;
    expectProblem(
      await officer.patch(`/api/v1/rounds/${key}/interviews/${created.id}`, {
        version: 1,
        minutes: { 'progress.technical': 'ok', nope: 'x' },
      }),
      400,
      'VALIDATION_FAILED',
      'body.minutes.nope',
    );
    const after = (await officer.get(`/api/v1/rounds/${key}/interviews`)).body.items[0];
    expect(after).toMatchObject({ version: 1, minutes: { 'progress.technical': '研究開発は計画どおり' } });
  });

  it('shows evaluators the minutes without the evaluators’ names, and headquarters when, where and their own people', async () => {
    const key = await openRound();
    await officer.post(`/api/v1/rounds/${key}/interviews`, interviewBody());
    await officer.post(`/api/v1/rounds/${key}/interviews`, interviewBody({ clusterKey: 'kyoto' }));
    const list = `/api/v1/rounds/${key}/interviews`;

    expect((await officer.get(list)).body.items).toHaveLength(2);
    expect(
      (await officer.get(`${list}?cluster=kyoto`)).body.items.map(
        (i: { cluster: { key: string } }) => i.cluster.key,
      ),
    ).toEqual(['kyoto']);

    const asEvaluator = (await evaluator.client.get(`${list}?cluster=sapporo`)).body.items;
    expect(asEvaluator).toHaveLength(1);
    expect(asEvaluator[0]).toMatchObject({ hiddenAttendeeCount: 1, canEdit: false });
    expect(asEvaluator[0].minutes).toEqual({ 'progress.technical': '研究開発は計画どおり' });
    expect(asEvaluator[0].attendees.map((a: { side: string }) => a.side)).toEqual(['cluster', 'ministry']);

    const asHq = await hq.get(list);
    expect(asHq.body.items).toHaveLength(1);
    expect(asHq.body.items[0]).toMatchObject({
      cluster: { key: 'sapporo' },
      place: '文部科学省 16F 会議室',
      heldAt: '2004-11-24T04:30:00.000Z',
      attendees: [ATTENDEES[1]],
      hiddenAttendeeCount: 2,
      minutes: null,
    });
    expect(JSON.stringify(asHq.body)).not.toContain('評価 一郎');

    // The conflicted evaluator sees Kyoto's interview only; never Sapporo's minutes.
    const asConflicted = await conflicted.client.get(list);
    expect(asConflicted.body.items.map((i: { cluster: { key: string } }) => i.cluster.key)).toEqual([
      'kyoto',
    ]);
    expect((await conflicted.client.get(`${list}?cluster=sapporo`)).body.items).toEqual([]);
    expect((await kyotoHq.get(`${list}?cluster=sapporo`)).body.items).toEqual([]);
    expectProblem(await officer.get(`${list}?cluster=atlantis`), 404, 'NOT_FOUND');
    expectProblem(await weighting.get(list), 403, 'FORBIDDEN');
    expectProblem(await t.anonymous().get(list), 401, 'UNAUTHENTICATED');
  });

  it('lets only officers write interviews', async () => {
    const key = await openRound();
    const created = (await officer.post(`/api/v1/rounds/${key}/interviews`, interviewBody())).body;
    const count = await countRows(t, 'interviews');
    for (const client of [hq, evaluator.client]) {
      expectProblem(await client.post(`/api/v1/rounds/${key}/interviews`, interviewBody()), 403, 'FORBIDDEN');
      expectProblem(
        await client.patch(`/api/v1/rounds/${key}/interviews/${created.id}`, { version: 1, place: 'x' }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await client.delete(`/api/v1/rounds/${key}/interviews/${created.id}?version=1`),
        403,
        'FORBIDDEN',
      );
    }
    expectProblem(
      await t.anonymous().post(`/api/v1/rounds/${key}/interviews`, interviewBody()),
      401,
      'UNAUTHENTICATED',
    );
    expect(await countRows(t, 'interviews')).toBe(count);
  });

  it('deletes an interview at its version before grading ends, and freezes interviews after', async () => {
    const key = await openRound();
    const first = (await officer.post(`/api/v1/rounds/${key}/interviews`, interviewBody())).body;
    const second = (await officer.post(`/api/v1/rounds/${key}/interviews`, interviewBody())).body;
    const url = `/api/v1/rounds/${key}/interviews/${first.id}`;
    expectProblem(await officer.delete(`${url}?version=2`), 409, 'VERSION_CONFLICT');
    expectProblem(await officer.delete(url), 400, 'VALIDATION_FAILED', 'query.version');
    const gone = await officer.delete(`${url}?version=1`);
    expect(gone.status, JSON.stringify(gone.body)).toBe(200);
    const entry = await lastAuditEntry(t);
    expect(entry.action).toBe('interview.delete');
    expect(JSON.parse(entry.before_json!).place).toBe('文部科学省 16F 会議室');
    expect(
      (await officer.get(`/api/v1/rounds/${key}/interviews`)).body.items.map((i: { id: number }) => i.id),
    ).toEqual([second.id]);
    expectProblem(await officer.delete(`${url}?version=1`), 404, 'NOT_FOUND');

    await endGrading(key);
    const before = [await countRows(t, 'interviews'), await countRows(t, 'audit_log')];
    expectProblem(
      await officer.post(`/api/v1/rounds/${key}/interviews`, interviewBody()),
      409,
      'WRONG_PHASE',
      'params.key',
    );
    expectProblem(
      await officer.patch(`/api/v1/rounds/${key}/interviews/${second.id}`, { version: 1, place: 'x' }),
      409,
      'WRONG_PHASE',
    );
    expectProblem(
      await officer.delete(`/api/v1/rounds/${key}/interviews/${second.id}?version=1`),
      409,
      'WRONG_PHASE',
    );
    expect([await countRows(t, 'interviews'), await countRows(t, 'audit_log')]).toEqual(before);
    // Still readable, no longer editable.
    expect((await officer.get(`/api/v1/rounds/${key}/interviews`)).body.items[0].canEdit).toBe(false);
  });
});
