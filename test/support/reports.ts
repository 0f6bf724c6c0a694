/** Helpers for the reports suites: a cluster with its headquarters, reports and items through the API. */
import { expect } from 'vitest';
import { createCluster } from './factories';
import type { HttpClient, Response } from './http-client';
import type { TestApp } from './test-app';

let counter = 0;

export function paperBody(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    kind: 'paper',
    title: `Sensor paper ${counter}`,
    authors: 'Sato H., Suzuki K.',
    venue: 'Applied Physics Letters',
    pubYear: 2005,
    scope: 'abroad',
    doi: `10.1000/kcp.${process.pid}.${counter}`,
    ...overrides,
  };
}

export function patentBody(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    kind: 'patent',
    title: `Sensor device ${counter}`,
    applicationNumber: `特願2005-${process.pid}${counter}`,
    filingDate: '2005-06-01',
    country: 'JP',
    patentStatus: 'applied',
    ownerKind: 'university',
    ...overrides,
  };
}

/** A published cluster funded FY2005–FY2009 with a signed-in headquarters account. */
export async function clusterWithHeadquarters(
  t: TestApp,
  officer: HttpClient,
  overrides: Record<string, unknown> = {},
): Promise<{ key: string; id: number; hq: HttpClient }> {
  const cluster = await createCluster(officer, { startFy: 2005, isPublished: true, ...overrides });
  const hq = await t.signInAs('cluster_headquarters', { clusterKey: cluster.key });
  return { key: cluster.key, id: cluster.id, hq };
}

function expectStatus(res: Response, status: number, what: string): void {
  expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(status);
}

export async function startReport(client: HttpClient, cluster: string, fiscalYear: number) {
  const res = await client.post('/api/v1/reports', { cluster, fiscalYear });
  expectStatus(res, 201, 'starting a report');
  return res.body;
}

export async function addItem(client: HttpClient, reportId: number, body: Record<string, unknown>) {
  const res = await client.post(`/api/v1/reports/${reportId}/items`, body);
  expectStatus(res, 201, 'adding an item');
  return res.body;
}

export async function setValues(
  client: HttpClient,
  report: { id: number; version: number },
  values: { indicator: string; value: number | null; note?: string | null }[],
) {
  const res = await client.patch(`/api/v1/reports/${report.id}`, { version: report.version, values });
  expectStatus(res, 200, 'setting values');
  return res.body;
}

/** Runs a workflow step (submit, return, accept, correct) at the report's version and expects success. */
export async function step(
  client: HttpClient,
  report: { id: number; version: number },
  action: 'submit' | 'return' | 'accept' | 'correct',
  extra: Record<string, unknown> = {},
) {
  const res = await client.post(`/api/v1/reports/${report.id}/${action}`, {
    version: report.version,
    ...extra,
  });
  expectStatus(res, action === 'correct' ? 201 : 200, action);
  return res.body;
}

/** Starts, submits and accepts a yearly report with the given values (each with a note). */
export async function acceptedReport(
  hq: HttpClient,
  officer: HttpClient,
  cluster: string,
  fiscalYear: number,
  values: Record<string, number> = {},
) {
  let report = await startReport(hq, cluster, fiscalYear);
  if (Object.keys(values).length > 0)
    report = await setValues(
      hq,
      report,
      Object.entries(values).map(([indicator, value]) => ({ indicator, value, note: 'annual survey' })),
    );
  report = await step(hq, report, 'submit');
  return step(officer, report, 'accept');
}

export function valueOf(report: { values: { indicator: string; value: number | null }[] }, key: string) {
  return report.values.find((v) => v.indicator === key)?.value ?? null;
}
