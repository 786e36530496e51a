// /nhan-loi-moi#token=…: the link an invitation e-mail carries (notifications.messages.ts invitationLink; the token
// rides in the fragment, so it never reaches a server log or a Referer header). The invitee chooses a name and a
// password; the account joins the entity and is logged in at once.
import { Alert, Anchor, Button, PasswordInput, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { api } from '../../api.js';
import { AuthCard } from '../../components/AuthCard.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { useSession } from '../../session.js';
import type { User } from '../../types.js';
import { usePageTitle } from '../../usePageTitle.js';

export default function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const { login } = useSession();
  const navigate = useNavigate();
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
  const [fullName, setFullName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const errors = useFormErrors();
  usePageTitle(t('invite.title'));

  function submit(e: FormEvent) {
    e.preventDefault();
    setMismatch(password !== repeat);
    if (password !== repeat) return;
    void errors.submit(async () => {
      const created = await api.post<User>('/api/v1/auth/accept-invitation', { token, fullName, password });
      await login(created.email, password);
      navigate('/lam-viec');
    });
  }

  return (
    <AuthCard title={t('invite.title')} intro={t('invite.intro')} onSubmit={submit}>
      {/* A token cut short by a mail reader is refused by its format: say what to do rather than name a field. */}
      {!token || errors.field('token') ? <Alert color="red" role="alert">{t('invite.noToken')}</Alert> : <FormAlert error={errors.error} />}
      <TextInput label={t('signup.fullName')} required autoComplete="name" value={fullName}
        onChange={(e) => setFullName(e.currentTarget.value)} name="fullName" error={errors.field('fullName')} />
      <PasswordInput label={t('login.password')} description={t('signup.passwordHint')} autoComplete="new-password" required value={password}
        onChange={(e) => setPassword(e.currentTarget.value)} name="password" error={errors.field('password')} />
      <PasswordInput label={t('invite.repeat')} autoComplete="new-password" required value={repeat}
        onChange={(e) => setRepeat(e.currentTarget.value)} name="repeat" error={mismatch ? t('reset.mismatch') : undefined} />
      <Button type="submit" loading={errors.busy} disabled={!token} fullWidth size="md">{t('invite.submit')}</Button>
      <Anchor component={Link} to="/dang-nhap" size="sm">{t('signup.haveAccount')}</Anchor>
    </AuthCard>
  );
}
