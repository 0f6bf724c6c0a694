/** SQLite backup and restore: an online copy through SQLite's backup API, and a checked swap-in. */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';

/** Rows in every table of a SQLite file, to report and compare. */
export function countRows(file: string): number {
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
      .all() as { name: string }[];
    return tables.reduce(
      (sum, t) => sum + (db.prepare(`select count(*) as n from "${t.name}"`).get() as { n: number }).n,
      0,
    );
  } finally {
    db.close();
  }
}

/** Copies the live database while the server keeps running (SQLite's online backup API). */
export async function backupSqlite(source: string, out: string): Promise<number> {
  if (!fs.existsSync(source)) throw new Error(`no database at ${source}`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const db = new SqliteDatabase(source, { fileMustExist: true });
  try {
    await db.backup(out);
  } finally {
    db.close();
  }
  return countRows(out);
}

/** Replaces the database with a backup after checking that the backup is an intact platform database. */
export function restoreSqlite(backup: string, target: string): number {
  const check = new SqliteDatabase(backup, { readonly: true, fileMustExist: true });
  try {
    const integrity = check.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`${backup} is damaged: ${String(integrity)}`);
    const hasMigrations = check.prepare("select 1 from sqlite_master where name = 'kcp_migrations'").get();
    if (!hasMigrations) throw new Error(`${backup} is not a Knowledge Cluster Platform database`);
  } finally {
    check.close();
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staging = `${target}.restoring`;
  fs.copyFileSync(backup, staging);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(staging, target);
  return countRows(target);
}
