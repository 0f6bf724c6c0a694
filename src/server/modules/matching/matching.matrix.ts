/**
 * Seeds to business in the permission matrix: seeds, needs, suggestions and the pipeline. Rows
 * that change a listing or a match take a fresh one per asking role, so every role asks the same
 * question of the same state. Headquarters are Sapporo's; the partner company is the matrix's
 * company (f.organizationId).
 */
import type { HttpClient, Response } from '../../../../test/support/http-client';
import { needBody, seedBody } from '../../../../test/support/matching';
import {
  everyone,
  type Fixtures,
  get,
  type MatrixPart,
  OFFICE,
  only,
} from '../../../../test/support/permission-matrix';
import type { Role } from '../../../domain/permissions';

const COORDINATORS: Role[] = [...OFFICE, 'coordinator'];
const SEED_EDITORS: Role[] = [...COORDINATORS, 'cluster_headquarters'];
const NEED_EDITORS: Role[] = [...COORDINATORS, 'partner_company'];
const PARTIES: Role[] = [...COORDINATORS, 'cluster_headquarters', 'partner_company'];

interface MatchingFixtures {
  seedId: number;
  needId: number;
  matchId: number;
}

function fx(f: Fixtures): MatchingFixtures {
  return f.parts.get('matching') as MatchingFixtures;
}

const coordinatorOf = (f: Fixtures): HttpClient => f.clients.get('coordinator')!;

