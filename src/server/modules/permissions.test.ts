/**
 * THE PERMISSION MATRIX: every route of the app, asked by every role, with a valid request, answers
 * the status the policy promises — success, 401 for the public, 403 for a role without the
 * permission. The table is written out by hand (not derived from POLICY) so a policy change has to
 * be made here deliberately, and the first test fails when a route is registered without a row.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearOf } from '../../domain/fiscal-year';
import { INDICATOR_KEYS } from '../../domain/indicators';
import { ROLES, type Role } from '../../domain/permissions';
import {
  type Ask,
  type Fixtures,
  get,
  type MatrixPart,
  officerOf,
  OFFICE,
  only,
  type Row,
  signedIn,
  everyone,
  type Who,
  WHO,
} from '../../../test/support/permission-matrix';
import { EVALUATION_MATRIX } from './evaluation/evaluation.matrix';
import { SELECTION_MATRIX } from './selection/selection.matrix';
import { MATCHING_MATRIX } from './matching/matching.matrix';
import { INDUSTRIAL_CLUSTER_MATRIX } from './industrial-cluster/industrial-cluster.matrix';
import { ENGINES } from '../../../test/support/engines';
import {
  addMember,
  addStaff,
  clusterBody,
  createAccount,
  createOrganization,
  createPerson,
  organizationBody,
  personBody,
  signInNew,
  unique,
} from '../../../test/support/factories';
import type { HttpClient } from '../../../test/support/http-client';
import { buildTestApp } from '../../../test/support/test-app';
import { uploadImport } from '../../../test/support/uploads';

const OFFICE_AND_HQ: Role[] = ['administrator', 'programme_officer', 'cluster_headquarters'];
const ADMIN: Role[] = ['administrator'];

// ---------------------------------------------------------------------------------------------
// Requests

async function clusterVersion(f: Fixtures, key: string): Promise<number> {
  const result = await sql<{ version: number }>`select version from clusters where key = ${key}`.execute(
    f.t.database.db,
  );
  return Number(result.rows[0]!.version);
}

async function accountVersion(f: Fixtures, id: number): Promise<number> {
  const result = await sql<{ version: number }>`select version from accounts where id = ${id}`.execute(
    f.t.database.db,
  );
  return Number(result.rows[0]!.version);
}

/** A second session of `who`'s account on a client of its own, for rows that end or replace the session. */
async function freshSession(ask: Ask): Promise<{ client: HttpClient; email: string; password: string }> {
  if (ask.who === 'anonymous') return { client: ask.f.t.anonymous(), email: '', password: '' };
  const { email, password } = ask.f.credentials.get(ask.who)!;
  const client = ask.f.t.anonymous();
  const res = await client.signIn(email, password);
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}`);
  return { client, email, password };
}

function clusterRows(key: string, target: string, editors: Role[]): Row[] {
  return [
    {
      method: 'PATCH',
      route: '/api/v1/clusters/:key',
      target,
      serial: true,
      expect: only(editors, 200),
      send: async ({ client, f }) =>
        client.patch(`/api/v1/clusters/${key}`, {
          version: await clusterVersion(f, key),
          theme: { ja: '', en: 'Edited' },
        }),
    },
    {
      method: 'POST',
      route: '/api/v1/clusters/:key/members',
      target,
      expect: only(editors, 201),
      send: ({ client, f }) =>
        client.post(`/api/v1/clusters/${key}/members`, {
          organizationId: f.organizationId,
          role: 'company',
          fromFy: 2004,
        }),
    },
    {
      method: 'PATCH',
      route: '/api/v1/clusters/:key/members/:id',
      target,
      expect: only(editors, 200),
      send: async ({ client, f }) => {
        const member = await addMember(officerOf(f), key, { organizationId: f.organizationId });
        return client.patch(`/api/v1/clusters/${key}/members/${member.id}`, { version: 1, note: 'checked' });
      },
    },
    {
      method: 'POST',
      route: '/api/v1/clusters/:key/members/:id/withdraw',
      target,
      expect: only(editors, 200),
      send: async ({ client, f }) => {
        const member = await addMember(officerOf(f), key, { organizationId: f.organizationId });
        return client.post(`/api/v1/clusters/${key}/members/${member.id}/withdraw`, { version: 1 });
      },
    },
    {
      method: 'POST',
      route: '/api/v1/clusters/:key/staff',
      target,
      expect: only(editors, 201),
      send: ({ client, f }) =>
        client.post(`/api/v1/clusters/${key}/staff`, {
          personId: f.personId,
          role: 'researcher',
          fromFy: 2004,
        }),
    },
    {
      method: 'PATCH',
      route: '/api/v1/clusters/:key/staff/:id',
      target,
      expect: only(editors, 200),
      send: async ({ client, f }) => {
        const staff = await addStaff(officerOf(f), key, { personId: f.personId });
        return client.patch(`/api/v1/clusters/${key}/staff/${staff.id}`, { version: 1, note: 'checked' });
      },
    },
    {
      method: 'POST',
      route: '/api/v1/clusters/:key/staff/:id/withdraw',
      target,
      expect: only(editors, 200),
      send: async ({ client, f }) => {
        const staff = await addStaff(officerOf(f), key, { personId: f.personId });
        return client.post(`/api/v1/clusters/${key}/staff/${staff.id}/withdraw`, { version: 1 });
      },
    },
  ];
}

// Targets and the budget ledger (issue 3).

/**
 * The fiscal year a row sets targets for. Headquarters set targets from the current fiscal year on,
 * so their cluster's period is stretched to reach it; officers may use any year of the period.
 */
async function targetFy(f: Fixtures, key: string): Promise<number> {
  if (key !== 'sapporo') {
    const result = await sql<{ start_fy: number }>`select start_fy from clusters where key = ${key}`.execute(
      f.t.database.db,
    );
    return Number(result.rows[0]!.start_fy);
  }
  const fy = fiscalYearOf(new Date());
  await sql`update clusters set end_fy = ${fy} where key = ${key} and end_fy < ${fy}`.execute(
    f.t.database.db,
  );
  return fy;
}

/** Sets one target as an officer (at the version stored, if it exists) and returns its id and version. */
async function officerTarget(
  f: Fixtures,
  key: string,
  indicator: string,
  fiscalYear: number,
): Promise<{ id: number; version: number }> {
  const existing = await sql<{ version: number }>`select t.version from targets t
      join clusters c on c.id = t.cluster_id
      where c.key = ${key} and t.indicator_key = ${indicator} and t.fiscal_year = ${fiscalYear}`.execute(
    f.t.database.db,
  );
  const version = existing.rows[0] ? Number(existing.rows[0].version) : undefined;
  const res = await officerOf(f).request('PUT', `/api/v1/clusters/${key}/targets`, {
    targets: [{ indicator, fiscalYear, baseline: null, target: 10, ...(version ? { version } : {}) }],
  });
  if (res.status !== 200)
    throw new Error(`setting a target answered ${res.status}: ${JSON.stringify(res.body)}`);
  const row = (
    res.body.targets as { id: number; indicator: string; fiscalYear: number; version: number }[]
  ).find((t) => t.indicator === indicator && t.fiscalYear === fiscalYear)!;
  return { id: row.id, version: row.version };
}

function targetRows(key: string, target: string, editors: Role[]): Row[] {
  return [
    {
      method: 'PUT',
      route: '/api/v1/clusters/:key/targets',
      target,
      serial: true,
      expect: only(editors, 200),
      send: async ({ client, f }) => {
        const fy = await targetFy(f, key);
        const stored = await sql<{ version: number }>`select t.version from targets t
            join clusters c on c.id = t.cluster_id
            where c.key = ${key} and t.indicator_key = 'papers_domestic' and t.fiscal_year = ${fy}`.execute(
          f.t.database.db,
        );
        const version = stored.rows[0] ? Number(stored.rows[0].version) : undefined;
        return client.request('PUT', `/api/v1/clusters/${key}/targets`, {
          targets: [
            {
              indicator: 'papers_domestic',
              fiscalYear: fy,
              baseline: 1,
              target: 20 + WHO.length + (version ?? 0),
              ...(version ? { version } : {}),
            },
          ],
        });
      },
    },
    {
      method: 'DELETE',
      route: '/api/v1/clusters/:key/targets/:id',
      target,
      expect: only(editors, 200),
      send: async ({ who, client, f }) => {
        const fy = await targetFy(f, key);
        // A target of its own per role (papers_domestic is the PUT row's).
        const made = await officerTarget(f, key, INDICATOR_KEYS[1 + WHO.indexOf(who)]!, fy);
        return client.request('DELETE', `/api/v1/clusters/${key}/targets/${made.id}?version=${made.version}`);
      },
    },
  ];
}

async function officerBudgetLine(f: Fixtures): Promise<{ id: number; version: number }> {
  const res = await officerOf(f).post('/api/v1/budgets', {
    cluster: 'kyoto',
    fiscalYear: 2004,
    kind: 'other',
    amountYen: 1000,
    source: `matrix ${unique()}`,
  });
  if (res.status !== 201) throw new Error(`adding a budget line answered ${res.status}`);
  return { id: res.body.id, version: res.body.version };
}

const TARGET_AND_BUDGET_ROWS: Row[] = [
  {
    method: 'GET',
    route: '/api/v1/clusters/:key/targets',
    expect: everyone(200),
    send: get('/api/v1/clusters/:key/targets', '/api/v1/clusters/kyoto/targets'),
  },
  ...targetRows('sapporo', 'Sapporo, whose headquarters asks', OFFICE_AND_HQ),
  ...targetRows('kyoto', 'Kyoto, another cluster', OFFICE),
  {
    method: 'GET',
    route: '/api/v1/targets/summary',
    expect: everyone(200),
    send: get('/api/v1/targets/summary'),
  },
  {
    method: 'GET',
    route: '/api/v1/clusters/:key/targets',
    target: 'CSV download',
    expect: everyone(200),
    send: get('/api/v1/clusters/:key/targets', '/api/v1/clusters/kyoto/targets?format=csv'),
  },
  { method: 'GET', route: '/api/v1/budgets', expect: everyone(200), send: get('/api/v1/budgets') },
  {
    method: 'GET',
    route: '/api/v1/budgets/export',
    expect: everyone(200),
    send: get('/api/v1/budgets/export', '/api/v1/budgets/export?fy=2004'),
  },
  {
    method: 'GET',
    route: '/api/v1/budgets/summary',
    expect: everyone(200),
    send: get('/api/v1/budgets/summary'),
  },
  {
    method: 'GET',
    route: '/api/v1/budgets/summary',
    target: 'XLSX download',
    expect: everyone(200),
    send: get('/api/v1/budgets/summary', '/api/v1/budgets/summary?format=xlsx'),
  },
  {
    method: 'POST',
    route: '/api/v1/budgets',
    expect: only(OFFICE, 201),
    send: ({ client }) =>
      client.post('/api/v1/budgets', {
        cluster: null,
        fiscalYear: 2005,
        kind: 'mext_subsidy',
        amountYen: 10_000_000_000,
        source: `matrix ${unique()}`,
      }),
  },
  {
    method: 'PATCH',
    route: '/api/v1/budgets/:id',
    expect: only(OFFICE, 200),
    send: async ({ client, f }) => {
      const line = await officerBudgetLine(f);
      return client.patch(`/api/v1/budgets/${line.id}`, { version: line.version, amountYen: 2000 });
    },
  },
  {
    method: 'DELETE',
    route: '/api/v1/budgets/:id',
    expect: only(OFFICE, 200),
    send: async ({ client, f }) => {
      const line = await officerBudgetLine(f);
      return client.request('DELETE', `/api/v1/budgets/${line.id}?version=${line.version}`);
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Outcome reports: headquarters edit their own cluster's (Sapporo), the office reviews every cluster's.

let matrixReportFy = 2040;

/** A Sapporo (or other) report in `status`, written straight to the database: every ask needs its own. */
async function reportIn(f: Fixtures, key: string, status: string): Promise<{ id: number; version: number }> {
  matrixReportFy += 1;
  const at = new Date().toISOString();
  const result = await sql<{ id: number }>`insert into outcome_reports
      (cluster_id, fy_from, fy_to, status, report_version, source, created_at, updated_at)
    select id, ${matrixReportFy}, ${matrixReportFy}, ${status}, 1, 'permission matrix', ${at}, ${at}
    from clusters where key = ${key}
    returning id`.execute(f.t.database.db);
  return { id: Number(result.rows[0]!.id), version: 1 };
}

/** The seed's accepted FY2002–FY2004 report of Sapporo: public reading. */
async function seedReportId(f: Fixtures): Promise<number> {
  const result = await sql<{ id: number }>`select r.id from outcome_reports r
    join clusters c on c.id = r.cluster_id where c.key = 'sapporo' and r.fy_to = 2004`.execute(
    f.t.database.db,
  );
  return Number(result.rows[0]!.id);
}

const matrixPaper = () => ({
  kind: 'paper',
  title: `Matrix paper ${unique()}`,
  authors: 'Sato',
  venue: 'Nature',
  pubYear: 2005,
  scope: 'domestic',
});

/** A Sapporo draft holding one item the officer added; the item is at version 1. */
async function draftWithItem(f: Fixtures): Promise<{ id: number; itemId: number; item: object }> {
  const report = await reportIn(f, 'sapporo', 'draft');
  const item = matrixPaper();
  const res = await officerOf(f).post(`/api/v1/reports/${report.id}/items`, item);
  return { id: report.id, itemId: res.body.items[0].id, item };
}

/** The fiscal year each role starts a Sapporo report for (its funded period is FY2002–FY2006). */
const CREATE_FY: Partial<Record<Who, number>> = {
  administrator: 2004,
  programme_officer: 2005,
  cluster_headquarters: 2006,
};

const REPORT_ROWS: Row[] = [
  { method: 'GET', route: '/api/v1/reports', expect: only(OFFICE_AND_HQ, 200), send: get('/api/v1/reports') },
  {
    method: 'POST',
    route: '/api/v1/reports',
    expect: only(OFFICE_AND_HQ, 201),
    send: ({ client, who }) =>
      client.post('/api/v1/reports', { cluster: 'sapporo', fiscalYear: CREATE_FY[who] ?? 2003 }),
  },
  {
    method: 'GET',
    route: '/api/v1/reports/:id',
    expect: everyone(200),
    send: async ({ client, f }) => client.get(`/api/v1/reports/${await seedReportId(f)}`),
  },
  {
    method: 'GET',
    route: '/api/v1/reports/:id/versions',
    expect: everyone(200),
    send: async ({ client, f }) => client.get(`/api/v1/reports/${await seedReportId(f)}/versions`),
  },
  {
    method: 'PATCH',
    route: '/api/v1/reports/:id',
    expect: only(OFFICE_AND_HQ, 200),
    send: async ({ client, f }) => {
      const report = await reportIn(f, 'sapporo', 'draft');
      return client.patch(`/api/v1/reports/${report.id}`, { version: report.version, researcherCount: 12 });
    },
  },
  {
    method: 'POST',
    route: '/api/v1/reports/:id/items',
    expect: only(OFFICE_AND_HQ, 201),
    send: async ({ client, f }) => {
      const report = await reportIn(f, 'sapporo', 'draft');
      return client.post(`/api/v1/reports/${report.id}/items`, matrixPaper());
    },
  },
  {
    method: 'PATCH',
    route: '/api/v1/reports/:id/items/:itemId',
    expect: only(OFFICE_AND_HQ, 200),
    send: async ({ client, f }) => {
      const { id, itemId, item } = await draftWithItem(f);
      return client.patch(`/api/v1/reports/${id}/items/${itemId}`, { ...item, venue: 'Science', version: 1 });
    },
  },
  {
    method: 'DELETE',
    route: '/api/v1/reports/:id/items/:itemId',
    expect: only(OFFICE_AND_HQ, 200),
    send: async ({ client, f }) => {
      const { id, itemId } = await draftWithItem(f);
      return client.request('DELETE', `/api/v1/reports/${id}/items/${itemId}?version=1`);
    },
  },
  {
    method: 'POST',
    route: '/api/v1/reports/:id/submit',
    expect: only(OFFICE_AND_HQ, 200),
    send: async ({ client, f }) => {
      const report = await reportIn(f, 'sapporo', 'draft');
      return client.post(`/api/v1/reports/${report.id}/submit`, { version: report.version });
    },
  },
  {
    method: 'POST',
    route: '/api/v1/reports/:id/return',
    expect: only(OFFICE, 200),
    send: async ({ client, f }) => {
      const report = await reportIn(f, 'sapporo', 'submitted');
      return client.post(`/api/v1/reports/${report.id}/return`, {
        version: report.version,
        comment: 'Add notes',
      });
    },
  },
  {
    method: 'POST',
    route: '/api/v1/reports/:id/accept',
    expect: only(OFFICE, 200),
    send: async ({ client, f }) => {
      const report = await reportIn(f, 'sapporo', 'submitted');
      return client.post(`/api/v1/reports/${report.id}/accept`, { version: report.version });
    },
  },
  {
    method: 'POST',
    route: '/api/v1/reports/:id/correct',
    expect: only(OFFICE_AND_HQ, 201),
    send: async ({ client, f }) => {
      const report = await reportIn(f, 'sapporo', 'accepted');
      return client.post(`/api/v1/reports/${report.id}/correct`, { version: report.version, reason: 'Typo' });
    },
  },
  {
    method: 'GET',
    route: '/api/v1/reporting-status',
    expect: only(OFFICE, 200),
    send: get('/api/v1/reporting-status', '/api/v1/reporting-status?fy=2005'),
  },
  {
    method: 'GET',
    route: '/api/v1/reporting-status',
    target: 'CSV download',
    expect: only(OFFICE, 200),
    send: get('/api/v1/reporting-status', '/api/v1/reporting-status?fy=2005&format=csv'),
  },
  {
    method: 'GET',
    route: '/api/v1/report-deadlines',
    expect: everyone(200),
    send: get('/api/v1/report-deadlines'),
  },
  {
    method: 'PUT',
    route: '/api/v1/report-deadlines/:fy',
    expect: only(OFFICE, 200),
    // A year of its own per role, so the roles asking at once each create one.
    send: ({ client, who }) =>
      client.request('PUT', `/api/v1/report-deadlines/${2060 + WHO.indexOf(who)}`, { dueOn: '2070-06-30' }),
  },
  { method: 'GET', route: '/api/v1/me/reporting', expect: signedIn(200), send: get('/api/v1/me/reporting') },
];

/** A targets file for Sapporo, the cluster of the matrix's headquarters; each role imports its own. */
const IMPORT_CSV = 'cluster,indicator,fiscal_year,target\nsapporo,awards,2031,4\n';

/** A job the asker may see (its own upload), or an officer's for roles without import:run. */
async function importJobFor(ask: Ask, validated = false): Promise<{ id: number; version: number }> {
  const owner = OFFICE_AND_HQ.includes(ask.who as Role) ? ask.client : officerOf(ask.f);
  const res = await uploadImport(owner, 'targets', { name: 'matrix.csv', content: IMPORT_CSV });
  if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${JSON.stringify(res.body)}`);
  let job = res.body as { id: number; version: number; status: string };
  while (validated && ['queued', 'validating'].includes(job.status)) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    job = (await owner.get(`/api/v1/imports/${job.id}`)).body;
  }
  return job;
}

