/**
 * The selection report as files: an XLSX workbook with the sheets "順位"/"Ranking" and
 * "審査員別評点"/"Scores by reviewer" in the house table style, and an A4 landscape PDF with the
 * same two tables under a title block (call title in both languages, 和暦 fiscal year, limits,
 * generation time, demo-data banner).
 */
import ExcelJS from 'exceljs';
import type { SelectionReportFormat } from '../../../contracts/selection-reports';
import type { ExportLanguage } from '../exports/export-table';
import { PdfReport } from '../exports/pdf-document';
import { type ExportFile, writeTableSheet, xlsxOf } from '../exports/table-export';
import { REPORT_TEXT as T } from './selection-report.labels';
import {
  formatJst,
  rankingTable,
  reportHeading,
  reviewerTable,
  type SelectionReportData,
} from './selection-report.tables';

export const PDF_CONTENT_TYPE = 'application/pdf';

export async function selectionReportXlsx(
  data: SelectionReportData,
  lang: ExportLanguage,
): Promise<ExportFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Knowledge Cluster Platform';
  workbook.created = new Date(data.generatedAt);
  workbook.title = reportHeading(data, lang).title;
  writeTableSheet(workbook, rankingTable(data, lang), lang, T.rankingSheet[lang]);
  writeTableSheet(workbook, reviewerTable(data, lang), lang, T.reviewersSheet[lang]);
  return xlsxOf(workbook, reportHeading(data, lang).fileStem);
}

export async function selectionReportPdf(
  data: SelectionReportData,
  lang: ExportLanguage,
): Promise<ExportFile> {
  const heading = reportHeading(data, lang);
  const pdf = await PdfReport.create({
    title: heading.title,
    lang,
    createdAt: new Date(data.generatedAt),
    warning: data.call.isDemo ? T.demoFooter[lang] : undefined,
    footer: `${heading.title}\u3000${T.generatedAt[lang]}: ${formatJst(data.generatedAt)}`,
  });
  pdf.titleBlock(heading);
  const ranking = rankingTable(data, lang);
  pdf.heading(T.rankingTitle[lang]);
  pdf.exportTable(ranking, lang);
  pdf.heading(T.reviewersTitle[lang]);
  pdf.exportTable(reviewerTable(data, lang), lang);
  return { body: await pdf.toBuffer(), contentType: PDF_CONTENT_TYPE, fileName: `${heading.fileStem}.pdf` };
}

export function selectionReportFile(
  data: SelectionReportData,
  options: { format: SelectionReportFormat; lang: ExportLanguage },
): Promise<ExportFile> {
  return options.format === 'xlsx'
    ? selectionReportXlsx(data, options.lang)
    : selectionReportPdf(data, options.lang);
}
