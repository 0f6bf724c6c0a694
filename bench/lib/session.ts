/**
 * A signed-in HTTP client for benchmark requests that need a user (routes behind a permission, or
 * an upload): keeps the cookies the app sets and sends the CSRF token with writes, as the web app does.
 */
import { systemContext } from '../../src/server/context';
import type { DatabaseHandle } from '../../src/server/db/database';
import { createAccount } from '../../src/server/modules/accounts/account.service';

export const BENCH_OFFICER = {
  email: 'bench-officer@kcp.local',
  password: 'benchmark officer password 2002',
};

/** Creates the benchmark's programme officer in a data set that is not being served yet. */
export async function createBenchOfficer(database: DatabaseHandle): Promise<void> {
  await createAccount(systemContext(database.db, 'bench'), {
    email: BENCH_OFFICER.email,
    displayName: 'Benchmark officer',
    locale: 'en',
    password: BENCH_OFFICER.password,
    grants: [{ role: 'programme_officer' }],
  });
}

export class SessionClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | null = null;

  constructor(private readonly base: string) {}

  /** The Cookie header this client sends (to hand to autocannon or a probe). */
  cookieHeader(): Record<string, string> {
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  /** Cookie and CSRF headers for a write sent outside `fetch` (a streamed upload). */
  writeHeaders(): Record<string, string> {
    return { ...this.cookieHeader(), ...(this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}) };
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', this.cookieHeader().cookie!);
    if (init.method && init.method !== 'GET' && this.csrfToken) headers.set('x-csrf-token', this.csrfToken);
    const response = await fetch(`${this.base}${path}`, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  async signIn(email: string, password: string): Promise<void> {
    const session = (await (await this.fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
    this.csrfToken = session.csrfToken;
    const response = await this.fetch('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200)
      throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
    this.csrfToken = ((await response.json()) as { csrfToken: string }).csrfToken;
  }
}
