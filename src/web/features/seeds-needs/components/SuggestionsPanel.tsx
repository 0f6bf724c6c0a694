import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Explanation, MatchStage } from '../../../../contracts/matches';
import { AccessErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { MatchExplanation } from './MatchExplanation';

export interface SuggestionView {
  key: number;
  rank: number;
  title: string;
  /** Link to the suggested listing. */
  to: string;
  /** Who offers or asks (cluster, company), badges. */
  meta: ReactNode;
  explanation: Explanation;
  matchId: number | null;
  /** Where that match stands on the board. */
  matchStage: MatchStage | null;
}

interface SuggestionsPanelProps {
  title: string;
  intro: string;
  /** 'matching-needs' or 'matching-seeds': the panel's test id. */
  testId: string;
  query: UseQueryResult<unknown>;
  items: SuggestionView[];
  /** Whether the listing itself is published and unexpired (only live listings are matched). */
  isLive: boolean;
  /** Coordinators propose; null hides the button. */
  onPropose: ((item: SuggestionView) => void) | null;
}

/** Ranked suggestions of the other side, each with its explanation and a way to propose or open the match. */
export function SuggestionsPanel({
  title,
  intro,
  testId,
  query,
  items,
  isLive,
  onPropose,
}: SuggestionsPanelProps) {
  const { t } = useTranslation();
  const best = items.reduce((m, i) => Math.max(m, i.explanation.score), 0);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={`${testId}-title`}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
        {!isLive ? (
          <Alert color="gray" variant="light">
            {t('seedsNeeds.matching.notLive')}
          </Alert>
        ) : null}
        {query.isPending ? (
          <LoadingState />
        ) : query.isError ? (
          <AccessErrorAlert error={query.error} messages={{}} onRetry={() => void query.refetch()} />
        ) : items.length === 0 ? (
          <Text size="sm">{t('seedsNeeds.matching.empty')}</Text>
        ) : (
          <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {items.map((item) => (
              <Paper
                key={item.key}
                component="li"
                withBorder
                p="sm"
                radius="sm"
                data-testid="suggestion"
                aria-labelledby={`${testId}-${item.key}`}
              >
                <Stack gap={6}>
                  <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
                    <Stack gap={2} style={{ flex: '1 1 20rem', minWidth: 0 }}>
                      <Group gap="xs" wrap="nowrap" align="baseline">
                        <Badge variant="filled" color="gray" radius="sm" style={{ flexShrink: 0 }}>
                          {t('seedsNeeds.matching.rank', { rank: item.rank })}
                        </Badge>
                        <Anchor component={Link} to={item.to} fw={600} id={`${testId}-${item.key}`}>
                          {item.title}
                        </Anchor>
                      </Group>
                      <Group gap={4} wrap="wrap">
                        {item.meta}
                      </Group>
                    </Stack>
                    {item.matchId !== null ? (
                      <Group gap="xs">
                        <Badge
                          variant="light"
                          color={
                            item.matchStage === 'declined' || item.matchStage === 'closed' ? 'gray' : 'teal'
                          }
                          radius="sm"
                          style={{ textTransform: 'none' }}
                        >
                          {t('seedsNeeds.matching.atStage', {
                            stage: t(`matchingPipeline.stage.${item.matchStage ?? 'proposed'}`),
                          })}
                        </Badge>
                        <Anchor component={Link} to={`/matches/${item.matchId}`} size="sm">
                          {t('seedsNeeds.matching.openMatch')}
                        </Anchor>
                      </Group>
                    ) : onPropose ? (
                      <Button
                        size="xs"
                        onClick={() => onPropose(item)}
                        aria-label={t('seedsNeeds.matching.proposeLabel', { title: item.title })}
                      >
                        {t('seedsNeeds.matching.propose')}
                      </Button>
                    ) : null}
                  </Group>
                  <MatchExplanation
                    explanation={item.explanation}
                    best={best}
                    idPrefix={`${testId}-${item.key}-why`}
                  />
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
