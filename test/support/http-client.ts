/** A cookie-keeping client over app.inject that sends the CSRF token like the web app does. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export interface Response<T = any> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
  text: string;
}

export class HttpClient {
  private cookies = new Map<string, string>();
  csrfToken: string | null = null;
  /** The client's address as the server sees it (for per-address limits). */
  remoteAddress = '127.0.0.1';

  constructor(private readonly app: FastifyInstance) {}

  private cookieHeader(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keepCookies(response: LightMyRequestResponse): void {
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired =
        c.value === '' || c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() < Date.now());
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  /** Sends a request; `raw` sends the payload as-is (for malformed JSON tests). */
  async request<T = any>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    options: { raw?: string; csrf?: string | null; headers?: Record<string, string> } = {},
  ): Promise<Response<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const cookie = this.cookieHeader();
    if (cookie) headers.cookie = cookie;
    const csrf = options.csrf === undefined ? this.csrfToken : options.csrf;
    if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
    let payload: string | undefined;
    if (options.raw !== undefined) {
      payload = options.raw;
      headers['content-type'] ??= 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const response = await this.app.inject({
      method,
      url,
      headers,
      remoteAddress: this.remoteAddress,
      ...(payload !== undefined ? { payload } : {}),
    });
    this.keepCookies(response);
    const type = String(response.headers['content-type'] ?? '');
    const parsed =
      type.includes('json') && response.body ? (JSON.parse(response.body) as T) : (response.body as T);
    return { status: response.statusCode, body: parsed, headers: response.headers, text: response.body };
  }

  /** The value of a cookie this client holds (e.g. the session cookie), or undefined. */
  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Sets (or with null, forgets) a cookie, e.g. to replay an old session cookie. */
  setCookie(name: string, value: string | null): void {
    if (value === null) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }

  get<T = any>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = any>(url: string, body?: unknown) {
    return this.request<T>('POST', url, body ?? {});
  }
  patch<T = any>(url: string, body: unknown) {
    return this.request<T>('PATCH', url, body);
  }
  put<T = any>(url: string, body: unknown) {
    return this.request<T>('PUT', url, body);
  }
  delete<T = any>(url: string) {
    return this.request<T>('DELETE', url);
  }

  /** Fetches the anonymous CSRF token, signs in and keeps the new session's token. */
  async signIn(email: string, password: string): Promise<Response> {
    const session = await this.get<{ csrfToken: string }>('/api/v1/auth/session');
    this.csrfToken = session.body.csrfToken;
    const response = await this.post('/api/v1/auth/sign-in', { email, password });
    if (response.status === 200) this.csrfToken = (response.body as { csrfToken: string }).csrfToken;
    return response;
  }
}
