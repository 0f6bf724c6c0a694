import type { Db } from '../../context';

/**
 * The version of everything the public read-models (outcome table, analytics) are computed from:
 * triggers on reports, clusters, their prefectures and budget lines bump it (migration
 * 20261125T2020-published-data-version), in this process or any other on the same database.
 */
export async function publishedDataFingerprint(db: Db): Promise<string> {
  const row = await db
    .selectFrom('data_versions')
    .select('version')
    .where('name', '=', 'published')
    .executeTakeFirst();
  return String(row?.version ?? 0);
}
