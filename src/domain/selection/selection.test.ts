import { describe, expect, it } from 'vitest';

import type { RankedProposal } from './ranking';
import { selectWithinLimits, validateSelectionLimits, type SelectionLimits } from './selection';

type Line = Pick<RankedProposal, 'proposalId' | 'group' | 'rank'>;
const e = (proposalId: number, rank: number | null): Line => ({ proposalId, group: 'eligible', rank });
const i = (proposalId: number, rank: number | null): Line => ({ proposalId, group: 'ineligible', rank });

const M = 500_000_000; // ¥500M per cluster, as in the programme
const limits = (
  slots: number,
  totalBudgetYen: number | null,
  budgetPerProposalYen: number | null = M,
): SelectionLimits => ({
  slots,
  totalBudgetYen,
  budgetPerProposalYen,
});

describe('selectWithinLimits', () => {
  it.each([
    { name: 'empty list', ranked: [], limits: limits(3, 3 * M), requested: {}, statuses: [], decision: null },
    {
      name: 'zero slots',
      ranked: [e(1, 1)],
      limits: limits(0, null),
      requested: {},
      statuses: ['1:no_slot'],
      decision: null,
    },
    {
      name: 'slots bind',
      ranked: [e(1, 1), e(2, 2), e(3, 3)],
      limits: limits(2, null),
      requested: {},
      statuses: ['1:selected', '2:selected', '3:no_slot'],
      decision: null,
    },
    {
      name: 'budget exhausted before slots',
      ranked: [e(1, 1), e(2, 2), e(3, 3), e(4, 4)],
      limits: limits(3, 2 * M),
      requested: {},
      statuses: ['1:selected', '2:selected', '3:over_budget', '4:below_cutoff'],
      decision: null,
    },
    {
      name: 'a cheaper lower-ranked proposal does not overtake',
      ranked: [e(1, 1), e(2, 2), e(3, 3)],
      limits: limits(3, 2 * M),
      requested: { 2: 2 * M, 3: 100 },
      statuses: ['1:selected', '2:over_budget', '3:below_cutoff'],
      decision: null,
    },
    {
      name: 'tie at the last slot is flagged, not cut',
      ranked: [e(1, 1), e(2, 2), e(3, 2), e(4, 4)],
      limits: limits(2, null),
      requested: {},
      statuses: ['1:selected', '2:tie_at_cutoff', '3:tie_at_cutoff', '4:below_cutoff'],
      decision: { proposalIds: [2, 3], rank: 2, slotsLeft: 1, budgetLeftYen: null },
    },
    {
      name: 'tie that fits whole is selected',
      ranked: [e(1, 1), e(2, 2), e(3, 2), e(4, 4)],
      limits: limits(3, 3 * M),
      requested: {},
      statuses: ['1:selected', '2:selected', '3:selected', '4:no_slot'],
      decision: null,
    },
    {
      name: 'tie at the last yen is flagged',
      ranked: [e(1, 1), e(2, 1)],
      limits: limits(5, M),
      requested: {},
      statuses: ['1:tie_at_cutoff', '2:tie_at_cutoff'],
      decision: { proposalIds: [1, 2], rank: 1, slotsLeft: 5, budgetLeftYen: M },
    },
    {
      name: 'tie where nobody fits the money is over budget',
      ranked: [e(1, 1), e(2, 2), e(3, 2)],
      limits: limits(5, M + 1),
      requested: {},
      statuses: ['1:selected', '2:over_budget', '3:over_budget'],
      decision: null,
    },
    {
      name: 'tie after the slots ran out is simply out',
      ranked: [e(1, 1), e(2, 2), e(3, 2)],
      limits: limits(1, null),
      requested: {},
      statuses: ['1:selected', '2:no_slot', '3:no_slot'],
      decision: null,
    },
    {
      name: 'ineligible and unscored are skipped whatever their place',
      ranked: [e(2, 1), e(5, null), i(1, 1), i(3, null)],
      limits: limits(12, null),
      requested: {},
      statuses: ['2:selected', '5:unscored', '1:ineligible', '3:ineligible'],
      decision: null,
    },
    {
      name: 'all tied for fewer slots',
      ranked: [e(1, 1), e(2, 1), e(3, 1)],
      limits: limits(2, null),
      requested: {},
      statuses: ['1:tie_at_cutoff', '2:tie_at_cutoff', '3:tie_at_cutoff'],
      decision: { proposalIds: [1, 2, 3], rank: 1, slotsLeft: 2, budgetLeftYen: null },
    },
    {
      name: 'no money limit and no per-proposal budget',
      ranked: [e(1, 1), e(2, 2)],
      limits: limits(2, null, null),
      requested: {},
      statuses: ['1:selected', '2:selected'],
      decision: null,
    },
    {
      name: 'FY2002: 12 of 30 at ¥500M each',
      ranked: Array.from({ length: 30 }, (_, n) => e(n + 1, n + 1)),
      limits: limits(12, 12 * M),
      requested: {},
      statuses: Array.from(
        { length: 30 },
        (_, n) => `${n + 1}:${n < 12 ? 'selected' : n === 12 ? 'no_slot' : 'below_cutoff'}`,
      ),
      decision: null,
    },
  ])('$name', ({ ranked, limits: l, requested, statuses, decision }) => {
    const out = selectWithinLimits(ranked, l, requested as Record<number, number>);
    expect(out.lines.map((x) => `${x.proposalId}:${x.status}`)).toEqual(statuses);
    expect(out.decisionNeeded).toEqual(decision);
    expect(out.selected).toEqual(out.lines.filter((x) => x.status === 'selected').map((x) => x.proposalId));
    expect(out.slotsUsed).toBe(out.selected.length);
    expect(out.slotsLeft).toBe(l.slots - out.selected.length);
    if (l.totalBudgetYen !== null) expect(out.budgetLeftYen).toBe(l.totalBudgetYen - out.budgetUsedYen);
    else expect(out.budgetLeftYen).toBeNull();
  });

  it.each([
    { limits: limits(-1, null), problem: 'Slots' },
    { limits: limits(1.5, null), problem: 'Slots' },
    { limits: limits(1, -5), problem: 'Total budget' },
    { limits: limits(1, 0.5), problem: 'Total budget' },
    { limits: limits(1, 10, -1), problem: 'Budget per proposal' },
  ])('refuses $limits', ({ limits: l, problem }) => {
    expect(validateSelectionLimits(l)).toContain(problem);
    expect(() => selectWithinLimits([], l)).toThrow(RangeError);
  });

  it('accepts valid limits', () => {
    expect(validateSelectionLimits(limits(12, 6_000_000_000))).toBeNull();
  });
});
