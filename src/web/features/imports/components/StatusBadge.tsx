import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportStatus } from '../../../../contracts/imports';

const COLORS: Record<ImportStatus, string> = {
  queued: 'gray',
  validating: 'blue',
  validated: 'teal',
  invalid: 'red',
  committing: 'blue',
  committed: 'green',
  failed: 'red',
  cancelled: 'gray',
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`imports.status.${status}`)}
    </Badge>
  );
}
