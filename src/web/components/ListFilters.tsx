// Filter fields shared by the workspace lists. Each takes the value kept in the URL and reports a change;
// an empty string means "no filter".
import { Select, TextInput, type ComboboxData } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProvinces } from '../reference.js';
import { CommunePicker } from './CommunePicker.js';

type FilterProps = { value: string; onChange(value: string): void };

/** Free-text search; typing is reported once it pauses, so every keystroke does not reload the list. */
export function SearchFilter({ value, onChange }: FilterProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, 300);
  useEffect(() => { if (debounced !== value) onChange(debounced); }, [debounced]);
  return <TextInput label={t('list.search')} value={text} onChange={(e) => setText(e.currentTarget.value)} type="search" />;
}

export function ProvinceFilter({ value, onChange }: FilterProps) {
  const { t, i18n } = useTranslation();
  const provinces = useProvinces();
  return (
    <ChoiceFilter value={value} onChange={onChange} label={t('catalogue.province')} placeholder={t('catalogue.allProvinces')} searchable
      data={(provinces ?? []).map((p) => ({ value: p.code, label: i18n.language === 'en' ? p.nameEn : p.name }))} />
  );
}

/** A commune picked by name (diacritics ignored); the filter in the URL is its code. */
export function CommuneFilter({ value, onChange }: FilterProps) {
  return <CommunePicker value={value} onChange={onChange} clearable />;
}

export const communeCodeOrEmpty = (typed: string) => (/^\d{5}$/.test(typed) ? typed : '');

/** A choice from a fixed list; clearing it removes the filter. */
export function ChoiceFilter({ value, onChange, label, placeholder, data, searchable }: FilterProps & { label: string; placeholder: string; data: ComboboxData; searchable?: boolean }) {
  return <Select label={label} placeholder={placeholder} clearable searchable={searchable} value={value || null} data={data} onChange={(v) => onChange(v ?? '')} />;
}

/** The status choice; `labelKey` is the i18n namespace of the status names (`entityStatus`, `productStatus`). */
export function StatusFilter({ statuses, labelKey, ...field }: FilterProps & { statuses: readonly string[]; labelKey: string }) {
  const { t } = useTranslation();
  return <ChoiceFilter {...field} label={t('list.status')} placeholder={t('list.allStatuses')} data={statuses.map((s) => ({ value: s, label: t(`${labelKey}.${s}`) }))} />;
}
