/**
 * The permission matrix's shared shapes (src/server/modules/permissions.test.ts): features with many
 * routes keep their rows in a `<feature>.matrix.ts` part beside their module, with the fixtures
 * those rows need, so the matrix stays one test without one enormous file.
 */
import { ROLES, type Role } from '../../src/domain/permissions';
import type { HttpClient, Response } from './http-client';
import type { AccountOptions } from './factories';
import type { TestApp } from './test-app';

export type Who = 'anonymous' | Role;
export const WHO: Who[] = ['anonymous', ...ROLES];
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface Fixtures {
  t: TestApp;
  clients: Map<Who, HttpClient>;
  options: Record<Role, AccountOptions>;
  /** The e-mail and password of each role's long-lived account, to open extra sessions cheaply. */
  credentials: Map<Role, { email: string; password: string }>;
  organizationId: number;
  personId: number;
  /** An account only administrators may touch. */
  targetAccountId: number;
  /** The local government the proposer account drafts for. */
  proposerOrganizationId: number;
  /** What each matrix part's setup built, by part name. */
  parts: Map<string, unknown>;
}

/** A feature's rows and the fixtures they need, built once per engine before any row asks. */
export interface MatrixPart {
  name: string;
  setup?: (f: Fixtures) => Promise<void>;
  rows: Row[];
}

/** GET `path` as the asking client. */
export function get(route: string, path: string = route): Row['send'] {
  return ({ client }) => client.get(path);
}

export const officerOf = (f: Fixtures) => f.clients.get('programme_officer')!;

export interface Ask {
  who: Who;
  /** The long-lived client signed in as `who` (anonymous: a fresh one). */
  client: HttpClient;
  f: Fixtures;
}

export interface Row {
  method: Method;
  /** The route as Fastify registers it. */
  route: string;
  /** Which instance the row asks about, when a route has several rows (Sapporo vs Kyoto). */
  target?: string;
  expect: Record<Who, number>;
  /** The request edits one shared record at its current version, so the roles must ask one after another. */
  serial?: boolean;
  send: (ask: Ask) => Promise<Response>;
}

// ---------------------------------------------------------------------------------------------
// Expected answers

export const everyone = (status: number): Record<Who, number> =>
  Object.fromEntries(WHO.map((who) => [who, status])) as Record<Who, number>;

export const signedIn = (status: number): Record<Who, number> => ({ ...everyone(status), anonymous: 401 });

/** The listed roles succeed with `status`; other roles get 403 and the public 401. */
export const only = (roles: Role[], status: number): Record<Who, number> =>
  Object.fromEntries(
    WHO.map((who) => [who, who === 'anonymous' ? 401 : roles.includes(who) ? status : 403]),
  ) as Record<Who, number>;

export const OFFICE: Role[] = ['administrator', 'programme_officer'];