const IMPORT_ROWS: Row[] = [
  {
    method: 'POST',
    route: '/api/v1/imports',
    expect: only(OFFICE_AND_HQ, 202),
    send: ({ client }) => uploadImport(client, 'targets', { name: 'matrix.csv', content: IMPORT_CSV }),
  },
  { method: 'GET', route: '/api/v1/imports', expect: only(OFFICE_AND_HQ, 200), send: get('/api/v1/imports') },
  {
    method: 'GET',
    route: '/api/v1/imports/templates/:kind',
    expect: only(OFFICE_AND_HQ, 200),
    send: get('/api/v1/imports/templates/:kind', '/api/v1/imports/templates/targets'),
  },
  {
    method: 'GET',
    route: '/api/v1/imports/:id',
    expect: only(OFFICE_AND_HQ, 200),
    send: async (ask) => ask.client.get(`/api/v1/imports/${(await importJobFor(ask)).id}`),
  },
  {
    method: 'POST',
    route: '/api/v1/imports/:id/commit',
    expect: only(OFFICE_AND_HQ, 202),
    send: async (ask) => {
      const job = await importJobFor(ask, true);
      return ask.client.post(`/api/v1/imports/${job.id}/commit`, { version: job.version });
    },
  },
  {
    method: 'POST',
    route: '/api/v1/imports/:id/cancel',
    expect: only(OFFICE_AND_HQ, 200),
    send: async (ask) => ask.client.post(`/api/v1/imports/${(await importJobFor(ask, true)).id}/cancel`),
  },
];

