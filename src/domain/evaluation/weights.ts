/**
 * The weighting group's rule (重み付けグループ): each member proposes a non-negative weight for every
 * criterion item; the round's weights are the mean of the proposals per item (each proposal first
 * scaled to 100), normalised to sum to 100; the chair may then adjust some weights, with a reason, before the set is locked. Every set
 * is kept (versioned) and {@link compareWeightSets} says what changed between two versions.
 *
 * Precision: weights keep full floating-point precision (33.333333333333336, not 33.3), so scores
 * computed from them are exact to the last bit; their sum is 100 within ~1e-13. For display,
 * {@link displayWeights} rounds to tenths (or another number of decimals) by the largest remainder
 * method so the shown figures add up to exactly 100.0 — never use those to compute scores.
 *
 * A weight set is a record item key → weight; the item order comes from the round's criteria.
 */
import { sameScore, sum } from '../selection/numbers';
import { apportion } from './apportion';
import { describeValue, EvaluationRuleError, fieldPath, type RuleIssue, throwIfIssues } from './rule-error';

/** Item key → weight. After normalisation the weights sum to 100. */
export type WeightSet = Readonly<Record<string, number>>;

/** One weighting member's proposal. */
export interface WeightProposal {
  memberId: number;
  weights: Readonly<Record<string, number>>;
}

/** Problems with the round's item list: non-empty, unique, non-empty keys. */
export function itemIssues(items: readonly string[], field = 'items'): RuleIssue[] {
  if (!Array.isArray(items) || items.length === 0)
    return [{ field, message: 'At least one criterion item is needed' }];
  const issues: RuleIssue[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (typeof item !== 'string' || item === '')
      issues.push({ field: fieldPath(field, i), message: 'An item key must be a non-empty string' });
    else if (seen.has(item))
      issues.push({ field: fieldPath(field, i), message: `Item ${item} is listed twice` });
    else seen.add(item);
  });
  return issues;
}

/** Throws `invalid_items` when the item list is empty or repeats a key. */
export function assertItems(items: readonly string[], field = 'items'): void {
  throwIfIssues('invalid_items', itemIssues(items, field));
}

/**
 * Problems with one weight record against the items: every item present, no other key, each
 * weight a finite number ≥ 0, and at least one above 0 (all zero would make every score 0/0).
 * Fields are `${field}.${item}`.
 */
export function weightIssues(
  items: readonly string[],
  weights: Readonly<Record<string, unknown>>,
  field = 'weights',
): RuleIssue[] {
  if (typeof weights !== 'object' || weights === null)
    return [{ field, message: 'Weights are a record of item → weight' }];
  const issues: RuleIssue[] = [];
  const known = new Set(items);
  for (const key of Object.keys(weights))
    if (!known.has(key))
      issues.push({ field: fieldPath(field, key), message: `There is no criterion item ${key}` });
  let anyPositive = false;
  for (const item of items) {
    const w = weights[item];
    if (w === undefined || w === null)
      issues.push({ field: fieldPath(field, item), message: `A weight for ${item} is missing` });
    else if (typeof w !== 'number' || !Number.isFinite(w))
      issues.push({
        field: fieldPath(field, item),
        message: `Weight must be a finite number; got ${describeValue(w)}`,
      });
    else if (w < 0)
      issues.push({ field: fieldPath(field, item), message: `Weight must be 0 or more; got ${w}` });
    else if (w > 0) anyPositive = true;
  }
  if (issues.length === 0 && !anyPositive)
    issues.push({ field, message: 'At least one item needs a weight above 0' });
  return issues;
}

function assertWeights(
  items: readonly string[],
  weights: Readonly<Record<string, unknown>>,
  field: string,
): void {
  assertItems(items);
  throwIfIssues('invalid_weights', weightIssues(items, weights, field));
}

