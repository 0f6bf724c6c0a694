import { Badge, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundItem } from '../../../../contracts/evaluation-rounds';
import {
  MAX_NARRATIVE_LENGTH,
  type SelfEvaluationAttachment,
} from '../../../../contracts/evaluation-self-evaluations';
import { formatCount, useLocalize } from '../../../lib/format';
import { narrativeDomId } from './criteria-items';
import { ReportAttachments } from './ReportAttachments';

interface NarrativeItemProps {
  item: RoundItem;
  text: string;
  /** Headquarters while the report is an editable draft; everyone else reads. */
  editable: boolean;
  onChange: (itemKey: string, text: string) => void;
  /** The server's message for this item (too long, required before submission…). */
  error?: string | undefined;
  roundKey: string;
  clusterKey: string;
  /** The item's files (a stable array, so typing in another item does not re-render this one). */
  attachments: SelfEvaluationAttachment[];
}

/**
 * One criterion item: its aspects as hints, the narrative (written or read) and its files. Memoised:
 * a keystroke re-renders only the item typed in, which matters with eight 20,000-character texts.
 */
export const NarrativeItem = memo(function NarrativeItem(props: NarrativeItemProps) {
  const { item, text, editable, onChange, error, roundKey, clusterKey, attachments } = props;
  const { t } = useTranslation();
  const localize = useLocalize();
  const label = localize(item.label);
  const written = text.trim() !== '';
  const over = text.length > MAX_NARRATIVE_LENGTH;
  const domId = narrativeDomId(item.key);
  return (
    <Stack gap={6} id={domId} style={{ scrollMarginTop: 80 }}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Title order={4} size="h5">
          {label}
        </Title>
        <Badge size="sm" variant="outline" color={written ? 'green' : 'gray'}>
          {written ? t('evaluationSelf.item.written') : t('evaluationSelf.item.notWritten')}
        </Badge>
      </Group>
      {item.aspects.length > 0 ? (
        <div>
          <Text size="xs" c="dimmed" id={`${domId}-aspects`}>
            {t('evaluationSelf.item.aspects')}
          </Text>
          <List size="sm" c="dimmed" aria-labelledby={`${domId}-aspects`}>
            {item.aspects.map((aspect, i) => (
              <List.Item key={i}>{localize(aspect)}</List.Item>
            ))}
          </List>
        </div>
      ) : null}
      {editable ? (
        <>
          <Textarea
            aria-label={t('evaluationSelf.item.narrativeFor', { label })}
            aria-describedby={`${domId}-count`}
            value={text}
            onChange={(e) => onChange(item.key, e.currentTarget.value)}
            autosize
            minRows={5}
            maxRows={30}
            error={error}
          />
          <Text size="xs" c={over ? 'red.8' : 'dimmed'} ta="right" id={`${domId}-count`}>
            {t('evaluationSelf.item.characters', {
              length: formatCount(text.length),
              max: formatCount(MAX_NARRATIVE_LENGTH),
            })}
            {over ? ` — ${t('evaluationSelf.item.tooLong')}` : ''}
          </Text>
        </>
      ) : written ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {text}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('evaluationSelf.item.noNarrative')}
        </Text>
      )}
      {!editable && error ? (
        <Text size="sm" c="red.8">
          {error}
        </Text>
      ) : null}
      <ReportAttachments
        roundKey={roundKey}
        clusterKey={clusterKey}
        itemKey={item.key}
        attachments={attachments}
        editable={editable}
        label={label}
      />
    </Stack>
  );
});
