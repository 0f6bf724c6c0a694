/** The programme overview, given the reporting feature's "my reporting" card and the targets' progress. */
import { TargetProgressCard } from '../../features/budgets/components/TargetProgressCard';
import { ProgrammePage } from '../../features/programme/pages/ProgrammePage';
import { MyReportingCard } from '../../features/reporting/components/MyReportingCard';

export function ProgrammeRoute() {
  return <ProgrammePage personalSlot={<MyReportingCard />} progressSlot={<TargetProgressCard />} />;
}
