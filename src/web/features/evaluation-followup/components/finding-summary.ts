/** Counts of a round's findings per tag and follow-up status: which of the seed's issues are still open, and where. */
import {
  FINDING_TAGS,
  FOLLOW_UP_STATUSES,
  type Finding,
  type FindingTag,
  type FollowUpStatus,
} from '../../../../contracts/evaluation-findings';

export interface TagSummaryRow {
  tag: FindingTag;
  counts: Record<FollowUpStatus, number>;
  total: number;
  /** Clusters with a finding of this tag not yet resolved, in the order first met. */
  unresolvedClusters: Finding['cluster'][];
}

/** One row per tag that has findings, in the contract's order (the seed's list first). */
export function summarizeByTag(findings: readonly Finding[]): TagSummaryRow[] {
  return FINDING_TAGS.flatMap((tag) => {
    const ofTag = findings.filter((f) => f.tag === tag);
    if (ofTag.length === 0) return [];
    const counts = Object.fromEntries(
      FOLLOW_UP_STATUSES.map((s) => [s, ofTag.filter((f) => f.followUpStatus === s).length]),
    ) as Record<FollowUpStatus, number>;
    const unresolved = new Map<number, Finding['cluster']>();
    for (const f of ofTag) if (f.followUpStatus !== 'resolved') unresolved.set(f.cluster.id, f.cluster);
    return [{ tag, counts, total: ofTag.length, unresolvedClusters: [...unresolved.values()] }];
  });
}
