import { Alert, Anchor, Badge, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { OutcomeItem, ReportIssue } from '../../../../contracts/reports';
import type { ItemKind } from '../../../../domain/outcome-items';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FiscalYear, FiscalYearRange } from '../../../components/FiscalYear';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { NotFoundPage } from '../../../components/StatusPage';
import { isApiError } from '../../../lib/api-client';
import { otherLanguage, useFormatters, useLocalize } from '../../../lib/format';
import { useReport } from '../api/reports-api';
import { IndicatorValuesForm } from '../components/IndicatorValuesForm';
import { IssuesPanel } from '../components/IssuesPanel';
import { ItemFormModal } from '../components/ItemFormModal';
import { ItemsPanel } from '../components/ItemsPanel';
import { ReportStatusBadge } from '../components/ReportBadges';
import { EventTimeline, VersionHistory } from '../components/ReportHistory';
import { fieldDomId, parseItemPath } from '../components/report-model';
import { WorkflowPanel } from '../components/WorkflowPanel';

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {description ? (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        ) : null}
        {children}
      </Stack>
    </Paper>
  );
}

interface ItemFormState {
  kind: ItemKind;
  item: OutcomeItem | null;
  focusField: string | null;
}

/** Brings an input into view and puts the cursor in it (or on the cell, when read-only). */
function focusElement(id: string) {
  const element = document.getElementById(id);
  if (!element) return;
  element.scrollIntoView({ behavior: 'smooth', block: 'center' });
  element.focus({ preventScroll: true });
}

/** `/reports/:id` — one cluster's yearly outcome report: values, evidence, checks and its workflow. */
export function ReportEditorPage() {
  const { id = '' } = useParams();
  // Another version of the report is another page: nothing typed into this one carries over.
  return <ReportEditor key={id} idParam={id} />;
}

