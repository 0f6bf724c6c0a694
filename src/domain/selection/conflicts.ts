/**
 * Conflicts of interest that fit a regional programme, detected from affiliations where possible:
 * - organization: the reviewer works at the proposal's core organization or a participant, so
 *   they would judge their own employer's bid;
 * - prefecture: the reviewer's organization sits in a prefecture of the proposing region — regional
 *   clusters are local-government bids, and a reviewer from the same prefecture has a stake in it;
 * - collaborator: a co-authorship or joint project with someone (or an organization) in the
 *   proposal within N years before the call's fiscal year;
 * - personal: declared by the reviewer before opening the proposal.
 * Detection only finds candidates; an officer confirms or dismisses them (`isBlocking`).
 */
export const CONFLICT_KINDS = ['organization', 'prefecture', 'collaborator', 'personal'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export interface ReviewerProfile {
  reviewerId: number;
  /** The reviewer's person id, matched against a proposal's named people. */
  personId: number | null;
  affiliations: readonly { organizationId: number; prefectureCode: string | null }[];
  /** Co-authorships and joint projects; `fyTo` = the last fiscal year of the collaboration. */
  collaborations: readonly {
    kind: 'coauthorship' | 'joint_project';
    personId?: number | null;
    organizationId?: number | null;
    fyTo: number;
    title?: string;
  }[];
  /** Conflicts the reviewer declared, per proposal. */
  declared: readonly { proposalId: number; reason: string }[];
}

export interface ProposalParties {
  proposalId: number;
  coreOrganizationId: number | null;
  participatingOrganizationIds: readonly number[];
  /** JIS codes of the region's prefectures (Keihanna: 26, 27, 29). */
  prefectureCodes: readonly string[];
  /** People named in the proposal (headquarters director, research director, researchers). */
  personIds: readonly number[];
}

export interface ConflictFinding {
  reviewerId: number;
  proposalId: number;
  kind: ConflictKind;
  source: 'detected' | 'declared';
  reason: string;
}

/**
 * Finds the conflicts of one reviewer with one proposal, one finding per cause (so the officer sees
 * every reason), in the order organization, prefecture, collaborator, personal. A collaboration
 * is recent when it ended in or after FY(call − `collaboratorYears`); one still running or ending
 * after the call counts too.
 */
export function detectConflicts(
  reviewer: ReviewerProfile,
  proposal: ProposalParties,
  callFiscalYear: number,
  collaboratorYears: number,
  names: ConflictNames = ID_NAMES,
): ConflictFinding[] {
  const found: ConflictFinding[] = [];
  const add = (kind: ConflictKind, source: ConflictFinding['source'], reason: string) =>
    found.push({ reviewerId: reviewer.reviewerId, proposalId: proposal.proposalId, kind, source, reason });
  const orgs = new Set(proposal.participatingOrganizationIds);
  for (const a of reviewer.affiliations) {
    if (a.organizationId === proposal.coreOrganizationId)
      add(
        'organization',
        'detected',
        `Affiliated with the core organization, ${names.organization(a.organizationId)}`,
      );
    else if (orgs.has(a.organizationId))
      add(
        'organization',
        'detected',
        `Affiliated with a participating organization, ${names.organization(a.organizationId)}`,
      );
  }
  const prefectures = new Set(proposal.prefectureCodes);
  const samePref = [...new Set(reviewer.affiliations.map((a) => a.prefectureCode))].filter(
    (c): c is string => c !== null && prefectures.has(c),
  );
  for (const code of samePref)
    add('prefecture', 'detected', `Organization in ${names.prefecture(code)}, part of the region`);
  const since = callFiscalYear - collaboratorYears;
  const people = new Set(proposal.personIds);
  for (const c of reviewer.collaborations) {
    if (c.fyTo < since) continue;
    const what = c.kind === 'coauthorship' ? 'Co-author' : 'Joint project';
    const title = c.title ? ` “${c.title}”` : '';
    if (c.personId !== null && c.personId !== undefined && people.has(c.personId))
      add(
        'collaborator',
        'detected',
        `${what}${title} with ${names.person(c.personId)} until FY${c.fyTo} (since FY${since} counts)`,
      );
    else if (
      c.organizationId !== null &&
      c.organizationId !== undefined &&
      (c.organizationId === proposal.coreOrganizationId || orgs.has(c.organizationId))
    )
      add(
        'collaborator',
        'detected',
        `${what}${title} with ${names.organization(c.organizationId)} until FY${c.fyTo} (since FY${since} counts)`,
      );
  }
  for (const d of reviewer.declared)
    if (d.proposalId === proposal.proposalId) add('personal', 'declared', d.reason);
  return found;
}

/** How a finding's reason names what the two sides share; the service passes real names. */
export interface ConflictNames {
  organization(id: number): string;
  prefecture(code: string): string;
  person(id: number): string;
}

/** Names as bare identifiers, for callers that have no names at hand. */
export const ID_NAMES: ConflictNames = {
  organization: (id) => `organization ${id}`,
  prefecture: (code) => `prefecture ${code}`,
  person: (id) => `person ${id}`,
};

/** The conflicts found for every reviewer × proposal pair, reviewers outer, proposals inner. */
export function detectAllConflicts(
  reviewers: readonly ReviewerProfile[],
  proposals: readonly ProposalParties[],
  callFiscalYear: number,
  collaboratorYears: number,
  names: ConflictNames = ID_NAMES,
): ConflictFinding[] {
  return reviewers.flatMap((r) =>
    proposals.flatMap((p) => detectConflicts(r, p, callFiscalYear, collaboratorYears, names)),
  );
}

/** An officer's ruling on one finding. */
export interface ConflictRuling {
  reviewerId: number;
  proposalId: number;
  kind: ConflictKind;
  ruling: 'confirmed' | 'dismissed';
}

/**
 * Whether a pair is blocked: any finding not dismissed blocks — a conflict counts until an officer
 * says otherwise, because a wrongly blocked reviewer costs one reassignment while a wrongly
 * admitted one taints the review.
 */
export function isBlocking(
  findings: readonly ConflictFinding[],
  rulings: readonly ConflictRuling[],
): (reviewerId: number, proposalId: number) => boolean {
  const dismissed = new Set(
    rulings.filter((r) => r.ruling === 'dismissed').map((r) => `${r.reviewerId}:${r.proposalId}:${r.kind}`),
  );
  const blocked = new Set(
    findings
      .filter((f) => !dismissed.has(`${f.reviewerId}:${f.proposalId}:${f.kind}`))
      .map((f) => `${f.reviewerId}:${f.proposalId}`),
  );
  return (reviewerId, proposalId) => blocked.has(`${reviewerId}:${proposalId}`);
}
