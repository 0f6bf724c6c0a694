import { Anchor, Button, Group, NumberInput, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FUNDING_PROGRAMMES, type FundingProgramme } from '../../../../domain/duplication';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { useFormatters, useLocalize } from '../../../lib/format';
import { usePermission } from '../../../lib/session';
import { useFundedProjects } from '../api/funded-projects-api';
import { FundedProjectModal } from '../components/FundedProjectModal';
import { FundingTabs } from '../components/FundingTabs';

function programmeOf(value: string | null): FundingProgramme | null {
  return FUNDING_PROGRAMMES.find((p) => p === value) ?? null;
}

/**
 * The funded projects of every programme that the duplication check compares, filtered by programme
 * and fiscal year; officers with budget rights record new ones (METI funds and joint research add
 * theirs automatically).
 */
export function FundedProjectsPage() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const f = useFormatters();
  const [params, setParams] = useSearchParams();
  const fyParam = Number(params.get('fiscalYear'));
  const fiscalYear = Number.isInteger(fyParam) && fyParam >= 1950 && fyParam <= 2100 ? fyParam : null;
  const programme = programmeOf(params.get('programme'));
  const projects = useFundedProjects(fiscalYear, programme);
  const canRecord = usePermission('budget:edit');
  const [isRecording, setRecording] = useState(false);
  const set = (next: { fiscalYear?: number | null; programme?: FundingProgramme | null }) => {
    const fy = next.fiscalYear === undefined ? fiscalYear : next.fiscalYear;
    const pr = next.programme === undefined ? programme : next.programme;
    setParams({ ...(fy ? { fiscalYear: String(fy) } : {}), ...(pr ? { programme: pr } : {}) });
  };
  return (
    <Stack gap="lg">
      <PageTitle
        title={t('fundingDuplication.projects.title')}
        subtitle={t('fundingDuplication.projects.intro')}
        actions={
          canRecord ? (
            <Button onClick={() => setRecording(true)}>{t('fundingDuplication.form.title')}</Button>
          ) : null
        }
      />
      <FundingTabs />
      {isRecording ? <FundedProjectModal onClose={() => setRecording(false)} /> : null}
      <Group align="flex-end">
        <Select
          label={t('fundingDuplication.form.programme')}
          data={[
            { value: '', label: t('fundingDuplication.projects.allProgrammes') },
            ...FUNDING_PROGRAMMES.map((p) => ({ value: p, label: t(`fundingDuplication.programme.${p}`) })),
          ]}
          value={programme ?? ''}
          allowDeselect={false}
          onChange={(v) => set({ programme: programmeOf(v) })}
          w={320}
        />
        <NumberInput
          label={t('fundingDuplication.fiscalYear')}
          placeholder={t('fundingDuplication.allYears')}
          value={fiscalYear ?? ''}
          min={1950}
          max={2100}
          onChange={(v) => set({ fiscalYear: typeof v === 'number' ? v : null })}
          w={200}
        />
      </Group>
      {projects.isPending ? (
        <LoadingState />
      ) : projects.error ? (
        <ErrorAlert error={projects.error} onRetry={() => void projects.refetch()} />
      ) : projects.data.items.length === 0 ? (
        <Text c="dimmed">{t('fundingDuplication.projects.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fundingDuplication.fiscalYear')}</Table.Th>
                <Table.Th>{t('fundingDuplication.form.programme')}</Table.Th>
                <Table.Th>{t('fundingDuplication.projects.theme')}</Table.Th>
                <Table.Th>{t('fundingDuplication.form.researcherName')}</Table.Th>
                <Table.Th>{t('fundingDuplication.form.organization')}</Table.Th>
                <Table.Th ta="right">{t('fundingDuplication.projects.amount')}</Table.Th>
                <Table.Th>{t('fundingDuplication.form.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {projects.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{f.fy(p.fiscalYear)}</Table.Td>
                  <Table.Td>{t(`fundingDuplication.programme.${p.programme}`)}</Table.Td>
                  <Table.Td>
                    {localize(p.theme)}
                    {p.cluster ? (
                      <>
                        {' · '}
                        <Anchor component={Link} to={`/clusters/${p.cluster.key}`} size="sm">
                          {localize(p.cluster.name)}
                        </Anchor>
                      </>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{p.researcherName || '—'}</Table.Td>
                  <Table.Td>{p.organization ? localize(p.organization.name) : '—'}</Table.Td>
                  <Table.Td ta="right">{f.yen(p.amountYen)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {p.source}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
