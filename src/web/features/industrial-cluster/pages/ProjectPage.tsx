import { Anchor, Badge, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectMember } from '../../../../contracts/industrial-cluster';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { SourceNote } from '../../../components/SourceNote';
import { useFormatters, useLocale, useLocalize } from '../../../lib/format';
import { useProject, useSeedChoices } from '../api/industrial-cluster-api';
import { CommitteeModal } from '../components/CommitteeModal';
import { ProjectClustersModal, ProjectSeedsModal } from '../components/LinkModals';
import { AddMemberModal, RemoveMemberModal } from '../components/MemberModals';
import { MetiFundModal } from '../components/MetiFundModal';
import { MetiFundsChart } from '../components/MetiFundsChart';
import { ProjectFormModal } from '../components/ProjectFormModal';
import { seedTitle } from '../components/seed-title';

type Dialog =
  | { kind: 'edit' | 'addMember' | 'clusters' | 'seeds' | 'fund' | 'committee' }
  | { kind: 'removeMember'; member: ProjectMember }
  | null;

/** A section heading with the managers' button beside it. */
function SectionTitle({ title, action }: { title: string; action?: ReactNode }) {
  return (
    <Group justify="space-between">
      <Title order={2}>{title}</Title>
      {action}
    </Group>
  );
}

/** Titles of the seeds the reader may see, by id (the rest show as "Seed #id"). */
function useSeedTitles(): (id: number) => string | null {
  const locale = useLocale();
  const seeds = useSeedChoices();
  const titles = new Map<number, string | null>();
  for (const s of seeds.data?.items ?? []) titles.set(s.id, seedTitle(s, locale));
  return (id) => titles.get(id) ?? null;
}

/**
 * One project: members, linked clusters, seeds, METI funds (with a chart by fiscal year) and
 * committees. Managers edit the project, its members and links; officers with budget rights record
 * METI funds.
 */
