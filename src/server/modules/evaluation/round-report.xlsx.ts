/**
 * The round's result report as an XLSX workbook in the house table style: the sheets 評価結果 /
 * Results, 重み / Weights and 評点分布 / Grade distribution for everyone, and for officers
 * 評価者別評点 / Scores by evaluator and 評価者の傾向 / Leniency.
 */
import ExcelJS from 'exceljs';
import type { ExportLanguage } from '../exports/export-table';
import { type ExportFile, writeTableSheet, xlsxOf } from '../exports/table-export';
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

export async function roundReportXlsx(data: RoundReportData, lang: ExportLanguage): Promise<ExportFile> {
  const heading = reportHeading(data, lang);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Knowledge Cluster Platform';
  workbook.created = new Date(data.generatedAt);
  workbook.title = heading.title;
  writeTableSheet(workbook, resultsTable(data, lang), lang, T.resultsSheet[lang]);
  writeTableSheet(workbook, weightsTable(data, lang), lang, T.weightsSheet[lang]);
  writeTableSheet(workbook, distributionTable(data, lang), lang, T.distributionSheet[lang]);
  const evaluators = evaluatorTable(data, lang);
  if (evaluators) writeTableSheet(workbook, evaluators, lang, T.evaluatorsSheet[lang]);
  const leniency = leniencyTable(data, lang);
  if (leniency) writeTableSheet(workbook, leniency, lang, T.leniencySheet[lang]);
  return xlsxOf(workbook, heading.fileStem);
}
