import { Badge, Text } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallStatus } from '../../../../contracts/selection-common';

const STATUS_COLOR: Record<CallStatus, string> = {
  draft: 'gray',
  open: 'green',
  review: 'blue',
  decision: 'orange',
  published: 'teal',
  closed: 'dark',
};

export function CallStatusBadge({ status }: { status: CallStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {t(`selectionCalls.status.${status}`)}
    </Badge>
  );
}

/** Days, hours and minutes left until `until` (refreshed every minute), or "closed" after it. */
export function DeadlineCountdown({ until }: { until: string }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const interval = useInterval(() => setNow(Date.now()), 60_000);
  useEffect(() => {
    interval.start();
    return interval.stop;
  }, [interval]);
  const left = Date.parse(until) - now;
  if (left <= 0)
    return (
      <Text span c="red" fw={600}>
        {t('selectionCalls.countdown.passed')}
      </Text>
    );
  const minutes = Math.floor(left / 60_000);
  return (
    <Text span c={left < 86_400_000 ? 'orange' : undefined} fw={600}>
      {t('selectionCalls.countdown.left', {
        days: Math.floor(minutes / 1440),
        hours: Math.floor((minutes % 1440) / 60),
        minutes: minutes % 60,
      })}
    </Text>
  );
}
