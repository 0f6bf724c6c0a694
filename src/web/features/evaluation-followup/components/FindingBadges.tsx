import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  FINDING_TAG_LABELS,
  FOLLOW_UP_STATUSES,
  type FindingTag,
  type FollowUpStatus,
} from '../../../../contracts/evaluation-findings';
import { useLocale } from '../../../lib/format';

/** One colour per follow-up status, shared by the badges and the summary chart. */
export const FOLLOW_UP_COLORS: Record<FollowUpStatus, { badge: string; chart: string }> = {
  open: { badge: 'red', chart: '#c92a2a' },
  responded: { badge: 'yellow', chart: '#e8a317' },
  in_progress: { badge: 'blue', chart: '#1c7ed6' },
  resolved: { badge: 'teal', chart: '#2b8a3e' },
};

const TAG_COLORS: Record<FindingTag, string> = {
  business_course: 'indigo',
  ip_strategy: 'grape',
  market_needs_targets: 'cyan',
  global_activity: 'teal',
  talent: 'orange',
  regulation: 'red',
  other: 'gray',
};

/** The tag's label in the reader's language (the contract carries both). */
export function useTagLabel(): (tag: FindingTag) => string {
  const locale = useLocale();
  return (tag) => FINDING_TAG_LABELS[tag][locale];
}

export function FindingTagBadge({ tag }: { tag: FindingTag }) {
  const label = useTagLabel();
  return (
    <Badge color={TAG_COLORS[tag]} variant="light" style={{ textTransform: 'none' }} maw="100%">
      {label(tag)}
    </Badge>
  );
}

/**
 * The follow-up as a stepper: open → responded → in progress → resolved, the steps reached filled,
 * the current one marked for assistive technology.
 */
export function FollowUpSteps({ status }: { status: FollowUpStatus }) {
  const { t } = useTranslation();
  const reached = FOLLOW_UP_STATUSES.indexOf(status);
  return (
    <Group
      component="ol"
      gap={4}
      wrap="wrap"
      aria-label={t('evaluationFollowup.followUp.label')}
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {FOLLOW_UP_STATUSES.map((s, i) => (
        <li key={s} aria-current={i === reached ? 'step' : undefined}>
          <Badge
            size="sm"
            color={i <= reached ? FOLLOW_UP_COLORS[status].badge : 'gray'}
            variant={i === reached ? 'filled' : i < reached ? 'light' : 'outline'}
          >
            {i < reached ? '✓ ' : ''}
            {t(`evaluationFollowup.followUp.${s}`)}
          </Badge>
          {i < FOLLOW_UP_STATUSES.length - 1 ? (
            <span aria-hidden="true" style={{ marginLeft: 4, color: 'var(--mantine-color-dimmed)' }}>
              →
            </span>
          ) : null}
        </li>
      ))}
    </Group>
  );
}
