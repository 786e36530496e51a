// Edit a producer's profile. Sends the version read, so a concurrent change is caught (409 → reload).
import { Button, Checkbox, Fieldset, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { CommunePicker } from '../../components/CommunePicker.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { ENTITY_TYPES, type EntityOut } from '../../types.js';

type Values = {
  name: string; type: string; registrationNumber: string; registrationDate: string; taxCode: string; address: string; communeCode: string;
  phone: string; email: string; website: string; publishContact: boolean; repName: string; repSex: string; repEthnicity: string; repDisability: boolean;
  workers: number | string; localWorkers: number | string;
};

function valuesOf(e: EntityOut): Values {
  return {
    name: e.name, type: e.type, registrationNumber: e.registrationNumber, registrationDate: e.registrationDate ?? '', taxCode: e.taxCode ?? '',
    address: e.address, communeCode: e.communeCode, phone: e.phone ?? '', email: e.email ?? '', website: e.website ?? '',
    // Until the entity chooses, an organisation publishes its contact and a household does not (as the server does).
    publishContact: e.publishContact ?? e.type !== 'ho_kinh_doanh',
    repName: e.representative?.fullName ?? '', repSex: e.representative?.sex ?? 'female', repEthnicity: e.representative?.ethnicity ?? '',
    repDisability: e.representative?.disability ?? false, workers: e.workers ?? '', localWorkers: e.localWorkers ?? '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
const numOrNull = (n: number | string) => (n === '' ? null : Number(n));

export function EntityForm({ entity, onSaved }: { entity: EntityOut; onSaved(e: EntityOut): void }) {
  const { t } = useTranslation();
  const [v, setV] = useState<Values>(() => valuesOf(entity));
  const errors = useFormErrors();
  const set = <K extends keyof Values>(k: K) => (value: Values[K]) => setV((prev) => ({ ...prev, [k]: value }));
  const text = (k: keyof Values) => (e: { currentTarget: { value: string } }) => set(k)(e.currentTarget.value as never);

  function submit(ev: FormEvent) {
    ev.preventDefault();
    void errors.submit(async () => {
      const saved = await api.patch<EntityOut>(`/api/v1/entities/${entity.id}`, {
        version: entity.version, name: v.name, type: v.type, registrationNumber: v.registrationNumber, registrationDate: orNull(v.registrationDate),
        taxCode: orNull(v.taxCode), address: v.address, communeCode: v.communeCode, phone: orNull(v.phone), email: orNull(v.email), website: orNull(v.website), publishContact: v.publishContact,
        representative: { fullName: v.repName, sex: v.repSex, ethnicity: v.repEthnicity, disability: v.repDisability },
        workers: numOrNull(v.workers), localWorkers: numOrNull(v.localWorkers),
      });
      notifications.show({ color: 'ocop', message: t('form.saved') });
      onSaved(saved);
    });
  }

  const f = errors.field;
  return (
    <form onSubmit={submit} noValidate aria-label={t('form.editEntity')}>
      <Stack>
        <FormAlert error={errors.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('form.name')} required value={v.name} onChange={text('name')} error={f('name')} />
          <Select label={t('form.type')} required value={v.type} onChange={(x) => set('type')(x ?? v.type)} allowDeselect={false} error={f('type')}
            data={ENTITY_TYPES.map((k) => ({ value: k, label: t(`entityType.${k}`) }))} />
          <TextInput label={t('form.registrationNumber')} required value={v.registrationNumber} onChange={text('registrationNumber')} error={f('registrationNumber')} />
          <TextInput label={t('form.registrationDate')} type="date" value={v.registrationDate} onChange={text('registrationDate')} error={f('registrationDate')} />
          <TextInput label={t('form.taxCode')} value={v.taxCode} onChange={text('taxCode')} error={f('taxCode')} />
          <CommunePicker required value={v.communeCode} onChange={set('communeCode')} error={f('communeCode')} />
          <TextInput label={t('form.address')} required value={v.address} onChange={text('address')} error={f('address')} />
          <TextInput label={t('form.phone')} type="tel" value={v.phone} onChange={text('phone')} error={f('phone')} />
          <TextInput label={t('form.email')} type="email" value={v.email} onChange={text('email')} error={f('email')} />
          <TextInput label={t('form.website')} type="url" value={v.website} onChange={text('website')} error={f('website')} />
          <NumberInput label={t('form.workers')} min={0} value={v.workers} onChange={set('workers')} error={f('workers')} thousandSeparator="." decimalSeparator="," />
          <NumberInput label={t('form.localWorkers')} min={0} value={v.localWorkers} onChange={set('localWorkers')} error={f('localWorkers')} thousandSeparator="." decimalSeparator="," />
        </SimpleGrid>
        <Checkbox label={t('form.publishContact')} description={t('form.publishContactHint')} checked={v.publishContact} onChange={(e) => set('publishContact')(e.currentTarget.checked)} />
        <Fieldset legend={t('entity.representative')} radius="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('form.repName')} required value={v.repName} onChange={text('repName')} error={f('representative.fullName')} />
            <Select label={t('form.repSex')} value={v.repSex} onChange={(x) => set('repSex')(x ?? v.repSex)} allowDeselect={false} error={f('representative.sex')}
              data={[{ value: 'female', label: t('form.female') }, { value: 'male', label: t('form.male') }]} />
            <TextInput label={t('form.ethnicity')} required value={v.repEthnicity} onChange={text('repEthnicity')} error={f('representative.ethnicity')} />
          </SimpleGrid>
          <Checkbox mt="sm" label={t('form.disability')} checked={v.repDisability} onChange={(e) => set('repDisability')(e.currentTarget.checked)} />
        </Fieldset>
        <Group><Button type="submit" loading={errors.busy}>{t('action.save')}</Button></Group>
      </Stack>
    </form>
  );
}
