import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from './kcp';

/** Every row of every table, for comparing two database files. */
function dump(file: string): Record<string, unknown[]> {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    const tables = db
      .prepare("select name from sqlite_master where type='table' and name not like 'sqlite_%' order by name")
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map((t) => [t.name, db.prepare(`select * from "${t.name}" order by rowid`).all()]),
    );
  } finally {
    db.close();
  }
}

describe('kcp CLI on SQLite', () => {
  let dir: string;
  let output: string[];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-cli-'));
    vi.stubEnv('KCP_DATA_DIR', dir);
    vi.stubEnv('DATABASE_URL', '');
    output = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void output.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void output.push(a.join(' ')));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('migrates, then loads the reference data only once', async () => {
    expect(await main(['migrate'])).toBe(0);
    expect(output.join('\n')).toContain('applied: 20261125T1500-foundation');
    expect(await main(['seed'])).toBe(0);
    expect(await main(['seed'])).toBe(0);
    expect(output.join('\n')).toContain('already present');
    expect(dump(path.join(dir, 'kcp.sqlite')).clusters).toHaveLength(18);
  });

  it('adds a headquarters user for a cluster and prints a one-time password', async () => {
    expect(
      await main([
        'user',
        'add',
        '--email',
        'HQ@Sapporo.example.jp',
        '--role',
        'cluster_headquarters',
        '--cluster',
        'sapporo',
      ]),
    ).toBe(0);
    const text = output.join('\n');
    expect(text).toContain('created hq@sapporo.example.jp');
    expect(text).toContain('cluster_headquarters@sapporo');
    expect(text).toMatch(/password \(shown once\): [\w]{5}-[\w]{5}-[\w]{5}-[\w]{5}/);
  });

  it.each([
    [['user', 'add', '--email', 'a@b.jp', '--role', 'wizard'], 2, 'unknown role'],
    [['user', 'add', '--role', 'administrator'], 2, 'needs --email'],
    [
      ['user', 'add', '--email', 'a@b.jp', '--role', 'cluster_headquarters', '--cluster', 'atlantis'],
      1,
      'cluster "atlantis" does not exist',
    ],
    [['frobnicate'], 2, 'unknown command'],
    [['user', 'add', '--email', 'not-an-email', '--role', 'administrator'], 2, 'email'],
  ])('rejects %j with exit %i', async (args, code, message) => {
    expect(await main(args)).toBe(code);
    expect(output.join('\n')).toContain(message);
  });

  it('audit verify names the first altered entry and exits 1', async () => {
    await main(['seed']);
    expect(await main(['audit', 'verify'])).toBe(0);
    const db = new SqliteDatabase(path.join(dir, 'kcp.sqlite'));
    db.prepare("update audit_log set actor_label = 'mallory' where seq = 5").run();
    db.close();
    expect(await main(['audit', 'verify'])).toBe(1);
    expect(output.join('\n')).toContain('BROKEN at entry 5');
  });

  it('audit verify notices entries removed from the end', async () => {
    await main(['seed']);
    const db = new SqliteDatabase(path.join(dir, 'kcp.sqlite'));
    db.prepare('delete from audit_log where seq = (select max(seq) from audit_log)').run();
    db.close();
    expect(await main(['audit', 'verify'])).toBe(1);
    expect(output.join('\n')).toMatch(/removed from the end/);
  });

  it('backup then restore round-trips every row', async () => {
    await main(['seed']);
    await main(['user', 'add', '--email', 'officer@mext.example.jp', '--role', 'programme_officer']);
    const live = path.join(dir, 'kcp.sqlite');
    const backup = path.join(dir, 'backup.sqlite');
    expect(await main(['backup', '--out', backup])).toBe(0);
    const before = dump(live);
    // Change the live database, then restore: the change must be gone and everything else equal.
    const db = new SqliteDatabase(live);
    db.prepare("update clusters set name_en = 'Changed' where key = 'kyoto'").run();
    db.close();
    expect(await main(['restore', '--from', backup])).toBe(0);
    const after = dump(live);
    const { audit_log: auditAfter, audit_head: _headAfter, ...restAfter } = after;
    const { audit_log: auditBefore, audit_head: _headBefore, ...restBefore } = before;
    expect(restAfter).toEqual(restBefore);
    // The backup's history, then one entry recording the restore itself.
    expect(auditAfter!.slice(0, auditBefore!.length)).toEqual(auditBefore);
    expect(auditAfter!.slice(auditBefore!.length)).toEqual([
      expect.objectContaining({ action: 'database.restore' }),
    ]);
    expect(await main(['audit', 'verify'])).toBe(0);
  });

  it('refuses to restore a file that is not a platform database', async () => {
    const other = path.join(dir, 'other.sqlite');
    new SqliteDatabase(other).exec('create table t (x)');
    await expect(main(['restore', '--from', other])).rejects.toThrow(
      /not a Knowledge Cluster Platform database/,
    );
  });

  it('points PostgreSQL deployments to pg_dump', async () => {
    vi.stubEnv('DATABASE_URL', 'postgres://127.0.0.1/kcp');
    expect(await main(['backup', '--out', '/tmp/x'])).toBe(2);
    expect(output.join('\n')).toContain('pg_dump');
  });
});
