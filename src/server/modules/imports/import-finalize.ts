/**
 * The end of a commit, inside its transaction: the item-backed indicator values of every report
 * whose items changed are derived again from all its items, and every changed report gets a new
 * version.
 */
import {
  deriveIndicatorValues,
  type ItemKind,
  type OutcomeItem,
  type PaperScope,
  type PatentStatus,
  type PressMedium,
} from '../../../domain/outcome-items';
import type { PassState } from './import-plan';
import {
  BATCH_SIZE,
  listCountingFieldsOfItems,
  listValues,
  reportPeriods,
  touchReportOn,
  upsertValuesOn,
} from './import.repo';

type CountingFields = Awaited<ReturnType<typeof listCountingFieldsOfItems>>[number];

/** An item as deriveIndicatorValues reads it, from its stored counting fields. */
export function domainItem(row: Omit<CountingFields, 'report_id'>): OutcomeItem {
  return {
    kind: row.kind as ItemKind,
    title: '',
    scope: row.scope as PaperScope | null,
    media: row.media as PressMedium | null,
    patentStatus: row.patent_status as PatentStatus | null,
    country: row.country,
    filingDate: row.filing_date,
    grantedDate: row.granted_date,
    launchDate: row.launch_date,
    amountYen: row.amount_yen === null ? null : Number(row.amount_yen),
  };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function finishCommit(state: PassState): Promise<void> {
  // Reports in batches: one query for a batch's items and one for its values, not one per report
  // (a national import changes thousands of reports); a batch's items are all in memory at once.
  const ids = [...state.itemReports];
  const derivedAlready = state.derived;
  for (let i = 0; i < ids.length; i += BATCH_SIZE) {
    const batch = ids.slice(i, i + BATCH_SIZE);
    const [periods, items, values] = await Promise.all([
      reportPeriods(state.db, batch),
      listCountingFieldsOfItems(
        state.db,
        batch.filter((id) => !derivedAlready.has(id)),
      ),
      listValues(state.db, batch),
    ]);
    const itemsOf = new Map<number, OutcomeItem[]>();
    for (const row of items) {
      const list = itemsOf.get(row.report_id);
      if (list) list.push(domainItem(row));
      else itemsOf.set(row.report_id, [domainItem(row)]);
    }
    const current = new Map(values.map((v) => [`${v.report_id}|${v.indicator_key}`, Number(v.value)]));
    const writes: { report_id: number; indicator_key: string; value: number; note: null }[] = [];
    for (const period of periods) {
      const derived =
        derivedAlready.get(period.id) ??
        deriveIndicatorValues(itemsOf.get(period.id) ?? [], period.fy_from, period.fy_to);
      for (const key of derived.itemBacked) {
        const value = derived.values[key] ?? 0;
        if (current.get(`${period.id}|${key}`) !== value)
          writes.push({ report_id: period.id, indicator_key: key, value, note: null });
      }
    }
    await upsertValuesOn(state.db, writes, state.sqlite);
    await yieldToEventLoop();
  }
  for (const [id, change] of state.touched)
    await touchReportOn(state.db, id, state.now, change.researcherCount, state.sqlite);
}
