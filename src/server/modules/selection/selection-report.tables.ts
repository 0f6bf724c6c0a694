/**
 * The selection report's content as ExportTables, built from the results shape (CallResults), so the
 * XLSX and the PDF print the same rows: the ranked results with the slots and budget, and the
 * scores per criterion and reviewer. The proposer's report holds its own proposal only, its
 * reviewers as "Reviewer 1, 2, …".
 */
import type {
  ResultCallSummary,
  ResultCriterion,
  ResultLimits,
  ResultProposal,
} from '../../../contracts/selection-results';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { KEY_FIELDS } from '../../../domain/key-fields';
import type {
  Bilingual,
  ExportColumn,
  ExportLanguage,
  ExportRow,
  ExportTable,
} from '../exports/export-table';
import { LINE_LABELS, OUTCOME_LABELS, REPORT_TEXT as T } from './selection-report.labels';

export interface SelectionReportData {
  audience: 'officer' | 'proposer';
  call: ResultCallSummary;
  criteria: ResultCriterion[];
  /** Officers only. */
  limits: ResultLimits | null;
  proposals: ResultProposal[];
  generatedAt: string;
  /** The proposer's report: how many proposals were ranked in its proposal's group. */
  rankedCount: number | null;
}

export interface ReportHeading {
  title: string;
  subtitle: string[];
  /** The demo-data warning, or null for a real call. */
  banner: string | null;
  fileStem: string;
}

const JST_OFFSET_MS = 9 * 3_600_000;

/** An ISO instant as Japan time, "2026-12-05 22:06 JST" (the programme's reference clock). */
export function formatJst(iso: string): string {
  const date = new Date(Date.parse(iso) + JST_OFFSET_MS);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} JST`;
}

function yen(amount: number, lang: ExportLanguage): string {
  return lang === 'ja' ? `${amount.toLocaleString('ja-JP')}円` : `¥${amount.toLocaleString('en-US')}`;
}

function keyFieldLabel(key: string, lang: ExportLanguage): string {
  return KEY_FIELDS.find((f) => f.key === key)?.[lang] ?? key;
}

function criterionLabel(data: SelectionReportData, key: string | null, lang: ExportLanguage): string {
  if (key === null) return T.overall[lang];
  return data.criteria.find((c) => c.key === key)?.label[lang] ?? key;
}

function round(value: number | null, places = 2): number | null {
  if (value === null) return null;
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

function fiscalYearLine(call: ResultCallSummary, lang: ExportLanguage): string {
  const ja = formatFiscalYear(call.fiscalYear, 'ja');
  const en = formatFiscalYear(call.fiscalYear, 'en');
  return lang === 'ja'
    ? `${ja}（${en}）・第${call.stage}段階`
    : `${en} (${ja}) · ${T.stage.en} ${call.stage}`;
}

/** The slots and budget against the decisions taken and against the ranking's suggestion. */
function limitsLines(limits: ResultLimits, lang: ExportLanguage): string[] {
  const budget = (used: number, left: number | null) =>
    limits.totalBudgetYen === null
      ? lang === 'ja'
        ? `予算 ${yen(used, lang)}（総額の上限なし）`
        : `budget ${yen(used, lang)} (no total cap)`
      : lang === 'ja'
        ? `予算 ${yen(used, lang)}／総額 ${yen(limits.totalBudgetYen, lang)}（残り ${yen(left ?? 0, lang)}）`
        : `budget ${yen(used, lang)} of ${yen(limits.totalBudgetYen, lang)} (${yen(left ?? 0, lang)} left)`;
  const { decided, suggested } = limits;
  const lines =
    lang === 'ja'
      ? [
          `採択枠 ${limits.slots}件・1クラスター当たり ${yen(limits.budgetPerClusterYen, lang)}`,
          `決定済み：${decided.slotsUsed}件（残り ${decided.slotsLeft}件）、${budget(decided.budgetUsedYen, decided.budgetLeftYen)}`,
          `順位による選定案：${suggested.slotsUsed}件（残り ${suggested.slotsLeft}件）、${budget(suggested.budgetUsedYen, suggested.budgetLeftYen)}`,
        ]
      : [
          `Slots ${limits.slots}, ${yen(limits.budgetPerClusterYen, lang)} per cluster`,
          `Decided: ${decided.slotsUsed} selected (${decided.slotsLeft} slots left), ${budget(decided.budgetUsedYen, decided.budgetLeftYen)}`,
          `Suggested by rank: ${suggested.slotsUsed} (${suggested.slotsLeft} slots left), ${budget(suggested.budgetUsedYen, suggested.budgetLeftYen)}`,
        ];
  if (suggested.decisionNeeded)
    lines.push(
      lang === 'ja'
        ? `境界の同順位（${suggested.decisionNeeded.rank}位、${suggested.decisionNeeded.proposalIds.length}件）は担当官の判断が必要です。`
        : `A tie at the cut-off (rank ${suggested.decisionNeeded.rank}, ${suggested.decisionNeeded.proposalIds.length} proposals) needs an officer's decision.`,
    );
  return lines;
}

