/** What the signed-in reader may do with seeds and needs, from the session's grants (the server decides again). */
import { useMemo } from 'react';
import { hasPermission, useSession } from '../../../lib/session';

/** Roles whose seed:edit and need:edit reach every cluster and every company. */
const PROGRAMME_WIDE = new Set(['administrator', 'programme_officer', 'coordinator']);

export interface ListingScope {
  isSignedIn: boolean;
  canCoordinate: boolean;
  canEditSeeds: boolean;
  canEditNeeds: boolean;
  /** 'all', or the clusters a headquarters account offers seeds for. */
  seedClusters: 'all' | number[];
  /** 'all', or the organizations a partner company posts needs for. */
  needOrganizations: 'all' | number[];
}

export function useListingScope(): ListingScope {
  const { account } = useSession();
  return useMemo(() => {
    const grants = account?.grants ?? [];
    const wide = grants.some((g) => PROGRAMME_WIDE.has(g.role));
    const scoped = (role: string) =>
      grants.filter((g) => g.role === role && g.scopeId !== null).map((g) => g.scopeId!);
    return {
      isSignedIn: account !== null,
      canCoordinate: hasPermission(account, 'matching:coordinate'),
      canEditSeeds: hasPermission(account, 'seed:edit'),
      canEditNeeds: hasPermission(account, 'need:edit'),
      seedClusters: wide ? 'all' : scoped('cluster_headquarters'),
      needOrganizations: wide ? 'all' : scoped('partner_company'),
    };
  }, [account]);
}

/** Today's date in Japan (yyyy-mm-dd), the day listings expire on. */
export function todayInJapan(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
