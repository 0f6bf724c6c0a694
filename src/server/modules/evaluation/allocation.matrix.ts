/**
 * The allocation slice's rows of the permission matrix: officers preview and commit next year's
 * subsidy; everyone reads the committed plan (as the ledger: published clusters' lines). The
 * commit row replaces the plan committed in setup, so the officer roles ask one after another.
 */
import { createAccount } from '../../../../test/support/factories';
import {
  everyone,
  type Fixtures,
  type MatrixPart,
  officerOf,
  OFFICE,
  only,
} from '../../../../test/support/permission-matrix';
import { publishedMatrixRound } from './results.matrix';

const RULE = {
  bands: [
    { band: 'raise', minScore: 3.5, adjustment: 0.1 },
    { band: 'keep', minScore: 2.5, adjustment: 0 },
    { band: 'cut', minScore: -1e9, adjustment: -0.1 },
  ],
};

function fx(f: Fixtures): { key: string } {
  return f.parts.get('allocation') as { key: string };
}

export const ALLOCATION_MATRIX: MatrixPart = {
  name: 'allocation',
  async setup(f) {
    const evaluators = (await Promise.all([0, 1, 2].map(() => createAccount(f.t, 'evaluator')))).map(
      (a) => a.id,
    ) as [number, number, number];
    const key = await publishedMatrixRound(f, evaluators);
    const res = await officerOf(f).post(`/api/v1/rounds/${key}/allocation/commit`, RULE);
    if (res.status !== 201)
      throw new Error(`matrix commit answered ${res.status}: ${JSON.stringify(res.body)}`);
    f.parts.set('allocation', { key });
  },
  rows: [
    {
      method: 'POST',
      route: '/api/v1/rounds/:key/allocation/preview',
      expect: only(OFFICE, 200),
      send: ({ client, f }) => client.post(`/api/v1/rounds/${fx(f).key}/allocation/preview`, RULE),
    },
    {
      method: 'POST',
      route: '/api/v1/rounds/:key/allocation/commit',
      expect: only(OFFICE, 201),
      serial: true,
      send: ({ client, f }) =>
        client.post(`/api/v1/rounds/${fx(f).key}/allocation/commit`, {
          ...RULE,
          replace: true,
          reason: 'Permission matrix: replace the committed plan',
        }),
    },
    {
      method: 'GET',
      route: '/api/v1/rounds/:key/allocation',
      expect: everyone(200),
      send: ({ client, f }) => client.get(`/api/v1/rounds/${fx(f).key}/allocation`),
    },
  ],
};
