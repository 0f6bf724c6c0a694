import { AppShell, Box, Burger, Container, Drawer, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { ShowUsdSwitch } from '../components/ShowUsdSwitch';
import { AccountLocaleSync } from '../features/auth/components/AccountLocaleSync';
import { AccountMenu } from '../features/auth/components/AccountMenu';
import { LanguageSwitch } from '../features/auth/components/LanguageSwitch';
import { hasPermission, useSession } from '../lib/session';
import { DrawerNav, HeaderNav } from './header-nav';
import { NAV_ITEMS } from './navigation';

function useVisibleNavItems() {
  const { account } = useSession();
  return NAV_ITEMS.filter(
    (item) =>
      (!item.permission || hasPermission(account, item.permission)) &&
      (!item.anyPermission || item.anyPermission.some((p) => hasPermission(account, p))),
  );
}

/** Moves focus to the main region after client-side navigation so screen readers announce the new page. */
function useFocusMainOnNavigation() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById('main-content')?.focus({ preventScroll: true });
  }, [location.pathname]);
}

function BrandMark() {
  return (
    <svg width="34" height="34" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="6" fill="#ffffff" />
      <path d="M8 9L16 16L24 9M8 23L16 16L24 23" stroke="#8aaad2" strokeWidth="1.6" fill="none" />
      <circle cx="16" cy="16" r="4" fill="#1b365d" />
      <circle cx="8" cy="9" r="2.5" fill="#2f5d94" />
      <circle cx="24" cy="9" r="2.5" fill="#2f5d94" />
      <circle cx="8" cy="23" r="2.5" fill="#2f5d94" />
      <circle cx="24" cy="23" r="2.5" fill="#2f5d94" />
    </svg>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const items = useVisibleNavItems();
  const location = useLocation();
  useFocusMainOnNavigation();

  useEffect(() => {
    close();
  }, [location.pathname, close]);

  return (
    <AppShell header={{ height: { base: 64, sm: 108 } }} padding={0}>
      <a href="#main-content" className="kcp-skip-link">
        {t('app.skipToContent')}
      </a>
      <AccountLocaleSync />
      <AppShell.Header className="kcp-header">
        <Container size="xl" h="100%">
          <Stack gap={0} h="100%" justify="space-between">
            <Group h={64} justify="space-between" wrap="nowrap" gap="sm">
              <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                <Burger
                  opened={opened}
                  onClick={toggle}
                  hiddenFrom="sm"
                  size="sm"
                  color="#fff"
                  aria-label={opened ? t('app.closeMenu') : t('app.openMenu')}
                  aria-expanded={opened}
                  aria-controls="kcp-mobile-nav"
                />
                <Link to="/" className="kcp-brand">
                  <BrandMark />
                  <Box style={{ minWidth: 0 }}>
                    <div className="kcp-brand-title">{t('app.name')}</div>
                    <div className="kcp-brand-sub">{t('app.ministry')}</div>
                  </Box>
                </Link>
              </Group>
              <Group gap="md" wrap="nowrap">
                <Box visibleFrom="md">
                  <ShowUsdSwitch inverted />
                </Box>
                <Box visibleFrom="sm">
                  <LanguageSwitch />
                </Box>
                <AccountMenu />
              </Group>
            </Group>
            <Box visibleFrom="sm">
              <HeaderNav items={items} />
            </Box>
          </Stack>
        </Container>
      </AppShell.Header>

      <Drawer
        opened={opened}
        onClose={close}
        title={t('app.menu')}
        size="xs"
        id="kcp-mobile-nav"
        hiddenFrom="sm"
      >
        <DrawerNav items={items} />
        <Stack mt="lg" gap="md">
          <LanguageSwitch name="kcp-language-menu" />
          <ShowUsdSwitch />
        </Stack>
      </Drawer>

      <AppShell.Main id="main-content" tabIndex={-1} className="kcp-main">
        <Container size="xl" py="lg">
          <Outlet />
        </Container>
      </AppShell.Main>
      <Box component="footer" className="kcp-footer">
        <Container size="xl">
          <Stack gap={4}>
            <Text size="sm" fw={700} c="dark">
              {t('app.name')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('app.footerNote')}
            </Text>
          </Stack>
        </Container>
      </Box>
      <ScrollRestoration />
    </AppShell>
  );
}
