/**
 * The round's result report as an A4 landscape PDF: a title block (title in both languages, kind
 * and 和暦 fiscal year, announcement and publication, scale and bands, how the total is computed,
 * the weight set, generation time, the demo-data banner) and then the same tables as the XLSX.
 */
import type { ExportLanguage } from '../exports/export-table';
import { PdfReport } from '../exports/pdf-document';
import type { ExportFile } from '../exports/table-export';
import { formatJst } from '../selection/selection-report.tables';
import { ROUND_REPORT_TEXT as T } from './round-report.labels';
import {
  distributionTable,
  evaluatorTable,
  leniencyTable,
  reportHeading,
  resultsTable,
  type RoundReportData,
  weightsTable,
} from './round-report.tables';

const PDF_CONTENT_TYPE = 'application/pdf';

export async function roundReportPdf(data: RoundReportData, lang: ExportLanguage): Promise<ExportFile> {
  const heading = reportHeading(data, lang);
  const pdf = await PdfReport.create({
    title: heading.title,
    lang,
    createdAt: new Date(data.generatedAt),
    warning: data.isDemo ? T.demoFooter[lang] : undefined,
    footer: `${heading.title}\u3000${T.generatedAt[lang]}: ${formatJst(data.generatedAt)}`,
  });
  pdf.titleBlock(heading);
  const sections = [
    [T.resultsTitle, resultsTable(data, lang)],
    [T.weightsTitle, weightsTable(data, lang)],
    [T.distributionTitle, distributionTable(data, lang)],
    [T.evaluatorsTitle, evaluatorTable(data, lang, { compact: true })],
    [T.leniencyTitle, leniencyTable(data, lang)],
  ] as const;
  for (const [title, table] of sections) {
    if (!table) continue;
    pdf.heading(title[lang]);
    // The results carry the heading's lines already; the other tables state their own premise.
    if (table.preamble && title !== T.resultsTitle)
      for (const line of table.preamble) pdf.paragraph(line, { size: 8, muted: true });
    pdf.exportTable(table, lang);
  }
  return { body: await pdf.toBuffer(), contentType: PDF_CONTENT_TYPE, fileName: `${heading.fileStem}.pdf` };
}
