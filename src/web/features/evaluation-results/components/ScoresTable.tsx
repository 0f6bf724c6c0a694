import { ActionIcon, Badge, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundScoresResponse } from '../../../../contracts/evaluation-results';
import { useLocale, useLocalize } from '../../../lib/format';
import { BandBadge } from './BandBadge';
import { ClusterScoreDetail } from './ClusterScoreDetail';
import { Rank } from './Rank';
import { formatScore, formatScore100, scaleRange } from './result-format';
import { scrollRegion } from '../../../lib/scroll-region';

interface ScoresTableProps {
  scores: RoundScoresResponse;
  canComment: boolean;
}

/**
 * The ranked clusters: rank (shared on equal totals), band, total on the points scale and on 100,
 * how many evaluators counted and how many were left out. A row opens to its evaluators' scores,
 * its grades per item and its consolidated comment.
 */
export function ScoresTable({ scores, canComment }: ScoresTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const [open, setOpen] = useState<Set<string>>(new Set());
  // The comment versions learnt from saves (and conflicts) survive closing a row and win over the
  // version the scores were read at.
  const [versions, setVersions] = useState<Record<string, number>>({});
  const names = new Map(scores.clusters.map((c) => [c.cluster.key, localize(c.cluster.name)]));
  const showComment = scores.audience === 'officer';
  const columns = showComment ? 9 : 8;
  const max = scaleRange(scores.scale).max;
  const toggle = (key: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={860} scrollAreaProps={scrollRegion()}>
      <Table striped highlightOnHover withTableBorder fz="sm">
        <Table.Caption>{t('evaluationResults.table.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th aria-label={t('evaluationResults.table.expand')} />
            <Table.Th className="kcp-num">{t('evaluationResults.table.rank')}</Table.Th>
            <Table.Th style={{ minWidth: '14rem' }}>{t('evaluationResults.table.cluster')}</Table.Th>
            <Table.Th>{t('evaluationResults.table.band')}</Table.Th>
            <Table.Th className="kcp-num">{t('evaluationResults.table.totalOf', { max })}</Table.Th>
            <Table.Th className="kcp-num">{t('evaluationResults.table.score100')}</Table.Th>
            <Table.Th className="kcp-num">{t('evaluationResults.table.evaluators')}</Table.Th>
            <Table.Th className="kcp-num">{t('evaluationResults.table.leftOut')}</Table.Th>
            {showComment ? <Table.Th>{t('evaluationResults.table.comment')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scores.clusters.map((c) => {
            const expanded = open.has(c.cluster.key);
            const name = localize(c.cluster.name);
            return (
              <Fragment key={c.cluster.key}>
                <Table.Tr>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      size="sm"
                      aria-expanded={expanded}
                      aria-label={t('evaluationResults.table.expandRow', { cluster: name })}
                      onClick={() => toggle(c.cluster.key)}
                    >
                      {expanded ? '▾' : '▸'}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td className="kcp-num">
                    <Rank rank={c.rank} tiedWith={c.tiedWith.map((k) => names.get(k) ?? k)} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <BandBadge band={c.band} bands={scores.bands} />
                  </Table.Td>
                  <Table.Td className="kcp-num">
                    <strong>{formatScore(c.totalScore, locale)}</strong>
                  </Table.Td>
                  <Table.Td className="kcp-num">{formatScore100(c.score100, locale)}</Table.Td>
                  <Table.Td className="kcp-num">{c.evaluatorCount}</Table.Td>
                  <Table.Td className="kcp-num">
                    {c.conflictedCount + c.pendingCount === 0 ? (
                      '0'
                    ) : (
                      <>
                        {c.conflictedCount > 0 ? (
                          <Text span size="xs" display="block">
                            {t('evaluationResults.table.conflicted', { count: c.conflictedCount })}
                          </Text>
                        ) : null}
                        {c.pendingCount > 0 ? (
                          <Text span size="xs" display="block" c="orange.8">
                            {t('evaluationResults.table.pending', { count: c.pendingCount })}
                          </Text>
                        ) : null}
                      </>
                    )}
                  </Table.Td>
                  {showComment ? (
                    <Table.Td>
                      {c.comment ? (
                        <Badge variant="light" color="teal">
                          {t('evaluationResults.table.commentWritten')}
                        </Badge>
                      ) : (
                        <Badge variant="light" color="gray">
                          {t('evaluationResults.table.commentMissing')}
                        </Badge>
                      )}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
                {expanded ? (
                  <Table.Tr>
                    <Table.Td colSpan={columns}>
                      <ClusterScoreDetail
                        scores={scores}
                        entry={c}
                        canComment={canComment}
                        commentVersion={versions[c.cluster.key] ?? c.commentVersion ?? undefined}
                        onCommentVersion={(v) => setVersions((all) => ({ ...all, [c.cluster.key]: v }))}
                      />
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
