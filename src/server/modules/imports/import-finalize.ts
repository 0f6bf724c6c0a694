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
  listCountingFieldsOfItems,
  listValues,
  reportPeriods,
  touchReport,
  upsertValues,
} from './import.repo';

type CountingFields = Awaited<ReturnType<typeof listCountingFieldsOfItems>>[number];

function domainItem(row: CountingFields): OutcomeItem {
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
  // One report at a time: a report's items may be many, every report's together too many.
  for (const period of await reportPeriods(state.db, [...state.itemReports])) {
    const [items, values] = await Promise.all([
      listCountingFieldsOfItems(state.db, period.id),
      listValues(state.db, [period.id]),
    ]);
    const current = new Map(values.map((v) => [v.indicator_key, Number(v.value)]));
    const derived = deriveIndicatorValues(items.map(domainItem), period.fy_from, period.fy_to);
    const writes = [...derived.itemBacked]
      .map((key) => ({
        report_id: period.id,
        indicator_key: key,
        value: derived.values[key] ?? 0,
        note: null,
      }))
      .filter((w) => current.get(w.indicator_key) !== w.value);
    await upsertValues(state.db, writes);
    await yieldToEventLoop();
  }
  for (const [id, change] of state.touched)
    await touchReport(state.db, id, state.now, change.researcherCount);
}
