// /dang-ky: a producer opens its account and registers its entity in one form; the commune approves the entity
// later. The server answers the same for a new e-mail and a taken one (it mails the owner of a taken one), so the
// page shows the server's words and offers to log in with the password just chosen, without guessing which it was.
import { Alert, Anchor, Button, Checkbox, Fieldset, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { api, type Message } from '../../api.js';
import { AuthCard } from '../../components/AuthCard.js';
import { CommunePicker } from '../../components/CommunePicker.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { useLocalized } from '../../i18n/index.js';
import { useSession } from '../../session.js';
import { ENTITY_TYPES } from '../../types.js';
import { usePageTitle } from '../../usePageTitle.js';

type Values = {
  fullName: string; email: string; password: string;
  name: string; type: string; registrationNumber: string; taxCode: string; phone: string; communeCode: string; address: string;
  repIsMe: boolean; repName: string; repSex: string; repEthnicity: string; repDisability: boolean;
};
const EMPTY: Values = {
  fullName: '', email: '', password: '', name: '', type: 'htx', registrationNumber: '', taxCode: '', phone: '', communeCode: '', address: '',
  repIsMe: true, repName: '', repSex: 'female', repEthnicity: '', repDisability: false,
};
const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The request body of POST /auth/signup (registry.contract.ts signupBody). */
function bodyOf(v: Values) {
  return {
    email: v.email, password: v.password, fullName: v.fullName,
    entity: {
      name: v.name, type: v.type, registrationNumber: v.registrationNumber, taxCode: orNull(v.taxCode), phone: orNull(v.phone),
      communeCode: v.communeCode, address: v.address,
      representative: { fullName: v.repIsMe ? v.fullName : v.repName, sex: v.repSex, ethnicity: v.repEthnicity, disability: v.repDisability },
    },
  };
}

export default function SignUpPage() {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const { user, login } = useSession();
  const navigate = useNavigate();
  const [v, setV] = useState<Values>(EMPTY);
  const [accepted, setAccepted] = useState<Message | null>(null);
  const errors = useFormErrors();
  const loggingIn = useFormErrors();
  usePageTitle(t('signup.title'));
  const set = <K extends keyof Values>(k: K) => (value: Values[K]) => setV((prev) => ({ ...prev, [k]: value }));
  const text = (k: keyof Values) => (e: { currentTarget: { value: string } }) => set(k)(e.currentTarget.value as never);
  // Checks made inside the command name the entity's fields without the `entity.` prefix (e.g. registrationNumber).
  const f = (path: string) => errors.field(`entity.${path}`) ?? errors.field(path);

  // The form is long: after a refusal, bring the first field in error (or the banner) into view, with the focus,
  // so that a phone user who pressed the button at the bottom sees what to fix.
  useEffect(() => {
    if (!errors.error) return;
    const target = document.querySelector<HTMLElement>('main [aria-invalid="true"]') ?? document.querySelector<HTMLElement>('main [role="alert"]');
    target?.scrollIntoView({ block: 'center' });
    target?.focus({ preventScroll: true });
  }, [errors.error]);

  // Someone logged in has an account already (a colleague joins through an invitation instead).
  if (user && !accepted) return <Navigate to="/lam-viec" replace />;

  function submit(e: FormEvent) {
    e.preventDefault();
    void errors.submit(async () => {
      const res = await api.post<{ message: Message }>('/api/v1/auth/signup', bodyOf(v));
      setAccepted(res.message);
    });
  }

  if (accepted) {
    return (
      <AuthCard title={t('signup.title')}>
        <Alert color="green" role="status">{pick(accepted)}</Alert>
        {loggingIn.error ? <Alert color="red" role="alert">{t('login.failed')}</Alert> : null}
        <Button fullWidth size="md" loading={loggingIn.busy} onClick={() => {
          void loggingIn.submit(async () => { await login(v.email, v.password); navigate('/lam-viec'); });
        }}>{t('signup.logInNow')}</Button>
        <Anchor component={Link} to="/dang-nhap" size="sm">{t('reset.backToLogin')}</Anchor>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('signup.title')} intro={t('signup.intro')} onSubmit={submit} wide>
      <FormAlert error={errors.error} />
      <Fieldset legend={t('signup.account')} radius="md">
        <Stack gap="sm">
          <TextInput label={t('signup.fullName')} required autoComplete="name" value={v.fullName} onChange={text('fullName')}
            error={errors.field('fullName') ?? (v.repIsMe ? f('representative.fullName') : undefined)} />
          <TextInput label={t('login.email')} type="email" required autoComplete="email" value={v.email} onChange={text('email')} error={errors.field('email')} />
          <PasswordInput label={t('login.password')} description={t('signup.passwordHint')} required autoComplete="new-password"
            value={v.password} onChange={text('password')} error={errors.field('password')} />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('signup.entity')} radius="md">
        <Stack gap="sm">
          <TextInput label={t('form.name')} required value={v.name} onChange={text('name')} error={f('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('form.type')} required value={v.type} onChange={(x) => set('type')(x ?? v.type)} allowDeselect={false} error={f('type')}
              data={ENTITY_TYPES.map((k) => ({ value: k, label: t(`entityType.${k}`) }))} />
            <TextInput label={t('form.registrationNumber')} required value={v.registrationNumber} onChange={text('registrationNumber')} error={f('registrationNumber')} />
            <TextInput label={t('form.taxCode')} value={v.taxCode} onChange={text('taxCode')} error={f('taxCode')} inputMode="numeric" />
            <TextInput label={t('form.phone')} type="tel" value={v.phone} onChange={text('phone')} error={f('phone')} />
          </SimpleGrid>
          <CommunePicker value={v.communeCode} onChange={set('communeCode')} required error={f('communeCode')} />
          <TextInput label={t('form.address')} required value={v.address} onChange={text('address')} error={f('address')} />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('signup.representative')} radius="md">
        <Stack gap="sm">
          <Checkbox label={t('signup.sameAsMe')} checked={v.repIsMe} onChange={(e) => set('repIsMe')(e.currentTarget.checked)} />
          {!v.repIsMe && <TextInput label={t('form.repName')} required value={v.repName} onChange={text('repName')} error={f('representative.fullName')} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('form.repSex')} value={v.repSex} onChange={(x) => set('repSex')(x ?? v.repSex)} allowDeselect={false} error={f('representative.sex')}
              data={[{ value: 'female', label: t('form.female') }, { value: 'male', label: t('form.male') }]} />
            <TextInput label={t('form.ethnicity')} required value={v.repEthnicity} onChange={text('repEthnicity')} error={f('representative.ethnicity')} />
          </SimpleGrid>
          <Checkbox label={t('form.disability')} checked={v.repDisability} onChange={(e) => set('repDisability')(e.currentTarget.checked)} />
        </Stack>
      </Fieldset>
      <Button type="submit" loading={errors.busy} fullWidth size="md">{t('signup.submit')}</Button>
      <Anchor component={Link} to="/dang-nhap" size="sm">{t('signup.haveAccount')}</Anchor>
    </AuthCard>
  );
}
