/** Pure helpers of the reporting screens: who may do what, field paths, and parsing what people type. */
import type { SelfResponse } from '../../../../contracts/auth';
import type { OutcomeItem, OutcomeReport, ReportIssue } from '../../../../contracts/reports';
import { INDICATOR_KEYS, type IndicatorKey } from '../../../../domain/indicators';
import { itemContributions, type ItemKind } from '../../../../domain/outcome-items';

/** The clusters a headquarters account reports for (id and key, from its grants). */
export function headquartersClusters(account: SelfResponse | null): { id: number; key: string }[] {
  if (!account) return [];
  const seen = new Map<number, string>();
  for (const grant of account.grants) {
    if (grant.role === 'cluster_headquarters' && grant.scopeType === 'cluster' && grant.scopeId !== null)
      seen.set(grant.scopeId, grant.scopeLabel ?? String(grant.scopeId));
  }
  return [...seen].map(([id, key]) => ({ id, key }));
}

export function isHeadquartersAccount(account: SelfResponse | null): boolean {
  return headquartersClusters(account).length > 0;
}

/** Mirrors the policy table: officers and administrators edit any cluster's report, headquarters their own. */
export function canEditCluster(account: SelfResponse | null, clusterId: number): boolean {
  if (!account) return false;
  return account.grants.some(
    (g) =>
      g.role === 'administrator' ||
      g.role === 'programme_officer' ||
      (g.role === 'cluster_headquarters' && g.scopeType === 'cluster' && g.scopeId === clusterId),
  );
}

/** The DOM id of the input an issue's field path names (`values.sales`, `notes.sales`, `researcherCount`). */
export function fieldDomId(path: string): string {
  return `report-field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** `items.3.grantedDate` → the item at index 3 and its field. */
export function parseItemPath(path: string): { index: number; field: string | null } | null {
  const match = /^items\.(\d+)(?:\.(.+))?$/.exec(path);
  if (!match) return null;
  return { index: Number(match[1]), field: match[2] ?? null };
}

/** Issues about one item (by its position in `report.items`), keyed by its field name. */
export function itemIssues(
  report: OutcomeReport,
  itemId: number,
): { field: string | null; issue: ReportIssue }[] {
  const index = report.items.findIndex((i) => i.id === itemId);
  if (index < 0) return [];
  const out: { field: string | null; issue: ReportIssue }[] = [];
  for (const issue of report.issues) {
    const parsed = parseItemPath(issue.field);
    if (parsed && parsed.index === index) out.push({ field: parsed.field, issue });
  }
  return out;
}

/** How many items feed an indicator's derived value (those that actually add to it in the report's years). */
export function contributingItemCounts(report: OutcomeReport): Partial<Record<IndicatorKey, number>> {
  const counts: Partial<Record<IndicatorKey, number>> = {};
  for (const item of report.items) {
    for (const key of Object.keys(itemContributions(item, report.fyFrom, report.fyTo)) as IndicatorKey[]) {
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  return counts;
}

/** Whole counts as people type them: full-width digits and thousands separators allowed. */
export function parseCount(input: string): number | null {
  const text = input.normalize('NFKC').replace(/,/g, '').trim();
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

export function itemsOfKind(items: readonly OutcomeItem[], kind: ItemKind): OutcomeItem[] {
  return items.filter((i) => i.kind === kind);
}

export function isIndicatorPath(path: string): boolean {
  const [head, key] = path.split('.');
  return (head === 'values' || head === 'notes') && INDICATOR_KEYS.includes(key as IndicatorKey);
}
