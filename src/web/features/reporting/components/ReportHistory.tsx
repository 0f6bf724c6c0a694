import { Anchor, Badge, Group, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OutcomeReport } from '../../../../contracts/reports';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { useFormatters } from '../../../lib/format';
import { useReportVersions } from '../api/reports-api';
import { ReportStatusBadge } from './ReportBadges';

const ACTION_COLORS: Record<OutcomeReport['events'][number]['action'], string> = {
  created: 'gray',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'green',
  corrected: 'violet',
};

/** Every version of this cluster-year's report, oldest first; each stays readable. */
export function VersionHistory({ report }: { report: OutcomeReport }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const versions = useReportVersions(report.id);
  if (versions.isPending) return <LoadingState />;
  if (versions.error) return <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />;
  const list = [...versions.data].sort((a, b) => a.reportVersion - b.reportVersion);
  return (
    <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {list.map((v) => {
        const current = v.id === report.id;
        return (
          <Group key={v.id} component="li" gap="xs" justify="space-between" wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              {current ? (
                <Text fw={700} size="sm" aria-current="page">
                  {t('reporting.header.versionN', { n: v.reportVersion })}
                </Text>
              ) : (
                <Anchor component={Link} to={`/reports/${v.id}`} size="sm">
                  {t('reporting.header.versionN', { n: v.reportVersion })}
                </Anchor>
              )}
              <ReportStatusBadge status={v.status} />
              {current ? (
                <Badge size="xs" variant="outline" style={{ textTransform: 'none' }}>
                  {t('reporting.history.viewing')}
                </Badge>
              ) : null}
            </Group>
            <Text size="xs" c="dimmed" className="kcp-nowrap">
              {f.dateTime(v.acceptedAt ?? v.submittedAt ?? v.updatedAt)}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}

/** What happened to this version and who said what: submissions, returns with comments, acceptance. */
export function EventTimeline({ report }: { report: OutcomeReport }) {
  const { t } = useTranslation();
  const f = useFormatters();
  if (report.events.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('reporting.history.noEvents')}
      </Text>
    );
  return (
    <Timeline active={report.events.length - 1} bulletSize={14} lineWidth={2}>
      {report.events.map((event, index) => (
        <Timeline.Item
          key={index}
          color={ACTION_COLORS[event.action]}
          title={
            <Text size="sm" fw={600}>
              {t(`reporting.history.actions.${event.action}`)}
            </Text>
          }
        >
          <Text size="xs" c="dimmed">
            {f.dateTime(event.at)}
            {event.by ? ` · ${event.by}` : ''}
          </Text>
          {event.comment ? (
            <Text size="sm" mt={4} p="xs" bg="gray.0" style={{ borderRadius: 4, whiteSpace: 'pre-wrap' }}>
              {event.comment}
            </Text>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
