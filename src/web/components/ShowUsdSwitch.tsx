import { Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDisplayPreferences } from '../lib/display-preferences';
import { useYenPerUsd } from '../lib/reference';

/** The global "Show USD" switch: yen amounts also appear in dollars at the programme's rate. */
export function ShowUsdSwitch({ inverted = false }: { inverted?: boolean }) {
  const { t } = useTranslation();
  const { showUsd, setShowUsd } = useDisplayPreferences();
  const rate = useYenPerUsd();
  return (
    <Switch
      size="sm"
      checked={showUsd}
      onChange={(e) => setShowUsd(e.currentTarget.checked)}
      label={t('money.showUsd')}
      description={rate ? t('money.rate', { rate }) : undefined}
      color={inverted ? 'gray' : 'navy'}
      styles={
        inverted
          ? {
              label: { color: '#fff' },
              description: { color: '#dce6f2' },
            }
          : undefined
      }
    />
  );
}
