import type { Selectable } from 'kysely';

export interface SessionTable {
  /** SHA-256 of the cookie token: a stolen database does not yield usable cookies. */
  id: string;
  account_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
}

export interface SignInAttemptTable {
  limiter_key: string;
  attempted_at: string;
}

export type SessionRow = Selectable<SessionTable>;
