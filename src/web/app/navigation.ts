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
  /** Shown only to accounts holding this permission; public when absent. */
  permission?: Permission;
  /** Shown to accounts holding any of these (a round serves officers, headquarters and both groups). */
  anyPermission?: readonly Permission[];
  end?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', labelKey: 'nav.programme', end: true },
  { to: '/outcomes', labelKey: 'nav.outcomes' },
  { to: '/clusters', labelKey: 'nav.clusters' },
  { to: '/analytics', labelKey: 'nav.analytics' },
  { to: '/budgets', labelKey: 'nav.budgets' },
  { to: '/open-data', labelKey: 'nav.openData' },
  { to: '/selection', labelKey: 'nav.selection' },
  { to: '/evaluations', labelKey: 'nav.evaluations' },
  { to: '/seeds', labelKey: 'nav.seeds' },
  { to: '/needs', labelKey: 'nav.needs' },
  // Coordinators see every match; headquarters and partner companies their own side's.
  {
    to: '/matches',
    labelKey: 'nav.matches',
    anyPermission: ['matching:coordinate', 'seed:edit', 'need:edit'],
  },
  { to: '/industrial-cluster', labelKey: 'nav.industrialCluster' },
  { to: '/events', labelKey: 'nav.events' },
  { to: '/funding/duplicates', labelKey: 'nav.duplicates', permission: 'duplication:read' },
  { to: '/calls', labelKey: 'nav.calls', permission: 'call:manage' },
  { to: '/proposals', labelKey: 'nav.proposals', permission: 'proposal:edit' },
  { to: '/reviews', labelKey: 'nav.reviews', permission: 'review:submit' },
  {
    to: '/rounds',
    labelKey: 'nav.rounds',
    anyPermission: ['round:read-unpublished', 'self-evaluation:edit', 'weight:propose', 'grade:submit'],
  },
  { to: '/reports', labelKey: 'nav.reports', permission: 'outcome-report:read-drafts' },
  { to: '/imports', labelKey: 'nav.imports', permission: 'import:run' },
  { to: '/organizations', labelKey: 'nav.organizations', permission: 'organization:create' },
  { to: '/people', labelKey: 'nav.people', permission: 'person:create' },
  { to: '/admin/users', labelKey: 'nav.adminUsers', permission: 'account:manage' },
  { to: '/admin/audit', labelKey: 'nav.audit', permission: 'audit:read' },
];
