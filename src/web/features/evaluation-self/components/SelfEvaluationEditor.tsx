import { Alert, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';
import {
  MAX_NARRATIVE_LENGTH,
  type SelfEvaluationAttachment,
  type SelfEvaluationDetail,
} from '../../../../contracts/evaluation-self-evaluations';
import { isApiError } from '../../../lib/api-client';
import { useLocalize } from '../../../lib/format';
import { useValidationMessage } from '../../../lib/use-validation-message';
import { useSaveSelfEvaluation, useSubmitSelfEvaluation } from '../api/self-evaluations-api';
import { ActionError } from './ActionError';
import { ClusterDataPanel } from './ClusterDataPanel';
import { ConflictAlert } from './ConflictAlert';
import { criterionItems, sameTexts, withoutBlanks } from './criteria-items';
import { NarrativeItem } from './NarrativeItem';
import { ReopenReportModal } from './ReopenReportModal';
import { ReportAttachments } from './ReportAttachments';
import { ReportHeader } from './ReportHeader';
import { SubmitReportModal } from './SubmitReportModal';
import { UnsavedChangesGuard } from './UnsavedChangesGuard';

const NO_FILES: SelfEvaluationAttachment[] = [];

interface SelfEvaluationEditorProps {
  round: RoundDetail;
  report: SelfEvaluationDetail;
  /** Refetches the report (after a version conflict) and answers the fresh copy. */
  onReload: () => Promise<SelfEvaluationDetail | undefined>;
}

/**
 * One cluster's self-evaluation report: a narrative per criterion item (written by headquarters,
 * read by officers and evaluators) with files, beside the cluster's data for the period.
 *
 * The typed text lives in this component's state, apart from the query cache: refetches (after a
 * file upload, on window focus) never overwrite it. The server's copy is adopted only when nothing
 * typed would be lost, or when the writer asks to reload after a version conflict.
 */
export function SelfEvaluationEditor({ round, report, onReload }: SelfEvaluationEditorProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const validationMessage = useValidationMessage();
  const roundKey = round.key;
  const clusterKey = report.cluster.key;
  const save = useSaveSelfEvaluation(roundKey, clusterKey);
  const submit = useSubmitSelfEvaluation(roundKey, clusterKey);
  /** The server's copy the draft started from, and its version (sent with the next write). */
  const [base, setBase] = useState(() => ({ version: report.version, narratives: report.narratives }));
  const [draft, setDraft] = useState<Record<string, string>>(() => report.narratives);
  const [confirming, setConfirming] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [reloading, setReloading] = useState(false);
  const editable = report.canEdit;
  const dirty = editable && !sameTexts(draft, base.narratives);

  useEffect(() => {
    if (report.version !== base.version && !dirty) {
      setBase({ version: report.version, narratives: report.narratives });
      setDraft(report.narratives);
    }
  }, [report.version, report.narratives, base.version, dirty]);

  const items = useMemo(() => criterionItems(round.criteria), [round.criteria]);
  const texts = editable ? draft : report.narratives;
  const missing = report.contentHidden
    ? []
    : items.filter((ref) => (texts[ref.item.key] ?? '').trim() === '');
  const tooLong = items.filter((ref) => (texts[ref.item.key] ?? '').length > MAX_NARRATIVE_LENGTH);

  const filesByItem = useMemo(() => {
    const known = new Set(items.map((ref) => ref.item.key));
    const map = new Map<string | null, SelfEvaluationAttachment[]>();
    for (const a of report.attachments) {
      const key = a.itemKey !== null && known.has(a.itemKey) ? a.itemKey : null;
      map.set(key, [...(map.get(key) ?? []), a]);
    }
    return map;
  }, [report.attachments, items]);

  const onChange = useCallback(
    (itemKey: string, text: string) => setDraft((old) => ({ ...old, [itemKey]: text })),
    [],
  );

  const saveDraft = async (): Promise<SelfEvaluationDetail> => {
    submit.reset();
    const saved = await save.mutateAsync({ version: base.version, narratives: withoutBlanks(draft) });
    // Keep what is on screen (text typed while saving stays unsaved); the base moves to the server's.
    setBase({ version: saved.version, narratives: saved.narratives });
    return saved;
  };

  const submitReport = async () => {
    try {
      const version = dirty ? (await saveDraft()).version : base.version;
      const done = await submit.mutateAsync(version);
      setBase({ version: done.version, narratives: done.narratives });
      setDraft(done.narratives);
    } catch {
      // The failed mutation shows its own error below the actions.
    } finally {
      setConfirming(false);
    }
  };

  const reloadLatest = async () => {
    setReloading(true);
    try {
      const fresh = await onReload();
      if (fresh) {
        setBase({ version: fresh.version, narratives: fresh.narratives });
        setDraft(fresh.narratives);
        save.reset();
        submit.reset();
      }
    } finally {
      setReloading(false);
    }
  };

  const itemError = (itemKey: string): string | undefined => {
    const field = (error: unknown, name: string) =>
      isApiError(error) ? error.fieldErrors.find((e) => e.field === name)?.message : undefined;
    const refused = field(save.error, `body.narratives.${itemKey}`);
    if (refused) return validationMessage(refused);
    // Submission names each item still without a narrative.
    return field(submit.error, `narratives.${itemKey}`) ? t('evaluationSelf.item.required') : undefined;
  };

  const failure = save.error ?? submit.error;
  const conflict = isApiError(failure) && failure.code === 'VERSION_CONFLICT';
  const clusterName = localize(report.cluster.name);

  return (
    <Stack gap="md">
      <UnsavedChangesGuard when={dirty} />
      <ReportHeader
        round={round}
        report={report}
        itemCount={items.length}
        missing={missing}
        dirty={dirty}
        saving={save.isPending}
        submitting={submit.isPending}
        submitBlockedBy={
          tooLong.length > 0
            ? t('evaluationSelf.report.tooLong', {
                items: tooLong.map((ref) => localize(ref.item.label)).join(t('common.listSeparator')),
              })
            : null
        }
        onSave={() => void saveDraft().catch(() => undefined)}
        onSubmit={() => setConfirming(true)}
        onReopen={() => setReopening(true)}
      >
        {conflict ? (
          <ConflictAlert
            message={t('evaluationSelf.conflict.report')}
            onReload={() => void reloadLatest()}
            reloading={reloading}
          />
        ) : failure ? (
          <ActionError error={failure} />
        ) : null}
      </ReportHeader>

      {report.contentHidden ? (
        <Alert color="blue" variant="light" title={t('evaluationSelf.report.hiddenTitle')}>
          {t('evaluationSelf.report.hiddenBody')}
        </Alert>
      ) : null}

      <Grid gap="lg">
        {report.contentHidden ? null : (
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="md">
              {round.criteria.map((group) => (
                <Paper withBorder p="md" key={group.key} component="section">
                  <Title order={3} size="h4" mb="sm">
                    {localize(group.label)}
                  </Title>
                  <Stack gap="xl">
                    {group.items.map((item) => (
                      <NarrativeItem
                        key={item.key}
                        item={item}
                        text={texts[item.key] ?? ''}
                        editable={editable}
                        onChange={onChange}
                        error={itemError(item.key)}
                        roundKey={roundKey}
                        clusterKey={clusterKey}
                        attachments={filesByItem.get(item.key) ?? NO_FILES}
                      />
                    ))}
                  </Stack>
                </Paper>
              ))}
              <Paper withBorder p="md" component="section">
                <Title order={3} size="h4" mb={4}>
                  {t('evaluationSelf.files.wholeReport')}
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  {t('evaluationSelf.files.wholeReportHint')}
                </Text>
                {!editable && (filesByItem.get(null) ?? NO_FILES).length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('evaluationSelf.files.none')}
                  </Text>
                ) : (
                  <ReportAttachments
                    roundKey={roundKey}
                    clusterKey={clusterKey}
                    itemKey={null}
                    attachments={filesByItem.get(null) ?? NO_FILES}
                    editable={editable}
                    label={t('evaluationSelf.files.wholeReport')}
                  />
                )}
              </Paper>
            </Stack>
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, lg: report.contentHidden ? 12 : 5 }}>
          <ClusterDataPanel data={report.clusterData} />
        </Grid.Col>
      </Grid>

      <SubmitReportModal
        opened={confirming}
        clusterName={clusterName}
        savesFirst={dirty}
        submitting={save.isPending || submit.isPending}
        onConfirm={() => void submitReport()}
        onClose={() => setConfirming(false)}
      />
      {reopening ? (
        <ReopenReportModal
          report={report}
          onClose={() => setReopening(false)}
          onReload={() => void onReload()}
        />
      ) : null}
    </Stack>
  );
}
