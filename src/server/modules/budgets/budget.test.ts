import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import {
  countRows,
  createCluster,
  expectProblem,
  lastAuditEntry,
  unique,
} from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';
import { upsertBudgetLines } from './budget.repo';

describe.each(ENGINES)('the budget ledger on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = await t.signInAs('programme_officer');
  });
  afterAll(async () => t?.close());

  const line = (overrides: Record<string, unknown> = {}) => ({
    cluster: 'kyoto',
    fiscalYear: 2004,
    kind: 'mext_subsidy',
    amountYen: 500_000_000,
    source: `MEXT grant notice ${unique()}`,
    ...overrides,
  });

  describe('POST /api/v1/budgets', () => {
    it('records a cluster line and a programme line, audited', async () => {
      const res = await officer.post('/api/v1/budgets', line({ note: 'first year' }));

      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({
        cluster: { key: 'kyoto', name: { en: 'Kyoto' } },
        fiscalYear: 2004,
        kind: 'mext_subsidy',
        amountYen: 500_000_000,
        note: 'first year',
        version: 1,
      });
      expect(await lastAuditEntry(t)).toMatchObject({
        action: 'budget-line.create',
        entity_type: 'budget_line',
        entity_id: String(res.body.id),
      });

      const programme = await officer.post(
        '/api/v1/budgets',
        line({ cluster: null, amountYen: 9_000_000_000 }),
      );
      expect(programme.status).toBe(201);
      expect(programme.body.cluster).toBeNull();
    });

    it('answers 409 naming the existing line when the scope, year, kind and source are taken', async () => {
      const first = await officer.post(
        '/api/v1/budgets',
        line({ source: 'Kyoto Prefecture budget book 2004' }),
      );
      const before = await countRows(t, 'budget_lines');

      // The same source in another case and full-width spelling is the same source.
      const res = await officer.post(
        '/api/v1/budgets',
        line({ source: 'ＫＹＯＴＯ prefecture budget book 2004' }),
      );

      expectProblem(res, 409, 'DUPLICATE', 'body.source');
      expect(res.body.detail).toContain(`line ${first.body.id}`);
      expect(await countRows(t, 'budget_lines')).toBe(before);
    });

    it.each([
      [{ amountYen: -1 }, 'body.amountYen'],
      [{ amountYen: 1.5 }, 'body.amountYen'],
      [{ amountYen: '500,000,000' }, 'body.amountYen'],
      [{ source: '  ' }, 'body.source'],
      [{ source: undefined }, 'body.source'],
      [{ kind: 'lottery' }, 'body.kind'],
      [{ fiscalYear: 1800 }, 'body.fiscalYear'],
    ])('answers 400 to %j naming %s', async (overrides, field) => {
      expectProblem(await officer.post('/api/v1/budgets', line(overrides)), 400, 'VALIDATION_FAILED', field);
    });

    it('answers 422 naming body.cluster for a cluster that does not exist', async () => {
      const res = await officer.post('/api/v1/budgets', line({ cluster: 'atlantis' }));

      expectProblem(res, 422, 'UNKNOWN_REFERENCE', 'body.cluster');
    });

    it('is for officers only', async () => {
      const hq = await t.signInAs('cluster_headquarters', { clusterKey: 'kyoto' });

      expectProblem(await hq.post('/api/v1/budgets', line()), 403, 'FORBIDDEN');
      expectProblem(await t.anonymous().post('/api/v1/budgets', line()), 401, 'UNAUTHENTICATED');
    });
  });

  describe('PATCH and DELETE /api/v1/budgets/:id', () => {
    it('changes a line at the version read; 409 when stale', async () => {
      const created = (await officer.post('/api/v1/budgets', line())).body;

      const ok = await officer.patch(`/api/v1/budgets/${created.id}`, {
        version: created.version,
        amountYen: 480_000_000,
        note: 'revised',
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        amountYen: 480_000_000,
        note: 'revised',
        version: created.version + 1,
      });
      expect((await lastAuditEntry(t)).action).toBe('budget-line.update');

      const stale = await officer.patch(`/api/v1/budgets/${created.id}`, {
        version: created.version,
        amountYen: 1,
      });
      expectProblem(stale, 409, 'VERSION_CONFLICT', 'body.version');
    });

    it('answers 409 naming the other line when a change would make it a duplicate', async () => {
      const a = (await officer.post('/api/v1/budgets', line({ fiscalYear: 2005 }))).body;
      const b = (await officer.post('/api/v1/budgets', line({ fiscalYear: 2005 }))).body;

      const res = await officer.patch(`/api/v1/budgets/${b.id}`, { version: b.version, source: a.source });

      expectProblem(res, 409, 'DUPLICATE', 'body.source');
      expect(res.body.detail).toContain(`line ${a.id}`);
    });

    it('removes a line at the version read, keeping it in the audit log', async () => {
      const created = (await officer.post('/api/v1/budgets', line())).body;

      expectProblem(
        await officer.request('DELETE', `/api/v1/budgets/${created.id}?version=${created.version + 1}`),
        409,
        'VERSION_CONFLICT',
        'query.version',
      );
      const ok = await officer.request('DELETE', `/api/v1/budgets/${created.id}?version=${created.version}`);

      expect(ok.status).toBe(200);
      const entry = await lastAuditEntry(t);
      expect(entry.action).toBe('budget-line.delete');
      expect(JSON.parse(entry.before_json!)).toMatchObject({
        amountYen: 500_000_000,
        source: created.source,
      });
      expectProblem(
        await officer.request('DELETE', `/api/v1/budgets/${created.id}?version=${created.version}`),
        404,
        'NOT_FOUND',
      );
    });

    it('answers 400 naming query.version when it is missing', async () => {
      const created = (await officer.post('/api/v1/budgets', line())).body;

      expectProblem(
        await officer.request('DELETE', `/api/v1/budgets/${created.id}`),
        400,
        'VALIDATION_FAILED',
        'query.version',
      );
    });
  });

  describe('GET /api/v1/budgets', () => {
    it('shows the public programme lines and published clusters’ lines, officers everything, filtered', async () => {
      const shown = await createCluster(officer, { startFy: 2070, isPublished: true });
      const hidden = await createCluster(officer, { startFy: 2070, isPublished: false });
      await officer.post('/api/v1/budgets', line({ cluster: shown.key, fiscalYear: 2070, amountYen: 100 }));
      await officer.post(
        '/api/v1/budgets',
        line({ cluster: shown.key, fiscalYear: 2071, kind: 'meti', amountYen: 20 }),
      );
      await officer.post('/api/v1/budgets', line({ cluster: hidden.key, fiscalYear: 2070, amountYen: 7 }));
      await officer.post('/api/v1/budgets', line({ cluster: null, fiscalYear: 2070, amountYen: 1000 }));

      const publicView = await t.anonymous().get('/api/v1/budgets?from=2070&to=2071');
      expect(publicView.status).toBe(200);
      expect(publicView.body.items.map((i: { amountYen: number }) => i.amountYen)).toEqual([20, 1000, 100]);
      expect(publicView.body).toMatchObject({ total: 3, totalYen: 1120 });

      const officerView = await officer.get('/api/v1/budgets?fy=2070');
      expect(officerView.body.totalYen).toBe(1107);

      const byCluster = await t.anonymous().get(`/api/v1/budgets?cluster=${shown.key}&kind=meti`);
      expect(byCluster.body.items).toHaveLength(1);
      expect(byCluster.body.items[0]).toMatchObject({ fiscalYear: 2071, kind: 'meti' });
      const programmeOnly = await t.anonymous().get('/api/v1/budgets?fy=2070&level=programme');
      expect(programmeOnly.body.totalYen).toBe(1000);

      expectProblem(await t.anonymous().get(`/api/v1/budgets?cluster=${hidden.key}`), 404, 'NOT_FOUND');
    });

    it.each([
      ['?kind=lottery', 'query.kind'],
      ['?from=2005&to=2004', 'query.from'],
      ['?limit=0', 'query.limit'],
      ['?fy=FY', 'query.fy'],
    ])('answers 400 to %s naming %s', async (query, field) => {
      expectProblem(await t.anonymous().get(`/api/v1/budgets${query}`), 400, 'VALIDATION_FAILED', field);
    });
  });

  describe('GET /api/v1/budgets/summary', () => {
    it('totals each fiscal year by kind, keeps the programme budget apart, and sums each cluster', async () => {
      const a = await createCluster(officer, { startFy: 2090, isPublished: true });
      const b = await createCluster(officer, { startFy: 2090, isPublished: true });
      await officer.post('/api/v1/budgets', line({ cluster: a.key, fiscalYear: 2090, amountYen: 500 }));
      await officer.post(
        '/api/v1/budgets',
        line({ cluster: a.key, fiscalYear: 2090, kind: 'local_government', amountYen: 50 }),
      );
      await officer.post('/api/v1/budgets', line({ cluster: a.key, fiscalYear: 2091, amountYen: 400 }));
      await officer.post(
        '/api/v1/budgets',
        line({ cluster: b.key, fiscalYear: 2091, kind: 'follow_on', amountYen: 30 }),
      );
      await officer.post('/api/v1/budgets', line({ cluster: null, fiscalYear: 2091, amountYen: 10_000 }));

      const res = await t.anonymous().get('/api/v1/budgets/summary?from=2090&to=2091');

      expect(res.status).toBe(200);
      expect(res.body.period).toEqual({ from: 2090, to: 2091 });
      expect(res.body.fiscalYears).toEqual([
        {
          fiscalYear: 2090,
          byKind: { mext_subsidy: 500, local_government: 50, meti: 0, other: 0, follow_on: 0 },
          total: 550,
        },
        {
          fiscalYear: 2091,
          byKind: { mext_subsidy: 400, local_government: 0, meti: 0, other: 0, follow_on: 30 },
          total: 430,
        },
      ]);
      expect(res.body.programme).toEqual([
        {
          fiscalYear: 2091,
          byKind: { mext_subsidy: 10_000, local_government: 0, meti: 0, other: 0, follow_on: 0 },
          total: 10_000,
        },
      ]);
      expect(res.body.clusters).toEqual([
        expect.objectContaining({
          cluster: expect.objectContaining({ key: a.key }),
          fiscalYears: [
            { fiscalYear: 2090, total: 550 },
            { fiscalYear: 2091, total: 400 },
          ],
          total: 950,
        }),
        expect.objectContaining({ cluster: expect.objectContaining({ key: b.key }), total: 30 }),
      ]);
      expect(res.body.reference).toMatchObject({
        annualBudgetPerClusterYen: 500_000_000,
        durationYears: 5,
        yenPerUsd: 110,
      });
    });

    it('answers 400 naming query.from when the range is reversed', async () => {
      expectProblem(
        await t.anonymous().get('/api/v1/budgets/summary?from=2006&to=2002'),
        400,
        'VALIDATION_FAILED',
        'query.from',
      );
    });
  });

  describe('upsertBudgetLines (the importer’s bulk path)', () => {
    it('inserts, updates and leaves alone by line key, in chunks; importing twice changes nothing', async () => {
      const c = await createCluster(officer, { startFy: 2003, isPublished: true });
      const programmeId = (
        await t.database.db.selectFrom('programmes').select('id').executeTakeFirstOrThrow()
      ).id;
      const rows = Array.from({ length: 1100 }, (_, i) => ({
        programmeId,
        clusterId: i % 2 === 0 ? c.id : null,
        fiscalYear: 2003,
        kind: 'other' as const,
        amountYen: i * 1000,
        source: `bulk ${c.key} ${i}`,
        note: null,
      }));

      const first = await t.database.db.transaction().execute((trx) => upsertBudgetLines(trx, rows));
      const again = await t.database.db.transaction().execute((trx) => upsertBudgetLines(trx, rows));
      const changed = rows.map((r, i) => (i >= 1095 ? { ...r, amountYen: r.amountYen + 1 } : r));
      const third = await t.database.db.transaction().execute((trx) => upsertBudgetLines(trx, changed));

      expect(first).toEqual({ inserted: 1100, updated: 0, unchanged: 0 });
      expect(again).toEqual({ inserted: 0, updated: 0, unchanged: 1100 });
      expect(third).toEqual({ inserted: 0, updated: 5, unchanged: 1095 });
      const last = await t.database.db
        .selectFrom('budget_lines')
        .select(['amount_yen', 'version'])
        .where('source', '=', `bulk ${c.key} 1099`)
        .executeTakeFirstOrThrow();
      expect({ amount: Number(last.amount_yen), version: last.version }).toEqual({
        amount: 1_099_001,
        version: 2,
      });
    });
  });
});
