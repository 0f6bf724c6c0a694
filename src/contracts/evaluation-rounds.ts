/**
 * Evaluation rounds (評価): an officer opens a round (intermediate or ex-post) for target clusters,
 * with a criteria tree, a grade scale with points, bands, phases with dates, evaluators and
 * weighting members. The tree and scale are editable while the round is a draft and frozen after.
 */
import { z } from 'zod';
import { FiscalYearValue, LocalizedText, localizedTextInput, Version } from './common';

export const ROUND_KINDS = ['intermediate', 'ex_post'] as const;
export const RoundKind = z.enum(ROUND_KINDS);
export type RoundKind = z.infer<typeof RoundKind>;

/**
 * draft → self_evaluation → weighting → grading → scoring → published → closed. Weights are
 * locked before grading opens; grades are revealed (to officers and among evaluators) in scoring.
 */
export const ROUND_STATUSES = [
  'draft',
  'self_evaluation',
  'weighting',
  'grading',
  'scoring',
  'published',
  'closed',
] as const;
export const RoundStatus = z.enum(ROUND_STATUSES);
export type RoundStatus = z.infer<typeof RoundStatus>;

export const ROUND_PHASES = [
  'self_evaluation',
  'weighting',
  'interviews',
  'grading',
  'scoring',
  'announcement',
] as const;
export const RoundPhaseKey = z.enum(ROUND_PHASES);
export type RoundPhaseKey = z.infer<typeof RoundPhaseKey>;

const Day = z.iso.date();

/** A phase's planned dates (inclusive); the announcement is one day (from = to). */
export const RoundPhase = z.strictObject({ phase: RoundPhaseKey, from: Day, to: Day });
export type RoundPhase = z.infer<typeof RoundPhase>;

/** A criterion item graded S/A/B/C; `aspects` are what the item looks at (the seed's sub-points). */
export const RoundItem = z.strictObject({
  key: z.string().min(1).max(80),
  label: LocalizedText,
  aspects: z.array(LocalizedText).max(20).default([]),
});
export type RoundItem = z.infer<typeof RoundItem>;

export const RoundGroup = z.strictObject({
  key: z.string().min(1).max(80),
  label: LocalizedText,
  items: z.array(RoundItem).min(1).max(50),
});
export type RoundGroup = z.infer<typeof RoundGroup>;

export const RoundCriteria = z.array(RoundGroup).min(1).max(20);
export type RoundCriteria = z.infer<typeof RoundCriteria>;

/** Grades best first with their points: S=4, A=3, B=2, C=1 by default. */
export const GradeScaleInput = z
  .array(z.strictObject({ grade: z.string().trim().min(1).max(8), points: z.number().finite() }))
  .min(2)
  .max(10);
export type GradeScaleInput = z.infer<typeof GradeScaleInput>;

export const DEFAULT_GRADE_SCALE: GradeScaleInput = [
  { grade: 'S', points: 4 },
  { grade: 'A', points: 3 },
  { grade: 'B', points: 2 },
  { grade: 'C', points: 1 },
];

/**
 * How a total score maps to a published band: the first band whose minimum the score reaches,
 * best first (e.g. S ≥ 3.5, A ≥ 2.5, B ≥ 1.5, else C).
 */
export const BandsInput = z
  .array(z.strictObject({ band: z.string().trim().min(1).max(8), minScore: z.number().finite() }))
  .min(1)
  .max(10);
export type BandsInput = z.infer<typeof BandsInput>;

export const DEFAULT_BANDS: BandsInput = [
  { band: 'S', minScore: 3.5 },
  { band: 'A', minScore: 2.5 },
  { band: 'B', minScore: 1.5 },
  { band: 'C', minScore: -1e9 },
];

export const RoundKeyParam = z.strictObject({ key: z.string().min(1).max(120) });
export type RoundKeyParam = z.infer<typeof RoundKeyParam>;

const roundFields = {
  title: localizedTextInput(300),
  kind: RoundKind,
  fiscalYear: FiscalYearValue,
  allocationFiscalYear: FiscalYearValue,
  criteria: RoundCriteria,
  scale: GradeScaleInput,
  bands: BandsInput,
  phases: z.array(RoundPhase).max(ROUND_PHASES.length),
  announceOn: Day.nullable(),
};

export const CreateRoundBody = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'lower-case letters, digits and hyphens, 2–80 characters'),
  ...roundFields,
  kind: RoundKind.default('intermediate'),
  /** Defaults to the year after the round's fiscal year. */
  allocationFiscalYear: FiscalYearValue.optional(),
  /** Omitted: copied from `criteriaTemplateKey` (default intermediate-2004). */
  criteria: RoundCriteria.optional(),
  criteriaTemplateKey: z.string().min(1).max(80).default('intermediate-2004'),
  scale: GradeScaleInput.default(DEFAULT_GRADE_SCALE),
  bands: BandsInput.default(DEFAULT_BANDS),
  phases: roundFields.phases.default([]),
  announceOn: Day.nullable().default(null),
  /** Target clusters by key; or every cluster that started in `targetStartFiscalYear`. */
  clusterKeys: z.array(z.string().min(1).max(80)).max(500).optional(),
  targetStartFiscalYear: FiscalYearValue.optional(),
});
export type CreateRoundBody = z.input<typeof CreateRoundBody>;

