/**
 * The selection report downloads' rows of the permission matrix: officers download any call's
 * report; the proposer downloads its own proposal's report once the call is published.
 */
import { type Fixtures, type MatrixPart, OFFICE, only } from '../../../../test/support/permission-matrix';
import { insertCall, insertProposal } from '../../../../test/support/selection';

interface ReportFixtures {
  /** A call still in review (officers' report at any status). */
  callKey: string;
  /** The proposer organization's proposal in a published call. */
  publishedProposalId: number;
}

function fx(f: Fixtures): ReportFixtures {
  return f.parts.get('report') as ReportFixtures;
}

export const REPORT_MATRIX: MatrixPart = {
  name: 'report',
  async setup(f) {
    const db = f.t.database.db;
    const reviewing = await insertCall(db, { status: 'review' });
    await insertProposal(db, reviewing.id, f.proposerOrganizationId);
    const published = await insertCall(db, { status: 'published' });
    const proposal = await insertProposal(db, published.id, f.proposerOrganizationId);
    await db
      .insertInto('proposal_decisions')
      .values({
        call_id: published.id,
        proposal_id: proposal.id,
        outcome: 'selected',
        reason: 'Matrix fixture',
        consolidated_comment: null,
        decided_by: null,
        decided_at: new Date().toISOString(),
        superseded_at: null,
      })
      .execute();
    f.parts.set('report', {
      callKey: reviewing.key,
      publishedProposalId: proposal.id,
    } satisfies ReportFixtures);
  },
  rows: [
    {
      method: 'GET',
      route: '/api/v1/calls/:key/report',
      expect: only(OFFICE, 200),
      send: ({ client, f }) => client.get(`/api/v1/calls/${fx(f).callKey}/report?format=xlsx`),
    },
    {
      method: 'GET',
      route: '/api/v1/proposals/:id/report',
      expect: only(['proposer'], 200),
      send: ({ client, f }) => client.get(`/api/v1/proposals/${fx(f).publishedProposalId}/report?format=pdf`),
    },
  ],
};
