import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** "n of m weighting members have proposed": the group's mean waits for every member. */
export function ProposalProgress({ proposed, members }: { proposed: number; members: number }) {
  const { t } = useTranslation();
  const label = t('evaluationGrading.progress.proposed', { proposed, members });
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text fw={600}>{label}</Text>
        {proposed < members ? (
          <Text size="sm" c="dimmed">
            {t('evaluationGrading.progress.waiting', { count: members - proposed })}
          </Text>
        ) : null}
      </Group>
      <Progress value={members === 0 ? 0 : (proposed / members) * 100} aria-label={label} size="md" />
    </Stack>
  );
}
