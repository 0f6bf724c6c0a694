import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { NotFoundPage } from '../../../components/StatusPage';
import { formatCount } from '../../../lib/format';
import { isRunning, useCancelImport, useCommitImport, useImportJob } from '../api/imports-api';
import { ImportProgress } from '../components/ImportProgress';
import { ImportSummary } from '../components/ImportSummary';
import { ProblemTable } from '../components/ProblemTable';
import { ImportStatusBadge } from '../components/StatusBadge';

/** `/imports/:id` — the validation's progress bar, then the preview (summary, problems), Commit and its result. */
export function ImportJobPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const job = useImportJob(id);
  const commit = useCommitImport(id);
  const cancel = useCancelImport(id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (job.error) return <ErrorAlert error={job.error} onRetry={() => void job.refetch()} />;
  if (job.isPending) return <LoadingState />;
  const data = job.data;
  // A job that failed while being checked never started writing (its summary comes only from a finished check).
  const committing =
    data.status === 'committing' ||
    data.status === 'committed' ||
    (data.status === 'failed' && data.summary !== null);
  const canCommit = data.status === 'validated' && data.errorCount === 0 && data.mode === 'import';

  return (
    <Stack gap="lg">
      <PageTitle
        title={t('imports.job.title', { name: data.fileName })}
        subtitle={`${t(`imports.kinds.${data.kind}`)} · ${data.format?.toUpperCase() ?? ''}${data.encoding ? ` · ${t(`imports.encodings.${data.encoding}`, { defaultValue: data.encoding })}` : ''}`}
        actions={
          <Anchor component={Link} to="/imports">
            {t('imports.job.back')}
          </Anchor>
        }
      >
        <Group gap="xs">
          <ImportStatusBadge status={data.status} />
        </Group>
      </PageTitle>

      <Paper withBorder p="md" radius="md">
        <Stack gap="md">
          <ImportProgress job={data} phase="validate" />
          {committing ? <ImportProgress job={data} phase="commit" /> : null}
        </Stack>
      </Paper>

      {data.status === 'committed' ? (
        <Alert color="green" title={t('imports.job.committedTitle')}>
          {t('imports.job.committed')}
        </Alert>
      ) : null}
      {data.status === 'failed' ? (
        <Alert color="red" title={t('imports.job.failedTitle')}>
          {t('imports.job.failed')}
        </Alert>
      ) : null}
      {data.status === 'invalid' ? (
        <Alert color="red" title={t('imports.job.invalidTitle')}>
          {t('imports.job.invalid', { count: data.errorCount })}
        </Alert>
      ) : null}

      {data.summary ? (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h3" mb="xs">
            {t(data.status === 'committed' ? 'imports.summary.done' : 'imports.summary.preview')}
          </Title>
          <ImportSummary summary={data.summary} />
        </Paper>
      ) : null}

      {commit.error ? <ErrorAlert error={commit.error} /> : null}
      {cancel.error ? <ErrorAlert error={cancel.error} /> : null}
      <Group>
        {canCommit ? (
          <Button loading={commit.isPending} onClick={() => commit.mutate(data.version)}>
            {t('imports.job.commit')}
          </Button>
        ) : null}
        {isRunning(data) || data.status === 'validated' || data.status === 'invalid' ? (
          <Button variant="default" color="red" loading={cancel.isPending} onClick={() => cancel.mutate()}>
            {t('imports.job.cancel')}
          </Button>
        ) : null}
      </Group>

      {!isRunning(data) || data.problems.length > 0 ? (
        <Stack gap="xs">
          <Title order={2} size="h3">
            {t('imports.problems.title', {
              errors: formatCount(data.errorCount),
              warnings: formatCount(data.warningCount),
            })}
          </Title>
          {data.problemsTruncated ? (
            <Text size="sm" c="dimmed">
              {t('imports.problems.truncated', { shown: formatCount(data.problemsTotal) })}
            </Text>
          ) : null}
          <ProblemTable problems={data.problems} />
        </Stack>
      ) : null}
    </Stack>
  );
}
