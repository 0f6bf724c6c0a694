/**
 * Several app processes may start at once on one empty PostgreSQL database; each would load the
 * reference data and create the first administrator. A session advisory lock makes them take
 * turns, so the second finds the work done. SQLite has one process per file and needs none.
 */
import { sql } from 'kysely';
import type { DatabaseHandle } from './database';

const STARTUP_LOCK_KEY = 4_2002_2004; // any constant shared by all processes of this platform

export async function withStartupLock<T>(database: DatabaseHandle, run: () => Promise<T>): Promise<T> {
  if (database.engine !== 'postgres') return run();
  return database.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${STARTUP_LOCK_KEY})`.execute(connection);
    try {
      return await run();
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`.execute(connection);
    }
  });
}
