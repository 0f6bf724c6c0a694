/**
 * Which ranked proposals fit the call: walk the eligible proposals in rank order, taking each tie
 * group whole while slots and budget remain. The walk stops at the first group that does not fit
 * whole, for two reasons of fairness:
 * - a tie that straddles the last slot (or the last yen) is flagged for an officer's decision,
 *   never cut by id order or chance;
 * - a lower-ranked proposal never overtakes a higher-ranked one because it asks for less money;
 *   an officer can still select it explicitly, with a reason, in the decision step.
 * Ineligible and unscored proposals are never selected, whatever their position.
 */
import type { RankedProposal } from './ranking';

export interface SelectionLimits {
  /** Number of regions to select. */
  slots: number;
  /** Total budget in integer yen; null = not limited by money. */
  totalBudgetYen: number | null;
  /** The call's budget per cluster, the cost of a proposal with no own request; null = 0. */
  budgetPerProposalYen: number | null;
}

export type SelectionStatus =
  'selected' | 'tie_at_cutoff' | 'no_slot' | 'over_budget' | 'below_cutoff' | 'ineligible' | 'unscored';

export interface SelectionLine {
  proposalId: number;
  status: SelectionStatus;
  costYen: number;
  reason: string;
}

export interface SelectionOutcome {
  lines: SelectionLine[];
  selected: number[];
  /** The tie group needing an officer's decision, if any, with what is left for it. */
  decisionNeeded: {
    proposalIds: number[];
    rank: number;
    slotsLeft: number;
    budgetLeftYen: number | null;
  } | null;
  slotsUsed: number;
  budgetUsedYen: number;
  slotsLeft: number;
  budgetLeftYen: number | null;
}

/** Checks the limits: whole numbers of slots and yen, none negative. */
export function validateSelectionLimits(limits: SelectionLimits): string | null {
  if (!Number.isSafeInteger(limits.slots) || limits.slots < 0)
    return `Slots must be a whole number, 0 or more; got ${limits.slots}`;
  for (const [name, v] of [
    ['Total budget', limits.totalBudgetYen],
    ['Budget per proposal', limits.budgetPerProposalYen],
  ] as const)
    if (v !== null && (!Number.isSafeInteger(v) || v < 0))
      return `${name} must be whole yen, 0 or more; got ${v}`;
  return null;
}

/**
 * Applies the limits to the ranked list (as `rankProposals` returns it: eligible first, in rank
 * order). `requestedYen` holds a proposal's own request where it differs from the call's budget
 * per proposal. Throws on invalid limits.
 */
export function selectWithinLimits(
  ranked: readonly Pick<RankedProposal, 'proposalId' | 'group' | 'rank'>[],
  limits: SelectionLimits,
  requestedYen: Readonly<Record<number, number>> = {},
): SelectionOutcome {
  const problem = validateSelectionLimits(limits);
  if (problem) throw new RangeError(problem);
  const cost = (id: number) => requestedYen[id] ?? limits.budgetPerProposalYen ?? 0;
  let slotsLeft = limits.slots;
  let budgetLeft = limits.totalBudgetYen;
  const lines: SelectionLine[] = [];
  let decisionNeeded: SelectionOutcome['decisionNeeded'] = null;
  let stoppedAt: number | null = null;

  const eligible = ranked.filter((r) => r.group === 'eligible' && r.rank !== null);
  const groups = new Map<number, number[]>();
  for (const r of eligible) groups.set(r.rank!, [...(groups.get(r.rank!) ?? []), r.proposalId]);

  for (const [rank, ids] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
    const groupCost = ids.reduce((s, id) => s + cost(id), 0);
    if (stoppedAt !== null) {
      for (const id of ids)
        lines.push({
          proposalId: id,
          status: 'below_cutoff',
          costYen: cost(id),
          reason: `Ranked below the cut-off at rank ${stoppedAt}`,
        });
      continue;
    }
    const slotsFit = ids.length <= slotsLeft;
    const budgetFits = budgetLeft === null || groupCost <= budgetLeft;
    if (slotsFit && budgetFits) {
      slotsLeft -= ids.length;
      if (budgetLeft !== null) budgetLeft -= groupCost;
      for (const id of ids)
        lines.push({
          proposalId: id,
          status: 'selected',
          costYen: cost(id),
          reason: `Rank ${rank} within ${limits.slots} slots and the budget`,
        });
      continue;
    }
    stoppedAt = rank;
    const someoneFits = slotsLeft > 0 && ids.some((id) => budgetLeft === null || cost(id) <= budgetLeft);
    if (ids.length > 1 && someoneFits) {
      decisionNeeded = { proposalIds: ids, rank, slotsLeft, budgetLeftYen: budgetLeft };
      for (const id of ids)
        lines.push({
          proposalId: id,
          status: 'tie_at_cutoff',
          costYen: cost(id),
          reason: `Tied at rank ${rank} with ${ids.length - 1} other(s) for ${slotsLeft} slot(s)${budgetLeft === null ? '' : ` and ¥${budgetLeft} left`}: an officer decides`,
        });
      continue;
    }
    for (const id of ids) {
      const noSlot = slotsLeft === 0 || !slotsFit;
      lines.push({
        proposalId: id,
        status: noSlot ? 'no_slot' : 'over_budget',
        costYen: cost(id),
        reason: noSlot
          ? `Rank ${rank}: all ${limits.slots} slots are taken`
          : `Rank ${rank}: asks ¥${groupCost} with ¥${budgetLeft} of the budget left`,
      });
    }
  }
  for (const r of ranked) {
    if (r.group === 'ineligible')
      lines.push({
        proposalId: r.proposalId,
        status: 'ineligible',
        costYen: cost(r.proposalId),
        reason: 'Under a threshold',
      });
    else if (r.rank === null)
      lines.push({
        proposalId: r.proposalId,
        status: 'unscored',
        costYen: cost(r.proposalId),
        reason: 'No submitted review',
      });
  }
  const selected = lines.filter((l) => l.status === 'selected').map((l) => l.proposalId);
  return {
    lines,
    selected,
    decisionNeeded,
    slotsUsed: limits.slots - slotsLeft,
    budgetUsedYen: selected.reduce((s, id) => s + cost(id), 0),
    slotsLeft,
    budgetLeftYen: budgetLeft,
  };
}
