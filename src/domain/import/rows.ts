/**
 * Turning one data row into a typed record of its kind, or into problems naming row and column.
 * Clusters stay names here (the server knows which exist); everything a row can get wrong on its
 * own — a negative count, a date that is not a date, a patent without its application number — is
 * said here.
 */
import type { BudgetKind } from '../budget';
import { getIndicator, type IndicatorKey } from '../indicators';
import { type ItemKind, type OutcomeItem, REQUIRED_FIELDS } from '../outcome-items';
import {
  type Cell,
  type CellResult,
  cellText,
  readChoice,
  readCount,
  readDate,
  readFiscalYear,
  readYen,
} from './cells';
import { type BoundColumn, type HeaderBinding, indicatorByName } from './headers';
import type { FieldDef } from './kinds';
import { type ImportProblem, problem } from './problems';

/** Where a value came from, so later checks (unknown cluster, accepted report) can name the cell. */
export interface CellRef {
  column: number;
  header: string;
}

interface Base {
  row: number;
  cluster: string;
  clusterAt: CellRef;
  fiscalYear: number;
}

export interface OutcomeValuesRecord extends Base {
  kind: 'outcome-values';
  researcherCount: number | null;
  values: { indicator: IndicatorKey; value: number; at: CellRef }[];
}

export interface OutcomeItemRecord extends Base {
  kind: 'outcome-items';
  item: OutcomeItem;
}

export interface TargetRecord extends Base {
  kind: 'targets';
  indicator: IndicatorKey;
  baseline: number | null;
  target: number;
  note: string | null;
}

export interface BudgetLineRecord extends Base {
  kind: 'budget-lines';
  budgetKind: BudgetKind;
  amountYen: number;
  source: string;
  note: string | null;
}

export type ImportRecord = OutcomeValuesRecord | OutcomeItemRecord | TargetRecord | BudgetLineRecord;

export interface RowResult {
  record: ImportRecord | null;
  problems: ImportProblem[];
}

const COUNTRY_NAMES: Record<string, string> = {
  日本: 'JP',
  japan: 'JP',
  米国: 'US',
  アメリカ: 'US',
  usa: 'US',
};

function readCountry(cell: Cell): CellResult<string> {
  const text = cellText(cell);
  const named = COUNTRY_NAMES[text.toLowerCase()] ?? COUNTRY_NAMES[text];
  if (named) return { ok: true, value: named };
  if (/^[A-Za-z]{2}$/.test(text)) return { ok: true, value: text.toUpperCase() };
  return {
    ok: false,
    ja: `国は2文字の国コードで書いてください（JP、USなど）: 「${text}」`,
    en: `country must be a two-letter code such as JP or US: "${text}"`,
  };
}

function readIndicator(cell: Cell): CellResult<IndicatorKey> {
  const key = indicatorByName(cellText(cell));
  if (key) return { ok: true, value: key };
  return {
    ok: false,
    ja: `指標「${cellText(cell)}」はありません（指標のキー・日本語名・英語名）`,
    en: `unknown indicator "${cellText(cell)}" (use an indicator key or its Japanese or English name)`,
  };
}

const NO_CHOICES: readonly string[] = [];
const NO_LABELS: Readonly<Record<string, { ja: string; en: string }>> = {};
/** Fields of an item row that are the record's own, not the item's. */
const RECORD_FIELDS = new Set(['cluster', 'fiscalYear', 'kind', 'title']);

// Module-level, not closures inside parseRow: it runs once per row of a million-row file.
function cellProblem(
  problems: ImportProblem[],
  row: number,
  code: string,
  column: BoundColumn,
  ja: string,
  en: string,
): void {
  problems.push(problem(code, ja, en, { row, column: column.index, header: column.header }));
}

function columnOf(binding: HeaderBinding, key: string): BoundColumn | undefined {
  return binding.columns.find((c) => c.field?.key === key);
}

function readField(field: FieldDef, column: BoundColumn, cell: Cell): CellResult<unknown> {
  switch (field.type) {
    case 'cluster':
    case 'text': {
      const value = cellText(cell);
      if (field.max && value.length > field.max)
        return { ok: false, ja: `${field.max}文字を超えています`, en: `longer than ${field.max} characters` };
      return { ok: true, value };
    }
    case 'fy':
      return readFiscalYear(cell);
    case 'count':
      return readCount(cell);
    case 'yen':
      return readYen(cell, column.scale);
    case 'date':
      return readDate(cell);
    case 'country':
      return readCountry(cell);
    case 'indicator':
      return readIndicator(cell);
    case 'choice':
      return readChoice(
        cell,
        field.choices ?? NO_CHOICES,
        (field.choiceLabels ?? NO_LABELS) as Record<string, { ja: string; en: string }>,
        field.synonyms,
      );
  }
}

