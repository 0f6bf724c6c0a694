/**
 * Factories for API tests: valid request bodies with unique names, records created through the
 * HTTP API (so every factory call is a real, audited write), accounts with known passwords, and
 * small assertions shared by the suites (problem+json, "nothing was written").
 */
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { GrantInput } from '../../src/contracts/accounts';
import type { Role } from '../../src/domain/permissions';
import { systemContext } from '../../src/server/context';
import { createAccount as createAccountRecord } from '../../src/server/modules/accounts/account.service';
import type { HttpClient, Response } from './http-client';
import type { TestApp } from './test-app';

let sequence = 0;

/** A short token unique within this test process, for keys, names and e-mail addresses. */
export function unique(): string {
  sequence += 1;
  return `${process.pid.toString(36)}${sequence}`;
}

// ---------------------------------------------------------------------------------------------
// Request bodies

export function organizationBody(overrides: Record<string, unknown> = {}) {
  const n = unique();
  return {
    kind: 'university',
    name: { ja: `テスト大学${n}`, en: `Test University ${n}` },
    prefectureCode: '01',
    url: `https://univ-${n}.example.jp/`,
    source: 'test factory',
    ...overrides,
  };
}

export function personBody(overrides: Record<string, unknown> = {}) {
  const n = unique();
  return {
    name: { ja: `試験 太郎${n}`, en: `Taro Test ${n}` },
    title: { ja: '教授', en: 'Professor' },
    email: `taro-${n}@example.jp`,
    source: 'test factory',
    ...overrides,
  };
}

export function clusterBody(overrides: Record<string, unknown> = {}) {
  const n = unique();
  return {
    key: `test-cluster-${n}`,
    name: { ja: `試験クラスター${n}`, en: `Test Cluster ${n}` },
    keyField: 'it',
    prefectureCodes: ['01'],
    startFy: 2005,
    // Unpublished unless a test says otherwise, so the public's view of the 18 reference clusters stays as loaded.
    isPublished: false,
    source: 'test factory',
    ...overrides,
  };
}

export function memberBody(organizationId: number, overrides: Record<string, unknown> = {}) {
  return {
    organizationId,
    role: 'university',
    fromFy: 2002,
    toFy: 2006,
    note: 'core university',
    ...overrides,
  };
}

export function staffBody(personId: number, overrides: Record<string, unknown> = {}) {
  return { personId, role: 'coordinator', fromFy: 2002, toFy: null, note: null, ...overrides };
}

// ---------------------------------------------------------------------------------------------
// Records created through the API

