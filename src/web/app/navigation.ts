import type { Permission } from '../../domain/permissions';

export interface NavItem {
  to: string;
  /** i18n key of the label. */
  labelKey:
    | 'nav.programme'
    | 'nav.outcomes'
    | 'nav.clusters'
    | 'nav.analytics'
    | 'nav.budgets'
    | 'nav.reports'
    | 'nav.imports'
    | 'nav.selection'
    | 'nav.calls'
    | 'nav.proposals'
    | 'nav.reviews'
    | 'nav.rounds'
    | 'nav.evaluations'
    | 'nav.openData'
    | 'nav.organizations'
    | 'nav.people'
    | 'nav.adminUsers'
    | 'nav.audit'
    | 'nav.seeds'
    | 'nav.needs'
    | 'nav.matches'
    | 'nav.industrialCluster'
    | 'nav.events'
    | 'nav.duplicates';
  /** The header menu it sits in; top-level when absent. */
  section?: NavSection;
  /** Shown only to accounts holding this permission; public when absent. */
  permission?: Permission;
  /** Shown to accounts holding any of these (a round serves officers, headquarters and both groups). */
  anyPermission?: readonly Permission[];
  end?: boolean;
}

/**
 * Work areas grouped as header menus: an officer or administrator sees two dozen destinations,
 * which as one row of links wrapped past the header at common laptop widths.
 */
export const NAV_SECTIONS = ['evaluation', 'business', 'administration'] as const;
export type NavSection = (typeof NAV_SECTIONS)[number];

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.programme', end: true },
  { to: '/outcomes', labelKey: 'nav.outcomes' },
  { to: '/clusters', labelKey: 'nav.clusters' },
  { to: '/analytics', labelKey: 'nav.analytics' },
  { to: '/budgets', labelKey: 'nav.budgets' },
  { to: '/open-data', labelKey: 'nav.openData' },
  { to: '/selection', section: 'evaluation', labelKey: 'nav.selection' },
  { to: '/evaluations', section: 'evaluation', labelKey: 'nav.evaluations' },
  { to: '/seeds', section: 'business', labelKey: 'nav.seeds' },
  { to: '/needs', section: 'business', labelKey: 'nav.needs' },
  // Coordinators see every match; headquarters and partner companies their own side's.
  {
    to: '/matches',
    section: 'business',
    labelKey: 'nav.matches',
    anyPermission: ['matching:coordinate', 'seed:edit', 'need:edit'],
  },
  { to: '/industrial-cluster', section: 'business', labelKey: 'nav.industrialCluster' },
  { to: '/events', section: 'business', labelKey: 'nav.events' },
  {
    to: '/funding/duplicates',
    section: 'business',
    labelKey: 'nav.duplicates',
    permission: 'duplication:read',
  },
  { to: '/calls', section: 'evaluation', labelKey: 'nav.calls', permission: 'call:manage' },
  { to: '/proposals', section: 'evaluation', labelKey: 'nav.proposals', permission: 'proposal:edit' },
  { to: '/reviews', section: 'evaluation', labelKey: 'nav.reviews', permission: 'review:submit' },
  {
    to: '/rounds',
    section: 'evaluation',
    labelKey: 'nav.rounds',
    anyPermission: ['round:read-unpublished', 'self-evaluation:edit', 'weight:propose', 'grade:submit'],
  },
  {
    to: '/reports',
    section: 'administration',
    labelKey: 'nav.reports',
    permission: 'outcome-report:read-drafts',
  },
  { to: '/imports', section: 'administration', labelKey: 'nav.imports', permission: 'import:run' },
  {
    to: '/organizations',
    section: 'administration',
    labelKey: 'nav.organizations',
    permission: 'organization:create',
  },
  { to: '/people', section: 'administration', labelKey: 'nav.people', permission: 'person:create' },
  { to: '/admin/users', section: 'administration', labelKey: 'nav.adminUsers', permission: 'account:manage' },
  { to: '/admin/audit', section: 'administration', labelKey: 'nav.audit', permission: 'audit:read' },
];
