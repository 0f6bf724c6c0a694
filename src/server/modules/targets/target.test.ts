import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import { countRows, createCluster, expectProblem, lastAuditEntry } from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';
import { fiscalYearOf } from '../../../domain/fiscal-year';
import { upsertTargets } from './target.repo';

const NOW_FY = fiscalYearOf(new Date());

/** An accepted report written straight to the database, as the reporting workflow would leave it. */
async function acceptedReport(
  t: TestApp,
  clusterId: number,
  fy: { from: number; to: number },
  values: Record<string, number>,
  options: { version?: number; supersedes?: number; status?: string } = {},
): Promise<number> {
  const at = new Date().toISOString();
  const inserted = await t.database.db
    .insertInto('outcome_reports')
    .values({
      cluster_id: clusterId,
      fy_from: fy.from,
      fy_to: fy.to,
      status: options.status ?? 'accepted',
      report_version: options.version ?? 1,
      supersedes_id: options.supersedes ?? null,
      reason: options.supersedes ? 'correction' : null,
      source: 'test report',
      submitted_at: at,
      accepted_at: options.status && options.status !== 'accepted' ? null : at,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.database.db
    .insertInto('outcome_values')
    .values(
      Object.entries(values).map(([indicator_key, value]) => ({
        report_id: inserted.id,
        indicator_key,
        value,
        note: null,
      })),
    )
    .execute();
  return inserted.id;
}

describe.each(ENGINES)('targets on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  /** A published cluster in its second year, so this year and three more remain. */
  let cluster: { id: number; key: string; startFy: number; endFy: number };
  let hq: HttpClient;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = await t.signInAs('programme_officer');
    cluster = await createCluster(officer, { startFy: NOW_FY - 1, isPublished: true });
    hq = await t.signInAs('cluster_headquarters', { clusterKey: cluster.key });
  });
  afterAll(async () => t?.close());

  const put = (client: HttpClient, key: string, targets: unknown[]) =>
    client.request('PUT', `/api/v1/clusters/${key}/targets`, { targets });

  describe('PUT /api/v1/clusters/:key/targets', () => {
    it('lets headquarters set targets for the remaining fiscal years, audited', async () => {
      const res = await put(hq, cluster.key, [
        { indicator: 'awards', fiscalYear: NOW_FY, baseline: 2, target: 6, note: 'two more a year' },
        { indicator: 'awards', fiscalYear: NOW_FY + 1, baseline: 2, target: 8 },
      ]);

      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const awards = res.body.targets.filter((x: { indicator: string }) => x.indicator === 'awards');
      expect(awards).toMatchObject([
        {
          fiscalYear: NOW_FY,
          baseline: 2,
          target: 6,
          note: 'two more a year',
          actual: null,
          progress: null,
          version: 1,
        },
        { fiscalYear: NOW_FY + 1, baseline: 2, target: 8, note: null, version: 1 },
      ]);
      expect(res.body.canEdit).toBe(true);
      expect(res.body.editableFromFy).toBe(NOW_FY);
      const entry = await lastAuditEntry(t);
      expect(entry.action).toBe('target.create');
      expect(JSON.parse(entry.after_json!)).toMatchObject({ indicator: 'awards', target: 8 });
    });

    it('refuses headquarters a fiscal year already begun before this one, naming the row, and writes nothing', async () => {
      const before = await countRows(t, 'targets');

      const res = await put(hq, cluster.key, [
        { indicator: 'products', fiscalYear: NOW_FY + 2, target: 3 },
        { indicator: 'products', fiscalYear: NOW_FY - 1, target: 3 },
      ]);

      expectProblem(res, 400, 'VALIDATION_FAILED', 'body.targets.1.fiscalYear');
      expect(res.body.errors[0].message).toMatch(/remaining fiscal years/);
      expect(await countRows(t, 'targets')).toBe(before);
    });

    it('refuses a fiscal year outside the funded period, even to officers', async () => {
      const res = await put(officer, cluster.key, [
        { indicator: 'products', fiscalYear: cluster.endFy + 1, target: 3 },
      ]);

      expectProblem(res, 400, 'VALIDATION_FAILED', 'body.targets.0.fiscalYear');
    });

    it('lets officers set a target for a year already under way', async () => {
      const res = await put(officer, cluster.key, [
        { indicator: 'products', fiscalYear: cluster.startFy, baseline: null, target: 1 },
      ]);

      expect(res.status, JSON.stringify(res.body)).toBe(200);
    });

    it.each([
      [{ indicator: 'awards', fiscalYear: NOW_FY, target: -1 }, 'body.targets.0.target'],
      [{ indicator: 'awards', fiscalYear: NOW_FY, target: 1.5 }, 'body.targets.0.target'],
      [{ indicator: 'unicorns', fiscalYear: NOW_FY, target: 1 }, 'body.targets.0.indicator'],
      [{ indicator: 'awards', fiscalYear: NOW_FY, baseline: -3, target: 1 }, 'body.targets.0.baseline'],
      [{ indicator: 'awards', fiscalYear: 'next year', target: 1 }, 'body.targets.0.fiscalYear'],
    ])('answers 400 to %j naming %s', async (row, field) => {
      expectProblem(await put(hq, cluster.key, [row]), 400, 'VALIDATION_FAILED', field);
    });

    it('answers 400 when one indicator and year is listed twice', async () => {
      const res = await put(hq, cluster.key, [
        { indicator: 'news_tv', fiscalYear: NOW_FY, target: 1 },
        { indicator: 'news_tv', fiscalYear: NOW_FY, target: 2 },
      ]);

      expectProblem(res, 400, 'VALIDATION_FAILED', 'body.targets.1');
    });

    it('needs the version read to change an existing target: 409 when missing or stale, nothing written', async () => {
      const first = await put(hq, cluster.key, [{ indicator: 'news_tv', fiscalYear: NOW_FY + 1, target: 4 }]);
      const created = first.body.targets.find(
        (x: { indicator: string; fiscalYear: number }) =>
          x.indicator === 'news_tv' && x.fiscalYear === NOW_FY + 1,
      );

      const missing = await put(hq, cluster.key, [
        { indicator: 'news_journal', fiscalYear: NOW_FY + 1, target: 9 },
        { indicator: 'news_tv', fiscalYear: NOW_FY + 1, target: 5 },
      ]);
      expectProblem(missing, 409, 'VERSION_CONFLICT', 'body.targets.1.version');
      const stale = await put(hq, cluster.key, [
        { indicator: 'news_tv', fiscalYear: NOW_FY + 1, target: 5, version: created.version + 1 },
      ]);
      expectProblem(stale, 409, 'VERSION_CONFLICT', 'body.targets.0.version');
      const journal = await t.database.db
        .selectFrom('targets')
        .select('id')
        .where('cluster_id', '=', cluster.id)
        .where('indicator_key', '=', 'news_journal')
        .execute();
      expect(journal).toHaveLength(0);

      const ok = await put(hq, cluster.key, [
        { indicator: 'news_tv', fiscalYear: NOW_FY + 1, target: 5, version: created.version },
      ]);
      expect(ok.status).toBe(200);
      const updated = ok.body.targets.find((x: { id: number }) => x.id === created.id);
      expect(updated).toMatchObject({ target: 5, version: created.version + 1 });
      expect((await lastAuditEntry(t)).action).toBe('target.update');
    });

    it('refuses headquarters of another cluster (403) and the public (401)', async () => {
      const otherHq = await t.signInAs('cluster_headquarters', { clusterKey: 'kyoto' });
      const evaluator = await t.signInAs('evaluator');
      const row = [{ indicator: 'awards', fiscalYear: NOW_FY + 3, target: 1 }];

      expectProblem(await put(otherHq, cluster.key, row), 403, 'FORBIDDEN');
      expectProblem(await put(evaluator, cluster.key, row), 403, 'FORBIDDEN');
      expectProblem(await put(t.anonymous(), cluster.key, row), 401, 'UNAUTHENTICATED');
    });
  });

  describe('GET /api/v1/clusters/:key/targets', () => {
    it('gives the actual of the current accepted single-year report and the progress toward the target', async () => {
      const c = await createCluster(officer, { startFy: 2004, isPublished: true });
      await put(officer, c.key, [
        { indicator: 'papers_domestic', fiscalYear: 2005, baseline: 5, target: 25 },
        { indicator: 'papers_domestic', fiscalYear: 2006, baseline: 5, target: 25 },
        { indicator: 'papers_domestic', fiscalYear: 2007, baseline: null, target: 10 },
      ]);
      const v1 = await acceptedReport(t, c.id, { from: 2005, to: 2005 }, { papers_domestic: 15 });
      // A multi-year report cannot be split by year; a draft is not an outcome yet.
      await acceptedReport(t, c.id, { from: 2004, to: 2006 }, { papers_domestic: 900 });
      await acceptedReport(t, c.id, { from: 2006, to: 2006 }, { papers_domestic: 900 }, { status: 'draft' });

      const before = await t.anonymous().get(`/api/v1/clusters/${c.key}/targets`);
      expect(before.status).toBe(200);
      expect(before.body.canEdit).toBe(false);
      expect(before.body.targets).toMatchObject([
        { fiscalYear: 2005, actual: 15, actualReportId: v1, progress: 0.5 },
        { fiscalYear: 2006, actual: null, progress: null },
        { fiscalYear: 2007, actual: null, progress: null },
      ]);
      expect(before.body.actuals).toEqual([
        { fiscalYear: 2005, reportId: v1, values: { papers_domestic: 15 } },
      ]);

      const v2 = await acceptedReport(
        t,
        c.id,
        { from: 2005, to: 2005 },
        { papers_domestic: 30 },
        { version: 2, supersedes: v1 },
      );
      const after = await t.anonymous().get(`/api/v1/clusters/${c.key}/targets`);
      expect(after.body.targets[0]).toMatchObject({ actual: 30, actualReportId: v2, progress: 1.25 });
    });

    it('hides the targets of an unpublished cluster from the public', async () => {
      const hidden = await createCluster(officer, { startFy: 2004, isPublished: false });

      expectProblem(await t.anonymous().get(`/api/v1/clusters/${hidden.key}/targets`), 404, 'NOT_FOUND');
      expect((await officer.get(`/api/v1/clusters/${hidden.key}/targets`)).status).toBe(200);
    });
  });

  describe('DELETE /api/v1/clusters/:key/targets/:id', () => {
    it('removes a target at the version read, 409 when stale, audited', async () => {
      const res = await put(hq, cluster.key, [
        { indicator: 'sales', fiscalYear: NOW_FY + 2, target: 1_000_000 },
      ]);
      const target = res.body.targets.find((x: { indicator: string }) => x.indicator === 'sales');

      const stale = await hq.request(
        'DELETE',
        `/api/v1/clusters/${cluster.key}/targets/${target.id}?version=${target.version + 1}`,
      );
      expectProblem(stale, 409, 'VERSION_CONFLICT', 'query.version');
      const ok = await hq.request(
        'DELETE',
        `/api/v1/clusters/${cluster.key}/targets/${target.id}?version=${target.version}`,
      );

      expect(ok.status).toBe(200);
      expect(
        await t.database.db.selectFrom('targets').select('id').where('id', '=', target.id).execute(),
      ).toEqual([]);
      const entry = await lastAuditEntry(t);
      expect(entry).toMatchObject({ action: 'target.delete', entity_id: String(target.id) });
      expect(JSON.parse(entry.before_json!)).toMatchObject({ indicator: 'sales', target: 1_000_000 });
    });

    it('keeps headquarters from removing a target of a past fiscal year (422); officers may', async () => {
      const res = await put(officer, cluster.key, [
        { indicator: 'sales', fiscalYear: cluster.startFy, target: 7 },
      ]);
      const target = res.body.targets.find(
        (x: { indicator: string; fiscalYear: number }) =>
          x.indicator === 'sales' && x.fiscalYear === cluster.startFy,
      );
      const url = `/api/v1/clusters/${cluster.key}/targets/${target.id}?version=${target.version}`;

      expectProblem(await hq.request('DELETE', url), 422, 'RULE_VIOLATION');
      expect((await officer.request('DELETE', url)).status).toBe(200);
    });

    it('answers 404 for a target of another cluster', async () => {
      const res = await put(officer, 'kyoto', [{ indicator: 'awards', fiscalYear: 2002, target: 1 }]);
      const target = res.body.targets.find((x: { fiscalYear: number }) => x.fiscalYear === 2002);

      const wrong = await officer.request(
        'DELETE',
        `/api/v1/clusters/${cluster.key}/targets/${target.id}?version=${target.version}`,
      );

      expectProblem(wrong, 404, 'NOT_FOUND');
    });
  });

  describe('GET /api/v1/targets/summary', () => {
    it('adds up targets against actuals per indicator and counts targets met per cluster', async () => {
      const fy = 2080;
      const a = await createCluster(officer, { startFy: fy, isPublished: true });
      const b = await createCluster(officer, { startFy: fy, isPublished: true });
      const hidden = await createCluster(officer, { startFy: fy, isPublished: false });
      await put(officer, a.key, [
        { indicator: 'patents_domestic_applied', fiscalYear: fy, baseline: 0, target: 10 },
        { indicator: 'products', fiscalYear: fy, baseline: 0, target: 4 },
      ]);
      await put(officer, b.key, [
        { indicator: 'patents_domestic_applied', fiscalYear: fy, baseline: 0, target: 20 },
      ]);
      await put(officer, hidden.key, [
        { indicator: 'patents_domestic_applied', fiscalYear: fy, baseline: 0, target: 1000 },
      ]);
      // a meets its patent target, not its products target; b has not reported.
      await acceptedReport(
        t,
        a.id,
        { from: fy, to: fy },
        { patents_domestic_applied: 12, products: 1, awards: 3 },
      );

      const res = await t.anonymous().get(`/api/v1/targets/summary?fy=${fy}`);

      expect(res.status).toBe(200);
      expect(res.body.fiscalYear).toBe(fy);
      expect(res.body.fiscalYears).toContain(fy);
      expect(res.body.indicators).toEqual([
        expect.objectContaining({
          indicator: 'patents_domestic_applied',
          clusters: 2,
          reported: 1,
          targetTotal: 30,
          actualTotal: 12,
        }),
        expect.objectContaining({
          indicator: 'products',
          clusters: 1,
          reported: 1,
          targetTotal: 4,
          actualTotal: 1,
        }),
      ]);
      expect(res.body.clusters).toEqual([
        { cluster: { key: a.key, name: expect.any(Object) }, targets: 2, withActual: 2, onTrack: 1 },
        { cluster: { key: b.key, name: expect.any(Object) }, targets: 1, withActual: 0, onTrack: 0 },
      ]);

      const asOfficer = await officer.get(`/api/v1/targets/summary?fy=${fy}`);
      expect(asOfficer.body.indicators[0].targetTotal).toBe(1030);
    });

    it('shows by default the latest year begun whose targets have an actual', async () => {
      const c = await createCluster(officer, { startFy: 2015, isPublished: true });
      await put(officer, c.key, [
        { indicator: 'awards', fiscalYear: 2015, target: 2 },
        { indicator: 'awards', fiscalYear: 2016, target: 3 },
      ]);
      await acceptedReport(t, c.id, { from: 2015, to: 2015 }, { awards: 2 });

      const res = await t.anonymous().get('/api/v1/targets/summary');

      expect(res.body.fiscalYear).toBe(2015);
      expect(res.body.fiscalYears).toEqual(expect.arrayContaining([2015, 2016, NOW_FY]));
    });

    it('answers 400 naming query.fy for a year that is not one', async () => {
      expectProblem(
        await t.anonymous().get('/api/v1/targets/summary?fy=20x4'),
        400,
        'VALIDATION_FAILED',
        'query.fy',
      );
    });
  });

  describe('upsertTargets (the importer’s bulk path)', () => {
    it('inserts, updates and leaves alone by cluster, indicator and year, in chunks; twice changes nothing', async () => {
      const c = await createCluster(officer, { startFy: 2003, isPublished: true });
      const rows = Array.from({ length: 1300 }, (_, i) => ({
        clusterId: c.id,
        indicator: ['awards', 'products', 'news_tv', 'news_journal'][i % 4]!,
        fiscalYear: 1950 + Math.floor(i / 4),
        baseline: i % 3 === 0 ? null : 1,
        target: i,
        note: null,
      }));

      const first = await t.database.db.transaction().execute((trx) => upsertTargets(trx, rows));
      const again = await t.database.db.transaction().execute((trx) => upsertTargets(trx, rows));
      const changed = rows.map((r, i) => (i < 10 ? { ...r, target: r.target + 1 } : r));
      const third = await t.database.db.transaction().execute((trx) => upsertTargets(trx, changed));

      expect(first).toEqual({ inserted: 1300, updated: 0, unchanged: 0 });
      expect(again).toEqual({ inserted: 0, updated: 0, unchanged: 1300 });
      expect(third).toEqual({ inserted: 0, updated: 10, unchanged: 1290 });
      const result = await sql<{ n: number; v: number }>`select count(*) as n, max(version) as v
        from targets where cluster_id = ${c.id}`.execute(t.database.db);
      expect(Number(result.rows[0]!.n)).toBe(1300);
      expect(Number(result.rows[0]!.v)).toBe(2);
    });
  });
});
