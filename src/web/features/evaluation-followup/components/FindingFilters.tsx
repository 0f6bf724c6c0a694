import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  FINDING_TAGS,
  FOLLOW_UP_STATUSES,
  type FindingTag,
  type FollowUpStatus,
} from '../../../../contracts/evaluation-findings';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';
import { useLocalize } from '../../../lib/format';
import { useTagLabel } from './FindingBadges';

export interface FindingFilter {
  tag: FindingTag | null;
  status: FollowUpStatus | null;
  cluster: string | null;
}

/** The filter in the page's address (?tag=…&status=…&cluster=…), so a filtered list can be shared. */
export function filterFromParams(params: URLSearchParams): FindingFilter {
  const tag = params.get('tag');
  const status = params.get('status');
  return {
    tag: (FINDING_TAGS as readonly string[]).includes(tag ?? '') ? (tag as FindingTag) : null,
    status: (FOLLOW_UP_STATUSES as readonly string[]).includes(status ?? '')
      ? (status as FollowUpStatus)
      : null,
    cluster: params.get('cluster') || null,
  };
}

export function filterToParams(filter: FindingFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.tag) params.set('tag', filter.tag);
  if (filter.status) params.set('status', filter.status);
  if (filter.cluster) params.set('cluster', filter.cluster);
  return params;
}

interface FindingFiltersProps {
  round: RoundDetail;
  filter: FindingFilter;
  onChange: (filter: FindingFilter) => void;
  /** Findings per follow-up status before the status filter, shown on its buttons. */
  statusCounts: Record<FollowUpStatus, number>;
  shown: number;
  total: number;
}

const ALL = 'all';

export function FindingFilters({ round, filter, onChange, statusCounts, shown, total }: FindingFiltersProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const tagLabel = useTagLabel();
  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('evaluationFollowup.filter.tag')}
          placeholder={t('common.all')}
          clearable
          data={FINDING_TAGS.map((value) => ({ value, label: tagLabel(value) }))}
          value={filter.tag}
          onChange={(v) => onChange({ ...filter, tag: v })}
          w={320}
        />
        <Select
          label={t('evaluationFollowup.filter.cluster')}
          placeholder={t('common.all')}
          clearable
          searchable
          data={round.clusters.map((c) => ({ value: c.key, label: localize(c.name) }))}
          value={filter.cluster}
          onChange={(v) => onChange({ ...filter, cluster: v })}
          w={260}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="finding-status-filter">
            {t('evaluationFollowup.filter.status')}
          </Text>
          <SegmentedControl
            aria-labelledby="finding-status-filter"
            value={filter.status ?? ALL}
            onChange={(v) => onChange({ ...filter, status: v === ALL ? null : v })}
            data={[
              { value: ALL, label: t('common.all') },
              ...FOLLOW_UP_STATUSES.map((s) => ({
                value: s,
                label: `${t(`evaluationFollowup.followUp.${s}`)} (${statusCounts[s]})`,
              })),
            ]}
          />
        </Stack>
      </Group>
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('evaluationFollowup.filter.showing', { shown, total })}
      </Text>
    </Stack>
  );
}
