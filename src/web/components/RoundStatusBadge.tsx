import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoundStatus } from '../../contracts/evaluation-rounds';

const STATUS_COLOR: Record<RoundStatus, string> = {
  draft: 'gray',
  self_evaluation: 'cyan',
  weighting: 'violet',
  grading: 'blue',
  scoring: 'orange',
  published: 'teal',
  closed: 'dark',
};

export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {t(`roundStatus.${status}`)}
    </Badge>
  );
}
