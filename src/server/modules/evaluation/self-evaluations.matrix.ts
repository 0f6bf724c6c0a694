/**
 * The self-evaluation slice's rows of the permission matrix: Sapporo's headquarters (the matrix's
 * headquarters account) write, attach and submit; officers reopen; officers, the headquarters and
 * the matrix's evaluator (assigned to every cluster without a conflict) read. Rows whose success
 * consumes something (a draft to submit, a submission to reopen, a file to remove) build a fresh one
 * per asking role.
 */
import { multipart } from '../../../../test/support/uploads';
import { unique } from '../../../../test/support/factories';
import type { HttpClient, Response } from '../../../../test/support/http-client';
import {
  type Fixtures,
  type MatrixPart,
  officerOf,
  OFFICE,
  only,
} from '../../../../test/support/permission-matrix';

const ITEMS = [
  'progress.technical',
  'progress.regional',
  'progress.promotion',
  'self-evaluation.quality',
  'plans.technical',
  'plans.regional',
  'plans.promotion',
  'future.possibility',
];
const ALL = Object.fromEntries(ITEMS.map((k) => [k, 'text']));
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

/** The round's self-evaluation readers: officers, Sapporo's headquarters and the assigned evaluator. */
export const READERS = only([...OFFICE, 'cluster_headquarters', 'evaluator'], 200);