/** Scales valid weights so they sum to 100 (full precision); throws `invalid_weights` naming the field. */
export function normaliseWeights(
  items: readonly string[],
  weights: Readonly<Record<string, number>>,
  field = 'weights',
): WeightSet {
  assertWeights(items, weights, field);
  const total = sum(items.map((i) => weights[i]!));
  const out: Record<string, number> = {};
  for (const item of items) out[item] = (weights[item]! * 100) / total;
  return out;
}

/**
 * Checks a set that should already be the round's weights: valid as above AND summing to 100 within
 * the score tolerance; throws `invalid_weights`.
 */
export function assertNormalisedWeights(
  items: readonly string[],
  weights: WeightSet,
  field = 'weights',
): void {
  assertWeights(items, weights, field);
  const total = sum(items.map((i) => weights[i]!));
  if (!sameScore(total, 100))
    throw new EvaluationRuleError('invalid_weights', [
      { field, message: `Weights must sum to 100 after normalisation; they sum to ${total}` },
    ]);
}

/**
 * The round's weights from the members' proposals: each member's proposal is first normalised to
 * 100 (so a member who writes 1, 1, 2 counts as much as one who writes 60, 20, 20), then per item
 * the mean of those, normalised to 100 again (which only removes floating-point drift). Every member must propose a weight for every item (fields
 * `proposals.${i}.weights.${item}`); a member proposing all zeros, a repeated member and an empty
 * group are refused.
 */
export function meanWeights(items: readonly string[], proposals: readonly WeightProposal[]): WeightSet {
  assertItems(items);
  const issues: RuleIssue[] = [];
  if (proposals.length === 0)
    issues.push({ field: 'proposals', message: 'No weighting member has proposed weights' });
  const members = new Set<number>();
  proposals.forEach((p, i) => {
    if (members.has(p.memberId))
      issues.push({
        field: fieldPath('proposals', i, 'memberId'),
        message: `Member ${p.memberId} proposed twice`,
      });
    members.add(p.memberId);
    issues.push(...weightIssues(items, p.weights, fieldPath('proposals', i, 'weights')));
  });
  throwIfIssues('invalid_weights', issues);
  const means: Record<string, number> = {};
  const shares = proposals.map((p) => normaliseWeights(items, p.weights));
  for (const item of items) means[item] = sum(shares.map((w) => w[item]!)) / proposals.length;
  return normaliseWeights(items, means);
}

/** A weight as shown: whole units of 10^-decimals (summing exactly to 100 × 10^decimals), the value and its text. */
export interface DisplayWeight {
  item: string;
  /** Whole tenths (for one decimal); the units of all items add up to exactly 1000. */
  units: number;
  /** units / 10^decimals, e.g. 33.4. */
  value: number;
  /** Fixed-decimal text, e.g. '33.4'. */
  text: string;
}

/**
 * Rounds normalised weights for display so the shown figures add up to exactly 100 (largest
 * remainder; equal remainders go to the item earlier in the round's order). 1/3 each → 33.4,
 * 33.3, 33.3.
 */
export function displayWeights(items: readonly string[], weights: WeightSet, decimals = 1): DisplayWeight[] {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6)
    throw new EvaluationRuleError('invalid_options', [
      { field: 'decimals', message: `Decimals must be a whole number from 0 to 6; got ${decimals}` },
    ]);
  assertNormalisedWeights(items, weights);
  const scale = 10 ** decimals;
  const units = apportion(
    items.map((i) => weights[i]! * scale),
    100 * scale,
  );
  return items.map((item, i) => {
    const u = units[i]!;
    return { item, units: u, value: u / scale, text: (u / scale).toFixed(decimals) };
  });
}

/** How the chair's new weights enter the set. */
export type AdjustmentMode =
  /** Replace the weights, then renormalise ALL items to 100 (the chair's figures are proportions). */
  | 'scale_all'
  /** Keep the chair's figures exactly as the new weights; scale the OTHER items to fill the rest of 100. */
  | 'keep_changed';

/** A chair's adjustment: the new set, the reason (required), and the items the chair changed. */
export interface WeightAdjustment {
  weights: WeightSet;
  reason: string;
  changedItems: string[];
}

