import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FiscalYear } from '../../../components/FiscalYear';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { useFormatters, useLocalize } from '../../../lib/format';
import { usePublicRounds } from '../api/evaluation-results-api';
import { scrollRegion } from '../../../lib/scroll-region';

/**
 * /evaluations — every evaluation round whose results are published: fiscal year, kind, the
 * announcement date and how many clusters it evaluated, each linking to its results.
 */
export function PublicEvaluationsPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const rounds = usePublicRounds();
  // The list also holds rounds still running (and, for officers, drafts, and results published ahead
  // of their announcement date): the public page shows announced results only.
  const published = rounds.data?.items.filter((r) => r.announced) ?? [];
  return (
    <>
      <PageTitle
        title={t('evaluationResults.public.title')}
        subtitle={t('evaluationResults.public.subtitle')}
      />
      {rounds.isPending ? (
        <LoadingState />
      ) : rounds.isError ? (
        <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} />
      ) : published.length === 0 ? (
        <Text c="dimmed">{t('evaluationResults.public.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720} scrollAreaProps={scrollRegion()}>
          <Table striped withTableBorder fz="sm">
            <Table.Caption>{t('evaluationResults.public.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('evaluationResults.public.fiscalYear')}</Table.Th>
                <Table.Th>{t('evaluationResults.public.round')}</Table.Th>
                <Table.Th>{t('evaluationResults.public.kind')}</Table.Th>
                <Table.Th>{t('evaluationResults.public.announced')}</Table.Th>
                <Table.Th className="kcp-num">{t('evaluationResults.public.clusters')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {published.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Td>
                    <FiscalYear fy={r.fiscalYear} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <Anchor component={Link} to={`/evaluations/${encodeURIComponent(r.key)}`} fw={600}>
                        {localize(r.title)}
                      </Anchor>
                      {r.isDemo ? (
                        <Badge color="grape" size="sm">
                          {t('evaluationResults.public.demo')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{t(`roundKind.${r.kind}`)}</Table.Td>
                  <Table.Td>
                    {/* The date the programme announced; the moment of publication when none was set. */}
                    {f.date(r.announceOn ?? r.publishedAt!)}
                  </Table.Td>
                  <Table.Td className="kcp-num">{r.clusterCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
