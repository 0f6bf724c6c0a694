import { Alert, Badge, Button, Divider, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CallTabs } from '../../../components/CallTabs';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { useFormatters } from '../../../lib/format';
import { useAssignments, useReveal } from '../api/selection-review-api';
import { AssignmentMatrix } from '../components/AssignmentMatrix';
import { AutoAssignPanel } from '../components/AutoAssignPanel';
import { ConsensusPanel } from '../components/ConsensusPanel';
import { PoolPanel } from '../components/PoolPanel';

/** /calls/:key/review — the officers' review step: pool, assignment, progress, reveal, consensus. */
export function CallReviewPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormatters();
  const assignments = useAssignments(key);
  const reveal = useReveal(key);
  if (assignments.isPending) return <LoadingState />;
  if (assignments.isError)
    return <ErrorAlert error={assignments.error} onRetry={() => void assignments.refetch()} />;
  const data = assignments.data;
  return (
    <>
      <PageTitle
        title={t('selectionReview.page.title')}
        subtitle={t('selectionReview.page.due', { date: f.date(data.call.reviewDeadline) })}
        actions={
          data.call.reviewsRevealedAt ? null : (
            <Button loading={reveal.isPending} onClick={() => reveal.mutate()}>
              {t('selectionReview.reveal.button')}
            </Button>
          )
        }
      >
        {data.call.reviewsRevealedAt ? (
          <Badge color="green">{t('selectionReview.reveal.revealed')}</Badge>
        ) : null}
      </PageTitle>
      <CallTabs callKey={key} />
      <Stack gap="lg">
        {reveal.isError ? <ErrorAlert error={reveal.error} /> : null}
        <Alert color="blue" variant="light">
          {t('selectionReview.reveal.explain')}
        </Alert>
        <PoolPanel callKey={key} />
        <Divider />
        <AutoAssignPanel callKey={key} data={data} />
        <Divider />
        <AssignmentMatrix callKey={key} data={data} />
        <Divider />
        <ConsensusPanel callKey={key} />
      </Stack>
    </>
  );
}