function created<T>(response: Response<T>, what: string): T {
  if (response.status !== 201) {
    throw new Error(`creating ${what} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** POST /api/v1/organizations as `client` (an officer, administrator or headquarters). */
export async function createOrganization(client: HttpClient, overrides: Record<string, unknown> = {}) {
  return created(await client.post('/api/v1/organizations', organizationBody(overrides)), 'an organization');
}

/** POST /api/v1/people as `client`. */
export async function createPerson(client: HttpClient, overrides: Record<string, unknown> = {}) {
  return created(await client.post('/api/v1/people', personBody(overrides)), 'a person');
}

/** POST /api/v1/clusters as `client` (an officer or administrator). */
export async function createCluster(client: HttpClient, overrides: Record<string, unknown> = {}) {
  return created(await client.post('/api/v1/clusters', clusterBody(overrides)), 'a cluster');
}

/** Adds a new organization to the cluster as a member; returns the member. */
export async function addMember(
  client: HttpClient,
  clusterKey: string,
  overrides: Record<string, unknown> = {},
) {
  const organizationId =
    (overrides.organizationId as number | undefined) ?? (await createOrganization(client)).id;
  return created(
    await client.post(`/api/v1/clusters/${clusterKey}/members`, memberBody(organizationId, overrides)),
    'a member',
  );
}

/** Adds a new person to the cluster's staff; returns the staff entry. */
export async function addStaff(
  client: HttpClient,
  clusterKey: string,
  overrides: Record<string, unknown> = {},
) {
  const personId = (overrides.personId as number | undefined) ?? (await createPerson(client)).id;
  return created(
    await client.post(`/api/v1/clusters/${clusterKey}/staff`, staffBody(personId, overrides)),
    'staff',
  );
}

// ---------------------------------------------------------------------------------------------
// Accounts

export interface TestAccount {
  id: number;
  email: string;
  password: string;
}

export interface AccountOptions {
  /** For a headquarters (or cluster-scoped coordinator) grant. */
  clusterKey?: string;
  /** For grants scoped to an organization, round or call (a partner company names its organization). */
  scopeType?: 'organization' | 'round' | 'call';
  scopeId?: number;
  email?: string;
  password?: string;
  locale?: 'ja' | 'en';
}

/** Creates an account (as the system, like the CLI does) holding `role`; the password is known to the test. */
export async function createAccount(
  t: TestApp,
  role: Role | null,
  options: AccountOptions = {},
): Promise<TestAccount> {
  const n = unique();
  const email = options.email ?? `${(role ?? 'nobody').replace(/_/g, '-')}-${n}@example.jp`;
  const password = options.password ?? `a long test password ${n}`;
  const grants: GrantInput[] =
    role === null
      ? []
      : [
          options.clusterKey
            ? { role, clusterKey: options.clusterKey }
            : options.scopeId !== undefined
              ? { role, scopeType: options.scopeType, scopeId: options.scopeId }
              : { role },
        ];
  const result = await createAccountRecord(systemContext(t.database.db, 'test'), {
    email,
    displayName: `${role ?? 'nobody'} ${n}`,
    locale: options.locale ?? 'en',
    password,
    grants,
  });
  return { id: result.account.id, email, password };
}

/** Creates an account holding `role` and signs it in on a new client. */
export async function signInNew(
  t: TestApp,
  role: Role,
  options: AccountOptions = {},
): Promise<TestAccount & { client: HttpClient }> {
  const account = await createAccount(t, role, options);
  const client = t.anonymous();
  const response = await client.signIn(account.email, account.password);
  if (response.status !== 200)
    throw new Error(`sign-in answered ${response.status}: ${JSON.stringify(response.body)}`);
  return { ...account, client };
}

// ---------------------------------------------------------------------------------------------
// Assertions and database probes

/** Asserts an application/problem+json answer with this status and code, naming `field` when given. */
export function expectProblem(response: Response, status: number, code: string, field?: string): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(String(response.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String) });
  expect(response.body.requestId).toBe(response.headers['x-request-id']);
  if (field !== undefined) {
    const fields = ((response.body.errors ?? []) as { field: string }[]).map((e) => e.field);
    expect(fields, JSON.stringify(response.body)).toContain(field);
  }
}

/** Number of rows in a table, read straight from the database (to prove nothing was written). */
export async function countRows(t: TestApp, table: string): Promise<number> {
  const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
    t.database.db,
  );
  return Number(result.rows[0]!.n);
}

/** Row counts of every table a write in these suites may touch. */
export async function snapshotCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = [
    'audit_log',
    'clusters',
    'cluster_prefectures',
    'cluster_members',
    'cluster_staff',
    'organizations',
    'people',
    'accounts',
    'role_grants',
    'sessions',
  ];
  const counts = await Promise.all(tables.map((table) => countRows(t, table)));
  return Object.fromEntries(tables.map((table, i) => [table, counts[i]!]));
}

export interface AuditRow {
  seq: number;
  actor_account_id: number | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
}

/** The newest audit entry, read from the database. */
export async function lastAuditEntry(t: TestApp): Promise<AuditRow> {
  const result = await sql<AuditRow>`select * from audit_log order by seq desc limit 1`.execute(
    t.database.db,
  );
  return result.rows[0]!;
}
