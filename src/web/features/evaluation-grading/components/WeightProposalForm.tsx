import {
  Alert,
  Box,
  Button,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeightsResponse } from '../../../../contracts/evaluation-grading';
import { PRIMARY_CHART_COLOR } from '../../../lib/chart-colors';
import { apiFieldErrors, fieldMessage } from '../../../lib/form-errors';
import { useFormatters, useLocalize } from '../../../lib/format';
import { useProposeWeights } from '../api/evaluation-grading-api';
import { groupItems } from './criteria-items';
import { GradingErrorAlert } from './GradingErrorAlert';
import { previewNormalised } from './weight-math';
import { scrollRegion } from '../../../lib/scroll-region';

interface Props {
  roundKey: string;
  view: WeightsResponse;
}

/**
 * A weighting member's proposal: one figure per criterion item, out of 100; beside each its share
 * normalised to 100 and a bar. The server averages the figures as given, so a proposal that does
 * not add up to 100 is flagged with how much more or less it would count. Read-only once proposals
 * close (the weights are locked or the phase has passed).
 */
export function WeightProposalForm({ roundKey, view }: Props) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const propose = useProposeWeights(roundKey);
  const editable = view.canPropose;
  const [values, setValues] = useState<Record<string, number | undefined>>(() => ({ ...view.mine?.weights }));
  const itemKeys = view.items.map((i) => i.key);
  const preview = previewNormalised(itemKeys, values);
  const errors = apiFieldErrors(propose.error);
  const blank = itemKeys.filter((k) => values[k] === undefined).length;
  const total = itemKeys.reduce((s, k) => s + (values[k] ?? 0), 0);
  const save = () =>
    propose.mutate({
      weights: Object.fromEntries(
        itemKeys.filter((k) => values[k] !== undefined).map((k) => [k, values[k]!] as const),
      ),
    });

  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('evaluationGrading.proposal.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t(editable ? 'evaluationGrading.proposal.intro' : 'evaluationGrading.proposal.closed')}
      </Text>
      <Table.ScrollContainer minWidth={640} scrollAreaProps={scrollRegion()}>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('evaluationGrading.item')}</Table.Th>
              <Table.Th scope="col" w={170}>
                {t('evaluationGrading.proposal.yourWeight')}
              </Table.Th>
              <Table.Th scope="col" w={120} ta="right">
                {t('evaluationGrading.proposal.normalised')}
              </Table.Th>
              <Table.Th scope="col" w="30%">
                <VisuallyHidden>{t('evaluationGrading.proposal.bar')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          {groupItems(view.items).map((g) => (
            <Table.Tbody key={g.items[0]!.item.key}>
              <Table.Tr>
                <Table.Th scope="colgroup" colSpan={4} bg="var(--mantine-color-gray-0)">
                  {localize(g.label)}
                </Table.Th>
              </Table.Tr>
              {g.items.map(({ item, number }) => {
                const text = preview?.get(item.key) ?? null;
                const name = `${number}. ${localize(item.label)}`;
                return (
                  <Table.Tr key={item.key}>
                    <Table.Th scope="row" fw={400}>
                      {name}
                    </Table.Th>
                    <Table.Td>
                      {editable ? (
                        <NumberInput
                          value={values[item.key] ?? ''}
                          onChange={(v) =>
                            setValues((s) => ({ ...s, [item.key]: typeof v === 'number' ? v : undefined }))
                          }
                          min={0}
                          allowNegative={false}
                          decimalScale={3}
                          aria-label={t('evaluationGrading.proposal.weightOf', { item: name })}
                          error={fieldMessage(errors, `body.weights.${item.key}`)}
                        />
                      ) : (
                        (values[item.key] ?? '—')
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{values[item.key] === undefined ? '—' : (text ?? '—')}</Table.Td>
                    <Table.Td>
                      <Box
                        aria-hidden="true"
                        h={10}
                        w={`${text ? Number(text) : 0}%`}
                        bg={PRIMARY_CHART_COLOR}
                        style={{ borderRadius: 2 }}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          ))}
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('common.total')}</Table.Th>
              <Table.Td>{Number(total.toFixed(3))}</Table.Td>
              <Table.Td ta="right">{preview ? '100.0' : '—'}</Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {editable && blank > 0 ? (
        <Text size="sm" c="orange">
          {t('evaluationGrading.proposal.blank', { count: blank })}
        </Text>
      ) : null}
      {editable && preview !== null && Math.abs(total - 100) > 1e-9 ? (
        <Text size="sm" c="orange">
          {t('evaluationGrading.proposal.notHundred', {
            total: Number(total.toFixed(3)),
            ratio: (total / 100).toFixed(2),
          })}
        </Text>
      ) : null}
      {editable && blank < itemKeys.length && preview === null ? (
        <Text size="sm" c="orange">
          {t('evaluationGrading.proposal.allZero')}
        </Text>
      ) : null}
      {errors['body.weights'] ? (
        <Text size="sm" c="red" role="alert">
          {errors['body.weights']}
        </Text>
      ) : null}
      {propose.isError ? <GradingErrorAlert error={propose.error} /> : null}
      {propose.isSuccess ? (
        <Alert color="teal" role="status">
          {t('evaluationGrading.proposal.saved')}
        </Alert>
      ) : null}
      {editable ? (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {view.mine
              ? t('evaluationGrading.proposal.lastSaved', { at: f.dateTime(view.mine.updatedAt) })
              : t('evaluationGrading.proposal.notYet')}
          </Text>
          <Button onClick={save} loading={propose.isPending}>
            {t('evaluationGrading.proposal.save')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
