/** The cluster page, given the budgets feature's targets panel. */
import { TargetsPanel } from '../../features/budgets/components/TargetsPanel';
import { ClusterDetailPage } from '../../features/clusters/pages/ClusterDetailPage';

export function ClusterDetailRoute() {
  return <ClusterDetailPage TargetsPanel={TargetsPanel} />;
}
