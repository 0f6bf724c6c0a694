/**
 * The interviews slice's rows of the permission matrix: officers schedule, edit and delete;
 * officers, Sapporo's headquarters and the assigned evaluator read (each their part). Edits and
 * deletions take a fresh interview per asking role.
 */
import type { Response } from '../../../../test/support/http-client';
import {
  type Fixtures,
  type MatrixPart,
  officerOf,
  OFFICE,
  only,
} from '../../../../test/support/permission-matrix';
import { openMatrixRound, READERS } from './self-evaluations.matrix';

function interviewBody() {
  return {
    clusterKey: 'sapporo',
    heldAt: '2004-11-24T13:30:00+09:00',
    place: 'MEXT meeting room',
    attendees: [{ name: 'Hanako Honbu', affiliation: 'Sapporo headquarters', side: 'cluster' }],
    minutes: { 'progress.technical': 'On plan' },
  };
}

function fx(f: Fixtures): { key: string } {
  return f.parts.get('interviews') as { key: string };
}

/** A fresh interview of Sapporo in the part's round, scheduled by the officer. */
async function freshInterview(f: Fixtures): Promise<number> {
  const res: Response = await officerOf(f).post(`/api/v1/rounds/${fx(f).key}/interviews`, interviewBody());
  if (res.status !== 201)
    throw new Error(`matrix interview answered ${res.status}: ${JSON.stringify(res.body)}`);
  return (res.body as { id: number }).id;
}

export const INTERVIEWS_MATRIX: MatrixPart = {
  name: 'interviews',
  async setup(f) {
    const key = await openMatrixRound(f, { evaluator: true });
    f.parts.set('interviews', { key });
    await freshInterview(f);
  },
  rows: [
    {
      method: 'GET',
      route: '/api/v1/rounds/:key/interviews',
      expect: READERS,
      send: ({ client, f }) => client.get(`/api/v1/rounds/${fx(f).key}/interviews`),
    },
    {
      method: 'POST',
      route: '/api/v1/rounds/:key/interviews',
      expect: only(OFFICE, 201),
      send: ({ client, f }) => client.post(`/api/v1/rounds/${fx(f).key}/interviews`, interviewBody()),
    },
    {
      method: 'PATCH',
      route: '/api/v1/rounds/:key/interviews/:id',
      expect: only(OFFICE, 200),
      send: async ({ client, f }) => {
        const id = await freshInterview(f);
        return client.patch(`/api/v1/rounds/${fx(f).key}/interviews/${id}`, {
          version: 1,
          minutes: { 'future.possibility': 'Global activities needed' },
        });
      },
    },
    {
      method: 'DELETE',
      route: '/api/v1/rounds/:key/interviews/:id',
      expect: only(OFFICE, 200),
      send: async ({ client, f }) => {
        const id = await freshInterview(f);
        return client.delete(`/api/v1/rounds/${fx(f).key}/interviews/${id}?version=1`);
      },
    },
  ],
};