/** Reads one data row (cells in file order) of the bound file; `row` is its row number in the file. */
export function parseRow(binding: HeaderBinding, row: number, cells: readonly Cell[]): RowResult {
  const problems: ImportProblem[] = [];
  const fields = new Map<string, unknown>();
  // Only the cluster's place is needed later (to name its cell), only targets need raw cells.
  let clusterAt: CellRef | undefined;
  const raw = binding.kind === 'targets' ? new Map<string, Cell>() : null;
  const values: OutcomeValuesRecord['values'] = [];

  for (const column of binding.columns) {
    const cell = cells[column.index];
    if (column.indicator) {
      if (cellText(cell) === '') continue;
      const unit = getIndicator(column.indicator).unit;
      const result = unit === 'yen' ? readYen(cell, column.scale) : readCount(cell);
      if (result.ok)
        values.push({
          indicator: column.indicator,
          value: result.value,
          at: { column: column.index, header: column.header },
        });
      else cellProblem(problems, row, 'invalid_value', column, result.ja, result.en);
      continue;
    }
    const field = column.field!;
    if (field.key === 'cluster') clusterAt = { column: column.index, header: column.header };
    raw?.set(field.key, cell);
    if (cell === undefined || cell === null || cell === '' || cellText(cell) === '') {
      if (field.required)
        cellProblem(
          problems,
          row,
          'required',
          column,
          `「${field.label.ja}」が空です`,
          `${field.label.en} is empty`,
        );
      continue;
    }
    // Target figures are read once the row's indicator says whether they are counts or yen.
    if (binding.kind === 'targets' && (field.key === 'baseline' || field.key === 'target')) continue;
    const result = readField(field, column, cell);
    if (result.ok) fields.set(field.key, result.value);
    else cellProblem(problems, row, 'invalid_value', column, result.ja, result.en);
  }
  if (problems.length > 0) return { record: null, problems };

  const base = {
    row,
    cluster: fields.get('cluster') as string,
    clusterAt: clusterAt!,
    fiscalYear: fields.get('fiscalYear') as number,
  };
  const note = (fields.get('note') as string | undefined) ?? null;

  switch (binding.kind) {
    case 'outcome-values': {
      if (values.length === 0 && !fields.has('researcherCount')) {
        problems.push(
          problem('empty_row', '指標の値が一つもありません', 'no indicator value in this row', { row }),
        );
        return { record: null, problems };
      }
      return {
        record: {
          kind: 'outcome-values',
          ...base,
          researcherCount: (fields.get('researcherCount') as number | undefined) ?? null,
          values,
        },
        problems,
      };
    }
    case 'outcome-items': {
      const item = {
        kind: fields.get('kind') as ItemKind,
        title: fields.get('title') as string,
      } as OutcomeItem;
      for (const [key, value] of fields) {
        if (!RECORD_FIELDS.has(key)) (item as unknown as Record<string, unknown>)[key] = value;
      }
      for (const key of REQUIRED_FIELDS[item.kind]) {
        if (item[key] === undefined || item[key] === null || item[key] === '') {
          const column = columnOf(binding, key);
          const label = binding.columns.find((c) => c.field?.key === key)?.field?.label;
          problems.push(
            problem(
              'missing_field',
              `${item.kind}の明細には「${label?.ja ?? key}」（${key}）が必要です`,
              `a ${item.kind} item needs ${label?.en ?? key} (${key})`,
              { row, column: column?.index ?? null, header: column?.header ?? null },
            ),
          );
        }
      }
      if (
        item.kind === 'patent' &&
        item.grantedDate &&
        item.filingDate &&
        item.grantedDate < item.filingDate
      ) {
        const column = columnOf(binding, 'grantedDate')!;
        cellProblem(
          problems,
          row,
          'granted_before_filed',
          column,
          `登録日 ${item.grantedDate} が出願日 ${item.filingDate} より前です`,
          `granted ${item.grantedDate} before it was filed ${item.filingDate}`,
        );
      }
      if (
        item.periodFromFy !== undefined &&
        item.periodToFy !== undefined &&
        item.periodFromFy !== null &&
        item.periodToFy !== null &&
        item.periodToFy < item.periodFromFy
      ) {
        const column = columnOf(binding, 'periodToFy')!;
        cellProblem(
          problems,
          row,
          'period_reversed',
          column,
          '終了年度が開始年度より前です',
          'the period ends before it starts',
        );
      }
      if (problems.length > 0) return { record: null, problems };
      return { record: { kind: 'outcome-items', ...base, item }, problems };
    }
    case 'targets': {
      const indicator = fields.get('indicator') as IndicatorKey;
      const unit = getIndicator(indicator).unit;
      const figure = (key: 'baseline' | 'target'): number | null => {
        const column = columnOf(binding, key);
        const cell = raw!.get(key);
        if (!column || cellText(cell) === '') return null;
        const result = unit === 'yen' ? readYen(cell, column.scale) : readCount(cell);
        if (result.ok) return result.value;
        cellProblem(problems, row, 'invalid_value', column, result.ja, result.en);
        return null;
      };
      const baseline = figure('baseline');
      const target = figure('target');
      if (problems.length > 0 || target === null) return { record: null, problems };
      return { record: { kind: 'targets', ...base, indicator, baseline, target, note }, problems };
    }
    case 'budget-lines':
      return {
        record: {
          kind: 'budget-lines',
          ...base,
          budgetKind: fields.get('kind') as BudgetKind,
          amountYen: fields.get('amountYen') as number,
          source: fields.get('source') as string,
          note,
        },
        problems,
      };
  }
}
