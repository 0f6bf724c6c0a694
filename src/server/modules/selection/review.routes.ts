import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../../contracts/common';
import {
  DeclareBody,
  DeclareResponse,
  MyAssignmentParams,
  MyAssignmentsResponse,
  MyAttachmentParams,
  MyReviewResponse,
  RemindersResponse,
  RevealResponse,
  ReviewCallParams,
  ReviewDraftBody,
  ReviewProposalResponse,
} from '../../../contracts/selection-reviews';
import { notFound } from '../../http/app-error';
import { ctxOf } from '../../http/request-context';
import { registerAssignmentRoutes } from './assignment.routes';
import { registerConflictRoutes } from './conflict.routes';
import { registerConsensusRoutes } from './consensus.routes';
import {
  declare,
  getMyReminders,
  getMyReview,
  getReviewProposal,
  listMyAssignments,
  locateReviewAttachment,
  revealReviews,
  saveReviewDraft,
  submitReview,
} from './review.service';
import { registerReviewerPoolRoutes } from './reviewer-pool.routes';

/** Every route of the review slice: pool and profiles, conflicts, assignments, reviews, consensus. */
export function registerSelectionReviewRoutes(app: FastifyInstance, options: { dataDir: string }): void {
  registerReviewerPoolRoutes(app);
  registerConflictRoutes(app);
  registerAssignmentRoutes(app);
  registerConsensusRoutes(app);
  registerReviewRoutes(app, options);
}

function registerReviewRoutes(app: FastifyInstance, options: { dataDir: string }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['selection-review'];

  r.post(
    '/api/v1/calls/:key/reveal',
    {
      schema: {
        tags,
        summary:
          'Reveal reviews: reviewers who have submitted then see the others’ scores, anonymised (officers)',
        params: ReviewCallParams,
        response: { 200: RevealResponse, ...errorResponses },
      },
    },
    async (request) => revealReviews(ctxOf(request), request.params.key),
  );
  r.get(
    '/api/v1/reviews/assignments',
    {
      schema: {
        tags,
        summary: "The signed-in reviewer's assignments with due dates and status (never co-reviewers)",
        response: { 200: MyAssignmentsResponse, ...errorResponses },
      },
    },
    async (request) => listMyAssignments(ctxOf(request)),
  );
  r.get(
    '/api/v1/reviews/reminders',
    {
      schema: {
        tags,
        summary: "The reviewer's pending work: unsubmitted assignments by due date, how many overdue",
        response: { 200: RemindersResponse, ...errorResponses },
      },
    },
    async (request) => getMyReminders(ctxOf(request)),
  );
  r.post(
    '/api/v1/reviews/assignments/:id/declare',
    {
      schema: {
        tags,
        summary: 'Declare conflicts before opening the proposal: none, or a conflict (kind + detail)',
        description:
          'A declared conflict is recorded for an officer and removes the assignment at once. Declared once (409 after).',
        params: MyAssignmentParams,
        body: DeclareBody,
        response: { 200: DeclareResponse, ...errorResponses },
      },
    },
    async (request) => declare(ctxOf(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/reviews/assignments/:id/proposal',
    {
      schema: {
        tags,
        summary:
          'The assigned proposal: narratives, budget plan, participants, attachments (after declaring)',
        description:
          '409 DECLARATION_REQUIRED before the declaration; 404 for a conflicted or foreign assignment.',
        params: MyAssignmentParams,
        response: { 200: ReviewProposalResponse, ...errorResponses },
      },
    },
    async (request) => getReviewProposal(ctxOf(request), request.params.id),
  );
  r.get(
    '/api/v1/reviews/assignments/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an attachment of the assigned proposal',
        params: MyAttachmentParams,
        response: { 200: z.any(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const a = await locateReviewAttachment(
        ctxOf(request),
        request.params.id,
        request.params.attachmentId,
        options.dataDir,
      );
      if (!fs.existsSync(a.file)) throw notFound('attachment', request.params.attachmentId);
      return reply
        .header('content-type', a.mediaType)
        .header('content-length', String(a.sizeBytes))
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(fs.createReadStream(a.file));
    },
  );
  r.get(
    '/api/v1/reviews/assignments/:id/review',
    {
      schema: {
        tags,
        summary:
          'My review of the assignment: criteria, scale, my scores; others anonymised after submit + reveal',
        params: MyAssignmentParams,
        response: { 200: MyReviewResponse, ...errorResponses },
      },
    },
    async (request) => getMyReview(ctxOf(request), request.params.id),
  );
  r.put(
    '/api/v1/reviews/assignments/:id/review',
    {
      schema: {
        tags,
        summary: 'Save a draft: scores (null = not yet) and comments per criterion',
        description:
          'Scores off the scale or its steps, or unknown criteria, are 422 naming body.scores.<criterion>.',
        params: MyAssignmentParams,
        body: ReviewDraftBody,
        response: { 200: MyReviewResponse, ...errorResponses },
      },
    },
    async (request) => saveReviewDraft(ctxOf(request), request.params.id, request.body),
  );
  r.post(
    '/api/v1/reviews/assignments/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit the review: every criterion scored on the scale; locked afterwards',
        description:
          'A missing or invalid score is 422 naming body.scores.<criterion>; nothing is saved then.',
        params: MyAssignmentParams,
        body: ReviewDraftBody,
        response: { 200: MyReviewResponse, ...errorResponses },
      },
    },
    async (request) => submitReview(ctxOf(request), request.params.id, request.body),
  );
}
