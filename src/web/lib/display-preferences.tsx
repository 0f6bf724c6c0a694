/** Display choices that apply to every page: whether yen amounts also show US dollars. */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

const SHOW_USD_STORAGE_KEY = 'kcp.showUsd';

interface DisplayPreferences {
  showUsd: boolean;
  setShowUsd: (value: boolean) => void;
}

const DisplayPreferencesContext = createContext<DisplayPreferences>({ showUsd: false, setShowUsd: () => {} });

function readShowUsd(): boolean {
  try {
    return window.localStorage.getItem(SHOW_USD_STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

export function DisplayPreferencesProvider({ children }: { children: ReactNode }) {
  const [showUsd, setState] = useState(readShowUsd);
  const setShowUsd = useCallback((value: boolean) => {
    setState(value);
    try {
      window.localStorage.setItem(SHOW_USD_STORAGE_KEY, value ? '1' : '0');
    } catch {
      // Storage refused: the choice lasts for this page only.
    }
  }, []);
  const value = useMemo(() => ({ showUsd, setShowUsd }), [showUsd, setShowUsd]);
  return <DisplayPreferencesContext.Provider value={value}>{children}</DisplayPreferencesContext.Provider>;
}

export function useDisplayPreferences(): DisplayPreferences {
  return useContext(DisplayPreferencesContext);
}
