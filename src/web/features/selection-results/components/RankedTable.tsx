import { ActionIcon, Anchor, Badge, Button, Group, Menu, Table, Text, Tooltip } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DecisionOutcome } from '../../../../contracts/selection-common';
import type { CallResults, ResultProposal } from '../../../../contracts/selection-results';
import { useErrorMessage } from '../../../components/ErrorAlert';
import { YenAmount } from '../../../components/YenAmount';
import { useLocale, useLocalize } from '../../../lib/format';
import { useCreateCluster } from '../api/selection-results-api';
import { DecisionModal } from './DecisionModal';
import { ReviewerBreakdown } from './ReviewerBreakdown';
import { formatScore, LINE_COLORS, OUTCOME_COLORS } from './score-format';

const FIXED_COLUMNS = 9;

/** Where the list changes section: the cut-off after the last suggested proposal, and each group's start. */
function markerBefore(
  list: ResultProposal[],
  i: number,
  cutoffAfter: number,
): 'cutoff' | 'ineligible' | 'unscored' | null {
  const p = list[i]!;
  const prev = i > 0 ? list[i - 1]! : null;
  if (prev && prev.group !== p.group) return p.group === 'ineligible' ? 'ineligible' : 'unscored';
  if (i === cutoffAfter + 1 && p.group === 'eligible') return 'cutoff';
  return null;
}

