import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface SourceNoteProps {
  sources: string | readonly (string | null | undefined)[] | null | undefined;
  /** Shown before the sources; defaults to "Source". */
  label?: string;
  size?: 'xs' | 'sm';
}

/** Distinct, non-empty sources in their first-seen order. */
function distinctSources(sources: SourceNoteProps['sources']): string[] {
  const list = typeof sources === 'string' ? [sources] : [...(sources ?? [])];
  return [...new Set(list.map((s) => (s ?? '').trim()).filter((s) => s !== ''))];
}

/** The longest common beginning of the sources, cut at a word or punctuation boundary. */
function commonPrefix(sources: readonly string[]): string {
  if (sources.length === 0) return '';
  let prefix = sources[0] ?? '';
  for (const source of sources) {
    let i = 0;
    while (i < prefix.length && i < source.length && prefix[i] === source[i]) i++;
    prefix = prefix.slice(0, i);
  }
  const cut = Math.max(prefix.lastIndexOf(','), prefix.lastIndexOf('('), prefix.lastIndexOf('（'));
  return (cut > 0 ? prefix.slice(0, cut) : prefix).trim();
}

/** "Source: …" under every figure, table or chart; many sources fold into a list the reader can open. */
export function SourceNote({ sources, label, size = 'sm' }: SourceNoteProps) {
  const { t } = useTranslation();
  const list = distinctSources(sources);
  if (list.length === 0) return null;
  const heading = (
    <Text span fw={700} inherit>
      {label ?? t('source.label')}
      {t('common.colon')}
    </Text>
  );
  if (list.length <= 3) {
    return (
      <Text size={size} c="dimmed" className="kcp-source-note">
        {heading}
        {list.join(t('common.listSeparator'))}
      </Text>
    );
  }
  const shared = commonPrefix(list);
  const summary =
    shared.length >= 20
      ? t('source.sharedAndMore', { source: shared })
      : t('source.many', { count: list.length });
  return (
    <Text size={size} c="dimmed" className="kcp-source-note" component="div">
      <details>
        <summary style={{ cursor: 'pointer' }}>
          {heading}
          {summary} {t('source.showAll', { count: list.length })}
        </summary>
        <List size={size} mt={4} spacing={2}>
          {list.map((source) => (
            <List.Item key={source}>{source}</List.Item>
          ))}
        </List>
      </details>
    </Text>
  );
}
