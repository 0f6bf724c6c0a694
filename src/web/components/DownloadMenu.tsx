import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface DownloadLinks {
  csvUtf8?: string | undefined;
  csvSjis?: string | undefined;
  xlsx?: string | undefined;
  json?: string | undefined;
  pdf?: string | undefined;
}

interface Props {
  links: DownloadLinks;
  /** What is downloaded, for the button's accessible name ("Download outcomes"). */
  what: string;
}

/** One "Download" button opening the formats a table offers: CSV UTF-8, CSV Shift_JIS, XLSX, JSON, PDF. */
export function DownloadMenu({ links, what }: Props) {
  const { t } = useTranslation();
  const entries = (
    [
      ['csvUtf8', t('download.csvUtf8')],
      ['csvSjis', t('download.csvSjis')],
      ['xlsx', t('download.xlsx')],
      ['json', t('download.json')],
      ['pdf', t('download.pdf')],
    ] as const
  ).filter(([key]) => links[key]);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="outline" aria-label={t('download.label', { what })}>
          {t('download.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {entries.map(([key, label]) => (
          <Menu.Item key={key} component="a" href={links[key]} download>
            {label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
