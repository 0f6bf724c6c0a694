/**
 * Self-evaluation reports through HTTP on every engine: Sapporo's headquarters write a narrative
 * per criterion item of the FY2004 round, attach files, submit a complete report; an officer
 * reopens it with a reason; the report is locked after submission and outside the phase; readers
 * are officers, the cluster's headquarters and evaluators assigned without a conflict (who see a
 * draft's text only once submitted); the cluster's outcomes, targets and budget for FY2002–FY2004
 * come with it; bad input gets a 4xx naming the field and writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import {
  countRows,
  expectProblem,
  lastAuditEntry,
  signInNew,
  unique,
} from '../../../../test/support/factories';
import type { HttpClient, Response } from '../../../../test/support/http-client';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';
import { multipart } from '../../../../test/support/uploads';

/** The criterion items of the 2004 intermediate tree, in tree order. */
const ITEMS = [
  'progress.technical',
  'progress.regional',
  'progress.promotion',
  'self-evaluation.quality',
  'plans.technical',
  'plans.regional',
  'plans.promotion',
  'future.possibility',
];
const ALL = Object.fromEntries(ITEMS.map((k) => [k, `${k} の自己評価`]));
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

function upload(
  client: HttpClient,
  url: string,
  fields: Record<string, string>,
  file: { name: string; content: Buffer },
): Promise<Response> {
  const body = multipart(fields, file);
  return client.request('POST', url, undefined, {
    raw: body.payload as unknown as string,
    headers: { 'content-type': body.contentType },
  });
}

