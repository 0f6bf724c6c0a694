/**
 * The results slice's rows of the permission matrix: officers read results, decide, publish and
 * create clusters; the proposer reads its own published result; everyone reads the published
 * selection. Publishing consumes a call, so each asker publishes a fresh one.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import {
  everyone,
  type Fixtures,
  get,
  type MatrixPart,
  OFFICE,
  only,
} from '../../../../test/support/permission-matrix';
import { insertCall, insertProposal } from '../../../../test/support/selection';

interface DecisionFixtures {
  /** A call in the decision step with one submitted proposal. */
  decisionKey: string;
  decisionProposalId: number;
  /** A call in the decision step whose proposal is selected (for cluster creation). */
  selectedKey: string;
  selectedProposalId: number;
  /** A published call with the proposer organization's proposal decided. */
  publishedKey: string;
  publishedProposalId: number;
}

function fx(f: Fixtures): DecisionFixtures {
  return f.parts.get('decision') as DecisionFixtures;
}

async function decided(db: Kysely<Database>, callId: number, proposalId: number, outcome: string) {
  await db
    .insertInto('proposal_decisions')
    .values({
      call_id: callId,
      proposal_id: proposalId,
      outcome,
      reason: 'Matrix fixture',
      consolidated_comment: null,
      decided_by: null,
      decided_at: new Date().toISOString(),
      superseded_at: null,
    })
    .execute();
}

export const DECISION_MATRIX: MatrixPart = {
  name: 'decision',
  async setup(f) {
    const db = f.t.database.db;
    const org = f.proposerOrganizationId;
    const decision = await insertCall(db, { status: 'decision', slots: 5, totalBudgetYen: null });
    const decisionProposal = await insertProposal(db, decision.id, org);
    const selected = await insertCall(db, { status: 'decision', slots: 5, totalBudgetYen: null });
    const selectedProposal = await insertProposal(db, selected.id, org);
    await decided(db, selected.id, selectedProposal.id, 'selected');
    const published = await insertCall(db, { status: 'published' });
    const publishedProposal = await insertProposal(db, published.id, org);
    await decided(db, published.id, publishedProposal.id, 'selected');
    f.parts.set('decision', {
      decisionKey: decision.key,
      decisionProposalId: decisionProposal.id,
      selectedKey: selected.key,
      selectedProposalId: selectedProposal.id,
      publishedKey: published.key,
      publishedProposalId: publishedProposal.id,
    } satisfies DecisionFixtures);
  },
  rows: [
    {
      method: 'GET',
      route: '/api/v1/calls/:key/results',
      expect: only(OFFICE, 200),
      send: ({ client, f }) => client.get(`/api/v1/calls/${fx(f).decisionKey}/results`),
    },
    {
      method: 'GET',
      route: '/api/v1/proposals/:id/result',
      expect: only(['proposer'], 200),
      send: ({ client, f }) => client.get(`/api/v1/proposals/${fx(f).publishedProposalId}/result`),
    },
    { method: 'GET', route: '/api/v1/selection', expect: everyone(200), send: get('/api/v1/selection') },
    {
      method: 'GET',
      route: '/api/v1/selection/:key',
      expect: everyone(200),
      send: ({ client, f }) => client.get(`/api/v1/selection/${fx(f).publishedKey}`),
    },
    {
      method: 'PUT',
      route: '/api/v1/calls/:key/decisions/:proposalId',
      expect: only(OFFICE, 200),
      serial: true,
      send: ({ client, f }) =>
        client.request('PUT', `/api/v1/calls/${fx(f).decisionKey}/decisions/${fx(f).decisionProposalId}`, {
          outcome: 'rejected',
          reason: 'Matrix',
        }),
    },
    {
      method: 'POST',
      route: '/api/v1/calls/:key/decisions/apply-suggested',
      expect: only(OFFICE, 200),
      serial: true,
      send: ({ client, f }) =>
        client.post(`/api/v1/calls/${fx(f).decisionKey}/decisions/apply-suggested`, { reason: 'Matrix' }),
    },
    {
      method: 'PUT',
      route: '/api/v1/calls/:key/publication',
      expect: only(OFFICE, 200),
      serial: true,
      send: ({ client, f }) =>
        client.request('PUT', `/api/v1/calls/${fx(f).decisionKey}/publication`, { publishOn: '2002-07-01' }),
    },
    {
      method: 'POST',
      route: '/api/v1/calls/:key/publish',
      expect: only(OFFICE, 200),
      // A call with no submitted proposal has nothing left undecided, so it can be published at once.
      send: async ({ client, f }) => {
        const call = await insertCall(f.t.database.db, { status: 'decision' });
        return client.post(`/api/v1/calls/${call.key}/publish`, { publishOn: '2002-07-01' });
      },
    },
    {
      method: 'POST',
      route: '/api/v1/calls/:key/proposals/:proposalId/cluster',
      expect: only(OFFICE, 200),
      serial: true,
      send: ({ client, f }) =>
        client.post(`/api/v1/calls/${fx(f).selectedKey}/proposals/${fx(f).selectedProposalId}/cluster`),
    },
  ],
};
