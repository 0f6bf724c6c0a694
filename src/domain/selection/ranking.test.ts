import { describe, expect, it } from 'vitest';

import { type RankInput, rankProposals, type TieBreakRule } from './ranking';

function p(
  proposalId: number,
  score: number | null,
  criteria: Record<string, number | null> = {},
  eligible = true,
): RankInput {
  return { proposalId, score, criteria, eligible };
}

const TECH: TieBreakRule = { kind: 'criterion', criterion: 'technical.competence' };
const LEAD: TieBreakRule = { kind: 'criterion', criterion: 'regional.leadership' };

describe('rankProposals', () => {
  it.each([
    { name: 'empty', proposals: [], rules: [], expected: [] },
    { name: 'single', proposals: [p(1, 3)], rules: [], expected: ['1:e1'] },
    {
      name: 'strict order',
      proposals: [p(1, 3), p(2, 4.5), p(3, 2)],
      rules: [],
      expected: ['2:e1', '1:e2', '3:e3'],
    },
    {
      name: 'competition ranking 1, 2, 2, 4',
      proposals: [p(1, 4), p(2, 3), p(3, 3), p(4, 2)],
      rules: [],
      expected: ['1:e1', '2:e2=3', '3:e2=2', '4:e4'],
    },
    {
      name: 'all equal',
      proposals: [p(3, 3), p(1, 3), p(2, 3)],
      rules: [],
      expected: ['1:e1=2,3', '2:e1=1,3', '3:e1=1,2'],
    },
    {
      name: 'summation-order noise is a tie',
      proposals: [p(1, 3.3333333333333335), p(2, 3.333333333333333), p(3, 10 / 3)],
      rules: [],
      expected: ['1:e1=2,3', '2:e1=1,3', '3:e1=1,2'],
    },
    {
      name: 'a real difference of 1e-7 is not a tie',
      proposals: [p(1, 3.3333333), p(2, 3.3333334)],
      rules: [],
      expected: ['2:e1', '1:e2'],
    },
    {
      name: 'first rule breaks the tie',
      proposals: [p(1, 4, { 'technical.competence': 3 }), p(2, 4, { 'technical.competence': 5 })],
      rules: [TECH, LEAD],
      expected: ['2:e1', '1:e2'],
    },
    {
      name: 'first rule ties, second breaks',
      proposals: [
        p(1, 4, { 'technical.competence': 4, 'regional.leadership': 2 }),
        p(2, 4, { 'technical.competence': 4, 'regional.leadership': 5 }),
        p(3, 4, { 'technical.competence': 5, 'regional.leadership': 1 }),
      ],
      rules: [TECH, LEAD],
      expected: ['3:e1', '2:e2', '1:e3'],
    },
    {
      name: 'rules run out: stay tied',
      proposals: [
        p(1, 4, { 'technical.competence': 4, 'regional.leadership': 2 }),
        p(2, 4, { 'technical.competence': 4, 'regional.leadership': 2 }),
        p(3, 3.5, { 'technical.competence': 5, 'regional.leadership': 5 }),
      ],
      rules: [TECH, LEAD],
      expected: ['1:e1=2', '2:e1=1', '3:e3'],
    },
    {
      name: 'tie-break does not reorder different scores',
      proposals: [p(1, 4, { 'technical.competence': 1 }), p(2, 3, { 'technical.competence': 5 })],
      rules: [TECH],
      expected: ['1:e1', '2:e2'],
    },
    {
      name: 'missing tie-break figure comes after',
      proposals: [p(1, 4, { 'technical.competence': null }), p(2, 4, { 'technical.competence': 1 })],
      rules: [TECH],
      expected: ['2:e1', '1:e2'],
    },
    {
      name: 'tie-break values within tolerance stay tied',
      proposals: [p(1, 4, { 'technical.competence': 0.1 + 0.2 }), p(2, 4, { 'technical.competence': 0.3 })],
      rules: [TECH],
      expected: ['1:e1=2', '2:e1=1'],
    },
    {
      name: 'ineligible ranked separately after eligible',
      proposals: [p(1, 5, {}, false), p(2, 3), p(3, 4), p(4, 2, {}, false)],
      rules: [],
      expected: ['3:e1', '2:e2', '1:i1', '4:i2'],
    },
    {
      name: 'unscored close each group unranked',
      proposals: [p(1, null), p(2, 3), p(3, null, {}, false), p(4, 1, {}, false)],
      rules: [],
      expected: ['2:e1', '1:e-', '4:i1', '3:i-'],
    },
    {
      name: 'all ineligible',
      proposals: [p(1, 2, {}, false), p(2, 2, {}, false)],
      rules: [],
      expected: ['1:i1=2', '2:i1=1'],
    },
  ])('$name', ({ proposals, rules, expected }) => {
    const got = rankProposals(proposals, rules).map(
      (r) =>
        `${r.proposalId}:${r.group[0]}${r.rank ?? '-'}${r.tiedWith.length > 0 ? `=${r.tiedWith.join(',')}` : ''}`,
    );
    expect(got).toEqual(expected);
  });

  it('says which rule decided, and where the proposal would stand without thresholds', () => {
    const ranked = rankProposals(
      [
        p(1, 4, { 'technical.competence': 4, 'regional.leadership': 2 }),
        p(2, 4, { 'technical.competence': 4, 'regional.leadership': 5 }),
        p(3, 4, { 'technical.competence': 5 }),
        p(4, 4.5, {}, false),
        p(5, 3),
      ],
      [TECH, LEAD],
    );
    const by = Object.fromEntries(ranked.map((r) => [r.proposalId, r]));
    expect(by[3]).toMatchObject({ rank: 1, decidedBy: TECH, rankIgnoringThresholds: 2 });
    expect(by[2]).toMatchObject({ rank: 2, decidedBy: LEAD, rankIgnoringThresholds: 3 });
    expect(by[1]).toMatchObject({ rank: 3, decidedBy: LEAD });
    expect(by[5]).toMatchObject({ rank: 4, decidedBy: null, rankIgnoringThresholds: 5 });
    expect(by[4]).toMatchObject({ group: 'ineligible', rank: 1, rankIgnoringThresholds: 1 });
  });

  it('does not depend on the input order', () => {
    const input = [
      p(5, 3),
      p(2, 4, { 'technical.competence': 4 }),
      p(9, 4, { 'technical.competence': 4 }),
      p(1, 1),
    ];
    expect(rankProposals([...input].reverse(), [TECH])).toEqual(rankProposals(input, [TECH]));
  });

  it('refuses a repeated proposal', () => {
    expect(() => rankProposals([p(1, 3), p(1, 4)], [])).toThrow(/appears twice/);
  });
});
