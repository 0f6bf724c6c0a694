/**
 * Who may do what: the one policy table of the platform. Services ask `can(actor, permission,
 * target)`; nothing else decides access. Pure, so the web app hides what the server would refuse.
 */

export const ROLES = [
  'administrator',
  'programme_officer',
  'cluster_headquarters',
  'evaluator',
  'weighting_member',
  'coordinator',
  'partner_company',
  'proposer',
] as const;
export type Role = (typeof ROLES)[number];

/** What a grant is limited to; `programme` means the whole programme. */
export const SCOPE_TYPES = ['programme', 'cluster', 'organization', 'round', 'call'] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

/**
 * The scopes each role's grants may take, the usual one first. Evaluators and weighting members
 * join the programme's pool first and are named for a round or call later.
 */
export const ROLE_SCOPES: Record<Role, readonly ScopeType[]> = {
  administrator: ['programme'],
  programme_officer: ['programme'],
  cluster_headquarters: ['cluster'],
  evaluator: ['programme', 'round', 'call'],
  weighting_member: ['programme', 'round'],
  coordinator: ['programme', 'cluster'],
  partner_company: ['organization'],
  // A proposing local government or core organization (申請機関), drafting its region's proposals.
  proposer: ['organization'],
};

export interface RoleGrant {
  role: Role;
  scopeType: ScopeType;
  /** The cluster, organization, round or call id; null for programme-wide grants. */
  scopeId: number | null;
}

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'account'; accountId: number; email: string; displayName: string; grants: RoleGrant[] }
  | { kind: 'system'; label: string };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export const PERMISSIONS = [
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
  'proposal:edit',
  'review:submit',
  'round:manage',
  'round:read-unpublished',
  'self-evaluation:edit',
  'weight:propose',
  'grade:submit',
  'finding:respond',
  'seed:edit',
  'need:edit',
  'matching:coordinate',
  'industrial-cluster:manage',
  'event:register',
  'duplication:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** A cluster-scoped permission applies only to the clusters a headquarters grant names. */
const CLUSTER_SCOPED: ReadonlySet<Permission> = new Set([
  'cluster:update',
  'cluster-member:manage',
  'outcome-report:edit',
  'target:edit',
  'self-evaluation:edit',
  'finding:respond',
]);

/** The policy table: which roles hold each permission. The anonymous public holds `published:read`. */
export const POLICY: Record<Permission, readonly Role[]> = {
  'published:read': ROLES,
  'unpublished:read': ['administrator', 'programme_officer'],
  'cluster:create': ['administrator', 'programme_officer'],
  'cluster:update': ['administrator', 'programme_officer', 'cluster_headquarters'],
  'cluster-member:manage': ['administrator', 'programme_officer', 'cluster_headquarters'],
  'organization:create': ['administrator', 'programme_officer', 'cluster_headquarters'],
  'organization:update': ['administrator', 'programme_officer'],
  'person:create': ['administrator', 'programme_officer', 'cluster_headquarters'],
  'person:update': ['administrator', 'programme_officer'],
  'person:read-contact': ['administrator', 'programme_officer', 'coordinator'],
  'account:manage': ['administrator'],
  'audit:read': ['administrator'],
  // Headquarters prepare and correct their own cluster's reports; officers review them.
  'outcome-report:edit': ['administrator', 'programme_officer', 'cluster_headquarters'],
  'outcome-report:review': ['administrator', 'programme_officer'],
  // Opens the reports workspace. Not cluster-scoped: services show headquarters only the drafts
  // of headquartersClusterIds(actor), officers every cluster's.
  'outcome-report:read-drafts': ['administrator', 'programme_officer', 'cluster_headquarters'],
  'report-deadline:manage': ['administrator', 'programme_officer'],
  'target:edit': ['administrator', 'programme_officer', 'cluster_headquarters'],
  // The ledger is the ministry's: officers keep it; everyone reads published clusters' lines.
  'budget:edit': ['administrator', 'programme_officer'],
  // Headquarters may import rows of their own cluster only (checked per row by the importer).
  'import:run': ['administrator', 'programme_officer', 'cluster_headquarters'],
  // Selection. Officers run calls: criteria, reviewer pool, assignment, conflict rulings, reveal,
  // consensus (the officer moderates), decisions, publication, reopening a proposal.
  'call:manage': ['administrator', 'programme_officer'],
  // Every proposal of a call, every review and conflict, before publication.
  'call:read-unpublished': ['administrator', 'programme_officer'],
  // Not organization-scoped here: services narrow a proposer to proposerOrganizationIds(actor).
  'proposal:edit': ['proposer'],
  // Services narrow a reviewer to their own assignments, never a conflicted one.
  'review:submit': ['evaluator'],
  // Evaluation rounds. Officers open rounds, name members, rule on conflicts, schedule interviews,
  // lock weights, publish and allocate; they see every grade and every evaluator's name.
  'round:manage': ['administrator', 'programme_officer'],
  'round:read-unpublished': ['administrator', 'programme_officer'],
  // Headquarters write their own cluster's self-evaluation and answer its findings.
  'self-evaluation:edit': ['cluster_headquarters'],
  'finding:respond': ['cluster_headquarters'],
  // The weighting group and the evaluating group are different people: services narrow each to
  // the rounds whose round_members name them in that role.
  'weight:propose': ['weighting_member'],
  'grade:submit': ['evaluator'],
  // Seeds to business. Headquarters offer their own cluster's seeds; coordinators (目利き) write
  // seeds for any cluster. Services narrow headquarters to headquartersClusterIds(actor).
  'seed:edit': ['administrator', 'programme_officer', 'cluster_headquarters', 'coordinator'],
  // Companies post needs for their own organization (partnerCompanyOrganizationIds); coordinators
  // write needs on a company's behalf.
  'need:edit': ['administrator', 'programme_officer', 'coordinator', 'partner_company'],
  // Review and publish seeds and needs, read confidential companies' names, propose matches and
  // record the pipeline's steps.
  'matching:coordinate': ['administrator', 'programme_officer', 'coordinator'],
  // METI Industrial Cluster cooperation: projects, member companies, committees, meetings, events.
  'industrial-cluster:manage': ['administrator', 'programme_officer', 'coordinator'],
  // Anyone with an account may register for a forum or joint conference.
  'event:register': ROLES,
  // The e-Rad-style check of the same researcher or theme funded twice in a fiscal year.
  'duplication:read': ['administrator', 'programme_officer'],
};

export interface PermissionTarget {
  clusterId?: number;
}

/** Whether the grant allows the permission on the target (scope rules applied). */
function grantAllows(grant: RoleGrant, permission: Permission, target: PermissionTarget): boolean {
  if (!POLICY[permission].includes(grant.role)) return false;
  if (grant.role === 'cluster_headquarters' && CLUSTER_SCOPED.has(permission)) {
    return (
      target.clusterId !== undefined && grant.scopeType === 'cluster' && grant.scopeId === target.clusterId
    );
  }
  return true;
}

/** True when the actor holds the permission for the target; the system actor (CLI, loaders) may do anything. */
export function can(actor: Actor, permission: Permission, target: PermissionTarget = {}): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind === 'anonymous') return permission === 'published:read';
  return actor.grants.some((grant) => grantAllows(grant, permission, target));
}

