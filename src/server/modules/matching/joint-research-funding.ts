/**
 * A joint research agreement is funding: it is entered among the funded projects so the
 * e-Rad-style duplication check (src/domain/duplication.ts) sees the same theme funded twice in a
 * fiscal year — e.g. a MEXT-funded joint research and a METI practical-use fund on one seed.
 */
import type { JointResearchDetail } from '../../../contracts/matches';
import { fiscalYearOf } from '../../../domain/fiscal-year';
import type { Db } from '../../context';
import { insertFundedProject } from '../funding/funded-project.repo';
import type { MatchWithParties } from './match.repo';

const PROGRAMME_OF = {
  mext: 'mext_knowledge_cluster',
  meti: 'meti_industrial_cluster',
  other: 'other',
} as const;

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Records the agreement's funding in the fiscal year it was signed, inside the step's transaction. */
export async function recordJointResearchFunding(
  trx: Db,
  match: MatchWithParties,
  stepId: number,
  occurredOn: string,
  detail: JointResearchDetail,
): Promise<void> {
  const isJapanese = JAPANESE.test(detail.theme);
  await insertFundedProject(trx, {
    programme: PROGRAMME_OF[detail.funder],
    fiscalYear: fiscalYearOf(occurredOn),
    theme: { ja: isJapanese ? detail.theme : '', en: isJapanese ? '' : detail.theme },
    organizationId: match.need_organization_id,
    clusterId: match.seed_cluster_id,
    seedId: match.seed_id,
    matchId: match.id,
    amountYen: detail.budgetYen,
    source: `joint research agreement of match ${match.id} (step ${stepId})${detail.funderName ? `, ${detail.funderName}` : ''}`,
  });
}
