import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MatchStage } from '../../../../contracts/matches';
import { useLocalize } from '../../../lib/format';

/** Dark enough for 4.5:1 as outline text on white (axe), and distinct in the chart. */
export const STAGE_COLORS: Record<MatchStage, string> = {
  proposed: '#6b7079',
  introduction: '#1f5fa6',
  meeting: '#23679f',
  confidentiality_agreement: '#7a4f9a',
  joint_research: '#1f7a74',
  patent: '#8a5200',
  product: '#2b7a4b',
  sales: '#1b4f8a',
  declined: '#a33a3a',
  closed: '#495057',
};

export function StageBadge({ stage }: { stage: MatchStage }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={STAGE_COLORS[stage]} radius="sm" style={{ textTransform: 'none' }}>
      {t(`matchingPipeline.stage.${stage}`)}
    </Badge>
  );
}

/** A listing title in the reader's language, falling back to the other. */
export function useListingTitle(): (title: { ja: string | null; en: string | null }) => string {
  const localize = useLocalize();
  return (title) => localize({ ja: title.ja ?? '', en: title.en ?? '' });
}

/** Scores as the coordinators read them: two decimals, no trailing zeros. */
export function formatScore(score: number): string {
  return String(Math.round(score * 100) / 100);
}
