/** /api/v1/rounds/:key/self-evaluations: headquarters' self-evaluation reports, their files and status. */
import fastifyMultipart from '@fastify/multipart';
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, OkResponse, ProblemResponse } from '../../../contracts/common';
import { RoundKeyParam } from '../../../contracts/evaluation-rounds';
import {
  ReopenSelfEvaluationBody,
  SaveSelfEvaluationBody,
  SelfEvaluationAttachment,
  SelfEvaluationAttachmentList,
  SelfEvaluationAttachmentParams,
  SelfEvaluationDetail,
  SelfEvaluationListResponse,
  SelfEvaluationParams,
  SubmitSelfEvaluationBody,
} from '../../../contracts/evaluation-self-evaluations';
import { fileUploadLimits, receiveFileUpload } from '../../http/file-upload';
import { ctxOf } from '../../http/request-context';
import { DEFAULT_ATTACHMENT_MAX_BYTES } from '../selection/attachment.storage';
import {
  getSelfEvaluation,
  listSelfEvaluationAttachments,
  listSelfEvaluations,
  locateSelfEvaluationAttachment,
  prepareSelfEvaluationUpload,
  removeSelfEvaluationAttachment,
  reopenSelfEvaluation,
  saveSelfEvaluation,
  submitSelfEvaluation,
  uploadSelfEvaluationAttachment,
} from './self-evaluation.service';

export interface SelfEvaluationRouteOptions {
  dataDir: string;
  attachmentMaxBytes?: number | undefined;
}

export function registerSelfEvaluationRoutes(
  app: FastifyInstance,
  options: SelfEvaluationRouteOptions,
): void {
  const maxBytes = options.attachmentMaxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['evaluation'];
  const base = '/api/v1/rounds/:key/self-evaluations/:clusterKey';
  const detail = { 200: SelfEvaluationDetail, ...errorResponses };

  r.get(
    '/api/v1/rounds/:key/self-evaluations',
    {
      schema: {
        tags,
        summary: 'Self-evaluation status per target cluster (officers: every cluster; others: their own)',
        description:
          "Headquarters see their clusters' reports, evaluators the clusters assigned to them without a " +
          'conflict (counts of a draft stay hidden from them); other roles 403.',
        params: RoundKeyParam,
        response: { 200: SelfEvaluationListResponse, ...errorResponses },
      },
    },
    async (request) => listSelfEvaluations(ctxOf(request), request.params.key),
  );
  r.get(
    base,
    {
      schema: {
        tags,
        summary: "A cluster's self-evaluation report with its outcomes, targets and budget for the period",
        description:
          "Readers: officers, the cluster's headquarters, and evaluators assigned to it without a conflict " +
          '(who see the narratives once submitted). `clusterData` covers the cluster start fiscal year to the ' +
          "round's, live from the platform.",
        params: SelfEvaluationParams,
        response: detail,
      },
    },
    async (request) => getSelfEvaluation(ctxOf(request), request.params.key, request.params.clusterKey),
  );
  r.put(
    base,
    {
      schema: {
        tags,
        summary: 'Save the draft: a narrative per criterion item, at the version read (headquarters)',
        description:
          'Keys are the round’s criterion item keys (another key: 400 naming body.narratives.<key>). ' +
          '409 WRONG_PHASE outside the self_evaluation phase, 409 SUBMISSION_LOCKED once submitted.',
        params: SelfEvaluationParams,
        body: SaveSelfEvaluationBody,
        response: detail,
      },
    },
    async (request) =>
      saveSelfEvaluation(ctxOf(request), request.params.key, request.params.clusterKey, request.body),
  );
  r.post(
    `${base}/submit`,
    {
      schema: {
        tags,
        summary: 'Submit the report with every criterion item written (headquarters)',
        description: '422 RULE_VIOLATION naming each item without a narrative.',
        params: SelfEvaluationParams,
        body: SubmitSelfEvaluationBody,
        response: detail,
      },
    },
    async (request) =>
      submitSelfEvaluation(ctxOf(request), request.params.key, request.params.clusterKey, request.body),
  );
  r.post(
    `${base}/reopen`,
    {
      schema: {
        tags,
        summary: 'Return a submitted report to draft with a reason (officers, audited)',
        params: SelfEvaluationParams,
        body: ReopenSelfEvaluationBody,
        response: detail,
      },
    },
    async (request) =>
      reopenSelfEvaluation(ctxOf(request), request.params.key, request.params.clusterKey, request.body),
  );
  r.get(
    `${base}/attachments`,
    {
      schema: {
        tags,
        summary: "The report's files (its readers)",
        params: SelfEvaluationParams,
        response: { 200: SelfEvaluationAttachmentList, ...errorResponses },
      },
    },
    async (request) =>
      listSelfEvaluationAttachments(ctxOf(request), request.params.key, request.params.clusterKey),
  );
  r.get(
    `${base}/attachments/:attachmentId`,
    {
      schema: {
        tags,
        summary: 'Download a file of the report (its readers)',
        params: SelfEvaluationAttachmentParams,
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const a = await locateSelfEvaluationAttachment(
        ctxOf(request),
        request.params.key,
        request.params.clusterKey,
        request.params.attachmentId,
        options.dataDir,
      );
      return reply
        .header('content-type', a.mediaType)
        .header('content-length', String(a.sizeBytes))
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(fs.createReadStream(a.file));
    },
  );
  r.delete(
    `${base}/attachments/:attachmentId`,
    {
      schema: {
        tags,
        summary: 'Remove a file from a draft report (headquarters; kept for the record)',
        params: SelfEvaluationAttachmentParams,
        response: { 200: OkResponse, ...errorResponses },
      },
    },
    async (request) => {
      await removeSelfEvaluationAttachment(
        ctxOf(request),
        request.params.key,
        request.params.clusterKey,
        request.params.attachmentId,
      );
      return { ok: true as const };
    },
  );

  // Multipart parsing lives in this plugin's scope only: the rest of the API takes JSON.
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, fileUploadLimits(maxBytes));
    scope.withTypeProvider<ZodTypeProvider>().post(
      `${base}/attachments`,
      {
        schema: {
          tags,
          summary:
            'Attach a PDF, DOCX, XLSX or PPTX file to a draft report (headquarters; multipart: optional ' +
            'field `itemKey` first, then `file`)',
          description:
            `Larger than the limit (KCP_ATTACHMENT_MAX_BYTES, default ${DEFAULT_ATTACHMENT_MAX_BYTES} bytes): 413. ` +
            'Content that does not match the extension: 415 naming `file`. An `itemKey` that is not a ' +
            'criterion item of the round: 400 naming `itemKey`.',
          consumes: ['multipart/form-data'],
          params: SelfEvaluationParams,
          response: {
            201: SelfEvaluationAttachment,
            413: ProblemResponse,
            415: ProblemResponse,
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const ctx = ctxOf(request);
        const attachment = await receiveFileUpload(request, {
          maxBytes,
          fieldNames: 'itemKey (optional) and file',
          prepare: (fields) =>
            prepareSelfEvaluationUpload(ctx, request.params.key, request.params.clusterKey, fields.itemKey),
          store: (prepared, upload) =>
            uploadSelfEvaluationAttachment(ctx, prepared, upload, { dataDir: options.dataDir, maxBytes }),
        });
        return reply.status(201).send(attachment);
      },
    );
  });
}
