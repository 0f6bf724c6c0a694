import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../context';
import { containsText } from '../../db/text-search';
import type { Database } from '../../db/schema';
import type { OrganizationRow } from './organization.table';

export async function findOrganizationById(db: Db, id: number): Promise<OrganizationRow | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrganizationsByIds(db: Db, ids: number[]): Promise<OrganizationRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('organizations').selectAll().where('id', 'in', ids).execute();
}

export async function listOrganizations(
  db: Db,
  filter: { q?: string | undefined; kind?: string | undefined },
  page: { limit: number; offset: number },
): Promise<{ rows: OrganizationRow[]; total: number }> {
  let query = db.selectFrom('organizations');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([containsText(eb.ref('name_en'), q), containsText(eb.ref('name_ja'), q)]),
    );
  }
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('name_en').orderBy('id').limit(page.limit).offset(page.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function insertOrganization(
  db: Db,
  row: Insertable<Database['organizations']>,
): Promise<OrganizationRow> {
  return db.insertInto('organizations').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateOrganizationAtVersion(
  db: Db,
  id: number,
  version: number,
  changes: Updateable<Database['organizations']>,
): Promise<OrganizationRow | undefined> {
  return db
    .updateTable('organizations')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function prefectureNames(
  db: Db,
  codes: string[],
): Promise<Map<string, { ja: string; en: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('prefectures')
    .select(['code', 'name_ja', 'name_en'])
    .where('code', 'in', codes)
    .execute();
  return new Map(rows.map((r) => [r.code, { ja: r.name_ja, en: r.name_en }]));
}
