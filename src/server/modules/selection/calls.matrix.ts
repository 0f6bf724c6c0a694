/**
 * The calls-and-proposals slice's rows of the permission matrix: officers run calls and reopen
 * proposals; the proposer drafts, submits, withdraws and attaches for its own organization;
 * everyone reads an open call. Rows whose success consumes something (a call to open, a draft to
 * submit) build a fresh one per asking role, so every answer is about permission alone.
 */
import {
  type Fixtures,
  everyone,
  get,
  type MatrixPart,
  officerOf,
  OFFICE,
  only,
} from '../../../../test/support/permission-matrix';
import { unique } from '../../../../test/support/factories';
import { multipart } from '../../../../test/support/uploads';
import { insertCall, insertProposal, SELECTION_2001_CRITERIA } from '../../../../test/support/selection';

interface CallsFixtures {
  /** An open call with the proposer organization's draft proposal and one uploaded PDF. */
  key: string;
  proposalId: number;
  attachmentId: number;
}

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');
const DAY = 86_400_000;

function fx(f: Fixtures): CallsFixtures {
  return f.parts.get('calls') as CallsFixtures;
}

function callBody() {
  const at = (d: number) => new Date(Date.now() + d * DAY).toISOString();
  return {
    key: `matrix-${unique()}`,
    title: { ja: '行列公募', en: 'Matrix call' },
    fiscalYear: 2002,
    slots: 2,
    budgetPerClusterYen: 500_000_000,
    submissionDeadline: at(10),
    reviewDeadline: at(20),
    decisionDeadline: at(30),
  };
}

