import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Progress,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';
import type { SelfEvaluationDetail } from '../../../../contracts/evaluation-self-evaluations';
import { useFormatters, useLocalize } from '../../../lib/format';
import { type CriterionItemRef, narrativeDomId } from './criteria-items';
import { PhaseDates } from './PhaseDates';
import { SelfEvaluationStatusBadge } from './SelfEvaluationStatusBadge';

interface ReportHeaderProps {
  round: RoundDetail;
  report: SelfEvaluationDetail;
  itemCount: number;
  /** Items without a narrative, in tree order (of the text on screen while editing). */
  missing: CriterionItemRef[];
  dirty: boolean;
  saving: boolean;
  submitting: boolean;
  /** Why submission is not possible yet besides missing items (e.g. a text over the limit). */
  submitBlockedBy: string | null;
  onSave: () => void;
  onSubmit: () => void;
  onReopen: () => void;
  /** Alerts of the last action (conflict, refusal). */
  children?: ReactNode;
}

/** The report's state and its actions: status, period, deadline, progress, save, submit, reopen. */
export function ReportHeader(props: ReportHeaderProps) {
  const { round, report, itemCount, missing, dirty, saving, submitting, submitBlockedBy } = props;
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const written = itemCount - missing.length;
  const editable = report.canEdit;
  const inPhase = round.status === 'self_evaluation';
  const missingId = 'self-evaluation-missing';
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <Stack gap={4} style={{ flex: '1 1 20rem' }}>
            <Group gap="xs">
              <Title order={2} size="h3">
                {localize(report.cluster.name)}
              </Title>
              <SelfEvaluationStatusBadge status={report.status} />
              {dirty ? (
                <Badge color="orange" variant="outline">
                  {t('evaluationSelf.report.unsaved')}
                </Badge>
              ) : null}
            </Group>
            <Text size="sm">
              {t('evaluationSelf.report.period', {
                period: f.fyRange(report.clusterData.fromFiscalYear, report.clusterData.toFiscalYear),
              })}
            </Text>
            <PhaseDates
              round={round}
              phase="self_evaluation"
              countdown={inPhase && report.status !== 'submitted'}
            />
            {report.submittedAt ? (
              <Text size="sm">
                {t('evaluationSelf.report.submittedAt', { date: f.dateTime(report.submittedAt) })}
              </Text>
            ) : report.updatedAt ? (
              <Text size="sm" c="dimmed">
                {t('evaluationSelf.report.savedAt', { date: f.dateTime(report.updatedAt) })}
              </Text>
            ) : null}
          </Stack>
          <Group gap="sm">
            {editable ? (
              <Button variant="light" onClick={props.onSave} loading={saving} disabled={!dirty}>
                {t('evaluationSelf.report.save')}
              </Button>
            ) : null}
            {editable ? (
              <Button
                onClick={props.onSubmit}
                loading={submitting}
                disabled={missing.length > 0 || submitBlockedBy !== null}
                aria-describedby={missing.length > 0 ? missingId : undefined}
              >
                {t('evaluationSelf.report.submit')}
              </Button>
            ) : null}
            {report.canReopen ? (
              <Button color="orange" variant="outline" onClick={props.onReopen}>
                {t('evaluationSelf.report.reopen')}
              </Button>
            ) : null}
          </Group>
        </Group>

        {report.contentHidden ? null : (
          <Stack gap={4}>
            <Text size="sm">{t('evaluationSelf.report.progress', { written, total: itemCount })}</Text>
            <Progress
              value={itemCount === 0 ? 0 : (written / itemCount) * 100}
              color={written === itemCount ? 'green' : 'blue'}
              aria-label={t('evaluationSelf.report.progress', { written, total: itemCount })}
            />
          </Stack>
        )}

        {editable && missing.length > 0 ? (
          <div id={missingId}>
            <Text size="sm" c="red.8">
              {t('evaluationSelf.report.missing', { count: missing.length })}
            </Text>
            <List size="sm">
              {missing.map((ref) => (
                <List.Item key={ref.item.key}>
                  <Anchor href={`#${narrativeDomId(ref.item.key)}`} size="sm">
                    {localize(ref.groupLabel)} › {localize(ref.item.label)}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
        {editable && submitBlockedBy ? (
          <Text size="sm" c="red.8">
            {submitBlockedBy}
          </Text>
        ) : null}

        {report.status === 'submitted' ? (
          <Alert color="green" variant="light">
            {report.canReopen
              ? t('evaluationSelf.report.submittedOfficer')
              : t('evaluationSelf.report.submittedLocked')}
          </Alert>
        ) : !editable && !report.contentHidden && round.status === 'draft' ? (
          <Alert color="gray" variant="light">
            {t('evaluationSelf.report.notOpenYet')}
          </Alert>
        ) : !editable && !report.contentHidden && !inPhase ? (
          <Alert color="gray" variant="light">
            {t('evaluationSelf.report.phaseOver')}
          </Alert>
        ) : !editable && !report.contentHidden && report.status === 'draft' ? (
          <Alert color="gray" variant="light">
            {t('evaluationSelf.report.readingDraft')}
          </Alert>
        ) : null}
        {report.reopened ? (
          <Alert color="orange" variant="light" title={t('evaluationSelf.report.reopenedTitle')}>
            {t('evaluationSelf.report.reopened', {
              at: f.dateTime(report.reopened.at),
              reason: report.reopened.reason,
            })}
          </Alert>
        ) : null}
        {props.children}
      </Stack>
    </Paper>
  );
}
