import { Badge, Button, Checkbox, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberRole, RoundDetail } from '../../../../contracts/evaluation-rounds';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api-client';
import { useLocalize } from '../../../lib/format';
import { useAddMember, useRemoveMember, useRoundCandidates } from '../api/rounds-api';

/**
 * While a group may still change: weighting members until their proposals can start making up the
 * weights (past self-evaluation), evaluators until grading begins. The server refuses removing anyone
 * who has proposed or graded; this keeps the page from offering what it would refuse.
 */
const CHANGEABLE: Record<MemberRole, ReadonlySet<RoundDetail['status']>> = {
  weighting_member: new Set(['draft', 'self_evaluation']),
  evaluator: new Set(['draft', 'self_evaluation', 'weighting']),
};

/**
 * The two groups of a round: the weighting group (one chair) and the evaluating group. A person
 * serves in one of them per round — the seed keeps the people who weight apart from those who grade.
 */
export function MembersPanel({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const changeable = (r: MemberRole) => CHANGEABLE[r].has(round.status);
  const openRoles = (['weighting_member', 'evaluator'] as const).filter(changeable);
  const open = openRoles.length > 0;
  const candidates = useRoundCandidates(round.key, open);
  const add = useAddMember(round.key);
  const remove = useRemoveMember(round.key);
  const [accountId, setAccountId] = useState<string | null>(null);
  const [role, setRole] = useState<MemberRole | null>(null);
  const [chair, setChair] = useState(false);
  const free = (candidates.data?.items ?? []).filter(
    (c) => c.memberRole === null && c.roles.some(changeable),
  );
  const chosen = free.find((c) => String(c.accountId) === accountId);
  const errorOf = (field: string) => (isApiError(add.error) ? add.error.fieldError(field) : undefined);

  const groups: { role: MemberRole; title: string }[] = [
    { role: 'weighting_member', title: t('evaluationRounds.members.weighting') },
    { role: 'evaluator', title: t('evaluationRounds.members.evaluating') },
  ];
  return (
    <Stack gap="lg">
      {groups.map((g) => {
        const members = round.members.filter((m) => m.role === g.role);
        const groupOpen = changeable(g.role);
        return (
          <Stack key={g.role} gap="xs">
            <Title order={2} size="h3">
              {g.title} ({members.length})
            </Title>
            {members.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('evaluationRounds.members.none')}
              </Text>
            ) : (
              <Table withTableBorder striped>
                <Table.Tbody>
                  {members.map((m) => (
                    <Table.Tr key={m.accountId}>
                      <Table.Td>
                        {m.displayName}{' '}
                        {m.isChair ? (
                          <Badge variant="light">{t('evaluationRounds.members.chair')}</Badge>
                        ) : null}
                      </Table.Td>
                      <Table.Td ta="right">
                        {groupOpen ? (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            loading={remove.isPending && remove.variables === m.accountId}
                            onClick={() =>
                              window.confirm(
                                t('evaluationRounds.members.removeConfirm', { name: m.displayName }),
                              ) && remove.mutate(m.accountId)
                            }
                          >
                            {t('evaluationRounds.members.remove')}
                          </Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {groupOpen ? null : (
              <Text size="sm" c="dimmed">
                {t(`evaluationRounds.members.closed.${g.role}`)}
              </Text>
            )}
          </Stack>
        );
      })}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {open ? (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('evaluationRounds.members.add')}
          </Title>
          <Group align="flex-end">
            <Select
              label={t('evaluationRounds.members.person')}
              placeholder={t('evaluationRounds.members.personPlaceholder')}
              searchable
              w={380}
              data={free.map((c) => ({
                value: String(c.accountId),
                label: c.organization ? `${c.displayName} — ${localize(c.organization)}` : c.displayName,
              }))}
              value={accountId}
              onChange={(v) => {
                setAccountId(v);
                const next = free.find((c) => String(c.accountId) === v);
                const roles = (next?.roles ?? []).filter(changeable);
                setRole(roles.length === 1 ? roles[0]! : null);
              }}
              error={errorOf('body.accountId')}
              nothingFoundMessage={t('evaluationRounds.members.noCandidates')}
            />
            <Select
              label={t('evaluationRounds.members.role')}
              w={220}
              data={(chosen?.roles ?? []).filter(changeable).map((r) => ({
                value: r,
                label: t(`evaluationRounds.members.roles.${r}`),
              }))}
              value={role}
              onChange={(v) => setRole(v)}
              error={errorOf('body.role')}
            />
            {role === 'weighting_member' ? (
              <Checkbox
                mb={8}
                label={t('evaluationRounds.members.asChair')}
                checked={chair}
                onChange={(e) => setChair(e.currentTarget.checked)}
              />
            ) : null}
            <Button
              disabled={!chosen || !role}
              loading={add.isPending}
              onClick={() =>
                chosen &&
                role &&
                add.mutate(
                  { accountId: chosen.accountId, role, isChair: role === 'weighting_member' && chair },
                  {
                    onSuccess: () => {
                      setAccountId(null);
                      setRole(null);
                      setChair(false);
                    },
                  },
                )
              }
            >
              {t('evaluationRounds.members.addButton')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('evaluationRounds.members.candidatesHelp')}
          </Text>
          {add.isError && (!isApiError(add.error) || add.error.fieldErrors.length === 0) ? (
            <ErrorAlert error={add.error} />
          ) : null}
          {candidates.isError ? <ErrorAlert error={candidates.error} /> : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
