/**
 * The decision step of a call: an officer's outcome per proposal with a reason and a consolidated
 * comment for the proposer, applying the suggested selection in bulk, the announcement date and
 * publication, and turning a selected or trial proposal into a cluster.
 */
import { z } from 'zod';
import { DecisionOutcome } from './selection-common';
import { ResultCallSummary, ResultDecision } from './selection-results';

const Reason = z.string().trim().min(1, 'give a reason').max(4000);

export const DecisionBody = z.strictObject({
  outcome: DecisionOutcome,
  /** Why; kept with the decision and shown to the proposer after publication. */
  reason: Reason,
  /** The panel's consolidated comment for the proposer. */
  consolidatedComment: z.string().trim().max(20_000).nullable().default(null),
  /** Required to select beyond the call's slots or total budget (else 409 OVER_SLOTS / OVER_BUDGET). */
  overrideReason: z.string().trim().min(1).max(4000).nullable().default(null),
});
export type DecisionBody = z.infer<typeof DecisionBody>;

export const DecisionParams = z.strictObject({
  key: z.string().min(1).max(120),
  proposalId: z.coerce.number().int().positive().max(2_147_483_647),
});

export const CallKeyParams = z.strictObject({ key: z.string().min(1).max(120) });

export const DecisionResponse = z.strictObject({
  proposalId: z.number().int(),
  decision: ResultDecision,
  /** False when the same decision was already current (nothing written). */
  changed: z.boolean(),
});
export type DecisionResponse = z.infer<typeof DecisionResponse>;

export const ApplySuggestedBody = z.strictObject({
  reason: Reason,
  consolidatedComment: z.string().trim().max(20_000).nullable().default(null),
});
export type ApplySuggestedBody = z.infer<typeof ApplySuggestedBody>;

export const ApplySuggestedResponse = z.strictObject({
  /** Proposals now selected by this request. */
  applied: z.array(z.number().int()),
  /** Suggested proposals left as they were because an officer had already decided them. */
  kept: z.array(z.number().int()),
  /** The tie at the cut-off left for the officer, if any. */
  tieAtCutoff: z.array(z.number().int()),
});
export type ApplySuggestedResponse = z.infer<typeof ApplySuggestedResponse>;

/** An announcement date, YYYY-MM-DD. */
export const PublishOn = z.iso.date();

export const PublicationBody = z.strictObject({ publishOn: PublishOn });
export type PublicationBody = z.infer<typeof PublicationBody>;

export const PublishBody = z.strictObject({ publishOn: PublishOn.optional() });
export type PublishBody = z.infer<typeof PublishBody>;

export const PublicationResponse = z.strictObject({ call: ResultCallSummary });
export type PublicationResponse = z.infer<typeof PublicationResponse>;

export const ClusterCreationParams = DecisionParams;

export const ClusterCreationResponse = z.strictObject({
  proposalId: z.number().int(),
  cluster: z.strictObject({ id: z.number().int(), key: z.string() }),
  /** True when this request created the cluster, false when it updated the linked one. */
  created: z.boolean(),
  members: z.number().int(),
  budgetLines: z.number().int(),
  targets: z.number().int(),
  /** Organizations created from participants that had no organization id. */
  organizationsCreated: z.array(z.number().int()),
});
export type ClusterCreationResponse = z.infer<typeof ClusterCreationResponse>;
