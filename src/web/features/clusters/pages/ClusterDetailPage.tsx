import { Button, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FiscalYear } from '../../../components/FiscalYear';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { NotFoundPage } from '../../../components/StatusPage';
import { isApiError } from '../../../lib/api-client';
import { otherLanguage, useFormatters, useLocalize } from '../../../lib/format';
import { useCodeLabel } from '../../../lib/labels';
import { useReference } from '../../../lib/reference';
import { useCluster, useClusterOutcomes } from '../api/clusters-api';
import { KeyFieldBadge, StatusBadge, UnpublishedBadge } from '../components/ClusterBadges';
import { ClusterOutcomes } from '../components/ClusterOutcomes';
import { MemberTable, StaffTable } from '../components/NetworkTables';
import { SourcesPanel } from '../components/SourcesPanel';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text component="dd" ml={0} size="sm">
        {children}
      </Text>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** `/clusters/:key` — a cluster's public profile. */
export interface ClusterDetailPageProps {
  /** The cluster's numerical targets against actuals (app/ gives the budgets feature's panel). */
  TargetsPanel?: ComponentType<{ clusterKey: string }>;
  /** The cluster's published evaluation results (app/ gives the evaluation-results feature's panel). */
  EvaluationsPanel?: ComponentType<{ clusterKey: string }>;
}

export function ClusterDetailPage({ TargetsPanel, EvaluationsPanel }: ClusterDetailPageProps = {}) {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const label = useCodeLabel();
  const cluster = useCluster(key);
  const outcomes = useClusterOutcomes(key);
  const reference = useReference();

  if (cluster.isPending) return <LoadingState />;
  if (isApiError(cluster.error) && cluster.error.status === 404) return <NotFoundPage />;
  if (cluster.error) return <ErrorAlert error={cluster.error} onRetry={() => void cluster.refetch()} />;
  const c = cluster.data;
  const other = otherLanguage(c.name, f.locale);

  return (
    <Stack gap="lg">
      <PageTitle
        title={localize(c.name)}
        subtitle={other ? <span lang={f.locale === 'ja' ? 'en' : 'ja'}>{other}</span> : undefined}
        actions={
          c.canEdit ? (
            <Button component={Link} to={`/clusters/${c.key}/edit`}>
              {t('clusters.edit')}
            </Button>
          ) : null
        }
      >
        <Group gap="xs" mt={4}>
          <KeyFieldBadge keyField={c.keyField} />
          <StatusBadge status={c.status} />
          {!c.isPublished ? <UnpublishedBadge /> : null}
        </Group>
      </PageTitle>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Section id="overview-heading" title={t('clusters.overview')}>
              {localize(c.theme) ? (
                <Text fw={700} size="lg">
                  {localize(c.theme)}
                </Text>
              ) : null}
              {localize(c.summary) ? (
                <Text style={{ whiteSpace: 'pre-wrap' }}>{localize(c.summary)}</Text>
              ) : null}
              <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" m={0}>
                <Fact label={t('clusters.fields.keyField')}>{label('keyField', c.keyField)}</Fact>
                <Fact label={t('clusters.fields.prefectures')}>
                  {c.prefectures.map((p) => localize(p.name)).join(t('common.listSeparator')) || '—'}
                </Fact>
                <Fact label={t('clusters.fields.startFy')}>
                  <FiscalYear fy={c.startFy} />
                </Fact>
                <Fact label={t('clusters.fields.endFy')}>
                  <FiscalYear fy={c.endFy} />
                </Fact>
                <Fact label={t('clusters.fields.status')}>{label('clusterStatus', c.status)}</Fact>
                <Fact label={t('clusters.fields.coreOrganization')}>
                  {c.coreOrganization ? localize(c.coreOrganization.name) : t('common.notSet')}
                </Fact>
              </SimpleGrid>
            </Section>

            <Section id="members-heading" title={t('clusters.members.title')}>
              <MemberTable members={c.members} caption={t('clusters.members.caption')} />
            </Section>

            <Section id="staff-heading" title={t('clusters.staff.title')}>
              <StaffTable staff={c.staff} caption={t('clusters.staff.caption')} />
            </Section>

            <Section id="outcomes-heading" title={t('clusters.outcomes.title')}>
              {outcomes.error ? <ErrorAlert error={outcomes.error} /> : null}
              {outcomes.isPending || reference.isPending ? <LoadingState /> : null}
              {outcomes.data && reference.data ? (
                <ClusterOutcomes outcomes={outcomes.data} indicators={reference.data.indicators} />
              ) : null}
            </Section>

            {TargetsPanel ? (
              <Section id="targets-heading" title={t('budgets.targets.title')}>
                <TargetsPanel clusterKey={c.key} />
              </Section>
            ) : null}

            {EvaluationsPanel ? (
              <Section id="evaluations-heading" title={t('evaluationResults.cluster.title')}>
                <EvaluationsPanel clusterKey={c.key} />
              </Section>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <SourcesPanel cluster={c} outcomes={outcomes.data} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
