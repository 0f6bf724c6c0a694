/** Rows of evaluation rounds → the API's shapes; JSON columns parsed with the contracts' schemas. */
import { isAnnounced } from '../../../domain/evaluation/announcement';
import {
  BandsInput,
  GradeScaleInput,
  RoundCriteria,
  RoundPhase,
  type RoundDetail,
  type RoundKind,
  type RoundStatus,
  type RoundSummary,
} from '../../../contracts/evaluation-rounds';
import type { EvaluationRoundRow, RoundAssignmentRow } from './evaluation.table';
import type { MemberInfo, RoundClusterInfo } from './round.repo';

export function parseRoundCriteria(row: EvaluationRoundRow): RoundCriteria {
  return RoundCriteria.parse(JSON.parse(row.criteria_json));
}

export function parseRoundScale(row: EvaluationRoundRow): GradeScaleInput {
  return GradeScaleInput.parse(JSON.parse(row.scale_json));
}

export function parseRoundBands(row: EvaluationRoundRow): BandsInput {
  return BandsInput.parse(JSON.parse(row.bands_json));
}

/** Every gradable item key of the round, in tree order. */
export function roundItemKeys(row: EvaluationRoundRow): string[] {
  return parseRoundCriteria(row).flatMap((g) => g.items.map((i) => i.key));
}

/** `now` decides whether the results are announced yet. */
export function toRoundSummary(row: EvaluationRoundRow, clusterCount: number, now: Date): RoundSummary {
  return {
    id: row.id,
    key: row.key,
    title: { ja: row.title_ja, en: row.title_en },
    kind: row.kind as RoundKind,
    fiscalYear: row.fiscal_year,
    allocationFiscalYear: row.allocation_fiscal_year,
    status: row.status as RoundStatus,
    clusterCount,
    announceOn: row.announce_on,
    publishedAt: row.published_at,
    announced: isAnnounced({ publishedAt: row.published_at, announceOn: row.announce_on }, now),
    isDemo: Number(row.is_demo) === 1,
    version: row.version,
  };
}

export function toRoundDetail(
  row: EvaluationRoundRow,
  parts: {
    clusters: RoundClusterInfo[];
    members: MemberInfo[];
    assignments: RoundAssignmentRow[];
    canManage: boolean;
    myRoles: ('evaluator' | 'weighting_member')[];
    now: Date;
  },
): RoundDetail {
  return {
    ...toRoundSummary(row, parts.clusters.length, parts.now),
    criteria: parseRoundCriteria(row),
    scale: parseRoundScale(row),
    bands: parseRoundBands(row),
    phases: RoundPhase.array().parse(JSON.parse(row.phases_json)),
    clusters: parts.clusters.map((c) => ({
      id: c.id,
      key: c.key,
      name: { ja: c.name_ja, en: c.name_en },
      startFiscalYear: c.start_fy,
    })),
    members: parts.members.map((m) => ({
      accountId: m.account_id,
      displayName: m.display_name,
      role: m.role as 'evaluator' | 'weighting_member',
      isChair: Number(m.is_chair) === 1,
    })),
    assignments: parts.assignments.map((a) => ({
      clusterId: a.cluster_id,
      evaluatorId: a.evaluator_account_id,
      conflictKind: a.conflict_kind as 'organization' | 'prefecture' | 'personal' | null,
      conflictNote: a.conflict_note,
      submittedAt: a.submitted_at,
    })),
    canManage: parts.canManage,
    myRoles: parts.myRoles,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the audit log keeps of a round. */
export function roundSnapshot(row: EvaluationRoundRow) {
  return {
    key: row.key,
    kind: row.kind,
    status: row.status,
    fiscalYear: row.fiscal_year,
    allocationFiscalYear: row.allocation_fiscal_year,
    title: { ja: row.title_ja, en: row.title_en },
    criteria: JSON.parse(row.criteria_json) as unknown,
    scale: JSON.parse(row.scale_json) as unknown,
    bands: JSON.parse(row.bands_json) as unknown,
    phases: JSON.parse(row.phases_json) as unknown,
    announceOn: row.announce_on,
    version: row.version,
  };
}

/** A criteria template's rows (groups have no parent; items name their group), in template order. */
export interface CriteriaTemplateItem {
  key: string;
  parent_key: string | null;
  label_ja: string;
  label_en: string;
  aspects_json: string | null;
}

/** A template as a round's criteria tree: groups with their items and aspects; empty groups left out. */
export function roundCriteriaOf(items: readonly CriteriaTemplateItem[]): RoundCriteria {
  const aspects = (json: string | null) =>
    json ? (JSON.parse(json) as { ja: string; en: string }[]).map((a) => ({ ja: a.ja, en: a.en })) : [];
  return items
    .filter((i) => i.parent_key === null)
    .map((g) => ({
      key: g.key,
      label: { ja: g.label_ja, en: g.label_en },
      items: items
        .filter((i) => i.parent_key === g.key)
        .map((i) => ({
          key: i.key,
          label: { ja: i.label_ja, en: i.label_en },
          aspects: aspects(i.aspects_json),
        })),
    }))
    .filter((g) => g.items.length > 0);
}
