import { Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface RankProps {
  rank: number | null;
  /** Names of the other clusters holding the same rank (empty when the rank is not shared). */
  tiedWith: readonly string[];
}

/** A rank as the rules give it (equal totals share it: 1, 2, 2, 4), saying when it is shared. */
export function Rank({ rank, tiedWith }: RankProps) {
  const { t } = useTranslation();
  if (rank === null) return <span>—</span>;
  if (tiedWith.length === 0) return <strong>{rank}</strong>;
  return (
    <Tooltip
      label={t('evaluationResults.rank.tiedWith', { names: tiedWith.join(t('common.listSeparator')) })}
      multiline
      w={280}
    >
      <span>
        <strong>{rank}</strong>
        <Text span size="xs" c="dimmed" display="block">
          {t('evaluationResults.rank.tied')}
        </Text>
      </span>
    </Tooltip>
  );
}