function expectStatus(res: Response, status: number, what: string): void {
  if (res.status !== status)
    throw new Error(`matrix ${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
}

/**
 * A fresh FY2004 round of the FY2002 clusters in its self-evaluation phase, opened by the officer;
 * with `evaluator`, the matrix's evaluator is a member assigned to every cluster (no conflict).
 */
export async function openMatrixRound(f: Fixtures, options: { evaluator?: boolean } = {}): Promise<string> {
  const officer = officerOf(f);
  const created = await officer.post('/api/v1/rounds', {
    key: `matrix-eval-${unique()}`,
    title: { ja: '行列評価', en: 'Matrix evaluation' },
    fiscalYear: 2004,
    targetStartFiscalYear: 2002,
  });
  expectStatus(created, 201, 'round');
  const key = (created.body as { key: string }).key;
  if (options.evaluator) {
    const { email } = f.credentials.get('evaluator')!;
    const account = await f.t.database.db
      .selectFrom('accounts')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expectStatus(
      await officer.post(`/api/v1/rounds/${key}/members`, { accountId: account.id, role: 'evaluator' }),
      200,
      'round member',
    );
    expectStatus(await officer.post(`/api/v1/rounds/${key}/assignments`, {}), 200, 'round assignments');
  }
  expectStatus(
    await officer.post(`/api/v1/rounds/${key}/status`, {
      status: 'self_evaluation',
      version: (created.body as { version: number }).version,
    }),
    200,
    'round status',
  );
  return key;
}

const hqOf = (f: Fixtures) => f.clients.get('cluster_headquarters')!;
const report = (key: string) => `/api/v1/rounds/${key}/self-evaluations/sapporo`;

function uploadPdf(client: HttpClient, key: string): Promise<Response> {
  const body = multipart({ itemKey: 'progress.technical' }, { name: 'evidence.pdf', content: PDF });
  return client.request('POST', `${report(key)}/attachments`, undefined, {
    raw: body.payload as unknown as string,
    headers: { 'content-type': body.contentType },
  });
}

/** Sapporo's report in a fresh round, every item written; submitted when asked. Returns the round key and version. */
async function writtenReport(f: Fixtures, submit: boolean): Promise<{ key: string; version: number }> {
  const key = await openMatrixRound(f);
  const saved = await hqOf(f).put(report(key), { version: 1, narratives: ALL });
  expectStatus(saved, 200, 'self-evaluation save');
  if (!submit) return { key, version: 2 };
  expectStatus(await hqOf(f).post(`${report(key)}/submit`, { version: 2 }), 200, 'self-evaluation submit');
  return { key, version: 3 };
}

interface SelfEvaluationFixtures {
  /** Sapporo's draft, with one file. */
  draftKey: string;
  /** Sapporo's submitted report, with one file the evaluator may download. */
  submittedKey: string;
  submittedAttachmentId: number;
}

function fx(f: Fixtures): SelfEvaluationFixtures {
  return f.parts.get('self-evaluations') as SelfEvaluationFixtures;
}

export const SELF_EVALUATIONS_MATRIX: MatrixPart = {
  name: 'self-evaluations',
  async setup(f) {
    const draftKey = await openMatrixRound(f, { evaluator: true });
    expectStatus(await uploadPdf(hqOf(f), draftKey), 201, 'self-evaluation attachment');
    const submittedKey = await openMatrixRound(f, { evaluator: true });
    expectStatus(await hqOf(f).put(report(submittedKey), { version: 1, narratives: ALL }), 200, 'save');
    const file = await uploadPdf(hqOf(f), submittedKey);
    expectStatus(file, 201, 'self-evaluation attachment');
    expectStatus(await hqOf(f).post(`${report(submittedKey)}/submit`, { version: 2 }), 200, 'submit');
    f.parts.set('self-evaluations', {
      draftKey,
      submittedKey,
      submittedAttachmentId: (file.body as { id: number }).id,
    } satisfies SelfEvaluationFixtures);
  },
  rows: [
    {
      method: 'GET',
      route: '/api/v1/rounds/:key/self-evaluations',
      expect: READERS,
      send: ({ client, f }) => client.get(`/api/v1/rounds/${fx(f).draftKey}/self-evaluations`),
    },
    {
      method: 'GET',
      route: '/api/v1/rounds/:key/self-evaluations/:clusterKey',
      expect: READERS,
      send: ({ client, f }) => client.get(report(fx(f).draftKey)),
    },
    {
      method: 'PUT',
      route: '/api/v1/rounds/:key/self-evaluations/:clusterKey',
      expect: only(['cluster_headquarters'], 200),
      serial: true,
      send: async ({ client, f }) => {
        const { version } = (await officerOf(f).get(report(fx(f).draftKey))).body as { version: number };
        return client.put(report(fx(f).draftKey), {
          version,
          narratives: { 'progress.technical': 'edited' },
        });
      },
    },
    {
      method: 'POST',
      route: '/api/v1/rounds/:key/self-evaluations/:clusterKey/submit',
      expect: only(['cluster_headquarters'], 200),
      send: async ({ client, f }) => {
        const { key, version } = await writtenReport(f, false);
        return client.post(`${report(key)}/submit`, { version });
      },
    },
    {
      method: 'POST',
      route: '/api/v1/rounds/:key/self-evaluations/:clusterKey/reopen',
      expect: only(OFFICE, 200),
      send: async ({ client, f }) => {
        const { key, version } = await writtenReport(f, true);
        return client.post(`${report(key)}/reopen`, { version, reason: 'Figures corrected' });
      },
    },
    {
      method: 'GET',
      route: '/api/v1/rounds/:key/self-evaluations/:clusterKey/attachments',
      expect: READERS,
      send: ({ client, f }) => client.get(`${report(fx(f).submittedKey)}/attachments`),
    },
    {
      method: 'POST',
      route: '/api/v1/rounds/:key/self-evaluations/:clusterKey/attachments',
      expect: only(['cluster_headquarters'], 201),
      send: ({ client, f }) => uploadPdf(client, fx(f).draftKey),
    },
    {
      method: 'GET',
      route: '/api/v1/rounds/:key/self-evaluations/:clusterKey/attachments/:attachmentId',
      expect: READERS,
      send: ({ client, f }) =>
        client.get(`${report(fx(f).submittedKey)}/attachments/${fx(f).submittedAttachmentId}`),
    },
    {
      method: 'DELETE',
      route: '/api/v1/rounds/:key/self-evaluations/:clusterKey/attachments/:attachmentId',
      expect: only(['cluster_headquarters'], 200),
      send: async ({ client, f }) => {
        const file = await uploadPdf(hqOf(f), fx(f).draftKey);
        expectStatus(file, 201, 'self-evaluation attachment');
        return client.delete(`${report(fx(f).draftKey)}/attachments/${(file.body as { id: number }).id}`);
      },
    },
  ],
};
