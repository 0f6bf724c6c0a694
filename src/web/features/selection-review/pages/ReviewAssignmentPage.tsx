import { Alert, Anchor, Badge, Divider, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReference } from '../../../lib/reference';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { useFormatters, useLocalize } from '../../../lib/format';
import { attachmentUrl, useMyAssignments, useMyReview, useReviewProposal } from '../api/selection-review-api';
import { DeclareDialog } from '../components/DeclareDialog';
import { ScoringForm } from '../components/ScoringForm';

/** /reviews/:assignmentId — declare conflicts first; then the proposal and the scoring form. */
export function ReviewAssignmentPage() {
  const { assignmentId = '' } = useParams();
  const id = Number(assignmentId);
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const reference = useReference();
  const list = useMyAssignments();
  const [withdrawn, setWithdrawn] = useState(false);
  const assignment = list.data?.assignments.find((a) => a.id === id);
  const declared = assignment?.declared ?? false;
  const proposal = useReviewProposal(id, declared);
  const review = useMyReview(id, declared);
  if (withdrawn)
    return (
      <Alert color="orange" title={t('selectionReview.declare.withdrawnTitle')}>
        {t('selectionReview.declare.withdrawn')}{' '}
        <Anchor component={Link} to="/reviews">
          {t('selectionReview.mine.back')}
        </Anchor>
      </Alert>
    );
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  if (!assignment) return <Alert color="gray">{t('selectionReview.mine.notFound')}</Alert>;
  const title = localize(assignment.proposal.title);
  return (
    <>
      <PageTitle
        title={title}
        subtitle={`${localize(assignment.call.title)} · ${t('selectionReview.mine.due')}: ${f.date(assignment.due)}`}
      >
        {assignment.overdue ? <Badge color="red">{t('selectionReview.mine.overdueBadge')}</Badge> : null}
      </PageTitle>
      {!declared ? (
        <DeclareDialog
          assignmentId={id}
          proposalTitle={title}
          onDeclared={(removed) => setWithdrawn(removed)}
        />
      ) : null}
      <Stack gap="lg">
        {proposal.isError ? <ErrorAlert error={proposal.error} /> : null}
        {proposal.data ? (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {localize(proposal.data.region)} ·{' '}
              {t(`codes.keyField.${proposal.data.keyField}`, proposal.data.keyField)} ·{' '}
              {proposal.data.prefectures
                .map((code) => {
                  const found = reference.data?.prefectures.find((x) => x.code === code);
                  return found ? localize(found.name) : code;
                })
                .join(t('common.listSeparator'))}
            </Text>
            {proposal.data.headquartersPlan ? <Text>{proposal.data.headquartersPlan}</Text> : null}
            <Title order={2} size="h3">
              {t('selectionReview.proposal.narratives')}
            </Title>
            {Object.entries(proposal.data.narratives).map(([group, text]) => (
              <Stack key={group} gap={2}>
                <Text fw={600}>
                  {localize(review.data?.criteria.find((g) => g.key === group)?.label) || group}
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text>
              </Stack>
            ))}
            <Title order={2} size="h3">
              {t('selectionReview.proposal.participants')}
            </Title>
            <List>
              {proposal.data.participants.map((p, i) => (
                <List.Item key={i}>
                  {localize(p.name)} ({t(`selectionReview.proposal.kind.${p.kind}`)})
                </List.Item>
              ))}
            </List>
            <Title order={2} size="h3">
              {t('selectionReview.proposal.budget')}
            </Title>
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('selectionReview.proposal.fy')}</Table.Th>
                  <Table.Th>{t('selectionReview.proposal.subsidy')}</Table.Th>
                  <Table.Th>{t('selectionReview.proposal.local')}</Table.Th>
                  <Table.Th>{t('selectionReview.proposal.other')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {proposal.data.budgetPlan.map((y) => (
                  <Table.Tr key={y.fiscalYear}>
                    <Table.Td>{f.fy(y.fiscalYear)}</Table.Td>
                    <Table.Td>{f.yen(y.subsidyYen)}</Table.Td>
                    <Table.Td>{f.yen(y.localYen)}</Table.Td>
                    <Table.Td>{f.yen(y.otherYen)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Title order={2} size="h3">
              {t('selectionReview.proposal.attachments')}
            </Title>
            {proposal.data.attachments.length === 0 ? (
              <Text c="dimmed">{t('selectionReview.proposal.noAttachments')}</Text>
            ) : (
              <Group>
                {proposal.data.attachments.map((a) => (
                  <Anchor key={a.id} href={attachmentUrl(id, a.id)} download={a.fileName}>
                    {a.fileName}
                  </Anchor>
                ))}
              </Group>
            )}
          </Stack>
        ) : null}
        <Divider />
        {review.isError ? <ErrorAlert error={review.error} /> : null}
        {review.data ? (
          // Keyed by the assignment, not the review's version: saving a draft must not remount the
          // form (and lose its "saved" message); the form already holds what was saved.
          <ScoringForm key={id} assignmentId={id} review={review.data} />
        ) : null}
      </Stack>
    </>
  );
}
