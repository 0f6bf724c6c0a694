/**
 * The browser harness: the real server (built web app + API) on a fresh SQLite database and a
 * free port, and Debian's Chromium driven by playwright-core. Without /usr/bin/chromium the
 * browser suites are skipped, unless KCP_REQUIRE_BROWSER=1 (CI), where that is a failure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { bootstrap } from '../../src/server/bootstrap';
import { systemContext } from '../../src/server/context';
import { type DatabaseHandle, openDatabase } from '../../src/server/db/database';
import { createAccount } from '../../src/server/modules/accounts/account.service';
import type { GrantInput } from '../../src/contracts/accounts';

export const CHROMIUM = process.env.KCP_CHROMIUM || '/usr/bin/chromium';
const WEB_DIR = path.resolve('dist/web');

function browserAvailable(): boolean {
  const ok = fs.existsSync(CHROMIUM) && fs.existsSync(path.join(WEB_DIR, 'index.html'));
  if (!ok && process.env.KCP_REQUIRE_BROWSER === '1') {
    throw new Error(
      `Browser tests are required but ${fs.existsSync(CHROMIUM) ? 'dist/web is not built (run vite build)' : `${CHROMIUM} is missing (apt-get install chromium)`}`,
    );
  }
  if (!ok) console.warn(`Skipping browser tests: ${CHROMIUM} or dist/web/index.html is missing`);
  return ok;
}

export const HAS_BROWSER = browserAvailable();

export interface BrowserEnv {
  baseUrl: string;
  browser: Browser;
  app: FastifyInstance;
  database: DatabaseHandle;
  /** A new page in a fresh context (own cookies), in the given UI language. */
  newPage(locale?: 'ja' | 'en'): Promise<{ context: BrowserContext; page: Page }>;
  /** Creates an account and returns its credentials. */
  createUser(email: string, grants: GrantInput[]): Promise<{ email: string; password: string }>;
  close(): Promise<void>;
}

export async function startBrowserEnv(): Promise<BrowserEnv> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-e2e-'));
  const config = {
    host: '127.0.0.1',
    port: 0,
    databaseUrl: null,
    dataDir,
    sessionIdleMinutes: 120,
    sessionAbsoluteHours: 12,
    trustProxy: false as const,
    logLevel: 'silent',
    webDir: WEB_DIR,
  };
  const database = openDatabase(config);
  await bootstrap(database, { createFirstAdmin: false });
  const app = await buildApp({ config, database, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    baseUrl,
    browser,
    app,
    database,
    async newPage(locale = 'ja') {
      const context = await browser.newContext({
        baseURL: baseUrl,
        locale: locale === 'ja' ? 'ja-JP' : 'en-US',
        viewport: { width: 1366, height: 900 },
      });
      // The app keeps the chosen language in localStorage; start each tab in the one asked for, once,
      // so a reload shows whatever the user chose since.
      await context.addInitScript((l) => {
        if (window.sessionStorage.getItem('kcp.e2e.started')) return;
        window.sessionStorage.setItem('kcp.e2e.started', '1');
        window.localStorage.setItem('kcp.locale', l);
      }, locale);
      const page = await context.newPage();
      return { context, page };
    },
    async createUser(email, grants) {
      const password = 'e2e-password-that-is-long';
      await createAccount(systemContext(database.db, 'e2e'), {
        email,
        displayName: email.split('@')[0]!,
        locale: 'ja',
        password,
        grants,
      });
      return { email, password };
    },
    async close() {
      await browser.close();
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Serious and critical axe-core violations on the page, summarised for an assertion message. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}
