import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FINDING_TAGS,
  FOLLOW_UP_STATUSES,
  type Finding,
  type FindingTag,
  type FollowUpStatus,
  MAX_FINDING_LENGTH,
  type UpdateFindingBody,
} from '../../../../contracts/evaluation-findings';
import type { RoundDetail, RoundSummary } from '../../../../contracts/evaluation-rounds';
import { isApiError } from '../../../lib/api-client';
import { apiFieldErrors } from '../../../lib/form-errors';
import { useFormatters, useLocalize } from '../../../lib/format';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { useFollowUpRounds, useReloadFindings, useUpdateFinding } from '../api/findings-api';
import { useTagLabel } from './FindingBadges';
import { ProblemAlert } from './ProblemAlert';

/** Rounds after this one (a later fiscal year, or opened later in the same year): where a finding can be carried. */
export function laterRounds(round: Pick<RoundDetail, 'id' | 'fiscalYear'>, rounds: readonly RoundSummary[]) {
  return rounds.filter(
    (r) => r.fiscalYear > round.fiscalYear || (r.fiscalYear === round.fiscalYear && r.id > round.id),
  );
}

/** What a finding's round allows: its tag and text change between opening and closing. */
export function isFindingTextEditable(finding: Finding): boolean {
  return finding.round.status !== 'draft' && finding.round.status !== 'closed';
}

interface EditFindingModalProps {
  round: RoundDetail;
  finding: Finding;
  onClose: () => void;
}

/**
 * An officer edits a finding at the version read: its tag and text (while the round is open), its
 * follow-up status (any), and the later round that checks it again. Only what changed is sent.
 */
export function EditFindingModal({ round, finding, onClose }: EditFindingModalProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const localize = useLocalize();
  const tagLabel = useTagLabel();
  const update = useUpdateFinding(round.key);
  const reload = useReloadFindings(round.key);
  const rounds = useFollowUpRounds(true);
  const [tag, setTag] = useState<FindingTag>(finding.tag);
  const [textJa, setTextJa] = useState(finding.text.ja);
  const [textEn, setTextEn] = useState(finding.text.en);
  const [status, setStatus] = useState<FollowUpStatus>(finding.followUpStatus);
  const [followUpRound, setFollowUpRound] = useState<string | null>(finding.followUpRound?.key ?? null);
  const fieldError = useFieldErrors(apiFieldErrors(update.error));
  const textEditable = isFindingTextEditable(finding);

  const body: UpdateFindingBody = { version: finding.version };
  if (tag !== finding.tag) body.tag = tag;
  if (textJa !== finding.text.ja || textEn !== finding.text.en) body.text = { ja: textJa, en: textEn };
  if (status !== finding.followUpStatus) body.followUpStatus = status;
  if (followUpRound !== (finding.followUpRound?.key ?? null)) body.followUpRoundKey = followUpRound;
  const hasChanges = Object.keys(body).length > 1;

  const choices = laterRounds(round, rounds.data?.items ?? []).map((r) => ({
    value: r.key,
    label: `${localize(r.title)} (${f.fy(r.fiscalYear)} · ${t(`roundStatus.${r.status}`)})`,
  }));
  // The current carry-over stays selectable even if the list does not show its round (yet).
  if (finding.followUpRound && !choices.some((c) => c.value === finding.followUpRound?.key))
    choices.push({
      value: finding.followUpRound.key,
      label: `${localize(finding.followUpRound.title)} (${f.fy(finding.followUpRound.fiscalYear)})`,
    });

  const submit = () =>
    update.mutate(
      { id: finding.id, body },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (isApiError(error) && error.code === 'VERSION_CONFLICT') void reload();
        },
      },
    );
  const followUpError = fieldError('body.followUpRoundKey');
  const shownInFields = ['body.tag', 'body.text', 'body.followUpStatus', 'body.followUpRoundKey'].some((x) =>
    fieldError(x),
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('evaluationFollowup.edit.title', { cluster: localize(finding.cluster.name) })}
      size="lg"
    >
      <Stack gap="sm">
        {!textEditable ? (
          <Alert color="gray" variant="light">
            {t('evaluationFollowup.edit.textFrozen', { status: t(`roundStatus.${finding.round.status}`) })}
          </Alert>
        ) : null}
        <Select
          label={t('evaluationFollowup.finding.tag')}
          data={FINDING_TAGS.map((value) => ({ value, label: tagLabel(value) }))}
          value={tag}
          allowDeselect={false}
          disabled={!textEditable}
          onChange={(v) => v && setTag(v)}
          error={fieldError('body.tag')}
        />
        <Textarea
          label={t('evaluationFollowup.finding.textJa')}
          autosize
          minRows={3}
          maxLength={MAX_FINDING_LENGTH}
          disabled={!textEditable}
          value={textJa}
          onChange={(e) => setTextJa(e.currentTarget.value)}
          error={fieldError('body.text.ja') ?? fieldError('body.text')}
        />
        <Textarea
          label={t('evaluationFollowup.finding.textEn')}
          autosize
          minRows={3}
          maxLength={MAX_FINDING_LENGTH}
          disabled={!textEditable}
          value={textEn}
          onChange={(e) => setTextEn(e.currentTarget.value)}
          error={fieldError('body.text.en')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('evaluationFollowup.finding.followUpStatus')}
            description={t('evaluationFollowup.edit.statusHint')}
            data={FOLLOW_UP_STATUSES.map((value) => ({
              value,
              label: t(`evaluationFollowup.followUp.${value}`),
            }))}
            value={status}
            allowDeselect={false}
            onChange={(v) => v && setStatus(v)}
            error={fieldError('body.followUpStatus')}
          />
          <Select
            label={t('evaluationFollowup.finding.followUpRound')}
            description={t('evaluationFollowup.edit.followUpRoundHint')}
            placeholder={t('evaluationFollowup.edit.noFollowUpRound')}
            data={choices}
            value={followUpRound}
            clearable
            onChange={setFollowUpRound}
            nothingFoundMessage={t('evaluationFollowup.edit.noLaterRound')}
            error={
              followUpError && isApiError(update.error) && update.error.code === 'RULE_VIOLATION'
                ? t('evaluationFollowup.edit.followUpRoundRefused', { detail: followUpError })
                : followUpError
            }
          />
        </SimpleGrid>
        {update.error && !shownInFields ? (
          <ProblemAlert
            error={update.error}
            codeMessages={{
              VERSION_CONFLICT: t('evaluationFollowup.errors.versionConflict'),
              WRONG_PHASE: t('evaluationFollowup.errors.wrongPhase'),
            }}
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={update.isPending} disabled={!hasChanges} onClick={submit}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
