/** Environment → typed configuration. The only place that reads process.env for the server. */
import path from 'node:path';

export type DatabaseEngine = 'sqlite' | 'postgres';

export interface AppConfig {
  host: string;
  port: number;
  /** postgres://… selects PostgreSQL; anything else (or nothing) means the embedded SQLite file. */
  databaseUrl: string | null;
  dataDir: string;
  /** A session ends after this long without a request. */
  sessionIdleMinutes: number;
  /** A session ends this long after sign-in, however active. */
  sessionAbsoluteHours: number;
  /**
   * Which proxies' X-Forwarded-* headers to believe: false (none) or their addresses/CIDRs. Never
   * "all": a client could then choose its own address and slip past the per-address sign-in limits.
   */
  trustProxy: false | string;
  logLevel: string;
  /** Where the built web app lives; null serves the API only. */
  webDir: string | null;
  /** Largest import upload in bytes (KCP_IMPORT_MAX_BYTES, default 100 MB). */
  importMaxBytes?: number | undefined;
  /** Largest proposal attachment in bytes (KCP_ATTACHMENT_MAX_BYTES, default 20 MB). */
  attachmentMaxBytes?: number | undefined;
}

function readInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function readTrustProxy(raw: string | undefined): false | string {
  if (!raw || raw === '0' || raw === 'false') return false;
  // "1"/"true": a proxy on this host or the private network (proxy-addr's named ranges).
  if (raw === '1' || raw === 'true') return 'loopback,linklocal,uniquelocal';
  return raw; // comma-separated addresses or CIDRs of the proxies
}

/** Reads the server configuration from the environment with the documented defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = path.resolve(env.KCP_DATA_DIR || './var');
  return {
    host: env.HOST || '127.0.0.1',
    port: readInt(env, 'PORT', 3000),
    databaseUrl: env.DATABASE_URL ? env.DATABASE_URL : null,
    dataDir,
    sessionIdleMinutes: readInt(env, 'KCP_SESSION_IDLE_MINUTES', 120),
    sessionAbsoluteHours: readInt(env, 'KCP_SESSION_ABSOLUTE_HOURS', 12),
    trustProxy: readTrustProxy(env.KCP_TRUST_PROXY),
    logLevel: env.LOG_LEVEL || 'info',
    webDir: path.resolve(env.KCP_WEB_DIR || 'dist/web'),
    importMaxBytes: readInt(env, 'KCP_IMPORT_MAX_BYTES', 100 * 1024 * 1024),
    attachmentMaxBytes: readInt(env, 'KCP_ATTACHMENT_MAX_BYTES', 20 * 1024 * 1024),
  };
}

/** Which engine a configuration selects. */
export function engineOf(config: Pick<AppConfig, 'databaseUrl'>): DatabaseEngine {
  return config.databaseUrl && /^postgres(ql)?:\/\//.test(config.databaseUrl) ? 'postgres' : 'sqlite';
}
