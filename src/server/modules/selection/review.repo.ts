/** Reads and writes of reviews and their scores. */
import type { Db } from '../../context';
import type { ReviewRow } from './selection.table';

export interface ScoredReview {
  reviewId: number;
  assignmentId: number;
  proposalId: number;
  reviewerAccountId: number;
  displayName: string;
  overallComment: string | null;
  scores: Record<string, { score: number; comment: string | null }>;
}

/**
 * The submitted reviews that count: submitted, on an assignment still active (a review whose
 * assignment was removed for a conflict found later does not count), oldest assignment first —
 * the order that labels them Reviewer A, B, C. Results and ranking read the same rows.
 */
export async function listSubmittedReviews(
  db: Db,
  callId: number,
  proposalId?: number,
): Promise<ScoredReview[]> {
  let q = db
    .selectFrom('reviews as r')
    .innerJoin('review_assignments as ra', 'ra.id', 'r.assignment_id')
    .innerJoin('accounts as a', 'a.id', 'r.reviewer_account_id')
    .select([
      'r.id',
      'r.assignment_id',
      'r.proposal_id',
      'r.reviewer_account_id',
      'r.overall_comment',
      'a.display_name',
    ])
    .where('r.call_id', '=', callId)
    .where('r.status', '=', 'submitted')
    .where('ra.removed_at', 'is', null);
  if (proposalId !== undefined) q = q.where('r.proposal_id', '=', proposalId);
  const reviews = await q.orderBy('r.proposal_id').orderBy('r.assignment_id').execute();
  if (reviews.length === 0) return [];
  const scores = await db
    .selectFrom('review_scores')
    .selectAll()
    .where(
      'review_id',
      'in',
      reviews.map((r) => r.id),
    )
    .execute();
  const byReview = new Map<number, Record<string, { score: number; comment: string | null }>>();
  for (const s of scores) {
    const entry = byReview.get(s.review_id) ?? {};
    entry[s.criterion_key] = { score: Number(s.score), comment: s.comment };
    byReview.set(s.review_id, entry);
  }
  return reviews.map((r) => ({
    reviewId: r.id,
    assignmentId: r.assignment_id,
    proposalId: r.proposal_id,
    reviewerAccountId: r.reviewer_account_id,
    displayName: r.display_name,
    overallComment: r.overall_comment,
    scores: byReview.get(r.id) ?? {},
  }));
}

export async function findReviewOfAssignment(db: Db, assignmentId: number): Promise<ReviewRow | undefined> {
  return db.selectFrom('reviews').selectAll().where('assignment_id', '=', assignmentId).executeTakeFirst();
}

export async function listScores(db: Db, reviewId: number) {
  return db.selectFrom('review_scores').selectAll().where('review_id', '=', reviewId).execute();
}

/** Replaces the review's scores with the given ones (null scores are left out: not scored yet). */
export async function replaceScores(
  db: Db,
  reviewId: number,
  scores: Record<string, number | null>,
  comments: Record<string, string>,
): Promise<void> {
  await db.deleteFrom('review_scores').where('review_id', '=', reviewId).execute();
  const rows = Object.entries(scores)
    .filter((e): e is [string, number] => e[1] !== null)
    .map(([criterion, score]) => ({
      review_id: reviewId,
      criterion_key: criterion,
      score,
      comment: comments[criterion]?.trim() || null,
    }));
  if (rows.length > 0) await db.insertInto('review_scores').values(rows).execute();
}
