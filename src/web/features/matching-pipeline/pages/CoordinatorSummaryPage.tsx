import { Anchor, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { MATCH_STAGES, PIPELINE_STEPS } from '../../../../domain/match-pipeline';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { YenAmount } from '../../../components/YenAmount';
import { useFormatters } from '../../../lib/format';
import { scrollRegion } from '../../../lib/scroll-region';
import { useCoordinatorSummary } from '../api/matches-api';
import { CoordinatorChart } from '../components/CoordinatorChart';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `/matches/coordinators` — each coordinator's matches by stage, answers, steps, joint research and sales. */
export function CoordinatorSummaryPage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const [params, setParams] = useSearchParams();
  const from = ISO_DATE.test(params.get('from') ?? '') ? params.get('from')! : undefined;
  const to = ISO_DATE.test(params.get('to') ?? '') ? params.get('to')! : undefined;
  const summary = useCoordinatorSummary(from, to);
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const items = summary.data?.items ?? [];
  const stages = MATCH_STAGES.filter((s) => items.some((i) => (i.byStage[s] ?? 0) > 0));
  const steps = PIPELINE_STEPS.filter((s) => items.some((i) => (i.stepsRecorded[s] ?? 0) > 0));

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/matches" size="sm">
        ← {t('matchingPipeline.summary.backToBoard')}
      </Anchor>
      <PageTitle
        title={t('matchingPipeline.summary.title')}
        subtitle={t('matchingPipeline.summary.subtitle')}
      />
      <Paper
        withBorder
        p="md"
        radius="md"
        component="form"
        role="search"
        onSubmit={(e) => e.preventDefault()}
      >
        <Group gap="md" align="flex-end">
          <TextInput
            type="date"
            label={t('matchingPipeline.summary.from')}
            value={from ?? ''}
            onChange={(e) => setParam('from', e.currentTarget.value)}
            w={180}
          />
          <TextInput
            type="date"
            label={t('matchingPipeline.summary.to')}
            value={to ?? ''}
            onChange={(e) => setParam('to', e.currentTarget.value)}
            w={180}
          />
        </Group>
      </Paper>
      {summary.error ? <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} /> : null}
      {summary.isPending ? <LoadingState /> : null}
      {summary.data ? (
        items.length === 0 ? (
          <Text c="dimmed">{t('matchingPipeline.summary.empty')}</Text>
        ) : (
          <Stack gap="md">
            <CoordinatorChart summary={summary.data} />
            <Table.ScrollContainer minWidth={720} scrollAreaProps={scrollRegion()}>
              <Table withTableBorder striped fz="sm" data-testid="coordinator-stage-table">
                <Table.Caption>{t('matchingPipeline.summary.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('matchingPipeline.summary.coordinator')}</Table.Th>
                    {stages.map((s) => (
                      <Table.Th scope="col" key={s} className="kcp-num">
                        {t(`matchingPipeline.stage.${s}`)}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col" className="kcp-num">
                      {t('common.total')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((i) => (
                    <Table.Tr key={i.accountId}>
                      <Table.Th scope="row">{i.displayName}</Table.Th>
                      {stages.map((s) => (
                        <Table.Td key={s} className="kcp-num">
                          {f.count(i.byStage[s] ?? 0)}
                        </Table.Td>
                      ))}
                      <Table.Td className="kcp-num" fw={600}>
                        {f.count(Object.values(i.byStage).reduce((a, b) => a + b, 0))}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Table.ScrollContainer minWidth={960} scrollAreaProps={scrollRegion()}>
              <Table withTableBorder striped fz="sm" data-testid="coordinator-activity-table">
                <Table.Caption>{t('matchingPipeline.summary.activityCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('matchingPipeline.summary.coordinator')}</Table.Th>
                    <Table.Th scope="col" className="kcp-num">
                      {t('matchingPipeline.summary.proposed')}
                    </Table.Th>
                    <Table.Th scope="col" className="kcp-num">
                      {t('matchingPipeline.summary.bothInterested')}
                    </Table.Th>
                    <Table.Th scope="col" className="kcp-num">
                      {t('matchingPipeline.summary.declined')}
                    </Table.Th>
                    <Table.Th scope="col">{t('matchingPipeline.summary.stepsRecorded')}</Table.Th>
                    <Table.Th scope="col" className="kcp-num">
                      {t('matchingPipeline.summary.jointResearchYen')}
                    </Table.Th>
                    <Table.Th scope="col" className="kcp-num">
                      {t('matchingPipeline.summary.salesYen')}
                    </Table.Th>
                    <Table.Th scope="col">{t('matchingPipeline.summary.lastActivity')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((i) => (
                    <Table.Tr key={i.accountId} data-testid="coordinator-row">
                      <Table.Th scope="row">{i.displayName}</Table.Th>
                      <Table.Td className="kcp-num">{f.count(i.proposed)}</Table.Td>
                      <Table.Td className="kcp-num">{f.count(i.bothInterested)}</Table.Td>
                      <Table.Td className="kcp-num">{f.count(i.declined)}</Table.Td>
                      <Table.Td>
                        {steps
                          .filter((s) => (i.stepsRecorded[s] ?? 0) > 0)
                          .map(
                            (s) => `${t(`matchingPipeline.stage.${s}`)} ${f.count(i.stepsRecorded[s] ?? 0)}`,
                          )
                          .join(t('common.listSeparator')) || '—'}
                      </Table.Td>
                      <Table.Td className="kcp-num">
                        <YenAmount yen={i.jointResearchYen} unit="compact" />
                      </Table.Td>
                      <Table.Td className="kcp-num">
                        <YenAmount yen={i.salesYen} unit="compact" />
                      </Table.Td>
                      <Table.Td>{i.lastActivityAt ? f.dateTime(i.lastActivityAt) : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )
      ) : null}
    </Stack>
  );
}
