/**
 * Industrial Cluster projects, METI funds and committees through HTTP on every engine: a
 * coordinator adds a project of a METI regional bureau with members, linked clusters and seeds; an
 * officer records METI funds that appear in the budget ledger (kind 'meti') and among funded
 * projects; committees' meetings show minutes and attendees to managers only; bad input gets a
 * 4xx naming the field and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import {
  countRows,
  createOrganization,
  createPerson,
  expectProblem,
  lastAuditEntry,
  signInNew,
  unique,
} from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

function projectBody(overrides: Record<string, unknown> = {}) {
  const n = unique();
  return {
    key: `hokkaido-bio-${n}`,
    name: { ja: `北海道バイオ産業クラスター${n}`, en: `Hokkaido Bio Industry Cluster ${n}` },
    bureau: 'hokkaido',
    description: { ja: '北海道の食とバイオ', en: 'Food and biotechnology in Hokkaido' },
    startFy: 2001,
    source: 'METI Industrial Cluster Project list, 2004',
    ...overrides,
  };
}

describe.each(ENGINES)('Industrial Cluster projects on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let coordinator: HttpClient;
  let company: HttpClient;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = (await signInNew(t, 'programme_officer')).client;
    coordinator = (await signInNew(t, 'coordinator')).client;
    company = (await signInNew(t, 'evaluator')).client;
  });
  afterAll(async () => t?.close());

  it('adds a project with members, clusters and seeds, each audited, and shows it to the public', async () => {
    const created = await coordinator.post('/api/v1/industrial-cluster/projects', projectBody());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      bureau: 'hokkaido',
      status: 'active',
      isPublished: true,
      version: 1,
    });
    expect((await lastAuditEntry(t)).action).toBe('industrial-cluster-project.create');
    const key = created.body.key as string;

    const org = await createOrganization(officer, { kind: 'company' });
    const member = await coordinator.post(`/api/v1/industrial-cluster/projects/${key}/members`, {
      organizationId: org.id,
      role: 'core_company',
      joinedFy: 2003,
    });
    expect(member.status, JSON.stringify(member.body)).toBe(201);
    expect(member.body.members).toEqual([
      expect.objectContaining({
        role: 'core_company',
        joinedFy: 2003,
        organization: expect.objectContaining({ id: org.id }),
      }),
    ]);
    expectProblem(
      await coordinator.post(`/api/v1/industrial-cluster/projects/${key}/members`, {
        organizationId: org.id,
        role: 'member_company',
      }),
      409,
      'DUPLICATE',
      'body.organizationId',
    );

    const linked = await coordinator.put(`/api/v1/industrial-cluster/projects/${key}/clusters`, {
      clusterKeys: ['sapporo'],
      version: 1,
    });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body.clusters.map((c: { key: string }) => c.key)).toEqual(['sapporo']);
    const seeds = await coordinator.put(`/api/v1/industrial-cluster/projects/${key}/seeds`, {
      seedIds: [42, 7, 42],
      version: linked.body.version,
    });
    expect(seeds.status, JSON.stringify(seeds.body)).toBe(200);
    expect(seeds.body.seedIds).toEqual([7, 42]);
    // A stale version of the project: 409, nothing changed.
    expectProblem(
      await coordinator.put(`/api/v1/industrial-cluster/projects/${key}/seeds`, { seedIds: [], version: 1 }),
      409,
      'VERSION_CONFLICT',
      'body.version',
    );

    const removed = await coordinator.delete(
      `/api/v1/industrial-cluster/projects/${key}/members/${member.body.members[0].id}`,
    );
    expect(removed.status).toBe(200);
    expect(removed.body.members).toEqual([]);

    const pub = await t.anonymous().get(`/api/v1/industrial-cluster/projects/${key}`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ seedIds: [7, 42], canManage: false, canRecordFunds: false });
    const list = await t.anonymous().get('/api/v1/industrial-cluster/projects?bureau=hokkaido');
    expect(list.body.items.map((p: { key: string }) => p.key)).toContain(key);
    const other = await t.anonymous().get('/api/v1/industrial-cluster/projects?bureau=kyushu');
    expect(other.body.items.map((p: { key: string }) => p.key)).not.toContain(key);
  });

  it('hides an unpublished project from the public and shows it to coordinators', async () => {
    const created = await coordinator.post(
      '/api/v1/industrial-cluster/projects',
      projectBody({ isPublished: false }),
    );
    expect(created.status).toBe(201);
    expectProblem(
      await t.anonymous().get(`/api/v1/industrial-cluster/projects/${created.body.key}`),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await company.get(`/api/v1/industrial-cluster/projects/${created.body.key}`),
      404,
      'NOT_FOUND',
    );
    expect((await coordinator.get(`/api/v1/industrial-cluster/projects/${created.body.key}`)).status).toBe(
      200,
    );
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const before = await countRows(t, 'industrial_cluster_projects');
    const audits = await countRows(t, 'audit_log');
    expectProblem(
      await coordinator.post('/api/v1/industrial-cluster/projects', projectBody({ bureau: 'tokyo' })),
      400,
      'VALIDATION_FAILED',
      'body.bureau',
    );
    expectProblem(
      await coordinator.post(
        '/api/v1/industrial-cluster/projects',
        projectBody({ name: { ja: ' ', en: '' } }),
      ),
      400,
      'VALIDATION_FAILED',
      'body.name',
    );
    expectProblem(
      await coordinator.post(
        '/api/v1/industrial-cluster/projects',
        projectBody({ startFy: 2005, endFy: 2004 }),
      ),
      400,
      'VALIDATION_FAILED',
      'body.endFy',
    );
    const taken = projectBody();
    expect((await coordinator.post('/api/v1/industrial-cluster/projects', taken)).status).toBe(201);
    expectProblem(
      await coordinator.post('/api/v1/industrial-cluster/projects', { ...taken }),
      409,
      'DUPLICATE',
      'body.key',
    );
    expectProblem(
      await coordinator.put(`/api/v1/industrial-cluster/projects/${taken.key}/clusters`, {
        clusterKeys: ['sapporo', 'atlantis'],
        version: 1,
      }),
      422,
      'UNKNOWN_REFERENCE',
      'body.clusterKeys.1',
    );
    expectProblem(
      await coordinator.post(`/api/v1/industrial-cluster/projects/${taken.key}/members`, {
        organizationId: 999999,
        role: 'university',
      }),
      422,
      'UNKNOWN_REFERENCE',
      'body.organizationId',
    );
    expect(await countRows(t, 'industrial_cluster_projects')).toBe(before + 1);
    expect(await countRows(t, 'audit_log')).toBe(audits + 1);
    expect(await countRows(t, 'industrial_cluster_project_clusters')).toBeGreaterThanOrEqual(0);
  });

  it("records a METI fund as a 'meti' budget line and a funded project in one audited transaction", async () => {
    const created = await coordinator.post('/api/v1/industrial-cluster/projects', projectBody());
    const key = created.body.key as string;
    await coordinator.put(`/api/v1/industrial-cluster/projects/${key}/clusters`, {
      clusterKeys: ['sapporo'],
      version: 1,
    });
    const audits = await countRows(t, 'audit_log');

    // Coordinators manage projects but do not keep the ledger.
    expectProblem(
      await coordinator.post(`/api/v1/industrial-cluster/projects/${key}/meti-funds`, {
        fiscalYear: 2004,
        amountYen: 30_000_000,
        purpose: { ja: '実用化', en: '' },
      }),
      403,
      'FORBIDDEN',
    );
    const fund = await officer.post(`/api/v1/industrial-cluster/projects/${key}/meti-funds`, {
      fiscalYear: 2004,
      amountYen: 30_000_000,
      purpose: { ja: 'ゲノム解析技術の実用化', en: 'Practical use of genome analysis' },
      cluster: 'sapporo',
      seedId: 42,
      researcherName: '山田 太郎',
    });
    expect(fund.status, JSON.stringify(fund.body)).toBe(201);
    expect(fund.body).toMatchObject({
      fiscalYear: 2004,
      amountYen: 30_000_000,
      cluster: { key: 'sapporo' },
      project: { key },
      seedId: 42,
      budgetLineId: expect.any(Number),
      fundedProjectId: expect.any(Number),
    });
    expect(await countRows(t, 'audit_log')).toBe(audits + 3);

    const ledger = await t.anonymous().get('/api/v1/budgets?cluster=sapporo&kind=meti&fy=2004');
    expect(ledger.body.items).toEqual([
      expect.objectContaining({ id: fund.body.budgetLineId, kind: 'meti', amountYen: 30_000_000 }),
    ]);
    const funded = await officer.get(
      '/api/v1/funding/projects?fiscalYear=2004&programme=meti_industrial_cluster',
    );
    expect(funded.body.items).toEqual([
      expect.objectContaining({ id: fund.body.fundedProjectId, researcherName: '山田 太郎', seedId: 42 }),
    ]);
    const detail = await t.anonymous().get(`/api/v1/industrial-cluster/projects/${key}`);
    expect(detail.body.metiFunds).toHaveLength(1);

    // A second fund of the same year and purpose is a line of its own, not a merge.
    const second = await officer.post(`/api/v1/industrial-cluster/projects/${key}/meti-funds`, {
      fiscalYear: 2004,
      amountYen: 5_000_000,
      purpose: { ja: 'ゲノム解析技術の実用化', en: 'Practical use of genome analysis' },
      cluster: 'sapporo',
    });
    expect(second.status).toBe(201);
    const after = await t.anonymous().get('/api/v1/budgets?cluster=sapporo&kind=meti&fy=2004');
    expect(after.body.totalYen).toBe(35_000_000);
  });

  it('refuses a METI fund for a cluster the project is not linked to, writing nothing', async () => {
    const created = await coordinator.post('/api/v1/industrial-cluster/projects', projectBody());
    const counts = await Promise.all(
      ['meti_funds', 'budget_lines', 'funded_projects'].map((x) => countRows(t, x)),
    );
    expectProblem(
      await officer.post(`/api/v1/industrial-cluster/projects/${created.body.key}/meti-funds`, {
        fiscalYear: 2004,
        amountYen: 1,
        purpose: { ja: '実用化', en: '' },
        cluster: 'kyoto',
      }),
      422,
      'RULE_VIOLATION',
      'body.cluster',
    );
    expectProblem(
      await officer.post(`/api/v1/industrial-cluster/projects/${created.body.key}/meti-funds`, {
        fiscalYear: 2004,
        amountYen: 0,
        purpose: { ja: '実用化', en: '' },
      }),
      400,
      'VALIDATION_FAILED',
      'body.amountYen',
    );
    expect(
      await Promise.all(['meti_funds', 'budget_lines', 'funded_projects'].map((x) => countRows(t, x))),
    ).toEqual(counts);
  });

  it('keeps meetings’ minutes and attendees for managers; the public reads the summary', async () => {
    const person = await createPerson(officer);
    expectProblem(
      await coordinator.post('/api/v1/industrial-cluster/committees', {
        level: 'regional',
        name: { ja: '北海道地域産業クラスター委員会', en: '' },
      }),
      400,
      'VALIDATION_FAILED',
      'body.bureau',
    );
    const committee = await coordinator.post('/api/v1/industrial-cluster/committees', {
      level: 'regional',
      bureau: 'hokkaido',
      name: { ja: '北海道地域産業クラスター委員会', en: 'Hokkaido regional Industrial Cluster committee' },
    });
    expect(committee.status, JSON.stringify(committee.body)).toBe(201);
    const id = committee.body.id as number;
    const meeting = await coordinator.post(`/api/v1/industrial-cluster/committees/${id}/meetings`, {
      heldOn: '2004-10-15',
      place: '札幌市',
      agenda: '知的クラスターとの連携',
      attendees: [{ personId: person.id }, { name: '経済 一郎', organization: '北海道経済産業局' }],
      minutes: { ja: '連携を確認した', en: '' },
    });
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
    expect(meeting.body.attendees[0]).toMatchObject({ personId: person.id, name: person.name.ja });

    const edited = await coordinator.patch(
      `/api/v1/industrial-cluster/committees/${id}/meetings/${meeting.body.id}`,
      {
        version: 1,
        minutes: { ja: '連携を確認した', en: 'Cooperation confirmed' },
      },
    );
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, minutes: { en: 'Cooperation confirmed' } });
    expect((await lastAuditEntry(t)).action).toBe('industrial-cluster-meeting.update');

    const pub = await t.anonymous().get(`/api/v1/industrial-cluster/committees/${id}`);
    expect(pub.body.meetings[0]).toMatchObject({
      agenda: '知的クラスターとの連携',
      attendees: null,
      minutes: null,
    });
    const signedIn = await company.get(`/api/v1/industrial-cluster/committees/${id}`);
    expect(signedIn.body.meetings[0]).toMatchObject({ attendees: null, minutes: null });
    const managed = await officer.get(`/api/v1/industrial-cluster/committees/${id}`);
    expect(managed.body.meetings[0].attendees).toHaveLength(2);

    expectProblem(
      await coordinator.post(`/api/v1/industrial-cluster/committees/${id}/meetings`, {
        heldOn: '2004-10-15',
        place: ' ',
      }),
      400,
      'VALIDATION_FAILED',
      'body.place',
    );
    expectProblem(
      await coordinator.post(`/api/v1/industrial-cluster/committees/${id}/meetings`, {
        heldOn: '2004-10-15',
        place: '札幌',
        attendees: [{ personId: 999999 }],
      }),
      422,
      'UNKNOWN_REFERENCE',
      'body.attendees.0.personId',
    );
  });
});
