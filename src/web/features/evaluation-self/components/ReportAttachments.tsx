import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelfEvaluationAttachment } from '../../../../contracts/evaluation-self-evaluations';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { isApiError } from '../../../lib/api-client';
import { useFormatters } from '../../../lib/format';
import {
  selfEvaluationAttachmentUrl,
  useRemoveSelfEvaluationAttachment,
  useUploadSelfEvaluationAttachment,
} from '../api/self-evaluations-api';
import { formatFileSize } from './file-size';
import { scrollRegion } from '../../../lib/scroll-region';

/** The types the server accepts (it checks the content against the extension too). */
const ACCEPT = '.pdf,.docx,.xlsx,.pptx';

interface ReportAttachmentsProps {
  roundKey: string;
  clusterKey: string;
  /** The criterion item the files support, or null for the report as a whole. */
  itemKey: string | null;
  /** The files of this item (or of the whole report). */
  attachments: SelfEvaluationAttachment[];
  editable: boolean;
  /** What the files are for, in the upload button's spoken name. */
  label: string;
}

/** One item's (or the whole report's) files: list with size and checksum, download, upload, removal. */
export function ReportAttachments(props: ReportAttachmentsProps) {
  const { roundKey, clusterKey, itemKey, attachments, editable, label } = props;
  const { t } = useTranslation();
  const f = useFormatters();
  const upload = useUploadSelfEvaluationAttachment(roundKey, clusterKey);
  const remove = useRemoveSelfEvaluationAttachment(roundKey, clusterKey);
  const [progress, setProgress] = useState<number | null>(null);

  if (!editable && attachments.length === 0) return null;
  return (
    <Stack gap={6}>
      {attachments.length > 0 ? (
        <Table.ScrollContainer minWidth={480} scrollAreaProps={scrollRegion()}>
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('evaluationSelf.files.name')}</Table.Th>
                <Table.Th scope="col">{t('evaluationSelf.files.size')}</Table.Th>
                <Table.Th scope="col">{t('evaluationSelf.files.uploadedAt')}</Table.Th>
                <Table.Th scope="col">SHA-256</Table.Th>
                {editable ? (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {attachments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor href={selfEvaluationAttachmentUrl(roundKey, clusterKey, a.id)} download>
                      {a.fileName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td className="kcp-num">{formatFileSize(a.sizeBytes)}</Table.Td>
                  <Table.Td>{f.dateTime(a.uploadedAt)}</Table.Td>
                  <Table.Td>
                    <Text span size="xs" ff="monospace" title={a.sha256}>
                      {a.sha256.slice(0, 12)}…
                    </Text>
                  </Table.Td>
                  {editable ? (
                    <Table.Td w={40}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('evaluationSelf.files.remove', { name: a.fileName })}
                        loading={remove.isPending && remove.variables === a.id}
                        onClick={() => {
                          if (window.confirm(t('evaluationSelf.files.removeConfirm', { name: a.fileName })))
                            remove.mutate(a.id);
                        }}
                      >
                        ×
                      </ActionIcon>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {editable ? (
        <Group gap="xs" wrap="wrap">
          <FileButton
            accept={ACCEPT}
            onChange={(file) => {
              if (!file) return;
              setProgress(0);
              upload.mutate(
                { itemKey, file, onProgress: setProgress },
                { onSettled: () => setProgress(null) },
              );
            }}
          >
            {(buttonProps) => (
              <Button
                size="xs"
                variant="light"
                loading={progress !== null}
                aria-label={t('evaluationSelf.files.uploadFor', { label })}
                {...buttonProps}
              >
                {t('evaluationSelf.files.upload')}
              </Button>
            )}
          </FileButton>
          <Text size="xs" c="dimmed">
            {t('evaluationSelf.files.hint')}
          </Text>
        </Group>
      ) : null}
      {progress !== null ? (
        <Progress
          value={progress * 100}
          animated
          aria-label={t('evaluationSelf.files.progress', { label })}
        />
      ) : null}
      {upload.isError ? <UploadError error={upload.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
    </Stack>
  );
}

/** 413 and 415 said plainly (with the limit the server named); anything else as the server said it. */
function UploadError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiError(error) && (error.status === 413 || error.status === 415)) {
    const limit = /larger than (\d+) bytes/.exec(error.fieldError('file') ?? error.detail)?.[1];
    return (
      <Alert color="red" variant="light" role="alert" title={t('evaluationSelf.files.refused')}>
        <Text size="sm">
          {error.status === 413
            ? limit
              ? t('evaluationSelf.files.tooLargeLimit', { limit: formatFileSize(Number(limit)) })
              : t('evaluationSelf.files.tooLarge')
            : t('evaluationSelf.files.wrongType')}
        </Text>
      </Alert>
    );
  }
  return <ErrorAlert error={error} />;
}
