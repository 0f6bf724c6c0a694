/** Forums and joint conferences, their links and registrations: Kysely only. */
import { type Insertable, sql } from 'kysely';
import type { Db } from '../../context';
import type { Database } from '../../db/schema';
import type { ClusterEventRegistrationRow, ClusterEventRow } from './industrial-cluster.table';
import type { ClusterRef } from './project.repo';

/** Events, soonest first; `today` (YYYY-MM-DD) splits upcoming from past. */
export async function listEventRows(
  db: Db,
  filter: { kind?: string | undefined; when: 'upcoming' | 'past' | 'all'; today: string },
): Promise<ClusterEventRow[]> {
  let query = db.selectFrom('cluster_events').selectAll();
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  if (filter.when === 'upcoming') query = query.where('ends_on', '>=', filter.today);
  if (filter.when === 'past') query = query.where('ends_on', '<', filter.today);
  return query
    .orderBy('starts_on', filter.when === 'past' ? 'desc' : 'asc')
    .orderBy('id')
    .execute();
}

export async function findEventRow(db: Db, id: number): Promise<ClusterEventRow | undefined> {
  return db.selectFrom('cluster_events').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertEvent(
  db: Db,
  row: Insertable<Database['cluster_events']>,
): Promise<ClusterEventRow> {
  return db.insertInto('cluster_events').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Updates only at the expected version; undefined means someone else changed it first. */
export async function updateEventAtVersion(
  db: Db,
  id: number,
  version: number,
  values: Partial<Omit<ClusterEventRow, 'id' | 'version' | 'registered_count'>>,
): Promise<ClusterEventRow | undefined> {
  return db
    .updateTable('cluster_events')
    .set({ ...values, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Takes one seat if one is left, in one statement, so two registrations cannot both take the
 * last seat on either engine; false when the event is full.
 */
export async function takeSeat(db: Db, eventId: number): Promise<boolean> {
  const result = await db
    .updateTable('cluster_events')
    .set({ registered_count: sql<number>`registered_count + 1` })
    .where('id', '=', eventId)
    .where((eb) => eb.or([eb('capacity', 'is', null), eb('registered_count', '<', eb.ref('capacity'))]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function releaseSeat(db: Db, eventId: number): Promise<void> {
  await db
    .updateTable('cluster_events')
    .set({ registered_count: sql<number>`registered_count - 1` })
    .where('id', '=', eventId)
    .where('registered_count', '>', 0)
    .execute();
}

export async function listEventProjects(
  db: Db,
  eventId: number,
): Promise<(ClusterRef & { is_published: number })[]> {
  return db
    .selectFrom('cluster_event_projects as ep')
    .innerJoin('industrial_cluster_projects as p', 'p.id', 'ep.project_id')
    .select(['p.id', 'p.key', 'p.name_ja', 'p.name_en', 'p.is_published'])
    .where('ep.event_id', '=', eventId)
    .orderBy('p.key')
    .execute();
}

export async function listEventClusters(
  db: Db,
  eventId: number,
): Promise<(ClusterRef & { is_published: number })[]> {
  return db
    .selectFrom('cluster_event_clusters as ec')
    .innerJoin('clusters as c', 'c.id', 'ec.cluster_id')
    .select(['c.id', 'c.key', 'c.name_ja', 'c.name_en', 'c.is_published'])
    .where('ec.event_id', '=', eventId)
    .orderBy('c.start_fy')
    .orderBy('c.id')
    .execute();
}

export async function replaceEventLinks(
  db: Db,
  eventId: number,
  links: { projectIds?: number[]; clusterIds?: number[] },
): Promise<void> {
  if (links.projectIds) {
    await db.deleteFrom('cluster_event_projects').where('event_id', '=', eventId).execute();
    if (links.projectIds.length > 0)
      await db
        .insertInto('cluster_event_projects')
        .values(links.projectIds.map((project_id) => ({ event_id: eventId, project_id })))
        .execute();
  }
  if (links.clusterIds) {
    await db.deleteFrom('cluster_event_clusters').where('event_id', '=', eventId).execute();
    if (links.clusterIds.length > 0)
      await db
        .insertInto('cluster_event_clusters')
        .values(links.clusterIds.map((cluster_id) => ({ event_id: eventId, cluster_id })))
        .execute();
  }
}

/** An event's registrations, live ones first, then by time of registration. */
export async function listRegistrationRows(db: Db, eventId: number): Promise<ClusterEventRegistrationRow[]> {
  return db
    .selectFrom('cluster_event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy(sql`case when cancelled_at is null then 0 else 1 end`)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findRegistrationRow(
  db: Db,
  eventId: number,
  id: number,
): Promise<ClusterEventRegistrationRow | undefined> {
  return db
    .selectFrom('cluster_event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The account's live registration for the event, if any. */
export async function findLiveRegistrationOf(
  db: Db,
  eventId: number,
  accountId: number,
): Promise<ClusterEventRegistrationRow | undefined> {
  return db
    .selectFrom('cluster_event_registrations')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('account_id', '=', accountId)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
}

export async function insertRegistration(
  db: Db,
  row: Insertable<Database['cluster_event_registrations']>,
): Promise<ClusterEventRegistrationRow> {
  return db.insertInto('cluster_event_registrations').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Cancels a live registration; false when it was cancelled already. */
export async function cancelRegistrationRow(db: Db, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('cluster_event_registrations')
    .set({ cancelled_at: at })
    .where('id', '=', id)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
