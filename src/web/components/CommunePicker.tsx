// A commune chosen by name, never typed as a code: a searchable list over the geo API, which ignores diacritics
// ("meo vac" finds "Xã Mèo Vạc"). The value is still the code; the name of a code given is looked up by it.
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../api.js';
import { useLocalized } from '../i18n/index.js';
import { useProvinces } from '../reference.js';
import type { AdminUnit } from '../types.js';
import { useFetch } from '../useFetch.js';

type Props = {
  value: string; onChange(code: string): void; label?: string; required?: boolean; error?: string; clearable?: boolean; description?: string;
  /** Only the communes of this province. */
  province?: string;
};

const communesUrl = (params: Record<string, string | number | undefined>) => withQuery('/api/v1/admin-units', { level: 'commune', ...params });

/** "Xã Mèo Vạc, Tỉnh Tuyên Quang", in the reader's language. */
export function useCommuneLabel() {
  const { pickName } = useLocalized();
  const { t } = useTranslation();
  const provinces = useProvinces();
  return (c: AdminUnit) => {
    const p = provinces?.find((x) => x.code === c.provinceCode);
    const commune = pickName(c.fullName, c.fullNameEn);
    return p ? t('scopeNames.commune', { commune, province: pickName(p.fullName, p.fullNameEn) }) : commune;
  };
}

export function CommunePicker({ value, onChange, label, required, error, clearable, description, province }: Props) {
  const { t } = useTranslation();
  const labelOf = useCommuneLabel();
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 250);
  const current = useFetch<{ items: AdminUnit[] }>(value ? communesUrl({ q: value, limit: 1 }) : null);
  const selected = current.data?.items.find((c) => c.code === value);
  // While the box shows the chosen commune's name, there is nothing to search for.
  const searching = typed.length >= 2 && !(selected && typed === labelOf(selected));
  const found = useFetch<{ items: AdminUnit[] }>(searching ? communesUrl({ q: typed, province, limit: 50 }) : null);
  const units = [...(selected ? [selected] : []), ...((searching ? found.data?.items : []) ?? []).filter((c) => c.code !== value)];
  return (
    <Select label={label ?? t('picker.commune')} required={required} error={error} clearable={clearable} description={description}
      searchable searchValue={search} onSearchChange={setSearch} value={value || null} onChange={(c) => onChange(c ?? '')}
      // The server has filtered (diacritics ignored); the list's own filter would drop "meo vac" against "Mèo Vạc".
      filter={({ options }) => options} placeholder={t('picker.typeToSearch')}
      nothingFoundMessage={typed.length < 2 ? t('picker.typeToSearch') : found.loading ? '…' : t('picker.none')}
      data={units.map((c) => ({ value: c.code, label: labelOf(c) }))} />
  );
}
