import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLocalize } from '../../../lib/format';
import {
  useAddReviewer,
  useCallReviewers,
  useRemoveReviewer,
  useReviewerCandidates,
} from '../api/selection-review-api';

/** The call's reviewer pool: expertise, affiliation, cap and load; add an evaluator, remove one. */
export function PoolPanel({ callKey }: { callKey: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const pool = useCallReviewers(callKey);
  const candidates = useReviewerCandidates(callKey);
  const add = useAddReviewer(callKey);
  const remove = useRemoveReviewer(callKey);
  const [accountId, setAccountId] = useState<string | null>(null);
  const [maxLoad, setMaxLoad] = useState<number | string>('');
  if (pool.isError) return <ErrorAlert error={pool.error} />;
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('selectionReview.pool.title')}
      </Title>
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('selectionReview.pool.reviewer')}</Table.Th>
            <Table.Th>{t('selectionReview.pool.organization')}</Table.Th>
            <Table.Th>{t('selectionReview.pool.expertise')}</Table.Th>
            <Table.Th>{t('selectionReview.pool.load')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(pool.data?.reviewers ?? []).map((r) => (
            <Table.Tr key={r.accountId}>
              <Table.Td>{r.displayName}</Table.Td>
              <Table.Td>{r.organization ? localize(r.organization.name) : '—'}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {r.keyFields.map((k) => (
                    <Badge key={k} variant="light" size="sm" tt="none">
                      {t(`codes.keyField.${k}`, k)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                {r.load} / {r.cap}
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('selectionReview.pool.remove', { name: r.displayName })}
                  disabled={r.load > 0}
                  onClick={() => remove.mutate(r.accountId)}
                >
                  ×
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {pool.data?.reviewers.length === 0 ? <Text c="dimmed">{t('selectionReview.pool.empty')}</Text> : null}
      <Group align="end">
        <Select
          label={t('selectionReview.pool.add')}
          data={(candidates.data?.candidates ?? []).map((c) => ({
            value: String(c.accountId),
            label: `${c.displayName} <${c.email}>`,
          }))}
          value={accountId}
          onChange={setAccountId}
          searchable
          w={320}
        />
        <NumberInput
          label={t('selectionReview.pool.maxLoad')}
          min={0}
          value={maxLoad}
          onChange={setMaxLoad}
          w={140}
        />
        <Button
          disabled={accountId === null}
          loading={add.isPending}
          onClick={() =>
            add.mutate(
              { accountId: Number(accountId), maxLoad: maxLoad === '' ? null : Number(maxLoad) },
              { onSuccess: () => setAccountId(null) },
            )
          }
        >
          {t('selectionReview.pool.addButton')}
        </Button>
      </Group>
      {add.isError ? <ErrorAlert error={add.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
    </Stack>
  );
}
