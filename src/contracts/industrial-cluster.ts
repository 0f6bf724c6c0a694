/**
 * METI Industrial Cluster cooperation (産業クラスター計画との連携): Industrial Cluster projects with
 * their METI regional bureau, member organizations, linked knowledge clusters and seeds, METI funds
 * for the practical use of seeds; committees (national, or regional with the bureau) and their
 * meetings; events (forums, joint conferences, the Cluster Forum) with registrations.
 */
import { z } from 'zod';
import { REGIONS } from '../domain/prefectures';
import { FiscalYearValue, Id, IdQuery, LocalizedText, localizedTextInput, Version } from './common';

export const BUREAUS = REGIONS.map((r) => r.key) as [
  (typeof REGIONS)[number]['key'],
  ...(typeof REGIONS)[number]['key'][],
];
export const Bureau = z.enum(BUREAUS, {
  error: () => `one of METI's nine regional bureaus: ${BUREAUS.join(', ')}`,
});
export type Bureau = z.infer<typeof Bureau>;

export const PROJECT_STATUSES = ['active', 'ended', 'withdrawn'] as const;
export const ProjectStatus = z.enum(PROJECT_STATUSES);

export const MEMBER_ROLES = [
  'core_company',
  'member_company',
  'university',
  'support_body',
  'other',
] as const;
export const MemberRole = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof MemberRole>;

export const COMMITTEE_LEVELS = ['national', 'regional'] as const;
export const CommitteeLevel = z.enum(COMMITTEE_LEVELS);

export const EVENT_KINDS = ['forum', 'joint_conference', 'cluster_forum', 'other'] as const;
export const EventKind = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof EventKind>;

const ProjectKey = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens');
const IsoDate = z.iso.date();
const Ref = z.object({ id: z.number().int(), key: z.string(), name: LocalizedText });

// ---------------------------------------------------------------------------------------------
// Projects

export const ProjectKeyParam = z.strictObject({ key: z.string().min(1).max(60) });
export const ProjectMemberParams = z.strictObject({ key: z.string().min(1).max(60), id: IdQuery });

export const ProjectListQuery = z.strictObject({ bureau: Bureau.optional() });
export type ProjectListQuery = z.infer<typeof ProjectListQuery>;

const projectFields = {
  name: localizedTextInput(200),
  bureau: Bureau,
  description: z
    .strictObject({
      ja: z.string().trim().max(5000).default(''),
      en: z.string().trim().max(5000).default(''),
    })
    .default({ ja: '', en: '' }),
  startFy: FiscalYearValue,
  endFy: FiscalYearValue.nullable().default(null),
  status: ProjectStatus.default('active'),
  isPublished: z.boolean().default(true),
  source: z.string().trim().min(1).max(500),
};

export const CreateProjectBody = z.strictObject({ key: ProjectKey, ...projectFields });
export type CreateProjectBody = z.input<typeof CreateProjectBody>;

export const UpdateProjectBody = z
  .strictObject({
    name: projectFields.name,
    bureau: Bureau,
    description: z.strictObject({ ja: z.string().trim().max(5000), en: z.string().trim().max(5000) }),
    startFy: FiscalYearValue,
    endFy: FiscalYearValue.nullable(),
    status: ProjectStatus,
    isPublished: z.boolean(),
    source: projectFields.source,
  })
  .partial()
  .extend({ version: Version });
export type UpdateProjectBody = z.infer<typeof UpdateProjectBody>;

