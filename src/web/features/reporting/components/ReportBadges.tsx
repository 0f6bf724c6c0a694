import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '../../../../contracts/reports';
import { useCodeLabel } from '../../../lib/labels';

const STATUS_COLORS: Record<ReportStatus | 'missing', string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'green',
  missing: 'gray',
};

/** A report's workflow status; `missing` when a cluster has not started its report. */
export function ReportStatusBadge({ status }: { status: ReportStatus | 'missing' }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  return (
    <Badge
      variant={status === 'missing' ? 'outline' : 'light'}
      color={STATUS_COLORS[status]}
      radius="sm"
      style={{ textTransform: 'none' }}
    >
      {status === 'missing' ? t('reporting.status.missing') : label('reportStatus', status)}
    </Badge>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color="red" radius="sm" style={{ textTransform: 'none' }}>
      {t('reporting.status.overdue')}
    </Badge>
  );
}