/** A fresh proposal of the proposer organization in a fresh open call, complete and with its plan attached. */
async function freshProposal(
  f: Fixtures,
  status: 'draft' | 'submitted',
): Promise<{ id: number; attachmentId: number }> {
  const db = f.t.database.db;
  const call = await insertCall(db);
  const p = await insertProposal(db, call.id, f.proposerOrganizationId, {
    status,
    coreOrganizationId: f.organizationId,
  });
  await db
    .updateTable('proposals')
    .set({
      narratives_json: JSON.stringify(
        Object.fromEntries(SELECTION_2001_CRITERIA.map((g) => [g.key, 'text'])),
      ),
    })
    .where('id', '=', p.id)
    .execute();
  const a = await db
    .insertInto('attachments')
    .values({
      owner_type: 'proposal',
      owner_id: p.id,
      document_key: 'plan',
      file_name: 'plan.pdf',
      media_type: 'application/pdf',
      size_bytes: PDF.length,
      sha256: '0'.repeat(64),
      storage_key: `attachments/matrix-${unique()}.pdf`,
      uploaded_by: null,
      uploaded_at: new Date().toISOString(),
      removed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: p.id, attachmentId: a.id };
}

export const CALLS_MATRIX: MatrixPart = {
  name: 'calls',
  async setup(f) {
    const db = f.t.database.db;
    const call = await insertCall(db);
    const p = await insertProposal(db, call.id, f.proposerOrganizationId, { status: 'draft' });
    const body = multipart({ documentKey: 'plan' }, { name: 'plan.pdf', content: PDF });
    const res = await f.clients
      .get('proposer')!
      .request('POST', `/api/v1/proposals/${p.id}/attachments`, undefined, {
        raw: body.payload as unknown as string,
        headers: { 'content-type': body.contentType },
      });
    if (res.status !== 201)
      throw new Error(`matrix attachment answered ${res.status}: ${JSON.stringify(res.body)}`);
    f.parts.set('calls', {
      key: call.key,
      proposalId: p.id,
      attachmentId: (res.body as { id: number }).id,
    } satisfies CallsFixtures);
  },
  rows: [
    { method: 'GET', route: '/api/v1/calls', expect: everyone(200), send: get('/api/v1/calls') },
    {
      method: 'POST',
      route: '/api/v1/calls',
      expect: only(OFFICE, 201),
      send: ({ client }) => client.post('/api/v1/calls', callBody()),
    },
    {
      method: 'GET',
      route: '/api/v1/calls/:key',
      expect: everyone(200),
      send: ({ client, f }) => client.get(`/api/v1/calls/${fx(f).key}`),
    },
    {
      method: 'PATCH',
      route: '/api/v1/calls/:key',
      expect: only(OFFICE, 200),
      serial: true,
      send: async ({ client, f }) => {
        const { version } = (await officerOf(f).get(`/api/v1/calls/${fx(f).key}`)).body as {
          version: number;
        };
        return client.patch(`/api/v1/calls/${fx(f).key}`, { version, graceMinutes: 15 });
      },
    },
    {
      method: 'POST',
      route: '/api/v1/calls/:key/status',
      expect: only(OFFICE, 200),
      send: async ({ client, f }) => {
        const created = (await officerOf(f).post('/api/v1/calls', callBody())).body as {
          key: string;
          version: number;
        };
        return client.post(`/api/v1/calls/${created.key}/status`, {
          status: 'open',
          version: created.version,
        });
      },
    },
    {
      method: 'GET',
      route: '/api/v1/calls/:key/proposals',
      expect: only(OFFICE, 200),
      send: ({ client, f }) => client.get(`/api/v1/calls/${fx(f).key}/proposals`),
    },
    {
      method: 'POST',
      route: '/api/v1/calls/:key/proposals',
      expect: only(['proposer'], 201),
      send: async ({ client, f }) => {
        const call = await insertCall(f.t.database.db);
        return client.post(`/api/v1/calls/${call.key}/proposals`, {
          title: { ja: '提案' },
          region: { ja: '地域' },
          keyField: 'it',
        });
      },
    },
    {
      method: 'GET',
      route: '/api/v1/proposals',
      expect: only(['proposer'], 200),
      send: get('/api/v1/proposals'),
    },
    {
      method: 'GET',
      route: '/api/v1/proposals/:id',
      expect: only([...OFFICE, 'proposer'], 200),
      send: ({ client, f }) => client.get(`/api/v1/proposals/${fx(f).proposalId}`),
    },
    {
      method: 'PATCH',
      route: '/api/v1/proposals/:id',
      expect: only(['proposer'], 200),
      serial: true,
      send: async ({ client, f }) => {
        const { version } = (await officerOf(f).get(`/api/v1/proposals/${fx(f).proposalId}`)).body as {
          version: number;
        };
        return client.patch(`/api/v1/proposals/${fx(f).proposalId}`, { version, headquartersPlan: 'HQ' });
      },
    },
    {
      method: 'POST',
      route: '/api/v1/proposals/:id/submit',
      expect: only(['proposer'], 200),
      send: async ({ client, f }) => {
        const p = await freshProposal(f, 'draft');
        return client.post(`/api/v1/proposals/${p.id}/submit`, { version: 1 });
      },
    },
    {
      method: 'POST',
      route: '/api/v1/proposals/:id/withdraw',
      expect: only(['proposer'], 200),
      send: async ({ client, f }) => {
        const p = await freshProposal(f, 'submitted');
        return client.post(`/api/v1/proposals/${p.id}/withdraw`, { version: 1 });
      },
    },
    {
      method: 'POST',
      route: '/api/v1/proposals/:id/reopen',
      expect: only(OFFICE, 200),
      send: async ({ client, f }) => {
        const p = await freshProposal(f, 'submitted');
        return client.post(`/api/v1/proposals/${p.id}/reopen`, { version: 1, reason: 'late post' });
      },
    },
    {
      method: 'POST',
      route: '/api/v1/proposals/:id/attachments',
      expect: only(['proposer'], 201),
      send: async ({ client, f }) => {
        const p = await freshProposal(f, 'draft');
        const body = multipart({ documentKey: 'plan' }, { name: 'plan.pdf', content: PDF });
        return client.request('POST', `/api/v1/proposals/${p.id}/attachments`, undefined, {
          raw: body.payload as unknown as string,
          headers: { 'content-type': body.contentType },
        });
      },
    },
    {
      method: 'GET',
      route: '/api/v1/proposals/:id/attachments/:attachmentId',
      expect: only([...OFFICE, 'proposer'], 200),
      send: ({ client, f }) =>
        client.get(`/api/v1/proposals/${fx(f).proposalId}/attachments/${fx(f).attachmentId}`),
    },
    {
      method: 'DELETE',
      route: '/api/v1/proposals/:id/attachments/:attachmentId',
      expect: only(['proposer'], 200),
      send: async ({ client, f }) => {
        const p = await freshProposal(f, 'draft');
        return client.request('DELETE', `/api/v1/proposals/${p.id}/attachments/${p.attachmentId}`);
      },
    },
  ],
};
