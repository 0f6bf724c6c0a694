import { Alert, Anchor, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { fiscalYearOf } from '../../../../domain/fiscal-year';
import { useErrorMessage } from '../../../components/ErrorAlert';
import { FiscalYearSelect } from '../../../components/FiscalYearSelect';
import { isApiError } from '../../../lib/api-client';
import { apiFieldErrors, fieldMessage, type FieldErrorMap } from '../../../lib/form-errors';
import { useFormatters } from '../../../lib/format';
import { useValidationMessage } from '../../../lib/use-validation-message';
import { useCreateReport } from '../api/reports-api';

export interface ClusterChoice {
  key: string;
  label: string;
}

interface Props {
  clusters: readonly ClusterChoice[];
  initialCluster?: string | null;
  initialFy?: number | null;
  onClose: () => void;
  /** An existing report of the same cluster and year, found in the caller's list, to link to on a clash. */
  findExisting?: (cluster: string, fy: number) => number | null;
}

/** Starts a cluster's report for a fiscal year and opens it. */
export function StartReportModal({ clusters, initialCluster, initialFy, onClose, findExisting }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useErrorMessage();
  const validation = useValidationMessage();
  const f = useFormatters();
  const create = useCreateReport();
  const [cluster, setCluster] = useState<string | null>(
    initialCluster ?? (clusters.length === 1 ? clusters[0]!.key : null),
  );
  // The report describes a fiscal year that has ended: by default the one before the current year.
  const [fy, setFy] = useState<number | null>(initialFy ?? fiscalYearOf(new Date()) - 1);
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const existing = cluster && fy && findExisting ? findExisting(cluster, fy) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldErrorMap = {};
    if (!cluster) problems['body.cluster'] = t('reporting.item.required');
    if (!fy) problems['body.fiscalYear'] = t('reporting.item.required');
    setErrors(problems);
    if (!cluster || !fy) return;
    create.mutate(
      { cluster, fiscalYear: fy },
      {
        onSuccess: (report) => void navigate(`/reports/${report.id}`),
        onError: (error) => {
          const fieldErrors = apiFieldErrors(error);
          if (isApiError(error) && error.code === 'DUPLICATE')
            fieldErrors['body.fiscalYear'] = t('reporting.start.exists');
          // The server names the cluster's funded period in English: say it with the UI's fiscal years.
          const period = /^must be from (\d+) to (\d+)$/.exec(fieldErrors['body.fiscalYear'] ?? '');
          if (period)
            fieldErrors['body.fiscalYear'] = t('reporting.start.outsidePeriod', {
              period: f.fyRange(Number(period[1]), Number(period[2])),
            });
          setErrors(fieldErrors);
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('reporting.start.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('reporting.start.help')}
          </Text>
          <Select
            label={t('reporting.filters.cluster')}
            required
            searchable
            data={clusters.map((c) => ({ value: c.key, label: c.label }))}
            value={cluster}
            onChange={setCluster}
            error={validation(fieldMessage(errors, 'body.cluster'))}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
          <FiscalYearSelect
            label={t('reporting.filters.fiscalYear')}
            required
            value={fy}
            onChange={setFy}
            error={validation(fieldMessage(errors, 'body.fiscalYear'))}
          />
          {existing ? (
            <Alert color="blue" variant="light">
              <Group gap="xs">
                <Text size="sm">{t('reporting.start.exists')}</Text>
                <Anchor component={Link} to={`/reports/${existing}`} size="sm">
                  {t('reporting.start.openExisting')}
                </Anchor>
              </Group>
            </Alert>
          ) : null}
          {create.error && Object.keys(errors).length === 0 ? (
            <Alert color="red" variant="light" role="alert">
              {isApiError(create.error) && create.error.code === 'DUPLICATE'
                ? t('reporting.start.exists')
                : message(create.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={create.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={existing !== null}>
              {t('reporting.start.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
