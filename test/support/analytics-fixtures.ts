/**
 * Test fixtures for analytics and open data: reports, items and budget lines written straight to the
 * database, so these suites do not depend on the reporting and budget workflows' own rules.
 */
import type { Db } from '../../src/server/context';
import type { TestApp } from './test-app';

export async function clusterId(t: TestApp, key: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('clusters')
    .select('id')
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addReport(
  db: Db,
  cluster: number,
  options: {
    fy: number;
    fyTo?: number;
    status: 'draft' | 'submitted' | 'returned' | 'accepted';
    values: Record<string, number>;
    version?: number;
    supersedes?: number;
    researchers?: number | null;
  },
): Promise<number> {
  const at = new Date().toISOString();
  const { id } = await db
    .insertInto('outcome_reports')
    .values({
      cluster_id: cluster,
      fy_from: options.fy,
      fy_to: options.fyTo ?? options.fy,
      status: options.status,
      report_version: options.version ?? 1,
      supersedes_id: options.supersedes ?? null,
      reason: options.supersedes ? 'correction' : null,
      source: 'test fixture',
      submitted_at: options.status === 'draft' ? null : at,
      accepted_at: options.status === 'accepted' ? at : null,
      researcher_count: options.researchers ?? null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const values = Object.entries(options.values).map(([indicator_key, value]) => ({
    report_id: id,
    indicator_key,
    value,
    note: null,
  }));
  if (values.length > 0) await db.insertInto('outcome_values').values(values).execute();
  return id;
}

export async function addItem(
  db: Db,
  report: number,
  cluster: number,
  fy: number,
  fields: { title: string; doi: string },
): Promise<void> {
  const at = new Date().toISOString();
  await db
    .insertInto('outcome_items')
    .values({
      report_id: report,
      cluster_id: cluster,
      fiscal_year: fy,
      kind: 'paper',
      title: fields.title,
      natural_key: `doi:${fields.doi}`,
      authors: 'Test, A.',
      venue: 'Journal of Tests',
      pub_year: fy,
      doi: fields.doi,
      scope: 'domestic',
      note: 'internal note',
      created_at: at,
      updated_at: at,
    })
    .execute();
}

export async function addBudgetLine(
  db: Db,
  cluster: number | null,
  fy: number,
  kind: string,
  amountYen: number,
): Promise<void> {
  const at = new Date().toISOString();
  const programme = await db.selectFrom('programmes').select('id').orderBy('id').executeTakeFirstOrThrow();
  await db
    .insertInto('budget_lines')
    .values({
      programme_id: programme.id,
      cluster_id: cluster,
      fiscal_year: fy,
      kind,
      amount_yen: amountYen,
      source: 'test fixture',
      note: null,
      line_key: `${cluster ?? 'programme'}|${fy}|${kind}|test fixture`,
      created_at: at,
      updated_at: at,
    })
    .execute();
}
