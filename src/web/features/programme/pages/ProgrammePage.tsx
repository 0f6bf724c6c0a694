import type { ReactNode } from 'react';
import { Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { SourceNote } from '../../../components/SourceNote';
import { otherLanguage, useLocale, useLocalize } from '../../../lib/format';
import { useReference } from '../../../lib/reference';
import { useClusterMix, useCriteriaTemplates, useProgramme } from '../api/programme-api';
import { ClustersByKeyField } from '../components/ClustersByKeyField';
import { ClustersByStartFy } from '../components/ClustersByStartFy';
import { CriteriaOverview } from '../components/CriteriaOverview';
import { KeyFigures } from '../components/KeyFigures';

export interface ProgrammePageProps {
  /** Shown under the lead: the signed-in account's own tasks (app/ gives the reporting card). */
  personalSlot?: ReactNode;
  /** Shown under the charts: progress against the clusters' targets (app/ gives the budgets card). */
  progressSlot?: ReactNode;
}

/** `/` — the Knowledge Cluster Initiative at a glance. */
export function ProgrammePage({ personalSlot, progressSlot }: ProgrammePageProps = {}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const programme = useProgramme();
  const reference = useReference();
  const clusters = useClusterMix();
  const criteria = useCriteriaTemplates();

  if (programme.isPending) return <LoadingState />;
  if (programme.error) return <ErrorAlert error={programme.error} onRetry={() => void programme.refetch()} />;
  const p = programme.data;
  const keyFields = reference.data?.keyFields ?? [];

  return (
    <Stack gap="xl">
      <div>
        <PageTitle title={localize(p.name)} subtitle={otherLanguage(p.name, locale) || undefined}>
          <Text fw={500}>{localize(p.ministry)}</Text>
        </PageTitle>
        <Text maw={820}>{t('programme.lead')}</Text>
      </div>
      {personalSlot}

      <section aria-labelledby="key-figures-heading">
        <Stack gap="sm">
          <Title order={2} id="key-figures-heading">
            {t('programme.figures.title')}
          </Title>
          <KeyFigures programme={p} />
          <SourceNote sources={p.source} />
        </Stack>
      </section>

      <section aria-labelledby="composition-heading">
        <Stack gap="sm">
          <Title order={2} id="composition-heading">
            {t('programme.charts.title')}
          </Title>
          {clusters.error ? <ErrorAlert error={clusters.error} /> : null}
          {reference.error ? <ErrorAlert error={reference.error} /> : null}
          {clusters.isPending || reference.isPending ? (
            <LoadingState />
          ) : clusters.data && reference.data ? (
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <ClustersByStartFy clusters={clusters.data.items} keyFields={keyFields} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <ClustersByKeyField rows={p.clustersByKeyField} keyFields={keyFields} />
              </Grid.Col>
            </Grid>
          ) : null}
          <SourceNote sources={[...new Set((clusters.data?.items ?? []).map((c) => c.source))]} />
        </Stack>
      </section>

      {progressSlot}

      <section aria-labelledby="structure-heading">
        <Paper withBorder p="md" radius="md" bg="navy.0">
          <Stack gap="xs">
            <Title order={2} id="structure-heading">
              {t('programme.structure.title')}
            </Title>
            <Text size="sm">{t('programme.structure.body')}</Text>
          </Stack>
        </Paper>
      </section>

      {criteria.error ? <ErrorAlert error={criteria.error} /> : null}
      {criteria.data ? <CriteriaOverview templates={criteria.data.items} /> : null}
    </Stack>
  );
}
