/**
 * Interviews (ヒアリング) of the evaluating group with each cluster: officers schedule them (when,
 * where, who attends on which side) and record minutes against the round's criterion items.
 * Headquarters see when and where, and their own attendees, but neither the minutes nor who
 * attended for the evaluators or the ministry.
 */
import { z } from 'zod';
import { IdQuery, LocalizedText, Version } from './common';

export const ATTENDEE_SIDES = ['evaluator', 'cluster', 'ministry'] as const;
export const AttendeeSide = z.enum(ATTENDEE_SIDES);
export type AttendeeSide = z.infer<typeof AttendeeSide>;

export const MAX_MINUTES_LENGTH = 20_000;

export const Attendee = z.strictObject({
  name: z.string().trim().min(1).max(200),
  affiliation: z.string().trim().max(300).default(''),
  side: AttendeeSide,
});
export type Attendee = z.infer<typeof Attendee>;

/** Criterion item key → minutes; keys must be the round's items (others are refused by name). */
export const InterviewMinutes = z.record(z.string(), z.string().max(MAX_MINUTES_LENGTH));
export type InterviewMinutes = z.infer<typeof InterviewMinutes>;

const interviewFields = {
  /** When it is held, with its offset (e.g. 2004-11-24T13:30:00+09:00). */
  heldAt: z.iso.datetime({ offset: true }),
  place: z.string().trim().min(1).max(300),
  attendees: z.array(Attendee).max(100),
  minutes: InterviewMinutes,
};

export const CreateInterviewBody = z.strictObject({
  clusterKey: z.string().min(1).max(120),
  ...interviewFields,
  attendees: interviewFields.attendees.default([]),
  minutes: interviewFields.minutes.default({}),
});
export type CreateInterviewBody = z.input<typeof CreateInterviewBody>;

/** A partial edit at the version read; `attendees` and `minutes` replace the whole list or map. */
export const UpdateInterviewBody = z.strictObject(interviewFields).partial().extend({ version: Version });
export type UpdateInterviewBody = z.infer<typeof UpdateInterviewBody>;

export const InterviewParams = z.strictObject({ key: z.string().min(1).max(120), id: IdQuery });
export type InterviewParams = z.infer<typeof InterviewParams>;

export const InterviewListQuery = z.strictObject({ cluster: z.string().min(1).max(120).optional() });
export type InterviewListQuery = z.infer<typeof InterviewListQuery>;

export const DeleteInterviewQuery = z.strictObject({
  version: z.coerce.number().int().positive().max(2_147_483_647),
});
export type DeleteInterviewQuery = z.infer<typeof DeleteInterviewQuery>;

export const Interview = z.object({
  id: z.number().int(),
  cluster: z.object({ id: z.number().int(), key: z.string(), name: LocalizedText }),
  heldAt: z.string(),
  place: z.string(),
  /** Officers see every attendee; evaluators all but the evaluators; headquarters their own side only. */
  attendees: z.array(z.object({ name: z.string(), affiliation: z.string(), side: AttendeeSide })),
  /** Attendees left out for this reader (so the page can say "and 3 more"). */
  hiddenAttendeeCount: z.number().int(),
  /** null for headquarters: the minutes are the evaluating group's. */
  minutes: InterviewMinutes.nullable(),
  canEdit: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Interview = z.infer<typeof Interview>;

export const InterviewListResponse = z.object({ items: z.array(Interview) });
export type InterviewListResponse = z.infer<typeof InterviewListResponse>;
