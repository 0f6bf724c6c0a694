/**
 * Industrial Cluster committees (one national, nine regional since October 2004) and their
 * meetings. Everyone reads committees and each meeting's summary (date, place, agenda); the
 * attendee list and the minutes are for signed-in people who manage the cooperation (officers and
 * coordinators), because they name people and carry companies' plans.
 */
import {
  type CommitteeDetail,
  type CommitteeListQuery,
  type CommitteeListResponse,
  type CommitteeSummary,
  CreateCommitteeBody as CreateCommitteeSchema,
  type CreateCommitteeBody,
  CreateMeetingBody as CreateMeetingSchema,
  type CreateMeetingBody,
  type Meeting,
  type MeetingAttendee,
  UpdateMeetingBody as UpdateMeetingSchema,
  type UpdateMeetingBody,
} from '../../../contracts/industrial-cluster';
import { can } from '../../../domain/permissions';
import type { ServiceContext } from '../../context';
import { AppError, type FieldError, notFound, unknownReference, versionConflict } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { requirePermission } from '../auth/authorize';
import { findPersonById } from '../people/person.repo';
import {
  type CommitteeWithProject,
  findCommitteeRow,
  findMeetingRow,
  insertCommittee,
  insertMeeting,
  listCommitteeRows,
  listMeetingRows,
  updateMeetingAtVersion,
} from './committee.repo';
import { meetingSnapshot, toCommitteeSummary, toMeeting } from './industrial-cluster.presenter';
import { findProjectByKey } from './project.repo';

function canManage(ctx: ServiceContext): boolean {
  return can(ctx.actor, 'industrial-cluster:manage');
}

/** An unpublished project is named to managers only. */
function present(ctx: ServiceContext, row: CommitteeWithProject): CommitteeSummary {
  return toCommitteeSummary(row, row.project_is_published === 1 || canManage(ctx));
}

export async function listCommittees(
  ctx: ServiceContext,
  query: CommitteeListQuery,
): Promise<CommitteeListResponse> {
  requirePermission(ctx.actor, 'published:read');
  const rows = await listCommitteeRows(ctx.db, query);
  return { items: rows.map((r) => present(ctx, r)) };
}

/** A committee with its meetings, newest first: summaries for everyone, attendees and minutes for managers. */
export async function getCommittee(ctx: ServiceContext, id: number): Promise<CommitteeDetail> {
  requirePermission(ctx.actor, 'published:read');
  const row = await findCommitteeRow(ctx.db, id);
  if (!row) throw notFound('committee', id);
  const full = canManage(ctx);
  const meetings = await listMeetingRows(ctx.db, id);
  return { ...present(ctx, row), meetings: meetings.map((m) => toMeeting(m, full)), canManage: full };
}

/** Managers add a committee: the national one, or a regional one with its bureau. */
export async function createCommittee(
  ctx: ServiceContext,
  input: CreateCommitteeBody,
): Promise<CommitteeDetail> {
  requirePermission(ctx.actor, 'industrial-cluster:manage');
  const body = CreateCommitteeSchema.parse(input);
  const project = body.project === null ? null : await findProjectByKey(ctx.db, body.project);
  if (body.project !== null && !project)
    throw unknownReference('body.project', 'Industrial Cluster project', body.project);
  const at = ctx.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await insertCommittee(trx, {
      level: body.level,
      bureau: body.bureau,
      name_ja: body.name.ja,
      name_en: body.name.en,
      project_id: project?.id ?? null,
      created_at: at,
      updated_at: at,
    });
    await audit(ctx, trx, {
      action: 'industrial-cluster-committee.create',
      entityType: 'industrial_cluster_committee',
      entityId: row.id,
      after: { level: row.level, bureau: row.bureau, name: body.name, projectId: row.project_id },
    });
    return row.id;
  });
  return getCommittee(ctx, id);
}

