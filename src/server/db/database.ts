/** Opens the configured engine behind one Kysely instance. */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { type AppConfig, type DatabaseEngine, engineOf } from '../config';
import type { Database } from './schema';

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: DatabaseEngine;
  /** The raw SQLite connection (online backup needs it); null on PostgreSQL. */
  sqlite: SqliteDatabase.Database | null;
  /** Where it was opened from: a background worker opens its own handle to the same database. */
  location: Pick<AppConfig, 'databaseUrl' | 'dataDir'>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL pool size (10 by default); a background worker needs one or two. */
  poolMax?: number;
  /** SQLite busy timeout in ms (5000 by default): how long a statement waits for another connection's write lock. */
  busyTimeoutMs?: number;
}

export function sqliteFileOf(dataDir: string): string {
  return path.join(dataDir, 'kcp.sqlite');
}

/**
 * Kysely prepares a statement on every query; better-sqlite3 statements are reusable, and caching
 * them by SQL text triples the throughput of simple reads (STACK-NOTES measurements).
 */
function withStatementCache(database: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = database.prepare.bind(database);
  return new Proxy(database, {
    get(target, property, receiver) {
      if (property === 'prepare') {
        return (source: string) => {
          let statement = cache.get(source);
          if (!statement) {
            statement = prepare(source);
            if (cache.size > 500) cache.clear();
            cache.set(source, statement);
          }
          return statement;
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function openSqlite(file: string, busyTimeoutMs: number): SqliteDatabase.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma(`busy_timeout = ${busyTimeoutMs}`);
  database.pragma('synchronous = NORMAL');
  return database;
}

// pg returns int8 and numeric as strings; every such value here is a count, an id or integer yen
// well inside Number.MAX_SAFE_INTEGER, so parse them once at the driver.
const pgTypes = {
  getTypeParser(oid: number, format?: string): (value: string) => unknown {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as 'text') as (value: string) => unknown;
  },
};

/** Opens SQLite under the data directory, or PostgreSQL when DATABASE_URL is postgres://. */
export function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>,
  options: OpenOptions = {},
): DatabaseHandle {
  const engine = engineOf(config);
  const location = { databaseUrl: config.databaseUrl, dataDir: config.dataDir };
  if (engine === 'postgres') {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl!,
      max: options.poolMax ?? 10,
      types: pgTypes,
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine, sqlite: null, location, close: () => db.destroy() };
  }
  const sqlite = openSqlite(sqliteFileOf(config.dataDir), options.busyTimeoutMs ?? 5000);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, engine, sqlite, location, close: () => db.destroy() };
}
