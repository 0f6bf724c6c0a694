/**
 * Naming a cluster in a file: its key ("sapporo"), its Japanese name or its English name, compared
 * exactly after NFKC, trimming and case folding ("札幌ＩＴカロッツェリアクラスター" = "札幌ITカロッツェリアクラスター").
 */
import { PROGRAMME_SCOPE_NAMES } from './kinds';

export interface NamedCluster {
  id: number;
  key: string;
  nameJa: string;
  nameEn: string;
}

export function foldClusterName(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A lookup from any of a cluster's names to the cluster; a name two clusters share finds neither. */
export function clusterMatcher(clusters: readonly NamedCluster[]): (name: string) => NamedCluster | null {
  const byName = new Map<string, NamedCluster | null>();
  for (const cluster of clusters) {
    for (const name of new Set([cluster.key, cluster.nameJa, cluster.nameEn].map(foldClusterName))) {
      if (name === '') continue;
      const existing = byName.get(name);
      byName.set(name, existing === undefined || existing?.id === cluster.id ? cluster : null);
    }
  }
  return (name) => byName.get(foldClusterName(name)) ?? null;
}

/** Whether a budget file's cluster cell means the programme's own budget. */
export function isProgrammeScope(name: string): boolean {
  return PROGRAMME_SCOPE_NAMES.some((n) => foldClusterName(n) === foldClusterName(name));
}
