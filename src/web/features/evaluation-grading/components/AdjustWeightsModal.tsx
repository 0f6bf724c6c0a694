import { Button, Group, Modal, NumberInput, Radio, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeightSetView } from '../../../../contracts/evaluation-grading';
import type { AdjustmentMode } from '../../../../domain/evaluation';
import { apiFieldErrors, fieldMessage } from '../../../lib/form-errors';
import { useLocalize } from '../../../lib/format';
import { useAdjustWeights } from '../api/evaluation-grading-api';
import { GradingErrorAlert } from './GradingErrorAlert';
import { previewAdjusted } from './weight-math';

interface Props {
  roundKey: string;
  /** The latest version; the adjustment names it, so a newer one makes the server answer 409. */
  latest: WeightSetView;
  onClose: () => void;
  onReload: () => void;
}

/**
 * The chair's adjustment of the latest version: new figures for some items, how the rest follows,
 * and a reason that every reader of the results will see; the new version previews live.
 */
export function AdjustWeightsModal({ roundKey, latest, onClose, onReload }: Props) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const adjust = useAdjustWeights(roundKey);
  const [values, setValues] = useState<Record<string, number | undefined>>(() =>
    Object.fromEntries(latest.weights.map((w) => [w.item, Number(w.shown)])),
  );
  const [mode, setMode] = useState<AdjustmentMode>('scale_all');
  const [reason, setReason] = useState('');
  const items = latest.weights.map((w) => w.item);
  // Only the figures the chair moved away from the shown ones are changes.
  const changes = Object.fromEntries(
    latest.weights
      .filter((w) => values[w.item] !== undefined && values[w.item] !== Number(w.shown))
      .map((w) => [w.item, values[w.item]!] as const),
  );
  const changed = Object.keys(changes).length;
  const current = Object.fromEntries(latest.weights.map((w) => [w.item, w.weight]));
  const preview = changed > 0 ? previewAdjusted(items, current, changes, mode) : null;
  const errors = apiFieldErrors(adjust.error);
  const submit = () =>
    adjust.mutate({ changes, reason, mode, fromVersion: latest.version }, { onSuccess: onClose });

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('evaluationGrading.adjust.title', { version: latest.version })}
      size="xl"
    >
      <Stack gap="sm">
        <Text size="sm">{t('evaluationGrading.adjust.intro')}</Text>
        <Radio.Group
          label={t('evaluationGrading.adjust.mode')}
          value={mode}
          onChange={(v) => setMode(v === 'keep_changed' ? 'keep_changed' : 'scale_all')}
        >
          <Stack gap={4} mt={4}>
            <Radio value="scale_all" label={t('evaluationGrading.adjust.modes.scale_all')} />
            <Radio value="keep_changed" label={t('evaluationGrading.adjust.modes.keep_changed')} />
          </Stack>
        </Radio.Group>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('evaluationGrading.item')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('evaluationGrading.adjust.current')}
              </Table.Th>
              <Table.Th scope="col" w={160}>
                {t('evaluationGrading.adjust.newFigure')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('evaluationGrading.adjust.result')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {latest.weights.map((w, i) => {
              const name = `${i + 1}. ${localize(w.label)}`;
              return (
                <Table.Tr key={w.item}>
                  <Table.Th scope="row" fw={400}>
                    {name}
                  </Table.Th>
                  <Table.Td ta="right">{w.shown}</Table.Td>
                  <Table.Td>
                    <NumberInput
                      value={values[w.item] ?? ''}
                      onChange={(v) =>
                        setValues((s) => ({ ...s, [w.item]: typeof v === 'number' ? v : undefined }))
                      }
                      min={0}
                      allowNegative={false}
                      decimalScale={3}
                      aria-label={t('evaluationGrading.adjust.newFigureOf', { item: name })}
                      error={fieldMessage(errors, `body.changes.${w.item}`)}
                    />
                  </Table.Td>
                  <Table.Td ta="right" fw={w.item in changes ? 700 : undefined}>
                    {preview?.get(w.item) ?? '—'}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        {changed > 0 && preview === null ? (
          <Text size="sm" c="orange">
            {t(`evaluationGrading.adjust.invalid.${mode}`)}
          </Text>
        ) : null}
        {errors['body.changes'] ? (
          <Text size="sm" c="red" role="alert">
            {errors['body.changes']}
          </Text>
        ) : null}
        <Textarea
          label={t('evaluationGrading.adjust.reason')}
          description={t('evaluationGrading.adjust.reasonHelp')}
          required
          autosize
          minRows={2}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldMessage(errors, 'body.reason')}
        />
        {adjust.isError ? <GradingErrorAlert error={adjust.error} onReload={onReload} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={submit}
            loading={adjust.isPending}
            disabled={changed === 0 || reason.trim() === ''}
          >
            {t('evaluationGrading.adjust.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