describe.each(ENGINES)('self-evaluations on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let hq: HttpClient;
  let kyotoHq: HttpClient;
  let evaluator: { id: number; client: HttpClient };
  let conflicted: { id: number; client: HttpClient };
  let outsider: HttpClient;
  let weighting: HttpClient;

  /** A round of the FY2002 clusters in its self-evaluation phase: both evaluators on every cluster, one conflicted with Sapporo. */
  async function openRound(): Promise<{ key: string; version: number }> {
    const created = await officer.post('/api/v1/rounds', {
      key: `se-${unique()}`,
      title: { ja: '平成16年度 中間評価', en: 'FY2004 intermediate evaluation' },
      fiscalYear: 2004,
      targetStartFiscalYear: 2002,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const key = created.body.key as string;
    for (const id of [evaluator.id, conflicted.id])
      expect(
        (await officer.post(`/api/v1/rounds/${key}/members`, { accountId: id, role: 'evaluator' })).status,
      ).toBe(200);
    const assigned = await officer.post(`/api/v1/rounds/${key}/assignments`, {});
    const sapporo = assigned.body.clusters.find((c: { key: string }) => c.key === 'sapporo').id;
    await officer.put(`/api/v1/rounds/${key}/conflicts`, {
      clusterId: sapporo,
      evaluatorId: conflicted.id,
      kind: 'personal',
      note: 'Adviser to the Sapporo headquarters',
    });
    const opened = await officer.post(`/api/v1/rounds/${key}/status`, {
      status: 'self_evaluation',
      version: created.body.version,
    });
    expect(opened.status).toBe(200);
    return { key, version: opened.body.version };
  }

  const url = (key: string, cluster = 'sapporo') => `/api/v1/rounds/${key}/self-evaluations/${cluster}`;

  async function save(key: string, narratives: Record<string, string>, version: number) {
    const res = await hq.put(url(key), { version, narratives });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { version: number };
  }

  async function submitted(key: string) {
    const saved = await save(key, ALL, 1);
    const res = await hq.post(`${url(key)}/submit`, { version: saved.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { version: number };
  }

  beforeAll(async () => {
    t = await buildTestApp(engine, { attachmentMaxBytes: 4096 });
    officer = (await signInNew(t, 'programme_officer')).client;
    hq = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'sapporo' })).client;
    kyotoHq = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'kyoto' })).client;
    evaluator = await signInNew(t, 'evaluator');
    conflicted = await signInNew(t, 'evaluator');
    outsider = (await signInNew(t, 'evaluator')).client;
    weighting = (await signInNew(t, 'weighting_member')).client;
    // Sapporo's plan: a target inside the FY2002–FY2004 period and one after it; ledger lines likewise.
    const targets = await officer.request('PUT', '/api/v1/clusters/sapporo/targets', {
      targets: [
        { indicator: 'patents_domestic_applied', fiscalYear: 2004, target: 50 },
        { indicator: 'patents_domestic_applied', fiscalYear: 2006, target: 90 },
      ],
    });
    expect(targets.status, JSON.stringify(targets.body)).toBe(200);
    for (const [fiscalYear, amountYen, source] of [
      [2003, 400_000_000, 'FY2003 grant decision'],
      [2003, 100_000_000, 'FY2003 supplementary grant'],
      [2005, 450_000_000, 'FY2005 grant decision'],
    ] as const) {
      const line = await officer.post('/api/v1/budgets', {
        cluster: 'sapporo',
        fiscalYear,
        kind: 'mext_subsidy',
        amountYen,
        source,
      });
      expect(line.status, JSON.stringify(line.body)).toBe(201);
    }
  });
  afterAll(async () => t?.close());

  describe('PUT, submit and reopen', () => {
    it('saves a draft, submits it complete and lets an officer reopen it with a reason, each audited', async () => {
      const { key } = await openRound();
      const fresh = await hq.get(url(key));
      expect(fresh.status, JSON.stringify(fresh.body)).toBe(200);
      expect(fresh.body).toMatchObject({
        status: 'not_started',
        version: 1,
        canEdit: true,
        canReopen: false,
      });
      expect(fresh.body.missingItems).toEqual(ITEMS);

      const draft = await hq.put(url(key), {
        version: 1,
        narratives: { 'progress.technical': '研究開発は計画どおり進捗', 'plans.technical': '  ' },
      });
      expect(draft.status, JSON.stringify(draft.body)).toBe(200);
      expect(draft.body).toMatchObject({ status: 'draft', version: 2 });
      expect(draft.body.narratives).toEqual({ 'progress.technical': '研究開発は計画どおり進捗' });
      expect(draft.body.missingItems).toHaveLength(7);
      expect((await lastAuditEntry(t)).action).toBe('self-evaluation.save');

      const incomplete = await hq.post(`${url(key)}/submit`, { version: 2 });
      expectProblem(incomplete, 422, 'RULE_VIOLATION', 'narratives.future.possibility');
      expect((await hq.get(url(key))).body).toMatchObject({ status: 'draft', version: 2 });

      const full = await save(key, ALL, 2);
      const done = await hq.post(`${url(key)}/submit`, { version: full.version });
      expect(done.status, JSON.stringify(done.body)).toBe(200);
      expect(done.body).toMatchObject({ status: 'submitted', canEdit: false, missingItems: [] });
      expect(done.body.submittedAt).toEqual(expect.any(String));
      expect((await lastAuditEntry(t)).action).toBe('self-evaluation.submit');

      expectProblem(
        await hq.put(url(key), { version: done.body.version, narratives: ALL }),
        409,
        'SUBMISSION_LOCKED',
      );
      expectProblem(
        await hq.post(`${url(key)}/submit`, { version: done.body.version }),
        409,
        'SUBMISSION_LOCKED',
      );

      expectProblem(
        await hq.post(`${url(key)}/reopen`, { version: done.body.version, reason: 'typo' }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await officer.post(`${url(key)}/reopen`, { version: done.body.version, reason: ' ' }),
        400,
        'VALIDATION_FAILED',
        'body.reason',
      );
      expect((await officer.get(url(key))).body.canReopen).toBe(true);
      const reopened = await officer.post(`${url(key)}/reopen`, {
        version: done.body.version,
        reason: 'The FY2004 patent figures were corrected',
      });
      expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
      expect(reopened.body).toMatchObject({ status: 'draft', submittedAt: null });
      const entry = await lastAuditEntry(t);
      expect(entry.action).toBe('self-evaluation.reopen');
      expect(JSON.parse(entry.after_json!)).toMatchObject({
        status: 'draft',
        reason: 'The FY2004 patent figures were corrected',
      });
      expectProblem(
        await officer.post(`${url(key)}/reopen`, { version: reopened.body.version, reason: 'again' }),
        409,
        'INVALID_TRANSITION',
        'params.clusterKey',
      );
      // Headquarters read why their report came back, until they submit it again.
      expect((await hq.get(url(key))).body.reopened).toEqual({
        at: expect.any(String),
        reason: 'The FY2004 patent figures were corrected',
      });
      const resaved = await hq.put(url(key), { version: reopened.body.version, narratives: ALL });
      expect(resaved.status).toBe(200);
      expect(resaved.body.reopened).toMatchObject({ reason: 'The FY2004 patent figures were corrected' });
      const again = await hq.post(`${url(key)}/submit`, { version: resaved.body.version });
      expect(again.status, JSON.stringify(again.body)).toBe(200);
      expect(again.body.reopened).toBeNull();
    });

    it.each([
      [
        'an unknown criterion item',
        { narratives: { 'progress.technical': 'x', 'progress.magic': 'y' } },
        'body.narratives.progress.magic',
      ],
      [
        'a narrative over 20,000 characters',
        { narratives: { 'plans.regional': 'あ'.repeat(20_001) } },
        'body.narratives.plans.regional',
      ],
      [
        'a narrative that is not text',
        { narratives: { 'plans.regional': 42 } },
        'body.narratives.plans.regional',
      ],
      ['no version', { version: undefined, narratives: {} }, 'body.version'],
      ['an unknown field', { narratives: {}, status: 'submitted' }, 'body.status'],
    ])('refuses %s with 400 naming the field and writes nothing', async (_name, body, field) => {
      const { key } = await openRound();
      const before = [await countRows(t, 'self_evaluations'), await countRows(t, 'audit_log')];
      expectProblem(await hq.put(url(key), { version: 1, ...body }), 400, 'VALIDATION_FAILED', field);
      expect([await countRows(t, 'self_evaluations'), await countRows(t, 'audit_log')]).toEqual(before);
    });

    it('refuses a stale version with 409 and writes nothing', async () => {
      const { key } = await openRound();
      const other = await openRound();
      await save(key, { 'progress.technical': 'first' }, 1);
      const before = [await countRows(t, 'self_evaluations'), await countRows(t, 'audit_log')];
      expectProblem(
        await hq.put(url(key), { version: 1, narratives: { 'progress.technical': 'second' } }),
        409,
        'VERSION_CONFLICT',
        'body.version',
      );
      // A first save against a version the report never had creates nothing either.
      expectProblem(await hq.put(url(other.key), { version: 5, narratives: {} }), 409, 'VERSION_CONFLICT');
      expect([await countRows(t, 'self_evaluations'), await countRows(t, 'audit_log')]).toEqual(before);
      expect((await hq.get(url(key))).body.narratives).toEqual({ 'progress.technical': 'first' });
    });

    it('refuses writing outside the self-evaluation phase with 409 WRONG_PHASE, and hides a draft round', async () => {
      const draftRound = await officer.post('/api/v1/rounds', {
        key: `se-draft-${unique()}`,
        title: { ja: '下書き', en: 'Draft' },
        fiscalYear: 2004,
        targetStartFiscalYear: 2002,
      });
      expectProblem(await hq.get(url(draftRound.body.key)), 404, 'NOT_FOUND');
      expectProblem(await hq.put(url(draftRound.body.key), { version: 1, narratives: {} }), 404, 'NOT_FOUND');

      const { key, version } = await openRound();
      const done = await submitted(key);
      const moved = await officer.post(`/api/v1/rounds/${key}/status`, { status: 'weighting', version });
      expect(moved.status).toBe(200);
      expectProblem(
        await officer.post(`${url(key)}/reopen`, { version: done.version, reason: 'late correction' }),
        409,
        'WRONG_PHASE',
        'params.key',
      );
      expectProblem(await hq.put(url(key, 'kyoto'), { version: 1, narratives: {} }), 403, 'FORBIDDEN');
      const kyoto = await kyotoHq.put(url(key, 'kyoto'), {
        version: 1,
        narratives: { 'plans.technical': 'x' },
      });
      expectProblem(kyoto, 409, 'WRONG_PHASE', 'params.key');
      expectProblem(await kyotoHq.post(`${url(key, 'kyoto')}/submit`, { version: 1 }), 409, 'WRONG_PHASE');
      expect((await kyotoHq.get(url(key, 'kyoto'))).body).toMatchObject({
        status: 'not_started',
        canEdit: false,
      });
    });

    it('lets only the cluster’s headquarters write it', async () => {
      const { key } = await openRound();
      const body = { version: 1, narratives: { 'progress.technical': 'x' } };
      expectProblem(await kyotoHq.put(url(key), body), 403, 'FORBIDDEN');
      expectProblem(await officer.put(url(key), body), 403, 'FORBIDDEN');
      expectProblem(await evaluator.client.put(url(key), body), 403, 'FORBIDDEN');
      expectProblem(await t.anonymous().put(url(key), body), 401, 'UNAUTHENTICATED');
      expectProblem(await hq.put(url(key, 'atlantis'), body), 404, 'NOT_FOUND');
      expectProblem(await hq.put(url(`nope-${unique()}`), body), 404, 'NOT_FOUND');
      expect((await hq.get(url(key))).body.status).toBe('not_started');
    });
  });

  describe('GET', () => {
    it('shows the report to officers, its headquarters and clear evaluators, never to a conflicted or unassigned one', async () => {
      const { key } = await openRound();
      await save(key, { 'progress.technical': '下書き' }, 1);

      const early = await evaluator.client.get(url(key));
      expect(early.status, JSON.stringify(early.body)).toBe(200);
      expect(early.body).toMatchObject({
        status: 'draft',
        contentHidden: true,
        narratives: {},
        canEdit: false,
      });
      expect((await officer.get(url(key))).body.narratives).toEqual({ 'progress.technical': '下書き' });

      for (const client of [conflicted.client, outsider, weighting, kyotoHq]) {
        const res = await client.get(url(key));
        expectProblem(res, 403, 'FORBIDDEN');
        expect(JSON.stringify(res.body)).not.toContain('下書き');
      }
      expectProblem(await t.anonymous().get(url(key)), 401, 'UNAUTHENTICATED');

      await save(key, ALL, 2);
      await hq.post(`${url(key)}/submit`, { version: 3 });
      const read = await evaluator.client.get(url(key));
      expect(read.body).toMatchObject({ status: 'submitted', contentHidden: false, narratives: ALL });
      expectProblem(await conflicted.client.get(url(key)), 403, 'FORBIDDEN');
    });

    it('pulls in the cluster’s outcomes, targets and budget from its start fiscal year to the round’s', async () => {
      const { key } = await openRound();
      const res = await evaluator.client.get(url(key));
      const data = res.body.clusterData;
      expect(data).toMatchObject({ fromFiscalYear: 2002, toFiscalYear: 2004 });
      // The seed deck's FY2002–FY2004 outcome table: Sapporo's 30 domestic papers, 40 domestic patent applications.
      expect(data.outcomes).toEqual(
        expect.arrayContaining([
          { indicatorKey: 'papers_domestic', total: 30 },
          { indicatorKey: 'patents_domestic_applied', total: 40 },
        ]),
      );
      expect(data.outcomeReports).toEqual([
        { fyFrom: 2002, fyTo: 2004, source: expect.stringContaining('seed deck') },
      ]);
      expect(data.targets).toEqual([
        { indicatorKey: 'patents_domestic_applied', fiscalYear: 2004, baseline: null, target: 50 },
      ]);
      expect(data.budgets).toEqual([{ fiscalYear: 2003, kind: 'mext_subsidy', amountYen: 500_000_000 }]);
      expect(data.budgetTotalYen).toBe(500_000_000);
    });

    it('lists every cluster’s status for officers and their own for headquarters and evaluators', async () => {
      const { key } = await openRound();
      await submitted(key);
      const list = `/api/v1/rounds/${key}/self-evaluations`;
      const all = await officer.get(list);
      expect(all.status, JSON.stringify(all.body)).toBe(200);
      expect(all.body.items).toHaveLength(12);
      expect(
        all.body.items.find((i: { cluster: { key: string } }) => i.cluster.key === 'sapporo'),
      ).toMatchObject({
        status: 'submitted',
        itemCount: 8,
        writtenItemCount: 8,
      });
      expect(all.body.items.find((i: { cluster: { key: string } }) => i.cluster.key === 'kyoto').status).toBe(
        'not_started',
      );
      const own = await hq.get(list);
      expect(own.body.items.map((i: { cluster: { key: string } }) => i.cluster.key)).toEqual(['sapporo']);
      expect((await kyotoHq.get(list)).body.items.map((i: { status: string }) => i.status)).toEqual([
        'not_started',
      ]);
      const assigned = await evaluator.client.get(list);
      expect(assigned.body.items).toHaveLength(12);
      const clear = await conflicted.client.get(list);
      expect(clear.body.items).toHaveLength(11);
      expect(clear.body.items.map((i: { cluster: { key: string } }) => i.cluster.key)).not.toContain(
        'sapporo',
      );
      expect((await outsider.get(list)).body.items).toEqual([]);
      expectProblem(await weighting.get(list), 403, 'FORBIDDEN');
      expectProblem(await t.anonymous().get(list), 401, 'UNAUTHENTICATED');
    });
  });

  describe('attachments', () => {
    function filesOnDisk(): string[] {
      const dir = path.join(t.dataDir, 'attachments');
      return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => !f.startsWith('.')) : [];
    }

    it('attaches, lists, downloads and removes files while the report is a draft', async () => {
      const { key } = await openRound();
      const files = `${url(key)}/attachments`;
      const added = await upload(
        hq,
        files,
        { itemKey: 'progress.technical' },
        { name: '特許一覧.pdf', content: PDF },
      );
      expect(added.status, JSON.stringify(added.body)).toBe(201);
      expect(added.body).toMatchObject({ itemKey: 'progress.technical', mediaType: 'application/pdf' });
      expect(added.body.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect((await lastAuditEntry(t)).action).toBe('attachment.upload');
      const whole = await upload(hq, files, {}, { name: 'report.pdf', content: PDF });
      expect(whole.body.itemKey).toBeNull();

      expect((await hq.get(url(key))).body.attachments).toHaveLength(2);
      expect((await officer.get(files)).body.items).toHaveLength(2);
      const down = await officer.get(`${files}/${added.body.id}`);
      expect(down.status).toBe(200);
      expect(down.text.startsWith('%PDF-')).toBe(true);
      expect(String(down.headers['content-disposition'])).toContain(encodeURIComponent('特許一覧.pdf'));

      // A draft's files stay with headquarters and officers.
      expect((await evaluator.client.get(files)).body.items).toEqual([]);
      expectProblem(await evaluator.client.get(`${files}/${added.body.id}`), 404, 'NOT_FOUND');
      expectProblem(await conflicted.client.get(`${files}/${added.body.id}`), 403, 'FORBIDDEN');
      expectProblem(await upload(kyotoHq, files, {}, { name: 'x.pdf', content: PDF }), 403, 'FORBIDDEN');

      const removed = await hq.delete(`${files}/${whole.body.id}`);
      expect(removed.status).toBe(200);
      expect((await lastAuditEntry(t)).action).toBe('attachment.remove');
      expect((await hq.get(files)).body.items.map((a: { id: number }) => a.id)).toEqual([added.body.id]);
      expectProblem(await hq.delete(`${files}/${whole.body.id}`), 404, 'NOT_FOUND');

      const current = (await hq.get(url(key))).body;
      await save(key, ALL, current.version);
      await hq.post(`${url(key)}/submit`, { version: current.version + 1 });
      expect((await evaluator.client.get(`${files}/${added.body.id}`)).status).toBe(200);
      expectProblem(
        await upload(hq, files, {}, { name: 'late.pdf', content: PDF }),
        409,
        'SUBMISSION_LOCKED',
      );
      expectProblem(await hq.delete(`${files}/${added.body.id}`), 409, 'SUBMISSION_LOCKED');
    });

    it.each([
      [
        'an unknown criterion item',
        { itemKey: 'progress.magic' },
        { name: 'a.pdf', content: PDF },
        400,
        'itemKey',
      ],
      ['a file type not accepted', {}, { name: 'notes.txt', content: Buffer.from('hello') }, 415, 'file'],
      ['a PDF that is not one', {}, { name: 'fake.pdf', content: Buffer.from('<html></html>') }, 415, 'file'],
      [
        'a file over the limit',
        {},
        { name: 'big.pdf', content: Buffer.concat([PDF, Buffer.alloc(5000)]) },
        413,
        'file',
      ],
    ])('refuses %s naming the field and stores nothing', async (_name, fields, file, status, field) => {
      const { key } = await openRound();
      const before = [await countRows(t, 'attachments'), filesOnDisk().length];
      const res = await upload(hq, `${url(key)}/attachments`, fields, file);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expectProblem(res, status, res.body.code, field);
      expect([await countRows(t, 'attachments'), filesOnDisk().length]).toEqual(before);
    });

    it('refuses an upload that is not multipart', async () => {
      const { key } = await openRound();
      expectProblem(
        await hq.post(`${url(key)}/attachments`, { file: 'x' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'file',
      );
    });
  });
});
