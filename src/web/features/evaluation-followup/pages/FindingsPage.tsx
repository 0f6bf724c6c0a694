import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  FOLLOW_UP_STATUSES,
  type Finding,
  type FollowUpStatus,
} from '../../../../contracts/evaluation-findings';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { RoundShell } from '../../../components/RoundShell';
import { useLocalize } from '../../../lib/format';
import { useRoundFindings } from '../api/findings-api';
import { EditFindingModal } from '../components/EditFindingModal';
import {
  FindingFilters,
  filterFromParams,
  filterToParams,
  type FindingFilter,
} from '../components/FindingFilters';
import { FindingItem } from '../components/FindingItem';
import { NewFindingModal } from '../components/NewFindingModal';
import { RespondModal } from '../components/RespondModal';
import { TagSummary } from '../components/TagSummary';

/** Findings are recorded between a round's opening and its closing. */
function isRecording(round: RoundDetail): boolean {
  return round.status !== 'draft' && round.status !== 'closed';
}

function matches(finding: Finding, filter: FindingFilter): boolean {
  return (
    (filter.tag === null || finding.tag === filter.tag) &&
    (filter.status === null || finding.followUpStatus === filter.status) &&
    (filter.cluster === null || finding.cluster.key === filter.cluster)
  );
}

/** Findings by cluster, in the round's order of clusters. */
function groupByCluster(round: RoundDetail, findings: readonly Finding[]) {
  const order = new Map(round.clusters.map((c, i) => [c.key, i]));
  const groups = new Map<string, { cluster: Finding['cluster']; findings: Finding[] }>();
  for (const f of findings) {
    const group = groups.get(f.cluster.key) ?? { cluster: f.cluster, findings: [] };
    group.findings.push(f);
    groups.set(f.cluster.key, group);
  }
  return [...groups.values()].sort(
    (a, b) => (order.get(a.cluster.key) ?? Infinity) - (order.get(b.cluster.key) ?? Infinity),
  );
}

function FindingsSection({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const findings = useRoundFindings(round.key);
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Finding | null>(null);
  const [responding, setResponding] = useState<Finding | null>(null);
  if (findings.isPending) return <LoadingState />;
  if (findings.isError) return <ErrorAlert error={findings.error} onRetry={() => void findings.refetch()} />;

  const items = findings.data.items;
  const sameButStatus = items.filter((f) => matches(f, { ...filter, status: null }));
  const statusCounts = Object.fromEntries(
    FOLLOW_UP_STATUSES.map((s) => [s, sameButStatus.filter((f) => f.followUpStatus === s).length]),
  ) as Record<FollowUpStatus, number>;
  const shown = items.filter((f) => matches(f, filter));
  const groups = groupByCluster(round, shown);
  const unresolved = items.filter((f) => f.followUpStatus !== 'resolved').length;
  const clusterCount = new Set(items.map((f) => f.cluster.id)).size;
  const canRecord = round.canManage && isRecording(round);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 30rem' }}>
          <Text size="sm" c="dimmed">
            {t('evaluationFollowup.findings.intro')}
          </Text>
          {items.length > 0 ? (
            <Text size="sm">
              {t('evaluationFollowup.findings.counts', {
                count: items.length,
                clusters: clusterCount,
                unresolved,
              })}
            </Text>
          ) : null}
        </Stack>
        {canRecord ? (
          <Button onClick={() => setCreating(true)}>{t('evaluationFollowup.create.open')}</Button>
        ) : null}
      </Group>
      {round.canManage && !isRecording(round) ? (
        <Alert color="gray" variant="light">
          {t('evaluationFollowup.findings.notRecording', { status: t(`roundStatus.${round.status}`) })}
        </Alert>
      ) : null}
      {!round.canManage && round.publishedAt === null ? (
        <Alert color="blue" variant="light">
          {t('evaluationFollowup.findings.ownClusterOnly')}
        </Alert>
      ) : null}

      {items.length === 0 ? (
        <Alert color="gray" variant="light">
          {canRecord ? t('evaluationFollowup.findings.emptyOfficer') : t('evaluationFollowup.findings.empty')}
        </Alert>
      ) : (
        <>
          <Stack gap="xs">
            <Title order={2} size="h3">
              {t('evaluationFollowup.summary.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('evaluationFollowup.summary.explain')}
            </Text>
            <TagSummary findings={items} />
          </Stack>

          <Stack gap="sm">
            <Title order={2} size="h3">
              {t('evaluationFollowup.findings.byCluster')}
            </Title>
            <FindingFilters
              round={round}
              filter={filter}
              onChange={(next) => setParams(filterToParams(next), { replace: true })}
              statusCounts={statusCounts}
              shown={shown.length}
              total={items.length}
            />
            {groups.length === 0 ? (
              <Alert color="gray" variant="light">
                {t('common.noResults')}
              </Alert>
            ) : (
              groups.map((g) => {
                const open = g.findings.filter((f) => f.followUpStatus !== 'resolved').length;
                return (
                  <Stack
                    key={g.cluster.key}
                    gap="xs"
                    component="section"
                    aria-labelledby={`findings-${g.cluster.key}`}
                  >
                    <Group gap="sm" align="baseline">
                      <Title order={3} size="h4" id={`findings-${g.cluster.key}`}>
                        <Anchor
                          component={Link}
                          to={`/clusters/${encodeURIComponent(g.cluster.key)}`}
                          inherit
                        >
                          {localize(g.cluster.name)}
                        </Anchor>
                      </Title>
                      <Badge variant="light" color={open > 0 ? 'red' : 'teal'}>
                        {t('evaluationFollowup.findings.clusterCounts', { count: g.findings.length, open })}
                      </Badge>
                    </Group>
                    {g.findings.map((f) => (
                      <FindingItem key={f.id} finding={f} onEdit={setEditing} onRespond={setResponding} />
                    ))}
                  </Stack>
                );
              })
            )}
          </Stack>
        </>
      )}

      {creating ? (
        <NewFindingModal round={round} onClose={() => setCreating(false)} clusterKey={filter.cluster} />
      ) : null}
      {editing ? <EditFindingModal round={round} finding={editing} onClose={() => setEditing(null)} /> : null}
      {responding ? (
        <RespondModal roundKey={round.key} finding={responding} onClose={() => setResponding(null)} />
      ) : null}
    </Stack>
  );
}

/** /rounds/:key/findings — the round's "issues to be solved" per cluster, headquarters' responses and the follow-up. */
export function FindingsPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  return (
    <RoundShell roundKey={key} section="findings" sectionTitle={t('roundTabs.findings')}>
      {(round) => <FindingsSection round={round} />}
    </RoundShell>
  );
}
