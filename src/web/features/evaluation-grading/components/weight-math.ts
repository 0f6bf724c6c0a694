/**
 * Previews of the weighting rules (src/domain/evaluation/weights.ts) for the forms: the same
 * normalisation, mean and adjustment the server applies, rounded for display so the shown figures
 * add up to exactly 100.0. Invalid input previews as nothing; the server names the fields.
 */
import {
  adjustWeights,
  type AdjustmentMode,
  displayWeights,
  EvaluationRuleError,
  meanWeights,
  normaliseWeights,
  type WeightSet,
} from '../../../../domain/evaluation';

/** Item key → shown weight text ('27.5'), or null when the rule refuses the input. */
export type ShownWeights = Map<string, string> | null;

function shown(items: readonly string[], compute: () => WeightSet): ShownWeights {
  try {
    const set = compute();
    return new Map(displayWeights(items, set).map((d) => [d.item, d.text]));
  } catch (e) {
    if (e instanceof EvaluationRuleError) return null;
    throw e;
  }
}

/** A member's figures normalised to 100; an item left blank counts as 0 in the preview. */
export function previewNormalised(
  items: readonly string[],
  raw: Readonly<Record<string, number | undefined>>,
): ShownWeights {
  return shown(items, () => normaliseWeights(items, Object.fromEntries(items.map((i) => [i, raw[i] ?? 0]))));
}

/** The mean of the proposals given so far, normalised to 100 (what computing a version gives). */
export function previewMean(
  items: readonly string[],
  proposals: readonly { weights: Readonly<Record<string, number>> }[],
): ShownWeights {
  return shown(items, () =>
    meanWeights(
      items,
      proposals.map((p, i) => ({ memberId: i, weights: p.weights })),
    ),
  );
}

/** The chair's adjustment of a version as the server would make it. */
export function previewAdjusted(
  items: readonly string[],
  weights: WeightSet,
  changes: Readonly<Record<string, number>>,
  mode: AdjustmentMode,
): ShownWeights {
  // The reason is checked on its own field; the preview shows the weights whatever it says.
  return shown(items, () => adjustWeights(items, weights, changes, 'preview', mode).weights);
}

/** A full-precision weight to one decimal, for the before → after of a change. */
export function formatWeight(weight: number | null): string {
  return weight === null ? '—' : weight.toFixed(1);
}