export function reportHeading(data: SelectionReportData, lang: ExportLanguage): ReportHeading {
  const other: ExportLanguage = lang === 'ja' ? 'en' : 'ja';
  const { call } = data;
  const own = data.audience === 'proposer' ? data.proposals[0] : undefined;
  const subtitle = [call.title[other], fiscalYearLine(call, lang)];
  if (own) {
    subtitle.push(
      `${T.ownProposal[lang]}: ${own.title[lang]}（${own.region[lang]}）` +
        (own.rank !== null && data.rankedCount !== null
          ? lang === 'ja'
            ? `\u3000${T.rankOf.ja} ${own.rankLabel ?? own.rank}／${data.rankedCount}件`
            : `, ${T.rankOf.en} ${own.rankLabel ?? own.rank} of ${data.rankedCount}`
          : ''),
    );
  }
  if (data.limits) subtitle.push(...limitsLines(data.limits, lang));
  subtitle.push(
    `${T.score[lang]} = ${(call.aggregation === 'median' ? T.aggregationMedian : T.aggregationMean)[lang]} (Σ w·s / Σ w)`,
  );
  subtitle.push(
    `${T.publishedAt[lang]}: ${call.publishedAt ? formatJst(call.publishedAt) : T.notPublished[lang]}\u3000` +
      `${T.generatedAt[lang]}: ${formatJst(data.generatedAt)}`,
  );
  return {
    title: `${T.report[lang]}: ${call.title[lang]}`,
    subtitle,
    banner: call.isDemo ? T.demoBanner[lang] : null,
    fileStem:
      `selection-report-${call.key}` +
      (own ? `-proposal-${own.proposalId}` : '') +
      (lang === 'en' ? '-en' : ''),
  };
}

/** One number column per criterion, under its group's heading. */
function criterionColumns(data: SelectionReportData): ExportColumn[] {
  return data.criteria.map((c) => ({
    key: `criterion:${c.key}`,
    label: c.label,
    group: { key: c.groupKey, label: c.groupLabel },
    type: 'number',
    decimals: 2,
    width: 8,
  }));
}

function flagsOf(data: SelectionReportData, p: ResultProposal, lang: ExportLanguage): string {
  const flags: string[] = [];
  if (p.consensusCriteria.length > 0)
    flags.push(
      `${T.consensus[lang]}: ${p.consensusCriteria.map((k) => criterionLabel(data, k, lang)).join('、')}`,
    );
  for (const f of p.thresholdFailures)
    flags.push(
      `${T.belowThreshold[lang]}: ${criterionLabel(data, f.criterion, lang)} ${round(f.score) ?? '—'} < ${f.threshold}`,
    );
  for (const f of p.disagreementFlags)
    flags.push(
      `${T.disagreement[lang]}: ${criterionLabel(data, f.criterion, lang)} ${T[f.measure][lang]} ${round(f.value)} > ${f.limit}`,
    );
  if (p.decidedByCriterion)
    flags.push(`${T.tieBrokenBy[lang]}: ${criterionLabel(data, p.decidedByCriterion, lang)}`);
  if (p.excludedConflictedReviews > 0)
    flags.push(`${T.conflictedExcluded[lang]}: ${p.excludedConflictedReviews}`);
  return flags.join('\n');
}

/** Eligible proposals show their rank ("=2" when shared); ineligible and unscored ones a dash. */
function rankCell(p: ResultProposal): string {
  return p.group === 'eligible' && p.rankLabel !== null ? p.rankLabel : '—';
}

