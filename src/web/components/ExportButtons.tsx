// Export a list with its current filters; the browser downloads the file the API returns.
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api.js';

export function ExportButtons({ path, filters }: { path: string; filters: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" aria-label={t('list.exportHint')} role="group">
      {(['xlsx', 'csv'] as const).map((format) => (
        <Button key={format} component="a" href={withQuery(path, { ...filters, format })} download variant="default" size="xs" title={t('list.exportHint')}>
          {t('list.export', { format: format.toUpperCase() })}
        </Button>
      ))}
    </Group>
  );
}