const MATRIX: Row[] = [
  // Outside /api/v1: health and the API description are public.
  { method: 'GET', route: '/healthz', expect: everyone(200), send: get('/healthz') },
  { method: 'GET', route: '/api/openapi.json', expect: everyone(200), send: get('/api/openapi.json') },

  // Sessions: everyone may sign in and out; only accounts have a self to edit.
  { method: 'GET', route: '/api/v1/auth/session', expect: everyone(200), send: get('/api/v1/auth/session') },
  {
    method: 'POST',
    route: '/api/v1/auth/sign-in',
    expect: everyone(200),
    send: async (ask) => {
      if (ask.who === 'anonymous') {
        const account = await createAccount(ask.f.t, 'evaluator');
        return ask.f.t.anonymous().signIn(account.email, account.password);
      }
      const { client, email, password } = await freshSession(ask);
      return client.signIn(email, password);
    },
  },
  {
    method: 'POST',
    route: '/api/v1/auth/sign-out',
    expect: everyone(200),
    send: async (ask) => (await freshSession(ask)).client.post('/api/v1/auth/sign-out'),
  },
  {
    method: 'PATCH',
    route: '/api/v1/auth/me',
    expect: signedIn(200),
    send: ({ client }) => client.patch('/api/v1/auth/me', { locale: 'en' }),
  },
  {
    method: 'POST',
    route: '/api/v1/auth/password',
    expect: signedIn(200),
    send: async (ask) => {
      // An account of its own: changing the password ends the account's other sessions.
      const { client, password } =
        ask.who === 'anonymous'
          ? { client: ask.f.t.anonymous(), password: '' }
          : await signInNew(ask.f.t, ask.who, ask.f.options[ask.who]);
      return client.post('/api/v1/auth/password', {
        currentPassword: password || 'whatever it was',
        newPassword: `a new long password ${unique()}`,
      });
    },
  },

  // Public reading.
  { method: 'GET', route: '/api/v1/programme', expect: everyone(200), send: get('/api/v1/programme') },
  { method: 'GET', route: '/api/v1/reference', expect: everyone(200), send: get('/api/v1/reference') },
  {
    method: 'GET',
    route: '/api/v1/criteria-templates',
    expect: everyone(200),
    send: get('/api/v1/criteria-templates'),
  },
  {
    method: 'GET',
    route: '/api/v1/criteria-templates/:key',
    expect: everyone(200),
    send: get('/api/v1/criteria-templates/:key', '/api/v1/criteria-templates/selection-2001'),
  },
  { method: 'GET', route: '/api/v1/clusters', expect: everyone(200), send: get('/api/v1/clusters') },
  {
    method: 'GET',
    route: '/api/v1/clusters/:key',
    expect: everyone(200),
    send: get('/api/v1/clusters/:key', '/api/v1/clusters/kyoto'),
  },
  {
    method: 'GET',
    route: '/api/v1/clusters/:key/outcomes',
    expect: everyone(200),
    send: get('/api/v1/clusters/:key/outcomes', '/api/v1/clusters/kyoto/outcomes'),
  },
  {
    method: 'GET',
    route: '/api/v1/outcome-table',
    expect: everyone(200),
    send: get('/api/v1/outcome-table'),
  },
  // Analytics and open data: public, anonymous included.
  {
    method: 'GET',
    route: '/api/v1/analytics/indicator',
    expect: everyone(200),
    send: get('/api/v1/analytics/indicator', '/api/v1/analytics/indicator?indicator=awards&groupBy=cohort'),
  },
  {
    method: 'GET',
    route: '/api/v1/analytics/map',
    expect: everyone(200),
    send: get('/api/v1/analytics/map'),
  },
  {
    method: 'GET',
    route: '/api/v1/open/clusters',
    expect: everyone(200),
    send: get('/api/v1/open/clusters'),
  },
  {
    method: 'GET',
    route: '/api/v1/open/organizations',
    expect: everyone(200),
    send: get('/api/v1/open/organizations'),
  },
  {
    method: 'GET',
    route: '/api/v1/open/outcomes',
    expect: everyone(200),
    send: get('/api/v1/open/outcomes'),
  },
  {
    method: 'GET',
    route: '/api/v1/open/outcome-items',
    expect: everyone(200),
    send: get('/api/v1/open/outcome-items', '/api/v1/open/outcome-items?format=csv'),
  },
  { method: 'GET', route: '/api/v1/open/budgets', expect: everyone(200), send: get('/api/v1/open/budgets') },
  {
    method: 'GET',
    route: '/api/v1/organizations',
    expect: everyone(200),
    send: get('/api/v1/organizations'),
  },
  {
    method: 'GET',
    route: '/api/v1/organizations/:id',
    expect: everyone(200),
    send: ({ client, f }) => client.get(`/api/v1/organizations/${f.organizationId}`),
  },
  { method: 'GET', route: '/api/v1/people', expect: everyone(200), send: get('/api/v1/people') },
  {
    method: 'GET',
    route: '/api/v1/people/:id',
    expect: everyone(200),
    send: ({ client, f }) => client.get(`/api/v1/people/${f.personId}`),
  },

  // Clusters: the programme office creates; headquarters edit only their own cluster.
  {
    method: 'POST',
    route: '/api/v1/clusters',
    expect: only(OFFICE, 201),
    send: ({ client }) => client.post('/api/v1/clusters', clusterBody()),
  },
  ...clusterRows('sapporo', 'Sapporo, whose headquarters asks', OFFICE_AND_HQ),
  ...clusterRows('kyoto', 'Kyoto, another cluster', OFFICE),

  // Organizations and people: headquarters may add, only the office edits.
  {
    method: 'POST',
    route: '/api/v1/organizations',
    expect: only(OFFICE_AND_HQ, 201),
    send: ({ client }) => client.post('/api/v1/organizations', organizationBody()),
  },
  {
    method: 'PATCH',
    route: '/api/v1/organizations/:id',
    expect: only(OFFICE, 200),
    send: async ({ client, f }) => {
      const organization = await createOrganization(officerOf(f));
      return client.patch(`/api/v1/organizations/${organization.id}`, {
        version: 1,
        url: 'https://edited.example.jp/',
      });
    },
  },
  {
    method: 'POST',
    route: '/api/v1/people',
    expect: only(OFFICE_AND_HQ, 201),
    send: ({ client }) => client.post('/api/v1/people', personBody()),
  },
  {
    method: 'PATCH',
    route: '/api/v1/people/:id',
    expect: only(OFFICE, 200),
    send: async ({ client, f }) => {
      const person = await createPerson(officerOf(f));
      return client.patch(`/api/v1/people/${person.id}`, { version: 1, title: { ja: '', en: 'Director' } });
    },
  },
  {
    method: 'POST',
    route: '/api/v1/organizations/:id/withdraw',
    expect: only(OFFICE, 200),
    send: async ({ client, f }) => {
      const organization = await createOrganization(officerOf(f));
      return client.post(`/api/v1/organizations/${organization.id}/withdraw`, { version: 1 });
    },
  },
  {
    method: 'POST',
    route: '/api/v1/people/:id/withdraw',
    expect: only(OFFICE, 200),
    send: async ({ client, f }) => {
      const person = await createPerson(officerOf(f));
      return client.post(`/api/v1/people/${person.id}/withdraw`, { version: 1 });
    },
  },

  // Accounts and the audit log: administrators only.
  { method: 'GET', route: '/api/v1/accounts', expect: only(ADMIN, 200), send: get('/api/v1/accounts') },
  {
    method: 'POST',
    route: '/api/v1/accounts',
    expect: only(ADMIN, 201),
    send: ({ client }) =>
      client.post('/api/v1/accounts', {
        email: `matrix-${unique()}@example.jp`,
        displayName: 'Matrix',
        password: 'a long enough password',
        grants: [{ role: 'evaluator' }],
      }),
  },
  {
    method: 'GET',
    route: '/api/v1/accounts/:id',
    expect: only(ADMIN, 200),
    send: ({ client, f }) => client.get(`/api/v1/accounts/${f.targetAccountId}`),
  },
  {
    method: 'PATCH',
    route: '/api/v1/accounts/:id',
    serial: true,
    expect: only(ADMIN, 200),
    send: async ({ client, f }) =>
      client.patch(`/api/v1/accounts/${f.targetAccountId}`, {
        version: await accountVersion(f, f.targetAccountId),
        displayName: `Target ${unique()}`,
      }),
  },
  {
    method: 'POST',
    route: '/api/v1/accounts/:id/grants',
    serial: true,
    expect: only(ADMIN, 200),
    send: async ({ client, f }) => {
      // Valid for whoever asks: the target does not hold the grant yet.
      await sql`update role_grants set revoked_at = ${new Date().toISOString()}
        where account_id = ${f.targetAccountId} and role = 'coordinator'`.execute(f.t.database.db);
      return client.post(`/api/v1/accounts/${f.targetAccountId}/grants`, {
        role: 'coordinator',
        clusterKey: 'kyoto',
      });
    },
  },
  {
    method: 'POST',
    route: '/api/v1/accounts/:id/grants/:grantId/revoke',
    expect: only(ADMIN, 200),
    send: async ({ client, f }) => {
      const granted = await sql<{ id: number }>`insert into role_grants
          (account_id, role, scope_type, scope_id, created_at, revoked_at)
        values (${f.targetAccountId}, 'weighting_member', 'programme', null, ${new Date().toISOString()}, null)
        returning id`.execute(f.t.database.db);
      return client.post(`/api/v1/accounts/${f.targetAccountId}/grants/${granted.rows[0]!.id}/revoke`);
    },
  },
  {
    method: 'POST',
    route: '/api/v1/accounts/:id/reset-password',
    expect: only(ADMIN, 200),
    send: ({ client, f }) => client.post(`/api/v1/accounts/${f.targetAccountId}/reset-password`),
  },
  { method: 'GET', route: '/api/v1/audit', expect: only(ADMIN, 200), send: get('/api/v1/audit') },
  {
    method: 'GET',
    route: '/api/v1/audit/verify',
    expect: only(ADMIN, 200),
    send: get('/api/v1/audit/verify'),
  },
  ...TARGET_AND_BUDGET_ROWS,
  ...REPORT_ROWS,
  ...IMPORT_ROWS,
  ...SELECTION_MATRIX.flatMap((part) => part.rows),
  ...EVALUATION_MATRIX.flatMap((part) => part.rows),
  ...MATCHING_MATRIX.rows,
  ...INDUSTRIAL_CLUSTER_MATRIX.rows,
];

