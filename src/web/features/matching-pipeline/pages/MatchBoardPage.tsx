import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  ScrollArea,
  Select,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { MatchCard, MatchStage } from '../../../../contracts/matches';
import { MATCH_STAGES } from '../../../../domain/match-pipeline';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { useFormatters, useLocalize } from '../../../lib/format';
import { usePermission } from '../../../lib/session';
import { useMatchBoard, usePipelineCoordinators } from '../api/matches-api';
import { STAGE_COLORS, useListingTitle } from '../components/pipeline-labels';

const ENDED: readonly MatchStage[] = ['declined', 'closed'];

function Card({ card }: { card: MatchCard }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const title = useListingTitle();
  return (
    <Paper component="li" withBorder p="xs" radius="sm" data-testid="match-card">
      <Stack gap={2}>
        <Anchor component={Link} to={`/matches/${card.id}`} size="sm" fw={600}>
          {title(card.seed.title)} × {title(card.need.title)}
        </Anchor>
        <Text size="xs" c="dimmed">
          {localize(card.seed.cluster.name)}
          {' / '}
          {card.need.company
            ? localize(card.need.company.name)
            : t('matchingPipeline.match.confidentialCompany')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('matchingPipeline.board.proposedBy', {
            name: card.proposedBy.displayName,
            date: f.date(card.proposedAt),
          })}
        </Text>
        {card.lastStepOn ? (
          <Text size="xs">{t('matchingPipeline.board.lastStep', { date: f.date(card.lastStepOn) })}</Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** `/matches` — the pipeline board: a column per stage, a card per match; coordinators filter by coordinator. */
export function MatchBoardPage() {
  const { t } = useTranslation();
  const canCoordinate = usePermission('matching:coordinate');
  const [params, setParams] = useSearchParams();
  const coordinator = Number(params.get('coordinator')) || undefined;
  const showEnded = params.get('ended') === 'show';
  const board = useMatchBoard({ coordinator });
  const coordinators = usePipelineCoordinators(canCoordinate);

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const byStage = new Map((board.data?.columns ?? []).map((c) => [c.stage, c.items]));
  const stages = MATCH_STAGES.filter((s) => showEnded || !ENDED.includes(s));

  return (
    <Stack gap="lg">
      <PageTitle
        title={t('matchingPipeline.board.title')}
        subtitle={t('matchingPipeline.board.subtitle')}
        actions={
          canCoordinate ? (
            <Button component={Link} to="/matches/coordinators" variant="light">
              {t('matchingPipeline.board.summaryLink')}
            </Button>
          ) : null
        }
      />
      <Group gap="md" align="flex-end" wrap="wrap">
        {canCoordinate ? (
          <Select
            label={t('matchingPipeline.board.coordinator')}
            placeholder={t('matchingPipeline.board.allCoordinators')}
            clearable
            searchable
            data={(coordinators.data?.items ?? []).map((c) => ({
              value: String(c.accountId),
              label: c.displayName,
            }))}
            value={coordinator ? String(coordinator) : null}
            onChange={(v) => setParam('coordinator', v)}
            w={260}
          />
        ) : null}
        <Switch
          label={t('matchingPipeline.board.showEnded')}
          checked={showEnded}
          onChange={(e) => setParam('ended', e.currentTarget.checked ? 'show' : null)}
        />
        {board.data ? (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('matchingPipeline.board.total', { count: board.data.total })}
          </Text>
        ) : null}
      </Group>
      {board.error ? <ErrorAlert error={board.error} onRetry={() => void board.refetch()} /> : null}
      {board.isPending ? <LoadingState /> : null}
      {board.data ? (
        board.data.total === 0 ? (
          <Text c="dimmed">{t('matchingPipeline.board.empty')}</Text>
        ) : (
          <ScrollArea
            type="auto"
            offsetScrollbars
            viewportProps={{
              tabIndex: 0,
              role: 'region',
              'aria-label': t('matchingPipeline.board.boardLabel'),
            }}
          >
            <Group gap="sm" align="flex-start" wrap="nowrap" data-testid="match-board">
              {stages.map((stage) => {
                const items = byStage.get(stage) ?? [];
                return (
                  <Paper
                    key={stage}
                    component="section"
                    withBorder
                    p="xs"
                    radius="md"
                    w={240}
                    style={{ flex: '0 0 240px', borderTop: `4px solid ${STAGE_COLORS[stage]}` }}
                    aria-labelledby={`column-${stage}`}
                    data-testid={`match-column-${stage}`}
                  >
                    <Group justify="space-between" mb="xs" wrap="nowrap">
                      <Title order={2} size="h5" id={`column-${stage}`}>
                        {t(`matchingPipeline.stage.${stage}`)}
                      </Title>
                      <Badge variant="light" color="gray" radius="sm">
                        {items.length}
                      </Badge>
                    </Group>
                    {items.length === 0 ? (
                      <Text size="xs" c="dimmed">
                        {t('matchingPipeline.board.columnEmpty')}
                      </Text>
                    ) : (
                      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                        {items.map((card) => (
                          <Card key={card.id} card={card} />
                        ))}
                      </Stack>
                    )}
                  </Paper>
                );
              })}
            </Group>
          </ScrollArea>
        )
      ) : null}
    </Stack>
  );
}
