/**
 * Evaluation rounds through HTTP on every engine: creation for the FY2002 clusters from the 2004
 * template, the checks on scale, bands and phases, the tree frozen once the round opens, members
 * (weighting and evaluating groups kept apart), assignments with conflicts detected from
 * affiliations, grading refused before the weights are locked, and who sees members' names.
 */
import { sql } from 'kysely';
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
  unique,
} from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

function roundBody(overrides: Record<string, unknown> = {}) {
  return {
    key: `fy2004-${unique()}`,
    title: { ja: '平成16年度 中間評価', en: 'FY2004 intermediate evaluation' },
    fiscalYear: 2004,
    targetStartFiscalYear: 2002,
    announceOn: '2005-03-23',
    phases: [
      { phase: 'self_evaluation', from: '2004-11-01', to: '2004-11-30' },
      { phase: 'weighting', from: '2004-11-01', to: '2004-11-30' },
      { phase: 'interviews', from: '2004-11-15', to: '2004-12-20' },
      { phase: 'grading', from: '2004-11-15', to: '2004-12-20' },
      { phase: 'scoring', from: '2005-01-10', to: '2005-03-10' },
      { phase: 'announcement', from: '2005-03-23', to: '2005-03-23' },
    ],
    ...overrides,
  };
}

describe.each(ENGINES)('evaluation rounds on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let headquarters: HttpClient;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = (await signInNew(t, 'programme_officer')).client;
    headquarters = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'sapporo' })).client;
  });
  afterAll(async () => t?.close());

  it('opens a draft round for the twelve FY2002 clusters with the 2004 tree and S=4…C=1, audited', async () => {
    const res = await officer.post('/api/v1/rounds', roundBody());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      kind: 'intermediate',
      fiscalYear: 2004,
      allocationFiscalYear: 2005,
    });
    expect(res.body.clusters).toHaveLength(12);
    expect(res.body.criteria.map((g: { key: string }) => g.key)).toEqual([
      'progress',
      'self-evaluation',
      'plans',
      'future',
    ]);
    const regional = res.body.criteria[0].items.find((i: { key: string }) => i.key === 'progress.regional');
    expect(regional.aspects).toHaveLength(2);
    expect(res.body.scale).toEqual([
      { grade: 'S', points: 4 },
      { grade: 'A', points: 3 },
      { grade: 'B', points: 2 },
      { grade: 'C', points: 1 },
    ]);
    const entry = await lastAuditEntry(t);
    expect(entry.action).toBe('round.create');
  });

  it.each([
    [
      'a grade listed twice',
      {
        scale: [
          { grade: 'S', points: 4 },
          { grade: 'S', points: 3 },
        ],
      },
      'body.scale.1.grade',
    ],
    [
      'points not falling',
      {
        scale: [
          { grade: 'S', points: 3 },
          { grade: 'A', points: 3 },
        ],
      },
      'body.scale.1.points',
    ],
    ['a one-grade scale', { scale: [{ grade: 'S', points: 4 }] }, 'body.scale'],
    [
      'bands not falling',
      {
        bands: [
          { band: 'S', minScore: 2 },
          { band: 'A', minScore: 3 },
        ],
      },
      'body.bands.1.minScore',
    ],
    [
      'a phase ending before it starts',
      { phases: [{ phase: 'grading', from: '2004-12-20', to: '2004-11-15' }] },
      'body.phases.0.to',
    ],
    ['no target clusters', { targetStartFiscalYear: undefined }, 'body.clusterKeys'],
    [
      'an unknown cluster',
      { targetStartFiscalYear: undefined, clusterKeys: ['sapporo', 'atlantis'] },
      'body.clusterKeys.1',
    ],
    ['a year with no clusters', { targetStartFiscalYear: 1999 }, 'body.targetStartFiscalYear'],
  ])('refuses %s with 400 naming the field and writes nothing', async (_name, overrides, field) => {
    const before = await countRows(t, 'evaluation_rounds');
    expectProblem(
      await officer.post('/api/v1/rounds', roundBody(overrides)),
      400,
      'VALIDATION_FAILED',
      field,
    );
    expect(await countRows(t, 'evaluation_rounds')).toBe(before);
  });

  it('refuses a duplicate key and an unknown template', async () => {
    const body = roundBody();
    expect((await officer.post('/api/v1/rounds', body)).status).toBe(201);
    expectProblem(await officer.post('/api/v1/rounds', body), 409, 'DUPLICATE', 'body.key');
    expectProblem(
      await officer.post('/api/v1/rounds', roundBody({ criteriaTemplateKey: 'nope' })),
      422,
      'UNKNOWN_REFERENCE',
      'body.criteriaTemplateKey',
    );
  });

  it('keeps drafts to officers and freezes the tree and scale once the round opens', async () => {
    const created = (await officer.post('/api/v1/rounds', roundBody())).body;
    expectProblem(await headquarters.get(`/api/v1/rounds/${created.key}`), 404, 'NOT_FOUND');
    const edited = await officer.patch(`/api/v1/rounds/${created.key}`, {
      version: created.version,
      scale: [
        { grade: 'S', points: 5 },
        { grade: 'A', points: 3 },
        { grade: 'B', points: 1 },
      ],
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const opened = await officer.post(`/api/v1/rounds/${created.key}/status`, {
      status: 'self_evaluation',
      version: edited.body.version,
    });
    expect(opened.status).toBe(200);
    expect((await headquarters.get(`/api/v1/rounds/${created.key}`)).status).toBe(200);
    expectProblem(
      await officer.patch(`/api/v1/rounds/${created.key}`, {
        version: opened.body.version,
        scale: [
          { grade: 'S', points: 4 },
          { grade: 'C', points: 1 },
        ],
      }),
      409,
      'ROUND_FROZEN',
      'body.scale',
    );
    expectProblem(
      await officer.patch(`/api/v1/rounds/${created.key}`, { version: 1, announceOn: '2005-03-24' }),
      409,
      'VERSION_CONFLICT',
    );
    expectProblem(
      await officer.post(`/api/v1/rounds/${created.key}/status`, {
        status: 'self_evaluation',
        version: opened.body.version,
      }),
      409,
      'INVALID_TRANSITION',
      'body.status',
    );
  });

  it('refuses to open grading before the weights are locked', async () => {
    let round = (await officer.post('/api/v1/rounds', roundBody())).body;
    for (const status of ['self_evaluation', 'weighting'])
      round = (await officer.post(`/api/v1/rounds/${round.key}/status`, { status, version: round.version }))
        .body;
    expectProblem(
      await officer.post(`/api/v1/rounds/${round.key}/status`, { status: 'grading', version: round.version }),
      409,
      'WEIGHTS_NOT_LOCKED',
      'body.status',
    );
    expect((await officer.get(`/api/v1/rounds/${round.key}`)).body.status).toBe('weighting');
  });

  it('keeps the weighting group and the evaluating group apart and needs the role granted', async () => {
    const round = (await officer.post('/api/v1/rounds', roundBody())).body;
    const both = await createAccount(t, 'evaluator');
    await sql`insert into role_grants (account_id, role, scope_type, scope_id, created_at) values (${both.id}, 'weighting_member', 'programme', null, ${new Date().toISOString()})`.execute(
      t.database.db,
    );
    expect(
      (await officer.post(`/api/v1/rounds/${round.key}/members`, { accountId: both.id, role: 'evaluator' }))
        .status,
    ).toBe(200);
    expectProblem(
      await officer.post(`/api/v1/rounds/${round.key}/members`, {
        accountId: both.id,
        role: 'weighting_member',
      }),
      409,
      'DUPLICATE',
      'body.accountId',
    );
    const plain = await createAccount(t, 'coordinator');
    expectProblem(
      await officer.post(`/api/v1/rounds/${round.key}/members`, { accountId: plain.id, role: 'evaluator' }),
      422,
      'RULE_VIOLATION',
      'body.role',
    );
    expectProblem(
      await officer.post(`/api/v1/rounds/${round.key}/members`, {
        accountId: both.id + 10_000,
        role: 'evaluator',
      }),
      422,
      'UNKNOWN_REFERENCE',
      'body.accountId',
    );
  });

  it('detects a conflict from the evaluator’s organization’s prefecture and lets an officer record one', async () => {
    const round = (await officer.post('/api/v1/rounds', roundBody())).body;
    // An evaluator at a Hokkaido university: conflicted with Sapporo only.
    const university = await createOrganization(officer, { kind: 'university', prefectureCode: '01' });
    const person = await createPerson(officer, { organizationId: university.id });
    const evaluator = await signInNew(t, 'evaluator');
    // An administrator links the evaluator's account to the person record.
    const admin = (await signInNew(t, 'administrator')).client;
    const account = (await admin.get(`/api/v1/accounts/${evaluator.id}`)).body as { version: number };
    const linked = await admin.patch(`/api/v1/accounts/${evaluator.id}`, {
      version: account.version,
      personId: person.id,
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    const other = await signInNew(t, 'evaluator');
    for (const id of [evaluator.id, other.id])
      expect(
        (await officer.post(`/api/v1/rounds/${round.key}/members`, { accountId: id, role: 'evaluator' }))
          .status,
      ).toBe(200);
    // The officer finds them among the candidates, with the affiliation that decides conflicts.
    const candidates = await officer.get(`/api/v1/rounds/${round.key}/candidates`);
    expect(candidates.status).toBe(200);
    expect(candidates.body.items).toContainEqual({
      accountId: evaluator.id,
      displayName: expect.any(String),
      roles: ['evaluator'],
      organization: university.name,
      prefectureCode: '01',
      memberRole: 'evaluator',
    });
    expect(candidates.body.items).toContainEqual(
      expect.objectContaining({ accountId: other.id, organization: null, memberRole: 'evaluator' }),
    );
    expect(
      candidates.body.items.every((c: { roles: string[] }) =>
        c.roles.every((r) => r === 'evaluator' || r === 'weighting_member'),
      ),
    ).toBe(true);
    expectProblem(await headquarters.get(`/api/v1/rounds/${round.key}/candidates`), 403, 'FORBIDDEN');
    const assigned = await officer.post(`/api/v1/rounds/${round.key}/assignments`, {});
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body.assignments).toHaveLength(24);
    const sapporo = assigned.body.clusters.find((c: { key: string }) => c.key === 'sapporo').id;
    const conflicted = assigned.body.assignments.filter(
      (a: { conflictKind: string | null }) => a.conflictKind,
    );
    expect(conflicted).toEqual([
      expect.objectContaining({ clusterId: sapporo, evaluatorId: evaluator.id, conflictKind: 'prefecture' }),
    ]);
    expect(conflicted[0].conflictNote).toContain('北海道');

    // Assigning again adds nothing and keeps the ruling.
    expect((await officer.post(`/api/v1/rounds/${round.key}/assignments`, {})).body.assignments).toHaveLength(
      24,
    );

    const kyoto = assigned.body.clusters.find((c: { key: string }) => c.key === 'kyoto').id;
    const recorded = await officer.put(`/api/v1/rounds/${round.key}/conflicts`, {
      clusterId: kyoto,
      evaluatorId: other.id,
      kind: 'personal',
      note: 'Adviser to the Kyoto headquarters until 2003',
    });
    expect(recorded.status).toBe(200);
    expect((await lastAuditEntry(t)).action).toBe('round.conflict-record');

    // The evaluator sees their own assignments only; headquarters see no member or assignment.
    await officer.post(`/api/v1/rounds/${round.key}/status`, {
      status: 'self_evaluation',
      version: round.version,
    });
    const mine = (await evaluator.client.get(`/api/v1/rounds/${round.key}`)).body;
    expect(mine.members).toEqual([expect.objectContaining({ accountId: evaluator.id, role: 'evaluator' })]);
    expect(mine.assignments.every((a: { evaluatorId: number }) => a.evaluatorId === evaluator.id)).toBe(true);
    expect(mine.myRoles).toEqual(['evaluator']);
    const hq = (await headquarters.get(`/api/v1/rounds/${round.key}`)).body;
    expect(hq.members).toEqual([]);
    expect(hq.assignments).toEqual([]);
  });

  it('refuses pairs outside the round, naming the pair', async () => {
    const round = (await officer.post('/api/v1/rounds', roundBody())).body;
    const evaluator = await createAccount(t, 'evaluator');
    await officer.post(`/api/v1/rounds/${round.key}/members`, { accountId: evaluator.id, role: 'evaluator' });
    expectProblem(
      await officer.post(`/api/v1/rounds/${round.key}/assignments`, {
        pairs: [{ clusterId: round.clusters[0].id, evaluatorId: evaluator.id + 10_000 }],
      }),
      400,
      'VALIDATION_FAILED',
      'body.pairs.0.evaluatorId',
    );
    const rows = await t.database.db
      .selectFrom('round_assignments')
      .innerJoin('evaluation_rounds', 'evaluation_rounds.id', 'round_assignments.round_id')
      .select('round_assignments.id')
      .where('evaluation_rounds.key', '=', round.key)
      .execute();
    expect(rows).toEqual([]);
  });
});
