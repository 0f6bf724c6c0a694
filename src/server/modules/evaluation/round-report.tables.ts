/**
 * An evaluation round's result report as ExportTables, built from the scores shape
 * (RoundScoresResponse) so the XLSX and the PDF print the same rows: the ranked results, the
 * locked weights, the grade distribution per item and — for officers only — each evaluator's
 * weighted score per cluster, agreement (Krippendorff's α) per item and each evaluator's leniency.
 * Anyone else reads no evaluator, named or lettered: the published results name none.
 */
import type { ClusterScoreEntry, RoundScoresResponse } from '../../../contracts/evaluation-results';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import type {
  Bilingual,
  ExportColumn,
  ExportLanguage,
  ExportRow,
  ExportTable,
} from '../exports/export-table';
import { formatJst } from '../selection/selection-report.tables';
import { ROUND_KIND_LABELS, ROUND_REPORT_TEXT as T } from './round-report.labels';

/** What the officer's evaluator sheet needs beyond the scores: who sat on which cluster, and how. */
export interface OfficerPanel {
  /** Every evaluator of the round, lettered as the scores letter them. */
  evaluators: { label: string; displayLabel: Bilingual; name: string }[];
  /** Cluster id → evaluator label → why that evaluator's score is missing. */
  missing: Map<number, Map<string, 'conflict' | 'pending'>>;
}

export interface RoundReportData {
  scores: RoundScoresResponse;
  announceOn: string | null;
  isDemo: boolean;
  /** Officers only (null for everyone else). */
  panel: OfficerPanel | null;
  generatedAt: string;
}

export interface RoundReportHeading {
  title: string;
  subtitle: string[];
  /** The demo-data warning, or null for a real round. */
  banner: string | null;
  fileStem: string;
}

function isOfficer(data: RoundReportData): boolean {
  return data.scores.audience === 'officer' && data.panel !== null;
}