/** Attendees as kept: a person record gives the name and organization when none is written. */
async function keptAttendees(ctx: ServiceContext, attendees: MeetingAttendee[]): Promise<MeetingAttendee[]> {
  const people = await Promise.all(
    attendees.map(async (a) => (a.personId === null ? undefined : findPersonById(ctx.db, a.personId))),
  );
  const errors: FieldError[] = attendees.flatMap((a, i) =>
    a.personId !== null && !people[i]
      ? [{ field: `body.attendees.${i}.personId`, message: `unknown person ${a.personId}` }]
      : [],
  );
  if (errors.length > 0)
    throw new AppError('UNKNOWN_REFERENCE', errors.map((e) => e.message).join('; '), { errors });
  return attendees.map((a, i) => ({
    personId: a.personId,
    name: a.name || people[i]?.name_ja || people[i]?.name_en || '',
    organization: a.organization,
  }));
}

async function getManagedCommittee(ctx: ServiceContext, id: number): Promise<CommitteeWithProject> {
  requirePermission(ctx.actor, 'industrial-cluster:manage');
  const row = await findCommitteeRow(ctx.db, id);
  if (!row) throw notFound('committee', id);
  return row;
}

/** Managers record a meeting: date, place, agenda, attendees, minutes in Japanese and English. */
export async function createMeeting(
  ctx: ServiceContext,
  committeeId: number,
  input: CreateMeetingBody,
): Promise<Meeting> {
  const committee = await getManagedCommittee(ctx, committeeId);
  const body = CreateMeetingSchema.parse(input);
  const attendees = await keptAttendees(ctx, body.attendees);
  const at = ctx.now().toISOString();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertMeeting(trx, {
      committee_id: committee.id,
      held_on: body.heldOn,
      place: body.place,
      agenda: body.agenda,
      attendees_json: JSON.stringify(attendees),
      minutes_ja: body.minutes.ja,
      minutes_en: body.minutes.en,
      created_at: at,
      updated_at: at,
    });
    await audit(ctx, trx, {
      action: 'industrial-cluster-meeting.create',
      entityType: 'industrial_cluster_meeting',
      entityId: inserted.id,
      after: meetingSnapshot(inserted),
    });
    return inserted;
  });
  return toMeeting(row, true);
}

/** Managers edit a meeting (or write its minutes) at the version read. */
export async function updateMeeting(
  ctx: ServiceContext,
  committeeId: number,
  meetingId: number,
  input: UpdateMeetingBody,
): Promise<Meeting> {
  const committee = await getManagedCommittee(ctx, committeeId);
  const current = await findMeetingRow(ctx.db, committee.id, meetingId);
  if (!current) throw notFound(`meeting of committee ${committeeId}`, meetingId);
  const body = UpdateMeetingSchema.parse(input);
  const attendees = body.attendees === undefined ? undefined : await keptAttendees(ctx, body.attendees);
  if (body.version !== current.version) throw versionConflict('meeting', meetingId, current.version);
  const row = await ctx.db.transaction().execute(async (trx) => {
    const after = await updateMeetingAtVersion(trx, current.id, body.version, {
      ...(body.heldOn !== undefined ? { held_on: body.heldOn } : {}),
      ...(body.place !== undefined ? { place: body.place } : {}),
      ...(body.agenda !== undefined ? { agenda: body.agenda } : {}),
      ...(attendees !== undefined ? { attendees_json: JSON.stringify(attendees) } : {}),
      ...(body.minutes !== undefined ? { minutes_ja: body.minutes.ja, minutes_en: body.minutes.en } : {}),
      updated_at: ctx.now().toISOString(),
    });
    if (!after) {
      const fresh = await findMeetingRow(trx, committee.id, meetingId);
      throw versionConflict('meeting', meetingId, fresh?.version ?? body.version);
    }
    await audit(ctx, trx, {
      action: 'industrial-cluster-meeting.update',
      entityType: 'industrial_cluster_meeting',
      entityId: current.id,
      before: meetingSnapshot(current),
      after: meetingSnapshot(after),
    });
    return after;
  });
  return toMeeting(row, true);
}
