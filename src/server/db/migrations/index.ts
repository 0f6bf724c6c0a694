/** Every migration, in order. Listed by hand so the bundle needs no file-system discovery. */
import type { Migration } from 'kysely';
import * as foundation from './20261125T1500-foundation';
import * as supersedesIndex from './20261125T1700-outcome-report-supersedes-index';
import * as outcomeReportingBudgets from './20261125T1900-outcome-reporting-budgets';
import * as reportVersionUnique from './20261125T2000-outcome-report-version-unique';
import * as partialSupersedesIndex from './20261125T2010-partial-supersedes-index';
import * as publishedDataVersion from './20261125T2020-published-data-version';
import * as selection from './20261205T1000-selection';
import * as decisionOverride from './20261205T1130-decision-override';
import * as evaluation from './20261205T1600-evaluation';
import * as roundResultComments from './20261205T1700-round-result-comments';
import * as seedsNeeds from './20261206T1000-seeds-needs';
import * as industrialCluster from './20261206T1100-industrial-cluster';

export const migrations: Record<string, Migration> = {
  '20261125T1500-foundation': foundation,
  '20261125T1700-outcome-report-supersedes-index': supersedesIndex,
  '20261125T1900-outcome-reporting-budgets': outcomeReportingBudgets,
  '20261125T2000-outcome-report-version-unique': reportVersionUnique,
  '20261125T2010-partial-supersedes-index': partialSupersedesIndex,
  '20261125T2020-published-data-version': publishedDataVersion,
  '20261205T1000-selection': selection,
  '20261205T1130-decision-override': decisionOverride,
  '20261205T1600-evaluation': evaluation,
  '20261205T1700-round-result-comments': roundResultComments,
  '20261206T1000-seeds-needs': seedsNeeds,
  '20261206T1100-industrial-cluster': industrialCluster,
};
