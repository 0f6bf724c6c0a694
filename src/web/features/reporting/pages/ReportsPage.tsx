import { Button, Stack, Tabs } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { fiscalYearOf } from '../../../../domain/fiscal-year';
import { PageTitle } from '../../../components/PageTitle';
import { useLocalize } from '../../../lib/format';
import { usePermission, useSession } from '../../../lib/session';
import { useClusterChoices, useMyReporting } from '../api/reports-api';
import { DeadlinesView } from '../components/DeadlinesView';
import { MyReportingList } from '../components/MyReportingCard';
import { ReportingStatusView } from '../components/ReportingStatusView';
import { ReportList } from '../components/ReportList';
import { headquartersClusters } from '../components/report-model';
import { StartReportModal, type ClusterChoice } from '../components/StartReportModal';

type View = 'reports' | 'status' | 'deadlines';

/**
 * `/reports` — officers review submitted reports, watch who has not reported and set deadlines;
 * headquarters see their clusters' reports and start the next one.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { account } = useSession();
  const canReview = usePermission('outcome-report:review');
  const canManageDeadlines = usePermission('report-deadline:manage');
  const canEdit = usePermission('outcome-report:edit');
  const [params, setParams] = useSearchParams();
  const [starting, setStarting] = useState(false);
  const ownClusters = useMemo(() => headquartersClusters(account), [account]);
  const isHeadquarters = ownClusters.length > 0 && !canReview;
  const allClusters = useClusterChoices(canReview);
  const mine = useMyReporting(isHeadquarters);

  const clusters: ClusterChoice[] = useMemo(() => {
    if (canReview)
      return (allClusters.data?.items ?? []).map((c) => ({ key: c.key, label: localize(c.name) }));
    const names = new Map((mine.data?.items ?? []).map((i) => [i.cluster.key, localize(i.cluster.name)]));
    return ownClusters.map((c) => ({ key: c.key, label: names.get(c.key) ?? c.key }));
  }, [canReview, allClusters.data, mine.data, ownClusters, localize]);

  const views: View[] = [
    'reports',
    ...(canReview ? (['status'] as const) : []),
    ...(canManageDeadlines ? (['deadlines'] as const) : []),
  ];
  const viewParam = params.get('view') as View | null;
  const view: View = viewParam && views.includes(viewParam) ? viewParam : 'reports';
  const statusFy = Number(params.get('fy')) || fiscalYearOf(new Date()) - 1;

  const setView = (next: View) => {
    const search = new URLSearchParams(params);
    if (next === 'reports') search.delete('view');
    else search.set('view', next);
    search.delete('offset');
    setParams(search, { replace: true });
  };
  const setFy = (fy: number) => {
    const search = new URLSearchParams(params);
    search.set('fy', String(fy));
    setParams(search, { replace: true });
  };

  return (
    <Stack gap="lg">
      <PageTitle
        title={t('reporting.workspace.title')}
        subtitle={
          isHeadquarters
            ? t('reporting.workspace.subtitleHeadquarters')
            : t('reporting.workspace.subtitleOfficer')
        }
        actions={
          canEdit && clusters.length > 0 ? (
            <Button onClick={() => setStarting(true)}>{t('reporting.start.button')}</Button>
          ) : null
        }
      />
      {isHeadquarters && mine.data && mine.data.items.length > 0 ? (
        <MyReportingList items={mine.data.items} />
      ) : null}
      {views.length > 1 ? (
        <Tabs value={view} onChange={(v) => v && setView(v as View)}>
          <Tabs.List aria-label={t('reporting.workspace.viewsLabel')}>
            {views.map((v) => (
              <Tabs.Tab key={v} value={v}>
                {t(`reporting.workspace.views.${v}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="reports" pt="md">
            <ReportList clusters={clusters} reviewQueue={canReview} />
          </Tabs.Panel>
          <Tabs.Panel value="status" pt="md">
            {view === 'status' ? <ReportingStatusView fy={statusFy} onFyChange={setFy} /> : null}
          </Tabs.Panel>
          <Tabs.Panel value="deadlines" pt="md">
            {view === 'deadlines' ? <DeadlinesView /> : null}
          </Tabs.Panel>
        </Tabs>
      ) : (
        <ReportList clusters={clusters} reviewQueue={false} />
      )}
      {starting ? <StartReportModal clusters={clusters} onClose={() => setStarting(false)} /> : null}
    </Stack>
  );
}
