/** /api/v1/imports: upload (multipart), job status with its problems, commit, cancel, templates. */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ProblemResponse } from '../../../contracts/common';
import {
  CommitImportBody,
  ImportIdParam,
  ImportJob,
  ImportJobDetail,
  ImportJobPage,
  ImportJobQuery,
  ImportKindParam,
  ImportListQuery,
} from '../../../contracts/imports';
import type { DatabaseHandle } from '../../db/database';
import { AppError } from '../../http/app-error';
import { ctxOf } from '../../http/request-context';
import { ImportRunner } from './import-runner';
import { templateCsv } from './import-templates';
import {
  assertMayImport,
  cancelImport,
  commitImport,
  createImport,
  getImport,
  listImports,
} from './import.service';

/** Default upload limit; KCP_IMPORT_MAX_BYTES changes it. */
export const DEFAULT_IMPORT_MAX_BYTES = 100 * 1024 * 1024;

export interface ImportRouteOptions {
  /** The app's database: the import worker opens its own handle to the same one. */
  database: DatabaseHandle;
  dataDir: string;
  maxBytes?: number | undefined;
}

const tooLarge = (maxBytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `the upload is larger than the import limit of ${maxBytes} bytes`, {
    errors: [{ field: 'file', message: `larger than ${maxBytes} bytes` }],
  });

export function registerImportRoutes(app: FastifyInstance, options: ImportRouteOptions): ImportRunner {
  const maxBytes = options.maxBytes ?? DEFAULT_IMPORT_MAX_BYTES;
  const runner = new ImportRunner(options.database, options.dataDir, maxBytes);
  app.addHook('onReady', () => runner.recover());
  app.addHook('onClose', () => runner.stop());
  const tags = ['imports'];

  // Multipart parsing lives in this plugin's scope only: the rest of the API takes JSON.
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 1024 },
    });
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/imports',
      {
        schema: {
          tags,
          summary:
            'Upload a CSV or XLSX file (multipart: field `kind` first, then `file`); validation runs in the background',
          consumes: ['multipart/form-data'],
          response: { 202: ImportJob, 413: ProblemResponse, 415: ProblemResponse, ...errorResponses },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request);
        assertMayImport(ctx);
        // Refuse a declared oversize body before reading a byte of it.
        const declared = Number(request.headers['content-length'] ?? 0);
        if (declared > maxBytes + 64 * 1024) throw tooLarge(maxBytes);
        if (!request.isMultipart())
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            'send the file as multipart/form-data with fields kind and file',
            {
              errors: [{ field: 'file', message: 'multipart/form-data required' }],
            },
          );
        const fields: Record<string, string> = {};
        let job: ImportJob | null = null;
        for await (const part of request.parts()) {
          if (part.type === 'field') {
            fields[part.fieldname] = String(part.value);
            continue;
          }
          if (part.fieldname !== 'file' || job) {
            part.file.resume();
            continue;
          }
          job = await createImport(ctx, runner, {
            kind: fields.kind ?? (request.query as { kind?: string }).kind,
            fileName: part.filename || 'upload',
            stream: part.file,
            isTruncated: () => part.file.truncated,
          });
        }
        if (!job)
          throw new AppError('VALIDATION_FAILED', 'no file was uploaded', {
            errors: [{ field: 'file', message: 'required' }],
          });
        return reply.status(202).send(job);
      },
    );
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/imports',
    {
      schema: {
        tags,
        summary: 'Import jobs, newest first (your own; officers see all)',
        querystring: ImportListQuery,
        response: { 200: ImportJobPage, ...errorResponses },
      },
    },
    async (request) => listImports(ctxOf(request), runner, request.query),
  );
  r.get(
    '/api/v1/imports/templates/:kind',
    {
      schema: {
        tags,
        summary: 'A template CSV (UTF-8 with BOM): the header row and one example row',
        params: ImportKindParam,
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (request, reply) => {
      assertMayImport(ctxOf(request));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.params.kind}-template.csv"`)
        .send(templateCsv(request.params.kind));
    },
  );
  r.get(
    '/api/v1/imports/:id',
    {
      schema: {
        tags,
        summary: 'A job with its progress, summary and a page of its problems',
        params: ImportIdParam,
        querystring: ImportJobQuery,
        response: { 200: ImportJobDetail, ...errorResponses },
      },
    },
    async (request) =>
      getImport(ctxOf(request), runner, request.params.id, {
        limit: request.query.problemsLimit,
        offset: request.query.problemsOffset,
      }),
  );
  r.post(
    '/api/v1/imports/:id/commit',
    {
      schema: {
        tags,
        summary: 'Write a validated import, all or nothing, in the background; 409 on a stale version',
        params: ImportIdParam,
        body: CommitImportBody,
        response: { 202: ImportJob, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await commitImport(ctxOf(request), runner, request.params.id, request.body.version)),
  );
  r.post(
    '/api/v1/imports/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an import (a running commit is rolled back)',
        params: ImportIdParam,
        response: { 200: ImportJob, ...errorResponses },
      },
    },
    async (request) => cancelImport(ctxOf(request), runner, request.params.id),
  );
  return runner;
}