function ClusterAction({
  callKey,
  proposal,
  isDemo,
}: {
  callKey: string;
  proposal: ResultProposal;
  isDemo: boolean;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const create = useCreateCluster(callKey);
  const outcome = proposal.decision?.outcome;
  if (outcome !== 'selected' && outcome !== 'trial') return null;
  const cluster = create.data?.cluster ?? proposal.cluster;
  return (
    <Group gap={4} wrap="nowrap">
      {cluster ? (
        <Anchor component={Link} to={`/clusters/${encodeURIComponent(cluster.key)}`} size="sm">
          {t('selectionResults.cluster.view')}
        </Anchor>
      ) : null}
      <Tooltip
        label={
          isDemo
            ? t('selectionResults.cluster.demo')
            : create.error
              ? message(create.error)
              : t('selectionResults.cluster.help')
        }
      >
        <Button
          size="compact-xs"
          variant="light"
          disabled={isDemo}
          loading={create.isPending}
          color={create.error ? 'red' : undefined}
          onClick={() => create.mutate(proposal.proposalId)}
        >
          {cluster ? t('selectionResults.cluster.update') : t('selectionResults.cluster.create')}
        </Button>
      </Tooltip>
    </Group>
  );
}

/**
 * The ranked list: rank ("=2" for a shared rank), score, every criterion's figure, flags, where the
 * slots and budget run out, the decision and its buttons. A row expands to its reviewers' scores.
 */
export function RankedTable({ results }: { results: CallResults }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const [deciding, setDeciding] = useState<{ proposal: ResultProposal; outcome: DecisionOutcome } | null>(
    null,
  );
  const canDecide = results.call.status === 'decision';
  const list = results.proposals;
  const cutoffAfter = list.reduce((last, p, i) => (p.selection?.status === 'selected' ? i : last), -1);
  const columns = FIXED_COLUMNS + results.criteria.length;
  const toggle = (id: number) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const marker = (kind: 'cutoff' | 'ineligible' | 'unscored') => (
    <Table.Tr
      data-marker={kind}
      style={{
        borderTop: `3px ${kind === 'cutoff' ? 'solid var(--mantine-color-orange-6)' : 'dashed var(--mantine-color-gray-5)'}`,
      }}
    >
      <Table.Td colSpan={columns}>
        <Text size="sm" fw={600} c={kind === 'cutoff' ? 'orange' : 'dimmed'}>
          {t(`selectionResults.marker.${kind}`)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );

  return (
    <>
      <Table.ScrollContainer minWidth={1100}>
        <Table striped highlightOnHover withTableBorder stickyHeader fz="sm">
          <Table.Caption>{t('selectionResults.table.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th aria-label={t('selectionResults.table.expand')} />
              <Table.Th className="kcp-num">{t('selectionResults.table.rank')}</Table.Th>
              <Table.Th style={{ minWidth: '15rem' }}>{t('selectionResults.table.proposal')}</Table.Th>
              <Table.Th className="kcp-num">{t('selectionResults.table.score')}</Table.Th>
              {results.criteria.map((c) => (
                // Long criterion names wrap so the region column keeps its width.
                <Table.Th
                  key={c.key}
                  className="kcp-num"
                  style={{ minWidth: '5rem', maxWidth: '8rem', whiteSpace: 'normal' }}
                >
                  <Tooltip
                    label={`${localize(c.label)} — ${t('selectionResults.table.weight')} ${c.weight}${c.threshold !== null ? `, ${t('selectionResults.table.threshold')} ${c.threshold}` : ''}`}
                  >
                    <span>{localize(c.label)}</span>
                  </Tooltip>
                </Table.Th>
              ))}
              <Table.Th>{t('selectionResults.table.flags')}</Table.Th>
              <Table.Th className="kcp-num">{t('selectionResults.table.requested')}</Table.Th>
              <Table.Th>{t('selectionResults.table.suggestion')}</Table.Th>
              <Table.Th>{t('selectionResults.table.decision')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((p, i) => {
              const before = markerBefore(list, i, cutoffAfter);
              const expanded = open.has(p.proposalId);
              return (
                <Fragment key={p.proposalId}>
                  {before ? marker(before) : null}
                  <Table.Tr>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        aria-expanded={expanded}
                        aria-label={t('selectionResults.table.expandRow', { region: localize(p.region) })}
                        onClick={() => toggle(p.proposalId)}
                      >
                        {expanded ? '▾' : '▸'}
                      </ActionIcon>
                    </Table.Td>
                    <Table.Td className="kcp-num">
                      <Tooltip
                        label={
                          p.tiedWith.length > 0
                            ? t('selectionResults.table.tied')
                            : p.decidedByCriterion
                              ? t('selectionResults.table.tieBroken', { criterion: p.decidedByCriterion })
                              : ''
                        }
                        disabled={p.tiedWith.length === 0 && !p.decidedByCriterion}
                      >
                        <span>{p.rankLabel ?? '—'}</span>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {localize(p.region)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {localize(p.title)}
                      </Text>
                    </Table.Td>
                    <Table.Td className="kcp-num">
                      <strong>{formatScore(p.score, locale)}</strong>
                      <Text span size="xs" c="dimmed" display="block">
                        {t('selectionResults.table.reviews', { count: p.reviewCount })}
                        {p.excludedConflictedReviews > 0
                          ? ` (${t('selectionResults.table.excluded', { count: p.excludedConflictedReviews })})`
                          : ''}
                      </Text>
                    </Table.Td>
                    {p.criteria.map((c) => (
                      <Table.Td
                        key={c.key}
                        className="kcp-num"
                        c={c.belowThreshold ? 'red' : undefined}
                        title={c.consensus ? t('selectionResults.table.consensus') : undefined}
                      >
                        {formatScore(c.score, locale)}
                        {c.consensus ? '*' : ''}
                      </Table.Td>
                    ))}
                    <Table.Td>
                      <Group gap={4}>
                        {p.thresholdFailures.length > 0 ? (
                          <Tooltip
                            label={p.thresholdFailures.map((f) => f.message).join('\n')}
                            multiline
                            w={320}
                          >
                            <Badge color="red" variant="light" size="sm">
                              {t('selectionResults.flags.threshold')}
                            </Badge>
                          </Tooltip>
                        ) : null}
                        {p.disagreementFlags.length > 0 ? (
                          <Tooltip
                            label={p.disagreementFlags.map((f) => f.message).join('\n')}
                            multiline
                            w={320}
                          >
                            <Badge color="orange" variant="light" size="sm">
                              {t('selectionResults.flags.disagreement')}
                            </Badge>
                          </Tooltip>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td className="kcp-num">
                      <YenAmount yen={p.selection?.costYen ?? p.requestedYen} unit="million" />
                    </Table.Td>
                    <Table.Td>
                      {p.selection ? (
                        <Tooltip label={p.selection.reason} multiline w={300}>
                          <Badge color={LINE_COLORS[p.selection.status]} variant="dot" size="sm">
                            {t(`selectionResults.line.${p.selection.status}`)}
                          </Badge>
                        </Tooltip>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {p.decision ? (
                        <Tooltip label={p.decision.reason} multiline w={300}>
                          <Badge color={OUTCOME_COLORS[p.decision.outcome]} size="sm">
                            {t(`selectionResults.outcome.${p.decision.outcome}`)}
                          </Badge>
                        </Tooltip>
                      ) : (
                        <Text size="xs" c="dimmed">
                          {t('selectionResults.table.undecided')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {canDecide ? (
                          <Menu position="bottom-end" withinPortal>
                            <Menu.Target>
                              <Button size="compact-xs" variant="default">
                                {t('selectionResults.decision.open')}
                              </Button>
                            </Menu.Target>
                            <Menu.Dropdown>
                              {(['selected', 'trial', 'shortlisted', 'rejected'] as const).map((o) => (
                                <Menu.Item
                                  key={o}
                                  disabled={
                                    (o === 'selected' || o === 'trial') && p.thresholdFailures.length > 0
                                  }
                                  onClick={() => setDeciding({ proposal: p, outcome: o })}
                                >
                                  {t(`selectionResults.decision.action.${o}`)}
                                </Menu.Item>
                              ))}
                            </Menu.Dropdown>
                          </Menu>
                        ) : null}
                        <ClusterAction callKey={results.call.key} proposal={p} isDemo={results.call.isDemo} />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                  {expanded ? (
                    <Table.Tr>
                      <Table.Td colSpan={columns}>
                        <ReviewerBreakdown proposal={p} criteria={results.criteria} />
                        {p.decision?.consolidatedComment ? (
                          <Text size="sm" mt="xs">
                            <strong>{t('selectionResults.decision.comment')}</strong>
                            {t('common.colon')}
                            {p.decision.consolidatedComment}
                          </Text>
                        ) : null}
                        {p.decision?.overrideReason ? (
                          <Text size="sm" mt="xs">
                            <strong>{t('selectionResults.decision.override')}</strong>
                            {t('common.colon')}
                            {p.decision.overrideReason}
                          </Text>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ) : null}
                </Fragment>
              );
            })}
            {list.length > 0 && cutoffAfter === list.length - 1 ? marker('cutoff') : null}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {deciding ? (
        <DecisionModal
          callKey={results.call.key}
          proposal={deciding.proposal}
          initialOutcome={deciding.outcome}
          onClose={() => setDeciding(null)}
        />
      ) : null}
    </>
  );
}