/** The clusters a headquarters actor may edit (empty for everyone else). */
export function headquartersClusterIds(actor: Actor): number[] {
  if (actor.kind !== 'account') return [];
  return actor.grants
    .filter((g) => g.role === 'cluster_headquarters' && g.scopeType === 'cluster' && g.scopeId !== null)
    .map((g) => g.scopeId!);
}

/** The organizations whose proposals a proposer actor drafts (empty for everyone else). */
export function proposerOrganizationIds(actor: Actor): number[] {
  if (actor.kind !== 'account') return [];
  return actor.grants
    .filter((g) => g.role === 'proposer' && g.scopeType === 'organization' && g.scopeId !== null)
    .map((g) => g.scopeId!);
}

/** The companies a partner-company actor posts needs for (empty for everyone else). */
export function partnerCompanyOrganizationIds(actor: Actor): number[] {
  if (actor.kind !== 'account') return [];
  return actor.grants
    .filter((g) => g.role === 'partner_company' && g.scopeType === 'organization' && g.scopeId !== null)
    .map((g) => g.scopeId!);
}

/** Whether the role is valid with this scope (a headquarters grant needs a cluster, and so on). */
export function isValidGrant(role: Role, scopeType: ScopeType, scopeId: number | null): boolean {
  if (!ROLE_SCOPES[role].includes(scopeType)) return false;
  return scopeType === 'programme' ? scopeId === null : scopeId !== null;
}
