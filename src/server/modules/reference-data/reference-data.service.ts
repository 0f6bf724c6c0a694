/**
 * Loads the bundled reference data once: the programme, its vocabulary, the 18 clusters, the
 * FY2002–FY2004 outcome table and both criteria trees. A second run finds the programme and does nothing.
 */
import { KEY_FIELDS, findKeyField } from '../../../domain/key-fields';
import { OUTCOME_INDICATORS } from '../../../domain/indicators';
import { planEndFiscalYear } from '../../../domain/network';
import { findPrefecture, PREFECTURES } from '../../../domain/prefectures';
import type { ServiceContext } from '../../context';
import { audit } from '../audit/audit.service';
import { type CriteriaTree, readReferenceFiles } from './reference-data.files';
import {
  findProgrammeIdByKey,
  insertCriteriaTemplate,
  insertProgramme,
  insertReferenceCluster,
  insertReport,
  upsertIndicators,
  upsertKeyFields,
  upsertPrefectures,
} from './reference-data.repo';

export const PROGRAMME_KEY = 'knowledge-cluster-initiative';
export const SEED_SOURCE = 'MEXT, “Knowledge Cluster Initiative — present state & issues” (seed deck, 2005)';

function criteriaItems(tree: CriteriaTree) {
  let order = 0;
  return tree.groups.flatMap((group) => [
    {
      key: group.key,
      parent_key: null,
      label_ja: group.ja,
      label_en: group.en,
      aspects_json: null,
      sort_order: order++,
    },
    ...group.items.map((item) => ({
      key: item.key,
      parent_key: group.key,
      label_ja: item.ja,
      label_en: item.en,
      aspects_json: item.aspects ? JSON.stringify(item.aspects) : null,
      sort_order: order++,
    })),
  ]);
}

/** Loads the reference data unless the programme is already there; returns whether it loaded. */
export async function loadReferenceData(ctx: ServiceContext): Promise<boolean> {
  if ((await findProgrammeIdByKey(ctx.db, PROGRAMME_KEY)) !== undefined) return false;
  const files = readReferenceFiles();
  const at = ctx.now().toISOString();

  // Check everything before writing anything.
  const clusters = files.clusters.map((row) => {
    const keyField = findKeyField(row.key_field);
    if (!keyField)
      throw new Error(`clusters.csv: unknown key field "${row.key_field}" for ${row.cluster_key}`);
    const prefectureCodes = row.prefecture.split('/').map((name) => {
      const p = findPrefecture(name);
      if (!p) throw new Error(`clusters.csv: unknown prefecture "${name}" for ${row.cluster_key}`);
      return p.code;
    });
    return { row, keyField, prefectureCodes };
  });
  const outcomesByKey = new Map(files.outcomes.map((r) => [r.cluster_key, r]));

  await ctx.db.transaction().execute(async (trx) => {
    const p = files.programme;
    const [ministryEn] = p.ministry.split(' (');
    const programmeId = await insertProgramme(trx, {
      key: PROGRAMME_KEY,
      name_ja: p.name_ja,
      name_en: p.name_en,
      ministry_ja: '文部科学省',
      ministry_en: ministryEn ?? p.ministry,
      yen_per_usd: p.yen_per_usd,
      annual_budget_per_cluster_yen: p.annual_budget_per_cluster_yen,
      duration_years: p.duration_years,
      candidate_regions: p.candidate_regions,
      participant_organizations: p.participants.organizations,
      participant_researchers: p.participants.researchers,
      source: SEED_SOURCE,
      created_at: at,
      updated_at: at,
    });
    await upsertKeyFields(
      trx,
      KEY_FIELDS.map((f, i) => ({
        key: f.key,
        name_ja: f.ja,
        name_en: f.en,
        is_basic_plan_priority: f.isBasicPlanPriority ? 1 : 0,
        sort_order: i,
      })),
    );
    await upsertPrefectures(
      trx,
      PREFECTURES.map((pr) => ({ code: pr.code, name_ja: pr.ja, name_en: pr.en, region_key: pr.region })),
    );
    await upsertIndicators(
      trx,
      OUTCOME_INDICATORS.map((ind) => ({
        key: ind.key,
        group_key: ind.group,
        label_ja: ind.label.ja,
        label_en: ind.label.en,
        group_label_ja: ind.groupLabel.ja,
        group_label_en: ind.groupLabel.en,
        unit: ind.unit,
        sort_order: ind.order,
      })),
    );

    for (const [key, kind, tree] of [
      ['selection-2001', 'selection', files.criteria.selection_2001],
      ['intermediate-2004', 'intermediate', files.criteria.intermediate_2004],
    ] as const) {
      await insertCriteriaTemplate(
        trx,
        {
          key,
          kind,
          title_ja: tree.title_ja,
          title_en: tree.title_en,
          grades_json: tree.grades ? JSON.stringify(tree.grades) : null,
          scheme_json: tree.scheme ? JSON.stringify(tree.scheme) : null,
          source: `${SEED_SOURCE}; Japanese labels are translations`,
          created_at: at,
        },
        criteriaItems(tree),
      );
    }

    for (const { row, keyField, prefectureCodes } of clusters) {
      const clusterId = await insertReferenceCluster(
        trx,
        {
          programme_id: programmeId,
          key: row.cluster_key,
          name_ja: row.name_ja,
          name_en: row.name_en,
          theme_ja: row.phase1_title_ja || null,
          theme_en: null,
          summary_ja: null,
          summary_en: null,
          key_field_key: keyField,
          start_fy: row.start_fy,
          end_fy: planEndFiscalYear(row.start_fy, p.duration_years),
          status: 'full',
          core_organization_id: null,
          is_published: 1,
          confidence: row.confidence || null,
          source: row.source,
          created_at: at,
          updated_at: at,
        },
        prefectureCodes,
      );
      const outcome = outcomesByKey.get(row.cluster_key);
      if (outcome) {
        const values = OUTCOME_INDICATORS.map((ind) => {
          const raw = Number(outcome[ind.seedColumn]);
          if (!Number.isInteger(raw) || raw < 0)
            throw new Error(`outcomes CSV: bad ${ind.seedColumn} for ${row.cluster_key}`);
          return { indicator_key: ind.key, value: raw * ind.seedScale };
        });
        // The deck's figures are cumulative from each cluster's start to FY2004.
        await insertReport(
          trx,
          {
            cluster_id: clusterId,
            fy_from: row.start_fy,
            fy_to: 2004,
            status: 'accepted',
            report_version: 1,
            supersedes_id: null,
            reason: null,
            source: `${SEED_SOURCE}, outcome table FY2002–FY2004 (as “${outcome.cluster_name_in_seed}”; sales given in thousands of yen)`,
            submitted_at: null,
            accepted_at: at,
            created_at: at,
            updated_at: at,
          },
          values,
        );
      }
      await audit(ctx, trx, {
        action: 'cluster.create',
        entityType: 'cluster',
        entityId: clusterId,
        after: { key: row.cluster_key, source: row.source, loadedFrom: 'data/reference/clusters.csv' },
      });
    }
    await audit(ctx, trx, {
      action: 'reference-data.load',
      entityType: 'programme',
      entityId: programmeId,
      after: {
        key: PROGRAMME_KEY,
        clusters: clusters.length,
        outcomeReports: outcomesByKey.size,
        criteriaTemplates: 2,
      },
    });
  });
  return true;
}
