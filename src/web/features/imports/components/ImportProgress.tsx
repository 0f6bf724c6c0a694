import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../../contracts/imports';
import { formatCount } from '../../../lib/format';

/** The bar of the running phase: reading the file while validating, writing rows while committing. */
export function ImportProgress({ job, phase }: { job: ImportJob; phase: 'validate' | 'commit' }) {
  const { t } = useTranslation();
  const running =
    phase === 'validate' ? ['queued', 'validating'].includes(job.status) : job.status === 'committing';
  const done =
    phase === 'validate'
      ? !['queued', 'validating'].includes(job.status)
      : ['committed', 'failed'].includes(job.status);
  const value = done ? 100 : Math.round(job.progress * 100);
  const label = t(phase === 'validate' ? 'imports.progress.validate' : 'imports.progress.commit');
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('imports.progress.rows', { percent: value, rows: formatCount(job.processedRows) })}
        </Text>
      </Group>
      <Progress
        value={value}
        animated={running}
        striped={running}
        size="lg"
        color={job.status === 'failed' || job.status === 'invalid' ? 'red' : undefined}
        aria-label={label}
      />
    </Stack>
  );
}