function expectOk(res: Response, status: number, what: string): Record<string, unknown> {
  if (res.status !== status)
    throw new Error(`matrix ${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}

/** A draft seed of Sapporo (version 1), written by the coordinator. */
async function draftSeed(f: Fixtures): Promise<number> {
  return expectOk(await coordinatorOf(f).post('/api/v1/seeds', seedBody()), 201, 'seed').id as number;
}

async function draftNeed(f: Fixtures): Promise<number> {
  return expectOk(await coordinatorOf(f).post('/api/v1/needs', needBody(f.organizationId)), 201, 'need')
    .id as number;
}

async function publish(f: Fixtures, kind: 'seeds' | 'needs', id: number): Promise<void> {
  const c = coordinatorOf(f);
  const submitted = expectOk(
    await c.post(`/api/v1/${kind}/${id}/actions`, { action: 'submit', version: 1 }),
    200,
    'submit',
  );
  expectOk(
    await c.post(`/api/v1/${kind}/${id}/actions`, { action: 'publish', version: submitted.version }),
    200,
    'publish',
  );
}

async function livePair(f: Fixtures): Promise<{ seedId: number; needId: number }> {
  const seedId = await draftSeed(f);
  const needId = await draftNeed(f);
  await publish(f, 'seeds', seedId);
  await publish(f, 'needs', needId);
  return { seedId, needId };
}

async function freshMatch(f: Fixtures, interested: boolean): Promise<{ id: number; version: number }> {
  const c = coordinatorOf(f);
  const match = expectOk(await c.post('/api/v1/matches', await livePair(f)), 201, 'match');
  let version = match.version as number;
  if (interested)
    for (const side of ['seed', 'need']) {
      const answered = await c.post(`/api/v1/matches/${String(match.id)}/answers`, {
        side,
        answer: 'interested',
        interest: { offer: 'o', seek: 's', next: 'n' },
        version,
      });
      version = expectOk(answered, 200, 'answer').version as number;
    }
  return { id: match.id as number, version };
}

export const MATCHING_MATRIX: MatrixPart = {
  name: 'matching',
  async setup(f) {
    const pair = await livePair(f);
    const match = expectOk(await coordinatorOf(f).post('/api/v1/matches', pair), 201, 'match');
    f.parts.set('matching', { ...pair, matchId: match.id as number });
  },
  rows: [
    { method: 'GET', route: '/api/v1/seeds', expect: everyone(200), send: get('/api/v1/seeds') },
    {
      method: 'POST',
      route: '/api/v1/seeds',
      expect: only(SEED_EDITORS, 201),
      send: ({ client }) => client.post('/api/v1/seeds', seedBody()),
    },
    {
      method: 'GET',
      route: '/api/v1/seeds/:id',
      expect: everyone(200),
      send: ({ client, f }) => client.get(`/api/v1/seeds/${fx(f).seedId}`),
    },
    {
      method: 'PATCH',
      route: '/api/v1/seeds/:id',
      expect: only(SEED_EDITORS, 200),
      send: async ({ client, f }) =>
        client.patch(`/api/v1/seeds/${await draftSeed(f)}`, { version: 1, stage: 'prototype' }),
    },
    {
      method: 'POST',
      route: '/api/v1/seeds/:id/actions',
      expect: only(SEED_EDITORS, 200),
      send: async ({ client, f }) =>
        client.post(`/api/v1/seeds/${await draftSeed(f)}/actions`, { action: 'submit', version: 1 }),
    },
    {
      method: 'GET',
      route: '/api/v1/seeds/:id/matching-needs',
      expect: only(SEED_EDITORS, 200),
      send: ({ client, f }) => client.get(`/api/v1/seeds/${fx(f).seedId}/matching-needs`),
    },
    { method: 'GET', route: '/api/v1/needs', expect: everyone(200), send: get('/api/v1/needs') },
    {
      method: 'POST',
      route: '/api/v1/needs',
      expect: only(NEED_EDITORS, 201),
      send: ({ client, f }) => client.post('/api/v1/needs', needBody(f.organizationId)),
    },
    {
      method: 'GET',
      route: '/api/v1/needs/:id',
      expect: everyone(200),
      send: ({ client, f }) => client.get(`/api/v1/needs/${fx(f).needId}`),
    },
    {
      method: 'PATCH',
      route: '/api/v1/needs/:id',
      expect: only(NEED_EDITORS, 200),
      send: async ({ client, f }) =>
        client.patch(`/api/v1/needs/${await draftNeed(f)}`, { version: 1, wantedBy: '2006-03-31' }),
    },
    {
      method: 'POST',
      route: '/api/v1/needs/:id/actions',
      expect: only(NEED_EDITORS, 200),
      send: async ({ client, f }) =>
        client.post(`/api/v1/needs/${await draftNeed(f)}/actions`, { action: 'submit', version: 1 }),
    },
    {
      method: 'GET',
      route: '/api/v1/needs/:id/matching-seeds',
      expect: only(NEED_EDITORS, 200),
      send: ({ client, f }) => client.get(`/api/v1/needs/${fx(f).needId}/matching-seeds`),
    },
    {
      method: 'GET',
      route: '/api/v1/coordinators',
      expect: only(PARTIES, 200),
      send: get('/api/v1/coordinators'),
    },
    { method: 'GET', route: '/api/v1/matches', expect: only(PARTIES, 200), send: get('/api/v1/matches') },
    {
      method: 'GET',
      route: '/api/v1/matches/coordinator-summary',
      expect: only(COORDINATORS, 200),
      send: get('/api/v1/matches/coordinator-summary'),
    },
    {
      method: 'POST',
      route: '/api/v1/matches',
      expect: only(COORDINATORS, 201),
      send: async ({ client, f }) => client.post('/api/v1/matches', await livePair(f)),
    },
    {
      method: 'GET',
      route: '/api/v1/matches/:id',
      expect: only(PARTIES, 200),
      send: ({ client, f }) => client.get(`/api/v1/matches/${fx(f).matchId}`),
    },
    {
      method: 'POST',
      route: '/api/v1/matches/:id/answers',
      expect: only(PARTIES, 200),
      send: async ({ client, f, who }) => {
        const match = await freshMatch(f, false);
        return client.post(`/api/v1/matches/${match.id}/answers`, {
          side: who === 'partner_company' ? 'need' : 'seed',
          answer: 'declined',
          version: match.version,
        });
      },
    },
    {
      method: 'POST',
      route: '/api/v1/matches/:id/steps',
      expect: only(COORDINATORS, 201),
      send: async ({ client, f }) => {
        const match = await freshMatch(f, true);
        return client.post(`/api/v1/matches/${match.id}/steps`, {
          step: 'introduction',
          occurredOn: '2005-05-10',
          version: match.version,
        });
      },
    },
    {
      method: 'POST',
      route: '/api/v1/matches/:id/close',
      expect: only(COORDINATORS, 200),
      send: async ({ client, f }) => {
        const match = await freshMatch(f, false);
        return client.post(`/api/v1/matches/${match.id}/close`, {
          reason: 'no budget',
          version: match.version,
        });
      },
    },
  ],
};
