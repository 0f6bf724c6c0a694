import { describe, expect, it } from 'vitest';

import {
  detectAllConflicts,
  detectConflicts,
  isBlocking,
  type ProposalParties,
  type ReviewerProfile,
} from './conflicts';

const proposal: ProposalParties = {
  proposalId: 10,
  coreOrganizationId: 100,
  participatingOrganizationIds: [101, 102],
  prefectureCodes: ['26', '27', '29'],
  personIds: [500, 501],
};

function reviewer(overrides: Partial<ReviewerProfile> = {}): ReviewerProfile {
  return {
    reviewerId: 1,
    personId: 900,
    affiliations: [{ organizationId: 200, prefectureCode: '13' }],
    collaborations: [],
    declared: [],
    ...overrides,
  };
}

describe('detectConflicts', () => {
  it.each([
    { name: 'none', reviewer: reviewer(), kinds: [] },
    { name: 'no affiliations at all', reviewer: reviewer({ affiliations: [] }), kinds: [] },
    {
      name: 'core organization',
      reviewer: reviewer({ affiliations: [{ organizationId: 100, prefectureCode: null }] }),
      kinds: ['organization'],
    },
    {
      name: 'participating organization',
      reviewer: reviewer({ affiliations: [{ organizationId: 102, prefectureCode: '13' }] }),
      kinds: ['organization'],
    },
    {
      name: 'same prefecture',
      reviewer: reviewer({ affiliations: [{ organizationId: 200, prefectureCode: '27' }] }),
      kinds: ['prefecture'],
    },
    {
      name: 'same organization and prefecture',
      reviewer: reviewer({ affiliations: [{ organizationId: 100, prefectureCode: '26' }] }),
      kinds: ['organization', 'prefecture'],
    },
    {
      name: 'two affiliations in one prefecture give one finding',
      reviewer: reviewer({
        affiliations: [
          { organizationId: 200, prefectureCode: '29' },
          { organizationId: 201, prefectureCode: '29' },
        ],
      }),
      kinds: ['prefecture'],
    },
    {
      name: 'recent co-author (edge of the window)',
      reviewer: reviewer({ collaborations: [{ kind: 'coauthorship', personId: 500, fyTo: 1997 }] }),
      kinds: ['collaborator'],
    },
    {
      name: 'co-author just outside the window',
      reviewer: reviewer({ collaborations: [{ kind: 'coauthorship', personId: 500, fyTo: 1996 }] }),
      kinds: [],
    },
    {
      name: 'joint project running past the call',
      reviewer: reviewer({ collaborations: [{ kind: 'joint_project', organizationId: 101, fyTo: 2005 }] }),
      kinds: ['collaborator'],
    },
    {
      name: 'collaboration with someone else',
      reviewer: reviewer({
        collaborations: [{ kind: 'coauthorship', personId: 777, organizationId: 888, fyTo: 2001 }],
      }),
      kinds: [],
    },
    {
      name: 'declared for this proposal',
      reviewer: reviewer({ declared: [{ proposalId: 10, reason: 'Former student of the director' }] }),
      kinds: ['personal'],
    },
    {
      name: 'declared for another proposal',
      reviewer: reviewer({ declared: [{ proposalId: 11, reason: 'x' }] }),
      kinds: [],
    },
    {
      name: 'every kind',
      reviewer: reviewer({
        affiliations: [{ organizationId: 101, prefectureCode: '26' }],
        collaborations: [{ kind: 'coauthorship', personId: 501, fyTo: 2000, title: 'Nano sensors' }],
        declared: [{ proposalId: 10, reason: 'Family' }],
      }),
      kinds: ['organization', 'prefecture', 'collaborator', 'personal'],
    },
  ])('$name', ({ reviewer: r, kinds }) => {
    // FY2002 call, collaborations within 5 years count (FY1997 onwards).
    const found = detectConflicts(r, proposal, 2002, 5);
    expect(found.map((f) => f.kind)).toEqual(kinds);
    for (const f of found) {
      expect(f.reason.length).toBeGreaterThan(0);
      expect(f).toMatchObject({
        reviewerId: 1,
        proposalId: 10,
        source: f.kind === 'personal' ? 'declared' : 'detected',
      });
    }
  });

  it('gives reasons in words', () => {
    const found = detectConflicts(
      reviewer({
        affiliations: [{ organizationId: 100, prefectureCode: '27' }],
        collaborations: [{ kind: 'joint_project', personId: 500, fyTo: 2001, title: 'Bio chips' }],
      }),
      proposal,
      2002,
      5,
    );
    expect(found.map((f) => f.reason)).toEqual([
      'Affiliated with the core organization, organization 100',
      'Organization in prefecture 27, part of the region',
      'Joint project “Bio chips” with person 500 until FY2001 (since FY1997 counts)',
    ]);
  });

  it('names what the sides share with the names it is given', () => {
    const names = {
      organization: (id: number) => (id === 100 ? '大阪大学 Osaka University' : `#${id}`),
      prefecture: (code: string) => (code === '27' ? '大阪府 Osaka' : code),
      person: (id: number) => (id === 500 ? '山田 太郎' : `#${id}`),
    };
    const found = detectConflicts(
      reviewer({
        affiliations: [{ organizationId: 100, prefectureCode: '27' }],
        collaborations: [{ kind: 'joint_project', personId: 500, fyTo: 2001, title: 'Bio chips' }],
      }),
      proposal,
      2002,
      5,
      names,
    );
    expect(found.map((f) => f.reason)).toEqual([
      'Affiliated with the core organization, 大阪大学 Osaka University',
      'Organization in 大阪府 Osaka, part of the region',
      'Joint project “Bio chips” with 山田 太郎 until FY2001 (since FY1997 counts)',
    ]);
  });
});

