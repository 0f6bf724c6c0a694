/**
 * The round report download's rows of the permission matrix: everyone downloads a published
 * round's report; before publication only officers (scoring phase), 401 for the public and 403
 * for other roles, as the scores they are written from.
 */
import { createAccount } from '../../../../test/support/factories';
import {
  everyone,
  type Fixtures,
  type MatrixPart,
  OFFICE,
  only,
} from '../../../../test/support/permission-matrix';
import { publishedMatrixRound, scoredMatrixRound } from './results.matrix';

interface RoundReportFixtures {
  scoring: string;
  published: string;
}

function fx(f: Fixtures): RoundReportFixtures {
  return f.parts.get('round-report') as RoundReportFixtures;
}

export const ROUND_REPORT_MATRIX: MatrixPart = {
  name: 'round-report',
  async setup(f) {
    const evaluators = (await Promise.all([0, 1, 2].map(() => createAccount(f.t, 'evaluator')))).map(
      (a) => a.id,
    ) as [number, number, number];
    f.parts.set('round-report', {
      scoring: (await scoredMatrixRound(f, evaluators)).key,
      published: await publishedMatrixRound(f, evaluators),
    } satisfies RoundReportFixtures);
  },
  rows: [
    {
      method: 'GET',
      route: '/api/v1/rounds/:key/report',
      target: 'published',
      expect: everyone(200),
      send: ({ client, f }) => client.get(`/api/v1/rounds/${fx(f).published}/report?format=xlsx&lang=en`),
    },
    {
      method: 'GET',
      route: '/api/v1/rounds/:key/report',
      target: 'scoring',
      expect: only(OFFICE, 200),
      send: ({ client, f }) => client.get(`/api/v1/rounds/${fx(f).scoring}/report?format=pdf`),
    },
  ],
};
