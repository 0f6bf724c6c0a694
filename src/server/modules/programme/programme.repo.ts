import type { Db } from '../../context';
import type { KeyFieldRow, PrefectureRow, ProgrammeRow } from './programme.table';
import type { IndicatorRow } from '../outcomes/outcome.table';

export async function findFirstProgramme(db: Db): Promise<ProgrammeRow | undefined> {
  return db.selectFrom('programmes').selectAll().orderBy('id').limit(1).executeTakeFirst();
}

/** Published clusters counted by start fiscal year and key field. */
export async function countPublishedClusters(
  db: Db,
  programmeId: number,
): Promise<{ start_fy: number; key_field_key: string; n: number }[]> {
  const rows = await db
    .selectFrom('clusters')
    .select(['start_fy', 'key_field_key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('programme_id', '=', programmeId)
    .where('is_published', '=', 1)
    .groupBy(['start_fy', 'key_field_key'])
    .orderBy('start_fy')
    .execute();
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

export async function listKeyFields(db: Db): Promise<KeyFieldRow[]> {
  return db.selectFrom('key_fields').selectAll().orderBy('sort_order').execute();
}

export async function listPrefectures(db: Db): Promise<PrefectureRow[]> {
  return db.selectFrom('prefectures').selectAll().orderBy('code').execute();
}

export async function listIndicators(db: Db): Promise<IndicatorRow[]> {
  return db.selectFrom('indicators').selectAll().orderBy('sort_order').execute();
}
