// Page numbers inside a labelled navigation landmark; every control has a name for screen readers.
import { Center, Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Pager({ total, pageSize, page, onChange }: { total: number; pageSize: number; page: number; onChange(p: number): void }) {
  const { t, i18n } = useTranslation();
  const pages = Math.ceil(total / pageSize);
  if (pages <= 1) return null;
  const en = i18n.language === 'en';
  return (
    <Center component="nav" aria-label={t('catalogue.pages')} mt="lg">
      <Pagination
        total={pages} value={page} onChange={onChange} siblings={1} boundaries={1} size="sm"
        getItemProps={(p) => ({ 'aria-label': en ? `Page ${p}` : `Trang ${p}` })}
        getControlProps={(control) => ({
          'aria-label': { first: en ? 'First page' : 'Trang đầu', last: en ? 'Last page' : 'Trang cuối', next: en ? 'Next page' : 'Trang sau', previous: en ? 'Previous page' : 'Trang trước' }[control],
        })}
      />
    </Center>
  );
}
