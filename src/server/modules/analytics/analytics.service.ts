/**
 * Analytics for everyone: one indicator of the published clusters' accepted reports, compared by
 * cluster, key field or start cohort, raw or per ¥100M of MEXT subsidy or per researcher, and placed
 * on the prefectures for the map. Targets against actuals live with the targets
 * (GET /api/v1/targets/summary); the response links there instead of repeating them.
 */
import type {
  AnalyticsFigure,
  AnalyticsIndicatorQuery,
  AnalyticsIndicatorResponse,
  AnalyticsMapQuery,
  AnalyticsMapResponse,
  AnalyticsNote,
} from '../../../contracts/analytics';
import {
  aggregateFigures,
  analyseIndicator,
  type ClusterPeriodFigure,
  type GroupDefinition,
  type Normalisation,
  periodsOf,
} from '../../../domain/analytics';
import { formatFiscalYearRange } from '../../../domain/fiscal-year';
import type { Db, ServiceContext } from '../../context';
import { requirePermission } from '../auth/authorize';
import { listAllClusters, listClusterPrefectures } from '../clusters/cluster.repo';
import type { ClusterRow } from '../clusters/cluster.table';
import { listIndicators, listKeyFields, listPrefectures } from '../programme/programme.repo';
import { csvFile, type ExportFile, jsonFile, xlsxFile } from '../exports/table-export';
import { analyticsExportTable } from './analytics.export';
import { sumIndicatorByClusterPeriod, sumSubsidyByClusterYear } from './analytics.repo';

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Each cluster's figure per reporting period, with the subsidy of that period's fiscal years. */
async function loadFigures(
  db: Db,
  indicator: string,
  from: number,
  to: number,
): Promise<ClusterPeriodFigure[]> {
  const [rows, subsidies] = await Promise.all([
    sumIndicatorByClusterPeriod(db, indicator, from, to),
    sumSubsidyByClusterYear(db, from, to),
  ]);
  const subsidyOf = new Map(subsidies.map((s) => [`${s.cluster_id}|${s.fiscal_year}`, s.amount_yen]));
  return rows.map((r) => {
    let subsidy: number | null = null;
    for (let fy = r.fy_from; fy <= r.fy_to; fy++) {
      const amount = subsidyOf.get(`${r.cluster_id}|${fy}`);
      if (amount !== undefined) subsidy = (subsidy ?? 0) + amount;
    }
    return {
      clusterId: r.cluster_id,
      fyFrom: r.fy_from,
      fyTo: r.fy_to,
      value: r.value,
      researchers: r.researchers,
      valueWithResearchers: r.value_with_researchers,
      subsidyYen: subsidy,
    };
  });
}

async function indicatorInfo(db: Db, key: string) {
  const indicator = (await listIndicators(db)).find((i) => i.key === key);
  // The query schema admits only catalogue keys, and the catalogue is loaded with the reference data.
  if (!indicator) throw new Error(`indicator ${key} is missing from the catalogue`);
  return {
    key: indicator.key,
    label: { ja: indicator.label_ja, en: indicator.label_en },
    unit: indicator.unit,
  };
}

