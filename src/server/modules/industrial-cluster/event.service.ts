/**
 * Events of the cooperation: forums, joint conferences of the two ministries' clusters, the
 * Cluster Forum. Everyone reads them with their programme; anyone signed in registers (one live
 * registration per account; the capacity is enforced with a 409 and no one takes the last seat
 * twice); organizers (industrial-cluster:manage) add events, register guests without an account,
 * read the registrations and cancel any of them. A registrant cancels their own.
 */
import {
  CreateEventBody as CreateEventSchema,
  type CreateEventBody,
  type EventDetail,
  type EventListQuery,
  type EventListResponse,
  RegisterBody as RegisterSchema,
  type RegisterBody,
  type Registration,
  type RegistrationListResponse,
  UpdateEventBody as UpdateEventSchema,
  type UpdateEventBody,
} from '../../../contracts/industrial-cluster';
import { japanDate } from '../../../domain/fiscal-year';
import { can } from '../../../domain/permissions';
import type { ServiceContext } from '../../context';
import { isUniqueViolation } from '../../db/errors';
import { AppError, type FieldError, notFound, versionConflict } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { requirePermission } from '../auth/authorize';
import { findClusterByKey } from '../clusters/cluster.repo';
import { unpublishedVisibility } from '../clusters/cluster.service';
import {
  cancelRegistrationRow,
  findEventRow,
  findLiveRegistrationOf,
  findRegistrationRow,
  insertEvent,
  insertRegistration,
  listEventClusters,
  listEventProjects,
  listEventRows,
  listRegistrationRows,
  releaseSeat,
  replaceEventLinks,
  takeSeat,
  updateEventAtVersion,
} from './event.repo';
import type { ClusterEventRow } from './industrial-cluster.table';
import {
  eventSnapshot,
  isRegistrationOpen,
  parseProgramme,
  toEventSummary,
  toRegistration,
} from './industrial-cluster.presenter';
import { findProjectsByKeys } from './project.repo';
import { validationFailed } from './project.service';

function canManage(ctx: ServiceContext): boolean {
  return can(ctx.actor, 'industrial-cluster:manage');
}

export async function listEvents(ctx: ServiceContext, query: EventListQuery): Promise<EventListResponse> {
  requirePermission(ctx.actor, 'published:read');
  const now = ctx.now();
  const rows = await listEventRows(ctx.db, { kind: query.kind, when: query.when, today: japanDate(now) });
  return { items: rows.map((r) => toEventSummary(r, now)) };
}

async function loadEvent(ctx: ServiceContext, id: number): Promise<ClusterEventRow> {
  const row = await findEventRow(ctx.db, id);
  if (!row) throw notFound('event', id);
  return row;
}

/** An event with its programme, linked projects and clusters (those the reader may see), and the asker's registration. */
export async function getEvent(ctx: ServiceContext, id: number): Promise<EventDetail> {
  requirePermission(ctx.actor, 'published:read');
  const row = await loadEvent(ctx, id);
  const visibility = unpublishedVisibility(ctx);
  const manage = canManage(ctx);
  const [projects, clusters, mine] = await Promise.all([
    listEventProjects(ctx.db, id),
    listEventClusters(ctx.db, id),
    ctx.actor.kind === 'account' ? findLiveRegistrationOf(ctx.db, id, ctx.actor.accountId) : undefined,
  ]);
  const ref = (r: { id: number; key: string; name_ja: string; name_en: string }) => ({
    id: r.id,
    key: r.key,
    name: { ja: r.name_ja, en: r.name_en },
  });
  return {
    ...toEventSummary(row, ctx.now()),
    programme: parseProgramme(row),
    projects: projects.filter((p) => p.is_published === 1 || manage).map(ref),
    clusters: clusters
      .filter(
        (c) =>
          c.is_published === 1 ||
          visibility === true ||
          (Array.isArray(visibility) && visibility.includes(c.id)),
      )
      .map(ref),
    myRegistration: mine ? toRegistration(mine) : null,
    canManage: manage,
    canRegister: can(ctx.actor, 'event:register') && ctx.actor.kind === 'account',
  };
}

interface EventShape {
  startsOn: string;
  endsOn: string;
  registrationDeadline: string | null;
}

function shapeErrors(e: EventShape): FieldError[] {
  const errors: FieldError[] = [];
  if (e.endsOn < e.startsOn)
    errors.push({
      field: 'body.endsOn',
      message: `the last day (${e.endsOn}) is before the first (${e.startsOn})`,
    });
  if (
    e.registrationDeadline !== null &&
    new Date(e.registrationDeadline) > new Date(`${e.endsOn}T23:59:59+09:00`)
  )
    errors.push({
      field: 'body.registrationDeadline',
      message: 'registration must close before the event ends',
    });
  return errors;
}

