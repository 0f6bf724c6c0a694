import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from './kcp';

describe('kcp import on SQLite', () => {
  let dir: string;
  let output: string[];
  let progress: string[];
  const targets = () => {
    const db = new SqliteDatabase(path.join(dir, 'kcp.sqlite'), { readonly: true });
    try {
      return db.prepare('select indicator_key, fiscal_year, target from targets order by id').all();
    } finally {
      db.close();
    }
  };
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-import-cli-'));
    vi.stubEnv('KCP_DATA_DIR', dir);
    vi.stubEnv('DATABASE_URL', '');
    output = [];
    progress = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void output.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void output.push(a.join(' ')));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      progress.push(String(chunk));
      return true;
    });
    expect(await main(['seed'])).toBe(0);
    output = [];
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('validates only with --dry-run, then imports, then finds nothing to change', async () => {
    const file = write(
      'targets.csv',
      'cluster,indicator,fiscal_year,目標値\n札幌,論文（国内）,平成18年度,"1,200"\nkyoto,awards,2006,3\n',
    );
    expect(await main(['import', 'targets', file, '--dry-run'])).toBe(0);
    expect(output.join('\n')).toContain('targets: would insert 2, would update 0, unchanged 0');
    expect(progress.join('')).toMatch(/validating 100% \(2 rows\)/);
    expect(targets()).toEqual([]);

    expect(await main(['import', 'targets', file])).toBe(0);
    expect(output.join('\n')).toContain('targets: inserted 2');
    expect(targets()).toEqual([
      { indicator_key: 'papers_domestic', fiscal_year: 2006, target: 1200 },
      { indicator_key: 'awards', fiscal_year: 2006, target: 3 },
    ]);

    output = [];
    expect(await main(['import', 'targets', file])).toBe(0);
    expect(output.join('\n')).toContain('targets: inserted 0, updated 0, unchanged 2');
  });

  it('prints row-numbered errors and exits 1, writing nothing', async () => {
    const file = write(
      'bad.csv',
      'cluster,indicator,fiscal_year,target\nsapporo,awards,2006,1\natlantis,awards,2006,2\nkyoto,awards,2006,-2\n',
    );
    expect(await main(['import', 'targets', file])).toBe(1);
    const text = output.join('\n');
    expect(text).toContain('error: row 3, column A (cluster): unknown cluster "atlantis"');
    expect(text).toContain('error: row 4, column D (target): negative value -2');
    expect(text).toContain('nothing was written');
    expect(targets()).toEqual([]);
  });

  it('acts as an account with --as-email: headquarters import their own cluster only', async () => {
    expect(
      await main([
        'user',
        'add',
        '--email',
        'hq@sapporo.example.jp',
        '--role',
        'cluster_headquarters',
        '--cluster',
        'sapporo',
      ]),
    ).toBe(0);
    const file = write('hq.csv', 'cluster,indicator,fiscal_year,target\nkyoto,awards,2006,1\n');
    expect(await main(['import', 'targets', file, '--as-email', 'hq@sapporo.example.jp'])).toBe(1);
    expect(output.join('\n')).toContain(
      'row 2, column A (cluster): you may import rows of your own cluster only',
    );
  });

  it.each([
    [['import', 'wishes', 'x.csv'], 2, 'usage'],
    [['import', 'targets', '/nonexistent.csv'], 2, 'no such file'],
  ])('refuses %j with exit %i', async (args, code, message) => {
    expect(await main(args)).toBe(code);
    expect(output.join('\n')).toContain(message);
  });

  it('refuses a file that is not CSV text', async () => {
    const file = path.join(dir, 'binary.csv');
    fs.writeFileSync(file, Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)));
    expect(await main(['import', 'targets', file])).toBe(1);
    expect(output.join('\n')).toContain('UNSUPPORTED_MEDIA_TYPE');
  });
});
