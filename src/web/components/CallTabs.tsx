import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const SECTIONS = ['overview', 'proposals', 'review', 'conflicts', 'results'] as const;
export type CallSection = (typeof SECTIONS)[number];

/**
 * The officer's sections of one call, each its own page (/calls/:key, /calls/:key/proposals, …),
 * so the calls, review and results features stay independent and every section has a URL.
 */
export function CallTabs({ callKey }: { callKey: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const base = `/calls/${encodeURIComponent(callKey)}`;
  const active = SECTIONS.find((s) => s !== 'overview' && pathname.startsWith(`${base}/${s}`)) ?? 'overview';
  return (
    <Tabs
      value={active}
      onChange={(value) => value && void navigate(value === 'overview' ? base : `${base}/${value}`)}
      mb="lg"
      aria-label={t('callTabs.label')}
    >
      <Tabs.List>
        {SECTIONS.map((s) => (
          <Tabs.Tab key={s} value={s}>
            {t(`callTabs.${s}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
