import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { DuplicationFlagResponse, FundedProject } from '../../../../contracts/funding';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingState } from '../../../components/LoadingState';
import { PageTitle } from '../../../components/PageTitle';
import { useFormatters, useLocalize } from '../../../lib/format';
import { type DuplicateStatus, useDuplicates, useReviewDuplicate } from '../api/duplicates-api';
import { FundingTabs } from '../components/FundingTabs';

function ProjectCell({ project }: { project: FundedProject }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const f = useFormatters();
  return (
    <Stack gap={2} style={{ flex: '1 1 16rem' }}>
      <Text fw={600}>{localize(project.theme)}</Text>
      <Text size="sm">{t(`fundingDuplication.programme.${project.programme}`)}</Text>
      <Text size="sm">{t('fundingDuplication.researcher', { name: project.researcherName || '—' })}</Text>
      <Text size="sm" c="dimmed">
        {f.yen(project.amountYen)} · {project.source}
      </Text>
    </Stack>
  );
}

function FlagCard({ flag }: { flag: DuplicationFlagResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const [note, setNote] = useState('');
  const review = useReviewDuplicate();
  return (
    <Card withBorder component="article">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {f.fy(flag.fiscalYear)}
        </Title>
        <Group align="flex-start" gap="lg">
          <ProjectCell project={flag.a} />
          <ProjectCell project={flag.b} />
        </Group>
        <Text fw={600}>{t('fundingDuplication.reasons')}</Text>
        <Stack gap={2} component="ul" style={{ margin: 0 }}>
          {flag.reasons.map((r, i) => (
            <li key={i}>
              {r.kind === 'same_researcher'
                ? t(
                    r.via === 'person'
                      ? 'fundingDuplication.sameResearcherPerson'
                      : 'fundingDuplication.sameResearcherName',
                    {
                      name: r.researcherName,
                    },
                  )
                : t('fundingDuplication.similarTheme', {
                    similarity: r.similarity.toFixed(2),
                    terms: r.sharedTerms.join(', '),
                  })}
            </li>
          ))}
        </Stack>
        {flag.review ? (
          <Alert variant="light" color="green">
            {t('fundingDuplication.reviewedBy', {
              at: f.dateTime(flag.review.reviewedAt),
              by: flag.review.reviewedBy ?? '—',
              note: flag.review.note,
            })}
          </Alert>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              review.mutate({ aId: flag.a.id, bId: flag.b.id, note });
            }}
          >
            <Group align="flex-end">
              <TextInput
                label={t('fundingDuplication.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                required
                style={{ flex: '1 1 20rem' }}
              />
              <Button type="submit" loading={review.isPending}>
                {t('fundingDuplication.markReviewed')}
              </Button>
            </Group>
            {review.error ? <ErrorAlert error={review.error} /> : null}
          </form>
        )}
      </Stack>
    </Card>
  );
}

function statusOf(value: string | null): DuplicateStatus {
  return value === 'reviewed' || value === 'all' ? value : 'open';
}

/** The officers' list of flagged pairs with their reasons, per fiscal year, and marking one reviewed. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const fyParam = Number(params.get('fiscalYear'));
  const fiscalYear = Number.isInteger(fyParam) && fyParam >= 1950 && fyParam <= 2100 ? fyParam : null;
  const status = statusOf(params.get('status'));
  const duplicates = useDuplicates(fiscalYear, status);
  const set = (next: { fiscalYear?: number | null; status?: DuplicateStatus }) => {
    const fy = next.fiscalYear === undefined ? fiscalYear : next.fiscalYear;
    const st = next.status ?? status;
    setParams({ ...(fy ? { fiscalYear: String(fy) } : {}), ...(st !== 'open' ? { status: st } : {}) });
  };
  return (
    <Stack gap="lg">
      <PageTitle
        title={t('fundingDuplication.title')}
        subtitle={t('fundingDuplication.intro', { threshold: duplicates.data?.threshold ?? 0.75 })}
      />
      <FundingTabs />
      <Group align="flex-end">
        <NumberInput
          label={t('fundingDuplication.fiscalYear')}
          placeholder={t('fundingDuplication.allYears')}
          value={fiscalYear ?? ''}
          min={1950}
          max={2100}
          onChange={(v) => set({ fiscalYear: typeof v === 'number' ? v : null })}
          w={200}
        />
        <SegmentedControl
          aria-label={t('fundingDuplication.status')}
          value={status}
          onChange={(v) => set({ status: statusOf(v) })}
          data={[
            { value: 'open', label: t('fundingDuplication.statusOpen') },
            { value: 'reviewed', label: t('fundingDuplication.statusReviewed') },
            { value: 'all', label: t('fundingDuplication.statusAll') },
          ]}
        />
      </Group>
      {duplicates.isPending ? (
        <LoadingState />
      ) : duplicates.error ? (
        <ErrorAlert error={duplicates.error} onRetry={() => void duplicates.refetch()} />
      ) : duplicates.data.items.length === 0 ? (
        <Text c="dimmed">{t('fundingDuplication.none')}</Text>
      ) : (
        duplicates.data.items.map((flag) => <FlagCard key={`${flag.a.id}-${flag.b.id}`} flag={flag} />)
      )}
    </Stack>
  );
}
