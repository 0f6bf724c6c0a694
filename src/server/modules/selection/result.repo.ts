/**
 * Reads what the results of a call are computed from: the call, its submitted proposals, the
 * submitted reviews of active assignments with their scores, the conflicts, the consensus scores
 * and the current decisions. Kysely only; bigint yen come back as strings on PostgreSQL, so every
 * money figure goes through Number().
 */
import type { Db } from '../../context';
import type { CallRow, ConflictRow, ProposalRow } from './selection.table';

export async function findCallByKey(db: Db, key: string): Promise<CallRow | undefined> {
  const row = await db.selectFrom('calls').selectAll().where('key', '=', key).executeTakeFirst();
  return row ? normalizeCall(row) : undefined;
}

export async function findCallById(db: Db, id: number): Promise<CallRow | undefined> {
  const row = await db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? normalizeCall(row) : undefined;
}

/** Published real calls, newest first; demo calls never appear in the public list. */
export async function listPublishedCalls(db: Db): Promise<CallRow[]> {
  const rows = await db
    .selectFrom('calls')
    .selectAll()
    .where('status', '=', 'published')
    .where('is_demo', '=', 0)
    .orderBy('fiscal_year', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(normalizeCall);
}

export function normalizeCall(row: CallRow): CallRow {
  return {
    ...row,
    budget_per_cluster_yen: Number(row.budget_per_cluster_yen),
    total_budget_yen: row.total_budget_yen === null ? null : Number(row.total_budget_yen),
    overall_threshold: row.overall_threshold === null ? null : Number(row.overall_threshold),
  };
}

export interface ResultProposalRow extends ProposalRow {
  proposer_name_ja: string;
  proposer_name_en: string;
  core_name_ja: string | null;
  core_name_en: string | null;
  cluster_key: string | null;
}

/** The call's submitted proposals (the ones results rank), by id. */
export async function listSubmittedProposals(db: Db, callId: number): Promise<ResultProposalRow[]> {
  const rows = await db
    .selectFrom('proposals as p')
    .innerJoin('organizations as po', 'po.id', 'p.proposer_organization_id')
    .leftJoin('organizations as co', 'co.id', 'p.core_organization_id')
    .leftJoin('clusters as c', 'c.id', 'p.cluster_id')
    .selectAll('p')
    .select([
      'po.name_ja as proposer_name_ja',
      'po.name_en as proposer_name_en',
      'co.name_ja as core_name_ja',
      'co.name_en as core_name_en',
      'c.key as cluster_key',
    ])
    .where('p.call_id', '=', callId)
    .where('p.status', '=', 'submitted')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ ...r, requested_yen: Number(r.requested_yen) }));
}

export interface SubmittedReview {
  reviewId: number;
  assignmentId: number;
  proposalId: number;
  reviewerAccountId: number;
  reviewerName: string;
  overallComment: string | null;
  submittedAt: string | null;
}

/** Submitted reviews whose assignment is still active, in assignment order (the reviewer labels follow it). */
export async function listSubmittedReviews(db: Db, callId: number): Promise<SubmittedReview[]> {
  const rows = await db
    .selectFrom('reviews as r')
    .innerJoin('review_assignments as a', 'a.id', 'r.assignment_id')
    .innerJoin('accounts as acc', 'acc.id', 'r.reviewer_account_id')
    .select([
      'r.id as reviewId',
      'r.assignment_id as assignmentId',
      'r.proposal_id as proposalId',
      'r.reviewer_account_id as reviewerAccountId',
      'acc.display_name as reviewerName',
      'r.overall_comment as overallComment',
      'r.submitted_at as submittedAt',
    ])
    .where('r.call_id', '=', callId)
    .where('r.status', '=', 'submitted')
    .where('a.removed_at', 'is', null)
    .orderBy('r.proposal_id')
    .orderBy('a.id')
    .execute();
  return rows;
}

export interface ScoreRow {
  reviewId: number;
  criterionKey: string;
  score: number;
  comment: string | null;
}

export async function listReviewScores(db: Db, reviewIds: number[]): Promise<ScoreRow[]> {
  if (reviewIds.length === 0) return [];
  const rows = await db
    .selectFrom('review_scores')
    .select(['review_id as reviewId', 'criterion_key as criterionKey', 'score', 'comment'])
    .where('review_id', 'in', reviewIds)
    .execute();
  return rows.map((r) => ({ ...r, score: Number(r.score) }));
}

export async function listCallConflicts(db: Db, callId: number): Promise<ConflictRow[]> {
  return db.selectFrom('conflicts').selectAll().where('call_id', '=', callId).execute();
}

export interface ConsensusRow {
  proposalId: number;
  criterionKey: string;
  score: number;
  comment: string | null;
}

export async function listConsensus(db: Db, proposalIds: number[]): Promise<ConsensusRow[]> {
  if (proposalIds.length === 0) return [];
  const rows = await db
    .selectFrom('consensus_scores')
    .select(['proposal_id as proposalId', 'criterion_key as criterionKey', 'score', 'comment'])
    .where('proposal_id', 'in', proposalIds)
    .execute();
  return rows.map((r) => ({ ...r, score: Number(r.score) }));
}

export interface CurrentDecisionRow {
  id: number;
  proposalId: number;
  outcome: string;
  reason: string;
  consolidatedComment: string | null;
  overrideReason: string | null;
  decidedAt: string;
  decidedBy: number | null;
  decidedByName: string | null;
}

/** The decisions not superseded, one per proposal. */
export async function listCurrentDecisions(db: Db, callId: number): Promise<CurrentDecisionRow[]> {
  return db
    .selectFrom('proposal_decisions as d')
    .leftJoin('accounts as acc', 'acc.id', 'd.decided_by')
    .select([
      'd.id',
      'd.proposal_id as proposalId',
      'd.outcome',
      'd.reason',
      'd.consolidated_comment as consolidatedComment',
      'd.override_reason as overrideReason',
      'd.decided_at as decidedAt',
      'd.decided_by as decidedBy',
      'acc.display_name as decidedByName',
    ])
    .where('d.call_id', '=', callId)
    .where('d.superseded_at', 'is', null)
    .orderBy('d.proposal_id')
    .execute();
}
