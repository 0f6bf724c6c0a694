import type { Insertable } from 'kysely';
import type { Db } from '../../context';
import type { Database } from '../../db/schema';

export async function findProgrammeIdByKey(db: Db, key: string): Promise<number | undefined> {
  const row = await db.selectFrom('programmes').select('id').where('key', '=', key).executeTakeFirst();
  return row?.id;
}

export async function insertProgramme(db: Db, row: Insertable<Database['programmes']>): Promise<number> {
  const inserted = await db.insertInto('programmes').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** Inserts vocabulary rows that are not there yet (key fields, prefectures, indicators). */
export async function upsertKeyFields(db: Db, rows: Insertable<Database['key_fields']>[]): Promise<void> {
  for (const row of rows)
    await db
      .insertInto('key_fields')
      .values(row)
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
}

export async function upsertPrefectures(db: Db, rows: Insertable<Database['prefectures']>[]): Promise<void> {
  for (const row of rows)
    await db
      .insertInto('prefectures')
      .values(row)
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
}

export async function upsertIndicators(db: Db, rows: Insertable<Database['indicators']>[]): Promise<void> {
  for (const row of rows)
    await db
      .insertInto('indicators')
      .values(row)
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
}

export async function insertCriteriaTemplate(
  db: Db,
  template: Insertable<Database['criteria_templates']>,
  items: Omit<Insertable<Database['criteria_items']>, 'template_id'>[],
): Promise<void> {
  const { id } = await db
    .insertInto('criteria_templates')
    .values(template)
    .returning('id')
    .executeTakeFirstOrThrow();
  if (items.length > 0)
    await db
      .insertInto('criteria_items')
      .values(items.map((i) => ({ ...i, template_id: id })))
      .execute();
}

export async function insertReferenceCluster(
  db: Db,
  cluster: Insertable<Database['clusters']>,
  prefectureCodes: string[],
): Promise<number> {
  const { id } = await db.insertInto('clusters').values(cluster).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('cluster_prefectures')
    .values(prefectureCodes.map((code, i) => ({ cluster_id: id, prefecture_code: code, sort_order: i })))
    .execute();
  return id;
}

export async function insertReport(
  db: Db,
  report: Insertable<Database['outcome_reports']>,
  values: { indicator_key: string; value: number }[],
): Promise<number> {
  const { id } = await db
    .insertInto('outcome_reports')
    .values(report)
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('outcome_values')
    .values(
      values.map((v) => ({ report_id: id, indicator_key: v.indicator_key, value: v.value, note: null })),
    )
    .execute();
  return id;
}
