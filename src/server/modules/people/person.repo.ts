import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../context';
import { containsText } from '../../db/text-search';
import type { Database } from '../../db/schema';
import type { PersonRow } from './person.table';

export async function findPersonById(db: Db, id: number): Promise<PersonRow | undefined> {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listPeople(
  db: Db,
  filter: { q?: string | undefined; organizationId?: number | undefined },
  page: { limit: number; offset: number },
): Promise<{ rows: PersonRow[]; total: number }> {
  let query = db.selectFrom('people');
  if (filter.organizationId) query = query.where('organization_id', '=', filter.organizationId);
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

export async function insertPerson(db: Db, row: Insertable<Database['people']>): Promise<PersonRow> {
  return db.insertInto('people').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updatePersonAtVersion(
  db: Db,
  id: number,
  version: number,
  changes: Updateable<Database['people']>,
): Promise<PersonRow | undefined> {
  return db
    .updateTable('people')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}
