// Log in, then land in the workspace of one's role.
import { Alert, Anchor, Button, PasswordInput, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { ApiError } from '../../api.js';
import { AuthCard } from '../../components/AuthCard.js';
import { useFormErrors } from '../../components/FormErrors.js';
import { useLocalized } from '../../i18n/index.js';
import { useSession } from '../../session.js';
import { useFetch } from '../../useFetch.js';
import { usePageTitle } from '../../usePageTitle.js';

export default function LoginPage() {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const { user, login } = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFormErrors();
  // The demo password is shown only while the demo accounts exist: never on a real deployment.
  const demo = useFetch<{ demo: boolean }>('/api/v1/auth/demo').data?.demo ?? false;
  // The development mailbox answers only on a server without SMTP, outside production: linked only then.
  const mailbox = useFetch<{ items: unknown[] }>('/api/v1/dev/mailbox').data !== undefined;
  usePageTitle(t('login.title'));
  // ?next=/diem-danh/… (a QR check-in opened before logging in): back there after login, same-site paths only.
  const next = new URLSearchParams(window.location.search).get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/lam-viec';
  if (user) return <Navigate to={target} replace />;

  function submit(e: FormEvent) {
    e.preventDefault();
    void errors.submit(async () => {
      await login(email, password);
      navigate(target);
    });
  }
  // A wrong e-mail or password is one message, whichever it was: the form does not tell which accounts exist.
  const failure = !errors.error ? null
    : errors.error instanceof ApiError && errors.error.status !== 401 ? pick(errors.error.problem.message) ?? t('login.failed') : t('login.failed');

  return (
    <AuthCard title={t('login.title')} intro={t('login.intro')} onSubmit={submit}>
      {failure && <Alert color="red" role="alert">{failure}</Alert>}
      <TextInput label={t('login.email')} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} name="email" />
      <PasswordInput label={t('login.password')} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} name="password" />
      <Button type="submit" loading={errors.busy} fullWidth size="md">{t('login.submit')}</Button>
      <Anchor component={Link} to="/quen-mat-khau" size="sm">{t('login.forgot')}</Anchor>
      <Anchor component={Link} to="/dang-ky" size="sm">{t('signup.link')}</Anchor>
      {demo && <Text size="xs" c="dark.3" data-testid="demo-accounts">{t('login.demo')}</Text>}
      {mailbox && <Anchor component={Link} to="/hop-thu" size="sm">{t('mailbox.link')}</Anchor>}
    </AuthCard>
  );
}
