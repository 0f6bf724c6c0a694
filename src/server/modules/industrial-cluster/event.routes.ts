/** /api/v1/events: forums, joint conferences and the Cluster Forum, with registrations. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../../contracts/common';
import {
  CreateEventBody,
  EventDetail,
  EventIdParam,
  EventListQuery,
  EventListResponse,
  RegisterBody,
  Registration,
  RegistrationListResponse,
  RegistrationParams,
  UpdateEventBody,
} from '../../../contracts/industrial-cluster';
import { ctxOf } from '../../http/request-context';
import {
  cancelRegistration,
  createEvent,
  getEvent,
  listEvents,
  listRegistrations,
  registerForEvent,
  updateEvent,
} from './event.service';

export function registerEventRoutes(app: FastifyInstance): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['events'];

  r.get(
    '/api/v1/events',
    {
      schema: {
        tags,
        summary: 'Events, soonest first (optionally of one kind, upcoming or past)',
        querystring: EventListQuery,
        response: { 200: EventListResponse, ...errorResponses },
      },
    },
    async (request) => listEvents(ctxOf(request), request.query),
  );
  r.post(
    '/api/v1/events',
    {
      schema: {
        tags,
        summary: 'Add an event with its programme, capacity and deadline (officers, coordinators)',
        body: CreateEventBody,
        response: { 201: EventDetail, ...errorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(await createEvent(ctxOf(request), request.body)),
  );
  r.get(
    '/api/v1/events/:id',
    {
      schema: {
        tags,
        summary: "An event with its programme, linked projects and clusters, and the asker's registration",
        params: EventIdParam,
        response: { 200: EventDetail, ...errorResponses },
      },
    },
    async (request) => getEvent(ctxOf(request), request.params.id),
  );
  r.patch(
    '/api/v1/events/:id',
    {
      schema: {
        tags,
        summary: 'Edit an event at the version read (officers, coordinators)',
        description: 'The capacity cannot go below the live registrations (422 naming body.capacity).',
        params: EventIdParam,
        body: UpdateEventBody,
        response: { 200: EventDetail, ...errorResponses },
      },
    },
    async (request) => updateEvent(ctxOf(request), request.params.id, request.body),
  );
  r.get(
    '/api/v1/events/:id/registrations',
    {
      schema: {
        tags,
        summary: "An event's registrations, live ones first (officers, coordinators)",
        params: EventIdParam,
        response: { 200: RegistrationListResponse, ...errorResponses },
      },
    },
    async (request) => listRegistrations(ctxOf(request), request.params.id),
  );
  r.post(
    '/api/v1/events/:id/registrations',
    {
      schema: {
        tags,
        summary: 'Register for an event (anyone signed in; organizers may register a guest)',
        description:
          'One live registration per account (409 DUPLICATE). After the deadline: 409 DEADLINE_PASSED; ' +
          'no seats left: 409 OVER_CAPACITY. `guest` needs officer or coordinator rights.',
        params: EventIdParam,
        body: RegisterBody,
        response: { 201: Registration, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registerForEvent(ctxOf(request), request.params.id, request.body)),
  );
  r.post(
    '/api/v1/events/:id/registrations/:registrationId/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a registration (your own; organizers any), releasing the seat',
        params: RegistrationParams,
        response: { 200: Registration, ...errorResponses },
      },
    },
    async (request) => cancelRegistration(ctxOf(request), request.params.id, request.params.registrationId),
  );
}
