/**
 * The selection report downloads. Officers (`call:read-unpublished`) get the whole call at any
 * status with reviewers' names. A proposer gets its own proposal after publication — the same
 * checks as its result page (getProposalResult: 404 for another's proposal or before publication)
 * — with every reviewer's scores per criterion but as "Reviewer 1, 2, …": the report is where the
 * issue promises proposers "scores per criterion and reviewer (anonymised)".
 */
import type { SelectionReportQuery } from '../../../contracts/selection-reports';
import type { ResultReviewer } from '../../../contracts/selection-results';
import type { ServiceContext } from '../../context';
import { notFound } from '../../http/app-error';
import type { ExportFile } from '../exports/table-export';
import { findCallById } from './result.repo';
import { computeCallResults, getCallResults, getProposalResult } from './result.service';
import { selectionReportFile } from './selection-report.files';

export async function callSelectionReport(
  ctx: ServiceContext,
  callKey: string,
  query: SelectionReportQuery,
): Promise<ExportFile> {
  // getCallResults checks call:read-unpublished for the officer audience and answers 404 for no call.
  const results = await getCallResults(ctx, callKey, { audience: 'officer' });
  return selectionReportFile(
    {
      audience: 'officer',
      call: results.call,
      criteria: results.criteria,
      limits: results.limits,
      proposals: results.proposals,
      generatedAt: results.generatedAt,
      rankedCount: null,
    },
    query,
  );
}

/** A reviewer as the proposer may see them: the label and the scores and comments, no identity or time. */
function anonymous(reviewer: ResultReviewer): ResultReviewer {
  return { ...reviewer, reviewerAccountId: null, reviewerName: null, submittedAt: null };
}

export async function proposalSelectionReport(
  ctx: ServiceContext,
  proposalId: number,
  query: SelectionReportQuery,
): Promise<ExportFile> {
  const result = await getProposalResult(ctx, proposalId);
  // The proposer's view hides the reviewers' individual figures; the report shows them anonymised.
  const call = await findCallById(ctx.db, result.call.id);
  if (!call) throw notFound('Published result of proposal', proposalId);
  const full = await computeCallResults(ctx, ctx.db, call);
  const line = full.proposals.find((p) => p.proposalId === proposalId);
  if (!line) throw notFound('Published result of proposal', proposalId);
  return selectionReportFile(
    {
      audience: 'proposer',
      call: result.call,
      criteria: result.criteria,
      limits: null,
      proposals: [{ ...result.proposal, reviewers: line.reviewers.map(anonymous) }],
      generatedAt: full.generatedAt,
      rankedCount: result.rankedCount,
    },
    query,
  );
}
