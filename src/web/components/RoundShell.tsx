import { Alert, Badge, Group, Tabs } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { RoundDetail } from '../../contracts/evaluation-rounds';
import { useLocalize } from '../lib/format';
import { roundPath, useRound } from '../lib/rounds';
import { hasPermission, useSession } from '../lib/session';
import { ErrorAlert } from './ErrorAlert';
import { FiscalYear } from './FiscalYear';
import { LoadingState } from './LoadingState';
import { PageTitle } from './PageTitle';
import { RoundStatusBadge } from './RoundStatusBadge';

export const ROUND_SECTIONS = [
  'overview',
  'members',
  'self-evaluations',
  'interviews',
  'weights',
  'grading',
  'scores',
  'findings',
  'allocation',
] as const;
export type RoundSection = (typeof ROUND_SECTIONS)[number];

type Account = ReturnType<typeof useSession>['account'];

/**
 * Which sections a reader sees: officers all of them; headquarters their self-evaluation and
 * findings; evaluators the reports, interviews, their grading and (in scoring) the scores;
 * weighting members the weights. The server refuses the rest anyway: this only hides dead ends.
 */
export function visibleRoundSections(round: RoundDetail, account: Account): RoundSection[] {
  if (round.canManage) return [...ROUND_SECTIONS];
  const evaluator = round.myRoles.includes('evaluator');
  const weighting = round.myRoles.includes('weighting_member');
  const headquarters = hasPermission(account, 'self-evaluation:edit');
  const published = round.publishedAt !== null;
  return ROUND_SECTIONS.filter((s) => {
    switch (s) {
      case 'overview':
        return true;
      case 'self-evaluations':
        return evaluator || headquarters;
      case 'interviews':
      case 'grading':
        return evaluator;
      case 'weights':
        return weighting;
      case 'scores':
        return published || (evaluator && round.status === 'scoring');
      case 'findings':
        return published || headquarters;
      case 'members':
      case 'allocation':
        return false;
    }
  });
}

/**
 * Whether the reader may use a section's page at all (by URL too): the officer-only pages and the
 * groups' own pages. Other sections may serve more readers than their tab shows (headquarters read
 * their interviews and findings), so their pages decide for themselves.
 */
export function roundSectionAllowed(round: RoundDetail, section: RoundSection): boolean {
  if (round.canManage) return true;
  switch (section) {
    case 'members':
    case 'allocation':
      return false;
    case 'weights':
      return round.myRoles.includes('weighting_member');
    case 'grading':
      return round.myRoles.includes('evaluator');
    case 'overview':
    case 'self-evaluations':
    case 'interviews':
    case 'scores':
    case 'findings':
      return true;
  }
}

interface RoundShellProps {
  roundKey: string;
  section: RoundSection;
  /** The section's own heading under the round's title; the overview has none. */
  sectionTitle?: string;
  actions?: ReactNode;
  children: (round: RoundDetail) => ReactNode;
}

/**
 * Every page of one round: the round's title, status, fiscal year and demo badge, then its
 * sections as tabs (each its own URL, /rounds/:key/<section>), then the section's content — or, for
 * a section hidden from the reader, a notice of whom it is for instead of its content.
 */
export function RoundShell({ roundKey, section, sectionTitle, actions, children }: RoundShellProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const navigate = useNavigate();
  const { account } = useSession();
  const round = useRound(roundKey);
  if (round.isPending) return <LoadingState />;
  if (round.isError) return <ErrorAlert error={round.error} onRetry={() => void round.refetch()} />;
  const r = round.data;
  const base = roundPath(r.key);
  const sections = visibleRoundSections(r, account);
  const title = localize(r.title);
  return (
    <>
      <PageTitle title={sectionTitle ? `${sectionTitle} — ${title}` : title} actions={actions}>
        <Group gap="xs">
          <RoundStatusBadge status={r.status} />
          <Badge variant="outline">{t(`roundKind.${r.kind}`)}</Badge>
          <FiscalYear fy={r.fiscalYear} withAlternate={false} />
          {r.isDemo ? <Badge color="grape">{t('roundTabs.demo')}</Badge> : null}
        </Group>
      </PageTitle>
      <Tabs
        value={section}
        onChange={(value) => value && void navigate(value === 'overview' ? base : `${base}/${value}`)}
        mb="lg"
        aria-label={t('roundTabs.label')}
      >
        <Tabs.List>
          {sections.map((s) => (
            <Tabs.Tab key={s} value={s}>
              {t(`roundTabs.${s}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {roundSectionAllowed(r, section) ? (
        children(r)
      ) : (
        // Opened by URL although the tab is hidden: say whom the page is for, and load nothing the
        // server would refuse anyway.
        <Alert color="gray" variant="light" title={t('evaluationRounds.restricted.title')}>
          {t(`evaluationRounds.restricted.${section}`)}
        </Alert>
      )}
    </>
  );
}
