/**
 * The weighting and grading slice's rows of the permission matrix. The matrix's weighting member
 * chairs each round built here and its evaluator grades Sapporo and Sendai; rows whose success
 * consumes something (a lock, a submission) build a fresh round per asking role.
 */
import type { Role } from '../../../domain/permissions';
import { unique } from '../../../../test/support/factories';
import {
  everyone,
  type Fixtures,
  type MatrixPart,
  officerOf,
  OFFICE,
  only,
} from '../../../../test/support/permission-matrix';
import { SCORED_CRITERIA } from '../../../../test/support/scored-round';

const WEIGHTS = { 'progress.tech': 50, 'progress.biz': 30, 'plans.future': 20 };
const ALL_GRADES = {
  grades: { 'progress.tech': { grade: 'S' }, 'progress.biz': { grade: 'A' }, 'plans.future': { grade: 'B' } },
};

async function accountId(f: Fixtures, role: 'weighting_member' | 'evaluator'): Promise<number> {
  const email = f.credentials.get(role)!.email;
  const row = await f.t.database.db
    .selectFrom('accounts')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

function ok(res: { status: number; body: unknown }, what: string): void {
  if (res.status !== 200 && res.status !== 201)
    throw new Error(`matrix ${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
}

/** A round in weighting (the member has proposed; `computed` adds version 1) or moved on to grading. */
async function freshRound(f: Fixtures, stage: 'weighting' | 'computed' | 'grading'): Promise<string> {
  const officer = officerOf(f);
  const created = await officer.post('/api/v1/rounds', {
    key: `matrix-grading-${unique()}`,
    title: { ja: '行列評価', en: 'Matrix round' },
    fiscalYear: 2004,
    clusterKeys: ['sapporo', 'sendai'],
    criteria: SCORED_CRITERIA,
  });
  ok(created, 'round');
  const key = (created.body as { key: string }).key;
  ok(
    await officer.post(`/api/v1/rounds/${key}/members`, {
      accountId: await accountId(f, 'weighting_member'),
      role: 'weighting_member',
      isChair: true,
    }),
    'member',
  );
  ok(
    await officer.post(`/api/v1/rounds/${key}/members`, {
      accountId: await accountId(f, 'evaluator'),
      role: 'evaluator',
    }),
    'evaluator',
  );
  ok(await officer.post(`/api/v1/rounds/${key}/assignments`, {}), 'assignments');
  let version = ((await officer.get(`/api/v1/rounds/${key}`)).body as { version: number }).version;
  for (const status of ['self_evaluation', 'weighting']) {
    const moved = await officer.post(`/api/v1/rounds/${key}/status`, { status, version });
    ok(moved, status);
    version = (moved.body as { version: number }).version;
  }
  ok(
    await f.clients.get('weighting_member')!.put(`/api/v1/rounds/${key}/weights/mine`, { weights: WEIGHTS }),
    'proposal',
  );
  if (stage === 'weighting') return key;
  ok(await officer.post(`/api/v1/rounds/${key}/weight-sets`), 'mean');
  if (stage === 'computed') return key;
  ok(await officer.post(`/api/v1/rounds/${key}/weight-sets/1/lock`), 'lock');
  ok(await officer.post(`/api/v1/rounds/${key}/status`, { status: 'grading', version }), 'grading');
  return key;
}

function fx(f: Fixtures): { weighting: string; computed: string; grading: string } {
  return f.parts.get('grading') as { weighting: string; computed: string; grading: string };
}

const CHAIR: Role[] = [...OFFICE, 'weighting_member'];

export const GRADING_MATRIX: MatrixPart = {
  name: 'grading',
  async setup(f) {
    f.parts.set('grading', {
      weighting: await freshRound(f, 'weighting'),
      computed: await freshRound(f, 'computed'),
      grading: await freshRound(f, 'grading'),
    });
  },
  rows: [
    {
      method: 'GET',
      route: '/api/v1/rounds/:key/weights',
      expect: everyone(200),
      send: ({ client, f }) => client.get(`/api/v1/rounds/${fx(f).weighting}/weights`),
    },
    {
      method: 'PUT',
      route: '/api/v1/rounds/:key/weights/mine',
      expect: only(['weighting_member'], 200),
      send: ({ client, f }) =>
        client.put(`/api/v1/rounds/${fx(f).weighting}/weights/mine`, { weights: WEIGHTS }),
    },
    {
      method: 'POST',
      route: '/api/v1/rounds/:key/weight-sets',
      expect: only(CHAIR, 200),
      send: ({ client, f }) => client.post(`/api/v1/rounds/${fx(f).weighting}/weight-sets`),
    },
    {
      method: 'POST',
      route: '/api/v1/rounds/:key/weight-sets/adjust',
      expect: only(CHAIR, 200),
      serial: true,
      send: async ({ client, f }) => {
        const sets = (
          (await officerOf(f).get(`/api/v1/rounds/${fx(f).computed}/weights`)).body as {
            sets: { version: number }[];
          }
        ).sets;
        return client.post(`/api/v1/rounds/${fx(f).computed}/weight-sets/adjust`, {
          changes: { 'plans.future': 25 },
          reason: 'matrix',
          fromVersion: sets[sets.length - 1]!.version,
        });
      },
    },
    {
      method: 'POST',
      route: '/api/v1/rounds/:key/weight-sets/:version/lock',
      expect: only(OFFICE, 200),
      send: async ({ client, f }) =>
        client.post(`/api/v1/rounds/${await freshRound(f, 'computed')}/weight-sets/1/lock`),
    },
    {
      method: 'GET',
      route: '/api/v1/rounds/:key/gradings',
      expect: only(['evaluator'], 200),
      send: ({ client, f }) => client.get(`/api/v1/rounds/${fx(f).grading}/gradings`),
    },
    {
      method: 'GET',
      route: '/api/v1/rounds/:key/grading-progress',
      expect: only(OFFICE, 200),
      send: ({ client, f }) => client.get(`/api/v1/rounds/${fx(f).grading}/grading-progress`),
    },
    {
      method: 'GET',
      route: '/api/v1/rounds/:key/gradings/:clusterKey',
      expect: only(['evaluator'], 200),
      send: ({ client, f }) => client.get(`/api/v1/rounds/${fx(f).grading}/gradings/sapporo`),
    },
    {
      method: 'PUT',
      route: '/api/v1/rounds/:key/gradings/:clusterKey',
      expect: only(['evaluator'], 200),
      send: ({ client, f }) => client.put(`/api/v1/rounds/${fx(f).grading}/gradings/sendai`, ALL_GRADES),
    },
    {
      method: 'POST',
      route: '/api/v1/rounds/:key/gradings/:clusterKey/submit',
      expect: only(['evaluator'], 200),
      send: async ({ client, f }) => {
        const key = await freshRound(f, 'grading');
        ok(
          await f.clients.get('evaluator')!.put(`/api/v1/rounds/${key}/gradings/sapporo`, ALL_GRADES),
          'grades',
        );
        return client.post(`/api/v1/rounds/${key}/gradings/sapporo/submit`);
      },
    },
  ],
};
