/** The programme overview and the vocabulary every page needs. */
import type { IndicatorResponse, ProgrammeResponse, ReferenceResponse } from '../../../contracts/reference';
import { CLUSTER_STATUSES, MEMBER_ROLES, ORGANIZATION_KINDS, STAFF_ROLES } from '../../../domain/network';
import { ROLES } from '../../../domain/permissions';
import { REGIONS } from '../../../domain/prefectures';
import type { ServiceContext } from '../../context';
import { AppError } from '../../http/app-error';
import type { IndicatorRow } from '../outcomes/outcome.table';
import {
  countPublishedClusters,
  findFirstProgramme,
  listIndicators,
  listKeyFields,
  listPrefectures,
} from './programme.repo';

export function toIndicatorResponse(row: IndicatorRow): IndicatorResponse {
  return {
    key: row.key,
    group: row.group_key,
    label: { ja: row.label_ja, en: row.label_en },
    groupLabel: { ja: row.group_label_ja, en: row.group_label_en },
    unit: row.unit === 'yen' ? 'yen' : 'count',
    order: row.sort_order,
  };
}

/** The programme's facts and its published clusters counted by start year and key field (public). */
export async function getProgrammeOverview(ctx: ServiceContext): Promise<ProgrammeResponse> {
  const programme = await findFirstProgramme(ctx.db);
  if (!programme) throw new AppError('NOT_FOUND', 'No programme has been loaded yet');
  const counts = await countPublishedClusters(ctx.db, programme.id);
  const byFy = new Map<number, number>();
  const byField = new Map<string, number>();
  for (const c of counts) {
    byFy.set(c.start_fy, (byFy.get(c.start_fy) ?? 0) + c.n);
    byField.set(c.key_field_key, (byField.get(c.key_field_key) ?? 0) + c.n);
  }
  return {
    key: programme.key,
    name: { ja: programme.name_ja, en: programme.name_en },
    ministry: { ja: programme.ministry_ja, en: programme.ministry_en },
    yenPerUsd: programme.yen_per_usd,
    annualBudgetPerClusterYen: programme.annual_budget_per_cluster_yen,
    durationYears: programme.duration_years,
    candidateRegions: programme.candidate_regions,
    participants: {
      organizations: programme.participant_organizations,
      researchers: programme.participant_researchers,
    },
    source: programme.source,
    clusterCount: counts.reduce((sum, c) => sum + c.n, 0),
    clustersByStartFy: [...byFy].map(([fy, count]) => ({ fy, count })),
    clustersByKeyField: [...byField].map(([keyField, count]) => ({ keyField, count })),
  };
}

/** Key fields, prefectures, indicators and the codes the UI labels (public). */
export async function getReference(ctx: ServiceContext): Promise<ReferenceResponse> {
  const [keyFields, prefectures, indicators] = await Promise.all([
    listKeyFields(ctx.db),
    listPrefectures(ctx.db),
    listIndicators(ctx.db),
  ]);
  return {
    keyFields: keyFields.map((f) => ({
      key: f.key,
      name: { ja: f.name_ja, en: f.name_en },
      isBasicPlanPriority: f.is_basic_plan_priority === 1,
    })),
    prefectures: prefectures.map((p) => ({
      code: p.code,
      name: { ja: p.name_ja, en: p.name_en },
      region: p.region_key,
    })),
    regions: REGIONS.map((r) => ({ key: r.key, label: { ja: r.ja, en: r.en } })),
    indicators: indicators.map(toIndicatorResponse),
    organizationKinds: [...ORGANIZATION_KINDS],
    memberRoles: [...MEMBER_ROLES],
    staffRoles: [...STAFF_ROLES],
    clusterStatuses: [...CLUSTER_STATUSES],
    roles: [...ROLES],
  };
}