export const ProjectSummary = z.object({
  id: z.number().int(),
  key: z.string(),
  name: LocalizedText,
  bureau: Bureau,
  description: LocalizedText,
  startFy: z.number().int(),
  endFy: z.number().int().nullable(),
  status: ProjectStatus,
  isPublished: z.boolean(),
  memberCount: z.number().int(),
  clusterCount: z.number().int(),
  source: z.string(),
  version: z.number().int(),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const ProjectListResponse = z.object({ items: z.array(ProjectSummary) });
export type ProjectListResponse = z.infer<typeof ProjectListResponse>;

export const ProjectMember = z.object({
  id: z.number().int(),
  organization: z.object({ id: z.number().int(), kind: z.string(), name: LocalizedText }),
  role: MemberRole,
  joinedFy: z.number().int().nullable(),
});
export type ProjectMember = z.infer<typeof ProjectMember>;

export const MetiFund = z.object({
  id: z.number().int(),
  project: Ref.nullable(),
  cluster: Ref.nullable(),
  fiscalYear: z.number().int(),
  amountYen: z.number().int(),
  purpose: LocalizedText,
  seedId: z.number().int().nullable(),
  /** The ledger line (kind 'meti') the fund appears as. */
  budgetLineId: z.number().int().nullable(),
  fundedProjectId: z.number().int().nullable(),
  createdAt: z.string(),
});
export type MetiFund = z.infer<typeof MetiFund>;

export const CommitteeSummary = z.object({
  id: z.number().int(),
  level: CommitteeLevel,
  bureau: Bureau.nullable(),
  name: LocalizedText,
  project: Ref.nullable(),
  meetingCount: z.number().int(),
  version: z.number().int(),
});
export type CommitteeSummary = z.infer<typeof CommitteeSummary>;

export const ProjectDetail = ProjectSummary.extend({
  members: z.array(ProjectMember),
  clusters: z.array(Ref),
  /** Seeds by id (the matching module shows them). */
  seedIds: z.array(z.number().int()),
  metiFunds: z.array(MetiFund),
  committees: z.array(CommitteeSummary),
  canManage: z.boolean(),
  canRecordFunds: z.boolean(),
});
export type ProjectDetail = z.infer<typeof ProjectDetail>;

export const AddMemberBody = z.strictObject({
  organizationId: Id,
  role: MemberRole,
  joinedFy: FiscalYearValue.nullable().default(null),
});
export type AddMemberBody = z.input<typeof AddMemberBody>;

/** The whole set of linked knowledge clusters, by key. */
export const ProjectClustersBody = z.strictObject({
  clusterKeys: z.array(z.string().min(1).max(120)).max(100),
  version: Version,
});
export type ProjectClustersBody = z.infer<typeof ProjectClustersBody>;

/** The whole set of linked seeds, by id. */
export const ProjectSeedsBody = z.strictObject({
  seedIds: z.array(Id).max(500),
  version: Version,
});
export type ProjectSeedsBody = z.infer<typeof ProjectSeedsBody>;

export const CreateMetiFundBody = z.strictObject({
  fiscalYear: FiscalYearValue,
  amountYen: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  purpose: localizedTextInput(500),
  /** The knowledge cluster the money goes to (a key of the project's linked clusters), if any. */
  cluster: z.string().min(1).max(120).nullable().default(null),
  seedId: Id.nullable().default(null),
  /** The principal researcher for the duplication check, if known. */
  principalPersonId: Id.nullable().default(null),
  researcherName: z.string().trim().max(200).default(''),
});
export type CreateMetiFundBody = z.input<typeof CreateMetiFundBody>;

// ---------------------------------------------------------------------------------------------
// Committees and meetings

export const CommitteeListQuery = z.strictObject({
  level: CommitteeLevel.optional(),
  bureau: Bureau.optional(),
});
export type CommitteeListQuery = z.infer<typeof CommitteeListQuery>;

export const CommitteeListResponse = z.object({ items: z.array(CommitteeSummary) });
export type CommitteeListResponse = z.infer<typeof CommitteeListResponse>;

export const CreateCommitteeBody = z
  .strictObject({
    level: CommitteeLevel,
    bureau: Bureau.nullable().default(null),
    name: localizedTextInput(200),
    /** A project key, if the committee belongs to one project. */
    project: z.string().min(1).max(60).nullable().default(null),
  })
  .refine((b) => (b.level === 'regional') === (b.bureau !== null), {
    message: 'a regional committee names its bureau; the national committee has none',
    path: ['bureau'],
  });
export type CreateCommitteeBody = z.input<typeof CreateCommitteeBody>;

export const CommitteeIdParam = z.strictObject({ id: IdQuery });
export const MeetingParams = z.strictObject({ id: IdQuery, meetingId: IdQuery });

export const MeetingAttendee = z
  .strictObject({
    /** A person record, or a free name. */
    personId: Id.nullable().default(null),
    name: z.string().trim().max(200).default(''),
    organization: z.string().trim().max(300).default(''),
  })
  .refine((a) => a.personId !== null || a.name !== '', {
    message: 'give a person id or a name',
    path: ['name'],
  });
export type MeetingAttendee = z.infer<typeof MeetingAttendee>;

const meetingFields = {
  heldOn: IsoDate,
  place: z.string().trim().min(1).max(300),
  agenda: z.string().trim().max(5000),
  attendees: z.array(MeetingAttendee).max(200),
  minutes: z.strictObject({ ja: z.string().trim().max(20_000), en: z.string().trim().max(20_000) }),
};

export const CreateMeetingBody = z.strictObject({
  ...meetingFields,
  agenda: meetingFields.agenda.default(''),
  attendees: meetingFields.attendees.default([]),
  minutes: meetingFields.minutes.default({ ja: '', en: '' }),
});
export type CreateMeetingBody = z.input<typeof CreateMeetingBody>;

export const UpdateMeetingBody = z.strictObject(meetingFields).partial().extend({ version: Version });
export type UpdateMeetingBody = z.input<typeof UpdateMeetingBody>;

export const Meeting = z.object({
  id: z.number().int(),
  committeeId: z.number().int(),
  heldOn: z.string(),
  place: z.string(),
  agenda: z.string(),
  /** null unless the reader manages the Industrial Cluster cooperation. */
  attendees: z
    .array(z.object({ personId: z.number().int().nullable(), name: z.string(), organization: z.string() }))
    .nullable(),
  minutes: LocalizedText.nullable(),
  version: z.number().int(),
});
export type Meeting = z.infer<typeof Meeting>;

export const CommitteeDetail = CommitteeSummary.extend({
  meetings: z.array(Meeting),
  canManage: z.boolean(),
});
export type CommitteeDetail = z.infer<typeof CommitteeDetail>;

// ---------------------------------------------------------------------------------------------
// Events and registrations

export const EventSession = z.strictObject({
  /** "13:00" or "13:00–14:30". */
  time: z.string().trim().max(40).default(''),
  title: z.string().trim().min(1).max(300),
  speaker: z.string().trim().max(300).default(''),
});
export type EventSession = z.infer<typeof EventSession>;

const eventFields = {
  kind: EventKind,
  title: localizedTextInput(300),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable().default(null),
  place: z.string().trim().min(1).max(300),
  programme: z.array(EventSession).max(100).default([]),
  capacity: z.number().int().positive().max(100_000).nullable().default(null),
  /** The last moment to register, with its offset; null: until the event starts. */
  registrationDeadline: z.iso.datetime({ offset: true }).nullable().default(null),
  /** Project keys. */
  projects: z.array(z.string().min(1).max(60)).max(100).default([]),
  /** Knowledge cluster keys. */
  clusters: z.array(z.string().min(1).max(120)).max(100).default([]),
};

export const CreateEventBody = z.strictObject(eventFields);
export type CreateEventBody = z.input<typeof CreateEventBody>;

export const UpdateEventBody = z
  .strictObject({
    kind: EventKind,
    title: localizedTextInput(300),
    startsOn: IsoDate,
    endsOn: IsoDate.nullable(),
    place: z.string().trim().min(1).max(300),
    programme: z.array(EventSession).max(100),
    capacity: z.number().int().positive().max(100_000).nullable(),
    registrationDeadline: z.iso.datetime({ offset: true }).nullable(),
    projects: z.array(z.string().min(1).max(60)).max(100),
    clusters: z.array(z.string().min(1).max(120)).max(100),
  })
  .partial()
  .extend({ version: Version });
export type UpdateEventBody = z.input<typeof UpdateEventBody>;

export const EventListQuery = z.strictObject({
  kind: EventKind.optional(),
  /** upcoming: ending today or later; past; all (default). */
  when: z.enum(['upcoming', 'past', 'all']).default('all'),
});
export type EventListQuery = z.infer<typeof EventListQuery>;

export const EventIdParam = z.strictObject({ id: IdQuery });
export const RegistrationParams = z.strictObject({ id: IdQuery, registrationId: IdQuery });

export const EventSummary = z.object({
  id: z.number().int(),
  kind: EventKind,
  title: LocalizedText,
  startsOn: z.string(),
  endsOn: z.string(),
  place: z.string(),
  capacity: z.number().int().nullable(),
  registeredCount: z.number().int(),
  registrationDeadline: z.string().nullable(),
  /** Whether registration is open now (before the deadline and the start, seats left). */
  isRegistrationOpen: z.boolean(),
  version: z.number().int(),
});
export type EventSummary = z.infer<typeof EventSummary>;

export const EventListResponse = z.object({ items: z.array(EventSummary) });
export type EventListResponse = z.infer<typeof EventListResponse>;

export const Registration = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  accountId: z.number().int().nullable(),
  name: z.string(),
  organization: z.string(),
  email: z.string(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
});
export type Registration = z.infer<typeof Registration>;

export const EventDetail = EventSummary.extend({
  programme: z.array(z.object({ time: z.string(), title: z.string(), speaker: z.string() })),
  projects: z.array(Ref),
  clusters: z.array(Ref),
  /** The asker's live registration, if any. */
  myRegistration: Registration.nullable(),
  canManage: z.boolean(),
  canRegister: z.boolean(),
});
export type EventDetail = z.infer<typeof EventDetail>;

/**
 * Registering: with no guest, the signed-in account registers itself (its name and e-mail; the
 * organization as given). Organizers may register a guest without an account (name, organization,
 * e-mail).
 */
export const RegisterBody = z.strictObject({
  organization: z.string().trim().max(300).default(''),
  guest: z
    .strictObject({
      name: z.string().trim().min(1).max(200),
      organization: z.string().trim().min(1).max(300),
      email: z.email().max(320),
    })
    .nullable()
    .default(null),
});
export type RegisterBody = z.input<typeof RegisterBody>;

export const RegistrationListResponse = z.object({ items: z.array(Registration) });
export type RegistrationListResponse = z.infer<typeof RegistrationListResponse>;
