/** The programme overview, given the home page's personal cards (reporting, evaluation tasks) and the targets' progress. */
import { Stack } from '@mantine/core';
import { TargetProgressCard } from '../../features/budgets/components/TargetProgressCard';
import { MyEvaluationTasksCard } from '../../features/evaluation-tasks/components/MyEvaluationTasksCard';
import { ProgrammePage } from '../../features/programme/pages/ProgrammePage';
import { MyReportingCard } from '../../features/reporting/components/MyReportingCard';

export function ProgrammeRoute() {
  return (
    <ProgrammePage
      personalSlot={
        <Stack gap="md">
          <MyReportingCard />
          <MyEvaluationTasksCard />
        </Stack>
      }
      progressSlot={<TargetProgressCard />}
    />
  );
}
