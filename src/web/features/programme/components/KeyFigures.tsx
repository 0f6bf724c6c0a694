import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeResponse } from '../../../../contracts/reference';
import { useDisplayPreferences } from '../../../lib/display-preferences';
import { formatCount, useFormatters } from '../../../lib/format';

function Figure({ label, value, note }: { label: string; value: ReactNode; note?: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text component="dt" size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text component="dd" m={0} className="kcp-key-figure-value">
        {value}
      </Text>
      {note ? (
        <Text component="dd" m={0} size="sm" c="dimmed">
          {note}
        </Text>
      ) : null}
    </Paper>
  );
}

/** The programme's headline facts, as the seed deck states them. */
export function KeyFigures({ programme }: { programme: ProgrammeResponse }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { showUsd } = useDisplayPreferences();
  const budget = programme.annualBudgetPerClusterYen;
  const byYear = programme.clustersByStartFy
    .map((row) => t('programme.figures.startedIn', { fy: f.fy(row.fy), count: row.count }))
    .join(t('common.listSeparator'));

  return (
    <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="md" m={0}>
      <Figure
        label={t('programme.figures.clusters')}
        value={t('programme.figures.clustersValue', { count: programme.clusterCount })}
        note={byYear}
      />
      <Figure
        label={t('programme.figures.budget')}
        value={t('programme.figures.budgetValue', { amount: f.yenCompact(budget) })}
        note={
          showUsd
            ? t('programme.figures.budgetUsd', {
                amount: f.usdCompact(budget, programme.yenPerUsd),
                rate: programme.yenPerUsd,
              })
            : t('programme.figures.budgetNote', { amount: f.yen(budget, 'million') })
        }
      />
      <Figure
        label={t('programme.figures.duration')}
        value={t('programme.figures.durationValue', { count: programme.durationYears })}
        note={t('programme.figures.totalPerCluster', {
          amount: f.yenCompact(budget * programme.durationYears),
        })}
      />
      {programme.participants.organizations !== null ? (
        <Figure
          label={t('programme.figures.organizations')}
          value={t('programme.figures.organizationsValue', {
            value: formatCount(programme.participants.organizations),
          })}
        />
      ) : null}
      {programme.participants.researchers !== null ? (
        <Figure
          label={t('programme.figures.researchers')}
          value={t('programme.figures.researchersValue', {
            value: formatCount(programme.participants.researchers),
          })}
        />
      ) : null}
      {programme.candidateRegions !== null ? (
        <Figure
          label={t('programme.figures.candidates')}
          value={t('programme.figures.candidatesValue', { count: programme.candidateRegions })}
          note={t('programme.figures.candidatesNote')}
        />
      ) : null}
    </SimpleGrid>
  );
}
