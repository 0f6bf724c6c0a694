import {
  Alert,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Modal,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RoundScoresResponse } from '../../../../contracts/evaluation-results';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';
import { useErrorMessage } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api-client';
import { apiFieldErrors } from '../../../lib/form-errors';
import { useFormatters } from '../../../lib/format';
import { roundPath } from '../../../lib/rounds';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { usePublishRound } from '../api/evaluation-results-api';
import { daysBetween, todayInJapan } from './announcement-day';

/** Problems publishing can meet, each explained in the officer's words. */
const EXPLAINED = ['WRONG_PHASE', 'WEIGHTS_NOT_LOCKED', 'VERSION_CONFLICT', 'DUPLICATE'] as const;

function AnnouncementNote({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const f = useFormatters();
  if (!round.announceOn)
    return (
      <Alert color="orange" variant="light">
        {t('evaluationResults.publish.noDate')}{' '}
        <Anchor component={Link} to={roundPath(round.key)} size="sm">
          {t('evaluationResults.publish.setDate')}
        </Anchor>
      </Alert>
    );
  const days = daysBetween(todayInJapan(), round.announceOn);
  const date = f.date(round.announceOn);
  if (days > 0)
    return (
      <Alert color="orange" variant="light">
        {t('evaluationResults.publish.early', { date, count: days })}
      </Alert>
    );
  return (
    <Alert color={days === 0 ? 'teal' : 'gray'} variant="light">
      {days === 0
        ? t('evaluationResults.publish.today', { date })
        : t('evaluationResults.publish.late', { date })}
    </Alert>
  );
}

/**
 * Publication of a scored round (officers): what will be published and when the round said it
 * would be announced, the gradings still outstanding (publishing them incomplete needs a reason),
 * then a confirmation. The server stamps the publication with the moment it happens and writes a
 * snapshot per cluster, once.
 */
export function PublishPanel({ scores, round }: { scores: RoundScoresResponse; round: RoundDetail }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const message = useErrorMessage();
  const publish = usePublishRound(round.key);
  const [confirming, setConfirming] = useState(false);
  const [allowIncomplete, setAllowIncomplete] = useState(false);
  const [reason, setReason] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const fieldErrors = { ...apiFieldErrors(publish.error), ...localErrors };
  const error = useFieldErrors(fieldErrors);

  if (round.publishedAt !== null)
    return (
      <Alert color="teal" title={t('evaluationResults.publish.publishedTitle')}>
        <Stack gap={4}>
          <Text size="sm">
            {t('evaluationResults.publish.published', { at: f.dateTime(round.publishedAt) })}
            {round.announceOn
              ? ` ${t('evaluationResults.publish.announceOn', { date: f.date(round.announceOn) })}`
              : ''}
          </Text>
          <Anchor component={Link} to={`/evaluations/${encodeURIComponent(round.key)}`} size="sm">
            {t('evaluationResults.publish.publicPage')}
          </Anchor>
        </Stack>
      </Alert>
    );
  if (round.status !== 'scoring')
    return (
      <Alert color="gray">
        {t('evaluationResults.publish.notScoring', { status: t(`roundStatus.${round.status}`) })}
      </Alert>
    );

  const code = isApiError(publish.error) ? publish.error.code : null;
  const explained = code !== null && (EXPLAINED as readonly string[]).includes(code);
  const withoutComment = scores.clusters.filter((c) => c.comment === null).length;

  const open = () => {
    if (!scores.complete && allowIncomplete && reason.trim() === '') {
      setLocalErrors({ 'body.reason': t('evaluationResults.publish.reasonRequired') });
      return;
    }
    setLocalErrors({});
    publish.reset();
    setConfirming(true);
  };

  const send = () =>
    publish.mutate(
      {
        version: round.version,
        ...(allowIncomplete && !scores.complete ? { allowIncomplete: true, reason: reason.trim() } : {}),
      },
      { onSuccess: () => setConfirming(false) },
    );

  const problem = publish.error ? (
    <Alert color="red" role="alert" title={t('evaluationResults.publish.failed')}>
      {explained
        ? t(`evaluationResults.publish.problems.${code as (typeof EXPLAINED)[number]}`)
        : message(publish.error)}
    </Alert>
  ) : null;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="publish-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="publish-heading">
          {t('evaluationResults.publish.title')}
        </Title>
        <Text size="sm">{t('evaluationResults.publish.explain')}</Text>
        <AnnouncementNote round={round} />
        <List size="sm" spacing={2}>
          <List.Item>{t('evaluationResults.publish.clusters', { count: scores.clusters.length })}</List.Item>
          <List.Item>
            {t('evaluationResults.publish.weightSet', { version: scores.weightSet.version })}
          </List.Item>
          <List.Item>
            {withoutComment === 0
              ? t('evaluationResults.publish.allComments')
              : t('evaluationResults.publish.missingComments', { count: withoutComment })}
          </List.Item>
          <List.Item>
            {scores.complete
              ? t('evaluationResults.publish.complete')
              : t('evaluationResults.publish.incomplete', { count: scores.pendingAssignments })}
          </List.Item>
        </List>
        {!scores.complete ? (
          <Stack gap="xs">
            <Checkbox
              label={t('evaluationResults.publish.allowIncomplete')}
              checked={allowIncomplete}
              onChange={(e) => setAllowIncomplete(e.currentTarget.checked)}
              error={error('body.allowIncomplete')}
            />
            {allowIncomplete ? (
              <Textarea
                label={t('evaluationResults.publish.reason')}
                description={t('evaluationResults.publish.reasonHelp')}
                required
                autosize
                minRows={2}
                maxLength={2000}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={error('body.reason')}
              />
            ) : null}
          </Stack>
        ) : null}
        {!confirming ? problem : null}
        <Group>
          <Button color="teal" onClick={open} disabled={!scores.complete && !allowIncomplete}>
            {t('evaluationResults.publish.button')}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('evaluationResults.publish.confirmTitle')}
        size="lg"
      >
        <Stack gap="md">
          <Text size="sm">
            {t('evaluationResults.publish.confirm', {
              count: scores.clusters.length,
              version: scores.weightSet.version,
            })}
          </Text>
          <AnnouncementNote round={round} />
          {!scores.complete && allowIncomplete ? (
            <Text size="sm">
              {t('evaluationResults.publish.confirmIncomplete', {
                count: scores.pendingAssignments,
                reason: reason.trim(),
              })}
            </Text>
          ) : null}
          {problem}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={publish.isPending}>
              {t('common.cancel')}
            </Button>
            <Button color="teal" loading={publish.isPending} onClick={send}>
              {t('evaluationResults.publish.confirmButton')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
