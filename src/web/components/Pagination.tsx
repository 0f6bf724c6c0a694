import { Group, Pagination as MantinePagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../lib/format';

interface PaginationProps {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
}

/** Page links for an offset-paginated list, with "1–50 of 120". */
export function Pagination({ total, limit, offset, onChange }: PaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.min(pages, Math.floor(offset / limit) + 1);
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(total, offset + limit);
  return (
    <Group justify="space-between" mt="md" gap="sm" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.range', { first: formatCount(first), last: formatCount(last), total: formatCount(total) })}
      </Text>
      {pages > 1 ? (
        <nav aria-label={t('common.pagination')}>
          <MantinePagination
            total={pages}
            value={page}
            onChange={(p) => onChange((p - 1) * limit)}
            size="sm"
            getItemProps={(p) => ({
              'aria-label': t('common.pageN', { page: p }),
              'aria-current': p === page ? 'page' : undefined,
            })}
            getControlProps={(control) => ({ 'aria-label': t(`common.pageControl.${control}`) })}
          />
        </nav>
      ) : null}
    </Group>
  );
}
