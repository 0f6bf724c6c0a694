/** Industrial Cluster rows → the API's shapes, and what the audit log keeps of them. */
import {
  type Bureau,
  BUREAUS,
  type CommitteeSummary,
  EVENT_KINDS,
  EventSession,
  type EventKind,
  type EventSummary,
  type Meeting,
  MEMBER_ROLES,
  type MemberRole,
  type MetiFund,
  PROJECT_STATUSES,
  type ProjectMember,
  type ProjectSummary,
  type Registration,
} from '../../../contracts/industrial-cluster';
import { z } from 'zod';
import type { CommitteeWithProject } from './committee.repo';
import type {
  ClusterEventRegistrationRow,
  ClusterEventRow,
  IndustrialClusterMeetingRow,
  IndustrialClusterProjectRow,
} from './industrial-cluster.table';
import type { MemberWithOrganization, MetiFundWithNames, ProjectWithCounts } from './project.repo';

function oneOf<T extends string>(values: readonly T[], value: string, fallback: T): T {
  return (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function bureauOf(value: string): Bureau {
  return oneOf(BUREAUS, value, 'kanto');
}

export function toProjectSummary(row: ProjectWithCounts): ProjectSummary {
  return {
    id: row.id,
    key: row.key,
    name: { ja: row.name_ja, en: row.name_en },
    bureau: bureauOf(row.bureau),
    description: { ja: row.description_ja, en: row.description_en },
    startFy: row.start_fy,
    endFy: row.end_fy,
    status: oneOf(PROJECT_STATUSES, row.status, 'active'),
    isPublished: row.is_published === 1,
    memberCount: row.member_count,
    clusterCount: row.cluster_count,
    source: row.source,
    version: row.version,
  };
}

export function toProjectMember(row: MemberWithOrganization): ProjectMember {
  return {
    id: row.id,
    organization: {
      id: row.organization_id,
      kind: row.organization_kind,
      name: { ja: row.organization_name_ja, en: row.organization_name_en },
    },
    role: oneOf<MemberRole>(MEMBER_ROLES, row.role, 'other'),
    joinedFy: row.joined_fy,
  };
}

export function toMetiFund(row: MetiFundWithNames): MetiFund {
  return {
    id: row.id,
    project:
      row.project_id === null
        ? null
        : {
            id: row.project_id,
            key: row.project_key ?? '',
            name: { ja: row.project_name_ja ?? '', en: row.project_name_en ?? '' },
          },
    cluster:
      row.cluster_id === null
        ? null
        : {
            id: row.cluster_id,
            key: row.cluster_key ?? '',
            name: { ja: row.cluster_name_ja ?? '', en: row.cluster_name_en ?? '' },
          },
    fiscalYear: row.fiscal_year,
    amountYen: Number(row.amount_yen),
    purpose: { ja: row.purpose_ja, en: row.purpose_en },
    seedId: row.seed_id,
    budgetLineId: row.budget_line_id,
    fundedProjectId: row.funded_project_id,
    createdAt: row.created_at,
  };
}

export function toCommitteeSummary(row: CommitteeWithProject, showProject: boolean): CommitteeSummary {
  return {
    id: row.id,
    level: row.level === 'regional' ? 'regional' : 'national',
    bureau: row.bureau === null ? null : bureauOf(row.bureau),
    name: { ja: row.name_ja, en: row.name_en },
    project:
      row.project_id === null || !showProject
        ? null
        : {
            id: row.project_id,
            key: row.project_key ?? '',
            name: { ja: row.project_name_ja ?? '', en: row.project_name_en ?? '' },
          },
    meetingCount: row.meeting_count,
    version: row.version,
  };
}

const Attendees = z.array(
  z.object({ personId: z.number().int().nullable(), name: z.string(), organization: z.string() }),
);

/** A meeting: the summary (date, place, agenda) for everyone; attendees and minutes for managers. */
export function toMeeting(row: IndustrialClusterMeetingRow, full: boolean): Meeting {
  return {
    id: row.id,
    committeeId: row.committee_id,
    heldOn: row.held_on,
    place: row.place,
    agenda: row.agenda,
    attendees: full ? Attendees.parse(JSON.parse(row.attendees_json)) : null,
    minutes: full ? { ja: row.minutes_ja, en: row.minutes_en } : null,
    version: row.version,
  };
}

export function parseProgramme(row: ClusterEventRow): { time: string; title: string; speaker: string }[] {
  return EventSession.array().parse(JSON.parse(row.programme_json));
}

/**
 * Registration is open until the deadline (or, without one, until the event's first day begins in
 * Japan) while seats are left.
 */
export function isRegistrationOpen(row: ClusterEventRow, now: Date): boolean {
  const closesAt = row.registration_deadline
    ? new Date(row.registration_deadline)
    : new Date(`${row.starts_on}T00:00:00+09:00`);
  const seatsLeft = row.capacity === null || row.registered_count < row.capacity;
  return now.getTime() <= closesAt.getTime() && seatsLeft;
}

export function toEventSummary(row: ClusterEventRow, now: Date): EventSummary {
  return {
    id: row.id,
    kind: oneOf<EventKind>(EVENT_KINDS, row.kind, 'other'),
    title: { ja: row.title_ja, en: row.title_en },
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    place: row.place,
    capacity: row.capacity,
    registeredCount: row.registered_count,
    registrationDeadline: row.registration_deadline,
    isRegistrationOpen: isRegistrationOpen(row, now),
    version: row.version,
  };
}

export function toRegistration(row: ClusterEventRegistrationRow): Registration {
  return {
    id: row.id,
    eventId: row.event_id,
    accountId: row.account_id,
    name: row.name,
    organization: row.organization,
    email: row.email,
    createdAt: row.created_at,
    cancelledAt: row.cancelled_at,
  };
}

export function projectSnapshot(row: IndustrialClusterProjectRow) {
  return {
    key: row.key,
    name: { ja: row.name_ja, en: row.name_en },
    bureau: row.bureau,
    description: { ja: row.description_ja, en: row.description_en },
    startFy: row.start_fy,
    endFy: row.end_fy,
    status: row.status,
    isPublished: row.is_published === 1,
    source: row.source,
    version: row.version,
  };
}

export function meetingSnapshot(row: IndustrialClusterMeetingRow) {
  return {
    committeeId: row.committee_id,
    heldOn: row.held_on,
    place: row.place,
    agenda: row.agenda,
    attendees: JSON.parse(row.attendees_json) as unknown,
    minutes: { ja: row.minutes_ja, en: row.minutes_en },
    version: row.version,
  };
}

export function eventSnapshot(row: ClusterEventRow) {
  return {
    kind: row.kind,
    title: { ja: row.title_ja, en: row.title_en },
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    place: row.place,
    programme: parseProgramme(row),
    capacity: row.capacity,
    registrationDeadline: row.registration_deadline,
    version: row.version,
  };
}
