import { Alert, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallResults } from '../../../../contracts/selection-results';
import { useErrorMessage } from '../../../components/ErrorAlert';
import { useFormatters } from '../../../lib/format';
import { useApplySuggested, usePublish, useSetPublishOn } from '../api/selection-results-api';

/**
 * The decision step's call-wide actions: apply the suggested selection (ties at the cut-off are left
 * to the officer), set the announcement date and publish once every proposal is decided.
 */
export function PublishPanel({ results }: { results: CallResults }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const message = useErrorMessage();
  const key = results.call.key;
  const apply = useApplySuggested(key);
  const setDate = useSetPublishOn(key);
  const publish = usePublish(key);
  const [date, setDateValue] = useState(results.call.publishOn ?? '');
  const [reason, setReason] = useState('');

  if (results.call.status === 'published')
    return (
      <Alert color="teal" mb="md">
        {t('selectionResults.publish.published', {
          date: results.call.publishOn ? f.date(results.call.publishOn) : '',
          at: results.call.publishedAt ? f.dateTime(results.call.publishedAt) : '',
        })}
      </Alert>
    );
  if (results.call.status !== 'decision')
    return (
      <Alert color="gray" mb="md">
        {t('selectionResults.publish.notYet')}
      </Alert>
    );
  const error = apply.error ?? setDate.error ?? publish.error;
  const tie = results.limits?.suggested.decisionNeeded;
  return (
    <Card withBorder mb="md" padding="md">
      <Stack gap="sm">
        {error ? (
          <Alert color="red" role="alert">
            {message(error)}
          </Alert>
        ) : null}
        {apply.data ? (
          <Alert color="teal">
            {t('selectionResults.apply.done', {
              applied: apply.data.applied.length,
              kept: apply.data.kept.length,
            })}
          </Alert>
        ) : null}
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('selectionResults.apply.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            placeholder={t('selectionResults.apply.reasonPlaceholder')}
            style={{ flex: '1 1 20rem' }}
          />
          <Button
            variant="light"
            loading={apply.isPending}
            disabled={(results.limits?.suggested.selected.length ?? 0) === 0}
            onClick={() =>
              apply.mutate({
                reason: reason.trim() || t('selectionResults.apply.reasonPlaceholder'),
                consolidatedComment: null,
              })
            }
          >
            {t('selectionResults.apply.button', { count: results.limits?.suggested.selected.length ?? 0 })}
          </Button>
        </Group>
        {tie ? (
          <Text size="sm" c="orange">
            {t('selectionResults.apply.tie', {
              rank: tie.rank,
              count: tie.proposalIds.length,
              slots: tie.slotsLeft,
            })}
          </Text>
        ) : null}
        <Group align="flex-end" gap="sm">
          <TextInput
            type="date"
            label={t('selectionResults.publish.date')}
            value={date}
            onChange={(e) => setDateValue(e.currentTarget.value)}
          />
          <Button
            variant="default"
            loading={setDate.isPending}
            disabled={date === ''}
            onClick={() => setDate.mutate(date)}
          >
            {t('selectionResults.publish.saveDate')}
          </Button>
          <Button
            color="teal"
            loading={publish.isPending}
            disabled={results.undecidedCount > 0 || (date === '' && !results.call.publishOn)}
            onClick={() => publish.mutate(date || null)}
          >
            {t('selectionResults.publish.button')}
          </Button>
        </Group>
        {results.undecidedCount > 0 ? (
          <Text size="sm" c="dimmed">
            {t('selectionResults.publish.undecided', { count: results.undecidedCount })}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}
