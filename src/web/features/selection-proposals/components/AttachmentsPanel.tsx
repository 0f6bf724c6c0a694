import { ActionIcon, Anchor, Badge, FileButton, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProposalDetail } from '../../../../contracts/selection-proposals';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLocalize } from '../../../lib/format';
import { attachmentUrl, useRemoveAttachment, useUploadAttachment } from '../api/proposals-api';

const ACCEPT = '.pdf,.docx,.xlsx,.pptx';

/** The required-document checklist with upload (and its progress), download and removal per document. */
export function AttachmentsPanel({ proposal }: { proposal: ProposalDetail }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const upload = useUploadAttachment(proposal.id);
  const remove = useRemoveAttachment(proposal.id);
  const [progress, setProgress] = useState<{ key: string; fraction: number } | null>(null);
  const kb = (n: number) => `${Math.max(1, Math.round(n / 1024)).toLocaleString()} KB`;
  return (
    <Stack gap="sm">
      {proposal.call.requiredDocuments.length === 0 ? (
        <Text c="dimmed">{t('selectionProposals.attachments.none')}</Text>
      ) : null}
      {proposal.call.requiredDocuments.map((doc) => {
        const files = proposal.attachments.filter((a) => a.documentKey === doc.key);
        return (
          <Stack key={doc.key} gap={4}>
            <Group gap="xs">
              <Text fw={600}>{files.length > 0 ? '☑' : '☐'}</Text>
              <Text fw={600}>{localize(doc.label)}</Text>
              <Badge
                size="sm"
                variant="light"
                color={doc.required ? (files.length > 0 ? 'green' : 'red') : 'gray'}
              >
                {t(
                  doc.required
                    ? 'selectionProposals.attachments.required'
                    : 'selectionProposals.attachments.optional',
                )}
              </Badge>
              {proposal.canEdit ? (
                <FileButton
                  accept={ACCEPT}
                  onChange={(file) => {
                    if (!file) return;
                    setProgress({ key: doc.key, fraction: 0 });
                    upload.mutate(
                      {
                        documentKey: doc.key,
                        file,
                        onProgress: (fraction) => setProgress({ key: doc.key, fraction }),
                      },
                      { onSettled: () => setProgress(null) },
                    );
                  }}
                >
                  {(props) => (
                    <Anchor component="button" type="button" size="sm" {...props}>
                      {t('selectionProposals.attachments.upload')}
                    </Anchor>
                  )}
                </FileButton>
              ) : null}
            </Group>
            {progress?.key === doc.key ? (
              <Progress
                value={progress.fraction * 100}
                animated
                aria-label={t('selectionProposals.attachments.progress')}
              />
            ) : null}
            {files.length > 0 ? (
              <Table>
                <Table.Tbody>
                  {files.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>
                        <Anchor href={attachmentUrl(proposal.id, a.id)}>{a.fileName}</Anchor>
                      </Table.Td>
                      <Table.Td>{kb(a.sizeBytes)}</Table.Td>
                      <Table.Td>
                        <Text size="xs" c="dimmed" title={a.sha256}>
                          SHA-256 {a.sha256.slice(0, 12)}…
                        </Text>
                      </Table.Td>
                      <Table.Td w={40}>
                        {proposal.canEdit ? (
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('selectionProposals.attachments.remove', { name: a.fileName })}
                            onClick={() => remove.mutate(a.id)}
                          >
                            ×
                          </ActionIcon>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : null}
          </Stack>
        );
      })}
      <Text size="xs" c="dimmed">
        {t('selectionProposals.attachments.hint')}
      </Text>
      {upload.isError ? <ErrorAlert error={upload.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
    </Stack>
  );
}
