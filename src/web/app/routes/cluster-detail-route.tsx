/** The cluster page, given the budgets feature's targets panel and the evaluation results panel. */
import { TargetsPanel } from '../../features/budgets/components/TargetsPanel';
import { ClusterDetailPage } from '../../features/clusters/pages/ClusterDetailPage';
import { ClusterEvaluationsPanel } from '../../features/evaluation-results/components/ClusterEvaluationsPanel';

export function ClusterDetailRoute() {
  return <ClusterDetailPage TargetsPanel={TargetsPanel} EvaluationsPanel={ClusterEvaluationsPanel} />;
}
