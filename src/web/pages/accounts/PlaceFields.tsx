// Province, then commune, each a searchable list: a producer signing up picks its commune by name and never types
// a code. Search ignores diacritics ("meo vac" finds "Mèo Vạc"), as the catalogue search does.
import { Select, SimpleGrid, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../api.js';
import { useLocalized } from '../../i18n/index.js';
import { useProvinces } from '../../reference.js';
import type { AdminUnit } from '../../types.js';
import { useFetch } from '../../useFetch.js';

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

const foldingFilter: OptionsFilter = ({ options, search }) => {
  const want = fold(search.trim());
  return want ? (options as ComboboxItem[]).filter((o) => fold(o.label).includes(want)) : options;
};

export function PlaceFields({ communeCode, onChange, error }: { communeCode: string; onChange(code: string): void; error?: string }) {
  const { t } = useTranslation();
  const { pickName } = useLocalized();
  const provinces = useProvinces();
  const [province, setProvince] = useState<string | null>(null);
  const communes = useFetch<{ items: AdminUnit[] }>(province ? withQuery('/api/v1/admin-units', { level: 'commune', province }) : null);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Select label={t('signup.province')} required searchable filter={foldingFilter} value={province} nothingFoundMessage="—"
        onChange={(p) => { setProvince(p); onChange(''); }}
        data={(provinces ?? []).map((p) => ({ value: p.code, label: pickName(p.fullName, p.fullNameEn) }))} />
      <Select label={t('signup.commune')} required searchable filter={foldingFilter} value={communeCode || null} nothingFoundMessage="—"
        description={province ? t('signup.communeHint') : t('signup.chooseProvinceFirst')} disabled={!province} error={error}
        onChange={(c) => onChange(c ?? '')} limit={200}
        data={(communes.data?.items ?? []).map((c) => ({ value: c.code, label: pickName(c.fullName, c.fullNameEn) }))} />
    </SimpleGrid>
  );
}
