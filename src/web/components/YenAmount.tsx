import { Text } from '@mantine/core';
import type { YenUnit } from '../../domain/money';
import { useDisplayPreferences } from '../lib/display-preferences';
import { useFormatters } from '../lib/format';
import { useYenPerUsd } from '../lib/reference';

interface YenAmountProps {
  yen: number;
  /** 円 / 千円 / 百万円, or 'compact' for 5億円 / ¥500 million. */
  unit?: YenUnit | 'compact';
  /** Force the dollar figure on or off; by default the header's "Show USD" switch decides. */
  showUsd?: boolean;
  /** Put the dollar figure on its own line. */
  stacked?: boolean;
}

/** A yen amount in the chosen unit, with US dollars at the programme's rate when asked for. */
export function YenAmount({ yen, unit = 'auto', showUsd, stacked = false }: YenAmountProps) {
  const f = useFormatters();
  const preferences = useDisplayPreferences();
  const yenPerUsd = useYenPerUsd();
  const withUsd = (showUsd ?? preferences.showUsd) && yenPerUsd !== null;
  const text = unit === 'compact' ? f.yenCompact(yen) : f.yen(yen, unit);
  const usd = withUsd ? (unit === 'compact' ? f.usdCompact(yen, yenPerUsd) : f.usd(yen, yenPerUsd)) : null;
  return (
    <span className="kcp-num" title={f.yen(yen, 'yen')}>
      {text}
      {usd ? (
        <Text span c="dimmed" size="0.85em" display={stacked ? 'block' : 'inline'}>
          {stacked ? usd : ` (${usd})`}
        </Text>
      ) : null}
    </span>
  );
}
