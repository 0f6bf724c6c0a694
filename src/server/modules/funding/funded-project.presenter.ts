/** Funded-project rows → the API's shape, the duplication check's facts, and the audit snapshot. */
import type { FundedProject } from '../../../contracts/funding';
import {
  FUNDING_PROGRAMMES,
  type FundedProjectFacts,
  type FundingProgramme,
} from '../../../domain/duplication';
import type { FundedProjectWithNames } from './funded-project.repo';
import type { FundedProjectRow } from './funding.table';

function programmeOf(value: string): FundingProgramme {
  return (FUNDING_PROGRAMMES as readonly string[]).includes(value) ? (value as FundingProgramme) : 'other';
}

export function toFundedProject(row: FundedProjectWithNames): FundedProject {
  return {
    id: row.id,
    programme: programmeOf(row.programme),
    fiscalYear: row.fiscal_year,
    theme: { ja: row.theme_ja, en: row.theme_en },
    principalPersonId: row.principal_person_id,
    researcherName: row.researcher_name,
    organization:
      row.organization_id === null
        ? null
        : {
            id: row.organization_id,
            name: { ja: row.organization_name_ja ?? '', en: row.organization_name_en ?? '' },
          },
    cluster:
      row.cluster_id === null
        ? null
        : {
            id: row.cluster_id,
            key: row.cluster_key ?? '',
            name: { ja: row.cluster_name_ja ?? '', en: row.cluster_name_en ?? '' },
          },
    seedId: row.seed_id,
    matchId: row.match_id,
    amountYen: Number(row.amount_yen),
    source: row.source,
    createdAt: row.created_at,
  };
}

export function toFundedProjectFacts(row: FundedProjectRow): FundedProjectFacts {
  return {
    id: row.id,
    programme: programmeOf(row.programme),
    fiscalYear: row.fiscal_year,
    theme: { ja: row.theme_ja, en: row.theme_en },
    principalPersonId: row.principal_person_id,
    researcherName: row.researcher_name,
  };
}

/** What the audit log keeps of a funded project. */
export function fundedProjectSnapshot(row: FundedProjectRow) {
  return {
    programme: row.programme,
    fiscalYear: row.fiscal_year,
    theme: { ja: row.theme_ja, en: row.theme_en },
    principalPersonId: row.principal_person_id,
    researcherName: row.researcher_name,
    organizationId: row.organization_id,
    clusterId: row.cluster_id,
    seedId: row.seed_id,
    matchId: row.match_id,
    amountYen: Number(row.amount_yen),
    source: row.source,
  };
}