/**
 * The chair's adjustment before locking: replaces some weights (with a non-empty reason) and
 * renormalises. Fields: `changes.${item}`, `reason`. With 'keep_changed' the changed weights must
 * not exceed 100 together, and the other items must have some weight left to scale unless the
 * changed ones already make 100.
 */
export function adjustWeights(
  items: readonly string[],
  weights: WeightSet,
  changes: Readonly<Record<string, number>>,
  reason: string,
  mode: AdjustmentMode = 'scale_all',
): WeightAdjustment {
  assertWeights(items, weights, 'weights');
  const issues: RuleIssue[] = [];
  const trimmed = typeof reason === 'string' ? reason.trim() : '';
  if (trimmed === '') issues.push({ field: 'reason', message: "The chair's adjustment needs a reason" });
  const known = new Set(items);
  const keys = Object.keys(changes);
  if (keys.length === 0) issues.push({ field: 'changes', message: 'No weight was changed' });
  for (const key of keys) {
    const w: unknown = changes[key];
    if (!known.has(key))
      issues.push({ field: fieldPath('changes', key), message: `There is no criterion item ${key}` });
    else if (typeof w !== 'number' || !Number.isFinite(w))
      issues.push({
        field: fieldPath('changes', key),
        message: `Weight must be a finite number; got ${describeValue(w)}`,
      });
    else if (w < 0)
      issues.push({ field: fieldPath('changes', key), message: `Weight must be 0 or more; got ${w}` });
  }
  throwIfIssues('invalid_weights', issues);
  const changedItems = items.filter((i) => keys.includes(i));
  const merged: Record<string, number> = { ...weights, ...changes };

  if (mode === 'scale_all') {
    if (!items.some((i) => merged[i]! > 0))
      throw new EvaluationRuleError('invalid_weights', [
        { field: 'changes', message: 'The adjustment leaves every weight at 0' },
      ]);
    return { weights: normaliseWeights(items, merged), reason: trimmed, changedItems };
  }

  const fixed = sum(changedItems.map((i) => changes[i]!));
  const others = items.filter((i) => !keys.includes(i));
  const othersTotal = sum(others.map((i) => weights[i]!));
  const rest = 100 - fixed;
  if (rest < 0 && !sameScore(fixed, 100))
    throw new EvaluationRuleError('invalid_weights', [
      { field: 'changes', message: `The changed weights add up to ${fixed}, over 100` },
    ]);
  const restIsZero = sameScore(fixed, 100);
  if (!restIsZero && othersTotal === 0)
    throw new EvaluationRuleError('invalid_weights', [
      {
        field: 'changes',
        message: `The changed weights add up to ${fixed}, and no other item has weight to fill the rest of 100`,
      },
    ]);
  const out: Record<string, number> = {};
  for (const item of items)
    out[item] = keys.includes(item) ? changes[item]! : restIsZero ? 0 : (weights[item]! * rest) / othersTotal;
  return { weights: out, reason: trimmed, changedItems };
}

/** One item's difference between two weight sets; null where the item is absent from that set. */
export interface WeightChange {
  item: string;
  before: number | null;
  after: number | null;
  /** after − before; null when the item was added or removed. */
  delta: number | null;
}

/**
 * What changed between two versions of a weight set: items whose weight moved (beyond the score
 * tolerance), were added or removed, in `before`'s order then items new in `after`. Empty when
 * the sets are the same.
 */
export function compareWeightSets(before: WeightSet, after: WeightSet): WeightChange[] {
  const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !(k in before))];
  const changes: WeightChange[] = [];
  for (const item of keys) {
    const b = item in before ? before[item]! : null;
    const a = item in after ? after[item]! : null;
    if (a !== null && b !== null && sameScore(a, b)) continue;
    changes.push({ item, before: b, after: a, delta: a !== null && b !== null ? a - b : null });
  }
  return changes;
}