export function ProjectPage() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const f = useFormatters();
  const { key = '' } = useParams();
  const project = useProject(key);
  const titleOf = useSeedTitles();
  const [dialog, setDialog] = useState<Dialog>(null);
  if (project.isPending) return <LoadingState />;
  if (project.error) return <ErrorAlert error={project.error} onRetry={() => void project.refetch()} />;
  const p = project.data;
  const close = () => setDialog(null);
  const open = (kind: 'edit' | 'addMember' | 'clusters' | 'seeds' | 'fund' | 'committee') => () =>
    setDialog({ kind });
  const seedLabel = (id: number) => titleOf(id) ?? t('industrialCluster.seedRef', { id });
  const manageButton = (label: string, onClick: () => void) =>
    p.canManage ? (
      <Button variant="light" size="sm" onClick={onClick}>
        {label}
      </Button>
    ) : null;
  return (
    <Stack gap="lg">
      {dialog?.kind === 'edit' ? <ProjectFormModal project={p} onClose={close} /> : null}
      {dialog?.kind === 'addMember' ? <AddMemberModal project={p} onClose={close} /> : null}
      {dialog?.kind === 'removeMember' ? (
        <RemoveMemberModal project={p} member={dialog.member} onClose={close} />
      ) : null}
      {dialog?.kind === 'clusters' ? <ProjectClustersModal project={p} onClose={close} /> : null}
      {dialog?.kind === 'seeds' ? <ProjectSeedsModal project={p} onClose={close} /> : null}
      {dialog?.kind === 'fund' ? <MetiFundModal project={p} onClose={close} /> : null}
      {dialog?.kind === 'committee' ? <CommitteeModal projectKey={p.key} onClose={close} /> : null}
      <PageTitle
        title={localize(p.name)}
        subtitle={t('industrialCluster.bureauName', { name: t(`industrialCluster.bureau.${p.bureau}`) })}
        actions={
          p.canManage ? (
            <Button onClick={open('edit')}>{t('industrialCluster.form.editProject')}</Button>
          ) : null
        }
      >
        <Group gap="xs">
          <Badge>{t(`industrialCluster.status.${p.status}`)}</Badge>
          <Text size="sm">{f.fyRange(p.startFy, p.endFy)}</Text>
          {p.isPublished ? null : <Badge color="gray">{t('industrialCluster.unpublished')}</Badge>}
        </Group>
      </PageTitle>
      {localize(p.description) ? <Text>{localize(p.description)}</Text> : null}

      <SectionTitle
        title={t('industrialCluster.members')}
        action={manageButton(t('industrialCluster.form.addMember'), open('addMember'))}
      />
      {p.members.length === 0 ? (
        <Text c="dimmed">{t('industrialCluster.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('industrialCluster.col.organization')}</Table.Th>
                <Table.Th>{t('industrialCluster.col.role')}</Table.Th>
                <Table.Th>{t('industrialCluster.col.joined')}</Table.Th>
                {p.canManage ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.members.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{localize(m.organization.name)}</Table.Td>
                  <Table.Td>{t(`industrialCluster.memberRole.${m.role}`)}</Table.Td>
                  <Table.Td>{m.joinedFy === null ? '—' : f.fy(m.joinedFy)}</Table.Td>
                  {p.canManage ? (
                    <Table.Td>
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        onClick={() => setDialog({ kind: 'removeMember', member: m })}
                        aria-label={t('industrialCluster.form.removeMemberNamed', {
                          organization: localize(m.organization.name),
                        })}
                      >
                        {t('industrialCluster.form.removeMember')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <SectionTitle
        title={t('industrialCluster.linkedClusters')}
        action={manageButton(t('industrialCluster.form.editClusters'), open('clusters'))}
      />
      {p.clusters.length === 0 ? (
        <Text c="dimmed">{t('industrialCluster.none')}</Text>
      ) : (
        <List>
          {p.clusters.map((c) => (
            <List.Item key={c.id}>
              <Anchor component={Link} to={`/clusters/${c.key}`}>
                {localize(c.name)}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}

      <SectionTitle
        title={t('industrialCluster.seeds')}
        action={manageButton(t('industrialCluster.form.editSeeds'), open('seeds'))}
      />
      {p.seedIds.length === 0 ? (
        <Text c="dimmed">{t('industrialCluster.none')}</Text>
      ) : (
        <List>
          {p.seedIds.map((id) => (
            <List.Item key={id}>
              <Anchor component={Link} to={`/seeds/${id}`}>
                {seedLabel(id)}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}

      <SectionTitle
        title={t('industrialCluster.funds')}
        action={
          p.canRecordFunds ? (
            <Button variant="light" size="sm" onClick={open('fund')}>
              {t('industrialCluster.form.recordFund')}
            </Button>
          ) : null
        }
      />
      <Text size="sm" c="dimmed">
        {t('industrialCluster.fundsNote')}
      </Text>
      {p.metiFunds.length === 0 ? (
        <Text c="dimmed">{t('industrialCluster.none')}</Text>
      ) : (
        <>
          <MetiFundsChart funds={p.metiFunds} />
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('industrialCluster.col.fiscalYear')}</Table.Th>
                  <Table.Th ta="right">{t('industrialCluster.col.amount')}</Table.Th>
                  <Table.Th>{t('industrialCluster.col.purpose')}</Table.Th>
                  <Table.Th>{t('industrialCluster.col.clusters')}</Table.Th>
                  <Table.Th>{t('industrialCluster.col.seed')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.metiFunds.map((fund) => (
                  <Table.Tr key={fund.id}>
                    <Table.Td>{f.fy(fund.fiscalYear)}</Table.Td>
                    <Table.Td ta="right">{f.yen(fund.amountYen)}</Table.Td>
                    <Table.Td>{localize(fund.purpose)}</Table.Td>
                    <Table.Td>{fund.cluster ? localize(fund.cluster.name) : '—'}</Table.Td>
                    <Table.Td>
                      {fund.seedId === null ? (
                        '—'
                      ) : (
                        <Anchor component={Link} to={`/seeds/${fund.seedId}`}>
                          {seedLabel(fund.seedId)}
                        </Anchor>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}

      <SectionTitle
        title={t('industrialCluster.committees')}
        action={manageButton(t('industrialCluster.form.newCommittee'), open('committee'))}
      />
      {p.committees.length === 0 ? (
        <Text c="dimmed">{t('industrialCluster.none')}</Text>
      ) : (
        <List>
          {p.committees.map((c) => (
            <List.Item key={c.id}>
              <Anchor component={Link} to={`/industrial-cluster/committees/${c.id}`}>
                {localize(c.name)}
              </Anchor>{' '}
              <Text span size="sm" c="dimmed">
                {t(`industrialCluster.committeeLevel.${c.level}`)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      <SourceNote sources={p.source} />
    </Stack>
  );
}
