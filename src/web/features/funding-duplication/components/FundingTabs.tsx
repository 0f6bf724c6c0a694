import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const SECTIONS = [
  { value: 'duplicates', path: '/funding/duplicates' },
  { value: 'projects', path: '/funding/projects' },
] as const;

/** The officers' two funding pages: the flagged pairs, and the funded projects they are drawn from. */
export function FundingTabs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = SECTIONS.find((s) => pathname.startsWith(s.path))?.value ?? 'duplicates';
  return (
    <Tabs
      value={active}
      onChange={(value) => {
        const section = SECTIONS.find((s) => s.value === value);
        if (section) void navigate(section.path);
      }}
      aria-label={t('fundingDuplication.tabs.label')}
    >
      <Tabs.List>
        {SECTIONS.map((s) => (
          <Tabs.Tab key={s.value} value={s.value}>
            {t(`fundingDuplication.tabs.${s.value}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
