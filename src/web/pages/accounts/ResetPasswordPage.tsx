// The page a reset e-mail links to: /dat-lai-mat-khau#token=… (the token rides in the fragment, so it never reaches
// a server log or a Referer header). Sets the new password; every session of the account ends.
import { Alert, Anchor, Button, PasswordInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api } from '../../api.js';
import { AuthCard } from '../../components/AuthCard.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { usePageTitle } from '../../usePageTitle.js';

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const errors = useFormErrors();
  usePageTitle(t('reset.title'));

  function submit(e: FormEvent) {
    e.preventDefault();
    setMismatch(password !== repeat);
    if (password !== repeat) return;
    void errors.submit(async () => {
      await api.post('/api/v1/auth/password-reset/confirm', { token, password });
      setDone(true);
    });
  }

  if (done) {
    return (
      <AuthCard title={t('reset.title')}>
        <Alert color="green" role="status">{t('reset.done')}</Alert>
        <Button component={Link} to="/dang-nhap" fullWidth>{t('login.submit')}</Button>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('reset.title')} intro={t('reset.policy')} onSubmit={submit}>
      {!token && <Alert color="red" role="alert">{t('reset.noToken')}</Alert>}
      <FormAlert error={errors.error} />
      <PasswordInput label={t('reset.newPassword')} autoComplete="new-password" required value={password}
        onChange={(e) => setPassword(e.currentTarget.value)} name="password" error={errors.field('password')} />
      <PasswordInput label={t('reset.repeat')} autoComplete="new-password" required value={repeat}
        onChange={(e) => setRepeat(e.currentTarget.value)} name="repeat" error={mismatch ? t('reset.mismatch') : undefined} />
      <Button type="submit" loading={errors.busy} disabled={!token} fullWidth size="md">{t('reset.submit')}</Button>
      <Anchor component={Link} to="/quen-mat-khau" size="sm">{t('reset.askAgain')}</Anchor>
    </AuthCard>
  );
}
