/** Messages between the benchmark (parent, load generator) and the server it forks (child). */

export interface SyntheticSpec {
  /** Published clusters `bench-000001` … to add beside the reference data. */
  clusters: number;
  /** One accepted yearly report per fiscal year in [fyFrom, fyTo], each with every indicator. */
  fyFrom: number;
  fyTo: number;
  /** Seeds the value generator, so every run inserts the same figures. */
  seed: number;
}

export type ServerSpec =
  | { kind: 'hello' }
  | {
      /**
       * A bare Fastify app (no plugins, hooks or schemas) answering each URL (path and query)
       * with a body read once from a file into memory: the baseline for an app endpoint that
       * returns the same JSON.
       */
      kind: 'static';
      routes: { url: string; file: string; contentType: string }[];
    }
  | {
      kind: 'app';
      /** null: SQLite under dataDir; postgres://… otherwise. */
      databaseUrl: string | null;
      dataDir: string;
      synthetic: SyntheticSpec | null;
      /** Raw SQL run on the SQLite handle after bootstrap (used to try a proposed index on a scratch copy). */
      extraSql: string[];
      /** Largest import upload in bytes (the app's KCP_IMPORT_MAX_BYTES); the app's default when absent. */
      importMaxBytes?: number;
    };

export interface SyntheticResult {
  clusters: number;
  reports: number;
  outcomeValues: number;
  insertMs: number;
}

/** What the child measured while starting, all in milliseconds. */
export interface StartupTimings {
  /** Process start (performance.timeOrigin) until the child's entry module ran: Node boot + tsx loader. */
  processBootMs: number;
  /** Importing the app's modules (tsx transpiles TypeScript; it caches the result between runs). */
  moduleLoadMs: number;
  /** openDatabase + bootstrap (migrations and the reference data load). */
  openAndBootstrapMs: number;
  migrationsRun: number;
  loadedReferenceData: boolean;
  /** buildApp + app.ready(): plugins, routes, schemas. */
  buildAppMs: number;
  listenMs: number;
}

export interface CpuSnapshot {
  /** performance.now() in the child. */
  atMs: number;
  userMicros: number;
  systemMicros: number;
  rssBytes: number;
}

export type ChildMessage =
  | { type: 'ready'; port: number; startup: StartupTimings | null; synthetic: SyntheticResult | null }
  | { type: 'failed'; message: string }
  | { type: 'reply'; id: number; quiesceMs?: number; cpu?: CpuSnapshot };

export type ParentCommand =
  | { cmd: 'start'; spec: ServerSpec }
  | { cmd: 'quiesce'; id: number }
  | { cmd: 'cpu'; id: number }
  | { cmd: 'stop'; id: number };