/** Partial edit at the version read; criteria, scale and bands only while the round is a draft. */
export const UpdateRoundBody = z.strictObject(roundFields).partial().extend({ version: Version });
export type UpdateRoundBody = z.infer<typeof UpdateRoundBody>;

/** The moves an officer makes by hand; publishing belongs to the results. */
export const ROUND_TRANSITION_TARGETS = [
  'self_evaluation',
  'weighting',
  'grading',
  'scoring',
  'closed',
] as const;
export const RoundTransitionBody = z.strictObject({
  status: z.enum(ROUND_TRANSITION_TARGETS),
  version: Version,
});
export type RoundTransitionBody = z.infer<typeof RoundTransitionBody>;

export const MEMBER_ROLES = ['evaluator', 'weighting_member'] as const;
export const MemberRole = z.enum(MEMBER_ROLES);
export type MemberRole = z.infer<typeof MemberRole>;

export const AddMemberBody = z.strictObject({
  accountId: z.number().int().positive(),
  role: MemberRole,
  isChair: z.boolean().default(false),
});
export type AddMemberBody = z.input<typeof AddMemberBody>;

export const MemberParams = z.strictObject({
  key: z.string().min(1).max(120),
  accountId: z.coerce.number().int().positive(),
});

/** Assign evaluators to clusters: every evaluator to every target cluster unless pairs are named. */
export const AssignEvaluatorsBody = z.strictObject({
  pairs: z
    .array(
      z.strictObject({ clusterId: z.number().int().positive(), evaluatorId: z.number().int().positive() }),
    )
    .max(20_000)
    .optional(),
});
export type AssignEvaluatorsBody = z.infer<typeof AssignEvaluatorsBody>;

export const CONFLICT_KINDS = ['organization', 'prefecture', 'personal'] as const;
export const RoundConflictBody = z.strictObject({
  clusterId: z.number().int().positive(),
  evaluatorId: z.number().int().positive(),
  /** null clears a conflict an officer finds was wrongly recorded. */
  kind: z.enum(CONFLICT_KINDS).nullable(),
  note: z.string().trim().min(1).max(2000),
});
export type RoundConflictBody = z.infer<typeof RoundConflictBody>;

export const RoundSummary = z.object({
  id: z.number().int(),
  key: z.string(),
  title: LocalizedText,
  kind: RoundKind,
  fiscalYear: z.number().int(),
  allocationFiscalYear: z.number().int(),
  status: RoundStatus,
  clusterCount: z.number().int(),
  announceOn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** Whether everyone reads the results now: published, and the announcement date has come (Japan time). */
  announced: z.boolean(),
  isDemo: z.boolean(),
  version: z.number().int(),
});
export type RoundSummary = z.infer<typeof RoundSummary>;

export const RoundListResponse = z.object({ items: z.array(RoundSummary) });
export type RoundListResponse = z.infer<typeof RoundListResponse>;

export const RoundClusterRef = z.object({
  id: z.number().int(),
  key: z.string(),
  name: LocalizedText,
  startFiscalYear: z.number().int().nullable(),
});

export const RoundMember = z.object({
  accountId: z.number().int(),
  displayName: z.string(),
  role: MemberRole,
  isChair: z.boolean(),
});

export const RoundAssignment = z.object({
  clusterId: z.number().int(),
  evaluatorId: z.number().int(),
  conflictKind: z.enum(CONFLICT_KINDS).nullable(),
  conflictNote: z.string().nullable(),
  submittedAt: z.string().nullable(),
});

export const RoundDetail = RoundSummary.extend({
  criteria: RoundCriteria,
  scale: GradeScaleInput,
  bands: BandsInput,
  phases: z.array(RoundPhase),
  clusters: z.array(RoundClusterRef),
  /** Officers see every member; a member sees only their own row; others none (names stay private). */
  members: z.array(RoundMember),
  assignments: z.array(RoundAssignment),
  /** What the asking actor may do (the web hides what the server would refuse). */
  canManage: z.boolean(),
  myRoles: z.array(MemberRole),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RoundDetail = z.infer<typeof RoundDetail>;

/**
 * Who an officer may name to a round: active accounts holding the evaluator or weighting-member
 * role, with the organization and prefecture conflict detection will look at.
 */
export const RoundCandidate = z.object({
  accountId: z.number().int(),
  displayName: z.string(),
  /** The membership roles the account holds (a person serves in one of them per round). */
  roles: z.array(MemberRole),
  organization: LocalizedText.nullable(),
  prefectureCode: z.string().nullable(),
  /** Their role in this round already, or null. */
  memberRole: MemberRole.nullable(),
});
export type RoundCandidate = z.infer<typeof RoundCandidate>;

export const RoundCandidateList = z.object({ items: z.array(RoundCandidate) });
export type RoundCandidateList = z.infer<typeof RoundCandidateList>;
