/** Reads the configuration, prepares the database, builds the app and listens. */
import { buildApp } from './app';
import { bootstrap } from './bootstrap';
import { loadConfig } from './config';
import { openDatabase } from './db/database';

export async function serve(): Promise<void> {
  const config = loadConfig();
  const database = openDatabase(config);
  const started = Date.now();
  const result = await bootstrap(database, { createFirstAdmin: true });
  const app = await buildApp({ config, database });
  await app.listen({ host: config.host, port: config.port });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  const lines = [
    `Knowledge Cluster Platform (知的クラスター創成事業) is running at ${url}`,
    `database: ${database.engine}${database.engine === 'sqlite' ? ` (${config.dataDir})` : ''}; ready in ${Date.now() - started} ms`,
    result.loadedReferenceData
      ? 'reference data loaded (18 clusters, FY2002–FY2004 outcomes, criteria)'
      : 'reference data already present',
    `API docs: ${url}/api/docs`,
  ];
  if (result.firstAdmin) {
    lines.push(
      '',
      'First start: an administrator account was created. Sign in with',
      `  e-mail:   ${result.firstAdmin.email}`,
      `  password: ${result.firstAdmin.password}`,
      'This password is shown only now; change it after signing in, or add accounts with',
      '  npx kcp user add --email you@example.jp --role administrator',
    );
  }
  process.stdout.write(`\n${lines.join('\n')}\n\n`);

  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  serve().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