function ReportEditor({ idParam }: { idParam: string }) {
  const id = Number(idParam);
  const valid = Number.isInteger(id) && id > 0;
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const report = useReport(valid ? id : 0);
  const [activeKind, setActiveKind] = useState<ItemKind>('paper');
  const [itemForm, setItemForm] = useState<ItemFormState | null>(null);
  const [valuesDirty, setValuesDirty] = useState(false);
  const onDirtyChange = useCallback((dirty: boolean) => setValuesDirty(dirty), []);

  if (!valid) return <NotFoundPage />;
  if (report.isPending) return <LoadingState />;
  if (isApiError(report.error) && report.error.status === 404) return <NotFoundPage />;
  if (report.error) return <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  const clusterName = localize(r.cluster.name);
  const singleYear = r.fyFrom === r.fyTo;

  const selectIssue = (issue: ReportIssue) => {
    const itemPath = parseItemPath(issue.field);
    if (itemPath) {
      const item = r.items[itemPath.index];
      if (!item) return;
      setActiveKind(item.kind);
      if (r.editable) setItemForm({ kind: item.kind, item, focusField: itemPath.field });
      else window.setTimeout(() => focusElement(`report-item-${item.id}`), 50);
      return;
    }
    focusElement(fieldDomId(issue.field));
  };

  return (
    <Stack gap="lg">
      <PageTitle
        title={t('reporting.editor.title', {
          cluster: clusterName,
          fy: singleYear ? f.fy(r.fyFrom) : f.fyRange(r.fyFrom, r.fyTo),
        })}
        subtitle={
          <Group gap="md">
            <Anchor component={Link} to="/reports" size="sm">
              {t('reporting.editor.backToReports')}
            </Anchor>
            <Anchor component={Link} to={`/clusters/${r.cluster.key}`} size="sm">
              {t('reporting.editor.clusterPage')}
            </Anchor>
          </Group>
        }
      >
        <Group gap="sm" wrap="wrap">
          <ReportStatusBadge status={r.status} />
          <Badge variant="outline" color="gray" radius="sm" style={{ textTransform: 'none' }}>
            {t('reporting.header.versionN', { n: r.reportVersion })}
          </Badge>
          <Text size="sm">
            {t('reporting.header.cluster')}
            {t('common.colon')}
            <Text span fw={600}>
              {clusterName}
            </Text>
            {otherLanguage(r.cluster.name, f.locale) ? (
              <Text span c="dimmed" size="sm" lang={f.locale === 'ja' ? 'en' : 'ja'}>
                {' '}
                ({otherLanguage(r.cluster.name, f.locale)})
              </Text>
            ) : null}
          </Text>
          <Text size="sm">
            {t('reporting.header.fiscalYear')}
            {t('common.colon')}
            {singleYear ? (
              <FiscalYear fy={r.fyFrom} />
            ) : (
              <FiscalYearRange from={r.fyFrom} to={r.fyTo} withAlternate />
            )}
          </Text>
          {r.submittedAt ? (
            <Text size="sm" c="dimmed">
              {t('reporting.header.submittedAt', { at: f.dateTime(r.submittedAt) })}
            </Text>
          ) : null}
          {r.acceptedAt ? (
            <Text size="sm" c="dimmed">
              {t('reporting.header.acceptedAt', { at: f.dateTime(r.acceptedAt) })}
            </Text>
          ) : null}
        </Group>
      </PageTitle>

      {r.supersedesId !== null ? (
        <Alert
          color="violet"
          variant="light"
          title={t('reporting.header.correctionTitle', { n: r.reportVersion })}
        >
          <Stack gap={4}>
            {r.reason ? (
              <Text size="sm">
                {t('reporting.header.reason')}
                {t('common.colon')}
                {r.reason}
              </Text>
            ) : null}
            <Anchor component={Link} to={`/reports/${r.supersedesId}`} size="sm">
              {t('reporting.header.seePrevious')}
            </Anchor>
          </Stack>
        </Alert>
      ) : null}
      {r.supersededById !== null ? (
        <Alert color="gray" variant="light" title={t('reporting.header.supersededTitle')}>
          <Anchor component={Link} to={`/reports/${r.supersededById}`} size="sm">
            {t('reporting.header.seeLatest')}
          </Anchor>
        </Alert>
      ) : null}
      {r.status === 'returned' && r.returnComment ? (
        <Alert color="orange" variant="light" title={t('reporting.header.returnedTitle')} role="note">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {r.returnComment}
          </Text>
        </Alert>
      ) : null}
      {!r.editable ? (
        <Alert color="blue" variant="light">
          {r.status === 'accepted'
            ? t('reporting.header.locked')
            : r.status === 'submitted'
              ? t('reporting.header.awaitingReview')
              : t('reporting.header.readOnly')}
        </Alert>
      ) : null}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Section
              id="values-heading"
              title={t('reporting.values.title')}
              description={r.editable ? t('reporting.values.help') : undefined}
            >
              <IndicatorValuesForm
                report={r}
                issues={r.issues}
                onShowItems={(kind) => {
                  setActiveKind(kind);
                  window.setTimeout(
                    () => document.getElementById('items-heading')?.scrollIntoView({ behavior: 'smooth' }),
                    0,
                  );
                }}
                onDirtyChange={onDirtyChange}
              />
            </Section>
            <Section
              id="items-heading"
              title={t('reporting.items.title')}
              description={t('reporting.items.description')}
            >
              <ItemsPanel
                report={r}
                active={activeKind}
                onActiveChange={setActiveKind}
                onAdd={(kind) => setItemForm({ kind, item: null, focusField: 'title' })}
                onEdit={(item) => setItemForm({ kind: item.kind, item, focusField: null })}
              />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <Section id="issues-heading" title={t('reporting.issues.title')}>
              <IssuesPanel issues={r.issues} onSelect={selectIssue} />
            </Section>
            <Section id="workflow-heading" title={t('reporting.workflow.title')}>
              <WorkflowPanel report={r} valuesDirty={valuesDirty} />
            </Section>
            <Section id="versions-heading" title={t('reporting.history.versionsTitle')}>
              <VersionHistory report={r} />
            </Section>
            <Section id="events-heading" title={t('reporting.history.eventsTitle')}>
              <EventTimeline report={r} />
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>

      {itemForm ? (
        <ItemFormModal
          key={`${itemForm.kind}-${itemForm.item?.id ?? 'new'}`}
          report={r}
          kind={itemForm.kind}
          item={itemForm.item}
          focusField={itemForm.focusField}
          onClose={() => setItemForm(null)}
        />
      ) : null}
    </Stack>
  );
}
