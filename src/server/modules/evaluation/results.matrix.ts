/**
 * The results slice's rows of the permission matrix: officers read the scores from the scoring
 * phase, write consolidated comments and publish; everyone reads a published round's scores and
 * results and a cluster's results across rounds. Publishing consumes a scored round, so each
 * officer role publishes a fresh one.
 */
import { createAccount } from '../../../../test/support/factories';
import {
  everyone,
  type Fixtures,
  get,
  type MatrixPart,
  officerOf,
  OFFICE,
  only,
} from '../../../../test/support/permission-matrix';
import { buildScoredRound, handComputedGradings } from '../../../../test/support/scored-round';

interface ResultsFixtures {
  /** In the scoring phase. */
  scoring: { key: string; id: number; sapporo: number };
  published: string;
  evaluators: [number, number, number];
}

function fx(f: Fixtures): ResultsFixtures {
  return f.parts.get('results') as ResultsFixtures;
}

/** A scored round of the suites' hand-computed grades, left in the scoring phase. */
export async function scoredMatrixRound(f: Fixtures, evaluators: [number, number, number]) {
  return buildScoredRound(f.t, officerOf(f), { gradings: handComputedGradings(...evaluators) });
}

/** Publishes a scored round as the officer; returns its key. */
export async function publishedMatrixRound(
  f: Fixtures,
  evaluators: [number, number, number],
): Promise<string> {
  const round = await scoredMatrixRound(f, evaluators);
  const { version } = (await officerOf(f).get(`/api/v1/rounds/${round.key}`)).body as { version: number };
  const res = await officerOf(f).post(`/api/v1/rounds/${round.key}/publish`, { version });
  if (res.status !== 200)
    throw new Error(`matrix publish answered ${res.status}: ${JSON.stringify(res.body)}`);
  return round.key;
}

export const RESULTS_MATRIX: MatrixPart = {
  name: 'results',
  async setup(f) {
    const evaluators = (await Promise.all([0, 1, 2].map(() => createAccount(f.t, 'evaluator')))).map(
      (a) => a.id,
    ) as [number, number, number];
    const scoring = await scoredMatrixRound(f, evaluators);
    f.parts.set('results', {
      scoring: { key: scoring.key, id: scoring.id, sapporo: scoring.clusterIds.sapporo! },
      published: await publishedMatrixRound(f, evaluators),
      evaluators,
    } satisfies ResultsFixtures);
  },
  rows: [
    {
      method: 'GET',
      route: '/api/v1/rounds/:key/scores',
      target: 'published',
      expect: everyone(200),
      send: ({ client, f }) => client.get(`/api/v1/rounds/${fx(f).published}/scores?trials=50`),
    },
    {
      method: 'GET',
      route: '/api/v1/rounds/:key/scores',
      target: 'scoring',
      expect: only(OFFICE, 200),
      send: ({ client, f }) => client.get(`/api/v1/rounds/${fx(f).scoring.key}/scores?trials=50`),
    },
    {
      method: 'PUT',
      route: '/api/v1/rounds/:key/results/:clusterKey/comment',
      expect: only(OFFICE, 200),
      serial: true,
      send: async ({ client, f }) => {
        const { scoring } = fx(f);
        const current = await f.t.database.db
          .selectFrom('round_result_comments')
          .select('version')
          .where('round_id', '=', scoring.id)
          .where('cluster_id', '=', scoring.sapporo)
          .executeTakeFirst();
        return client.put(`/api/v1/rounds/${scoring.key}/results/sapporo/comment`, {
          comment: { ja: '産学連携が進んだ', en: 'Industry–academia links grew' },
          ...(current ? { version: current.version } : {}),
        });
      },
    },
    {
      method: 'POST',
      route: '/api/v1/rounds/:key/publish',
      expect: only(OFFICE, 200),
      send: async ({ client, f, who }) => {
        // Only the officer roles get past the permission check, so only they need a round of their own.
        const key = (OFFICE as string[]).includes(who)
          ? (await scoredMatrixRound(f, fx(f).evaluators)).key
          : fx(f).scoring.key;
        const { version } = (await officerOf(f).get(`/api/v1/rounds/${key}`)).body as { version: number };
        return client.post(`/api/v1/rounds/${key}/publish`, { version });
      },
    },
    {
      method: 'GET',
      route: '/api/v1/rounds/:key/results',
      expect: everyone(200),
      send: ({ client, f }) => client.get(`/api/v1/rounds/${fx(f).published}/results`),
    },
    {
      method: 'GET',
      route: '/api/v1/clusters/:key/evaluations',
      expect: everyone(200),
      send: get('/api/v1/clusters/sapporo/evaluations'),
    },
  ],
};
