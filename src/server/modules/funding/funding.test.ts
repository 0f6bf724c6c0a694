/**
 * Funded projects and the duplication check through HTTP on every engine: officers record what
 * programmes fund; the same researcher or a near-identical theme under two programmes in one
 * fiscal year is flagged with its reason; an officer marks a flag reviewed (audited) and it stops
 * showing as open; bad input gets a 4xx naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import {
  countRows,
  createPerson,
  expectProblem,
  lastAuditEntry,
  signInNew,
} from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

describe.each(ENGINES)('funding and duplicates on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let coordinator: HttpClient;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = (await signInNew(t, 'programme_officer')).client;
    coordinator = (await signInNew(t, 'coordinator')).client;
  });
  afterAll(async () => t?.close());

  async function fund(body: Record<string, unknown>): Promise<number> {
    const res = await officer.post('/api/v1/funding/projects', {
      programme: 'mext_knowledge_cluster',
      amountYen: 10_000_000,
      source: 'test',
      ...body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  }

  it('flags the same researcher and a near-identical theme across programmes, with reasons', async () => {
    const person = await createPerson(officer);
    const a = await fund({
      fiscalYear: 2010,
      theme: { ja: '燃料電池用白金代替触媒の開発', en: '' },
      researcherName: '佐藤 一郎',
    });
    const b = await fund({
      programme: 'jst',
      fiscalYear: 2010,
      theme: { ja: '燃料電池用の白金代替触媒開発', en: '' },
      researcherName: '高橋 二郎',
    });
    const c = await fund({
      fiscalYear: 2010,
      theme: { ja: '', en: 'Genome analysis' },
      principalPersonId: person.id,
    });
    const d = await fund({
      programme: 'meti_industrial_cluster',
      fiscalYear: 2010,
      theme: { ja: '', en: 'Food safety sensors' },
      principalPersonId: person.id,
    });
    // Non-flags: the same programme, another fiscal year.
    await fund({
      fiscalYear: 2010,
      theme: { ja: '燃料電池用白金代替触媒の開発', en: '' },
      researcherName: '別人',
    });
    await fund({
      programme: 'jst',
      fiscalYear: 2011,
      theme: { ja: '', en: 'Genome analysis' },
      principalPersonId: person.id,
    });

    const res = await officer.get('/api/v1/funding/duplicates?fiscalYear=2010');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.threshold).toBe(0.75);
    const pairs = res.body.items.map((i: { a: { id: number }; b: { id: number } }) => [i.a.id, i.b.id]);
    expect(pairs).toContainEqual([a, b]);
    expect(pairs).toContainEqual([c, d]);
    const theme = res.body.items.find((i: { a: { id: number } }) => i.a.id === a);
    expect(theme.reasons).toEqual([
      expect.objectContaining({
        kind: 'similar_theme',
        similarity: 1,
        sharedTerms: expect.arrayContaining(['触媒']),
      }),
    ]);
    const researcher = res.body.items.find((i: { a: { id: number } }) => i.a.id === c);
    expect(researcher.reasons).toEqual([expect.objectContaining({ kind: 'same_researcher', via: 'person' })]);
    expect(researcher.review).toBeNull();

    // Reviewing a flag: audited, then no longer open.
    const reviewed = await officer.post('/api/v1/funding/duplicates/reviews', {
      aId: d,
      bId: c,
      note: '別テーマであることを確認',
    });
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(201);
    expect(reviewed.body.review).toMatchObject({ note: '別テーマであることを確認' });
    expect((await lastAuditEntry(t)).action).toBe('duplication.review');
    const open = await officer.get('/api/v1/funding/duplicates?fiscalYear=2010');
    expect(open.body.items.map((i: { a: { id: number } }) => i.a.id)).not.toContain(c);
    const done = await officer.get('/api/v1/funding/duplicates?fiscalYear=2010&status=reviewed');
    expect(done.body.items.map((i: { a: { id: number } }) => i.a.id)).toEqual([c]);
    expectProblem(
      await officer.post('/api/v1/funding/duplicates/reviews', { aId: c, bId: d, note: 'again' }),
      409,
      'DUPLICATE',
    );
  });

  it('refuses to review a pair that is not flagged, and unknown projects', async () => {
    const a = await fund({ fiscalYear: 2012, theme: { ja: 'センサー', en: '' }, researcherName: 'A' });
    const b = await fund({
      programme: 'jst',
      fiscalYear: 2012,
      theme: { ja: '触媒', en: '' },
      researcherName: 'B',
    });
    const audits = await countRows(t, 'audit_log');
    expectProblem(
      await officer.post('/api/v1/funding/duplicates/reviews', { aId: a, bId: b, note: 'x' }),
      422,
      'RULE_VIOLATION',
      'body.bId',
    );
    expectProblem(
      await officer.post('/api/v1/funding/duplicates/reviews', { aId: a, bId: 999999, note: 'x' }),
      422,
      'UNKNOWN_REFERENCE',
      'body.bId',
    );
    expectProblem(
      await officer.post('/api/v1/funding/duplicates/reviews', { aId: a, bId: b, note: ' ' }),
      400,
      'VALIDATION_FAILED',
      'body.note',
    );
    expect(await countRows(t, 'audit_log')).toBe(audits);
  });

  it('refuses bad funded projects naming the field, and keeps the check for officers', async () => {
    const before = await countRows(t, 'funded_projects');
    const base = {
      programme: 'jst',
      fiscalYear: 2010,
      theme: { ja: '触媒', en: '' },
      amountYen: 1,
      source: 's',
    };
    expectProblem(
      await officer.post('/api/v1/funding/projects', base),
      400,
      'VALIDATION_FAILED',
      'body.researcherName',
    );
    expectProblem(
      await officer.post('/api/v1/funding/projects', { ...base, researcherName: 'x', programme: 'nedo' }),
      400,
      'VALIDATION_FAILED',
      'body.programme',
    );
    expectProblem(
      await officer.post('/api/v1/funding/projects', { ...base, principalPersonId: 999999 }),
      422,
      'UNKNOWN_REFERENCE',
      'body.principalPersonId',
    );
    expect(await countRows(t, 'funded_projects')).toBe(before);
    expectProblem(await coordinator.get('/api/v1/funding/duplicates'), 403, 'FORBIDDEN');
    expectProblem(await t.anonymous().get('/api/v1/funding/duplicates'), 401, 'UNAUTHENTICATED');
  });
});
