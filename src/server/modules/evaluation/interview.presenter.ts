/** Interview rows → the API's shape for each kind of reader, and what the audit log keeps. */
import { Attendee, type Interview, InterviewMinutes } from '../../../contracts/evaluation-interviews';
import type { InterviewRow } from './evaluation.table';
import type { InterviewWithCluster } from './interview.repo';

/** officer: everything; evaluator: the minutes, without the evaluators' names; headquarters: their own side, no minutes. */
export type InterviewView = 'officer' | 'evaluator' | 'headquarters';

export function parseAttendees(row: InterviewRow): Attendee[] {
  return Attendee.array().parse(JSON.parse(row.attendees_json));
}

export function parseMinutes(row: InterviewRow): InterviewMinutes {
  return InterviewMinutes.parse(JSON.parse(row.minutes_json));
}

export function toInterview(row: InterviewWithCluster, view: InterviewView, canEdit: boolean): Interview {
  const all = parseAttendees(row);
  // Evaluators stay anonymous to headquarters and to each other.
  const attendees = all.filter((a) =>
    view === 'officer' ? true : view === 'evaluator' ? a.side !== 'evaluator' : a.side === 'cluster',
  );
  return {
    id: row.id,
    cluster: {
      id: row.cluster_id,
      key: row.cluster_key,
      name: { ja: row.cluster_name_ja, en: row.cluster_name_en },
    },
    heldAt: row.held_at,
    place: row.place,
    attendees,
    hiddenAttendeeCount: all.length - attendees.length,
    minutes: view === 'headquarters' ? null : parseMinutes(row),
    canEdit,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the audit log keeps of an interview: its columns with JSON parsed. */
export function interviewSnapshot(row: InterviewRow) {
  return {
    roundId: row.round_id,
    clusterId: row.cluster_id,
    heldAt: row.held_at,
    place: row.place,
    attendees: parseAttendees(row),
    minutes: parseMinutes(row),
    version: row.version,
  };
}
