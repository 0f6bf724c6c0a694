/**
 * The mark `kcp demo` puts at the head of the titles it writes, so nobody mistakes synthetic data
 * for a real programme's. Text rules that compare titles (matching) read them without it.
 */
export const DEMO_MARK = { ja: '【デモ】', en: '[Demo] ' } as const;

export function withDemoMark(text: string, lang: 'ja' | 'en'): string {
  return `${DEMO_MARK[lang]}${text}`;
}

export function withoutDemoMark(text: string | null): string | null {
  if (text === null) return null;
  for (const mark of [DEMO_MARK.ja, DEMO_MARK.en.trim()]) {
    if (text.startsWith(mark)) return text.slice(mark.length).trimStart();
  }
  return text;
}
