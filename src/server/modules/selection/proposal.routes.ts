/** /api/v1/proposals: the proposer's drafts, submission, withdrawal, reopening and attachments. */
import fastifyMultipart from '@fastify/multipart';
import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, OkResponse, ProblemResponse } from '../../../contracts/common';
import {
  ProposalAttachment,
  ProposalAttachmentParams,
  ProposalDetail,
  ProposalIdParam,
  ProposalListResponse,
  ProposalVersionBody,
  ReopenProposalBody,
  UpdateProposalBody,
} from '../../../contracts/selection-proposals';
import { fileUploadLimits, receiveFileUpload } from '../../http/file-upload';
import { ctxOf } from '../../http/request-context';
import {
  locateProposalAttachment,
  prepareAttachmentUpload,
  removeAttachment,
  uploadAttachment,
} from './attachment.service';
import { DEFAULT_ATTACHMENT_MAX_BYTES } from './attachment.storage';
import {
  getProposal,
  listMyProposals,
  reopenProposal,
  submitProposal,
  updateProposal,
  withdrawProposal,
} from './proposal.service';

export interface ProposalRouteOptions {
  dataDir: string;
  attachmentMaxBytes?: number | undefined;
}

export function registerProposalRoutes(app: FastifyInstance, options: ProposalRouteOptions): void {
  const maxBytes = options.attachmentMaxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['selection'];

  r.get(
    '/api/v1/proposals',
    {
      schema: {
        tags,
        summary: "The proposer's own proposals",
        response: { 200: ProposalListResponse, ...errorResponses },
      },
    },
    async (request) => listMyProposals(ctxOf(request)),
  );
  r.get(
    '/api/v1/proposals/:id',
    {
      schema: {
        tags,
        summary: 'A proposal (its proposer, or officers); another organization gets 404',
        params: ProposalIdParam,
        response: { 200: ProposalDetail, ...errorResponses },
      },
    },
    async (request) => getProposal(ctxOf(request), request.params.id),
  );
  r.patch(
    '/api/v1/proposals/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft at the version read (before the deadline, or once reopened)',
        description:
          "Narratives only for the call's criterion group keys; the budget plan is five consecutive fiscal years from the " +
          "call's; requested yen is the largest subsidy year. 409 DEADLINE_PASSED after the deadline and grace.",
        params: ProposalIdParam,
        body: UpdateProposalBody,
        response: { 200: ProposalDetail, ...errorResponses },
      },
    },
    async (request) => updateProposal(ctxOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/proposals/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit a complete draft before the deadline (plus grace)',
        description:
          '409 DEADLINE_PASSED after it; 422 RULE_VIOLATION naming every missing field and document.',
        params: ProposalIdParam,
        body: ProposalVersionBody,
        response: { 200: ProposalDetail, ...errorResponses },
      },
    },
    async (request) => submitProposal(ctxOf(request), request.params.id, request.body.version),
  );
  r.post(
    '/api/v1/proposals/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a proposal while the call is open or in review',
        params: ProposalIdParam,
        body: ProposalVersionBody,
        response: { 200: ProposalDetail, ...errorResponses },
      },
    },
    async (request) => withdrawProposal(ctxOf(request), request.params.id, request.body.version),
  );
  r.post(
    '/api/v1/proposals/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a submitted or late proposal with a reason (officers, audited)',
        params: ProposalIdParam,
        body: ReopenProposalBody,
        response: { 200: ProposalDetail, ...errorResponses },
      },
    },
    async (request) => reopenProposal(ctxOf(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/proposals/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an attachment (its proposer, or officers)',
        params: ProposalAttachmentParams,
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const a = await locateProposalAttachment(
        ctxOf(request),
        request.params.id,
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
    '/api/v1/proposals/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Remove an attachment from a draft (kept for the record)',
        params: ProposalAttachmentParams,
        response: { 200: OkResponse, ...errorResponses },
      },
    },
    async (request) => {
      await removeAttachment(ctxOf(request), request.params.id, request.params.attachmentId);
      return { ok: true as const };
    },
  );

  // Multipart parsing lives in this plugin's scope only: the rest of the API takes JSON.
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, fileUploadLimits(maxBytes));
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/v1/proposals/:id/attachments',
      {
        schema: {
          tags,
          summary:
            'Attach a PDF, DOCX, XLSX or PPTX file (multipart: field `documentKey` first, then `file`)',
          description:
            `Larger than the limit (KCP_ATTACHMENT_MAX_BYTES, default ${DEFAULT_ATTACHMENT_MAX_BYTES} bytes): 413. ` +
            'Content that does not match the extension: 415 naming `file`. Stored with its SHA-256.',
          consumes: ['multipart/form-data'],
          params: ProposalIdParam,
          response: {
            201: ProposalAttachment,
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
          fieldNames: 'documentKey and file',
          // prepareAttachmentUpload refuses a missing or unknown documentKey before the file is read.
          prepare: async (fields) => ({
            loaded: await prepareAttachmentUpload(ctx, request.params.id, fields.documentKey),
            documentKey: fields.documentKey!,
          }),
          store: ({ loaded, documentKey }, upload) =>
            uploadAttachment(ctx, loaded, { ...upload, documentKey }, { dataDir: options.dataDir, maxBytes }),
        });
        return reply.status(201).send(attachment);
      },
    );
  });
}
