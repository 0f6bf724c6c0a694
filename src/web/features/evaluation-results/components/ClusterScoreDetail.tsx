import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClusterScoreEntry, RoundScoresResponse } from '../../../../contracts/evaluation-results';
import { defineGradeScale, toHundredPoints } from '../../../../domain/evaluation';
import { useLocale, useLocalize } from '../../../lib/format';
import { CommentEditor } from './CommentEditor';
import { useEvaluatorLabel } from './evaluator-label';
import { GradeDistribution } from './GradeDistribution';
import { formatScore, formatScore100 } from './result-format';

interface ClusterScoreDetailProps {
  scores: RoundScoresResponse;
  entry: ClusterScoreEntry;
  /** Officers write the consolidated comment until the round is published. */
  canComment: boolean;
  commentVersion: number | undefined;
  onCommentVersion: (version: number) => void;
}

/**
 * One cluster opened in the ranked table: each counted evaluator's weighted score, who was left
 * out and why, the grades given per item, and the consolidated comment.
 */
export function ClusterScoreDetail({
  scores,
  entry,
  canComment,
  commentVersion,
  onCommentVersion,
}: ClusterScoreDetailProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const label = useEvaluatorLabel();
  const scale = defineGradeScale(scores.scale);
  const name = localize(entry.cluster.name);
  const headingId = `cluster-${entry.cluster.key}-detail`;
  return (
    <Stack gap="md" py="xs" component="section" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId}>
        {t('evaluationResults.detail.title', { cluster: name })}
      </Title>
      {entry.evaluators.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('evaluationResults.detail.noEvaluators')}
        </Text>
      ) : (
        <Table withTableBorder fz="sm" maw={640}>
          <Table.Caption>{t('evaluationResults.detail.evaluatorsCaption', { cluster: name })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evaluationResults.evaluator.heading')}</Table.Th>
              <Table.Th className="kcp-num">{t('evaluationResults.table.total')}</Table.Th>
              <Table.Th className="kcp-num">{t('evaluationResults.table.score100')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entry.evaluators.map((e) => (
              <Table.Tr key={e.evaluator.label}>
                <Table.Td>{label(e.evaluator)}</Table.Td>
                <Table.Td className="kcp-num">{formatScore(e.score, locale)}</Table.Td>
                <Table.Td className="kcp-num">
                  {formatScore100(toHundredPoints(e.score, scale), locale)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {entry.conflictedCount > 0 || entry.pendingCount > 0 ? (
        <Text size="sm" c="dimmed">
          {[
            entry.conflictedCount > 0
              ? t('evaluationResults.detail.conflicted', { count: entry.conflictedCount })
              : '',
            entry.pendingCount > 0
              ? t('evaluationResults.detail.pending', { count: entry.pendingCount })
              : '',
          ]
            .filter(Boolean)
            .join(' ')}
        </Text>
      ) : null}
      <GradeDistribution
        distribution={entry.distribution}
        items={scores.items}
        scale={scores.scale}
        caption={t('evaluationResults.detail.distributionCaption', { cluster: name })}
      />
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {t('evaluationResults.comment.title')}
        </Text>
        {canComment ? (
          <CommentEditor
            roundKey={scores.round.key}
            clusterKey={entry.cluster.key}
            comment={entry.comment}
            version={commentVersion}
            onVersion={onCommentVersion}
          />
        ) : entry.comment ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {localize(entry.comment)}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('evaluationResults.comment.none')}
          </Text>
        )}
      </Stack>
    </Stack>
  );
}
