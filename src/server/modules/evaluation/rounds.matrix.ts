/**
 * The rounds slice's rows of the permission matrix: officers open and run rounds, name members,
 * assign evaluators and record conflicts; everyone reads a round once it has opened. Rows whose
 * success consumes something (a draft to open, a member to add) build a fresh round per role.
 */
import { createAccount, unique } from '../../../../test/support/factories';
import {
  everyone,
  type Fixtures,
  get,
  type MatrixPart,
  officerOf,
  OFFICE,
  only,
  signedIn,
} from '../../../../test/support/permission-matrix';

function roundBody() {
  return {
    key: `matrix-round-${unique()}`,
    title: { ja: '行列評価', en: 'Matrix round' },
    fiscalYear: 2004,
    targetStartFiscalYear: 2002,
  };
}

/** A fresh draft round made by the officer; optionally with an evaluator member and their assignments. */
async function freshRound(
  f: Fixtures,
  options: { evaluator?: boolean; assign?: boolean } = {},
): Promise<{ key: string; version: number; evaluatorId: number | null; clusterId: number }> {
  const officer = officerOf(f);
  const created = await officer.post('/api/v1/rounds', roundBody());
  if (created.status !== 201)
    throw new Error(`matrix round answered ${created.status}: ${JSON.stringify(created.body)}`);
  const round = created.body as { key: string; version: number; clusters: { id: number }[] };
  let evaluatorId: number | null = null;
  if (options.evaluator) {
    evaluatorId = (await createAccount(f.t, 'evaluator')).id;
    await officer.post(`/api/v1/rounds/${round.key}/members`, { accountId: evaluatorId, role: 'evaluator' });
  }
  if (options.assign) await officer.post(`/api/v1/rounds/${round.key}/assignments`, {});
  return { key: round.key, version: round.version, evaluatorId, clusterId: round.clusters[0]!.id };
}

function fx(f: Fixtures): { key: string } {
  return f.parts.get('rounds') as { key: string };
}

export const ROUNDS_MATRIX: MatrixPart = {
  name: 'rounds',
  async setup(f) {
    const round = await freshRound(f);
    const moved = await officerOf(f).post(`/api/v1/rounds/${round.key}/status`, {
      status: 'self_evaluation',
      version: round.version,
    });
    if (moved.status !== 200) throw new Error(`matrix round status answered ${moved.status}`);
    f.parts.set('rounds', { key: round.key });
  },
  rows: [
    { method: 'GET', route: '/api/v1/rounds', expect: everyone(200), send: get('/api/v1/rounds') },
    {
      method: 'GET',
      route: '/api/v1/evaluation-tasks',
      expect: signedIn(200),
      send: get('/api/v1/evaluation-tasks'),
    },
    {
      method: 'POST',
      route: '/api/v1/rounds',
      expect: only(OFFICE, 201),
      send: ({ client }) => client.post('/api/v1/rounds', roundBody()),
    },
    {
      method: 'GET',
      route: '/api/v1/rounds/:key',
      expect: everyone(200),
      send: ({ client, f }) => client.get(`/api/v1/rounds/${fx(f).key}`),
    },
    {
      method: 'PATCH',
      route: '/api/v1/rounds/:key',
      expect: only(OFFICE, 200),
      serial: true,
      send: async ({ client, f }) => {
        const { version } = (await officerOf(f).get(`/api/v1/rounds/${fx(f).key}`)).body as {
          version: number;
        };
        return client.patch(`/api/v1/rounds/${fx(f).key}`, { version, announceOn: '2005-03-23' });
      },
    },
    {
      method: 'POST',
      route: '/api/v1/rounds/:key/status',
      expect: only(OFFICE, 200),
      send: async ({ client, f }) => {
        const round = await freshRound(f);
        return client.post(`/api/v1/rounds/${round.key}/status`, {
          status: 'self_evaluation',
          version: round.version,
        });
      },
    },
    {
      method: 'GET',
      route: '/api/v1/rounds/:key/candidates',
      expect: only(OFFICE, 200),
      send: ({ client, f }) => client.get(`/api/v1/rounds/${fx(f).key}/candidates`),
    },
    {
      method: 'POST',
      route: '/api/v1/rounds/:key/members',
      expect: only(OFFICE, 200),
      send: async ({ client, f }) => {
        const round = await freshRound(f);
        const account = await createAccount(f.t, 'weighting_member');
        return client.post(`/api/v1/rounds/${round.key}/members`, {
          accountId: account.id,
          role: 'weighting_member',
        });
      },
    },
    {
      method: 'DELETE',
      route: '/api/v1/rounds/:key/members/:accountId',
      expect: only(OFFICE, 200),
      send: async ({ client, f }) => {
        const round = await freshRound(f, { evaluator: true });
        return client.delete(`/api/v1/rounds/${round.key}/members/${round.evaluatorId}`);
      },
    },
    {
      method: 'POST',
      route: '/api/v1/rounds/:key/assignments',
      expect: only(OFFICE, 200),
      send: async ({ client, f }) => {
        const round = await freshRound(f, { evaluator: true });
        return client.post(`/api/v1/rounds/${round.key}/assignments`, {});
      },
    },
    {
      method: 'PUT',
      route: '/api/v1/rounds/:key/conflicts',
      expect: only(OFFICE, 200),
      send: async ({ client, f }) => {
        const round = await freshRound(f, { evaluator: true, assign: true });
        return client.put(`/api/v1/rounds/${round.key}/conflicts`, {
          clusterId: round.clusterId,
          evaluatorId: round.evaluatorId,
          kind: 'personal',
          note: 'Former adviser of the cluster',
        });
      },
    },
  ],
};
