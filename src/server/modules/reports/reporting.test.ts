import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import { createCluster, expectProblem, lastAuditEntry } from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { acceptedReport, clusterWithHeadquarters, startReport, step } from '../../../../test/support/reports';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

describe.each(ENGINES)('deadlines and reporting status on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = await t.signInAs('programme_officer');
  });
  afterAll(async () => t?.close());

  const put = (client: HttpClient, fy: number | string, body: unknown) =>
    client.request('PUT', `/api/v1/report-deadlines/${fy}`, body);

  describe('deadlines', () => {
    it('lets officers set a deadline and change it at its version; everyone reads them', async () => {
      const created = await put(officer, 2030, { dueOn: '2031-06-30', note: 'Annual report' });
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      expect(created.body).toMatchObject({
        fiscalYear: 2030,
        dueOn: '2031-06-30',
        note: 'Annual report',
        version: 1,
      });
      expect(await lastAuditEntry(t)).toMatchObject({
        action: 'report_deadline.create',
        entity_type: 'report_deadline',
      });

      expectProblem(
        await put(officer, 2030, { dueOn: '2031-07-31' }),
        409,
        'VERSION_CONFLICT',
        'body.version',
      );
      const changed = await put(officer, 2030, { dueOn: '2031-07-31', note: null, version: 1 });
      expect(changed.body).toMatchObject({ dueOn: '2031-07-31', note: null, version: 2 });
      expectProblem(await put(officer, 2030, { dueOn: '2031-08-31', version: 1 }), 409, 'VERSION_CONFLICT');
      expect(await lastAuditEntry(t)).toMatchObject({
        action: 'report_deadline.update',
        entity_type: 'report_deadline',
      });

      const list = await t.anonymous().get('/api/v1/report-deadlines');
      expect(list.status).toBe(200);
      expect(list.body.items).toContainEqual({
        id: created.body.id,
        fiscalYear: 2030,
        dueOn: '2031-07-31',
        note: null,
        version: 2,
      });
    });

    it('refuses headquarters (403) and the public (401), and names bad input', async () => {
      const hq = await t.signInAs('cluster_headquarters', { clusterKey: 'sapporo' });
      expectProblem(await put(hq, 2031, { dueOn: '2032-06-30' }), 403, 'FORBIDDEN');
      expectProblem(await put(t.anonymous(), 2031, { dueOn: '2032-06-30' }), 401, 'UNAUTHENTICATED');
      expectProblem(
        await put(officer, 2031, { dueOn: '2032-02-30' }),
        400,
        'VALIDATION_FAILED',
        'body.dueOn',
      );
      expectProblem(await put(officer, 1900, { dueOn: '2032-06-30' }), 400, 'VALIDATION_FAILED', 'params.fy');
    });
  });

  describe('GET /api/v1/reporting-status', () => {
    it('lists every cluster funded in the year with its report status, missing and overdue ones included', async () => {
      // FY2009: only clusters started in FY2005 or later are funded then (the seed's have ended).
      const missing = await clusterWithHeadquarters(t, officer);
      const drafting = await clusterWithHeadquarters(t, officer);
      const submitting = await clusterWithHeadquarters(t, officer);
      const done = await clusterWithHeadquarters(t, officer);
      const hidden = await createCluster(officer, { startFy: 2005, isPublished: false });
      const withdrawn = await createCluster(officer, { startFy: 2005, status: 'withdrawn' });
      await startReport(drafting.hq, drafting.key, 2009);
      await step(submitting.hq, await startReport(submitting.hq, submitting.key, 2009), 'submit');
      const accepted = await acceptedReport(done.hq, officer, done.key, 2009);
      await put(officer, 2009, { dueOn: '2010-06-30' });

      const res = await officer.get('/api/v1/reporting-status?fy=2009');

      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({ fiscalYear: 2009, dueOn: '2010-06-30' });
      const byKey = new Map(res.body.clusters.map((c: { cluster: { key: string } }) => [c.cluster.key, c]));
      expect(byKey.get(missing.key)).toMatchObject({ status: 'missing', reportId: null, overdue: true });
      expect(byKey.get(drafting.key)).toMatchObject({ status: 'draft', overdue: true });
      expect(byKey.get(submitting.key)).toMatchObject({
        status: 'submitted',
        overdue: false,
        submittedAt: expect.any(String),
      });
      expect(byKey.get(done.key)).toMatchObject({
        status: 'accepted',
        reportId: accepted.id,
        overdue: false,
      });
      expect(byKey.get(hidden.key)).toMatchObject({ status: 'missing' });
      expect(byKey.has(withdrawn.key)).toBe(false);
      expect(byKey.has('sapporo')).toBe(false);
    });

    it('is not overdue before the deadline, and counts the seed’s multi-year reports for their years', async () => {
      await put(officer, 2099, { dueOn: '2100-06-30' });
      const future = await officer.get('/api/v1/reporting-status?fy=2004');
      expect(future.body.clusters).toHaveLength(18);
      expect(future.body.clusters.every((c: { status: string }) => c.status === 'accepted')).toBe(true);
      const later = await officer.get('/api/v1/reporting-status?fy=2099');
      expect(later.body.dueOn).toBe('2100-06-30');
      expect(later.body.clusters).toEqual([]);
    });

    it('is for the programme office only and names a bad year', async () => {
      const hq = await t.signInAs('cluster_headquarters', { clusterKey: 'sapporo' });
      expectProblem(await hq.get('/api/v1/reporting-status?fy=2005'), 403, 'FORBIDDEN');
      expectProblem(await t.anonymous().get('/api/v1/reporting-status?fy=2005'), 401, 'UNAUTHENTICATED');
      expectProblem(await officer.get('/api/v1/reporting-status'), 400, 'VALIDATION_FAILED', 'query.fy');
      expectProblem(
        await officer.get('/api/v1/reporting-status?fy=abc'),
        400,
        'VALIDATION_FAILED',
        'query.fy',
      );
    });
  });

  describe('GET /api/v1/me/reporting', () => {
    it('shows headquarters their clusters’ years with a deadline or a report, with the return comment', async () => {
      const c = await clusterWithHeadquarters(t, officer);
      await put(officer, 2006, { dueOn: '2007-06-30' });
      let returned = await startReport(c.hq, c.key, 2007);
      returned = await step(c.hq, returned, 'submit');
      await step(officer, returned, 'return', { comment: 'Add the press items' });

      const res = await c.hq.get('/api/v1/me/reporting');

      expect(res.status).toBe(200);
      const years = res.body.items.map((i: { fiscalYear: number }) => i.fiscalYear);
      expect(years).toEqual([...years].sort((a: number, b: number) => b - a));
      expect(res.body.items.every((i: { cluster: { key: string } }) => i.cluster.key === c.key)).toBe(true);
      expect(res.body.items.find((i: { fiscalYear: number }) => i.fiscalYear === 2006)).toMatchObject({
        dueOn: '2007-06-30',
        status: 'missing',
        reportId: null,
        overdue: true,
      });
      expect(res.body.items.find((i: { fiscalYear: number }) => i.fiscalYear === 2007)).toMatchObject({
        status: 'returned',
        reportId: returned.id,
        returnComment: 'Add the press items',
      });
      // FY2008 has neither a deadline nor a report in this suite.
      expect(years).not.toContain(2008);
    });

    it('is empty for other roles and asks the public to sign in', async () => {
      expect((await officer.get('/api/v1/me/reporting')).body).toEqual({ items: [] });
      expectProblem(await t.anonymous().get('/api/v1/me/reporting'), 401, 'UNAUTHENTICATED');
    });
  });
});