/** What a reader must know to read the figures right: multi-year periods, missing denominators. */
function notesFor(
  figures: readonly ClusterPeriodFigure[],
  mode: Normalisation,
  total: AnalyticsFigure | null,
): AnalyticsNote[] {
  const notes: AnalyticsNote[] = [];
  const multiYear = periodsOf(figures).filter((p) => p.isMultiYear);
  if (multiYear.length > 0) {
    const list = (locale: 'ja' | 'en') =>
      multiYear
        .map((p) => formatFiscalYearRange(p.fyFrom, p.fyTo, locale))
        .join(locale === 'ja' ? '、' : ', ');
    notes.push({
      code: 'MULTI_YEAR_PERIODS',
      message: {
        ja: `複数年度にわたる報告（${list('ja')}）は期間の値として示し、年度ごとに分割していません。`,
        en: `Reports covering several fiscal years (${list('en')}) are shown as one value for their period; they are not split into years.`,
      },
    });
  }
  if (mode === 'raw' || !total) return notes;
  if (total.clustersWithDenominator === 0) {
    notes.push(
      mode === 'per100m'
        ? {
            code: 'NO_SUBSIDY_RECORDED',
            message: {
              ja: 'この期間の文部科学省補助金が予算台帳に記録されていないため、1億円あたりの値は示せません。',
              en: 'No MEXT subsidy is recorded in the budget ledger for this period, so there is no figure per ¥100M.',
            },
          }
        : {
            code: 'NO_RESEARCHER_COUNTS',
            message: {
              ja: 'この期間の報告に研究者数がないため、研究者1人あたりの値は示せません。',
              en: 'The reports of this period give no researcher count, so there is no figure per researcher.',
            },
          },
    );
  } else if (total.clustersWithDenominator < total.clusters) {
    notes.push({
      code: 'PARTIAL_DENOMINATOR',
      message: {
        ja: `${total.clusters}クラスター中${total.clustersWithDenominator}クラスターのみ${mode === 'per100m' ? '補助金' : '研究者数'}が記録されています。記録のないクラスターは正規化した値から除いています。`,
        en: `Only ${total.clustersWithDenominator} of ${total.clusters} clusters have a ${mode === 'per100m' ? 'subsidy' : 'researcher count'} recorded; the others are left out of the normalised figures.`,
      },
    });
  }
  return notes;
}

function groupsOf(
  clusters: readonly ClusterRow[],
  groupBy: AnalyticsIndicatorQuery['groupBy'],
  keyFieldNames: Map<string, { ja: string; en: string }>,
): (GroupDefinition & { label: { ja: string; en: string }; clusterKeys: string[] })[] {
  if (groupBy === 'cluster') {
    return clusters.map((c) => ({
      key: c.key,
      label: { ja: c.name_ja, en: c.name_en },
      clusterIds: [c.id],
      clusterKeys: [c.key],
    }));
  }
  const groups = new Map<string, ClusterRow[]>();
  for (const c of clusters) {
    const key = groupBy === 'keyField' ? c.key_field_key : String(c.start_fy);
    const members = groups.get(key);
    if (members) members.push(c);
    else groups.set(key, [c]);
  }
  const keys = [...groups.keys()].sort((a, b) =>
    groupBy === 'cohort'
      ? Number(a) - Number(b)
      : [...keyFieldNames.keys()].indexOf(a) - [...keyFieldNames.keys()].indexOf(b),
  );
  return keys.map((key) => {
    const members = groups.get(key)!;
    const label =
      groupBy === 'keyField'
        ? (keyFieldNames.get(key) ?? { ja: key, en: key })
        : { ja: `${key}年度開始`, en: `Started FY${key}` };
    return { key, label, clusterIds: members.map((c) => c.id), clusterKeys: members.map((c) => c.key) };
  });
}

