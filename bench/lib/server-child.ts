/**
 * The server side of a benchmark, run in its own process (forked by outcome-table.bench.ts and
 * national.bench.ts) so the load generator and the server each get a core of their own. Starts a
 * bare node:http hello-world, a bare Fastify app serving fixed bodies from memory, or the real app;
 * listens on 127.0.0.1 and answers the parent's commands over IPC.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  ChildMessage,
  CpuSnapshot,
  ParentCommand,
  ServerSpec,
  StartupTimings,
  SyntheticResult,
} from './protocol';
import { insertSyntheticClusters, round } from './synthetic-data';

const entryAt = performance.now();

interface Running {
  port: number;
  close(): Promise<void>;
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

async function startHello(): Promise<Running> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('hello world');
  });
  const port = await listen(server);
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function startStatic(spec: Extract<ServerSpec, { kind: 'static' }>): Promise<Running> {
  const { default: Fastify } = await import('fastify');
  const bodies = new Map(
    spec.routes.map((r) => [r.url, { body: fs.readFileSync(r.file), contentType: r.contentType }]),
  );
  const app = Fastify({ logger: false });
  // One wildcard route: the bodies differ by query string, which Fastify's router does not see.
  app.get('/*', (request, reply) => {
    const found = bodies.get(request.url);
    if (!found) return reply.code(404).send();
    return reply.header('content-type', found.contentType).send(found.body);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { port: (app.server.address() as AddressInfo).port, close: () => app.close() };
}

async function startApp(
  spec: Extract<ServerSpec, { kind: 'app' }>,
): Promise<Running & { startup: StartupTimings; synthetic: SyntheticResult | null }> {
  const importStarted = performance.now();
  const [{ buildApp }, { bootstrap }, { openDatabase }] = await Promise.all([
    import('../../src/server/app'),
    import('../../src/server/bootstrap'),
    import('../../src/server/db/database'),
  ]);
  const moduleLoadMs = performance.now() - importStarted;

  const config = {
    host: '127.0.0.1',
    port: 0,
    databaseUrl: spec.databaseUrl,
    dataDir: spec.dataDir,
    sessionIdleMinutes: 120,
    sessionAbsoluteHours: 12,
    trustProxy: false as const,
    logLevel: 'silent',
    webDir: null,
    ...(spec.importMaxBytes ? { importMaxBytes: spec.importMaxBytes } : {}),
  };
  const bootStarted = performance.now();
  const database = openDatabase(config);
  const booted = await bootstrap(database, { createFirstAdmin: false });
  const openAndBootstrapMs = performance.now() - bootStarted;

  let synthetic: SyntheticResult | null = null;
  if (spec.synthetic || spec.extraSql.length > 0) {
    if (!database.sqlite) throw new Error('synthetic data and extra SQL need the SQLite engine');
    if (spec.synthetic) synthetic = insertSyntheticClusters(database.sqlite, spec.synthetic);
    for (const statement of spec.extraSql) database.sqlite.exec(statement);
  }

  const buildStarted = performance.now();
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  const buildAppMs = performance.now() - buildStarted;

  const listenStarted = performance.now();
  await app.listen({ host: '127.0.0.1', port: 0 });
  const listenMs = performance.now() - listenStarted;
  const port = (app.server.address() as AddressInfo).port;

  return {
    port,
    synthetic,
    startup: {
      processBootMs: round(entryAt),
      moduleLoadMs: round(moduleLoadMs),
      openAndBootstrapMs: round(openAndBootstrapMs),
      migrationsRun: booted.migrations.length,
      loadedReferenceData: booted.loadedReferenceData,
      buildAppMs: round(buildAppMs),
      listenMs: round(listenMs),
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

function cpuSnapshot(): CpuSnapshot {
  const usage = process.cpuUsage();
  return {
    atMs: performance.now(),
    userMicros: usage.user,
    systemMicros: usage.system,
    rssBytes: process.memoryUsage.rss(),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until this process has been (nearly) idle for three 50 ms windows in a row. A load run
 * that ends leaves requests in flight (a synchronous SQLite query cannot be cancelled); waiting
 * keeps their work out of the next measurement.
 */
async function quiesce(limitMs = 60_000): Promise<number> {
  const started = performance.now();
  let quietWindows = 0;
  let previous = cpuSnapshot();
  while (performance.now() - started < limitMs) {
    await sleep(50);
    const current = cpuSnapshot();
    const busyMs =
      (current.userMicros - previous.userMicros + current.systemMicros - previous.systemMicros) / 1000;
    quietWindows = busyMs < 0.1 * (current.atMs - previous.atMs) ? quietWindows + 1 : 0;
    previous = current;
    if (quietWindows >= 3) break;
  }
  return round(performance.now() - started);
}

let running: Running | null = null;

// The benchmark went away (finished, crashed or was interrupted): never outlive it.
process.on('disconnect', () => process.exit(0));

process.on('message', (command: ParentCommand) => {
  void (async () => {
    try {
      switch (command.cmd) {
        case 'start': {
          if (command.spec.kind === 'hello' || command.spec.kind === 'static') {
            running = command.spec.kind === 'hello' ? await startHello() : await startStatic(command.spec);
            send({ type: 'ready', port: running.port, startup: null, synthetic: null });
          } else {
            const app = await startApp(command.spec);
            running = app;
            send({ type: 'ready', port: app.port, startup: app.startup, synthetic: app.synthetic });
          }
          break;
        }
        case 'quiesce':
          send({ type: 'reply', id: command.id, quiesceMs: await quiesce() });
          break;
        case 'cpu':
          send({ type: 'reply', id: command.id, cpu: cpuSnapshot() });
          break;
        case 'stop':
          await running?.close();
          running = null;
          send({ type: 'reply', id: command.id });
          process.disconnect();
          break;
      }
    } catch (error) {
      send({
        type: 'failed',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  })();
});
