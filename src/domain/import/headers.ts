/**
 * Matching a file's header row to a kind's columns: by key, Japanese or English label or alias,
 * ignoring width, case, spaces and separators; outcome-value files also take any indicator as a
 * column. Every column the file names must be understood, and every required one present.
 */
import { INDICATOR_KEYS, OUTCOME_INDICATORS, type IndicatorKey } from '../indicators';
import { type Cell, cellText } from './cells';
import { foldName, readHeader, type UnitScale } from './header-text';
import { FIELDS_OF, type FieldDef, type ImportKind } from './kinds';
import { type ImportProblem, problem } from './problems';

export interface BoundColumn {
  index: number;
  header: string;
  /** The kind's field this column fills, or null for an indicator column. */
  field: FieldDef | null;
  indicator: IndicatorKey | null;
  scale: UnitScale | null;
}

export interface HeaderBinding {
  kind: ImportKind;
  columns: BoundColumn[];
  problems: ImportProblem[];
}

function namesOf(field: FieldDef): string[] {
  return [field.key, field.label.ja, field.label.en, ...(field.aliases ?? [])].map(foldName);
}

const INDICATOR_BY_NAME: ReadonlyMap<string, IndicatorKey> = new Map(
  OUTCOME_INDICATORS.flatMap((i) =>
    [i.key, i.label.ja, i.label.en].map((name) => [foldName(name), i.key] as const),
  ),
);

/** An indicator named by key or label ("papers_domestic", "論文（国内）", "Papers (domestic)"); null otherwise. */
export function indicatorByName(text: string): IndicatorKey | null {
  const header = readHeader(text);
  return INDICATOR_BY_NAME.get(header.whole) ?? INDICATOR_BY_NAME.get(header.name) ?? null;
}

function fieldByName(kind: ImportKind, folded: string): FieldDef | null {
  return FIELDS_OF[kind].find((f) => namesOf(f).includes(folded)) ?? null;
}

/** Reads the header row of a file of this kind. */
export function bindHeaders(kind: ImportKind, headerCells: readonly Cell[]): HeaderBinding {
  const problems: ImportProblem[] = [];
  const columns: BoundColumn[] = [];
  const seen = new Map<string, BoundColumn>();
  headerCells.forEach((cell, index) => {
    if (cellText(cell) === '') return;
    const header = String(cell).trim();
    const read = readHeader(header);
    // A name matched as written carries no unit ("amount_yen" is a field's own name); one matched
    // after its unit was taken off ("売上（千円）") is in that unit.
    const wholeField = fieldByName(kind, read.whole);
    const field = wholeField ?? fieldByName(kind, read.name);
    const wholeIndicator =
      kind === 'outcome-values' && !field ? INDICATOR_BY_NAME.get(read.whole) : undefined;
    const indicator =
      field || kind !== 'outcome-values'
        ? null
        : (wholeIndicator ?? INDICATOR_BY_NAME.get(read.name) ?? null);
    const scale = wholeField || wholeIndicator ? null : read.scale;
    if (!field && !indicator) {
      problems.push(
        kind === 'outcome-values'
          ? problem(
              'unknown_indicator_column',
              `列「${header}」は指標でも項目でもありません（指標のキー・日本語名・英語名で書いてください）`,
              `column "${header}" is neither an indicator nor a known column (use an indicator key or its Japanese or English name)`,
              { row: 1, column: index, header },
            )
          : problem(
              'unknown_column',
              `列「${header}」は分かりません。使える列: ${FIELDS_OF[kind].map((f) => f.label.ja).join('、')}`,
              `unknown column "${header}"; columns: ${FIELDS_OF[kind].map((f) => f.key).join(', ')}`,
              { row: 1, column: index, header },
            ),
      );
      return;
    }
    const id = field ? `field:${field.key}` : `indicator:${indicator}`;
    const earlier = seen.get(id);
    if (earlier) {
      problems.push(
        problem(
          'duplicate_column',
          `列「${header}」は${earlier.header}列と同じ項目です`,
          `column "${header}" repeats column "${earlier.header}"`,
          { row: 1, column: index, header },
        ),
      );
      return;
    }
    const bound: BoundColumn = {
      index,
      header,
      field,
      indicator,
      scale: indicator || field?.type === 'yen' ? scale : null,
    };
    seen.set(id, bound);
    columns.push(bound);
  });
  for (const field of FIELDS_OF[kind]) {
    if (field.required && !seen.has(`field:${field.key}`))
      problems.push(
        problem(
          'missing_column',
          `必須の列「${field.label.ja}」（${field.key}）がありません`,
          `required column "${field.label.en}" (${field.key}) is missing`,
          { row: 1 },
        ),
      );
  }
  if (kind === 'outcome-values' && !columns.some((c) => c.indicator)) {
    problems.push(
      problem(
        'no_indicator_columns',
        `指標の列がありません（例: ${INDICATOR_KEYS.slice(0, 2).join('、')}）`,
        `no indicator column (e.g. ${INDICATOR_KEYS.slice(0, 2).join(', ')})`,
        { row: 1 },
      ),
    );
  }
  return { kind, columns, problems };
}
