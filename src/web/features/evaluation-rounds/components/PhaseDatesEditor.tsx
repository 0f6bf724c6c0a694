import { Group, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoundPhase } from '../../../../contracts/evaluation-rounds';

interface Props {
  phases: RoundPhase[];
  onChange: (phases: RoundPhase[]) => void;
  errorOf: (field: string) => string | undefined;
}

/** From and to dates of each phase (inclusive, JST calendar days); the announcement is one day. */
export function PhaseDatesEditor({ phases, onChange, errorOf }: Props) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<RoundPhase>) =>
    onChange(
      phases.map((p, j) => {
        if (j !== i) return p;
        const next = { ...p, ...patch };
        return next.phase === 'announcement' ? { ...next, to: next.from } : next;
      }),
    );
  return (
    <Table withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('evaluationRounds.phases.phase')}</Table.Th>
          <Table.Th>{t('evaluationRounds.phases.from')}</Table.Th>
          <Table.Th>{t('evaluationRounds.phases.to')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {phases.map((p, i) => {
          const label = t(`evaluationRounds.phase.${p.phase}`);
          return (
            <Table.Tr key={p.phase}>
              <Table.Td>
                <Text size="sm">{label}</Text>
              </Table.Td>
              <Table.Td>
                <TextInput
                  type="date"
                  aria-label={`${label} ${t('evaluationRounds.phases.from')}`}
                  value={p.from}
                  onChange={(e) => set(i, { from: e.currentTarget.value })}
                  error={errorOf(`body.phases.${i}.from`) ?? errorOf(`body.phases.${i}`)}
                />
              </Table.Td>
              <Table.Td>
                {p.phase === 'announcement' ? (
                  <Group h={36}>
                    <Text size="sm" c="dimmed">
                      {t('evaluationRounds.phases.oneDay')}
                    </Text>
                  </Group>
                ) : (
                  <TextInput
                    type="date"
                    aria-label={`${label} ${t('evaluationRounds.phases.to')}`}
                    value={p.to}
                    onChange={(e) => set(i, { to: e.currentTarget.value })}
                    error={errorOf(`body.phases.${i}.to`)}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