const PARTS: MatrixPart[] = [
  ...SELECTION_MATRIX,
  ...EVALUATION_MATRIX,
  MATCHING_MATRIX,
  INDUSTRIAL_CLUSTER_MATRIX,
];

/** Routes the matrix leaves out on purpose: the Swagger UI's own pages and assets. */
const NOT_IN_MATRIX = /^\/api\/docs(\/|$)/;

/** Every method+path Fastify knows, read from its route tree (HEAD routes mirror GET and are left out). */
function registeredRoutes(printed: string): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of printed.split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + match[2]!;
    stack[depth] = path;
    for (const method of (match[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD'))
      routes.push(`${method} ${path}`);
  }
  return routes;
}

describe.each(ENGINES)('the permission matrix on %s', (engine) => {
  const f = { clients: new Map<Who, HttpClient>(), credentials: new Map(), parts: new Map() } as Fixtures;
  beforeAll(async () => {
    f.t = await buildTestApp(engine);
    const officer = await signInNew(f.t, 'programme_officer');
    f.clients.set('programme_officer', officer.client);
    f.credentials.set('programme_officer', officer);
    const company = await createOrganization(officer.client, { kind: 'company' });
    f.organizationId = company.id;
    f.personId = (await createPerson(officer.client, { organizationId: company.id })).id;
    f.proposerOrganizationId = (await createOrganization(officer.client, { kind: 'local_government' })).id;
    f.options = {
      administrator: {},
      programme_officer: {},
      cluster_headquarters: { clusterKey: 'sapporo' },
      evaluator: {},
      weighting_member: {},
      coordinator: {},
      partner_company: { scopeType: 'organization', scopeId: company.id },
      proposer: { scopeType: 'organization', scopeId: f.proposerOrganizationId },
    };
    f.clients.set('anonymous', f.t.anonymous());
    await Promise.all(
      ROLES.filter((role) => role !== 'programme_officer').map(async (role) => {
        const account = await signInNew(f.t, role, f.options[role]);
        f.clients.set(role, account.client);
        f.credentials.set(role, account);
      }),
    );
    f.targetAccountId = (await createAccount(f.t, 'evaluator')).id;
    for (const part of PARTS) await part.setup?.(f);
  });
  afterAll(async () => f.t?.close());

  it('has a row for every route the app registers, and no row for a route it does not', () => {
    const registered = registeredRoutes(f.t.app.printRoutes({ commonPrefix: false })).filter(
      (r) => !NOT_IN_MATRIX.test(r.split(' ')[1]!),
    );
    const covered = [...new Set(MATRIX.map((row) => `${row.method} ${row.route}`))];

    expect(registered.length).toBeGreaterThan(30);
    expect([...covered].sort()).toEqual([...registered].sort());
    for (const row of MATRIX)
      expect(f.t.app.hasRoute({ method: row.method, url: row.route }), row.route).toBe(true);
  });

  describe.each(
    MATRIX.map((row) => [`${row.method} ${row.route}${row.target ? ` (${row.target})` : ''}`, row] as const),
  )('%s', (_title, row) => {
    // The roles of a row ask at the same time, except where they edit one shared record at its version.
    (row.serial ? it : it.concurrent).for(WHO.map((who) => [row.expect[who], who] as const))(
      'answers %i to %s',
      async ([status, who], { expect }) => {
        const client = who === 'anonymous' ? f.t.anonymous() : f.clients.get(who)!;

        const res = await row.send({ who, client, f });

        expect(res.status, JSON.stringify(res.body)).toBe(status);
        if (status >= 400) {
          expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
          expect(res.body.code).toBe(status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        }
      },
    );
  });
});
