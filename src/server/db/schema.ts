/** The whole database as Kysely sees it: one entry per table, defined next to its feature. */
import type { AccountTable, RoleGrantTable } from '../modules/accounts/account.table';
import type { AuditHeadTable, AuditLogTable } from '../modules/audit/audit.table';
import type { SessionTable, SignInAttemptTable } from '../modules/auth/session.table';
import type {
  ClusterMemberTable,
  ClusterPrefectureTable,
  ClusterStaffTable,
  ClusterTable,
} from '../modules/clusters/cluster.table';
import type { CriteriaItemTable, CriteriaTemplateTable } from '../modules/criteria/criteria.table';
import type { OrganizationTable } from '../modules/organizations/organization.table';
import type {
  DataVersionTable,
  IndicatorTable,
  OutcomeReportTable,
  OutcomeValueTable,
} from '../modules/outcomes/outcome.table';
import type { PersonTable } from '../modules/people/person.table';
import type { BudgetLineTable } from '../modules/budgets/budget.table';
import type { ImportJobTable } from '../modules/imports/import-job.table';
import type {
  OutcomeItemTable,
  OutcomeReportEventTable,
  ReportDeadlineTable,
} from '../modules/reports/report.table';
import type { TargetTable } from '../modules/targets/target.table';
import type {
  MatchingRevisionTable,
  MatchStepOutcomeItemTable,
  MatchStepTable,
  MatchTable,
  NeedTable,
  SeedOutcomeItemTable,
  SeedTable,
} from '../modules/matching/matching.table';
import type {
  AttachmentTable,
  CallReviewerTable,
  CallTable,
  ConflictTable,
  ConsensusScoreTable,
  ProposalDecisionTable,
  ProposalTable,
  ReviewAssignmentTable,
  ReviewerProfileTable,
  ReviewScoreTable,
  ReviewTable,
} from '../modules/selection/selection.table';
import type {
  AllocationPlanTable,
  EvaluationRoundTable,
  FindingTable,
  GradeTable,
  InterviewTable,
  RoundAssignmentTable,
  RoundClusterTable,
  RoundMemberTable,
  RoundResultCommentTable,
  RoundResultTable,
  SelfEvaluationTable,
  WeightProposalTable,
  WeightSetTable,
} from '../modules/evaluation/evaluation.table';
import type { KeyFieldTable, PrefectureTable, ProgrammeTable } from '../modules/programme/programme.table';
import type {
  ClusterEventClusterTable,
  ClusterEventProjectTable,
  ClusterEventRegistrationTable,
  ClusterEventTable,
  IndustrialClusterCommitteeTable,
  IndustrialClusterMeetingTable,
  IndustrialClusterMemberTable,
  IndustrialClusterProjectClusterTable,
  IndustrialClusterProjectSeedTable,
  IndustrialClusterProjectTable,
  MetiFundTable,
} from '../modules/industrial-cluster/industrial-cluster.table';
import type { DuplicationReviewTable, FundedProjectTable } from '../modules/funding/funding.table';

export interface Database {
  programmes: ProgrammeTable;
  key_fields: KeyFieldTable;
  prefectures: PrefectureTable;
  organizations: OrganizationTable;
  people: PersonTable;
  clusters: ClusterTable;
  cluster_prefectures: ClusterPrefectureTable;
  cluster_members: ClusterMemberTable;
  cluster_staff: ClusterStaffTable;
  indicators: IndicatorTable;
  outcome_reports: OutcomeReportTable;
  outcome_values: OutcomeValueTable;
  data_versions: DataVersionTable;
  outcome_report_events: OutcomeReportEventTable;
  outcome_items: OutcomeItemTable;
  report_deadlines: ReportDeadlineTable;
  targets: TargetTable;
  budget_lines: BudgetLineTable;
  import_jobs: ImportJobTable;
  calls: CallTable;
  proposals: ProposalTable;
  attachments: AttachmentTable;
  reviewer_profiles: ReviewerProfileTable;
  call_reviewers: CallReviewerTable;
  review_assignments: ReviewAssignmentTable;
  conflicts: ConflictTable;
  reviews: ReviewTable;
  review_scores: ReviewScoreTable;
  consensus_scores: ConsensusScoreTable;
  proposal_decisions: ProposalDecisionTable;
  evaluation_rounds: EvaluationRoundTable;
  round_clusters: RoundClusterTable;
  round_members: RoundMemberTable;
  round_assignments: RoundAssignmentTable;
  self_evaluations: SelfEvaluationTable;
  weight_proposals: WeightProposalTable;
  weight_sets: WeightSetTable;
  interviews: InterviewTable;
  grades: GradeTable;
  round_results: RoundResultTable;
  round_result_comments: RoundResultCommentTable;
  seeds: SeedTable;
  seed_outcome_items: SeedOutcomeItemTable;
  needs: NeedTable;
  matches: MatchTable;
  match_steps: MatchStepTable;
  match_step_outcome_items: MatchStepOutcomeItemTable;
  matching_revision: MatchingRevisionTable;
  findings: FindingTable;
  allocation_plans: AllocationPlanTable;
  criteria_templates: CriteriaTemplateTable;
  criteria_items: CriteriaItemTable;
  accounts: AccountTable;
  role_grants: RoleGrantTable;
  sessions: SessionTable;
  sign_in_attempts: SignInAttemptTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  industrial_cluster_projects: IndustrialClusterProjectTable;
  industrial_cluster_members: IndustrialClusterMemberTable;
  industrial_cluster_project_clusters: IndustrialClusterProjectClusterTable;
  industrial_cluster_project_seeds: IndustrialClusterProjectSeedTable;
  industrial_cluster_committees: IndustrialClusterCommitteeTable;
  industrial_cluster_meetings: IndustrialClusterMeetingTable;
  cluster_events: ClusterEventTable;
  cluster_event_projects: ClusterEventProjectTable;
  cluster_event_clusters: ClusterEventClusterTable;
  cluster_event_registrations: ClusterEventRegistrationTable;
  meti_funds: MetiFundTable;
  funded_projects: FundedProjectTable;
  duplication_reviews: DuplicationReviewTable;
}
