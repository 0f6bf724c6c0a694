import { Button, Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Match } from '../../../../contracts/matches';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { apiFieldErrors } from '../../../lib/form-errors';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { useAnswerMatch } from '../api/matches-api';

interface AnswerFormProps {
  match: Match;
  side: 'seed' | 'need';
  onDone?: () => void;
}

/** One side's answer: an expression of interest (offer / seek / next) or a decline with an optional reason. */
export function AnswerForm({ match, side, onDone }: AnswerFormProps) {
  const { t } = useTranslation();
  const answer = useAnswerMatch(match.id);
  const [choice, setChoice] = useState<'interested' | 'declined'>('interested');
  const [offer, setOffer] = useState('');
  const [seek, setSeek] = useState('');
  const [next, setNext] = useState('');
  const [reason, setReason] = useState('');
  const fieldError = useFieldErrors(apiFieldErrors(answer.error));
  const sideLabel = t(`matchingPipeline.side.${side}`);
  const incomplete = choice === 'interested' && [offer, seek, next].some((v) => v.trim() === '');
  const submit = () =>
    answer.mutate(
      choice === 'interested'
        ? { side, answer: 'interested', interest: { offer, seek, next }, version: match.version }
        : { side, answer: 'declined', ...(reason.trim() ? { reason } : {}), version: match.version },
      { onSuccess: () => onDone?.() },
    );
  const hasFieldErrors = Object.keys(apiFieldErrors(answer.error)).length > 0;
  return (
    <form
      noValidate
      aria-label={t('matchingPipeline.answer.formTitle', { side: sideLabel })}
      data-testid={`answer-form-${side}`}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <Radio.Group
          label={t('matchingPipeline.answer.choice')}
          value={choice}
          onChange={(v) => setChoice(v === 'declined' ? 'declined' : 'interested')}
          name={`answer-${side}`}
        >
          <Group gap="md" mt={4}>
            <Radio value="interested" label={t('matchingPipeline.answer.chooseInterested')} />
            <Radio value="declined" label={t('matchingPipeline.answer.chooseDeclined')} />
          </Group>
        </Radio.Group>
        {choice === 'interested' ? (
          <>
            <Text size="xs" c="dimmed">
              {t('matchingPipeline.answer.interestHint')}
            </Text>
            <Textarea
              label={t('matchingPipeline.answer.offer')}
              required
              autosize
              minRows={2}
              maxLength={2000}
              value={offer}
              onChange={(e) => setOffer(e.currentTarget.value)}
              error={fieldError('body.interest.offer')}
            />
            <Textarea
              label={t('matchingPipeline.answer.seek')}
              required
              autosize
              minRows={2}
              maxLength={2000}
              value={seek}
              onChange={(e) => setSeek(e.currentTarget.value)}
              error={fieldError('body.interest.seek')}
            />
            <Textarea
              label={t('matchingPipeline.answer.next')}
              required
              autosize
              minRows={2}
              maxLength={2000}
              value={next}
              onChange={(e) => setNext(e.currentTarget.value)}
              error={fieldError('body.interest.next')}
            />
          </>
        ) : (
          <Textarea
            label={t('matchingPipeline.answer.reason')}
            description={t('matchingPipeline.answer.reasonHint')}
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError('body.reason')}
          />
        )}
        {answer.error && !hasFieldErrors ? <ErrorAlert error={answer.error} /> : null}
        <Group justify="flex-end">
          {onDone ? (
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button
            type="submit"
            loading={answer.isPending}
            disabled={incomplete}
            color={choice === 'declined' ? 'red' : undefined}
          >
            {t('matchingPipeline.answer.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
