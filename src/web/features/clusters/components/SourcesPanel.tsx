import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClusterDetail } from '../../../../contracts/clusters';
import type { ClusterOutcomesResponse } from '../../../../contracts/outcomes';
import { useFormatters } from '../../../lib/format';

/** Where each fact on the profile comes from, and how sure the programme is of it. */
export function SourcesPanel({
  cluster,
  outcomes,
}: {
  cluster: ClusterDetail;
  outcomes?: ClusterOutcomesResponse;
}) {
  const { t } = useTranslation();
  const f = useFormatters();
  const reportSources = [...new Set((outcomes?.reports ?? []).map((r) => r.source))];
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sources-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="sources-heading">
          {t('clusters.sources.title')}
        </Title>
        <dl className="kcp-dl">
          <Text component="dt" size="sm" fw={700}>
            {t('clusters.sources.profile')}
          </Text>
          <Text component="dd" size="sm" ml={0} mb="sm">
            {cluster.source}
          </Text>
          <Text component="dt" size="sm" fw={700}>
            {t('source.confidence')}
          </Text>
          <Text component="dd" size="sm" ml={0} mb="sm">
            {cluster.confidence ?? t('clusters.sources.noConfidenceNote')}
          </Text>
          {reportSources.length > 0 ? (
            <>
              <Text component="dt" size="sm" fw={700}>
                {t('clusters.sources.outcomes')}
              </Text>
              {reportSources.map((source) => (
                <Text component="dd" size="sm" ml={0} key={source}>
                  {source}
                </Text>
              ))}
            </>
          ) : null}
          <Text component="dt" size="sm" fw={700} mt="sm">
            {t('clusters.sources.updatedAt')}
          </Text>
          <Text component="dd" size="sm" ml={0}>
            {f.dateTime(cluster.updatedAt)}
          </Text>
        </dl>
      </Stack>
    </Paper>
  );
}
