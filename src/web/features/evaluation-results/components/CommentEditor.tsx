import { Alert, Button, Group, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../../contracts/common';
import { useErrorMessage } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api-client';
import { apiFieldErrors, type FieldErrorMap } from '../../../lib/form-errors';
import { useFieldErrors } from '../../../lib/use-validation-message';
import { useSaveComment } from '../api/evaluation-results-api';

const MAX_LENGTH = 4000;

interface CommentEditorProps {
  roundKey: string;
  clusterKey: string;
  comment: LocalizedText | null;
  /** The comment's version as last learnt from the server; undefined before the first save here. */
  version: number | undefined;
  onVersion: (version: number) => void;
}

/**
 * The version a 409 names: another officer saved since the scores were read, so the editor learns
 * the current version from the conflict and the next save can go through knowingly.
 */
function currentVersionOf(error: unknown): number | null {
  if (!isApiError(error) || error.code !== 'VERSION_CONFLICT') return null;
  const match = /current version is (\d+)/.exec(error.fieldError('body.version') ?? error.detail);
  return match ? Number(match[1]) : null;
}

function Saved({ comment }: { comment: LocalizedText | null }) {
  const { t } = useTranslation();
  if (!comment)
    return (
      <Text size="sm" c="dimmed">
        {t('evaluationResults.comment.none')}
      </Text>
    );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
      {(['ja', 'en'] as const).map((lang) => (
        <div key={lang}>
          <Text size="xs" c="dimmed">
            {t(`evaluationResults.comment.${lang}`)}
          </Text>
          <Text size="sm" lang={lang} style={{ whiteSpace: 'pre-wrap' }}>
            {comment[lang] || '—'}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

/**
 * The officers' consolidated comment on one cluster, in Japanese and English, written before
 * publication at the version read; both blank clears it. The public reads it with the results.
 */
export function CommentEditor({ roundKey, clusterKey, comment, version, onVersion }: CommentEditorProps) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const save = useSaveComment(roundKey);
  const [editing, setEditing] = useState(false);
  const [ja, setJa] = useState(comment?.ja ?? '');
  const [en, setEn] = useState(comment?.en ?? '');
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const [conflictAt, setConflictAt] = useState<number | null>(null);
  const error = useFieldErrors(errors);

  const start = () => {
    setJa(comment?.ja ?? '');
    setEn(comment?.en ?? '');
    setErrors({});
    setConflictAt(null);
    save.reset();
    setEditing(true);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrorMap = {};
    if (ja.trim().length > MAX_LENGTH)
      found['body.comment.ja'] = t('evaluationResults.comment.tooLong', { max: MAX_LENGTH });
    if (en.trim().length > MAX_LENGTH)
      found['body.comment.en'] = t('evaluationResults.comment.tooLong', { max: MAX_LENGTH });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(
      {
        clusterKey,
        body: { comment: { ja: ja.trim(), en: en.trim() }, ...(version !== undefined ? { version } : {}) },
      },
      {
        onSuccess: (saved) => {
          onVersion(saved.version);
          setConflictAt(null);
          setEditing(false);
        },
        onError: (e) => {
          const current = currentVersionOf(e);
          if (current !== null) {
            onVersion(current);
            setConflictAt(current);
            setErrors({});
          } else setErrors(apiFieldErrors(e));
        },
      },
    );
  };

  if (!editing)
    return (
      <Stack gap="xs">
        <Saved comment={comment} />
        <Group>
          <Button size="compact-sm" variant="light" onClick={start}>
            {comment ? t('evaluationResults.comment.edit') : t('evaluationResults.comment.write')}
          </Button>
        </Group>
      </Stack>
    );

  const fieldShown = errors['body.comment.ja'] !== undefined || errors['body.comment.en'] !== undefined;
  const otherError = save.error !== null && conflictAt === null && !fieldShown;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {conflictAt !== null ? (
          <Alert color="orange" role="alert" title={t('evaluationResults.comment.conflictTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('evaluationResults.comment.conflict', { version: conflictAt })}</Text>
              <Saved comment={comment} />
            </Stack>
          </Alert>
        ) : null}
        {otherError ? (
          <Alert color="red" role="alert">
            {isApiError(save.error) && save.error.code === 'WRONG_PHASE'
              ? t('evaluationResults.comment.wrongPhase')
              : message(save.error)}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
          <Textarea
            label={t('evaluationResults.comment.ja')}
            lang="ja"
            autosize
            minRows={3}
            maxLength={MAX_LENGTH}
            value={ja}
            onChange={(e) => setJa(e.currentTarget.value)}
            error={error('body.comment.ja')}
          />
          <Textarea
            label={t('evaluationResults.comment.en')}
            lang="en"
            autosize
            minRows={3}
            maxLength={MAX_LENGTH}
            value={en}
            onChange={(e) => setEn(e.currentTarget.value)}
            error={error('body.comment.en')}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('evaluationResults.comment.help')}
        </Text>
        <Group gap="sm">
          <Button type="submit" size="compact-sm" loading={save.isPending}>
            {conflictAt !== null ? t('evaluationResults.comment.replace') : t('common.save')}
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => setEditing(false)}
            disabled={save.isPending}
          >
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