function decisionText(p: ResultProposal): string {
  if (!p.decision) return '';
  return [p.decision.reason, p.decision.consolidatedComment].filter((s) => s && s.trim()).join('\n');
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

export function rankingTable(data: SelectionReportData, lang: ExportLanguage): ExportTable {
  const officer = data.audience === 'officer';
  const columns: ExportColumn[] = [
    column('rank', T.rank, 'text', 6),
    column('region', T.region, 'text', 14),
    column('proposer', T.proposer, 'text', 18),
    column('key_field', T.keyField, 'text', 14),
    column('score', T.score, 'number', 8, { decimals: 2 }),
    column('reviews', T.reviews, 'number', 6),
    ...criterionColumns(data),
    column('requested_yen', T.requested, 'number', 14, { unit: T.yen }),
    ...(officer ? [column('line', T.line, 'text', 11)] : []),
    column('decision', T.decision, 'text', 11),
    column('reason', { ja: '決定理由・講評', en: 'Reason and comment' }, 'text', 26),
    column('flags', T.flags, 'text', 26),
  ];
  const rows: ExportRow[] = data.proposals.map((p) => {
    const row: ExportRow = {
      rank: rankCell(p),
      region: p.region[lang],
      proposer: p.proposerOrganization.name[lang],
      key_field: keyFieldLabel(p.keyFieldKey, lang),
      score: round(p.score, 4),
      reviews: p.reviewCount,
      requested_yen: p.requestedYen,
      decision: p.decision ? OUTCOME_LABELS[p.decision.outcome][lang] : '',
      reason: decisionText(p),
      flags: flagsOf(data, p, lang),
    };
    if (officer) row.line = p.selection ? LINE_LABELS[p.selection.status][lang] : '';
    for (const figure of p.criteria) row[`criterion:${figure.key}`] = round(figure.score, 4);
    return row;
  });
  return {
    fileStem: reportHeading(data, lang).fileStem,
    title: {
      ja: `${T.rankingTitle.ja}：${data.call.title.ja}`,
      en: `${T.rankingTitle.en}: ${data.call.title.en}`,
    },
    preamble: headingLines(data, lang),
    columns,
    rows,
    notes: data.proposals.length === 0 ? [T.noProposals[lang]] : undefined,
  };
}

/** The XLSX preamble: the subtitle lines and the demo warning first when there is one. */
function headingLines(data: SelectionReportData, lang: ExportLanguage): string[] {
  const heading = reportHeading(data, lang);
  return heading.banner ? [heading.banner, ...heading.subtitle] : heading.subtitle;
}

/**
 * One row per review: the reviewer's score on every criterion and weighted score, with the
 * comments; and a 合議 row where a moderator recorded agreed scores. Officers see the reviewer's
 * name beside the label; proposers see only "Reviewer 1, 2, …".
 */
export function reviewerTable(data: SelectionReportData, lang: ExportLanguage): ExportTable {
  const officer = data.audience === 'officer';
  const columns: ExportColumn[] = [
    column('rank', T.rank, 'text', 6),
    column('region', T.region, 'text', 12),
    column('reviewer', T.reviewer, 'text', officer ? 15 : 10),
    column('weighted', T.weighted, 'number', 8, { decimals: 2 }),
    ...criterionColumns(data),
    column('comments', T.comments, 'text', 56),
    ...(officer ? [column('submitted_at', T.submittedAt, 'text', 15)] : []),
  ];
  const rows: ExportRow[] = [];
  for (const p of data.proposals) {
    for (const r of p.reviewers) {
      const reviewerLabel = lang === 'ja' ? `審査員${r.index}` : `Reviewer ${r.index}`;
      const row: ExportRow = {
        rank: rankCell(p),
        region: p.region[lang],
        reviewer: officer && r.reviewerName ? `${reviewerLabel}（${r.reviewerName}）` : reviewerLabel,
        weighted: round(r.weighted, 4),
        comments: [
          ...r.scores
            .filter((s) => s.comment && s.comment.trim())
            .map((s) => `${criterionLabel(data, s.key, lang)}: ${s.comment!.trim()}`),
          ...(r.overallComment?.trim() ? [`${T.overall[lang]}: ${r.overallComment.trim()}`] : []),
        ].join('\n'),
      };
      if (officer) row.submitted_at = r.submittedAt ? formatJst(r.submittedAt) : '';
      for (const s of r.scores) row[`criterion:${s.key}`] = s.score;
      rows.push(row);
    }
    const agreed = p.criteria.filter((c) => c.consensus);
    if (agreed.length > 0) {
      const row: ExportRow = {
        rank: rankCell(p),
        region: p.region[lang],
        reviewer: T.consensus[lang],
        weighted: null,
        comments: agreed
          .filter((c) => c.consensusComment && c.consensusComment.trim())
          .map((c) => `${criterionLabel(data, c.key, lang)}: ${c.consensusComment!.trim()}`)
          .join('\n'),
      };
      for (const c of agreed) row[`criterion:${c.key}`] = round(c.score, 4);
      rows.push(row);
    }
  }
  return {
    fileStem: reportHeading(data, lang).fileStem,
    title: {
      ja: `${T.reviewersTitle.ja}：${data.call.title.ja}`,
      en: `${T.reviewersTitle.en}: ${data.call.title.en}`,
    },
    preamble: headingLines(data, lang),
    columns,
    rows,
  };
}
