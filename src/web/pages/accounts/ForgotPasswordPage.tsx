// "Quên mật khẩu?": ask for a reset link by e-mail. The answer is the same whether or not the address has an
// account, so the page only ever says "if it has one, a link is on its way".
import { Alert, Anchor, Button, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Message } from '../../api.js';
import { AuthCard } from '../../components/AuthCard.js';
import { FormAlert, useFormErrors } from '../../components/FormErrors.js';
import { useLocalized } from '../../i18n/index.js';
import { usePageTitle } from '../../usePageTitle.js';

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const { pick } = useLocalized();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<Message | null>(null);
  const errors = useFormErrors();
  usePageTitle(t('reset.forgotTitle'));

  function submit(e: FormEvent) {
    e.preventDefault();
    void errors.submit(async () => {
      const res = await api.post<{ message: Message }>('/api/v1/auth/password-reset', { email });
      setSent(res.message);
    });
  }

  return (
    <AuthCard title={t('reset.forgotTitle')} intro={t('reset.forgotIntro')} onSubmit={submit}>
      {sent ? <Alert color="green" role="status">{pick(sent)}</Alert> : <FormAlert error={errors.error} />}
      <TextInput label={t('login.email')} type="email" autoComplete="username" required value={email}
        onChange={(e) => setEmail(e.currentTarget.value)} name="email" error={errors.field('email')} />
      <Button type="submit" loading={errors.busy} fullWidth size="md">{t('reset.send')}</Button>
      <Anchor component={Link} to="/dang-nhap" size="sm">{t('reset.backToLogin')}</Anchor>
    </AuthCard>
  );
}
