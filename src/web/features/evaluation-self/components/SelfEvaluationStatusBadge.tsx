import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SelfEvaluationStatus } from '../../../../contracts/evaluation-self-evaluations';

const COLOR: Record<SelfEvaluationStatus, string> = {
  not_started: 'gray',
  draft: 'yellow',
  submitted: 'green',
};

export function SelfEvaluationStatusBadge({ status }: { status: SelfEvaluationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light">
      {t(`evaluationSelf.status.${status}`)}
    </Badge>
  );
}
