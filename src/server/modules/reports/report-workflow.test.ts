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

describe.each(ENGINES)('the outcome report workflow on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = await t.signInAs('programme_officer');
  });
  afterAll(async () => t?.close());

  const tableAwards = async (key: string, fy: number) => {
    const res = await t.anonymous().get(`/api/v1/outcome-table?from=${fy}&to=${fy}`);
    const row = res.body.rows.find((r: { cluster: { key: string } }) => r.cluster.key === key);
    return { cluster: row?.values.awards as number, total: res.body.total.values.awards as number };
  };

  it('runs draft → submit → return → resubmit → accept → correct → accept, counting only the current version', async () => {
    const c = await clusterWithHeadquarters(t, officer);
    let report = await startReport(c.hq, c.key, 2006);
    report = await setValues(c.hq, report, [{ indicator: 'awards', value: 2, note: 'prize list' }]);
    report = await step(c.hq, report, 'submit');
    expect(report).toMatchObject({ status: 'submitted', editable: false, submittedAt: expect.any(String) });
    expect((await tableAwards(c.key, 2006)).cluster).toBe(0);

    expectProblem(
      await c.hq.post(`/api/v1/reports/${report.id}/return`, { version: report.version, comment: 'x' }),
      403,
      'FORBIDDEN',
    );
    report = await step(officer, report, 'return', { comment: 'Awards need the prize names' });
    expect(report).toMatchObject({ status: 'returned', returnComment: 'Awards need the prize names' });
    expect((await c.hq.get(`/api/v1/reports/${report.id}`)).body.editable).toBe(true);

    report = await setValues(c.hq, report, [{ indicator: 'awards', value: 3, note: 'JSAP prize ×3' }]);
    report = await step(c.hq, report, 'submit');
    const before = await tableAwards(c.key, 2006);
    report = await step(officer, report, 'accept', { comment: 'Thank you' });
    expect(report).toMatchObject({ status: 'accepted', acceptedAt: expect.any(String), editable: false });
    expect(report.events.map((e: { action: string }) => e.action)).toEqual([
      'created',
      'submitted',
      'returned',
      'submitted',
      'accepted',
    ]);
    expect(report.events[2]).toMatchObject({
      comment: 'Awards need the prize names',
      by: expect.stringMatching(/^programme_officer/),
    });
    expect(report.events[4].comment).toBe('Thank you');
    const accepted = await tableAwards(c.key, 2006);
    expect(accepted.cluster).toBe(3);
    expect(accepted.total).toBe(before.total + 3);

    // A correction: a new draft version copying the accepted one, which stays counted until the correction is accepted.
    let correction = await step(c.hq, report, 'correct', { reason: 'One prize was FY2007' });
    expect(correction).toMatchObject({
      status: 'draft',
      reportVersion: 2,
      supersedesId: report.id,
      reason: 'One prize was FY2007',
      editable: true,
    });
    expect(valueOf(correction, 'awards')).toBe(3);
    expect(correction.events).toEqual([
      expect.objectContaining({ action: 'corrected', comment: 'One prize was FY2007' }),
    ]);
    expectProblem(
      await c.hq.post(`/api/v1/reports/${report.id}/correct`, { version: report.version, reason: 'again' }),
      409,
      'INVALID_TRANSITION',
    );
    correction = await setValues(c.hq, correction, [
      { indicator: 'awards', value: 2, note: 'JSAP prize ×2' },
    ]);
    correction = await step(c.hq, correction, 'submit');
    expect((await tableAwards(c.key, 2006)).cluster).toBe(3);
    correction = await step(officer, correction, 'accept');

    const after = await tableAwards(c.key, 2006);
    expect(after.cluster).toBe(2);
    expect(after.total).toBe(accepted.total - 1);
    // The superseded version stays readable, to the public too, and names its successor.
    const old = await t.anonymous().get(`/api/v1/reports/${report.id}`);
    expect(old.body).toMatchObject({ status: 'accepted', supersededById: correction.id });
    expect(valueOf(old.body, 'awards')).toBe(3);
    const versions = await t.anonymous().get(`/api/v1/reports/${correction.id}/versions`);
    expect(versions.body.map((v: { id: number; reportVersion: number }) => [v.id, v.reportVersion])).toEqual([
      [report.id, 1],
      [correction.id, 2],
    ]);
    expectProblem(
      await c.hq.post(`/api/v1/reports/${report.id}/correct`, { version: report.version, reason: 'old one' }),
      409,
      'INVALID_TRANSITION',
    );
  });

  it('shows open corrections only to those who see drafts in the version list', async () => {
    const c = await clusterWithHeadquarters(t, officer);
    const report = await acceptedReport(c.hq, officer, c.key, 2005);
    const correction = await step(officer, report, 'correct', { reason: 'typo' });

    const publicView = await t.anonymous().get(`/api/v1/reports/${report.id}/versions`);
    const hqView = await c.hq.get(`/api/v1/reports/${report.id}/versions`);

    expect(publicView.body.map((v: { id: number }) => v.id)).toEqual([report.id]);
    expect(hqView.body.map((v: { id: number }) => v.id)).toEqual([report.id, correction.id]);
    expect(hqView.body[0].supersededById).toBeNull();
    // The accepted version points headquarters to the open correction, and the public to nothing.
    expect((await c.hq.get(`/api/v1/reports/${report.id}`)).body.openCorrectionId).toBe(correction.id);
    expect((await t.anonymous().get(`/api/v1/reports/${report.id}`)).body.openCorrectionId).toBeNull();
    expect(await lastAuditEntry(t)).toMatchObject({
      action: 'outcome_report.correct',
      entity_type: 'outcome_report',
    });
  });

  it('refuses to submit with errors (422 naming each field), changing nothing', async () => {
    const c = await clusterWithHeadquarters(t, officer);
    let report = await startReport(c.hq, c.key, 2005);
    report = await setValues(c.hq, report, [{ indicator: 'awards', value: 4 }]);
    report = await addItem(
      c.hq,
      report.id,
      patentBody({ patentStatus: 'granted', filingDate: '2005-08-01', grantedDate: '2005-07-01' }),
    );
    expect(report.issues.map((i: { code: string }) => i.code)).toEqual([
      'missing_note',
      'granted_before_filed',
    ]);

    const res = await c.hq.post(`/api/v1/reports/${report.id}/submit`, { version: report.version });

    expectProblem(res, 422, 'RULE_VIOLATION', 'notes.awards');
    expectProblem(res, 422, 'RULE_VIOLATION', 'items.0.grantedDate');
    expect(res.body.errors[1].message).toBe(
      'Item 1: a patent cannot be granted (2005-07-01) before it was filed (2005-08-01)',
    );
    const unchanged = (await c.hq.get(`/api/v1/reports/${report.id}`)).body;
    expect(unchanged).toMatchObject({ status: 'draft', version: report.version, submittedAt: null });
    expect(unchanged.events).toHaveLength(1);
  });

  it('lets warnings through: a DOI already reported for another year', async () => {
    const c = await clusterWithHeadquarters(t, officer);
    const paper = paperBody();
    const earlier = await startReport(c.hq, c.key, 2005);
    await addItem(c.hq, earlier.id, paper);
    let report = await startReport(c.hq, c.key, 2006);
    report = await addItem(c.hq, report.id, { ...paper, doi: `doi:${paper.doi.toUpperCase()}` });

    expect(report.issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'duplicate_doi', field: 'items.0.doi' }),
    ]);
    report = await step(c.hq, report, 'submit');
    expect(report.status).toBe('submitted');
  });

  it('warns about a value far from the cluster’s accepted history', async () => {
    const c = await clusterWithHeadquarters(t, officer);
    for (const fy of [2005, 2006, 2007]) await acceptedReport(c.hq, officer, c.key, fy, { news_tv: 2 });
    let report = await startReport(c.hq, c.key, 2008);
    report = await setValues(c.hq, report, [{ indicator: 'news_tv', value: 40, note: 'documentary series' }]);

    expect(report.issues).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'far_from_history', field: 'values.news_tv' }),
    ]);
    expect((await step(c.hq, report, 'submit')).status).toBe('submitted');
  });

  it('answers 409 to steps the status does not allow and to a stale version', async () => {
    const c = await clusterWithHeadquarters(t, officer);
    const report = await startReport(c.hq, c.key, 2005);
    const url = `/api/v1/reports/${report.id}`;

    expectProblem(
      await officer.post(`${url}/accept`, { version: report.version }),
      409,
      'INVALID_TRANSITION',
    );
    expectProblem(
      await officer.post(`${url}/return`, { version: report.version, comment: 'no' }),
      409,
      'INVALID_TRANSITION',
    );
    expectProblem(
      await c.hq.post(`${url}/correct`, { version: report.version, reason: 'no' }),
      409,
      'INVALID_TRANSITION',
    );
    expectProblem(
      await c.hq.post(`${url}/submit`, { version: report.version + 1 }),
      409,
      'VERSION_CONFLICT',
      'body.version',
    );
    expectProblem(
      await officer.post(`${url}/return`, { version: report.version }),
      400,
      'VALIDATION_FAILED',
      'body.comment',
    );
    // Two reviewers at once: one accepts, the other's step finds the report already moved on.
    const submitted = await step(c.hq, report, 'submit');
    const [a, b] = await Promise.all([
      officer.post(`${url}/accept`, { version: submitted.version }),
      officer.post(`${url}/return`, { version: submitted.version, comment: 'late' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
  });
});
