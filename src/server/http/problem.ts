/** The one error renderer: every failure leaves as application/problem+json. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, ERROR_STATUS, type ErrorCode, type FieldError, isDatabaseBusy } from './app-error';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
  requestId: string;
}

const TITLES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'The request is not valid',
  INVALID_JSON: 'The request body is not valid JSON',
  UNAUTHENTICATED: 'Sign-in required',
  INVALID_CREDENTIALS: 'E-mail or password is wrong',
  FORBIDDEN: 'Not allowed',
  CSRF_TOKEN_INVALID: 'Missing or wrong CSRF token',
  ACCOUNT_DISABLED: 'The account is disabled',
  NOT_FOUND: 'Not found',
  VERSION_CONFLICT: 'Edited by someone else',
  DUPLICATE: 'Already exists',
  REPORT_LOCKED: 'The report is locked',
  INVALID_TRANSITION: 'Not possible in the report’s current status',
  CONFLICT_OF_INTEREST: 'Conflict of interest',
  OVER_CAPACITY: 'The reviewer is at their cap',
  REVIEW_LOCKED: 'The review is submitted and locked',
  DECLARATION_REQUIRED: 'Declare conflicts of interest first',
  OVER_SLOTS: 'Beyond the call’s slots',
  OVER_BUDGET: 'Beyond the call’s budget',
  DEMO_DATA: 'Demo data cannot change real records',
  DEADLINE_PASSED: 'The submission deadline has passed',
  CALL_FROZEN: 'The call’s criteria are frozen',
  ROUND_FROZEN: 'The round’s criteria are frozen',
  WEIGHTS_NOT_LOCKED: 'The weights are not locked yet',
  WRONG_PHASE: 'The round is not in this phase',
  SUBMISSION_LOCKED: 'Already submitted',
  BELOW_THRESHOLD: 'Under a threshold',
  PAYLOAD_TOO_LARGE: 'The request is too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  UNKNOWN_REFERENCE: 'A referenced record does not exist',
  RULE_VIOLATION: 'The change breaks a programme rule',
  RATE_LIMITED: 'Too many attempts',
  INTERNAL: 'Internal error',
  BUSY: 'Busy; try again shortly',
};

function problemOf(code: ErrorCode, detail: string, requestId: string, errors?: FieldError[]): Problem {
  return {
    type: `/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[code],
    status: ERROR_STATUS[code],
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
    requestId,
  };
}

/** One issue as fastify-type-provider-zod hands it over: the zod code as `keyword`, the rest in `params`. */
interface ValidationIssue {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: { keys?: string[] };
}

/** Turns validation issues into `{ field, message }`, naming the part (body, query, params) and the path. */
function fieldErrorsOf(
  error: FastifyError & { validation?: unknown[]; validationContext?: string },
): FieldError[] {
  // Name the part as a client writes it: body.*, query.*, params.*, headers.*.
  const context = error.validationContext ?? 'body';
  const part = context === 'querystring' ? 'query' : context;
  return (error.validation ?? []).flatMap((raw) => {
    const issue = raw as ValidationIssue;
    const base = [part, ...(issue.instancePath ?? '').split('/').filter(Boolean)].join('.');
    if (issue.keyword === 'unrecognized_keys' && issue.params?.keys) {
      return issue.params.keys.map((key) => ({ field: `${base}.${key}`, message: 'unknown field' }));
    }
    return [{ field: base, message: issue.message ?? 'invalid value' }];
  });
}

/** PostgreSQL refuses NUL characters and bad encodings in text (SQLite stores them): the client's input, not our fault. */
function isRejectedText(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '22021' || code === '22P05';
}

/** Installs the error and not-found handlers that render problem+json. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let problem: Problem;
    if (error instanceof AppError) {
      problem = problemOf(error.code, error.message, request.id, error.errors);
      if (error.headers) void reply.headers(error.headers);
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = fieldErrorsOf(error);
      const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
      problem = problemOf('VALIDATION_FAILED', detail || 'invalid request', request.id, errors);
    } else if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      problem = problemOf('INVALID_JSON', 'The body could not be parsed as JSON', request.id, [
        { field: 'body', message: 'malformed JSON' },
      ]);
    } else if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      problem = problemOf('VALIDATION_FAILED', 'The JSON body is empty', request.id, [
        { field: 'body', message: 'required' },
      ]);
    } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413) {
      problem = problemOf('PAYLOAD_TOO_LARGE', 'The request body is too large', request.id);
    } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.statusCode === 415) {
      problem = problemOf('UNSUPPORTED_MEDIA_TYPE', 'Send application/json', request.id);
    } else if (isRejectedText(error)) {
      problem = problemOf(
        'VALIDATION_FAILED',
        'The request contains text the database cannot store (a NUL character or invalid encoding)',
        request.id,
        [{ field: 'body', message: 'contains a NUL character or invalid text' }],
      );
    } else if (isDatabaseBusy(error)) {
      // Another connection (an import commit's worker) holds SQLite's write lock: nothing was written.
      problem = problemOf(
        'BUSY',
        'The database is busy with a large import; nothing was changed. Try again shortly',
        request.id,
      );
      void reply.header('retry-after', '5');
    } else if (error.statusCode === 429) {
      problem = problemOf('RATE_LIMITED', error.message, request.id);
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      problem = { ...problemOf('VALIDATION_FAILED', error.message, request.id), status: error.statusCode };
    } else {
      // 5xx: log everything, tell the client nothing but the request id.
      if (isResponseSerializationError(error))
        request.log.error({ issues: error.cause.issues }, 'response schema');
      request.log.error({ err: error }, 'unhandled error');
      problem = problemOf('INTERNAL', 'Something went wrong on our side; quote the request id', request.id);
    }
    return reply.status(problem.status).type('application/problem+json; charset=utf-8').send(problem);
  });

  app.setNotFoundHandler((request, reply) => {
    const problem = problemOf('NOT_FOUND', `No route for ${request.method} ${request.url}`, request.id);
    return reply.status(404).type('application/problem+json; charset=utf-8').send(problem);
  });
}
