/** The itemised evidence of reports: papers, patents, awards, products, transfers, press. */
import type { Updateable } from 'kysely';
import type { Db } from '../../context';
import type { Database } from '../../db/schema';
import type { NewOutcomeItem, OutcomeItemRow } from './report.table';

export async function listItems(db: Db, reportId: number): Promise<OutcomeItemRow[]> {
  return db.selectFrom('outcome_items').selectAll().where('report_id', '=', reportId).orderBy('id').execute();
}

export async function findItem(
  db: Db,
  reportId: number,
  itemId: number,
): Promise<OutcomeItemRow | undefined> {
  return db
    .selectFrom('outcome_items')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('id', '=', itemId)
    .executeTakeFirst();
}

/** Another item of the report that is the same item (same kind and natural key). */
export async function findSameItem(
  db: Db,
  reportId: number,
  kind: string,
  naturalKey: string,
  exceptId: number | null,
): Promise<OutcomeItemRow | undefined> {
  let query = db
    .selectFrom('outcome_items')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('kind', '=', kind)
    .where('natural_key', '=', naturalKey);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

export async function insertItem(db: Db, row: NewOutcomeItem): Promise<OutcomeItemRow> {
  return db.insertInto('outcome_items').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertItems(db: Db, rows: NewOutcomeItem[]): Promise<void> {
  // Chunked: PostgreSQL allows 65,535 bind parameters per statement and an item has 33 columns.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('outcome_items')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/** Updates only at the expected version; undefined means someone else changed (or deleted) it first. */
export async function updateItemAtVersion(
  db: Db,
  id: number,
  version: number,
  changes: Updateable<Database['outcome_items']>,
): Promise<OutcomeItemRow | undefined> {
  return db
    .updateTable('outcome_items')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes only at the expected version; false means someone else changed it first. */
export async function deleteItemAtVersion(db: Db, id: number, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('outcome_items')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
