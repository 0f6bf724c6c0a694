import { Button, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MINUTES_LENGTH, type Interview } from '../../../../contracts/evaluation-interviews';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';
import { isApiError } from '../../../lib/api-client';
import { formatCount, useFormatters, useLocalize } from '../../../lib/format';
import { useValidationMessage } from '../../../lib/use-validation-message';
import { useUpdateInterview } from '../api/interviews-api';
import { ActionError } from './ActionError';
import { ConflictAlert } from './ConflictAlert';

interface MinutesModalProps {
  round: RoundDetail;
  interview: Interview;
  onClose: () => void;
  onReload: () => void;
}

/** The interview's minutes, one text per criterion item (items left blank have none). */
export function MinutesModal({ round, interview, onClose, onReload }: MinutesModalProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const validationMessage = useValidationMessage();
  const update = useUpdateInterview(round.key);
  const [minutes, setMinutes] = useState<Record<string, string>>(interview.minutes ?? {});
  const conflict = isApiError(update.error) && update.error.code === 'VERSION_CONFLICT';
  const itemError = (key: string) =>
    isApiError(update.error)
      ? validationMessage(update.error.fieldErrors.find((e) => e.field === `body.minutes.${key}`)?.message)
      : undefined;
  const hasFieldErrors = isApiError(update.error) && update.error.fieldErrors.length > 0;

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('evaluationSelf.interviews.minutesTitle', {
        cluster: localize(interview.cluster.name),
        date: f.dateTime(interview.heldAt),
      })}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('evaluationSelf.interviews.minutesHint')}
        </Text>
        {round.criteria.map((group) => (
          <Stack gap="xs" key={group.key}>
            <Title order={3} size="h5">
              {localize(group.label)}
            </Title>
            {group.items.map((item) => {
              const text = minutes[item.key] ?? '';
              return (
                <div key={item.key}>
                  <Textarea
                    label={localize(item.label)}
                    value={text}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setMinutes((old) => ({ ...old, [item.key]: value }));
                    }}
                    autosize
                    minRows={2}
                    maxRows={16}
                    error={itemError(item.key)}
                  />
                  <Text size="xs" c={text.length > MAX_MINUTES_LENGTH ? 'red.8' : 'dimmed'} ta="right">
                    {t('evaluationSelf.item.characters', {
                      length: formatCount(text.length),
                      max: formatCount(MAX_MINUTES_LENGTH),
                    })}
                  </Text>
                </div>
              );
            })}
          </Stack>
        ))}
        {conflict ? (
          <ConflictAlert
            message={t('evaluationSelf.conflict.minutes')}
            onReload={() => {
              onReload();
              onClose();
            }}
          />
        ) : update.isError && !hasFieldErrors ? (
          <ActionError error={update.error} />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={update.isPending}
            onClick={() =>
              update.mutate(
                { id: interview.id, body: { version: interview.version, minutes } },
                { onSuccess: onClose },
              )
            }
          >
            {t('evaluationSelf.interviews.saveMinutes')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
