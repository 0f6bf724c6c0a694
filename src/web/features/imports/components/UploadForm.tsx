import { Anchor, Button, FileButton, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS, type ImportKind } from '../../../../domain/import/kinds';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { templateUrl, useUploadImport } from '../api/imports-api';
import type { ImportJob } from '../../../../contracts/imports';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Choose what is imported, drop or pick a CSV/XLSX file, and upload it; validation then runs on the server. */
export function UploadForm({ onUploaded }: { onUploaded: (job: ImportJob) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKind>('outcome-values');
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const upload = useUploadImport();

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        <Stack gap={4}>
          <Text fw={600} id="import-kind-label">
            {t('imports.upload.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="import-kind-label"
            value={kind}
            onChange={(value) => setKind(value)}
            data={IMPORT_KINDS.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
          />
          <Text size="sm" c="dimmed">
            {t(`imports.help.${kind}`)}{' '}
            <Anchor href={templateUrl(kind)} download>
              {t('imports.upload.template')}
            </Anchor>
          </Text>
        </Stack>
        <div
          role="group"
          aria-label={t('imports.upload.dropLabel')}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="import-dropzone"
          style={{
            border: `2px dashed ${dragging ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-gray-5)'}`,
            borderRadius: 'var(--mantine-radius-md)',
            padding: '1.5rem',
            textAlign: 'center',
            background: dragging ? 'var(--mantine-color-blue-0)' : undefined,
          }}
        >
          <Stack gap="xs" align="center">
            <Text>{file ? t('imports.upload.chosen', { name: file.name }) : t('imports.upload.drop')}</Text>
            <FileButton onChange={setFile} accept={ACCEPT}>
              {(props) => (
                <Button variant="default" {...props}>
                  {t('imports.upload.pick')}
                </Button>
              )}
            </FileButton>
            <Text size="xs" c="dimmed">
              {t('imports.upload.limits')}
            </Text>
          </Stack>
        </div>
        {upload.error ? <ErrorAlert error={upload.error} title={t('imports.upload.failed')} /> : null}
        <Group justify="flex-end">
          <Button
            disabled={!file}
            loading={upload.isPending}
            onClick={() => file && upload.mutate({ kind, file }, { onSuccess: onUploaded })}
          >
            {t('imports.upload.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
