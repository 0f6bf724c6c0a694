/** buildTestApp(engine): the real app on a real, empty database of that engine, with the reference data loaded. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { bootstrap } from '../../src/server/bootstrap';
import { type AppConfig } from '../../src/server/config';
import { type DatabaseHandle, openDatabase } from '../../src/server/db/database';
import { systemContext } from '../../src/server/context';
import { createAccount } from '../../src/server/modules/accounts/account.service';
import type { GrantInput } from '../../src/contracts/accounts';
import type { Role } from '../../src/domain/permissions';
import { createPostgresDatabase, type Engine } from './engines';
import { HttpClient } from './http-client';

export interface TestApp {
  engine: Engine;
  app: FastifyInstance;
  database: DatabaseHandle;
  /** KCP_DATA_DIR of the app (uploads, import plans). */
  dataDir: string;
  /** A client with no session: the anonymous public. */
  anonymous(): HttpClient;
  /** Creates an account holding the role (headquarters for `clusterKey`) and signs it in. */
  signInAs(role: Role, options?: { clusterKey?: string; email?: string }): Promise<HttpClient>;
  close(): Promise<void>;
}

let counter = 0;

export async function buildTestApp(engine: Engine, overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-test-'));
  const pgDatabase = engine === 'postgres' ? await createPostgresDatabase() : null;
  const config: AppConfig = {
    host: '127.0.0.1',
    port: 0,
    databaseUrl: pgDatabase?.url ?? null,
    dataDir,
    sessionIdleMinutes: 120,
    sessionAbsoluteHours: 12,
    trustProxy: false,
    logLevel: 'silent',
    webDir: null,
    ...overrides,
  };
  const database = openDatabase(config);
  await bootstrap(database, { createFirstAdmin: false });
  const app = await buildApp({ config, database, logger: false });
  await app.ready();

  const testApp: TestApp = {
    engine,
    app,
    database,
    dataDir,
    anonymous: () => new HttpClient(app),
    async signInAs(role, options = {}) {
      counter += 1;
      const email = options.email ?? `${role.replace(/_/g, '-')}-${counter}@example.jp`;
      const password = `correct horse battery ${counter}`;
      const grant: GrantInput = options.clusterKey ? { role, clusterKey: options.clusterKey } : { role };
      await createAccount(systemContext(database.db, 'test'), {
        email,
        displayName: `${role} ${counter}`,
        locale: 'en',
        password,
        grants: [grant],
      });
      const client = new HttpClient(app);
      await client.signIn(email, password);
      return client;
    },
    async close() {
      await app.close();
      await database.close();
      await pgDatabase?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return testApp;
}
