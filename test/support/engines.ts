/**
 * The database matrix: every API suite runs on SQLite and on PostgreSQL. PostgreSQL is found at
 * TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); each test app gets its
 * own database, dropped afterwards. With KCP_REQUIRE_POSTGRES=1 (CI) a missing server fails the run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type Engine = 'sqlite' | 'postgres';

export const ADMIN_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    if (process.env.KCP_REQUIRE_POSTGRES === '1') {
      throw new Error(`PostgreSQL is required (KCP_REQUIRE_POSTGRES=1) but ${ADMIN_URL} does not answer`, {
        cause: error,
      });
    }
    console.warn(`PostgreSQL at ${ADMIN_URL} does not answer; API tests run on SQLite only`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const ENGINES: Engine[] = (await postgresAnswers()) ? ['sqlite', 'postgres'] : ['sqlite'];

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Waits until the pool just closed has really let go of the database: dropping it with (force)
 * while its connections are still ending makes pg raise 57P01 into whatever test runs next.
 */
async function waitForConnectionsToClose(name: string, timeoutMs = 3000): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = await client.query(
        'select count(*)::int as n from pg_stat_activity where datname = $1',
        [name],
      );
      if ((result.rows[0] as { n: number }).n === 0 || Date.now() > deadline) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await client.end();
  }
}

/** Makes a fresh PostgreSQL database and returns its URL and a function that drops it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kcp_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await waitForConnectionsToClose(name);
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}
