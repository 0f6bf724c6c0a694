import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLocale, isAppLocale, type AppLocale } from '../../../i18n';
import { useLocale } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useUpdateMe } from '../api/auth-api';

/** 日本語 / English: remembered in this browser and, when signed in, on the account. */
export function LanguageSwitch({ name = 'kcp-language' }: { name?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { account } = useSession();
  const updateMe = useUpdateMe();

  const choose = async (value: string) => {
    if (!isAppLocale(value) || value === locale) return;
    await changeLocale(value);
    if (account && account.locale !== value) updateMe.mutate({ locale: value });
  };

  const options: { value: AppLocale; label: React.ReactNode }[] = [
    { value: 'ja', label: <span lang="ja">日本語</span> },
    { value: 'en', label: <span lang="en">English</span> },
  ];

  return (
    <SegmentedControl
      aria-label={t('app.language')}
      size="xs"
      value={locale}
      onChange={(value) => void choose(value)}
      data={options}
      name={name}
    />
  );
}
