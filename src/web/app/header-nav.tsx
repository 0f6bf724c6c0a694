import { Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { matchPath, NavLink, useLocation } from 'react-router';
import { NAV_SECTIONS, type NavItem, type NavSection } from './navigation';

interface NavGroups {
  topLevel: NavItem[];
  sections: { section: NavSection; items: NavItem[] }[];
}

/** The visible items split into top-level links and the non-empty section menus, in menu order. */
export function groupNavItems(items: readonly NavItem[]): NavGroups {
  return {
    topLevel: items.filter((item) => !item.section),
    sections: NAV_SECTIONS.map((section) => ({
      section,
      items: items.filter((item) => item.section === section),
    })).filter((group) => group.items.length > 0),
  };
}

/** The header's row: public pages as links, each work area as a menu marked when the page is in it. */
export function HeaderNav({ items }: { items: readonly NavItem[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { topLevel, sections } = groupNavItems(items);
  return (
    <nav aria-label={t('nav.label')} className="kcp-nav">
      {topLevel.map((item) => (
        <NavLink key={item.to} to={item.to} end={item.end} className="kcp-nav-link">
          {t(item.labelKey)}
        </NavLink>
      ))}
      {sections.map(({ section, items: sectionItems }) => (
        <Menu key={section} position="bottom-start" offset={2} shadow="md" withinPortal>
          <Menu.Target>
            <UnstyledButton
              className="kcp-nav-link kcp-nav-menu"
              data-current={
                sectionItems.some((item) => matchPath({ path: item.to, end: Boolean(item.end) }, pathname)) ||
                undefined
              }
            >
              {t(`nav.sections.${section}`)}
              <span aria-hidden="true" className="kcp-nav-caret">
                ▾
              </span>
            </UnstyledButton>
          </Menu.Target>
          <Menu.Dropdown>
            {sectionItems.map((item) => (
              <Menu.Item key={item.to} component={NavLink} to={item.to} className="kcp-nav-menu-item">
                {t(item.labelKey)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      ))}
    </nav>
  );
}

/** The phone drawer's list: every item visible at once, the work areas under their headings. */
export function DrawerNav({ items }: { items: readonly NavItem[] }) {
  const { t } = useTranslation();
  const { topLevel, sections } = groupNavItems(items);
  const link = (item: NavItem) => (
    <NavLink key={item.to} to={item.to} end={item.end} className="kcp-drawer-link">
      {t(item.labelKey)}
    </NavLink>
  );
  return (
    <nav aria-label={t('nav.label')}>
      <Stack gap={4}>
        {topLevel.map(link)}
        {sections.map(({ section, items: sectionItems }) => (
          <Stack key={section} gap={4} mt="sm" role="group" aria-labelledby={`kcp-drawer-${section}`}>
            <Text id={`kcp-drawer-${section}`} size="xs" fw={700} c="dimmed" tt="uppercase" px="sm">
              {t(`nav.sections.${section}`)}
            </Text>
            {sectionItems.map(link)}
          </Stack>
        ))}
      </Stack>
    </nav>
  );
}
