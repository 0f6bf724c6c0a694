/**
 * Calls through HTTP on every engine: creation from the 2001 template or explicit criteria, the
 * checks on scale, weights and thresholds, edits with versions, criteria frozen once open, the
 * status transitions (audited), and who can read a draft.
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
import { SELECTION_2001_CRITERIA } from '../../../../test/support/selection';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

const DAY = 86_400_000;
const inDays = (d: number) => new Date(Date.now() + d * DAY).toISOString();

function callBody(overrides: Record<string, unknown> = {}) {
  return {
    key: `fy2002-${unique()}`,
    title: { ja: '知的クラスター創成事業 公募', en: 'Knowledge Cluster call' },
    fiscalYear: 2002,
    slots: 12,
    budgetPerClusterYen: 500_000_000,
    totalBudgetYen: 6_000_000_000,
    submissionDeadline: inDays(10),
    graceMinutes: 30,
    reviewDeadline: inDays(20),
    decisionDeadline: inDays(30),
    requiredDocuments: [{ key: 'plan', label: { ja: '事業計画書', en: 'Cluster plan' }, required: true }],
    ...overrides,
  };
}

describe.each(ENGINES)('selection calls on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let proposer: HttpClient;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = (await signInNew(t, 'programme_officer')).client;
    proposer = (await signInNew(t, 'evaluator')).client;
  });
  afterAll(async () => t?.close());

  it('creates a draft call with the 2001 criteria copied from the template, audited', async () => {
    const res = await officer.post('/api/v1/calls', callBody());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.status).toBe('draft');
    expect(res.body.criteriaTemplateKey).toBe('selection-2001');
    expect(res.body.criteria.map((g: { key: string }) => g.key)).toEqual([
      'basic',
      'technical',
      'promotion',
      'regional',
    ]);
    expect(res.body.criteria[0].items[0]).toMatchObject({ key: 'basic.focus', weight: 1, threshold: null });
    expect(res.body.scale).toEqual({ min: 1, max: 5, step: 1 });
    expect(res.body.proposalCounts).toEqual({ draft: 0, submitted: 0, withdrawn: 0 });
    expect(Date.parse(res.body.closesAt) - Date.parse(res.body.submissionDeadline)).toBe(30 * 60_000);
    expect((await lastAuditEntry(t)).action).toBe('call.create');
  });

  it('refuses a bad scale, weights, thresholds, tie-break and deadlines, naming the fields, writing nothing', async () => {
    const before = await countRows(t, 'calls');
    const criteria = structuredClone(SELECTION_2001_CRITERIA);
    criteria[0]!.items[0]!.threshold = 9;
    expectProblem(
      await officer.post('/api/v1/calls', callBody({ criteria, scale: { min: 1, max: 5, step: 3 } })),
      400,
      'VALIDATION_FAILED',
      'body.scale',
    );
    expectProblem(
      await officer.post('/api/v1/calls', callBody({ criteria })),
      400,
      'VALIDATION_FAILED',
      'body.criteria.0.items.0.threshold',
    );
    expectProblem(
      await officer.post(
        '/api/v1/calls',
        callBody({ tieBreak: [{ kind: 'criterion', criterion: 'nope' }], reviewDeadline: inDays(5) }),
      ),
      400,
      'VALIDATION_FAILED',
      'body.tieBreak.0.criterion',
    );
    expectProblem(
      await officer.post('/api/v1/calls', callBody({ reviewDeadline: inDays(5) })),
      400,
      'VALIDATION_FAILED',
      'body.reviewDeadline',
    );
    const zero = structuredClone(SELECTION_2001_CRITERIA).map((g) => ({
      ...g,
      items: g.items.map((i) => ({ ...i, weight: 0 })),
    }));
    expectProblem(
      await officer.post('/api/v1/calls', callBody({ criteria: zero })),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await officer.post('/api/v1/calls', callBody({ stage: 2, previousCallKey: 'no-such-call' })),
      400,
      'VALIDATION_FAILED',
      'body.previousCallKey',
    );
    const body = callBody();
    expect((await officer.post('/api/v1/calls', body)).status).toBe(201);
    expectProblem(await officer.post('/api/v1/calls', body), 409, 'DUPLICATE', 'body.key');
    expect(await countRows(t, 'calls')).toBe(before + 1);
  });

  it('hides drafts from everyone but officers, and shows an open call to the public', async () => {
    const created = (await officer.post('/api/v1/calls', callBody())).body;
    expectProblem(await t.anonymous().get(`/api/v1/calls/${created.key}`), 404, 'NOT_FOUND');
    expectProblem(await proposer.get(`/api/v1/calls/${created.key}`), 404, 'NOT_FOUND');
    const list = await t.anonymous().get('/api/v1/calls');
    expect(list.body.items.map((c: { key: string }) => c.key)).not.toContain(created.key);
    const opened = await officer.post(`/api/v1/calls/${created.key}/status`, {
      status: 'open',
      version: created.version,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const pub = await t.anonymous().get(`/api/v1/calls/${created.key}`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ status: 'open', proposalCounts: null, canManage: false });
    expect(pub.body.requiredDocuments[0].key).toBe('plan');
  });

  it('edits with versions and freezes the criteria, scale and weights once open', async () => {
    const c = (await officer.post('/api/v1/calls', callBody())).body;
    const weighted = structuredClone(SELECTION_2001_CRITERIA);
    weighted[1]!.items[0]!.weight = 2;
    const edited = await officer.patch(`/api/v1/calls/${c.key}`, {
      version: c.version,
      criteria: weighted,
      slots: 6,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.criteria[1].items[0].weight).toBe(2);
    expect(edited.body.slots).toBe(6);
    expectProblem(
      await officer.patch(`/api/v1/calls/${c.key}`, { version: c.version, slots: 3 }),
      409,
      'VERSION_CONFLICT',
    );
    const opened = (
      await officer.post(`/api/v1/calls/${c.key}/status`, { status: 'open', version: edited.body.version })
    ).body;
    expect((await lastAuditEntry(t)).action).toBe('call.open');
    expectProblem(
      await officer.patch(`/api/v1/calls/${c.key}`, {
        version: opened.version,
        scale: { min: 0, max: 10, step: 1 },
      }),
      409,
      'CALL_FROZEN',
      'body.scale',
    );
    expectProblem(
      await officer.patch(`/api/v1/calls/${c.key}`, {
        version: opened.version,
        criteria: SELECTION_2001_CRITERIA,
      }),
      409,
      'CALL_FROZEN',
      'body.criteria',
    );
    const moved = await officer.patch(`/api/v1/calls/${c.key}`, {
      version: opened.version,
      graceMinutes: 60,
    });
    expect(moved.status).toBe(200);
    const unchanged = await officer.get(`/api/v1/calls/${c.key}`);
    expect(unchanged.body.criteria[1].items[0].weight).toBe(2);
    expect(unchanged.body.scale).toEqual({ min: 1, max: 5, step: 1 });
  });

  it('moves draft → open → review → decision → closed and refuses other moves', async () => {
    let c = (await officer.post('/api/v1/calls', callBody())).body;
    expectProblem(
      await officer.post(`/api/v1/calls/${c.key}/status`, { status: 'review', version: c.version }),
      409,
      'INVALID_TRANSITION',
      'body.status',
    );
    for (const status of ['open', 'review', 'decision', 'closed']) {
      const res = await officer.post(`/api/v1/calls/${c.key}/status`, { status, version: c.version });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.status).toBe(status);
      expect((await lastAuditEntry(t)).action).toBe(`call.${status}`);
      c = res.body;
    }
    expectProblem(
      await officer.post(`/api/v1/calls/${c.key}/status`, { status: 'open', version: c.version - 1 }),
      409,
      'VERSION_CONFLICT',
    );
    expectProblem(
      await proposer.post(`/api/v1/calls/${c.key}/status`, { status: 'open', version: c.version }),
      403,
      'FORBIDDEN',
    );
  });
});
