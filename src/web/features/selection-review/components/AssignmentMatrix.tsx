import { ActionIcon, Badge, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssignmentsResponse } from '../../../../contracts/selection-reviews';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLocalize } from '../../../lib/format';
import { useAssign, useUnassign } from '../api/selection-review-api';

/**
 * Proposals × reviewers: each cell shows the assignment's state (declared, draft, submitted) with
 * unassign, a blocked pair (conflict of interest), or a button to assign by hand.
 */
export function AssignmentMatrix({ callKey, data }: { callKey: string; data: AssignmentsResponse }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const assign = useAssign(callKey);
  const unassign = useUnassign(callKey);
  const blocked = new Set(data.blocked.map((b) => `${b.reviewerAccountId}:${b.proposalId}`));
  const byPair = new Map(data.assignments.map((a) => [`${a.reviewerAccountId}:${a.proposalId}`, a]));
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('selectionReview.matrix.title')}
      </Title>
      {assign.isError ? <ErrorAlert error={assign.error} /> : null}
      {unassign.isError ? <ErrorAlert error={unassign.error} /> : null}
      <Table.ScrollContainer minWidth={600}>
        <Table withTableBorder withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('selectionReview.matrix.proposal')}</Table.Th>
              {data.reviewers.map((r) => (
                <Table.Th key={r.accountId}>{r.displayName}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.proposals.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Text size="sm">{localize(p.title)}</Text>
                  <Text size="xs" c="dimmed">
                    {localize(p.region)} · {t(`codes.keyField.${p.keyField}`, p.keyField)}
                  </Text>
                </Table.Td>
                {data.reviewers.map((r) => {
                  const a = byPair.get(`${r.accountId}:${p.id}`);
                  if (blocked.has(`${r.accountId}:${p.id}`))
                    return (
                      <Table.Td key={r.accountId}>
                        <Badge color="red" variant="light">
                          {t('selectionReview.matrix.conflict')}
                        </Badge>
                      </Table.Td>
                    );
                  if (!a)
                    return (
                      <Table.Td key={r.accountId}>
                        <ActionIcon
                          variant="subtle"
                          disabled={!data.call.assignable}
                          aria-label={t('selectionReview.matrix.assign', { reviewer: r.displayName })}
                          onClick={() => assign.mutate({ proposalId: p.id, reviewerAccountId: r.accountId })}
                        >
                          +
                        </ActionIcon>
                      </Table.Td>
                    );
                  return (
                    <Table.Td key={r.accountId}>
                      <Group gap={4} wrap="nowrap">
                        <Badge
                          color={a.reviewStatus === 'submitted' ? 'green' : a.declaredAt ? 'blue' : 'gray'}
                          variant="light"
                        >
                          {t(
                            `selectionReview.matrix.state.${
                              a.reviewStatus === 'none'
                                ? a.declaredAt
                                  ? 'declared'
                                  : 'assigned'
                                : a.reviewStatus
                            }`,
                          )}
                        </Badge>
                        {a.reviewStatus !== 'submitted' ? (
                          <Tooltip label={t('selectionReview.matrix.unassign')}>
                            <ActionIcon
                              size="sm"
                              variant="subtle"
                              color="red"
                              disabled={!data.call.assignable}
                              aria-label={t('selectionReview.matrix.unassign')}
                              onClick={() => unassign.mutate(a.id)}
                            >
                              ×
                            </ActionIcon>
                          </Tooltip>
                        ) : null}
                      </Group>
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={3} size="h4">
        {t('selectionReview.progress.title')}
      </Title>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('selectionReview.pool.reviewer')}</Table.Th>
            <Table.Th>{t('selectionReview.progress.assigned')}</Table.Th>
            <Table.Th>{t('selectionReview.progress.declared')}</Table.Th>
            <Table.Th>{t('selectionReview.progress.submitted')}</Table.Th>
            <Table.Th>{t('selectionReview.progress.overdue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.progress.map((p) => (
            <Table.Tr key={p.accountId}>
              <Table.Td>{p.displayName}</Table.Td>
              <Table.Td>{p.assigned}</Table.Td>
              <Table.Td>{p.declared}</Table.Td>
              <Table.Td>{p.submitted}</Table.Td>
              <Table.Td>{p.overdue > 0 ? <Badge color="red">{p.overdue}</Badge> : 0}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
