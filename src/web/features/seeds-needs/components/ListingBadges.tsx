import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LicensingStatus, ListingStatus, SeedStage } from '../../../../contracts/seeds-needs';
import { addMonths } from '../../../../domain/listing-lifecycle';
import { keyFieldColor } from '../../../lib/chart-colors';
import { useFormatters } from '../../../lib/format';
import { useCodeLabel } from '../../../lib/labels';
import { todayInJapan } from './listing-scope';

const NO_CAPS = { textTransform: 'none' } as const;

const STATUS_COLORS: Record<ListingStatus, string> = {
  draft: 'gray',
  in_review: 'blue',
  returned: 'orange',
  published: 'teal',
  withdrawn: 'dark',
};

export function ListingStatusBadge({ status }: { status: ListingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} radius="sm" style={NO_CAPS}>
      {t(`seedsNeeds.status.${status}`)}
    </Badge>
  );
}

/** "Valid until …", orange in the last month, red once expired (a listing is valid through its expiry day). */
export function ExpiryBadge({ expiresOn, isExpired }: { expiresOn: string | null; isExpired: boolean }) {
  const { t } = useTranslation();
  const f = useFormatters();
  if (expiresOn === null) return null;
  const date = f.date(`${expiresOn}T00:00:00+09:00`);
  if (isExpired)
    return (
      <Badge variant="filled" color="red" radius="sm" style={NO_CAPS}>
        {t('seedsNeeds.expiry.expired', { date })}
      </Badge>
    );
  const soon = expiresOn <= addMonths(todayInJapan(), 1);
  return (
    <Badge variant="outline" color={soon ? 'orange' : 'gray'} radius="sm" style={NO_CAPS}>
      {t(soon ? 'seedsNeeds.expiry.soon' : 'seedsNeeds.expiry.validUntil', { date })}
    </Badge>
  );
}

export function StageBadge({ stage }: { stage: SeedStage }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color="indigo" radius="sm" style={NO_CAPS}>
      {t(`seedsNeeds.stage.${stage}`)}
    </Badge>
  );
}

export function LicensingBadge({ status }: { status: LicensingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" color={status === 'available' ? 'teal' : 'gray'} radius="sm" style={NO_CAPS}>
      {t(`seedsNeeds.licensing.${status}`)}
    </Badge>
  );
}

export function KeyFieldBadge({ keyField }: { keyField: string }) {
  const label = useCodeLabel();
  return (
    <Badge variant="outline" color={keyFieldColor(keyField)} radius="sm" style={NO_CAPS}>
      {label('keyField', keyField)}
    </Badge>
  );
}

export function ConfidentialBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color="grape" radius="sm" style={NO_CAPS}>
      {t('seedsNeeds.confidential.badge')}
    </Badge>
  );
}

/** Status (for readers who see more than the published), expiry. */
export function ReviewBadges({
  status,
  expiresOn,
  isExpired,
}: {
  status: ListingStatus;
  expiresOn: string | null;
  isExpired: boolean;
}) {
  return (
    <Group gap={4} wrap="wrap">
      <ListingStatusBadge status={status} />
      {status === 'published' || isExpired ? (
        <ExpiryBadge expiresOn={expiresOn} isExpired={isExpired} />
      ) : null}
    </Group>
  );
}
