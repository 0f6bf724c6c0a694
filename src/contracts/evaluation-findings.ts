/**
 * Findings (課題): the round's "issues to be solved" per cluster, as tagged recommendations.
 * Officers record them; the cluster's headquarters respond and move the follow-up along
 * (open → responded → in_progress → resolved); an officer carries a finding into a later round,
 * where it is checked again. The public reads findings once the round's results are published.
 */
import { z } from 'zod';
import { IdQuery, LocalizedText, localizedTextInput, Version } from './common';
import { RoundStatus } from './evaluation-rounds';

/** The seed's "to be solved" list (FY2004 intermediate evaluation), plus "other". */
export const FINDING_TAGS = [
  'business_course',
  'ip_strategy',
  'market_needs_targets',
  'global_activity',
  'talent',
  'regulation',
  'other',
] as const;
export const FindingTag = z.enum(FINDING_TAGS);
export type FindingTag = z.infer<typeof FindingTag>;

export const FINDING_TAG_LABELS: Readonly<Record<FindingTag, { ja: string; en: string }>> = {
  business_course: { ja: '事業化への道筋', en: 'Course toward business' },
  ip_strategy: {
    ja: '本部と大学の知的財産戦略の統合',
    en: 'Integration of IP strategy between headquarters and universities',
  },
  market_needs_targets: {
    ja: '市場ニーズ分析・数値目標・企業の参画',
    en: 'Market needs analysis, numerical targets and involvement of companies',
  },
  global_activity: { ja: '国際競争力に向けた国際的活動', en: 'Global activities toward competitiveness' },
  talent: { ja: '地域内外の人材の育成・確保', en: 'Fostering and securing talent' },
  regulation: { ja: '規制（薬事法等）', en: 'Regulation (e.g. the pharmaceutical affairs law)' },
  other: { ja: 'その他', en: 'Other' },
};

export const FOLLOW_UP_STATUSES = ['open', 'responded', 'in_progress', 'resolved'] as const;
export const FollowUpStatus = z.enum(FOLLOW_UP_STATUSES);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

export const MAX_FINDING_LENGTH = 5_000;

export const CreateFindingBody = z.strictObject({
  clusterKey: z.string().min(1).max(120),
  tag: FindingTag,
  text: localizedTextInput(MAX_FINDING_LENGTH),
});
export type CreateFindingBody = z.infer<typeof CreateFindingBody>;

/** An officer's edit at the version read; `followUpRoundKey` carries the finding into a later round (null: none). */
export const UpdateFindingBody = z.strictObject({
  version: Version,
  tag: FindingTag.optional(),
  text: localizedTextInput(MAX_FINDING_LENGTH).optional(),
  followUpStatus: FollowUpStatus.optional(),
  followUpRoundKey: z.string().min(1).max(120).nullable().optional(),
});
export type UpdateFindingBody = z.infer<typeof UpdateFindingBody>;

/**
 * Headquarters' response at the version read. Without `followUpStatus` an open finding becomes
 * responded; headquarters move it forward only (an officer may set any status).
 */
export const RespondFindingBody = z.strictObject({
  version: Version,
  response: z.string().trim().min(1).max(MAX_FINDING_LENGTH),
  followUpStatus: z.enum(['responded', 'in_progress', 'resolved']).optional(),
});
export type RespondFindingBody = z.infer<typeof RespondFindingBody>;

export const FindingIdParam = z.strictObject({ id: IdQuery });

export const FindingListQuery = z.strictObject({
  cluster: z.string().min(1).max(120).optional(),
  tag: FindingTag.optional(),
  followUpStatus: FollowUpStatus.optional(),
});
export type FindingListQuery = z.infer<typeof FindingListQuery>;

export const ClusterFindingListQuery = z.strictObject({
  tag: FindingTag.optional(),
  followUpStatus: FollowUpStatus.optional(),
});
export type ClusterFindingListQuery = z.infer<typeof ClusterFindingListQuery>;

const RoundRef = z.object({
  key: z.string(),
  title: LocalizedText,
  fiscalYear: z.number().int(),
  status: RoundStatus,
});

export const Finding = z.object({
  id: z.number().int(),
  round: RoundRef,
  cluster: z.object({ id: z.number().int(), key: z.string(), name: LocalizedText }),
  tag: FindingTag,
  text: LocalizedText,
  response: z.string().nullable(),
  respondedAt: z.string().nullable(),
  followUpStatus: FollowUpStatus,
  /** The later round in which the finding is checked again, or null. */
  followUpRound: RoundRef.nullable(),
  canEdit: z.boolean(),
  canRespond: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Finding = z.infer<typeof Finding>;

export const FindingListResponse = z.object({ items: z.array(Finding) });
export type FindingListResponse = z.infer<typeof FindingListResponse>;
