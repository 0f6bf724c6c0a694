import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFoundPage } from '../../components/StatusPage';
import { PageTitle } from '../../components/PageTitle';
import { ProposalResultPanel } from '../../features/selection-results/components/ProposalResultPanel';

/**
 * /proposals/:id/result — the proposer's published result, composed here so the proposal editor
 * (the calls feature) and the results feature stay independent of each other.
 */
export function ProposalResultRoute() {
  const { id } = useParams();
  const { t } = useTranslation();
  const proposalId = Number(id);
  if (!Number.isSafeInteger(proposalId) || proposalId <= 0) return <NotFoundPage />;
  return (
    <>
      <PageTitle title={t('selectionResults.proposer.title')} />
      <Stack gap="md">
        <Anchor component={Link} to={`/proposals/${proposalId}`} size="sm">
          {t('selectionResults.proposer.back')}
        </Anchor>
        <ProposalResultPanel proposalId={proposalId} />
      </Stack>
    </>
  );
}
