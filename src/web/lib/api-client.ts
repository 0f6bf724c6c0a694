/**
 * The one HTTP client of the web app: same-origin cookies, the CSRF header on every unsafe method, and
 * application/problem+json errors turned into `ApiError`.
 */

export const API_BASE = '/api/v1';

export interface FieldError {
  /** Dotted path as the server names it, e.g. `body.name.en`. */
  field: string;
  message: string;
}

/** A failed API call: the problem+json document, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly fieldErrors: FieldError[];
  readonly requestId: string | null;
  /** Seconds to wait before retrying (from Retry-After), when the server said so. */
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail: string;
    fieldErrors?: FieldError[];
    requestId?: string | null;
    retryAfterSeconds?: number | null;
  }) {
    super(init.detail || init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.requestId = init.requestId ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }

  /** The message the server gave for one field (exact path, or the first nested under it). */
  fieldError(field: string): string | undefined {
    const exact = this.fieldErrors.find((e) => e.field === field);
    if (exact) return exact.message;
    return this.fieldErrors.find((e) => e.field.startsWith(`${field}.`))?.message;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

/** `/api/v1` + path + the query's non-empty parameters. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

let csrfToken: string | null = null;

/** Remembers the CSRF token of the current session (from GET /auth/session or a sign-in response). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function refreshCsrfToken(): Promise<void> {
  const response = await fetch(apiUrl('/auth/session'), {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw await toApiError(response);
  const session = (await response.json()) as { csrfToken?: string };
  csrfToken = session.csrfToken ?? null;
}

function isProblem(value: unknown): value is {
  title?: unknown;
  status?: unknown;
  detail?: unknown;
  code?: unknown;
  errors?: unknown;
  requestId?: unknown;
} {
  return typeof value === 'object' && value !== null;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  if (isProblem(body)) {
    const errors = Array.isArray(body.errors)
      ? body.errors
          .filter(
            (e): e is FieldError =>
              typeof e === 'object' &&
              e !== null &&
              typeof (e as FieldError).field === 'string' &&
              typeof (e as FieldError).message === 'string',
          )
          .map((e) => ({ field: e.field, message: e.message }))
      : [];
    return new ApiError({
      status: typeof body.status === 'number' ? body.status : response.status,
      code: typeof body.code === 'string' ? body.code : `HTTP_${response.status}`,
      title: typeof body.title === 'string' ? body.title : response.statusText,
      detail: typeof body.detail === 'string' ? body.detail : '',
      fieldErrors: errors,
      requestId: typeof body.requestId === 'string' ? body.requestId : null,
      retryAfterSeconds,
    });
  }
  return new ApiError({
    status: response.status,
    code: `HTTP_${response.status}`,
    title: response.statusText,
    detail: '',
    retryAfterSeconds,
  });
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', title: 'Network error', detail: String(error) });
  }
}

/** Sends one API request and returns the parsed JSON body (undefined for 204). */
export async function apiRequest<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const isUnsafe = method !== 'GET';
  if (isUnsafe && csrfToken === null) await refreshCsrfToken();
  let response = await send(method, path, options);
  if (isUnsafe && response.status === 403) {
    const error = await toApiError(response.clone());
    // The session may have been rotated or expired in another tab: fetch the current token and retry once.
    if (error.code === 'CSRF_TOKEN_INVALID') {
      await refreshCsrfToken();
      response = await send(method, path, options);
    }
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};
