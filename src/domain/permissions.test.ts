import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  type Actor,
  can,
  headquartersClusterIds,
  isValidGrant,
  type Permission,
  PERMISSIONS,
  POLICY,
  type Role,
  ROLE_SCOPES,
  ROLES,
} from './permissions';

function actorWith(role: Role, scopeId: number | null = null): Actor {
  return {
    kind: 'account',
    accountId: 1,
    email: 'a@example.jp',
    displayName: 'A',
    grants: [{ role, scopeType: ROLE_SCOPES[role][0]!, scopeId }],
  };
}

/** The expected matrix, written out independently of POLICY so a policy change must be deliberate. */
const EXPECTED: Record<Role, Permission[]> = {
  administrator: [
    'published:read',
    'unpublished:read',
    'cluster:create',
    'cluster:update',
    'cluster-member:manage',
    'organization:create',
    'organization:update',
    'person:create',
    'person:update',
    'person:read-contact',
    'account:manage',
    'audit:read',
    'outcome-report:edit',
    'outcome-report:review',
    'outcome-report:read-drafts',
    'report-deadline:manage',
    'target:edit',
    'budget:edit',
    'import:run',
    'call:manage',
    'call:read-unpublished',
    'round:manage',
    'round:read-unpublished',
    'seed:edit',
    'need:edit',
    'matching:coordinate',
    'industrial-cluster:manage',
    'event:register',
    'duplication:read',
  ],
  programme_officer: [
    'published:read',
    'unpublished:read',
    'cluster:create',
    'cluster:update',
    'cluster-member:manage',
    'organization:create',
    'organization:update',
    'person:create',
    'person:update',
    'person:read-contact',
    'outcome-report:edit',
    'outcome-report:review',
    'outcome-report:read-drafts',
    'report-deadline:manage',
    'target:edit',
    'budget:edit',
    'import:run',
    'call:manage',
    'call:read-unpublished',
    'round:manage',
    'round:read-unpublished',
    'seed:edit',
    'need:edit',
    'matching:coordinate',
    'industrial-cluster:manage',
    'event:register',
    'duplication:read',
  ],
  cluster_headquarters: [
    'published:read',
    'cluster:update',
    'cluster-member:manage',
    'organization:create',
    'person:create',
    'outcome-report:edit',
    'outcome-report:read-drafts',
    'target:edit',
    'import:run',
    'self-evaluation:edit',
    'finding:respond',
    'seed:edit',
    'event:register',
  ],
  evaluator: ['published:read', 'review:submit', 'grade:submit', 'event:register'],
  weighting_member: ['published:read', 'weight:propose', 'event:register'],
  coordinator: [
    'published:read',
    'person:read-contact',
    'seed:edit',
    'need:edit',
    'matching:coordinate',
    'industrial-cluster:manage',
    'event:register',
  ],
  partner_company: ['published:read', 'need:edit', 'event:register'],
  proposer: ['published:read', 'proposal:edit', 'event:register'],
};

describe('can', () => {
  const cases = ROLES.flatMap((role) =>
    PERMISSIONS.map((permission) => ({ role, permission, allowed: EXPECTED[role].includes(permission) })),
  );
  it.each(cases)('$role → $permission on its own cluster: $allowed', ({ role, permission, allowed }) => {
    const scopeId = ROLE_SCOPES[role][0] === 'programme' ? null : 7;
    expect(can(actorWith(role, scopeId), permission, { clusterId: 7 })).toBe(allowed);
  });

  it.each(PERMISSIONS)('the anonymous public holds only published:read (%s)', (permission) => {
    expect(can(ANONYMOUS, permission, { clusterId: 7 })).toBe(permission === 'published:read');
  });

  it.each([
    'cluster:update',
    'cluster-member:manage',
    'outcome-report:edit',
    'target:edit',
    'self-evaluation:edit',
    'finding:respond',
  ] as const)('a headquarters may not %s another cluster', (permission) => {
    expect(can(actorWith('cluster_headquarters', 7), permission, { clusterId: 8 })).toBe(false);
    expect(can(actorWith('cluster_headquarters', 7), permission, {})).toBe(false);
  });

  it.each(['outcome-report:read-drafts', 'import:run'] as const)(
    'a headquarters holds %s without naming a cluster (the service narrows it to its own clusters)',
    (permission) => {
      expect(can(actorWith('cluster_headquarters', 7), permission, {})).toBe(true);
    },
  );

  it('a headquarters of two clusters may edit both', () => {
    const actor: Actor = {
      kind: 'account',
      accountId: 2,
      email: 'hq@example.jp',
      displayName: 'HQ',
      grants: [
        { role: 'cluster_headquarters', scopeType: 'cluster', scopeId: 1 },
        { role: 'cluster_headquarters', scopeType: 'cluster', scopeId: 2 },
      ],
    };
    expect(can(actor, 'cluster:update', { clusterId: 1 })).toBe(true);
    expect(can(actor, 'cluster:update', { clusterId: 2 })).toBe(true);
    expect(can(actor, 'cluster:update', { clusterId: 3 })).toBe(false);
    expect(headquartersClusterIds(actor)).toEqual([1, 2]);
  });

  it('an account with no grants holds nothing', () => {
    const actor: Actor = {
      kind: 'account',
      accountId: 3,
      email: 'x@example.jp',
      displayName: 'X',
      grants: [],
    };
    expect(PERMISSIONS.filter((p) => can(actor, p))).toEqual([]);
  });

  it('the system actor holds everything', () => {
    expect(PERMISSIONS.every((p) => can({ kind: 'system', label: 'cli' }, p))).toBe(true);
  });

  it('every role in the policy table is a known role', () => {
    for (const roles of Object.values(POLICY)) for (const role of roles) expect(ROLES).toContain(role);
  });
});

describe('isValidGrant', () => {
  it.each([
    ['administrator', 'programme', null, true],
    ['administrator', 'programme', 3, false],
    ['cluster_headquarters', 'cluster', 3, true],
    ['cluster_headquarters', 'cluster', null, false],
    ['cluster_headquarters', 'programme', null, false],
    ['evaluator', 'round', 1, true],
    ['weighting_member', 'round', null, false],
    ['weighting_member', 'programme', null, true],
    ['evaluator', 'cluster', 2, false],
    ['coordinator', 'cluster', 2, true],
    ['partner_company', 'organization', 5, true],
    ['proposer', 'organization', 5, true],
    ['proposer', 'programme', null, false],
    ['coordinator', 'programme', null, true],
  ] as const)('%s with %s scope %s → %s', (role, scopeType, scopeId, expected) => {
    expect(isValidGrant(role, scopeType, scopeId)).toBe(expected);
  });
});
