import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FINDING_TAG_LABELS, type Finding } from '../../../../contracts/evaluation-findings';
import { useFormatters, useLocalize } from '../../../lib/format';

const STATUS_COLORS: Record<Finding['followUpStatus'], string> = {
  open: 'gray',
  responded: 'blue',
  in_progress: 'yellow',
  resolved: 'teal',
};

/**
 * The round's published findings ("issues to be solved") grouped by cluster, each with its tag,
 * the headquarters' response and where its follow-up stands.
 */
export function FindingsByCluster({ findings }: { findings: readonly Finding[] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  if (findings.length === 0) return <Text c="dimmed">{t('evaluationResults.findings.none')}</Text>;
  const clusters = new Map<string, Finding[]>();
  for (const finding of findings)
    clusters.set(finding.cluster.key, [...(clusters.get(finding.cluster.key) ?? []), finding]);
  return (
    <Stack gap="md">
      {[...clusters.values()].map((list) => {
        const cluster = list[0]!.cluster;
        const headingId = `findings-${cluster.key}`;
        return (
          <Card withBorder padding="md" key={cluster.key} component="section" aria-labelledby={headingId}>
            <Title order={3} size="h4" id={headingId} mb="xs">
              {localize(cluster.name)}
            </Title>
            <Stack gap="sm">
              {list.map((finding) => (
                <Stack gap={4} key={finding.id}>
                  <Group gap="xs">
                    <Badge variant="outline">{localize(FINDING_TAG_LABELS[finding.tag])}</Badge>
                    <Badge color={STATUS_COLORS[finding.followUpStatus]} variant="light">
                      {t(`evaluationResults.findings.status.${finding.followUpStatus}`)}
                    </Badge>
                    {finding.followUpRound ? (
                      <Text size="xs" c="dimmed">
                        {t('evaluationResults.findings.followUp', {
                          round: localize(finding.followUpRound.title),
                        })}
                      </Text>
                    ) : null}
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {localize(finding.text)}
                  </Text>
                  {finding.response ? (
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      <strong>
                        {t('evaluationResults.findings.response', {
                          date: finding.respondedAt ? f.date(finding.respondedAt) : '',
                        })}
                      </strong>
                      {t('common.colon')}
                      {finding.response}
                    </Text>
                  ) : null}
                </Stack>
              ))}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
