/** The one error type services throw; problem.ts turns it into application/problem+json. */

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_TOKEN_INVALID: 403,
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  DUPLICATE: 409,
  /** An accepted (or submitted) report cannot be edited; a correction opens a new version. */
  REPORT_LOCKED: 409,
  /** The workflow step does not apply to the report's current status (accepting a draft). */
  INVALID_TRANSITION: 409,
  /** Selection: the reviewer has a blocking conflict of interest with the proposal. */
  CONFLICT_OF_INTEREST: 409,
  /** Selection: the reviewer already holds as many assignments as their cap allows. */
  OVER_CAPACITY: 409,
  /** Selection: a submitted review cannot be changed. */
  REVIEW_LOCKED: 409,
  /** Selection: the reviewer must declare conflicts (or none) before opening the proposal. */
  DECLARATION_REQUIRED: 409,
  /** Selection: selecting beyond the call's slots needs an explicit override reason. */
  OVER_SLOTS: 409,
  /** Selection: selecting beyond the call's total budget needs an explicit override reason. */
  OVER_BUDGET: 409,
  /** Selection: demo calls never create or change real clusters. */
  DEMO_DATA: 409,
  /** Selection: the call's submission deadline (with its grace period) has passed; an officer may reopen. */
  DEADLINE_PASSED: 409,
  /** Selection: a call's criteria, scale and weights cannot change once it is open. */
  CALL_FROZEN: 409,
  /** Evaluation: a round's criteria, scale and bands cannot change once it has opened. */
  ROUND_FROZEN: 409,
  /** Evaluation: grading needs the round's weights locked first, so no grade can steer them. */
  WEIGHTS_NOT_LOCKED: 409,
  /** Evaluation: the round is not in the phase this step belongs to (grading after it closed). */
  WRONG_PHASE: 409,
  /** Evaluation: a submitted grading or self-evaluation cannot be changed. */
  SUBMISSION_LOCKED: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNKNOWN_REFERENCE: 422,
  RULE_VIOLATION: 422,
  /** Selection: a proposal under a threshold cannot be selected or made a trial region. */
  BELOW_THRESHOLD: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  /** SQLite's one write lock is held (a long import commit): try again shortly (Retry-After). */
  BUSY: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  /** Dotted path of the offending field, e.g. `body.name.ja` or `query.limit`. */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  /** Extra response headers, e.g. Retry-After for RATE_LIMITED. */
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    detail: string,
    options: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.errors = options.errors;
    this.headers = options.headers;
  }
}

/** Not found, naming what was looked for. */
export function notFound(entity: string, key: string | number): AppError {
  return new AppError('NOT_FOUND', `${entity} "${key}" was not found`);
}

/** A referenced record (in a body field) does not exist. */
export function unknownReference(field: string, entity: string, key: string | number): AppError {
  return new AppError('UNKNOWN_REFERENCE', `${entity} "${key}" does not exist`, {
    errors: [{ field, message: `unknown ${entity} "${key}"` }],
  });
}

/** The client edited an out-of-date copy; nothing was written. */
export function versionConflict(entity: string, key: string | number, current: number): AppError {
  return new AppError(
    'VERSION_CONFLICT',
    `${entity} "${key}" was changed by someone else (now at version ${current}); reload and apply your change again`,
    { errors: [{ field: 'body.version', message: `stale version; current version is ${current}` }] },
  );
}

/** SQLite could not get its write lock within the connection's busy timeout (SQLITE_BUSY and its variants). */
export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