/** Project and cluster keys → ids; unknown keys are a 422 naming each. */
async function resolveLinks(
  ctx: ServiceContext,
  projects: string[] | undefined,
  clusters: string[] | undefined,
): Promise<{ projectIds?: number[]; clusterIds?: number[] }> {
  const errors: FieldError[] = [];
  let projectIds: number[] | undefined;
  let clusterIds: number[] | undefined;
  if (projects) {
    const found = await findProjectsByKeys(ctx.db, projects);
    projects.forEach((k, i) => {
      if (!found.some((p) => p.key === k))
        errors.push({ field: `body.projects.${i}`, message: `unknown Industrial Cluster project "${k}"` });
    });
    projectIds = [...new Set(found.map((p) => p.id))];
  }
  if (clusters) {
    const found = await Promise.all(clusters.map((k) => findClusterByKey(ctx.db, k)));
    clusters.forEach((k, i) => {
      if (!found[i]) errors.push({ field: `body.clusters.${i}`, message: `unknown cluster "${k}"` });
    });
    clusterIds = [...new Set(found.flatMap((c) => (c ? [c.id] : [])))];
  }
  if (errors.length > 0)
    throw new AppError('UNKNOWN_REFERENCE', errors.map((e) => e.message).join('; '), { errors });
  return { ...(projectIds ? { projectIds } : {}), ...(clusterIds ? { clusterIds } : {}) };
}

/** Organizers add an event with its programme, capacity, deadline and linked projects and clusters. */
export async function createEvent(ctx: ServiceContext, input: CreateEventBody): Promise<EventDetail> {
  requirePermission(ctx.actor, 'industrial-cluster:manage');
  const body = CreateEventSchema.parse(input);
  const endsOn = body.endsOn ?? body.startsOn;
  const deadline =
    body.registrationDeadline === null ? null : new Date(body.registrationDeadline).toISOString();
  const errors = shapeErrors({ startsOn: body.startsOn, endsOn, registrationDeadline: deadline });
  if (errors.length > 0) throw validationFailed(errors);
  const links = await resolveLinks(ctx, body.projects, body.clusters);
  const at = ctx.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await insertEvent(trx, {
      kind: body.kind,
      title_ja: body.title.ja,
      title_en: body.title.en,
      starts_on: body.startsOn,
      ends_on: endsOn,
      place: body.place,
      programme_json: JSON.stringify(body.programme),
      capacity: body.capacity,
      registration_deadline: deadline,
      created_at: at,
      updated_at: at,
    });
    await replaceEventLinks(trx, row.id, links);
    await audit(ctx, trx, {
      action: 'event.create',
      entityType: 'event',
      entityId: row.id,
      after: { ...eventSnapshot(row), projects: body.projects, clusters: body.clusters },
    });
    return row.id;
  });
  return getEvent(ctx, id);
}

/** Organizers edit an event at the version read; the capacity cannot go below the live registrations. */
export async function updateEvent(
  ctx: ServiceContext,
  id: number,
  input: UpdateEventBody,
): Promise<EventDetail> {
  requirePermission(ctx.actor, 'industrial-cluster:manage');
  const current = await loadEvent(ctx, id);
  const body = UpdateEventSchema.parse(input);
  const startsOn = body.startsOn ?? current.starts_on;
  const endsOn = body.endsOn === undefined ? current.ends_on : (body.endsOn ?? startsOn);
  const deadline =
    body.registrationDeadline === undefined
      ? current.registration_deadline
      : body.registrationDeadline === null
        ? null
        : new Date(body.registrationDeadline).toISOString();
  const errors = shapeErrors({ startsOn, endsOn, registrationDeadline: deadline });
  if (errors.length > 0) throw validationFailed(errors);
  if (body.capacity !== undefined && body.capacity !== null && body.capacity < current.registered_count)
    throw new AppError('RULE_VIOLATION', `${current.registered_count} people are registered already`, {
      errors: [
        { field: 'body.capacity', message: `at least ${current.registered_count} (the live registrations)` },
      ],
    });
  const links = await resolveLinks(ctx, body.projects, body.clusters);
  if (body.version !== current.version) throw versionConflict('event', id, current.version);
  await ctx.db.transaction().execute(async (trx) => {
    const after = await updateEventAtVersion(trx, id, body.version, {
      ...(body.kind !== undefined ? { kind: body.kind } : {}),
      ...(body.title !== undefined ? { title_ja: body.title.ja, title_en: body.title.en } : {}),
      starts_on: startsOn,
      ends_on: endsOn,
      ...(body.place !== undefined ? { place: body.place } : {}),
      ...(body.programme !== undefined ? { programme_json: JSON.stringify(body.programme) } : {}),
      ...(body.capacity !== undefined ? { capacity: body.capacity } : {}),
      registration_deadline: deadline,
      updated_at: ctx.now().toISOString(),
    });
    if (!after) {
      const fresh = await findEventRow(trx, id);
      throw versionConflict('event', id, fresh?.version ?? body.version);
    }
    await replaceEventLinks(trx, id, links);
    await audit(ctx, trx, {
      action: 'event.update',
      entityType: 'event',
      entityId: id,
      before: eventSnapshot(current),
      after: {
        ...eventSnapshot(after),
        ...(body.projects ? { projects: body.projects } : {}),
        ...(body.clusters ? { clusters: body.clusters } : {}),
      },
    });
  });
  return getEvent(ctx, id);
}

