import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Finding } from '../../../../contracts/evaluation-findings';
import { useFormatters, useLocalize } from '../../../lib/format';
import { roundPath } from '../../../lib/rounds';
import { FindingTagBadge, FollowUpSteps } from './FindingBadges';

interface FindingItemProps {
  finding: Finding;
  onEdit: (finding: Finding) => void;
  onRespond: (finding: Finding) => void;
}

/** One finding: its tag, what the round found, headquarters' response, the follow-up and where it is checked again. */
export function FindingItem({ finding, onEdit, onRespond }: FindingItemProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const next = finding.followUpRound;
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      component="article"
      aria-label={t('evaluationFollowup.finding.label', { id: finding.id })}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <FindingTagBadge tag={finding.tag} />
          <FollowUpSteps status={finding.followUpStatus} />
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {localize(finding.text)}
        </Text>
        <Stack gap={2} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
          <Text size="xs" fw={600} c="dimmed">
            {finding.respondedAt
              ? t('evaluationFollowup.finding.respondedAt', { at: f.dateTime(finding.respondedAt) })
              : t('evaluationFollowup.finding.response')}
          </Text>
          {finding.response ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {finding.response}
            </Text>
          ) : (
            <Text size="sm" c="dimmed" fs="italic">
              {t('evaluationFollowup.finding.noResponse')}
            </Text>
          )}
        </Stack>
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            {next ? (
              <>
                {t('evaluationFollowup.finding.checkedAgainIn')}{' '}
                <Anchor component={Link} to={`${roundPath(next.key)}/findings`} size="xs">
                  {localize(next.title)} ({f.fy(next.fiscalYear)})
                </Anchor>
              </>
            ) : (
              t('evaluationFollowup.finding.noFollowUpRound')
            )}
            {' · '}
            {t('evaluationFollowup.finding.recordedAt', { at: f.dateTime(finding.createdAt) })}
          </Text>
          <Group gap="xs">
            {finding.canRespond ? (
              <Button size="compact-sm" variant="light" onClick={() => onRespond(finding)}>
                {finding.response
                  ? t('evaluationFollowup.respond.update')
                  : t('evaluationFollowup.respond.open')}
              </Button>
            ) : null}
            {finding.canEdit ? (
              <Button size="compact-sm" variant="default" onClick={() => onEdit(finding)}>
                {t('common.edit')}
              </Button>
            ) : null}
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
