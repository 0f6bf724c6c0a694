import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import { expectProblem, lastAuditEntry } from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import {
  acceptedReport,
  addItem,
  clusterWithHeadquarters,
  paperBody,
  patentBody,
  setValues,
  startReport,
  step,
  valueOf,
} from '../../../../test/support/reports';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

describe.each(ENGINES)('outcome reports on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let c: { key: string; id: number; hq: HttpClient };
  let other: { key: string; id: number; hq: HttpClient };
  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = await t.signInAs('programme_officer');
    c = await clusterWithHeadquarters(t, officer);
    other = await clusterWithHeadquarters(t, officer);
  });
  afterAll(async () => t?.close());

  describe('POST /api/v1/reports', () => {
    it('starts a single-year draft for the cluster with a created event', async () => {
      const res = await c.hq.post('/api/v1/reports', { cluster: c.key, fiscalYear: 2005 });

      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({
        cluster: { id: c.id, key: c.key },
        fyFrom: 2005,
        fyTo: 2005,
        status: 'draft',
        reportVersion: 1,
        supersedesId: null,
        source: 'Reported by headquarters',
        editable: true,
        items: [],
        issues: [],
        version: 1,
      });
      expect(res.body.values).toHaveLength(13);
      expect(res.body.values.every((v: { value: unknown }) => v.value === null)).toBe(true);
      expect(res.body.events).toEqual([
        {
          action: 'created',
          comment: null,
          by: expect.stringMatching(/^cluster_headquarters/),
          at: expect.any(String),
        },
      ]);
      const entry = await lastAuditEntry(t);
      expect(entry).toMatchObject({ action: 'outcome_report.create', entity_type: 'outcome_report' });
    });

    it('answers 409 naming body.fiscalYear when the year already has a report', async () => {
      await startReport(c.hq, c.key, 2006);

      const res = await officer.post('/api/v1/reports', { cluster: c.key, fiscalYear: 2006 });

      expectProblem(res, 409, 'DUPLICATE', 'body.fiscalYear');
    });

    it('answers 400 naming body.fiscalYear for a year outside the funded period', async () => {
      const res = await c.hq.post('/api/v1/reports', { cluster: c.key, fiscalYear: 2012 });

      expectProblem(res, 400, 'VALIDATION_FAILED', 'body.fiscalYear');
    });

    it('answers 400 naming the field for malformed input', async () => {
      expectProblem(
        await c.hq.post('/api/v1/reports', { cluster: c.key, fiscalYear: '2005' }),
        400,
        'VALIDATION_FAILED',
        'body.fiscalYear',
      );
      expectProblem(
        await c.hq.post('/api/v1/reports', { cluster: c.key, fiscalYear: 2005, extra: 1 }),
        400,
        'VALIDATION_FAILED',
        'body.extra',
      );
    });

    it('answers 422 naming body.cluster for an unknown cluster', async () => {
      const res = await officer.post('/api/v1/reports', { cluster: 'no-such-cluster', fiscalYear: 2005 });

      expectProblem(res, 422, 'UNKNOWN_REFERENCE', 'body.cluster');
    });

    it('refuses headquarters of another cluster (403), other roles (403) and the public (401)', async () => {
      expectProblem(
        await other.hq.post('/api/v1/reports', { cluster: c.key, fiscalYear: 2007 }),
        403,
        'FORBIDDEN',
      );
      const evaluator = await t.signInAs('evaluator');
      expectProblem(
        await evaluator.post('/api/v1/reports', { cluster: c.key, fiscalYear: 2007 }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await t.anonymous().post('/api/v1/reports', { cluster: c.key, fiscalYear: 2007 }),
        401,
        'UNAUTHENTICATED',
      );
    });
  });

  describe('visibility', () => {
    it('hides drafts from the public and other clusters’ headquarters (404), shows them to officers', async () => {
      const report = await startReport(c.hq, c.key, 2007);
      const url = `/api/v1/reports/${report.id}`;

      expectProblem(await t.anonymous().get(url), 404, 'NOT_FOUND');
      expectProblem(await other.hq.get(url), 404, 'NOT_FOUND');
      expectProblem(await t.anonymous().get(`${url}/versions`), 404, 'NOT_FOUND');
      expect((await officer.get(url)).status).toBe(200);
      expect((await c.hq.get(url)).body.editable).toBe(true);
      expect((await other.hq.get(`/api/v1/reports?cluster=${c.key}`)).body.items).toEqual([]);
    });

    it('shows an accepted report of a published cluster to everyone, without issues and read-only', async () => {
      const report = await acceptedReport(c.hq, officer, c.key, 2008, { awards: 2 });

      const res = await t.anonymous().get(`/api/v1/reports/${report.id}`);

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'accepted', editable: false, issues: [] });
      expect(valueOf(res.body, 'awards')).toBe(2);
      expect((await other.hq.get(`/api/v1/reports/${report.id}`)).body.editable).toBe(false);
    });

    it('keeps an accepted report of an unpublished cluster from the public', async () => {
      const hidden = await clusterWithHeadquarters(t, officer, { isPublished: false });
      const report = await acceptedReport(hidden.hq, officer, hidden.key, 2005);

      expectProblem(await t.anonymous().get(`/api/v1/reports/${report.id}`), 404, 'NOT_FOUND');
      expect((await hidden.hq.get(`/api/v1/reports/${report.id}`)).status).toBe(200);
    });

    it('answers 400 naming params.id for an id that cannot exist', async () => {
      expectProblem(await officer.get('/api/v1/reports/abc'), 400, 'VALIDATION_FAILED', 'params.id');
      expectProblem(await officer.get('/api/v1/reports/99999999999'), 400, 'VALIDATION_FAILED', 'params.id');
    });
  });

  describe('GET /api/v1/reports', () => {
    it('lists only their own clusters’ reports to headquarters and every cluster’s to officers', async () => {
      const mine = await startReport(other.hq, other.key, 2005);

      const hqList = await other.hq.get('/api/v1/reports');
      const officerList = await officer.get(`/api/v1/reports?cluster=${other.key}&fy=2005&status=draft`);

      expect(hqList.status).toBe(200);
      expect(hqList.body.items.every((r: { cluster: { key: string } }) => r.cluster.key === other.key)).toBe(
        true,
      );
      expect(hqList.body.items.map((r: { id: number }) => r.id)).toContain(mine.id);
      expect(officerList.body).toMatchObject({ total: 1, limit: 50, offset: 0 });
      expect(officerList.body.items[0]).toMatchObject({ id: mine.id, status: 'draft', fyFrom: 2005 });
      // The seed's accepted FY2002–FY2004 reports are in the workspace too.
      expect((await officer.get('/api/v1/reports?fy=2004&status=accepted')).body.total).toBe(18);
    });

    it('refuses the public (401) and roles without the workspace (403), and names bad filters', async () => {
      expectProblem(await t.anonymous().get('/api/v1/reports'), 401, 'UNAUTHENTICATED');
      expectProblem(await (await t.signInAs('coordinator')).get('/api/v1/reports'), 403, 'FORBIDDEN');
      expectProblem(
        await officer.get('/api/v1/reports?status=lost'),
        400,
        'VALIDATION_FAILED',
        'query.status',
      );
      expectProblem(await officer.get('/api/v1/reports?limit=500'), 400, 'VALIDATION_FAILED', 'query.limit');
    });
  });

  describe('values', () => {
    it('stores values with notes, removes a value set to null and audits the change', async () => {
      const x = await clusterWithHeadquarters(t, officer);
      let report = await startReport(x.hq, x.key, 2005);

      report = await setValues(x.hq, report, [
        { indicator: 'awards', value: 3, note: 'from the annual survey' },
        { indicator: 'news_tv', value: 1, note: 'NHK' },
      ]);
      report = await setValues(x.hq, report, [{ indicator: 'news_tv', value: null }]);
      const res = await x.hq.patch(`/api/v1/reports/${report.id}`, {
        version: report.version,
        researcherCount: 42,
      });

      expect(res.status).toBe(200);
      expect(res.body.researcherCount).toBe(42);
      expect(res.body.values.find((v: { indicator: string }) => v.indicator === 'awards')).toEqual({
        indicator: 'awards',
        value: 3,
        itemBacked: false,
        note: 'from the annual survey',
      });
      expect(valueOf(res.body, 'news_tv')).toBeNull();
      expect(await lastAuditEntry(t)).toMatchObject({
        action: 'outcome_report.update',
        entity_type: 'outcome_report',
      });
    });

    it('refuses a value for an item-backed indicator, naming body.values.N.value', async () => {
      const x = await clusterWithHeadquarters(t, officer);
      let report = await startReport(x.hq, x.key, 2005);
      report = await addItem(x.hq, report.id, paperBody());

      const res = await x.hq.patch(`/api/v1/reports/${report.id}`, {
        version: report.version,
        values: [
          { indicator: 'awards', value: 0 },
          { indicator: 'papers_abroad', value: 5 },
        ],
      });
      // Sending the derived figure back unchanged (a form saving every line) is fine.
      const same = await x.hq.patch(`/api/v1/reports/${report.id}`, {
        version: report.version,
        values: [{ indicator: 'papers_abroad', value: 1, note: 'see items' }],
      });

      expectProblem(res, 400, 'VALIDATION_FAILED', 'body.values.1.value');
      expect(same.status).toBe(200);
      expect(
        same.body.values.find((v: { indicator: string }) => v.indicator === 'papers_abroad'),
      ).toMatchObject({
        value: 1,
        itemBacked: true,
        note: 'see items',
      });
    });

    it('answers 400 for a negative or fractional value and 409 for a stale version, changing nothing', async () => {
      const x = await clusterWithHeadquarters(t, officer);
      const report = await startReport(x.hq, x.key, 2005);
      const url = `/api/v1/reports/${report.id}`;

      expectProblem(
        await x.hq.patch(url, { version: report.version, values: [{ indicator: 'awards', value: -1 }] }),
        400,
        'VALIDATION_FAILED',
        'body.values.0.value',
      );
      expectProblem(
        await x.hq.patch(url, { version: report.version, values: [{ indicator: 'sales', value: 1.5 }] }),
        400,
        'VALIDATION_FAILED',
        'body.values.0.value',
      );
      expectProblem(
        await x.hq.patch(url, { version: report.version, values: [{ indicator: 'bogus', value: 1 }] }),
        400,
        'VALIDATION_FAILED',
        'body.values.0.indicator',
      );
      // Two editors at the same version: the first wins, the second gets 409 and writes nothing.
      const [a, b] = await Promise.all([
        x.hq.patch(url, { version: report.version, values: [{ indicator: 'awards', value: 1, note: 'a' }] }),
        officer.patch(url, {
          version: report.version,
          values: [{ indicator: 'awards', value: 2, note: 'b' }],
        }),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expectProblem(loser, 409, 'VERSION_CONFLICT', 'body.version');
      const winner = a.status === 200 ? 1 : 2;
      expect(valueOf((await officer.get(url)).body, 'awards')).toBe(winner);
    });
  });

  describe('items', () => {
    it('derives indicator values from items, copying the cluster and fiscal year onto each item', async () => {
      const x = await clusterWithHeadquarters(t, officer);
      let report = await startReport(x.hq, x.key, 2005);
      report = await setValues(x.hq, report, [
        { indicator: 'papers_abroad', value: 7, note: 'before items' },
      ]);

      report = await addItem(x.hq, report.id, paperBody());
      report = await addItem(x.hq, report.id, paperBody({ scope: 'domestic' }));
      report = await addItem(
        x.hq,
        report.id,
        patentBody({ patentStatus: 'granted', filingDate: '2004-05-01', grantedDate: '2005-09-01' }),
      );

      expect(report.items).toHaveLength(3);
      expect(report.items[0]).toMatchObject({
        reportId: report.id,
        fiscalYear: 2005,
        version: 1,
        kind: 'paper',
      });
      expect(valueOf(report, 'papers_abroad')).toBe(1);
      expect(valueOf(report, 'papers_domestic')).toBe(1);
      expect(valueOf(report, 'patents_domestic_applied')).toBe(0);
      expect(valueOf(report, 'patents_domestic_acquired')).toBe(1);
      const abroad = report.values.find((v: { indicator: string }) => v.indicator === 'papers_abroad');
      expect(abroad).toEqual({
        indicator: 'papers_abroad',
        value: 1,
        itemBacked: true,
        note: 'before items',
      });
      expect(await lastAuditEntry(t)).toMatchObject({
        action: 'outcome_item.create',
        entity_type: 'outcome_item',
      });
    });

    it('names the missing fields of a kind and refuses the same item twice', async () => {
      const x = await clusterWithHeadquarters(t, officer);
      let report = await startReport(x.hq, x.key, 2005);
      const paper = paperBody();
      report = await addItem(x.hq, report.id, paper);
      const url = `/api/v1/reports/${report.id}/items`;

      const missing = await x.hq.post(url, { kind: 'patent', title: 'No number', country: 'JP' });
      expectProblem(missing, 400, 'VALIDATION_FAILED', 'body.applicationNumber');
      expectProblem(missing, 400, 'VALIDATION_FAILED', 'body.filingDate');
      expectProblem(missing, 400, 'VALIDATION_FAILED', 'body.ownerKind');
      expectProblem(
        await x.hq.post(url, { ...paper, kind: 'paper', extra: 1 }),
        400,
        'VALIDATION_FAILED',
        'body.extra',
      );
      expectProblem(
        await x.hq.post(url, paperBody({ filingDate: '1900-01-01' })),
        400,
        'VALIDATION_FAILED',
        'body.filingDate',
      );
      expectProblem(
        await x.hq.post(url, {
          ...paper,
          title: 'Same DOI, other spelling',
          doi: `https://doi.org/${paper.doi.toUpperCase()}`,
        }),
        409,
        'DUPLICATE',
        'body.doi',
      );
      expect((await x.hq.get(`/api/v1/reports/${report.id}`)).body.items).toHaveLength(1);
    });

    it('changes and deletes items at their version, keeping derived values in step', async () => {
      const x = await clusterWithHeadquarters(t, officer);
      let report = await startReport(x.hq, x.key, 2005);
      report = await addItem(x.hq, report.id, paperBody());
      const item = report.items[0];
      const itemUrl = `/api/v1/reports/${report.id}/items/${item.id}`;
      const { id: _id, reportId: _r, fiscalYear: _f, version: _v, ...fields } = item;

      const changed = await x.hq.patch(itemUrl, { ...fields, scope: 'domestic', version: 1 });
      const stale = await x.hq.patch(itemUrl, { ...fields, scope: 'abroad', version: 1 });
      const staleDelete = await x.hq.request('DELETE', `${itemUrl}?version=1`);
      const deleted = await x.hq.request('DELETE', `${itemUrl}?version=2`);

      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(valueOf(changed.body, 'papers_domestic')).toBe(1);
      expect(valueOf(changed.body, 'papers_abroad')).toBe(0);
      expectProblem(stale, 409, 'VERSION_CONFLICT', 'body.version');
      expectProblem(staleDelete, 409, 'VERSION_CONFLICT', 'query.version');
      expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
      expect(deleted.body.items).toEqual([]);
      // With its last item gone the indicator is no longer item-backed and its derived count goes too.
      expect(
        deleted.body.values.find((v: { indicator: string }) => v.indicator === 'papers_domestic'),
      ).toMatchObject({
        value: null,
        itemBacked: false,
      });
      expect(await lastAuditEntry(t)).toMatchObject({
        action: 'outcome_item.delete',
        entity_type: 'outcome_item',
      });
      expectProblem(await x.hq.request('DELETE', `${itemUrl}?version=3`), 404, 'NOT_FOUND');
      expectProblem(await x.hq.request('DELETE', itemUrl), 400, 'VALIDATION_FAILED', 'query.version');
    });
  });

  describe('locking', () => {
    it('locks a submitted and an accepted report against every edit (409 REPORT_LOCKED)', async () => {
      const x = await clusterWithHeadquarters(t, officer);
      let report = await startReport(x.hq, x.key, 2005);
      report = await addItem(x.hq, report.id, paperBody());
      const itemId = report.items[0].id;
      report = await step(x.hq, report, 'submit');

      const whileSubmitted = await x.hq.post(`/api/v1/reports/${report.id}/items`, paperBody());
      report = await step(officer, report, 'accept');
      const url = `/api/v1/reports/${report.id}`;
      const attempts = [
        await x.hq.patch(url, { version: report.version, researcherCount: 1 }),
        await officer.patch(url, {
          version: report.version,
          values: [{ indicator: 'awards', value: 1, note: 'n' }],
        }),
        await x.hq.post(`${url}/items`, paperBody()),
        await x.hq.patch(`${url}/items/${itemId}`, { ...paperBody(), version: 1 }),
        await x.hq.request('DELETE', `${url}/items/${itemId}?version=1`),
      ];

      expectProblem(whileSubmitted, 409, 'REPORT_LOCKED');
      for (const res of attempts) expectProblem(res, 409, 'REPORT_LOCKED');
      const after = (await x.hq.get(url)).body;
      expect(after.items).toHaveLength(1);
      expect(after.editable).toBe(false);
      expect(after.version).toBe(report.version);
    });
  });

  it('starts reports for the seed’s clusters too, beside their multi-year accepted report', async () => {
    const sapporoHq = await t.signInAs('cluster_headquarters', { clusterKey: 'sapporo' });
    const report = await startReport(sapporoHq, 'sapporo', 2005);
    const versions = await sapporoHq.get(`/api/v1/reports/${report.id}/versions`);

    expect(versions.body.map((v: { id: number }) => v.id)).toEqual([report.id]);
  });
});
