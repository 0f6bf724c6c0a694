import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FINDING_TAGS, type FindingTag, MAX_FINDING_LENGTH } from '../../../../contracts/evaluation-findings';
import type { RoundDetail } from '../../../../contracts/evaluation-rounds';
import { apiFieldErrors } from '../../../lib/form-errors';
import { useLocalize } from '../../../lib/format';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { useCreateFinding } from '../api/findings-api';
import { useTagLabel } from './FindingBadges';
import { ProblemAlert } from './ProblemAlert';

interface NewFindingModalProps {
  round: RoundDetail;
  onClose: () => void;
  /** The cluster to preselect (the filter's, when one is chosen); the form starts afresh on every opening. */
  clusterKey: string | null;
}

/** An officer records one of the round's "issues to be solved" on a target cluster, tagged, in ja and en. */
export function NewFindingModal({ round, onClose, clusterKey }: NewFindingModalProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const tagLabel = useTagLabel();
  const create = useCreateFinding(round.key);
  const [cluster, setCluster] = useState<string | null>(clusterKey);
  const [tag, setTag] = useState<FindingTag | null>(null);
  const [textJa, setTextJa] = useState('');
  const [textEn, setTextEn] = useState('');
  const fieldError = useFieldErrors(apiFieldErrors(create.error));
  const close = () => {
    create.reset();
    onClose();
  };
  const submit = () =>
    create.mutate(
      // An unchosen cluster or tag is sent as empty so the server names the field that is missing.
      { clusterKey: cluster ?? '', tag: tag ?? ('' as FindingTag), text: { ja: textJa, en: textEn } },
      { onSuccess: close },
    );
  const hasFieldErrors = ['body.clusterKey', 'body.tag', 'body.text'].some((f) => fieldError(f));
  return (
    <Modal opened onClose={close} title={t('evaluationFollowup.create.title')} size="lg">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('evaluationFollowup.finding.cluster')}
            required
            searchable
            data={round.clusters.map((c) => ({ value: c.key, label: localize(c.name) }))}
            value={cluster}
            onChange={setCluster}
            error={fieldError('body.clusterKey')}
          />
          <Select
            label={t('evaluationFollowup.finding.tag')}
            required
            data={FINDING_TAGS.map((value) => ({ value, label: tagLabel(value) }))}
            value={tag}
            onChange={(v) => setTag(v)}
            error={fieldError('body.tag')}
          />
        </SimpleGrid>
        <Textarea
          label={t('evaluationFollowup.finding.textJa')}
          autosize
          minRows={3}
          maxLength={MAX_FINDING_LENGTH}
          value={textJa}
          onChange={(e) => setTextJa(e.currentTarget.value)}
          error={fieldError('body.text.ja') ?? fieldError('body.text')}
        />
        <Textarea
          label={t('evaluationFollowup.finding.textEn')}
          description={t('evaluationFollowup.finding.textHint')}
          autosize
          minRows={3}
          maxLength={MAX_FINDING_LENGTH}
          value={textEn}
          onChange={(e) => setTextEn(e.currentTarget.value)}
          error={fieldError('body.text.en')}
        />
        {create.error && !hasFieldErrors ? (
          <ProblemAlert
            error={create.error}
            codeMessages={{ WRONG_PHASE: t('evaluationFollowup.errors.wrongPhase') }}
          />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button loading={create.isPending} onClick={submit}>
            {t('evaluationFollowup.create.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
