import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { FiscalYear } from '../../../components/FiscalYear';
import { useFormatters, useLocalize } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useCreateReport, useMyReporting, type MyReportingItem } from '../api/reports-api';
import { OverdueBadge, ReportStatusBadge } from './ReportBadges';
import { isHeadquartersAccount } from './report-model';

/** Whole days from today (in Japan) to a yyyy-mm-dd date; negative once it has passed. */
function daysUntil(isoDate: string): number {
  const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
  return Math.round((Date.parse(`${isoDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Returned first, then what is due soonest; accepted reports last. */
function urgency(item: MyReportingItem): number {
  if (item.status === 'returned') return 0;
  if (item.overdue) return 1;
  if (item.status === 'accepted') return 4;
  if (item.status === 'submitted') return 3;
  return 2;
}

/** Each cluster-year a headquarters reports on: deadline, status, an officer's return comment, a way in. */
export function MyReportingList({ items }: { items: readonly MyReportingItem[] }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const navigate = useNavigate();
  const create = useCreateReport();
  const sorted = [...items].sort(
    (a, b) =>
      urgency(a) - urgency(b) ||
      (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') ||
      b.fiscalYear - a.fiscalYear,
  );
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {sorted.map((item) => {
        const days = item.dueOn ? daysUntil(item.dueOn) : null;
        const pending = item.status !== 'accepted' && item.status !== 'submitted';
        return (
          <Paper
            key={`${item.cluster.id}-${item.fiscalYear}`}
            component="li"
            withBorder
            p="sm"
            radius="md"
            style={
              item.overdue || item.status === 'returned'
                ? { borderColor: 'var(--mantine-color-orange-5)' }
                : undefined
            }
          >
            <Group justify="space-between" gap="sm" wrap="wrap" align="flex-start">
              <Stack gap={4} style={{ flex: '1 1 20rem', minWidth: 0 }}>
                <Group gap="xs" wrap="wrap">
                  <Text fw={700}>{localize(item.cluster.name)}</Text>
                  <Text size="sm">
                    <FiscalYear fy={item.fiscalYear} />
                  </Text>
                  <ReportStatusBadge status={item.status} />
                  {item.overdue ? <OverdueBadge /> : null}
                </Group>
                <Text size="sm" c={item.overdue ? 'red.8' : 'dimmed'}>
                  {item.dueOn
                    ? pending && days !== null && days >= 0
                      ? t('reporting.my.dueIn', { date: f.date(item.dueOn), count: days })
                      : t('reporting.my.due', { date: f.date(item.dueOn) })
                    : t('reporting.my.noDeadline')}
                </Text>
                {item.status === 'returned' && item.returnComment ? (
                  <Text size="sm" p="xs" bg="orange.0" style={{ borderRadius: 4, whiteSpace: 'pre-wrap' }}>
                    <Text span fw={600} size="sm">
                      {t('reporting.my.returnComment')}
                      {t('common.colon')}
                    </Text>
                    {item.returnComment}
                  </Text>
                ) : null}
              </Stack>
              {item.reportId !== null ? (
                <Button
                  component={Link}
                  to={`/reports/${item.reportId}`}
                  size="xs"
                  variant={pending ? 'filled' : 'light'}
                >
                  {pending ? t('reporting.my.continue') : t('reporting.my.open')}
                </Button>
              ) : (
                <Button
                  size="xs"
                  loading={
                    create.isPending &&
                    create.variables?.cluster === item.cluster.key &&
                    create.variables.fiscalYear === item.fiscalYear
                  }
                  onClick={() =>
                    create.mutate(
                      { cluster: item.cluster.key, fiscalYear: item.fiscalYear },
                      { onSuccess: (report) => void navigate(`/reports/${report.id}`) },
                    )
                  }
                >
                  {t('reporting.start.button')}
                </Button>
              )}
            </Group>
          </Paper>
        );
      })}
      {create.error ? (
        <Text size="sm" c="red.8" role="alert">
          {t('reporting.my.startFailed')}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The headquarters' "My reporting" card at the top of the home page; nothing for other accounts. */
export function MyReportingCard() {
  const { t } = useTranslation();
  const { account } = useSession();
  const headquarters = isHeadquartersAccount(account);
  const mine = useMyReporting(headquarters);
  if (!headquarters || !mine.data) return null;
  const open = mine.data.items.filter((i) => i.status !== 'accepted');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="my-reporting-heading">
      <Stack gap="sm">
        <Group justify="space-between" align="center">
          <Group gap="xs">
            <Title order={2} size="h3" id="my-reporting-heading">
              {t('reporting.my.title')}
            </Title>
            {open.length > 0 ? (
              <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>
                {t('reporting.my.openCount', { count: open.length })}
              </Badge>
            ) : null}
          </Group>
          <Anchor component={Link} to="/reports" size="sm">
            {t('reporting.my.allReports')}
          </Anchor>
        </Group>
        {mine.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('reporting.my.nothing')}
          </Text>
        ) : (
          <MyReportingList items={open.length > 0 ? open : mine.data.items.slice(0, 3)} />
        )}
      </Stack>
    </Paper>
  );
}