/** GET /analytics/indicator: per group and period, totals, ranks, normalised figures and reading notes. */
export async function getIndicatorAnalytics(
  ctx: ServiceContext,
  query: AnalyticsIndicatorQuery,
): Promise<AnalyticsIndicatorResponse> {
  requirePermission(ctx.actor, 'published:read');
  const { indicator, from, to, normalise, groupBy } = query;
  const [info, clusters, keyFields, figures] = await Promise.all([
    indicatorInfo(ctx.db, indicator),
    listAllClusters(ctx.db, { unpublished: false, activeFrom: from, activeTo: to }),
    listKeyFields(ctx.db),
    loadFigures(ctx.db, indicator, from, to),
  ]);
  const keyFieldNames = new Map(keyFields.map((k) => [k.key, { ja: k.name_ja, en: k.name_en }]));
  const definitions = groupsOf(clusters, groupBy, keyFieldNames);
  const result = analyseIndicator(figures, definitions, normalise);
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const counted = new Set(clusters.map((c) => c.id));
  return {
    indicator: info,
    from,
    to,
    normalise,
    groupBy,
    periods: result.periods,
    groups: result.groups.map((g) => ({
      key: g.key,
      label: byKey.get(g.key)!.label,
      clusterKeys: byKey.get(g.key)!.clusterKeys,
      points: g.points,
      total: g.total,
      rank: g.rank,
    })),
    overall: result.overall,
    notes: notesFor(
      figures.filter((f) => counted.has(f.clusterId)),
      normalise,
      result.overall.total,
    ),
    links: {
      targetsSummary: `/api/v1/targets/summary?indicator=${indicator}&from=${from}&to=${to}`,
      clusterTargets: '/api/v1/clusters/{key}/targets',
    },
  };
}

/** GET /analytics/map: each published cluster's figure and the prefectures they are placed on. */
export async function getAnalyticsMap(
  ctx: ServiceContext,
  query: AnalyticsMapQuery,
): Promise<AnalyticsMapResponse> {
  requirePermission(ctx.actor, 'published:read');
  const { indicator, from, to, normalise } = query;
  const [info, clusters, prefectures, figures] = await Promise.all([
    indicatorInfo(ctx.db, indicator),
    listAllClusters(ctx.db, { unpublished: false, activeFrom: from, activeTo: to }),
    listPrefectures(ctx.db),
    loadFigures(ctx.db, indicator, from, to),
  ]);
  const placements = await listClusterPrefectures(
    ctx.db,
    clusters.map((c) => c.id),
  );
  const figuresOf = new Map<number, ClusterPeriodFigure[]>();
  for (const f of figures) pushTo(figuresOf, f.clusterId, f);
  const codesOf = new Map<number, string[]>();
  const clustersIn = new Map<string, ClusterRow[]>();
  const byId = new Map(clusters.map((c) => [c.id, c]));
  for (const p of placements) {
    pushTo(codesOf, p.cluster_id, p.code);
    pushTo(clustersIn, p.code, byId.get(p.cluster_id)!);
  }
  const figureOf = (ids: number[]) => {
    const own = ids.flatMap((id) => figuresOf.get(id) ?? []);
    return own.length === 0 ? null : aggregateFigures(own, normalise);
  };
  const counted = new Set(clusters.map((c) => c.id));
  const countedFigures = figures.filter((f) => counted.has(f.clusterId));
  return {
    indicator: info,
    from,
    to,
    normalise,
    clusters: clusters.map((c) => ({
      key: c.key,
      name: { ja: c.name_ja, en: c.name_en },
      keyField: c.key_field_key,
      prefectureCodes: codesOf.get(c.id) ?? [],
      figure: figureOf([c.id]),
    })),
    prefectures: prefectures.map((p) => {
      const here = clustersIn.get(p.code) ?? [];
      return {
        code: p.code,
        name: { ja: p.name_ja, en: p.name_en },
        clusterKeys: here.map((c) => c.key),
        figure: figureOf(here.map((c) => c.id)),
      };
    }),
    notes: notesFor(
      countedFigures,
      normalise,
      countedFigures.length === 0 ? null : aggregateFigures(countedFigures, normalise),
    ),
  };
}

/** The ranked analytics table as a download (CSV UTF-8 or Shift_JIS, XLSX, or flat JSON rows). */
export async function exportIndicatorAnalytics(
  ctx: ServiceContext,
  query: AnalyticsIndicatorQuery,
): Promise<ExportFile> {
  const table = analyticsExportTable(await getIndicatorAnalytics(ctx, query), query.lang);
  if (query.format === 'xlsx') return xlsxFile(table, query.lang);
  if (query.format === 'csv') return csvFile(table, { header: query.lang, encoding: query.encoding });
  return jsonFile(table);
}
