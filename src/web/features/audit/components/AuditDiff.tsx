import { SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** Before and after of one audited change: a field-by-field table for records, raw JSON otherwise. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  if (isRecord(before) || isRecord(after)) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    const changed = (key: string) => JSON.stringify(b[key]) !== JSON.stringify(a[key]);
    const ordered = [...keys.filter(changed), ...keys.filter((k) => !changed(k))];
    return (
      <Table withTableBorder fz="xs" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="20%">
              {t('audit.field')}
            </Table.Th>
            <Table.Th scope="col">{t('audit.before')}</Table.Th>
            <Table.Th scope="col">{t('audit.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((key) => {
            const isChanged = changed(key);
            return (
              <Table.Tr key={key} className={isChanged ? 'kcp-diff-changed' : undefined}>
                <Table.Th scope="row" fw={isChanged ? 700 : 400}>
                  {key}
                  {isChanged ? (
                    <Text span size="xs" c="dark" fw={400}>
                      {' '}
                      ({t('audit.changed')})
                    </Text>
                  ) : null}
                </Table.Th>
                <Table.Td>
                  <pre className="kcp-json">{show(b[key])}</pre>
                </Table.Td>
                <Table.Td>
                  <pre className="kcp-json">{show(a[key])}</pre>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    );
  }
  return (
    <SimpleGrid cols={2}>
      <Stack gap={4}>
        <Text size="xs" fw={700}>
          {t('audit.before')}
        </Text>
        <pre className="kcp-json">{show(before ?? null)}</pre>
      </Stack>
      <Stack gap={4}>
        <Text size="xs" fw={700}>
          {t('audit.after')}
        </Text>
        <pre className="kcp-json">{show(after ?? null)}</pre>
      </Stack>
    </SimpleGrid>
  );
}
