import { Badge, Group, Text } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposalStatus } from '../../../../contracts/selection-common';

const COLOR: Record<ProposalStatus, string> = { draft: 'gray', submitted: 'green', withdrawn: 'dark' };

export function ProposalStatusBadge({ status, reopened }: { status: ProposalStatus; reopened?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={COLOR[status]} variant="light">
        {t(`selectionProposals.status.${status}`)}
      </Badge>
      {reopened ? (
        <Badge color="orange" variant="outline">
          {t('selectionProposals.status.reopened')}
        </Badge>
      ) : null}
    </Group>
  );
}

/** Time left to the deadline (with grace), refreshed every minute. */
export function Countdown({ until }: { until: string }) {
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
        {t('selectionProposals.countdown.passed')}
      </Text>
    );
  const minutes = Math.floor(left / 60_000);
  return (
    <Text span c={left < 86_400_000 ? 'orange' : undefined} fw={600}>
      {t('selectionProposals.countdown.left', {
        days: Math.floor(minutes / 1440),
        hours: Math.floor((minutes % 1440) / 60),
        minutes: minutes % 60,
      })}
    </Text>
  );
}