function closedError(row: ClusterEventRow): AppError {
  const closes = row.registration_deadline ?? `${row.starts_on} (the first day)`;
  return new AppError('DEADLINE_PASSED', `registration for event ${row.id} closed at ${closes}`, {
    errors: [{ field: 'params.id', message: `registration closed at ${closes}` }],
  });
}

function fullError(row: ClusterEventRow): AppError {
  return new AppError('OVER_CAPACITY', `event ${row.id} is full (${row.capacity ?? 0} seats)`, {
    errors: [{ field: 'params.id', message: `the event is full: all ${row.capacity ?? 0} seats are taken` }],
  });
}

/**
 * The signed-in account registers itself (one live registration per event), or an organizer
 * registers a guest. Refused after the deadline (409 DEADLINE_PASSED) and when full (409 OVER_CAPACITY).
 */
export async function registerForEvent(
  ctx: ServiceContext,
  id: number,
  input: RegisterBody,
): Promise<Registration> {
  requirePermission(ctx.actor, 'event:register');
  if (ctx.actor.kind !== 'account') throw new AppError('UNAUTHENTICATED', 'Sign in to register');
  const actor = ctx.actor;
  const body = RegisterSchema.parse(input);
  if (body.guest !== null) requirePermission(actor, 'industrial-cluster:manage');
  const row = await loadEvent(ctx, id);
  const now = ctx.now();
  const closesAt = row.registration_deadline ?? `${row.starts_on}T00:00:00+09:00`;
  if (now.getTime() > new Date(closesAt).getTime()) throw closedError(row);
  const duplicate = () =>
    new AppError('DUPLICATE', `you are registered for event ${id} already`, {
      errors: [{ field: 'params.id', message: 'already registered' }],
    });
  if (body.guest === null && (await findLiveRegistrationOf(ctx.db, id, actor.accountId))) throw duplicate();
  if (!isRegistrationOpen(row, now) && row.capacity !== null && row.registered_count >= row.capacity)
    throw fullError(row);
  const at = now.toISOString();
  try {
    const registration = await ctx.db.transaction().execute(async (trx) => {
      if (!(await takeSeat(trx, id))) throw fullError(row);
      const inserted = await insertRegistration(trx, {
        event_id: id,
        account_id: body.guest === null ? actor.accountId : null,
        name: body.guest?.name ?? actor.displayName,
        organization: body.guest?.organization ?? body.organization,
        email: body.guest?.email ?? actor.email,
        registered_by: actor.accountId,
        created_at: at,
      });
      await audit(ctx, trx, {
        action: 'event-registration.create',
        entityType: 'event_registration',
        entityId: inserted.id,
        after: toRegistration(inserted),
      });
      return inserted;
    });
    return toRegistration(registration);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

/** A registrant cancels their own registration, an organizer anyone's; the seat is released. */
export async function cancelRegistration(
  ctx: ServiceContext,
  id: number,
  registrationId: number,
): Promise<Registration> {
  requirePermission(ctx.actor, 'event:register');
  const registration = await findRegistrationRow(ctx.db, id, registrationId);
  const isOwn = ctx.actor.kind === 'account' && registration?.account_id === ctx.actor.accountId;
  if (!isOwn) requirePermission(ctx.actor, 'industrial-cluster:manage');
  if (!registration) throw notFound(`registration of event ${id}`, registrationId);
  if (registration.cancelled_at !== null)
    throw new AppError('INVALID_TRANSITION', `registration ${registrationId} was cancelled already`, {
      errors: [{ field: 'params.registrationId', message: 'cancelled already' }],
    });
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await cancelRegistrationRow(trx, registration.id, at)))
      throw new AppError('INVALID_TRANSITION', `registration ${registrationId} was cancelled already`, {
        errors: [{ field: 'params.registrationId', message: 'cancelled already' }],
      });
    await releaseSeat(trx, id);
    await audit(ctx, trx, {
      action: 'event-registration.cancel',
      entityType: 'event_registration',
      entityId: registration.id,
      before: toRegistration(registration),
      after: { ...toRegistration(registration), cancelledAt: at },
    });
  });
  return toRegistration((await findRegistrationRow(ctx.db, id, registrationId))!);
}

/** Organizers read every registration of the event, live ones first. */
export async function listRegistrations(ctx: ServiceContext, id: number): Promise<RegistrationListResponse> {
  requirePermission(ctx.actor, 'industrial-cluster:manage');
  await loadEvent(ctx, id);
  return { items: (await listRegistrationRows(ctx.db, id)).map(toRegistration) };
}
