import {
  Badge,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONFLICT_KINDS, type RoundDetail } from '../../../../contracts/evaluation-rounds';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api-client';
import { useLocalize } from '../../../lib/format';
import { useAssignEvaluators, useSetConflict } from '../api/rounds-api';
import { scrollRegion } from '../../../lib/scroll-region';

type ConflictKind = (typeof CONFLICT_KINDS)[number];
type Assignment = RoundDetail['assignments'][number];

interface Cell {
  clusterId: number;
  evaluatorId: number;
  assignment: Assignment | null;
}

function CellButton({ cell, onOpen }: { cell: Cell; onOpen: (() => void) | undefined }) {
  const { t } = useTranslation();
  const a = cell.assignment;
  let content;
  if (!a) content = <Text c="dimmed">—</Text>;
  else if (a.conflictKind)
    content = (
      <Tooltip label={a.conflictNote ?? ''} multiline w={280} disabled={!a.conflictNote}>
        <Badge color="red" variant="light">
          {t(`evaluationRounds.assignments.conflict.${a.conflictKind}`)}
        </Badge>
      </Tooltip>
    );
  else if (a.submittedAt)
    content = (
      <Badge color="teal" variant="light">
        {t('evaluationRounds.assignments.submitted')}
      </Badge>
    );
  else
    content = (
      <Badge color="blue" variant="outline">
        {t('evaluationRounds.assignments.assigned')}
      </Badge>
    );
  if (!onOpen) return content;
  return (
    <UnstyledButton onClick={onOpen} aria-label={t('evaluationRounds.assignments.cellLabel')}>
      {content}
    </UnstyledButton>
  );
}

/**
 * Evaluators × target clusters. Assigning everyone to everything detects conflicts from each
 * evaluator's organization and its prefecture; an officer records a declared conflict (or clears a
 * wrong one) per pair, with a note. A conflicted pair is excluded from grading and from the score.
 */
export function AssignmentMatrix({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const assign = useAssignEvaluators(round.key);
  const conflict = useSetConflict(round.key);
  const [cell, setCell] = useState<Cell | null>(null);
  const [kind, setKind] = useState<ConflictKind | 'none'>('personal');
  const [note, setNote] = useState('');
  const evaluators = round.members.filter((m) => m.role === 'evaluator');
  const open = !['scoring', 'published', 'closed'].includes(round.status);
  const byPair = new Map(round.assignments.map((a) => [`${a.clusterId}:${a.evaluatorId}`, a]));
  const conflicts = round.assignments.filter((a) => a.conflictKind).length;
  const errorOf = (field: string) =>
    isApiError(conflict.error) ? conflict.error.fieldError(field) : undefined;

  const openCell = (c: Cell) => {
    setCell(c);
    setKind(c.assignment?.conflictKind ? 'none' : 'personal');
    setNote('');
    conflict.reset();
  };
  const cluster = cell ? round.clusters.find((c) => c.id === cell.clusterId) : undefined;
  const evaluator = cell ? evaluators.find((e) => e.accountId === cell.evaluatorId) : undefined;

  if (evaluators.length === 0)
    return (
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('evaluationRounds.assignments.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('evaluationRounds.assignments.noEvaluators')}
        </Text>
      </Stack>
    );
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('evaluationRounds.assignments.title')}
        </Title>
        {open ? (
          <Button loading={assign.isPending} onClick={() => assign.mutate({})}>
            {t('evaluationRounds.assignments.assignAll')}
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed">
        {t('evaluationRounds.assignments.summary', {
          assigned: round.assignments.length,
          conflicts,
          cells: evaluators.length * round.clusters.length,
        })}
      </Text>
      {assign.isError ? <ErrorAlert error={assign.error} /> : null}
      <Table.ScrollContainer minWidth={200 + evaluators.length * 110} scrollAreaProps={scrollRegion()}>
        <Table withTableBorder withColumnBorders striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evaluationRounds.overview.cluster')}</Table.Th>
              {evaluators.map((e) => (
                <Table.Th key={e.accountId} ta="center">
                  {e.displayName}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {round.clusters.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{localize(c.name)}</Table.Td>
                {evaluators.map((e) => {
                  const here: Cell = {
                    clusterId: c.id,
                    evaluatorId: e.accountId,
                    assignment: byPair.get(`${c.id}:${e.accountId}`) ?? null,
                  };
                  return (
                    <Table.Td key={e.accountId} ta="center">
                      <CellButton cell={here} onOpen={open ? () => openCell(here) : undefined} />
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={cell !== null}
        onClose={() => setCell(null)}
        title={cluster && evaluator ? `${localize(cluster.name)} × ${evaluator.displayName}` : ''}
      >
        {cell ? (
          <Stack>
            {!cell.assignment ? (
              <>
                <Text size="sm">{t('evaluationRounds.assignments.notAssigned')}</Text>
                <Button
                  loading={assign.isPending}
                  onClick={() =>
                    assign.mutate(
                      { pairs: [{ clusterId: cell.clusterId, evaluatorId: cell.evaluatorId }] },
                      { onSuccess: () => setCell(null) },
                    )
                  }
                >
                  {t('evaluationRounds.assignments.assignPair')}
                </Button>
              </>
            ) : (
              <>
                {cell.assignment.conflictKind ? (
                  <Text size="sm">
                    {t('evaluationRounds.assignments.recorded', {
                      kind: t(`evaluationRounds.assignments.conflict.${cell.assignment.conflictKind}`),
                      note: cell.assignment.conflictNote ?? '',
                    })}
                  </Text>
                ) : null}
                <Select
                  label={t('evaluationRounds.assignments.kind')}
                  data={[
                    ...CONFLICT_KINDS.map((k) => ({
                      value: k,
                      label: t(`evaluationRounds.assignments.conflict.${k}`),
                    })),
                    { value: 'none', label: t('evaluationRounds.assignments.noConflict') },
                  ]}
                  value={kind}
                  onChange={(v) => v && setKind(v)}
                  allowDeselect={false}
                  error={errorOf('body.kind')}
                />
                <Textarea
                  label={t('evaluationRounds.assignments.note')}
                  description={t('evaluationRounds.assignments.noteHelp')}
                  value={note}
                  onChange={(e) => setNote(e.currentTarget.value)}
                  error={errorOf('body.note')}
                  autosize
                  minRows={2}
                />
                <Group justify="flex-end">
                  <Button
                    loading={conflict.isPending}
                    onClick={() =>
                      conflict.mutate(
                        {
                          clusterId: cell.clusterId,
                          evaluatorId: cell.evaluatorId,
                          kind: kind === 'none' ? null : kind,
                          note,
                        },
                        { onSuccess: () => setCell(null) },
                      )
                    }
                  >
                    {t('evaluationRounds.assignments.saveRuling')}
                  </Button>
                </Group>
                {conflict.isError &&
                (!isApiError(conflict.error) || conflict.error.fieldErrors.length === 0) ? (
                  <ErrorAlert error={conflict.error} />
                ) : null}
              </>
            )}
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}