function round(value: number | null, places: number): number | null {
  if (value === null) return null;
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

function column(
  key: string,
  label: Bilingual,
  type: 'text' | 'number',
  width: number,
  extra: Partial<ExportColumn> = {},
): ExportColumn {
  return { key, label, type, width, ...extra };
}

/** "1", or "=2" when the rank is shared (as the selection report writes ties). */
function rankCell(entry: ClusterScoreEntry): string {
  if (entry.rank === null) return '—';
  return entry.tiedWith.length > 0 ? `=${entry.rank}` : String(entry.rank);
}

function fiscalYearLine(data: RoundReportData, lang: ExportLanguage): string {
  const { round: r } = data.scores;
  const fy = (year: number, l: ExportLanguage) => formatFiscalYear(year, l);
  const kind = ROUND_KIND_LABELS[r.kind][lang];
  return lang === 'ja'
    ? `${kind}・${fy(r.fiscalYear, 'ja')}（${fy(r.fiscalYear, 'en')}）・結果は${fy(r.allocationFiscalYear, 'ja')}の補助金に反映`
    : `${kind} · ${fy(r.fiscalYear, 'en')} (${fy(r.fiscalYear, 'ja')}) · results adjust the ${fy(r.allocationFiscalYear, 'en')} subsidy`;
}

/** The grade scale and the bands as one line: "S=4, A=3, B=2, C=1 · S ≥ 3.5, A ≥ 2.5, B ≥ 1.5, C". */
function scaleLine(data: RoundReportData, lang: ExportLanguage): string {
  const { scale, bands } = data.scores;
  const points = scale.map((s) => `${s.grade}=${s.points}`).join(', ');
  const lowest = Math.min(...scale.map((s) => s.points));
  const bandText = bands.map((b) => (b.minScore <= lowest ? b.band : `${b.band} ≥ ${b.minScore}`)).join(', ');
  return lang === 'ja' ? `評点 ${points}／評価帯 ${bandText}` : `Grades ${points} · bands ${bandText}`;
}

function formulaLine(data: RoundReportData, lang: ExportLanguage): string {
  const points = data.scores.scale.map((s) => s.points);
  const [max, min] = [Math.max(...points), Math.min(...points)];
  return lang === 'ja'
    ? `総合評点 = 利益相反のない提出済み評価者の加重評点（Σ 重み×点 ／ Σ 重み）の平均、100点換算 = (総合評点 − ${min}) ／ (${max} − ${min}) × 100`
    : `Total score = mean of the weighted scores (Σ weight × points / Σ weight) of the evaluators who submitted and have no conflict; score on 100 = (total − ${min}) / (${max} − ${min}) × 100`;
}

function weightSetLine(data: RoundReportData, lang: ExportLanguage): string {
  const set = data.scores.weightSet;
  const locked = set.lockedAt ? formatJst(set.lockedAt) : '—';
  const how =
    set.method === 'adjusted'
      ? lang === 'ja'
        ? `主査の調整（理由：${set.reason ?? ''}）`
        : `adjusted by the chair (reason: ${set.reason ?? ''})`
      : lang === 'ja'
        ? `重み付け委員${set.memberCount}名の平均`
        : `mean of ${set.memberCount} weighting members`;
  return lang === 'ja'
    ? `重み：第${set.version}版、${how}、${locked} 確定`
    : `Weights: version ${set.version}, ${how}, locked ${locked}`;
}

export function reportHeading(data: RoundReportData, lang: ExportLanguage): RoundReportHeading {
  const other: ExportLanguage = lang === 'ja' ? 'en' : 'ja';
  const { round: r, source, pendingAssignments } = data.scores;
  const subtitle = [r.title[other], fiscalYearLine(data, lang)];
  subtitle.push(
    `${T.announceOn[lang]}: ${data.announceOn ?? '—'}\u3000${T.publishedAt[lang]}: ${
      r.publishedAt ? formatJst(r.publishedAt) : T.notPublished[lang]
    }`,
  );
  if (source === 'live' && pendingAssignments > 0)
    subtitle.push(
      lang === 'ja'
        ? `未提出の評価が${pendingAssignments}件あります（その評価者は集計に含まれません）。`
        : `${pendingAssignments} grading(s) are not submitted yet (those evaluators are not counted).`,
    );
  subtitle.push(scaleLine(data, lang), formulaLine(data, lang), weightSetLine(data, lang));
  if (isOfficer(data)) {
    const alpha = data.scores.agreement.overall.alpha;
    subtitle.push(
      lang === 'ja'
        ? `評価者間の一致度（クリッペンドルフのα、順序尺度）：${alpha === null ? '算出不能' : alpha.toFixed(3)}`
        : `Agreement between evaluators (Krippendorff's α, ordinal): ${alpha === null ? 'undefined' : alpha.toFixed(3)}`,
    );
  } else subtitle.push(T.anonymous[lang]);
  const { stability } = data.scores;
  subtitle.push(
    lang === 'ja'
      ? `順位維持率：全ての重みを±${Math.round(stability.perturbation * 100)}%の範囲で${stability.trials}回動かしたとき順位が変わらなかった割合（乱数の種 ${stability.seed}）`
      : `Rank kept: share of ${stability.trials} trials, every weight moved by up to ±${Math.round(stability.perturbation * 100)} %, in which the rank held (seed ${stability.seed})`,
  );
  subtitle.push(`${T.generatedAt[lang]}: ${formatJst(data.generatedAt)}`);
  return {
    title: `${T.report[lang]}: ${r.title[lang]}`,
    subtitle,
    banner: data.isDemo ? T.demoBanner[lang] : null,
    fileStem: `round-report-${r.key}${lang === 'en' ? '-en' : ''}`,
  };
}

/** The XLSX preamble: the subtitle lines, the demo warning first when there is one. */
function headingLines(data: RoundReportData, lang: ExportLanguage): string[] {
  const heading = reportHeading(data, lang);
  return heading.banner ? [heading.banner, ...heading.subtitle] : heading.subtitle;
}

function titled(data: RoundReportData, title: Bilingual): Bilingual {
  const t = data.scores.round.title;
  return { ja: `${title.ja}：${t.ja}`, en: `${title.en}: ${t.en}` };
}

/** Rank, cluster, band, total, score on 100, evaluators, exclusions, rank kept, consolidated comment. */
export function resultsTable(data: RoundReportData, lang: ExportLanguage): ExportTable {
  const showPending = isOfficer(data) && data.scores.pendingAssignments > 0;
  const columns: ExportColumn[] = [
    column('rank', T.rank, 'text', 6),
    column('cluster', T.cluster, 'text', 18),
    column('band', T.band, 'text', 6),
    column('total', T.total, 'number', 9, { decimals: 3 }),
    column('score100', T.score100, 'number', 9, { decimals: 1 }),
    column('evaluators', T.evaluatorCount, 'number', 8),
    column('conflicted', T.conflicted, 'number', 9),
    ...(showPending ? [column('pending', T.pending, 'number', 8)] : []),
    column('kept', T.keptRank, 'number', 9, { decimals: 1, unit: T.percent }),
    column('comment', T.comment, 'text', 48),
  ];
  const rows: ExportRow[] = data.scores.clusters.map((c) => ({
    rank: rankCell(c),
    cluster: c.cluster.name[lang],
    band: c.band ?? '—',
    total: round(c.totalScore, 3),
    score100: round(c.score100, 1),
    evaluators: c.evaluatorCount,
    conflicted: c.conflictedCount,
    pending: c.pendingCount,
    kept: c.stability ? round(c.stability.keptRankShare * 100, 1) : null,
    comment: c.comment ? c.comment[lang] || c.comment[lang === 'ja' ? 'en' : 'ja'] : '',
  }));
  return {
    fileStem: reportHeading(data, lang).fileStem,
    title: titled(data, T.resultsTitle),
    preamble: headingLines(data, lang),
    columns,
    rows,
    notes: rows.length === 0 ? [T.noClusters[lang]] : undefined,
  };
}

/** The locked set, one row per item with its group, shown to tenths that add up to exactly 100. */
export function weightsTable(data: RoundReportData, lang: ExportLanguage): ExportTable {
  const { items, weightSet } = data.scores;
  const shown = new Map(weightSet.weights.map((w) => [w.item, w.display]));
  return {
    fileStem: reportHeading(data, lang).fileStem,
    title: titled(data, T.weightsTitle),
    preamble: [weightSetLine(data, lang)],
    columns: [
      column('group', T.group, 'text', 28),
      column('item', T.item, 'text', 36),
      column('weight', T.weight, 'number', 9, { decimals: 1 }),
    ],
    rows: items.map((i) => ({
      group: i.groupLabel[lang],
      item: i.label[lang],
      weight: shown.get(i.key) ?? null,
    })),
    total: {
      group: T.totalRow[lang],
      item: '',
      weight: round(
        weightSet.weights.reduce((n, w) => n + w.display, 0),
        1,
      ),
    },
  };
}

/** Per item the count of each grade over counted gradings, the mean points and (officers) α. */
export function distributionTable(data: RoundReportData, lang: ExportLanguage): ExportTable {
  const officer = isOfficer(data);
  const { items, scale, distribution, agreement } = data.scores;
  const group = { key: 'grades', label: T.gradeCounts };
  const columns: ExportColumn[] = [
    column('group', T.group, 'text', 22),
    column('item', T.item, 'text', 30),
    ...scale.map((s) => column(`grade:${s.grade}`, { ja: s.grade, en: s.grade }, 'number', 6, { group })),
    column('graded', T.graded, 'number', 7),
    column('mean', T.meanPoints, 'number', 8, { decimals: 2 }),
    ...(officer ? [column('alpha', T.alpha, 'number', 9, { decimals: 3 })] : []),
  ];
  const byItem = new Map(distribution.map((d) => [d.item, d]));
  const alphaOf = new Map(agreement.items.map((a) => [a.item, a.alpha]));
  const rows: ExportRow[] = items.map((i) => {
    const d = byItem.get(i.key);
    const row: ExportRow = {
      group: i.groupLabel[lang],
      item: i.label[lang],
      graded: d?.graded ?? 0,
      mean: round(d?.meanPoints ?? null, 2),
    };
    for (const s of scale) row[`grade:${s.grade}`] = d?.counts.find((c) => c.grade === s.grade)?.count ?? 0;
    if (officer) row.alpha = round(alphaOf.get(i.key) ?? null, 3);
    return row;
  });
  const total: ExportRow = {
    group: T.allItems[lang],
    item: '',
    graded: distribution.reduce((n, d) => n + d.graded, 0),
    mean: null,
  };
  for (const s of scale)
    total[`grade:${s.grade}`] = distribution.reduce(
      (n, d) => n + (d.counts.find((c) => c.grade === s.grade)?.count ?? 0),
      0,
    );
  const points = new Map(scale.map((s) => [s.grade, s.points]));
  const graded = Number(total.graded);
  total.mean =
    graded === 0
      ? null
      : round(
          scale.reduce((n, s) => n + Number(total[`grade:${s.grade}`]) * points.get(s.grade)!, 0) / graded,
          2,
        );
  if (officer) total.alpha = round(agreement.overall.alpha, 3);
  return {
    fileStem: reportHeading(data, lang).fileStem,
    title: titled(data, T.distributionTitle),
    preamble: [scaleLine(data, lang)],
    columns,
    rows,
    total,
  };
}

function evaluatorHeading(e: OfficerPanel['evaluators'][number], lang: ExportLanguage): string {
  return lang === 'ja' ? `${e.displayLabel.ja}（${e.name}）` : `${e.displayLabel.en} (${e.name})`;
}

/**
 * Officers: one row per cluster, one column per evaluator with their weighted score or why none.
 * `compact` heads the columns with the letters alone and names them in the preamble (the PDF,
 * where nine names would squeeze the figures); the XLSX heads them with the names.
 */
export function evaluatorTable(
  data: RoundReportData,
  lang: ExportLanguage,
  options: { compact?: boolean } = {},
): ExportTable | null {
  if (!isOfficer(data)) return null;
  const panel = data.panel!;
  const heading = (e: OfficerPanel['evaluators'][number]): Bilingual =>
    options.compact
      ? { ja: e.label, en: e.label }
      : { ja: evaluatorHeading(e, 'ja'), en: evaluatorHeading(e, 'en') };
  const group = { key: 'evaluators', label: T.evaluatorsTitle };
  const columns: ExportColumn[] = [
    column('rank', T.rank, 'text', 6),
    column('cluster', T.cluster, 'text', 16),
    ...panel.evaluators.map((e) =>
      column(`evaluator:${e.label}`, heading(e), 'number', 10, { decimals: 3, group }),
    ),
    column('total', T.total, 'number', 9, { decimals: 3 }),
  ];
  const rows: ExportRow[] = data.scores.clusters.map((c) => {
    const row: ExportRow = {
      rank: rankCell(c),
      cluster: c.cluster.name[lang],
      total: round(c.totalScore, 3),
    };
    const why = panel.missing.get(c.cluster.id);
    for (const e of panel.evaluators) {
      const reason = why?.get(e.label);
      row[`evaluator:${e.label}`] =
        reason === 'conflict'
          ? T.conflictCell[lang]
          : reason === 'pending'
            ? T.pendingCell[lang]
            : round(c.evaluators.find((x) => x.evaluator.label === e.label)?.score ?? null, 3);
    }
    return row;
  });
  return {
    fileStem: reportHeading(data, lang).fileStem,
    title: titled(data, T.evaluatorsTitle),
    preamble: [
      ...(options.compact
        ? [panel.evaluators.map((e) => `${e.label}: ${e.name}`).join(lang === 'ja' ? '、' : ', ')]
        : []),
      lang === 'ja'
        ? '空欄：その評価者に割り当てのないクラスター。利益相反のある評価者の評点は集計に含めません。'
        : 'Blank: the evaluator was not assigned to the cluster. Evaluators with a conflict of interest are not counted.',
    ],
    columns,
    rows,
  };
}

/** Officers: each evaluator's mean offset from colleagues on the same cluster × item (+ = lenient). */
export function leniencyTable(data: RoundReportData, lang: ExportLanguage): ExportTable | null {
  if (!isOfficer(data) || data.scores.leniency === null) return null;
  const names = new Map(data.panel!.evaluators.map((e) => [e.label, e]));
  return {
    fileStem: reportHeading(data, lang).fileStem,
    title: titled(data, T.leniencyTitle),
    preamble: [
      lang === 'ja'
        ? '正の値は他の評価者より高く（甘く）、負の値は低く（辛く）評点する傾向を示します。'
        : 'A positive figure grades higher (more lenient) than colleagues on the same grades; negative, lower.',
    ],
    columns: [
      column('evaluator', T.evaluator, 'text', 28),
      column('leniency', T.leniency, 'number', 10, { decimals: 3 }),
      column('units', T.units, 'number', 10),
    ],
    rows: data.scores.leniency.map((l) => {
      const e = names.get(l.evaluator.label);
      return {
        evaluator: e ? evaluatorHeading(e, lang) : l.evaluator.displayLabel[lang],
        leniency: round(l.leniency, 3),
        units: l.units,
      };
    }),
  };
}
