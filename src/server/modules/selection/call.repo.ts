/** Calls for proposals: Kysely only, portable across SQLite and PostgreSQL (bigint → Number). */
import type { Db } from '../../context';
import type { CallRow, NewCall } from './selection.table';

export async function findCallRowByKey(db: Db, key: string): Promise<CallRow | undefined> {
  return db.selectFrom('calls').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function findCallRowById(db: Db, id: number): Promise<CallRow | undefined> {
  return db.selectFrom('calls').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listCallRows(
  db: Db,
  filter: { status?: string | undefined; fy?: number | undefined; includeDrafts: boolean },
): Promise<CallRow[]> {
  let query = db.selectFrom('calls').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.fy) query = query.where('fiscal_year', '=', filter.fy);
  if (!filter.includeDrafts) query = query.where('status', '!=', 'draft');
  return query
    .orderBy('fiscal_year', 'desc')
    .orderBy('submission_deadline', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export type ProposalCounts = { draft: number; submitted: number; withdrawn: number };

/** Proposals per call and status. */
export async function countProposalsByCall(db: Db, callIds: number[]): Promise<Map<number, ProposalCounts>> {
  const result = new Map<number, ProposalCounts>();
  if (callIds.length === 0) return result;
  const rows = await db
    .selectFrom('proposals')
    .select((eb) => ['call_id', 'status', eb.fn.countAll().as('n')])
    .where('call_id', 'in', callIds)
    .groupBy(['call_id', 'status'])
    .execute();
  for (const id of callIds) result.set(id, { draft: 0, submitted: 0, withdrawn: 0 });
  for (const r of rows) {
    const counts = result.get(r.call_id)!;
    if (r.status === 'draft' || r.status === 'submitted' || r.status === 'withdrawn')
      counts[r.status] = Number(r.n);
  }
  return result;
}

export async function insertCallRow(db: Db, row: NewCall): Promise<CallRow> {
  return db.insertInto('calls').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates only at the expected version; undefined means someone else changed it first. */
export async function updateCallAtVersion(
  db: Db,
  id: number,
  version: number,
  values: Partial<Omit<CallRow, 'id' | 'version'>>,
): Promise<CallRow | undefined> {
  return db
    .updateTable('calls')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** A criteria template with its items in order, or undefined. */
export async function findCriteriaTemplate(db: Db, key: string) {
  const template = await db
    .selectFrom('criteria_templates')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirst();
  if (!template) return undefined;
  const items = await db
    .selectFrom('criteria_items')
    .selectAll()
    .where('template_id', '=', template.id)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return { template, items };
}

export async function findCriteriaTemplateKey(db: Db, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const row = await db.selectFrom('criteria_templates').select('key').where('id', '=', id).executeTakeFirst();
  return row?.key ?? null;
}
