import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { keyFieldColor } from '../../../lib/chart-colors';
import { useCodeLabel } from '../../../lib/labels';

export function KeyFieldBadge({ keyField }: { keyField: string }) {
  const label = useCodeLabel();
  return (
    <Badge variant="outline" color={keyFieldColor(keyField)} radius="sm" style={{ textTransform: 'none' }}>
      {label('keyField', keyField)}
    </Badge>
  );
}

const STATUS_COLORS: Record<string, string> = {
  trial: 'amber',
  full: 'navy',
  ended: 'gray',
  withdrawn: 'red',
};

export function StatusBadge({ status }: { status: string }) {
  const label = useCodeLabel();
  return (
    <Badge
      variant="light"
      color={STATUS_COLORS[status] ?? 'gray'}
      radius="sm"
      style={{ textTransform: 'none' }}
    >
      {label('clusterStatus', status)}
    </Badge>
  );
}

export function UnpublishedBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color="gray" radius="sm" style={{ textTransform: 'none' }}>
      {t('clusters.unpublished')}
    </Badge>
  );
}
