/**
 * What every part of the review reads about its call: the row by key, its frozen criteria and scale
 * parsed, and the phase rules (when assignments may change, when reviews may be written).
 */
import { CallCriteria, DisagreementRule, Scale } from '../../../contracts/selection-common';
import type { WeightedCriterion } from '../../../domain/selection/scoring';
import type { Db } from '../../context';
import { AppError, notFound } from '../../http/app-error';
import type { CallRow } from './selection.table';

export interface ReviewCall {
  row: CallRow;
  criteria: CallCriteria;
  weighted: WeightedCriterion[];
  scale: Scale;
  disagreement: DisagreementRule;
}

export async function findCallByKey(db: Db, key: string): Promise<CallRow | undefined> {
  return db.selectFrom('calls').selectAll().where('key', '=', key).executeTakeFirst();
}

export function parseCall(row: CallRow): ReviewCall {
  const criteria = CallCriteria.parse(JSON.parse(row.criteria_json));
  return {
    row,
    criteria,
    weighted: criteria.flatMap((g) => g.items.map((i) => ({ key: i.key, weight: i.weight }))),
    scale: Scale.parse(JSON.parse(row.scale_json)),
    disagreement: DisagreementRule.parse(JSON.parse(row.disagreement_json)),
  };
}

/** The call by key, parsed; 404 when there is none. Callers check permissions before. */
export async function loadCall(db: Db, key: string): Promise<ReviewCall> {
  const row = await findCallByKey(db, key);
  if (!row) throw notFound('call', key);
  return parseCall(row);
}

/** The submission deadline with its grace period, as a time. */
function closesAt(call: CallRow): number {
  return Date.parse(call.submission_deadline) + call.grace_minutes * 60_000;
}

/**
 * Assignments (and the reviewing itself) happen once the proposals are in: the call is in 'review',
 * or still 'open' but past its submission deadline and grace period (an officer may start assigning
 * before flipping the status). Not in draft (nothing submitted yet), nor from 'decision' on (the
 * panel has finished).
 */
export function inReviewPhase(call: CallRow, now: Date): boolean {
  return call.status === 'review' || (call.status === 'open' && now.getTime() > closesAt(call));
}

export function requireReviewPhase(call: CallRow, now: Date, what: string): void {
  if (!inReviewPhase(call, now))
    throw new AppError(
      'INVALID_TRANSITION',
      `${what} is possible only while the call is in review (or open after its submission deadline); call ${call.key} is ${call.status}`,
    );
}

/** Consensus and the reveal also run while the officers decide (status 'decision'). */
export function inModerationPhase(call: CallRow, now: Date): boolean {
  return inReviewPhase(call, now) || call.status === 'decision';
}

export function requireModerationPhase(call: CallRow, now: Date, what: string): void {
  if (!inModerationPhase(call, now))
    throw new AppError(
      'INVALID_TRANSITION',
      `${what} is possible only while the call is in review or decision; call ${call.key} is ${call.status}`,
    );
}

/** "Reviewer A", "Reviewer B", … "Reviewer AA" past Z. */
export function reviewerLabel(index: number): string {
  let n = index;
  let s = '';
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `Reviewer ${s}`;
}
