/** The vocabulary of a cluster's network: statuses, organization kinds, member and staff roles. */

export const CLUSTER_STATUSES = ['trial', 'full', 'ended', 'withdrawn'] as const;
export type ClusterStatus = (typeof CLUSTER_STATUSES)[number];

export const ORGANIZATION_KINDS = [
  'university',
  'public_research_institute',
  'company',
  'local_government',
  'core_organization',
  'tlo',
  'jst',
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** The part an organization plays in one cluster (an organization may take part in several). */
export const MEMBER_ROLES = [
  'core_organization',
  'headquarters',
  'university',
  'research_institute',
  'company',
  'local_government',
  'tlo',
  'other',
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const STAFF_ROLES = [
  'headquarters_director',
  'programme_director',
  'research_director',
  'coordinator',
  'researcher',
  'adviser',
  'staff',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The last fiscal year of a plan that starts in `startFy` and runs `durationYears`. */
export function planEndFiscalYear(startFy: number, durationYears: number): number {
  if (!Number.isInteger(startFy) || !Number.isInteger(durationYears) || durationYears < 1) {
    throw new RangeError('start fiscal year and duration must be integers, duration at least 1');
  }
  return startFy + durationYears - 1;
}

/** A period of participation [fromFy, toFy] is valid when it starts no later than it ends. */
export function isValidParticipation(fromFy: number, toFy: number | null): boolean {
  return toFy === null || fromFy <= toFy;
}
