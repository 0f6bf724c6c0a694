import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import { createCluster, expectProblem } from '../../../../test/support/factories';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

const SEED_TOTAL = {
  papers_domestic: 728,
  papers_abroad: 1708,
  awards: 143,
  patents_domestic_applied: 944,
  patents_domestic_acquired: 1,
  patents_abroad_applied: 116,
  patents_abroad_acquired: 0,
  transfers_to_other_funds: 86,
  products: 219,
  sales: 544_305_000,
  news_newspaper: 1564,
  news_tv: 197,
  news_journal: 474,
};

describe.each(ENGINES)('outcomes on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(engine);
  });
  afterAll(async () => t?.close());

  describe('GET /api/v1/outcome-table', () => {
    it('gives the seed deck’s Total row exactly for FY2002–FY2004', async () => {
      const res = await t.anonymous().get('/api/v1/outcome-table?from=2002&to=2004');
      expect(res.status).toBe(200);
      expect(res.body.total.values).toEqual(SEED_TOTAL);
      expect(res.body.rows).toHaveLength(18);
      expect(res.body.indicators.map((i: { key: string }) => i.key)).toEqual(Object.keys(SEED_TOTAL));
    });

    it('keeps a cluster name that looks like a formula as text in the CSV', async () => {
      const officer = await t.signInAs('programme_officer');
      const current = (await officer.get('/api/v1/clusters/ube')).body;
      await officer.patch('/api/v1/clusters/ube', {
        version: current.version,
        name: { ja: current.name.ja, en: '=HYPERLINK("http://evil.example/")' },
      });

      const res = await t.anonymous().get('/api/v1/outcome-table?format=csv');

      const ube = res.text.split('\r\n').find((line: string) => line.startsWith('ube,'));
      expect(ube).toContain(`"'=HYPERLINK(""http://evil.example/"")"`);
      await officer.patch('/api/v1/clusters/ube', { version: current.version + 1, name: current.name });
    });

    it('downloads the table as CSV with a BOM for Excel, one row per cluster and the Total row', async () => {
      const res = await t.anonymous().get('/api/v1/outcome-table?format=csv');

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toBe('attachment; filename="outcomes-fy2002-fy2004.csv"');
      expect(res.text.startsWith('\uFEFFcluster_key,')).toBe(true);
      const lines = res.text.trim().split('\r\n');
      expect(lines).toHaveLength(1 + 18 + 1);
      expect(lines.some((line) => line.startsWith('kyoto,'))).toBe(true);
      expect(lines.at(-1)).toMatch(/^total,/);
    });

    it('answers 400 naming query.from when the range is reversed', async () => {
      const res = await t.anonymous().get('/api/v1/outcome-table?from=2004&to=2002');

      expectProblem(res, 400, 'VALIDATION_FAILED', 'query.from');
    });

    it('answers 400 to an unknown format', async () => {
      const res = await t.anonymous().get('/api/v1/outcome-table?format=pdf');

      expectProblem(res, 400, 'VALIDATION_FAILED', 'query.format');
    });

    it('leaves out clusters that are not published', async () => {
      const officer = await t.signInAs('programme_officer');
      const hidden = await createCluster(officer, { startFy: 2003, isPublished: false });

      const res = await t.anonymous().get('/api/v1/outcome-table?from=2002&to=2004');

      expect(res.body.rows.map((r: { cluster: { key: string } }) => r.cluster.key)).not.toContain(hidden.key);
      expect(res.body.rows).toHaveLength(18);
    });
  });

  describe('GET /api/v1/clusters/:key/outcomes', () => {
    it('gives Kyoto’s accepted FY2002–FY2004 report with its source', async () => {
      const res = await t.anonymous().get('/api/v1/clusters/kyoto/outcomes');

      expect(res.status).toBe(200);
      expect(res.body.cluster).toEqual({ key: 'kyoto', name: { ja: '京都', en: 'Kyoto' } });
      expect(res.body.reports).toEqual([
        expect.objectContaining({
          fyFrom: 2002,
          fyTo: 2004,
          status: 'accepted',
          reportVersion: 1,
          source: expect.stringContaining('seed deck'),
        }),
      ]);
      expect(Object.keys(res.body.reports[0].values)).toHaveLength(13);
    });

    it('answers 404 to the public for an unpublished cluster, which officers can read', async () => {
      const officer = await t.signInAs('programme_officer');
      const hidden = await createCluster(officer, { isPublished: false });

      const asPublic = await t.anonymous().get(`/api/v1/clusters/${hidden.key}/outcomes`);
      const asOfficer = await officer.get(`/api/v1/clusters/${hidden.key}/outcomes`);

      expectProblem(asPublic, 404, 'NOT_FOUND');
      expect(asOfficer.status).toBe(200);
      expect(asOfficer.body.reports).toEqual([]);
    });

    it('answers 404 for an unknown cluster', async () => {
      expectProblem(await t.anonymous().get('/api/v1/clusters/atlantis/outcomes'), 404, 'NOT_FOUND');
    });
  });
  describe('GET /api/v1/outcome-table with a corrected report', () => {
    // Runs last in its app: it adds report versions that later tests of this suite would see.
    it('counts the newest accepted version of a report, not the one it supersedes, nor drafts', async () => {
      const db = t.database.db;
      const kyoto = await db
        .selectFrom('clusters')
        .select('id')
        .where('key', '=', 'kyoto')
        .executeTakeFirstOrThrow();
      const original = await db
        .selectFrom('outcome_reports')
        .selectAll()
        .where('cluster_id', '=', kyoto.id)
        .executeTakeFirstOrThrow();
      const at = new Date().toISOString();
      const insertVersion = async (
        status: string,
        papers: number,
        supersedes: number,
        reportVersion: number,
      ) => {
        const { id } = await db
          .insertInto('outcome_reports')
          .values({
            cluster_id: kyoto.id,
            fy_from: original.fy_from,
            fy_to: original.fy_to,
            status,
            report_version: reportVersion,
            supersedes_id: supersedes,
            reason: 'corrected paper count',
            source: 'test correction',
            submitted_at: at,
            accepted_at: status === 'accepted' ? at : null,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await db
          .insertInto('outcome_values')
          .values({ report_id: id, indicator_key: 'papers_domestic', value: papers, note: null })
          .execute();
        return id;
      };
      // Each version has its own number (a unique index holds them apart): the accepted correction
      // is version 2, and a later open correction of it, still a draft, is version 3.
      const accepted = await insertVersion('accepted', 100, original.id, original.report_version + 1);
      await insertVersion('draft', 5000, accepted, original.report_version + 2);

      const res = await t.anonymous().get('/api/v1/outcome-table?from=2002&to=2004');

      const row = res.body.rows.find((r: { cluster: { key: string } }) => r.cluster.key === 'kyoto');
      expect(row.values.papers_domestic).toBe(100);
      expect(row.values.papers_abroad).toBe(0);
      expect(row.reports).toEqual([{ fyFrom: 2002, fyTo: 2004, sourceIndex: expect.any(Number) }]);
      expect(res.body.sources[row.reports[0].sourceIndex]).toBe('test correction');
      expect(res.body.total.values.papers_domestic).toBe(728 - 71 + 100);
    });
  });
});
