/**
 * Findings through HTTP on every engine: an officer records the FY2004 round's "issues to be
 * solved" for Sapporo as tagged recommendations; Sapporo's headquarters respond and move the
 * follow-up forward (never back); an officer carries a finding into a later round that evaluates
 * Sapporo again; the public reads findings once the round is published; bad input gets a 4xx
 * naming the field and writes nothing.
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

function findingBody(overrides: Record<string, unknown> = {}) {
  return {
    clusterKey: 'sapporo',
    tag: 'ip_strategy',
    text: {
      ja: '本部と大学の知的財産戦略を統合すること',
      en: 'Integrate the IP strategy of the headquarters and the universities',
    },
    ...overrides,
  };
}

describe.each(ENGINES)('findings on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let hq: HttpClient;
  let kyotoHq: HttpClient;
  let evaluator: HttpClient;

  async function openRound(overrides: Record<string, unknown> = {}): Promise<string> {
    const created = await officer.post('/api/v1/rounds', {
      key: `fd-${unique()}`,
      title: { ja: '平成16年度 中間評価', en: 'FY2004 intermediate evaluation' },
      fiscalYear: 2004,
      targetStartFiscalYear: 2002,
      ...overrides,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const opened = await officer.post(`/api/v1/rounds/${created.body.key}/status`, {
      status: 'self_evaluation',
      version: created.body.version,
    });
    expect(opened.status).toBe(200);
    return created.body.key as string;
  }

  /** Results announced or round over (set directly: publishing is the results slice's). */
  async function setStatus(
    key: string,
    status: 'published' | 'closed',
    published = status === 'published',
  ): Promise<void> {
    await t.database.db
      .updateTable('evaluation_rounds')
      .set({ status, ...(published ? { published_at: new Date().toISOString() } : {}) })
      .where('key', '=', key)
      .execute();
  }

  async function record(key: string, overrides: Record<string, unknown> = {}) {
    const res = await officer.post(`/api/v1/rounds/${key}/findings`, findingBody(overrides));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: number; version: number };
  }

  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = (await signInNew(t, 'programme_officer')).client;
    hq = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'sapporo' })).client;
    kyotoHq = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'kyoto' })).client;
    evaluator = (await signInNew(t, 'evaluator')).client;
  });
  afterAll(async () => t?.close());

  it('records a finding that headquarters answer and move forward, each step audited', async () => {
    const key = await openRound();
    const created = await officer.post(`/api/v1/rounds/${key}/findings`, findingBody());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      round: { key, fiscalYear: 2004 },
      cluster: { key: 'sapporo' },
      tag: 'ip_strategy',
      followUpStatus: 'open',
      response: null,
      followUpRound: null,
      canEdit: true,
      canRespond: false,
      version: 1,
    });
    expect((await lastAuditEntry(t)).action).toBe('finding.create');

    const mine = (await hq.get(`/api/v1/rounds/${key}/findings`)).body.items;
    expect(mine).toEqual([
      expect.objectContaining({ id: created.body.id, canRespond: true, canEdit: false }),
    ]);
    const answered = await hq.post(`/api/v1/findings/${created.body.id}/response`, {
      version: 1,
      response: '知的財産本部を大学と共同で設置する',
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body).toMatchObject({
      followUpStatus: 'responded',
      response: '知的財産本部を大学と共同で設置する',
      version: 2,
    });
    expect(answered.body.respondedAt).toEqual(expect.any(String));
    expect((await lastAuditEntry(t)).action).toBe('finding.respond');

    const moved = await hq.post(`/api/v1/findings/${created.body.id}/response`, {
      version: 2,
      response: '共同の知財本部を設置済み',
      followUpStatus: 'in_progress',
    });
    expect(moved.body.followUpStatus).toBe('in_progress');
    expectProblem(
      await hq.post(`/api/v1/findings/${created.body.id}/response`, {
        version: 3,
        response: 'やり直し',
        followUpStatus: 'responded',
      }),
      409,
      'INVALID_TRANSITION',
      'body.followUpStatus',
    );
    // An officer may set any status (e.g. reopen a finding the next round finds unresolved).
    const reset = await officer.patch(`/api/v1/findings/${created.body.id}`, {
      version: 3,
      followUpStatus: 'open',
    });
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect(reset.body).toMatchObject({
      followUpStatus: 'open',
      response: '共同の知財本部を設置済み',
      version: 4,
    });
    expect((await lastAuditEntry(t)).action).toBe('finding.update');

    const edited = await officer.patch(`/api/v1/findings/${created.body.id}`, {
      version: 4,
      tag: 'market_needs_targets',
      text: { ja: '市場ニーズ分析と数値目標', en: 'Market needs and numerical targets' },
    });
    expect(edited.body).toMatchObject({
      tag: 'market_needs_targets',
      text: { en: 'Market needs and numerical targets' },
    });
  });

  it.each([
    ['an unknown tag', { tag: 'weather' }, 'body.tag'],
    ['a cluster the round does not evaluate', { clusterKey: 'atlantis' }, 'body.clusterKey'],
    ['no text in either language', { text: { ja: ' ', en: '' } }, 'body.text'],
    ['a text over 5,000 characters', { text: { ja: 'あ'.repeat(5001), en: 'x' } }, 'body.text.ja'],
    ['an unknown field', { followUpStatus: 'resolved' }, 'body.followUpStatus'],
  ])(
    'refuses a finding with %s with 400 naming the field and writes nothing',
    async (_name, overrides, field) => {
      const key = await openRound();
      const before = [await countRows(t, 'findings'), await countRows(t, 'audit_log')];
      expectProblem(
        await officer.post(`/api/v1/rounds/${key}/findings`, findingBody(overrides)),
        400,
        'VALIDATION_FAILED',
        field,
      );
      expect([await countRows(t, 'findings'), await countRows(t, 'audit_log')]).toEqual(before);
    },
  );

  it('lets only officers record and edit, and only the cluster’s headquarters respond', async () => {
    const key = await openRound();
    const finding = await record(key);
    const audits = await countRows(t, 'audit_log');
    expectProblem(await hq.post(`/api/v1/rounds/${key}/findings`, findingBody()), 403, 'FORBIDDEN');
    expectProblem(
      await hq.patch(`/api/v1/findings/${finding.id}`, { version: 1, tag: 'other' }),
      403,
      'FORBIDDEN',
    );
    const answer = { version: 1, response: 'ok' };
    expectProblem(await kyotoHq.post(`/api/v1/findings/${finding.id}/response`, answer), 403, 'FORBIDDEN');
    expectProblem(await officer.post(`/api/v1/findings/${finding.id}/response`, answer), 403, 'FORBIDDEN');
    expectProblem(await evaluator.post(`/api/v1/findings/${finding.id}/response`, answer), 403, 'FORBIDDEN');
    expectProblem(
      await t.anonymous().post(`/api/v1/findings/${finding.id}/response`, answer),
      401,
      'UNAUTHENTICATED',
    );
    expectProblem(await hq.post('/api/v1/findings/999999/response', answer), 404, 'NOT_FOUND');
    expectProblem(
      await hq.post(`/api/v1/findings/${finding.id}/response`, { version: 1, response: ' ' }),
      400,
      'VALIDATION_FAILED',
      'body.response',
    );
    expectProblem(
      await hq.post(`/api/v1/findings/${finding.id}/response`, {
        version: 1,
        response: 'x',
        followUpStatus: 'open',
      }),
      400,
      'VALIDATION_FAILED',
      'body.followUpStatus',
    );
    expectProblem(
      await hq.post(`/api/v1/findings/${finding.id}/response`, { version: 7, response: 'x' }),
      409,
      'VERSION_CONFLICT',
      'body.version',
    );
    expectProblem(
      await officer.patch(`/api/v1/findings/${finding.id}`, { version: 7, tag: 'talent' }),
      409,
      'VERSION_CONFLICT',
    );
    expect(await countRows(t, 'audit_log')).toBe(audits);
  });

  it('shows findings to the public once the round is published, and before to officers and the cluster only', async () => {
    const key = await openRound();
    const sapporo = await record(key);
    await record(key, {
      clusterKey: 'kyoto',
      tag: 'talent',
      text: { ja: '人材の育成', en: 'Foster talent' },
    });
    const list = `/api/v1/rounds/${key}/findings`;
    const ids = (body: { items: { id: number }[] }) => body.items.map((i) => i.id);

    expect((await officer.get(list)).body.items).toHaveLength(2);
    expect(ids((await hq.get(list)).body)).toEqual([sapporo.id]);
    expect((await kyotoHq.get(`${list}?cluster=sapporo`)).body.items).toEqual([]);
    expect((await evaluator.get(list)).body.items).toEqual([]);
    expect((await t.anonymous().get(list)).body.items).toEqual([]);
    expect(
      (await t.anonymous().get('/api/v1/clusters/sapporo/findings')).body.items.map(
        (i: { round: { key: string } }) => i.round.key,
      ),
    ).not.toContain(key);

    // Closing a round without publishing its results keeps its findings private.
    await setStatus(key, 'closed');
    expect((await t.anonymous().get(list)).body.items).toEqual([]);
    expect(
      (await t.anonymous().get('/api/v1/clusters/sapporo/findings')).body.items.map(
        (i: { round: { key: string } }) => i.round.key,
      ),
    ).not.toContain(key);
    expect(ids((await hq.get(list)).body)).toEqual([sapporo.id]);

    await setStatus(key, 'published');
    const pub = await t.anonymous().get(list);
    expect(pub.body.items).toHaveLength(2);
    expect(pub.body.items[0]).toMatchObject({ canEdit: false, canRespond: false });
    expect(ids((await t.anonymous().get(`${list}?tag=talent`)).body)).toHaveLength(1);
    expect((await t.anonymous().get(`${list}?tag=weather`)).status).toBe(400);
    const acrossRounds = await t.anonymous().get('/api/v1/clusters/sapporo/findings');
    expect(acrossRounds.body.items.map((i: { id: number }) => i.id)).toContain(sapporo.id);
    expectProblem(await t.anonymous().get('/api/v1/clusters/atlantis/findings'), 404, 'NOT_FOUND');
  });

  it('carries a finding into a later round that evaluates the cluster again, and follows it there', async () => {
    const key = await openRound();
    const finding = await record(key);
    const laterDraft = await officer.post('/api/v1/rounds', {
      key: `fd-expost-${unique()}`,
      title: { ja: '事後評価', en: 'Ex-post evaluation' },
      kind: 'ex_post',
      fiscalYear: 2006,
      targetStartFiscalYear: 2002,
    });
    const later = laterDraft.body.key as string;
    const kyotoOnly = await openRound({
      fiscalYear: 2006,
      targetStartFiscalYear: undefined,
      clusterKeys: ['kyoto'],
    });
    const earlier = await openRound({ fiscalYear: 2003 });
    const patch = (followUpRoundKey: string | null, version = 1) =>
      officer.patch(`/api/v1/findings/${finding.id}`, { version, followUpRoundKey });

    const before = await countRows(t, 'audit_log');
    expectProblem(await patch('no-such-round'), 422, 'UNKNOWN_REFERENCE', 'body.followUpRoundKey');
    expectProblem(await patch(earlier), 422, 'RULE_VIOLATION', 'body.followUpRoundKey');
    expectProblem(await patch(key), 422, 'RULE_VIOLATION', 'body.followUpRoundKey');
    expectProblem(await patch(kyotoOnly), 422, 'RULE_VIOLATION', 'body.followUpRoundKey');
    expect(await countRows(t, 'audit_log')).toBe(before);

    const carried = await patch(later);
    expect(carried.status, JSON.stringify(carried.body)).toBe(200);
    expect(carried.body.followUpRound).toMatchObject({ key: later, fiscalYear: 2006, status: 'draft' });
    // The next round is still a draft: headquarters see the finding, not the unannounced round.
    const asHq = (await hq.get('/api/v1/clusters/sapporo/findings')).body.items.find(
      (i: { id: number }) => i.id === finding.id,
    );
    expect(asHq).toMatchObject({ followUpRound: null, canRespond: true });
    const asOfficer = await officer.get('/api/v1/clusters/sapporo/findings?followUpStatus=open');
    expect(asOfficer.body.items.find((i: { id: number }) => i.id === finding.id).followUpRound.key).toBe(
      later,
    );

    const cleared = await patch(null, 2);
    expect(cleared.body.followUpRound).toBeNull();
  });

  it('keeps what a closed round found, while its follow-up goes on', async () => {
    const key = await openRound();
    const finding = await record(key);
    await setStatus(key, 'closed');
    expectProblem(
      await officer.post(`/api/v1/rounds/${key}/findings`, findingBody()),
      409,
      'WRONG_PHASE',
      'params.key',
    );
    expectProblem(
      await officer.patch(`/api/v1/findings/${finding.id}`, {
        version: 1,
        text: { ja: '変更', en: 'Changed' },
      }),
      409,
      'WRONG_PHASE',
      'body.text',
    );
    const answered = await hq.post(`/api/v1/findings/${finding.id}/response`, {
      version: 1,
      response: '対応済み',
      followUpStatus: 'resolved',
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body.followUpStatus).toBe('resolved');
    const draft = await officer.post('/api/v1/rounds', {
      key: `fd-draft-${unique()}`,
      title: { ja: '下書き', en: 'Draft' },
      fiscalYear: 2004,
      targetStartFiscalYear: 2002,
    });
    expectProblem(
      await officer.post(`/api/v1/rounds/${draft.body.key}/findings`, findingBody()),
      409,
      'WRONG_PHASE',
    );
  });
});