describe('detectAllConflicts and isBlocking', () => {
  const reviewers = [
    reviewer({ reviewerId: 1, affiliations: [{ organizationId: 100, prefectureCode: '26' }] }),
    reviewer({ reviewerId: 2 }),
  ];
  const proposals = [
    proposal,
    {
      ...proposal,
      proposalId: 11,
      coreOrganizationId: 300,
      participatingOrganizationIds: [],
      prefectureCodes: ['01'],
    },
  ];

  it('checks every pair', () => {
    expect(
      detectAllConflicts(reviewers, proposals, 2002, 5).map(
        (f) => `${f.reviewerId}:${f.proposalId}:${f.kind}`,
      ),
    ).toEqual(['1:10:organization', '1:10:prefecture']);
    expect(detectAllConflicts([], proposals, 2002, 5)).toEqual([]);
  });

  it.each([
    { name: 'no rulings: every finding blocks', rulings: [], blocked: ['1:10'] },
    {
      name: 'one of two dismissed: still blocked',
      rulings: [{ reviewerId: 1, proposalId: 10, kind: 'prefecture' as const, ruling: 'dismissed' as const }],
      blocked: ['1:10'],
    },
    {
      name: 'all dismissed: free',
      rulings: [
        { reviewerId: 1, proposalId: 10, kind: 'prefecture' as const, ruling: 'dismissed' as const },
        { reviewerId: 1, proposalId: 10, kind: 'organization' as const, ruling: 'dismissed' as const },
      ],
      blocked: [],
    },
    {
      name: 'confirmed blocks',
      rulings: [
        { reviewerId: 1, proposalId: 10, kind: 'organization' as const, ruling: 'confirmed' as const },
      ],
      blocked: ['1:10'],
    },
  ])('$name', ({ rulings, blocked }) => {
    const blocks = isBlocking(detectAllConflicts(reviewers, proposals, 2002, 5), rulings);
    const got = [1, 2].flatMap((r) => [10, 11].filter((p) => blocks(r, p)).map((p) => `${r}:${p}`));
    expect(got).toEqual(blocked);
  });
});
