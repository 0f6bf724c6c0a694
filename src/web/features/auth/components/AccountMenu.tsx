import { Button, Menu, Text } from '@mantine/core';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../../../lib/labels';
import { useSession } from '../../../lib/session';
import { useSignOut } from '../api/auth-api';

/** "Sign in" when anonymous; otherwise the account's name with its roles, password change and sign-out. */
export function AccountMenu() {
  const { t } = useTranslation();
  const { account, isLoading } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const codeLabel = useCodeLabel();

  if (isLoading) return null;
  if (!account) {
    const next =
      location.pathname === '/sign-in'
        ? ''
        : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return (
      <Button component={Link} to={`/sign-in${next}`} variant="white" color="navy" size="xs">
        {t('auth.signIn')}
      </Button>
    );
  }

  const roles = [...new Set(account.grants.map((g) => codeLabel('role', g.role)))];
  return (
    <Menu position="bottom-end" width={260} shadow="md">
      <Menu.Target>
        <Button
          variant="white"
          color="navy"
          size="xs"
          aria-label={t('auth.accountMenu', { name: account.displayName })}
        >
          <Text span size="xs" fw={700} maw={160} truncate="end" inherit>
            {account.displayName}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={700} c="dark">
            {account.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            {account.email}
          </Text>
          {roles.length > 0 ? (
            <Text size="xs" c="dimmed">
              {roles.join(t('common.listSeparator'))}
            </Text>
          ) : null}
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account/password">
          {t('auth.changePassword')}
        </Menu.Item>
        <Menu.Item
          onClick={() =>
            signOut.mutate(undefined, {
              onSuccess: () => {
                void navigate('/');
              },
            })
          }
        >
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
