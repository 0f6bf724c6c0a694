import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import { createCluster, expectProblem } from '../../../../test/support/factories';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';
import { addBudgetLine, addItem, addReport, clusterId } from '../../../../test/support/analytics-fixtures';

describe.each(ENGINES)('open data on %s', (engine) => {
  let t: TestApp;
  let hiddenKey: string;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    const db = t.database.db;
    const kyoto = await clusterId(t, 'kyoto');
    // Kyoto's FY2005: an accepted report with a paper, and a draft that must never show.
    const accepted = await addReport(db, kyoto, {
      fy: 2005,
      status: 'accepted',
      values: { papers_domestic: 3 },
    });
    await addItem(db, accepted, kyoto, 2005, { title: 'Accepted nanotech paper', doi: '10.1000/accepted' });
    const draft = await addReport(db, kyoto, { fy: 2006, status: 'draft', values: { papers_domestic: 999 } });
    await addItem(db, draft, kyoto, 2006, { title: 'Draft paper', doi: '10.1000/draft' });
    // A superseded accepted version: only its correction is current.
    const old = await addReport(db, kyoto, { fy: 2007, status: 'accepted', values: { awards: 1 } });
    await addItem(db, old, kyoto, 2007, { title: 'Superseded paper', doi: '10.1000/old' });
    await addReport(db, kyoto, {
      fy: 2007,
      status: 'accepted',
      version: 2,
      supersedes: old,
      values: { awards: 2 },
    });
    await addBudgetLine(db, kyoto, 2004, 'mext_subsidy', 500_000_000);
    await addBudgetLine(db, null, 2004, 'mext_subsidy', 9_000_000_000);
    // An unpublished cluster with an accepted report, an item and a budget line: none of it is public.
    const officer = await t.signInAs('programme_officer');
    const hidden = await createCluster(officer, { startFy: 2004, isPublished: false });
    hiddenKey = hidden.key;
    const hiddenId = await clusterId(t, hidden.key);
    const hiddenReport = await addReport(db, hiddenId, {
      fy: 2005,
      status: 'accepted',
      values: { papers_domestic: 7 },
    });
    await addItem(db, hiddenReport, hiddenId, 2005, { title: 'Hidden paper', doi: '10.1000/hidden' });
    await addBudgetLine(db, hiddenId, 2005, 'mext_subsidy', 400_000_000);
  });
  afterAll(async () => t?.close());

  describe('GET /api/v1/open/clusters', () => {
    it('pages the 18 published clusters with Link headers and never the unpublished one', async () => {
      const first = await t.anonymous().get('/api/v1/open/clusters?pageSize=5');
      const last = await t.anonymous().get('/api/v1/open/clusters?pageSize=5&page=4');

      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ page: 1, pageSize: 5, total: 18, totalPages: 4 });
      expect(first.body.items).toHaveLength(5);
      expect(first.body.items[0]).toMatchObject({ key: 'sapporo', prefectureCodes: ['01'], keyField: 'it' });
      expect(first.body.links.next).toBe('/api/v1/open/clusters?pageSize=5&page=2');
      expect(first.body.links.prev).toBeNull();
      expect(first.headers.link).toBe(
        '</api/v1/open/clusters?pageSize=5&page=1>; rel="first", </api/v1/open/clusters?pageSize=5&page=2>; rel="next", </api/v1/open/clusters?pageSize=5&page=4>; rel="last"',
      );
      expect(first.headers['x-total-count']).toBe('18');
      expect(last.body.items).toHaveLength(3);
      expect(last.body.links).toMatchObject({ next: null, prev: '/api/v1/open/clusters?pageSize=5&page=3' });
      const all = await t.anonymous().get('/api/v1/open/clusters?pageSize=500');
      expect(all.body.items.map((c: { key: string }) => c.key)).not.toContain(hiddenKey);
      expect(Object.keys(all.body.items[0])).not.toContain('isPublished');
    });

    it('filters by cluster and by the fiscal year a cluster was active', async () => {
      const keihanna = await t.anonymous().get('/api/v1/open/clusters?cluster=keihanna');
      const fy2002 = await t.anonymous().get('/api/v1/open/clusters?fy=2002');
      const hidden = await t.anonymous().get(`/api/v1/open/clusters?cluster=${hiddenKey}`);

      expect(keihanna.body.items).toEqual([expect.objectContaining({ prefectureCodes: ['26', '27', '29'] })]);
      expect(fy2002.body.total).toBe(12);
      expect(hidden.body).toMatchObject({ total: 0, items: [] });
    });

    it('answers 400 naming query.pageSize for 501 records a page, and query.page for page 0', async () => {
      expectProblem(
        await t.anonymous().get('/api/v1/open/clusters?pageSize=501'),
        400,
        'VALIDATION_FAILED',
        'query.pageSize',
      );
      expectProblem(
        await t.anonymous().get('/api/v1/open/clusters?page=0'),
        400,
        'VALIDATION_FAILED',
        'query.page',
      );
      expectProblem(
        await t.anonymous().get('/api/v1/open/clusters?cluster=Kyoto!'),
        400,
        'VALIDATION_FAILED',
        'query.cluster',
      );
    });

    it('sends a strong ETag, answers 304 to If-None-Match, and changes the ETag when the data changes', async () => {
      const first = await t.anonymous().get('/api/v1/open/clusters?cluster=ube');
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
      expect(first.headers['cache-control']).toBe('public, max-age=60');

      const again = await t.anonymous().request('GET', '/api/v1/open/clusters?cluster=ube', undefined, {
        headers: { 'if-none-match': `"other", ${etag}` },
      });
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
      expect(again.headers.etag).toBe(etag);

      const officer = await t.signInAs('programme_officer');
      const current = (await officer.get('/api/v1/clusters/ube')).body;
      await officer.patch('/api/v1/clusters/ube', {
        version: current.version,
        theme: { ja: '', en: 'New theme' },
      });
      const changed = await t.anonymous().request('GET', '/api/v1/open/clusters?cluster=ube', undefined, {
        headers: { 'if-none-match': etag },
      });
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
      expect(changed.body.items[0].theme.en).toBe('New theme');
    });

    it('answers CSV with a BOM and field names, one record per line', async () => {
      const res = await t.anonymous().get('/api/v1/open/clusters?format=csv&pageSize=500');

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers.etag).toMatch(/^"/);
      expect(res.text.startsWith('\uFEFFkey,name_ja,name_en,')).toBe(true);
      const lines = res.text.trim().split('\r\n');
      expect(lines).toHaveLength(1 + 18);
      expect(lines.find((l) => l.startsWith('keihanna,'))).toContain(',26;27;29,');
    });
  });

  describe('GET /api/v1/open/outcomes', () => {
    it('gives the seed report as one FY2002–FY2004 period for any of its years, 13 indicators', async () => {
      const res = await t.anonymous().get('/api/v1/open/outcomes?cluster=kyoto&fy=2003');

      expect(res.body.total).toBe(13);
      expect(res.body.items[0]).toMatchObject({
        cluster: 'kyoto',
        fyFrom: 2002,
        fyTo: 2004,
        indicator: 'papers_domestic',
        value: 71,
        unit: 'count',
        reportVersion: 1,
      });
      const sales = await t.anonymous().get('/api/v1/open/outcomes?cluster=osaka-saito&indicator=sales');
      expect(sales.body.items).toEqual([expect.objectContaining({ value: 273_930_000, unit: 'yen' })]);
    });

    it('never shows drafts, superseded versions or unpublished clusters', async () => {
      const kyoto = await t.anonymous().get('/api/v1/open/outcomes?cluster=kyoto&pageSize=500');
      const everything = await t.anonymous().get('/api/v1/open/outcomes?pageSize=500');

      const values = kyoto.body.items.map((o: { fyFrom: number; indicator: string; value: number }) => [
        o.fyFrom,
        o.indicator,
        o.value,
      ]);
      expect(values).toContainEqual([2005, 'papers_domestic', 3]);
      expect(values).toContainEqual([2007, 'awards', 2]);
      expect(values).not.toContainEqual([2007, 'awards', 1]);
      expect(values.filter((v: unknown[]) => v[0] === 2006)).toEqual([]);
      expect(everything.body.total).toBe(18 * 13 + 2);
      expect(everything.body.items.map((o: { cluster: string }) => o.cluster)).not.toContain(hiddenKey);
    });
  });

  describe('GET /api/v1/open/outcome-items', () => {
    it('lists the items of accepted current reports only', async () => {
      const res = await t.anonymous().get('/api/v1/open/outcome-items');

      expect(res.status).toBe(200);
      expect(res.body.items.map((i: { title: string }) => i.title)).toEqual(['Accepted nanotech paper']);
      expect(res.body.items[0]).toMatchObject({
        cluster: 'kyoto',
        fiscalYear: 2005,
        kind: 'paper',
        doi: '10.1000/accepted',
      });
      expect(Object.keys(res.body.items[0])).not.toContain('note');
      const csv = await t.anonymous().get('/api/v1/open/outcome-items?format=csv&kind=paper&fy=2005');
      expect(csv.text.split('\r\n')[0]).toMatch(/^\uFEFFid,cluster,fiscal_year,kind,title,authors,/);
      expect(csv.text).toContain('Accepted nanotech paper');
      expect((await t.anonymous().get('/api/v1/open/outcome-items?kind=patent')).body.total).toBe(0);
    });
  });

  describe('GET /api/v1/open/budgets', () => {
    it('gives programme lines and published clusters’ lines, not an unpublished cluster’s', async () => {
      const res = await t.anonymous().get('/api/v1/open/budgets');
      const kyoto = await t.anonymous().get('/api/v1/open/budgets?cluster=kyoto&fy=2004&kind=mext_subsidy');

      expect(
        res.body.items.map((b: { scope: string; cluster: string | null; amountYen: number }) => [
          b.scope,
          b.cluster,
          b.amountYen,
        ]),
      ).toEqual([
        ['cluster', 'kyoto', 500_000_000],
        ['programme', null, 9_000_000_000],
      ]);
      expect(kyoto.body.total).toBe(1);
      expect((await t.anonymous().get(`/api/v1/open/budgets?cluster=${hiddenKey}`)).body.total).toBe(0);
    });
  });

  describe('GET /api/v1/open/organizations', () => {
    it('lists organizations with their published clusters and no contact details', async () => {
      const officer = await t.signInAs('programme_officer');
      const org = (
        await officer.post('/api/v1/organizations', {
          kind: 'company',
          name: { ja: 'オープン株式会社', en: 'Open Co.' },
          source: 'test',
        })
      ).body;
      await officer.post('/api/v1/clusters/kyoto/members', {
        organizationId: org.id,
        role: 'company',
        fromFy: 2004,
        toFy: 2005,
      });
      await officer.post(`/api/v1/clusters/${hiddenKey}/members`, {
        organizationId: org.id,
        role: 'company',
        fromFy: 2004,
      });

      const kyoto = await t.anonymous().get('/api/v1/open/organizations?cluster=kyoto&kind=company');
      const in2006 = await t.anonymous().get('/api/v1/open/organizations?cluster=kyoto&fy=2006&kind=company');
      const hidden = await t.anonymous().get(`/api/v1/open/organizations?cluster=${hiddenKey}`);

      expect(kyoto.body.items).toEqual([
        expect.objectContaining({
          id: org.id,
          name: { ja: 'オープン株式会社', en: 'Open Co.' },
          clusterKeys: ['kyoto'],
        }),
      ]);
      expect(JSON.stringify(kyoto.body)).not.toMatch(/email|phone/i);
      expect(in2006.body.total).toBe(0);
      expect(hidden.body.total).toBe(0);
    });
  });

  it('documents every open data route in the OpenAPI under open-data', async () => {
    const spec = (await t.anonymous().get('/api/openapi.json')).body;
    for (const path of ['clusters', 'organizations', 'outcomes', 'outcome-items', 'budgets']) {
      const op = spec.paths[`/api/v1/open/${path}`].get;
      expect(op.tags).toEqual(['open-data']);
      expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['page', 'pageSize', 'format', 'cluster', 'fy']),
      );
    }
  });
});
