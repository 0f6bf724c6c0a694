import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { JobList } from '../components/JobList';
import { UploadForm } from '../components/UploadForm';

/** `/imports` — upload a CSV/XLSX file of outcome values, items, targets or budget lines; recent imports. */
export function ImportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack gap="lg">
      <PageTitle title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <UploadForm onUploaded={(job) => void navigate(`/imports/${job.id}`)} />
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('imports.list.title')}
        </Title>
        <JobList />
      </Stack>
    </Stack>
  );
}
