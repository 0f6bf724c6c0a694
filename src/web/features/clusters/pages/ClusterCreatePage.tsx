import { Alert, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateClusterBody } from '../../../../contracts/clusters';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { apiFieldErrors, type FieldErrorMap } from '../../../lib/form-errors';
import { useLocale } from '../../../lib/format';
import { useReference } from '../../../lib/reference';
import { validateBody } from '../../../lib/validation';
import { useCreateCluster } from '../api/clusters-api';
import { ClusterProfileForm, profileValuesOf, type ProfileValues } from '../components/ClusterProfileForm';
import type { OrganizationCreator } from '../components/creators';
import { createBodyOf } from '../components/profile-body';

/** `/clusters/new` — programme officers register a selected cluster. */
export function ClusterCreatePage({ OrganizationCreator }: { OrganizationCreator?: OrganizationCreator }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const reference = useReference();
  const create = useCreateCluster();
  const [errors, setErrors] = useState<FieldErrorMap>({});

  if (reference.isPending) return <LoadingState />;
  if (reference.error) return <ErrorAlert error={reference.error} onRetry={() => void reference.refetch()} />;

  const save = (values: ProfileValues) => {
    const parsed = validateBody(CreateClusterBody, createBodyOf(values), locale);
    if (!parsed.success) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (cluster) => {
        void navigate(`/clusters/${cluster.key}`);
      },
      onError: (error) => setErrors(apiFieldErrors(error)),
    });
  };

  return (
    <Stack gap="lg">
      <PageTitle title={t('clusterEdit.createTitle')} subtitle={t('clusterEdit.createHelp')} />
      <ClusterProfileForm
        mode="create"
        initial={profileValuesOf(null)}
        reference={reference.data}
        errors={errors}
        busy={create.isPending}
        onSubmit={save}
        onCancel={() => void navigate('/clusters')}
        OrganizationCreator={OrganizationCreator}
        notice={
          <>
            {Object.keys(errors).length > 0 ? (
              <Alert color="red" variant="light" role="alert">
                {t('clusterEdit.fixErrors')}
              </Alert>
            ) : null}
            {create.error && Object.keys(errors).length === 0 ? <ErrorAlert error={create.error} /> : null}
          </>
        }
      />
    </Stack>
  );
}
