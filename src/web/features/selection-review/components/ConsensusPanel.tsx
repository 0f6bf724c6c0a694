import { Badge, Button, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsensusProposalResponse } from '../../../../contracts/selection-reviews';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLocalize } from '../../../lib/format';
import {
  useClearConsensus,
  useConsensus,
  useConsensusList,
  useSetConsensus,
} from '../api/selection-review-api';

/** The consensus step: proposals with disagreement flags; one opened shows each reviewer's scores. */
export function ConsensusPanel({ callKey }: { callKey: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const list = useConsensusList(callKey);
  const [open, setOpen] = useState<number | null>(null);
  const detail = useConsensus(callKey, open);
  if (list.isError) return <ErrorAlert error={list.error} />;
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {t('selectionReview.consensus.title')}
      </Title>
      <Table withTableBorder highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('selectionReview.matrix.proposal')}</Table.Th>
            <Table.Th>{t('selectionReview.consensus.reviews')}</Table.Th>
            <Table.Th>{t('selectionReview.consensus.disagreement')}</Table.Th>
            <Table.Th>{t('selectionReview.consensus.agreed')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data?.proposals ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{localize(p.title)}</Table.Td>
              <Table.Td>
                {p.submittedReviews} / {p.assignedReviews}
              </Table.Td>
              <Table.Td>
                {p.flagged ? (
                  <Badge color="orange">
                    {t('selectionReview.consensus.flagged', { count: p.flaggedCriteria.length })}
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light">
                    {t('selectionReview.consensus.notFlagged')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{p.agreedCriteria.length}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="light" onClick={() => setOpen(p.id)}>
                  {t('selectionReview.consensus.open')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {detail.isError ? <ErrorAlert error={detail.error} /> : null}
      {open !== null && detail.data ? <ConsensusDetail callKey={callKey} data={detail.data} /> : null}
    </Stack>
  );
}

/** Per criterion: each reviewer's score (labelled Reviewer A, B… with the name for officers), the spread and the agreed score. */
function ConsensusDetail({ callKey, data }: { callKey: string; data: ConsensusProposalResponse }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const items = data.criteria.flatMap((g) => g.items);
  const flagged = new Set(data.disagreement.flags.map((f) => f.criterion));
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {localize(data.proposal.title)}
      </Title>
      <Table.ScrollContainer minWidth={700}>
        <Table withTableBorder withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('selectionReview.scoring.criterion')}</Table.Th>
              {data.reviews.map((r) => (
                <Table.Th key={r.label}>
                  {r.label}
                  <Text size="xs" c="dimmed">
                    {r.displayName}
                  </Text>
                </Table.Th>
              ))}
              <Table.Th>{t('selectionReview.consensus.spread')}</Table.Th>
              <Table.Th>{t('selectionReview.consensus.agreedScore')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => {
              const spread = data.disagreement.criteria[c.key];
              return (
                <Table.Tr
                  key={c.key}
                  bg={flagged.has(c.key) ? 'var(--mantine-color-orange-light)' : undefined}
                >
                  <Table.Td>{localize(c.label)}</Table.Td>
                  {data.reviews.map((r) => (
                    <Table.Td key={r.label} title={r.scores[c.key]?.comment ?? undefined}>
                      {r.scores[c.key]?.score ?? '—'}
                    </Table.Td>
                  ))}
                  <Table.Td>{spread ? `${spread.min}–${spread.max}` : '—'}</Table.Td>
                  <Table.Td>
                    <AgreedScore
                      callKey={callKey}
                      proposalId={data.proposal.id}
                      criterion={c.key}
                      scale={data.scale}
                      current={data.consensus[c.key] ?? null}
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function AgreedScore(props: {
  callKey: string;
  proposalId: number;
  criterion: string;
  scale: { min: number; max: number; step: number };
  current: { score: number; comment: string | null } | null;
}) {
  const { t } = useTranslation();
  const set = useSetConsensus(props.callKey, props.proposalId);
  const clear = useClearConsensus(props.callKey, props.proposalId);
  const [score, setScore] = useState<number | string>(props.current?.score ?? '');
  const [comment, setComment] = useState(props.current?.comment ?? '');
  return (
    <Stack gap={4}>
      <Group gap={4} wrap="nowrap">
        <NumberInput
          size="xs"
          w={80}
          min={props.scale.min}
          max={props.scale.max}
          step={props.scale.step}
          value={score}
          onChange={setScore}
          aria-label={t('selectionReview.consensus.agreedScore')}
        />
        <TextInput
          size="xs"
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          placeholder={t('selectionReview.scoring.comment')}
          aria-label={t('selectionReview.scoring.comment')}
        />
        <Button
          size="xs"
          disabled={score === ''}
          loading={set.isPending}
          onClick={() =>
            set.mutate({ criterion: props.criterion, score: Number(score), comment: comment || null })
          }
        >
          {t('selectionReview.consensus.record')}
        </Button>
        {props.current ? (
          <Button size="xs" variant="subtle" color="red" onClick={() => clear.mutate(props.criterion)}>
            {t('selectionReview.consensus.clear')}
          </Button>
        ) : null}
      </Group>
      {set.isError ? <ErrorAlert error={set.error} /> : null}
    </Stack>
  );
}
