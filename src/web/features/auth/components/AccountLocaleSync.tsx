import { useEffect, useRef } from 'react';
import { changeLocale, readStoredLocale } from '../../../i18n';
import { useLocale } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useUpdateMe } from '../api/auth-api';

/**
 * Keeps the UI language and the signed-in account's saved language together: a choice made in this browser
 * is saved on the account; with no choice here, the account's language is used.
 */
export function AccountLocaleSync() {
  const { account } = useSession();
  const locale = useLocale();
  const updateMe = useUpdateMe();
  const syncedFor = useRef<number | null>(null);

  useEffect(() => {
    if (!account) {
      syncedFor.current = null;
      return;
    }
    if (syncedFor.current === account.id) return;
    syncedFor.current = account.id;
    const stored = readStoredLocale();
    if (stored === null) {
      if (account.locale !== locale) void changeLocale(account.locale);
    } else if (account.locale !== stored) {
      updateMe.mutate({ locale: stored });
    }
  }, [account, locale, updateMe]);

  return null;
}
