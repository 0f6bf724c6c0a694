/** `kcp`: serve, migrate, seed, user add, import, demo, audit verify, backup, restore. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CreateAccountBody } from '../contracts/accounts';
import { ROLES, type Role } from '../domain/permissions';
import { bootstrap } from '../server/bootstrap';
import { loadConfig } from '../server/config';
import { systemContext } from '../server/context';
import { openDatabase, sqliteFileOf } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { AppError } from '../server/http/app-error';
import { createAccount } from '../server/modules/accounts/account.service';
import { audit, verifyAuditChain } from '../server/modules/audit/audit.service';
import { loadReferenceData } from '../server/modules/reference-data/reference-data.service';
import { backupSqlite, restoreSqlite } from './backup';
import { DEMO_USAGE, demoCommand } from './demo-command';
import { IMPORT_USAGE, importCommand } from './import-command';

const USAGE = `Knowledge Cluster Platform — kcp <command>

  serve [--build-web-if-missing]   start the web app and API (PORT, HOST, DATABASE_URL, KCP_DATA_DIR)
  migrate                          bring the database schema up to date
  seed                             load the bundled reference data (once; a second run does nothing)
  user add --email E --role R [--cluster KEY] [--name N] [--locale ja|en] [--password-stdin]
                                   create an account; with --password-stdin the password is read
                                   from standard input, otherwise one is generated and printed once
  audit verify                     check the audit log's hash chain; exits 1 naming the first bad entry
  backup --out FILE                copy the SQLite database online (PostgreSQL: use pg_dump)
  restore --from FILE              replace the SQLite database with a backup (stop the server first)
  ${IMPORT_USAGE}
  ${DEMO_USAGE}

roles: ${ROLES.join(', ')}`;

async function readStdin(): Promise<string | null> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  return text === '' ? null : text;
}

async function withDatabase<T>(
  run: (handle: ReturnType<typeof openDatabase>) => Promise<T>,
  options: { migrate: boolean } = { migrate: true },
): Promise<T> {
  const handle = openDatabase(loadConfig());
  try {
    if (options.migrate) await migrateToLatest(handle.db);
    return await run(handle);
  } finally {
    await handle.close();
  }
}

async function userAdd(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      role: { type: 'string', multiple: true },
      cluster: { type: 'string' },
      name: { type: 'string' },
      locale: { type: 'string', default: 'ja' },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  if (!values.email || !values.role || values.role.length === 0) {
    console.error('user add needs --email and --role');
    return 2;
  }
  const unknown = values.role.find((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown) {
    console.error(`unknown role "${unknown}"; roles: ${ROLES.join(', ')}`);
    return 2;
  }
  const password = values['password-stdin'] ? await readStdin() : null;
  if (values['password-stdin'] && !password) {
    console.error('--password-stdin given but standard input was empty');
    return 2;
  }
  return withDatabase(async ({ db }) => {
    await loadReferenceData(systemContext(db, 'cli'));
    // The CLI is an edge like the API: its input goes through the same contract.
    const parsed = CreateAccountBody.safeParse({
      email: values.email,
      displayName: values.name ?? values.email!,
      locale: values.locale === 'en' ? 'en' : 'ja',
      ...(password ? { password } : {}),
      grants: (values.role as Role[]).map((role) =>
        role === 'cluster_headquarters' || (values.cluster && role === 'coordinator')
          ? { role, ...(values.cluster ? { clusterKey: values.cluster } : {}) }
          : { role },
      ),
    });
    if (!parsed.success) {
      console.error(
        parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('\n'),
      );
      return 2;
    }
    const created = await createAccount(systemContext(db, 'cli'), parsed.data);
    console.log(
      `created ${created.account.email} (id ${created.account.id}) with ${created.account.grants.map((g) => g.role + (g.scopeLabel ? `@${g.scopeLabel}` : '')).join(', ')}`,
    );
    if (created.generatedPassword) console.log(`password (shown once): ${created.generatedPassword}`);
    return 0;
  });
}

function buildWebIfMissing(): void {
  const index = path.join(loadConfig().webDir ?? 'dist/web', 'index.html');
  if (fs.existsSync(index)) return;
  console.log('Building the web app (first start)…');
  execFileSync(
    process.execPath,
    [path.resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    { stdio: 'inherit' },
  );
}

/** Runs one command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve': {
        if (rest.includes('--build-web-if-missing')) buildWebIfMissing();
        const { serve } = await import('../server/main');
        await serve();
        return 0;
      }
      case 'migrate':
        return await withDatabase(
          async ({ db }) => {
            const applied = await migrateToLatest(db);
            console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
            return 0;
          },
          { migrate: false },
        );
      case 'seed':
        return await withDatabase(async (handle) => {
          const result = await bootstrap(handle, { createFirstAdmin: false });
          console.log(
            result.loadedReferenceData
              ? 'reference data loaded'
              : 'reference data already present; nothing to do',
          );
          return 0;
        });
      case 'user':
        if (rest[0] === 'add') return await userAdd(rest.slice(1));
        break;
      case 'import':
        return await withDatabase((handle) => importCommand(rest, handle, loadConfig()));
      case 'demo':
        return await withDatabase((handle) => demoCommand(rest, handle));
      case 'audit':
        if (rest[0] === 'verify') {
          return await withDatabase(async ({ db }) => {
            const result = await verifyAuditChain(db);
            if (result.ok) {
              console.log(`audit log intact: ${result.checked} entries verified`);
              return 0;
            }
            console.error(`audit log BROKEN at entry ${result.firstBadSeq}: ${result.reason}`);
            return 1;
          });
        }
        break;
      case 'backup':
      case 'restore': {
        const { values } = parseArgs({
          args: rest,
          options: { out: { type: 'string' }, from: { type: 'string' } },
        });
        const config = loadConfig();
        if (config.databaseUrl) {
          console.error(
            'This deployment runs on PostgreSQL: back up with pg_dump and restore with pg_restore (e.g. pg_dump -Fc "$DATABASE_URL" > kcp.dump).',
          );
          return 2;
        }
        if (command === 'backup') {
          if (!values.out) return usageError('backup needs --out FILE');
          const rows = await backupSqlite(sqliteFileOf(config.dataDir), path.resolve(values.out));
          console.log(`backed up ${rows} rows to ${values.out}`);
          return 0;
        }
        if (!values.from) return usageError('restore needs --from FILE');
        const rows = restoreSqlite(path.resolve(values.from), sqliteFileOf(config.dataDir));
        // The restored history gets an entry saying it was restored, from what, and when.
        await withDatabase(async ({ db }) => {
          const ctx = systemContext(db, 'cli');
          await db.transaction().execute((trx) =>
            audit(ctx, trx, {
              action: 'database.restore',
              entityType: 'database',
              entityId: 'sqlite',
              after: { from: path.resolve(values.from!), rows },
            }),
          );
        });
        console.log(`restored ${rows} rows from ${values.from}`);
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
        console.log(USAGE);
        return 0;
    }
    return usageError(`unknown command: ${argv.join(' ')}`);
  } catch (error) {
    if (error instanceof AppError) {
      console.error(
        `${error.code}: ${error.message}${error.errors ? ` (${error.errors.map((e) => `${e.field}: ${e.message}`).join('; ')})` : ''}`,
      );
      return 1;
    }
    throw error;
  }
}

function usageError(message: string): number {
  console.error(`${message}\n\n${USAGE}`);
  return 2;
}
