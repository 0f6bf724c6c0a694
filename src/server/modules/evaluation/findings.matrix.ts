/**
 * The findings slice's rows of the permission matrix: officers record, edit and carry findings
 * forward; Sapporo's headquarters respond to Sapporo's; everyone reads the lists (each what they
 * may see). Edits and responses take a fresh finding per asking role.
 */
import type { Response } from '../../../../test/support/http-client';
import {
  everyone,
  type Fixtures,
  get,
  type MatrixPart,
  officerOf,
  OFFICE,
  only,
} from '../../../../test/support/permission-matrix';
import { openMatrixRound } from './self-evaluations.matrix';

function findingBody() {
  return {
    clusterKey: 'sapporo',
    tag: 'global_activity',
    text: { ja: '国際的な活動を強化すること', en: 'Strengthen global activities' },
  };
}

function fx(f: Fixtures): { key: string } {
  return f.parts.get('findings') as { key: string };
}

/** A fresh finding on Sapporo in the part's round, recorded by the officer. */
async function freshFinding(f: Fixtures): Promise<number> {
  const res: Response = await officerOf(f).post(`/api/v1/rounds/${fx(f).key}/findings`, findingBody());
  if (res.status !== 201)
    throw new Error(`matrix finding answered ${res.status}: ${JSON.stringify(res.body)}`);
  return (res.body as { id: number }).id;
}

export const FINDINGS_MATRIX: MatrixPart = {
  name: 'findings',
  async setup(f) {
    f.parts.set('findings', { key: await openMatrixRound(f) });
    await freshFinding(f);
  },
  rows: [
    {
      method: 'GET',
      route: '/api/v1/rounds/:key/findings',
      expect: everyone(200),
      send: ({ client, f }) => client.get(`/api/v1/rounds/${fx(f).key}/findings`),
    },
    {
      method: 'POST',
      route: '/api/v1/rounds/:key/findings',
      expect: only(OFFICE, 201),
      send: ({ client, f }) => client.post(`/api/v1/rounds/${fx(f).key}/findings`, findingBody()),
    },
    {
      method: 'PATCH',
      route: '/api/v1/findings/:id',
      expect: only(OFFICE, 200),
      send: async ({ client, f }) => {
        const id = await freshFinding(f);
        return client.patch(`/api/v1/findings/${id}`, { version: 1, followUpStatus: 'in_progress' });
      },
    },
    {
      method: 'POST',
      route: '/api/v1/findings/:id/response',
      expect: only(['cluster_headquarters'], 200),
      send: async ({ client, f }) => {
        const id = await freshFinding(f);
        return client.post(`/api/v1/findings/${id}/response`, {
          version: 1,
          response: 'Joint IP office opened',
        });
      },
    },
    {
      method: 'GET',
      route: '/api/v1/clusters/:key/findings',
      expect: everyone(200),
      send: get('/api/v1/clusters/sapporo/findings'),
    },
  ],
};
