import { Group, NumberInput, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CallCriteria } from '../../../../contracts/selection-common';
import { useLocalize } from '../../../lib/format';

interface CriteriaEditorProps {
  value: CallCriteria;
  onChange: (value: CallCriteria) => void;
  scale: { min: number; max: number };
  disabled?: boolean;
}

/** The criteria tree: per item a weight and an optional minimum mean score (threshold). */
export function CriteriaEditor({ value, onChange, scale, disabled }: CriteriaEditorProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const totalWeight = value.flatMap((g) => g.items).reduce((s, i) => s + i.weight, 0);
  const setItem = (gi: number, ii: number, patch: Partial<CallCriteria[number]['items'][number]>) =>
    onChange(
      value.map((g, x) =>
        x !== gi ? g : { ...g, items: g.items.map((item, y) => (y !== ii ? item : { ...item, ...patch })) },
      ),
    );
  return (
    <Stack gap="sm">
      {value.map((group, gi) => (
        <Paper key={group.key} withBorder p="sm">
          <Text fw={600} mb="xs">
            {localize(group.label)}
          </Text>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('selectionCalls.criteria.item')}</Table.Th>
                <Table.Th w={120}>{t('selectionCalls.criteria.weight')}</Table.Th>
                <Table.Th w={120}>{t('selectionCalls.criteria.share')}</Table.Th>
                <Table.Th w={140}>{t('selectionCalls.criteria.threshold')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {group.items.map((item, ii) => (
                <Table.Tr key={item.key}>
                  <Table.Td>{localize(item.label)}</Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('selectionCalls.criteria.weightOf', { item: localize(item.label) })}
                      value={item.weight}
                      min={0}
                      step={0.5}
                      disabled={disabled}
                      onChange={(v) => setItem(gi, ii, { weight: typeof v === 'number' ? v : 0 })}
                    />
                  </Table.Td>
                  <Table.Td>
                    {totalWeight > 0 ? `${((item.weight / totalWeight) * 100).toFixed(1)}%` : '—'}
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={t('selectionCalls.criteria.thresholdOf', { item: localize(item.label) })}
                      value={item.threshold ?? ''}
                      min={scale.min}
                      max={scale.max}
                      step={0.5}
                      placeholder={t('selectionCalls.criteria.none')}
                      disabled={disabled}
                      onChange={(v) => setItem(gi, ii, { threshold: typeof v === 'number' ? v : null })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
      <Group>
        <Text size="sm" c="dimmed">
          {t('selectionCalls.criteria.formula')}
        </Text>
      </Group>
    </Stack>
  );
}
