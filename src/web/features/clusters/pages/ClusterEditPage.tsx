import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { UpdateClusterBody } from '../../../../contracts/clusters';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { ForbiddenPage, NotFoundPage } from '../../../components/StatusPage';
import { isApiError } from '../../../lib/api-client';
import { apiFieldErrors, type FieldErrorMap } from '../../../lib/form-errors';
import { useLocale, useLocalize } from '../../../lib/format';
import { useReference } from '../../../lib/reference';
import { validateBody } from '../../../lib/validation';
import { useCluster, useUpdateCluster } from '../api/clusters-api';
import { ClusterProfileForm, profileValuesOf, type ProfileValues } from '../components/ClusterProfileForm';
import type { OrganizationCreator, PersonCreator } from '../components/creators';
import { MembersEditor, StaffEditor } from '../components/NetworkEditors';
import { hasChanges, updateBodyOf } from '../components/profile-body';

interface Props {
  OrganizationCreator?: OrganizationCreator;
  PersonCreator?: PersonCreator;
}

function Section({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={id}>
          {title}
        </Title>
        {description ? (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        ) : null}
        {children}
      </Stack>
    </Paper>
  );
}

/** `/clusters/:key/edit` — the cluster's headquarters and programme officers keep its profile and network. */
export function ClusterEditPage({ OrganizationCreator, PersonCreator }: Props) {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const localize = useLocalize();
  const navigate = useNavigate();
  const cluster = useCluster(key);
  const reference = useReference();
  const update = useUpdateCluster(key);
  const [errors, setErrors] = useState<FieldErrorMap>({});
  const [conflict, setConflict] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  /** Bumped to rebuild the form from freshly loaded data. */
  const [formGeneration, setFormGeneration] = useState(0);
  /** The profile as it was when the form was filled: changes are computed against it and sent with its version. */
  const [baseline, setBaseline] = useState<{ initial: ProfileValues; version: number } | null>(null);
  const isDirty = useRef(false);

  useEffect(() => {
    const data = cluster.data;
    if (!data) return;
    // A clean form follows the server (e.g. after a member change); a form with unsaved edits keeps its
    // version, so saving it over someone else's change is refused with a conflict instead.
    if (baseline === null || (data.version !== baseline.version && !isDirty.current)) {
      setBaseline({ initial: profileValuesOf(data), version: data.version });
      if (baseline !== null) setFormGeneration((g) => g + 1);
    }
  }, [cluster.data, baseline]);

  if (cluster.isPending || reference.isPending) return <LoadingState />;
  if (isApiError(cluster.error) && cluster.error.status === 404) return <NotFoundPage />;
  if (cluster.error) return <ErrorAlert error={cluster.error} onRetry={() => void cluster.refetch()} />;
  if (reference.error) return <ErrorAlert error={reference.error} onRetry={() => void reference.refetch()} />;
  const c = cluster.data;
  if (!c.canEdit) return <ForbiddenPage />;
  const initial = baseline?.initial ?? profileValuesOf(c);
  const version = baseline?.version ?? c.version;

  const save = (values: ProfileValues) => {
    setUnchanged(false);
    setConflict(false);
    if (!hasChanges(values, initial)) {
      setUnchanged(true);
      return;
    }
    const parsed = validateBody(UpdateClusterBody, updateBodyOf(values, initial, version), locale);
    if (!parsed.success) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    update.mutate(parsed.data, {
      onSuccess: () => {
        void navigate(`/clusters/${c.key}`);
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
          setConflict(true);
          return;
        }
        setErrors(apiFieldErrors(error));
      },
    });
  };

  const reload = async () => {
    const fresh = await cluster.refetch();
    if (fresh.data) setBaseline({ initial: profileValuesOf(fresh.data), version: fresh.data.version });
    isDirty.current = false;
    setConflict(false);
    setErrors({});
    update.reset();
    setFormGeneration((g) => g + 1);
  };

  const generalError =
    update.error && !conflict && Object.keys(errors).length === 0 ? (
      <ErrorAlert error={update.error} />
    ) : null;
  const notice = (
    <>
      {conflict ? (
        <Alert color="amber" variant="light" role="alert" title={t('clusterEdit.conflictTitle')}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('clusterEdit.conflictText')}</Text>
            <Button
              size="xs"
              variant="outline"
              color="amber"
              onClick={() => void reload()}
              loading={cluster.isFetching}
            >
              {t('clusterEdit.reload')}
            </Button>
          </Stack>
        </Alert>
      ) : null}
      {Object.keys(errors).length > 0 ? (
        <Alert color="red" variant="light" role="alert">
          {t('clusterEdit.fixErrors')}
        </Alert>
      ) : null}
      {unchanged ? (
        <Alert color="gray" variant="light" role="status">
          {t('clusterEdit.nothingChanged')}
        </Alert>
      ) : null}
      {generalError}
    </>
  );

  return (
    <Stack gap="lg">
      <PageTitle
        title={t('clusterEdit.title', { name: localize(c.name) })}
        subtitle={
          <Anchor component={Link} to={`/clusters/${c.key}`} size="sm">
            {t('clusterEdit.backToProfile')}
          </Anchor>
        }
      />
      <Section
        id="profile-heading"
        title={t('clusterEdit.profileTitle')}
        description={t('clusterEdit.profileHelp')}
      >
        <ClusterProfileForm
          key={formGeneration}
          mode="edit"
          initial={initial}
          reference={reference.data}
          errors={errors}
          busy={update.isPending}
          onSubmit={save}
          onCancel={() => void navigate(`/clusters/${c.key}`)}
          onDirtyChange={(dirty) => {
            isDirty.current = dirty;
          }}
          notice={notice}
          OrganizationCreator={OrganizationCreator}
        />
      </Section>
      <Section
        id="members-heading"
        title={t('clusters.members.title')}
        description={t('clusterEdit.membersHelp')}
      >
        <MembersEditor cluster={c} reference={reference.data} OrganizationCreator={OrganizationCreator} />
      </Section>
      <Section id="staff-heading" title={t('clusters.staff.title')} description={t('clusterEdit.staffHelp')}>
        <StaffEditor cluster={c} reference={reference.data} PersonCreator={PersonCreator} />
      </Section>
      <Group>
        <Anchor component={Link} to={`/clusters/${c.key}`}>
          {t('clusterEdit.backToProfile')}
        </Anchor>
      </Group>
    </Stack>
  );
}
